"""Helpful reactions (one per member) and answers in Q&A categories."""

import pytest
from django.core.exceptions import PermissionDenied

from forum import posting, reactions
from forum.models import Post

pytestmark = pytest.mark.django_db


def test_helpful_once_per_member(client, forum, member, other_member):
    topic = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    client.force_login(other_member)
    url = forum.sub_url("post_action", topic.last_post_id, "helpful")
    client.post(url)
    client.post(url)
    assert Post.objects.get(pk=topic.last_post_id).helpful_count == 1
    with pytest.raises(PermissionDenied):
        reactions.mark_helpful(topic.last_post, by=member)  # not on one's own post


def test_answer_only_in_qa_category(client, forum, member, other_member):
    qa = posting.create_topic(
        forum.categories["preguntas"], author=member, title="¿Cómo?", source="?"
    )
    answer = posting.reply(qa, author=other_member, source="Así.")
    client.force_login(member)
    client.post(forum.sub_url("post_action", answer.pk, "answer"))
    qa.refresh_from_db()
    assert qa.answer == answer
    plain = posting.create_topic(forum.categories["miembros"], author=member, title="T", source="a")
    reply = posting.reply(plain, author=other_member, source="b")
    with pytest.raises(PermissionDenied):
        reactions.mark_answer(reply, by=member)
