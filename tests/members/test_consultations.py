"""The site's answers to kb's consultation hooks: who decides for an organisation, start panel."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from kb import consultation as domain
from kb.models import PolicyPositionIndexPage, PolicyPositionPage
from members import permissions
from members.consultations import start_panel
from members.models import Membership

pytestmark = pytest.mark.django_db


def test_org_admins_and_authorised_members_decide_for_their_organisation(kb_tree, people):
    org_a, org_b = kb_tree["org_a"], kb_tree["org_b"]
    assert permissions.can_decide_for(people["org_admin"], org_a)
    assert not permissions.can_decide_for(people["org_admin"], org_b)
    assert not permissions.can_decide_for(people["member"], org_a)
    assert not permissions.can_decide_for(people["coordinator"], org_a)
    Membership.objects.filter(user=people["member"]).update(may_endorse=True)
    assert permissions.can_decide_for(people["member"], org_a)
    assert not permissions.can_decide_for(people["outsider"], org_a)


def test_open_consultation_uses_the_site_rules_and_shows_on_the_start_page(
    root_page, kb_tree, people
):
    index = root_page.add_child(instance=PolicyPositionIndexPage(title="Posicionamientos"))
    position = index.add_child(
        instance=PolicyPositionPage(
            title="Acceso a documentos", summary="Resumen.", context="<p>C</p>", status="draft"
        )
    )
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    with pytest.raises(Exception):  # noqa: B017, PT011 - PermissionDenied for non-coordinators
        domain.open_consultation(position, by=people["org_admin"], deadline=deadline)
    consultation = domain.open_consultation(position, by=people["coordinator"], deadline=deadline)
    assert consultation.discussion_url == ""  # no consultation category in this tree
    domain.decide(
        consultation.version, kb_tree["org_a"], by=people["org_admin"], decision="endorse"
    )

    request = RequestFactory().get("/")
    request.user = people["member"]
    panel = start_panel(request)
    assert panel and "Acceso a documentos" in panel["links"][0][0]
    request.user = people["outsider"]
    assert start_panel(request) is None


def test_opening_a_consultation_starts_or_reuses_the_positions_forum_topic(
    root_page, kb_tree, people, settings
):
    from forum.models import CategoryPage, ForumIndexPage, Topic

    settings.PUENTE_MEMBERS_CONSULTATION_CATEGORY = "consultas"
    from wagtail.models import Site

    site_root = Site.objects.get(is_default_site=True).root_page
    forum = site_root.add_child(instance=ForumIndexPage(title="Foro", slug="foro"))
    category = forum.add_child(
        instance=CategoryPage(title="Consultas", slug="consultas", visibility="members")
    )
    category.save_revision().publish()
    index = root_page.add_child(instance=PolicyPositionIndexPage(title="Posicionamientos"))
    position = index.add_child(
        instance=PolicyPositionPage(
            title="Acceso a documentos", summary="Resumen.", context="<p>C</p>", status="draft"
        )
    )
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    consultation = domain.open_consultation(position, by=people["coordinator"], deadline=deadline)
    topic = Topic.objects.get(kb_page=position)
    assert topic.category_id == category.pk and topic.author == people["coordinator"]
    assert "Acceso a documentos" in topic.title
    assert consultation.discussion_url.endswith(f"/t/{topic.pk}-{topic.slug}/")

    domain.adopt_position(position, by=people["coordinator"])
    again = domain.open_consultation(position, by=people["coordinator"], deadline=deadline)
    assert Topic.objects.filter(kb_page=position).count() == 1
    assert again.discussion_url == consultation.discussion_url
