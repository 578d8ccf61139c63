"""Concurrent replies to one topic, each writer in its own thread and database connection."""

import threading

import pytest
from django.db import connection

from forum import posting
from forum.models import CategoryActivity, Post
from tests.forum.conftest import make_user

WRITERS = 5
REPLIES_EACH = 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_replies_all_survive_with_distinct_positions(forum, member, settings):
    settings.PUENTE_FORUM_RATE_LIMIT_POSTS = 100
    category = forum.categories["miembros"]
    topic = posting.create_topic(category, author=member, title="Muchas voces", source="¿Quién?")
    writers = [make_user(perms=["participate"]) for _ in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    failures = []

    def write(author):
        try:
            start.wait()
            for n in range(REPLIES_EACH):
                posting.reply(topic, author=author, source=f"{author} {n}")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(author,)) for author in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    total = 1 + WRITERS * REPLIES_EACH
    positions = sorted(Post.objects.filter(topic=topic).values_list("position", flat=True))
    assert positions == list(range(1, total + 1))
    topic.refresh_from_db()
    assert (topic.last_position, topic.reply_count) == (total, total - 1)
    assert topic.last_post.position == total
    for author in writers:
        texts = set(Post.objects.filter(author=author).values_list("source", flat=True))
        assert texts == {f"{author} {n}" for n in range(REPLIES_EACH)}
    activity = CategoryActivity.objects.get(category=category)
    assert (activity.topic_count, activity.post_count) == (1, total)
