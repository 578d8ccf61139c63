"""Groups "Editors" and "Coordinators" and the "Network review" workflow for the knowledge base.

Editors write and submit; coordinators approve (publish) or reject with a comment.
Permissions are granted on the tree root, so they reach every knowledge-base page in
any project; per-organisation ownership comes with the members app.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
COORDINATORS = "Coordinators"
WORKFLOW = "Network review"
TASK = "Coordinator approval"

SNIPPET_MODELS = ["theme", "population", "region", "endorsement"]
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    COORDINATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
SNIPPET_ACTIONS = {
    EDITORS: ["view"],
    COORDINATORS: ["view", "add", "change", "delete"],
}


def create_groups_and_workflow(apps, schema_editor):
    # Permissions of new models only exist after post_migrate; create them now.
    for app_label in ("kb", "wagtailcore", "wagtailadmin", "wagtaildocs", "wagtailimages"):
        try:
            app_config = apps.get_app_config(app_label)
        except LookupError:
            continue
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    def permission(app_label, codename):
        return Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, COORDINATORS)}
    admin_access = permission("wagtailadmin", "access_admin")
    for name, group in groups.items():
        if admin_access:
            group.permissions.add(admin_access)
        for action in SNIPPET_ACTIONS[name]:
            for model in SNIPPET_MODELS:
                found = permission("kb", f"{action}_{model}")
                if found:
                    group.permissions.add(found)
        for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
            for action in ("add", "change", "choose"):
                found = permission(app_label, f"{action}_{model}")
                if found:
                    group.permissions.add(found)

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            found = permission("wagtailcore", codename)
            if found:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root, permission=found
                )

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK, active=True, content_type=task_type)
    task.groups.add(groups[COORDINATORS])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Replaces Wagtail's default "Moderators approval" on the root: one review for all pages.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
