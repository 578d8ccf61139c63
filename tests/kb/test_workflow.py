"""The "Network review" workflow: an editor submits, a coordinator approves and it is published."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from tests.kb import factories


@pytest.mark.django_db
def test_groups_have_page_and_snippet_permissions():
    editors = Group.objects.get(name="Editors")
    coordinators = Group.objects.get(name="Coordinators")
    assert coordinators.page_permissions.filter(permission__codename="publish_page").exists()
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
    assert editors.page_permissions.filter(permission__codename="change_page").exists()
    assert coordinators.permissions.filter(codename="change_theme").exists()


@pytest.mark.django_db
def test_workflow_moves_a_page_from_submitted_to_published(indexes):
    users = get_user_model().objects
    editor = users.create_user(username="editor", password="x", email="e@example.org")
    coordinator = users.create_user(username="coord", password="x", email="c@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    page = factories.GoodPracticePageFactory(parent=indexes["practices"], publish=False)
    page.live = False
    page.save()

    workflow = page.get_workflow()
    assert workflow == Workflow.objects.get(name="Network review")
    revision = page.save_revision(user=editor)
    state = workflow.start(page, editor)
    assert state.status == "in_progress"
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.user_can_access_editor(page, coordinator)
    assert not task.user_can_access_editor(page, editor) or editor.is_superuser is False
    assert [a[0] for a in task.get_actions(page, coordinator)][:2] == ["reject", "approve"]
    assert task.get_actions(page, editor) == []

    task.on_action(task_state, coordinator, "approve", comment="Lista")
    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == "approved"
    assert page.live
    assert page.live_revision_id == revision.pk or page.live_revision is not None


@pytest.mark.django_db
def test_coordinator_rejects_with_a_comment(indexes):
    users = get_user_model().objects
    editor = users.create_user(username="editor", password="x", email="e@example.org")
    coordinator = users.create_user(username="coord", password="x", email="c@example.org")
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    page = factories.GoodPracticePageFactory(parent=indexes["practices"], publish=False)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, coordinator, "reject", comment="Falta contexto")
    state.refresh_from_db()
    task_state.refresh_from_db()
    assert state.status == "needs_changes"
    assert task_state.comment == "Falta contexto"
