"""Every email reaches its recipient in their language, dates and numbers in its format."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from forum import notifications, posting
from members import invitations, join_requests
from members.models import JoinRequest
from tests.forum.conftest import forum, make_user  # noqa: F401 (a fixture)
from tests.members.conftest import kb_tree, people  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
DUMMY_TASKS = "django_tasks.backends.dummy.DummyBackend"

GERMAN_DATE = re.compile(
    r"\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember) \d{4}\b"
)


def only_email():
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_an_invitation_is_in_german_with_a_german_date(people, kb_tree):  # noqa: F811
    invitation = invitations.invite(
        email="neu@example.org",
        organisation=kb_tree["org_a"],
        role="member",
        language="de",
        by=people["coordinator"],
    )
    message = only_email()
    assert message.subject.startswith("[Puente] Einladung")
    assert "Hallo," in message.body
    assert message.extra_headers["Content-Language"] == "de"
    expires = timezone.localtime(invitation.expires_at)
    assert f"{expires.day}. " in message.body
    assert GERMAN_DATE.search(message.body), message.body


def test_a_join_request_reaches_a_german_decider_in_german(people, kb_tree):  # noqa: F811
    people["org_admin"].preferred_language = "de"
    people["org_admin"].save()
    people["coordinator"].preferred_language = "en"
    people["coordinator"].save()
    join_requests.submit(
        JoinRequest(
            name="Lucía",
            email="lucia@example.org",
            organisation=kb_tree["org_a"],
            message="Trabajo en el albergue.",
            language="es",
            created_at=timezone.make_aware(datetime.datetime(2026, 3, 3, 12)),
        )
    )
    by_recipient = {message.to[0]: message for message in mail.outbox}
    german = by_recipient["org_admin@example.org"]
    assert "möchte" in german.subject or "beitreten" in german.subject
    assert "Gesendet am 3. März 2026." in german.body
    assert "Trabajo en el albergue." in german.body  # the applicant's own words, untouched
    english = by_recipient["coordinator@example.org"]
    assert "Sent on March 3, 2026." in english.body


def test_a_declined_join_request_is_told_in_the_applicants_language(people, kb_tree):  # noqa: F811
    request = JoinRequest.objects.create(
        name="Jonas", email="jonas@example.org", organisation=kb_tree["org_a"], language="de"
    )
    join_requests.decline(request, by=people["coordinator"])
    message = only_email()
    assert message.body.startswith("Hallo Jonas,")
    assert message.extra_headers["Content-Language"] == "de"


def test_a_password_reset_follows_the_account_language_not_the_page(client, people):  # noqa: F811
    people["member"].preferred_language = "de"
    people["member"].save()
    client.post("/en/accounts/password/reset/", {"email": "member@example.org"})
    message = only_email()
    assert "Passwort" in message.subject + message.body


def test_forum_notifications_are_in_german_with_german_plurals(forum):  # noqa: F811
    german = make_user("greta", perms=["participate"], preferred_language="de")
    writer = make_user("rosa", perms=["participate"], first_name="Rosa")
    topic = posting.create_topic(
        forum.categories["miembros"], author=german, title="Empleo", source="a"
    )
    with override_settings(TASKS={"default": {"BACKEND": DUMMY_TASKS}}):  # batch, then send
        posting.reply(topic, author=writer, source="uno")
        posting.reply(topic, author=writer, source="dos")
    notifications.send_pending(german)
    message = only_email()
    assert message.subject == "Puente-Forum: 2 neue Beiträge"
    assert message.body.startswith("Hallo ")
    assert "Rosa hat geschrieben" in message.body
