"""Moderation: pin, lock, move, hide, merge, split, flags and the queue, audit log, suspension."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from forum import flags, moderation, posting
from forum.models import CategoryActivity, Flag, ModerationLogEntry, Post, Topic
from tests.forum.conftest import make_user, topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(forum, member):
    return posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")


def test_members_cannot_moderate(topic, member):
    with pytest.raises(PermissionDenied):
        moderation.lock_topic(topic, by=member, reason="")


def test_pin_lock_are_logged_with_reason(client, forum, topic, moderator):
    client.force_login(moderator)
    url = forum.categories["miembros"].sub_url("moderate_topic", topic.pk)
    assert client.post(url, {"action": "lock", "reason": "Discusión cerrada"}).status_code == 302
    assert client.post(url, {"action": "pin", "reason": ""}).status_code == 302
    topic.refresh_from_db()
    assert topic.is_locked and topic.is_pinned
    entry = ModerationLogEntry.objects.get(action="lock")
    assert entry.actor == moderator and entry.reason == "Discusión cerrada" and entry.topic == topic
    assert "Discusión cerrada" in client.get(forum.sub_url("audit_log")).content.decode()


def test_move_updates_counts(forum, topic, moderator, other_member):
    posting.reply(topic, author=other_member, source="b")
    moderation.move_topic(topic, forum.categories["general"], by=moderator, reason="")
    source = CategoryActivity.objects.get(category=forum.categories["miembros"])
    target = CategoryActivity.objects.get(category=forum.categories["general"])
    assert (source.topic_count, source.post_count) == (0, 0)
    assert (target.topic_count, target.post_count) == (1, 2)


def test_hidden_post_shows_placeholder_to_members(
    client, forum, topic, moderator, other_member, member
):
    post = posting.reply(topic, author=other_member, source="ofensivo")
    moderation.hide_post(post, by=moderator, reason="Insultos")
    client.force_login(member)
    html = client.get(topic_url(topic)).content.decode()
    assert 'id="post-2"' in html and "ofensivo" not in html
    client.force_login(moderator)
    assert "ofensivo" in client.get(topic_url(topic)).content.decode()
    moderation.unhide_post(post, by=moderator)
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_merge_and_split(forum, topic, member, other_member, moderator):
    posting.reply(topic, author=other_member, source="b")
    other = posting.create_topic(
        forum.categories["miembros"], author=other_member, title="O", source="c"
    )
    merged = moderation.merge_topics(other, topic, by=moderator, reason="duplicado")
    assert list(merged.posts.order_by("position").values_list("position", "source")) == [
        (1, "a"),
        (2, "b"),
        (3, "c"),
    ]
    assert not Topic.objects.filter(pk=other.pk).exists()
    merged.refresh_from_db()
    assert merged.reply_count == 2 and merged.last_position == 3
    new = moderation.split_topic(merged, [3], title="Aparte", by=moderator)
    assert list(new.posts.values_list("position", "source")) == [(1, "c")]
    merged.refresh_from_db()
    assert merged.last_position == 2
    assert CategoryActivity.objects.get(category=forum.categories["miembros"]).topic_count == 2


def test_flag_requires_reason_and_hides_at_threshold(client, forum, topic, settings, member):
    settings.PUENTE_FORUM_FLAGS_TO_HIDE = 2
    post = topic.last_post
    flaggers = [make_user(perms=["participate"]) for _ in range(2)]
    client.force_login(flaggers[0])
    url = forum.sub_url("post_action", post.pk, "flag")
    assert client.post(url, {"reason": ""}).status_code == 200  # form error, nothing saved
    assert not Flag.objects.exists()
    assert client.post(url, {"reason": "Spam"}).status_code == 302
    post.refresh_from_db()
    assert not post.is_hidden
    flags.flag_post(post, by=flaggers[1], reason="Spam también")
    post.refresh_from_db()
    assert post.is_hidden
    assert ModerationLogEntry.objects.filter(action="hide", actor=None).exists()


def test_moderator_handles_flag_from_queue(client, forum, topic, moderator, other_member):
    post = posting.reply(topic, author=other_member, source="dudoso")
    flagger = make_user(perms=["participate"])
    flags.flag_post(post, by=flagger, reason="Datos personales")
    client.force_login(moderator)
    queue = client.get(forum.sub_url("moderation")).content.decode()
    assert "Datos personales" in queue and "dudoso" in queue
    response = client.post(
        forum.sub_url("moderation"), {"post": post.pk, "action": "hide", "reason": "ok"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.open_flag_count == 0
    assert Flag.objects.get().resolution == "hide"
    assert "dudoso" not in client.get(forum.sub_url("moderation")).content.decode()


def test_queue_is_for_moderators_only(client, forum, member):
    client.force_login(member)
    assert client.get(forum.sub_url("moderation")).status_code == 403


def test_suspended_member_cannot_post_but_reads(client, forum, topic, moderator, other_member):
    moderation.suspend_member(
        other_member, until=timezone.now() + timezone.timedelta(days=3), reason="Spam", by=moderator
    )
    other_member = type(other_member).objects.get(pk=other_member.pk)
    with pytest.raises(PermissionDenied):
        posting.reply(topic, author=other_member, source="x")
    client.force_login(other_member)
    assert client.get(topic_url(topic)).status_code == 200
    assert ModerationLogEntry.objects.filter(action="suspend", member=other_member).exists()
    assert Post.objects.count() == 1


def test_merge_and_split_through_the_moderation_page(
    client, forum, topic, member, other_member, moderator
):
    posting.reply(topic, author=other_member, source="b")
    other = posting.create_topic(
        forum.categories["miembros"], author=other_member, title="Duplicado", source="c"
    )
    page = forum.categories["miembros"]
    client.force_login(member)
    assert (
        client.post(page.sub_url("moderate_topic", other.pk), {"action": "merge"}).status_code
        == 403
    )

    client.force_login(moderator)
    form = client.get(page.sub_url("moderate_topic", other.pk)).content.decode()
    assert f"número {other.pk}" in form
    response = client.post(
        page.sub_url("moderate_topic", other.pk),
        {"action": "merge", "into": str(topic.pk), "reason": "Mismo tema"},
    )
    assert response.status_code == 302 and response["Location"] == topic_url(topic)
    assert list(topic.posts.order_by("position").values_list("source", flat=True)) == [
        "a",
        "b",
        "c",
    ]
    entry = ModerationLogEntry.objects.get(action="merge")
    assert (entry.actor, entry.topic) == (moderator, topic)
    assert "Duplicado" in entry.reason and "Mismo tema" in entry.reason

    response = client.post(
        page.sub_url("moderate_topic", topic.pk),
        {"action": "split", "positions": "3", "title": "Aparte", "reason": "Otro asunto"},
    )
    new = Topic.objects.get(title="Aparte")
    assert response.status_code == 302 and response["Location"] == topic_url(new)
    assert list(new.posts.values_list("position", "source")) == [(1, "c")]
    assert ModerationLogEntry.objects.get(action="split").reason.endswith("Otro asunto")
    audit = client.get(forum.sub_url("audit_log")).content.decode()
    assert "Mismo tema" in audit and "Otro asunto" in audit


@pytest.mark.parametrize(
    "data",
    [
        {"action": "merge", "into": "abc"},
        {"action": "merge", "into": "999999"},
        {"action": "merge", "into": "self"},
        {"action": "split", "positions": "", "title": "x"},
        {"action": "split", "positions": "1,2", "title": "x"},
        {"action": "move", "category": "<script>"},
    ],
)
def test_bad_moderation_input_is_a_translated_400(
    client, forum, topic, other_member, moderator, data
):
    posting.reply(topic, author=other_member, source="b")
    if data.get("into") == "self":
        data = {**data, "into": str(topic.pk)}
    client.force_login(moderator)
    response = client.post(forum.categories["miembros"].sub_url("moderate_topic", topic.pk), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "<script>" not in html
    assert Topic.objects.count() == 1 and topic.posts.count() == 2


def test_moved_posts_are_found_under_their_new_topic(
    forum, member, other_member, moderator, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import AnonymousUser

    from search import backends, service

    backends.reset()

    def titles(text, user=None):
        found = service.search(text, user=user or AnonymousUser(), language="es", filters={})
        return [hit.title for hit in found.hits]

    with django_capture_on_commit_callbacks(execute=True):
        public = posting.create_topic(
            forum.categories["general"], author=member, title="Albergues", source="Lista"
        )
        private = posting.create_topic(
            forum.categories["miembros"], author=member, title="Interno", source="Inicio"
        )
        posting.reply(private, author=other_member, source="Recomiendo Mexicali")
    assert titles("Mexicali") == []  # members only
    with django_capture_on_commit_callbacks(execute=True):
        moderation.merge_topics(private, public, by=moderator, reason="")
    assert titles("Mexicali") == ["Albergues"]
    with django_capture_on_commit_callbacks(execute=True):
        moderation.split_topic(public, [2, 3], title="Norte", by=moderator)
    assert titles("Mexicali") == ["Norte"]
    backends.reset()


def test_moving_posts_tells_what_moved(forum, topic, other_member, moderator):
    from forum.signals import posts_moved

    reply = posting.reply(topic, author=other_member, source="b")
    heard = []

    def listen(sender, posts, previous, **kwargs):
        heard.append(([(p.pk, p.topic_id, p.position) for p in posts], previous))

    posts_moved.connect(listen)
    try:
        new = moderation.split_topic(topic, [2], title="Aparte", by=moderator)
    finally:
        posts_moved.disconnect(listen)
    assert heard == [([(reply.pk, new.pk, 1)], {reply.pk: (topic.pk, 2)})]
