"""The "helpful" reaction on posts, one per member, and the answer of a Q&A topic."""

from django.db import IntegrityError, transaction
from django.db.models import F

from forum import permissions
from forum.models import Post, Reaction, Topic


@transaction.atomic
def mark_helpful(post: Post, *, by) -> bool:
    """Add the member's reaction; False if it was there already."""
    permissions.require(by, "react", post)
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=by)
    except IntegrityError:
        return False
    Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
    return True


@transaction.atomic
def unmark_helpful(post: Post, *, by) -> bool:
    deleted, _ = Reaction.objects.filter(post=post, user=by).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") - 1)
    return bool(deleted)


def mark_answer(post: Post, *, by) -> None:
    """In a Q&A category, the topic's author (or a moderator) picks the reply that answers it."""
    permissions.require(by, "mark_answer", post)
    Topic.objects.filter(pk=post.topic_id).update(answer=post)
    post.topic.answer = post


def unmark_answer(topic: Topic, *, by) -> None:
    if topic.answer_id:
        permissions.require(by, "mark_answer", topic.answer)
    Topic.objects.filter(pk=topic.pk).update(answer=None)
