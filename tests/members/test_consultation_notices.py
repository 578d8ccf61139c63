"""What members are told about consultations: open ones and their deadlines on the start
page, and a request to confirm their signature when a new version is adopted."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from kb import consultation as domain
from kb.models import PolicyPositionIndexPage, PolicyPositionPage
from members.models import Membership
from tests.members.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def position(root_page):
    index = root_page.add_child(instance=PolicyPositionIndexPage(title="Posicionamientos"))
    page = index.add_child(
        instance=PolicyPositionPage(
            title="Acceso a documentos", summary="Resumen.", context="<p>C</p>", status="draft"
        )
    )
    page.save_revision().publish()
    return page


def test_members_see_open_consultations_and_deadlines_on_their_start_page(client, position, people):
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    consultation = domain.open_consultation(position, by=people["coordinator"], deadline=deadline)
    client.force_login(people["member"])
    html = client.get("/es/members/").content.decode()
    assert "Consultas abiertas" in html or "Open consultations" in html
    assert "Acceso a documentos" in html
    assert deadline.strftime("%d/%m/%Y") in html or deadline.isoformat() in html

    consultation.deadline = timezone.localdate() - datetime.timedelta(days=1)
    consultation.save()
    assert "Acceso a documentos" not in client.get("/es/members/").content.decode()


def test_signers_of_the_previous_version_are_emailed_to_confirm(
    position, kb_tree, people, django_capture_on_commit_callbacks
):
    org_a, org_b = kb_tree["org_a"], kb_tree["org_b"]
    german_admin = make_user("admin_b", language="de")
    Membership.objects.create(user=german_admin, organisation=org_b, role="admin")
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    version = domain.open_consultation(position, by=people["coordinator"], deadline=deadline)
    for organisation, admin in ((org_a, people["org_admin"]), (org_b, german_admin)):
        domain.decide(version.version, organisation, by=admin, decision="endorse")
    domain.adopt_position(position, by=people["coordinator"])
    position.summary = "Resumen nuevo."
    position.save_revision().publish()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        domain.adopt_position(position, by=people["coordinator"], number=2)

    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {people["org_admin"].email, german_admin.email}
    spanish, german = by_person[people["org_admin"].email], by_person[german_admin.email]
    assert "versión 2" in spanish.subject and "Casa A" in spanish.body
    assert "Version 2" in german.subject and "Albergue B" in german.body
    assert german.extra_headers["Content-Language"] == "de"
    assert "#cosigning" in spanish.body
