"""Notifications: auto-watch, mentions, quotes, in-site list, batched emails, unsubscribe."""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks import default_task_backend

from forum import notifications, posting
from forum.models import Notification, Subscription

pytestmark = pytest.mark.django_db


def test_creator_watches_and_is_notified_of_replies(client, forum, member, other_member):
    topic = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    posting.reply(topic, author=other_member, source="b")
    note = Notification.objects.get(user=member)
    assert note.kind == "reply" and note.actor == other_member
    assert Subscription.objects.get(user=other_member, topic=topic).level == "watching"
    client.force_login(member)
    html = client.get(forum.sub_url("notifications")).content.decode()
    assert "1 unread" in html or "1 no leída" in html or "forum-notification--unread" in html
    client.post(forum.sub_url("notifications"), {"mark_read": "1"})
    assert notifications.unread_count(member) == 0


def test_mention_notifies_and_muted_does_not(forum, member, other_member, moderator):
    topic = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    posting.reply(topic, author=member, source="¿Qué opinas, @jonas?")
    assert Notification.objects.get(user=other_member).kind == "mention"
    notifications.set_topic_level(other_member, topic, "muted")
    posting.reply(topic, author=member, source="@jonas otra vez")
    assert Notification.objects.filter(user=other_member).count() == 1


def test_no_notification_for_readers_who_cannot_see(forum, member, outsider):
    topic = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    posting.reply(topic, author=member, source="@outsider hola")
    assert not Notification.objects.filter(user=outsider).exists()


def test_emails_are_batched_and_in_recipient_language(forum, member, other_member):
    from tests.forum.conftest import make_user

    third = make_user("tercera", perms=["participate"])
    topic = posting.create_topic(
        forum.categories["miembros"], author=member, title="Empleo", source="a"
    )
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        posting.reply(topic, author=other_member, source="uno")
        posting.reply(topic, author=third, source="dos")
        posting.reply(topic, author=other_member, source="tres")
        assert mail.outbox == []
        results = list(default_task_backend.results)
        member_tasks = [r for r in results if r.args == [member.pk]]
        assert len(member_tasks) == 1
        for result in results:
            result.task.func(*result.args)
    to_member = [m for m in mail.outbox if m.to == [member.email]]
    assert len(to_member) == 1
    assert "Empleo" in to_member[0].body
    assert "/unsubscribe/" in to_member[0].body
    assert "List-Unsubscribe" in to_member[0].extra_headers


def test_email_goes_out_in_preferred_language(forum, member, other_member):
    member.preferred_language = "de"  # read with getattr: the bare project's user has no field
    topic = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    note = Notification.objects.create(
        user=member, kind="reply", topic=topic, post=topic.last_post, actor=other_member
    )
    assert note
    mail.outbox.clear()
    notifications.send_pending(member)
    assert "Forum Puente" in mail.outbox[0].subject or "Puente-Forum" in mail.outbox[0].subject


def test_unsubscribe_link_mutes_without_login(client, forum, member, other_member):
    topic = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    token = notifications.unsubscribe_token(member, topic)
    response = client.get(forum.sub_url("unsubscribe", token))
    assert response.status_code == 200
    assert Subscription.objects.get(user=member, topic=topic).level == "muted"
    posting.reply(topic, author=other_member, source="b")
    assert not Notification.objects.filter(user=member).exists()
    assert client.get(forum.sub_url("unsubscribe", "forged")).status_code == 200


def test_category_levels_through_the_page(client, forum, member, other_member):
    category = forum.categories["miembros"]
    client.force_login(other_member)
    response = client.post(category.sub_url("watch_category"), {"level": "watching"})
    assert response.status_code == 302
    assert '<option value="watching" selected>' in client.get(category.url).content.decode()
    topic = posting.create_topic(category, author=member, title="Nuevo", source="a")
    assert Notification.objects.get(user=other_member).topic == topic
    notifications.set_topic_level(other_member, topic, "muted")  # the topic's level wins
    posting.reply(topic, author=member, source="b")
    assert Notification.objects.filter(user=other_member).count() == 1
    client.post(category.sub_url("watch_category"), {"level": "muted"})
    posting.create_topic(category, author=member, title="Otro", source="c")
    assert Notification.objects.filter(user=other_member).count() == 1
    refused = client.post(category.sub_url("watch_category"), {"level": "loud"})
    assert refused.status_code == 400
    assert "Elige uno de los niveles de notificaciones ofrecidos." in refused.content.decode()
    assert notifications.category_level(other_member, category) == "muted"
