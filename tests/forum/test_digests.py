"""Daily and weekly digests: the command that queues them, their content and languages."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Site

from forum import notifications, posting
from forum.models import EmailPreference, Notification
from kb import consultation as kb_consultation
from kb.models import PolicyPositionPage
from tests.forum.conftest import make_user
from tests.kb import factories

pytestmark = pytest.mark.django_db
DEADLINE = timezone.localdate() + datetime.timedelta(days=10)


def broken_section(user):
    raise RuntimeError("a section that fails")


@pytest.fixture
def kb_defaults(settings):
    """kb's own consultation rules (Django permissions), also in the full site."""
    settings.PUENTE_KB_IS_COORDINATOR = "kb.consultation.default_is_coordinator"
    settings.PUENTE_KB_IS_MEMBER = "kb.consultation.default_is_member"
    settings.PUENTE_KB_ON_CONSULTATION_OPENED = None


@pytest.fixture
def open_consultation(forum, kb_defaults):
    site_root = Site.objects.get(is_default_site=True).root_page.specific
    positions = factories.kb_indexes(site_root)["positions"]
    position = factories.PolicyPositionPageFactory(
        parent=positions,
        title="Acceso a documentos de identidad",
        slug="acceso",
        status=PolicyPositionPage.Status.DRAFT,
        date_adopted=None,
    )
    coordinator = make_user("coordinadora")
    for codename in ("coordinate_consultation", "view_endorsement"):
        coordinator.user_permissions.add(Permission.objects.get(codename=codename))
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    return kb_consultation.open_consultation(position, by=coordinator, deadline=DEADLINE)


def reader(username, frequency, *, consults=True):
    user = make_user(username, perms=["participate"])
    if consults:
        user.user_permissions.add(Permission.objects.get(codename="view_endorsement"))
    EmailPreference.objects.create(user=user, frequency=frequency)
    return type(user).objects.get(pk=user.pk)


def test_daily_digest_lists_news_and_open_consultations_once(forum, member, open_consultation):
    daily = reader("diaria", "daily")
    weekly = reader("semanal", "weekly")
    topic = posting.create_topic(
        forum.categories["miembros"], author=member, title="Ferias de empleo", source="¿Quién va?"
    )
    for subscriber in (daily, weekly):
        notifications.set_topic_level(subscriber, topic, "watching")
    mail.outbox.clear()
    posting.reply(topic, author=member, source="Yo voy el martes.")
    assert mail.outbox == []  # digest readers get no immediate email

    call_command("send_forum_digests", "--period", "daily")
    (digest,) = mail.outbox
    assert digest.to == [daily.email]
    assert "resumen" in digest.subject.lower()
    assert "Ferias de empleo" in digest.body
    assert "Consultas abiertas" in digest.body
    assert "Acceso a documentos de identidad" in digest.body
    assert DEADLINE.strftime("%d/%m/%Y") in digest.body
    assert "/unsubscribe/" in digest.body
    assert Notification.objects.get(user=daily).emailed_at is not None

    call_command("send_forum_digests", "--period", "daily")  # a second run the same day
    assert len(mail.outbox) == 1
    call_command("send_forum_digests", "--period", "weekly")
    assert [m.to for m in mail.outbox[1:]] == [[weekly.email]]


def test_digest_speaks_the_readers_language(forum, open_consultation):
    daily = reader("lesende", "daily")
    daily.preferred_language = "de"  # read with getattr: the bare project's user has no field
    mail.outbox.clear()
    assert notifications.send_digest(daily)
    (digest,) = mail.outbox
    assert "Offene Konsultationen" in digest.body
    assert "Zusammenfassung" in digest.subject


def test_no_consultations_for_those_outside_them_and_no_empty_email(forum, open_consultation):
    reader("lectora", "daily", consults=False)
    mail.outbox.clear()
    call_command("send_forum_digests", "--period", "daily")
    assert mail.outbox == []


def test_a_failing_section_is_left_out(forum, open_consultation, settings, caplog):
    settings.PUENTE_FORUM_DIGEST_SECTIONS = [
        "tests.forum.test_digests.broken_section",
        "forum.kb_digest.open_consultations",
    ]
    daily = reader("diaria", "daily")
    mail.outbox.clear()
    assert notifications.send_digest(daily)
    assert "Acceso a documentos" in mail.outbox[0].body
    assert "broken_section failed" in caplog.text


def test_command_requires_a_period():
    with pytest.raises(CommandError):
        call_command("send_forum_digests")
    with pytest.raises(CommandError):
        call_command("send_forum_digests", "--period", "hourly")
