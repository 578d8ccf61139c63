"""Moderators' operations on topics, posts and members; each one is written to the audit log."""

from django.db import transaction
from django.utils import timezone

from forum import audit, counters, permissions, signals
from forum.models import ForumSuspension, Post, Topic


def _set_topic(topic: Topic, by, action: str, reason: str, **fields) -> None:
    permissions.require(by, "moderate", topic)
    for name, value in fields.items():
        setattr(topic, name, value)
    topic.save(update_fields=list(fields))
    audit.record(by, action, topic=topic, reason=reason)


def pin_topic(topic: Topic, *, by, reason: str = "") -> None:
    """Keep the topic at the top of its category."""
    _set_topic(topic, by, "pin", reason, is_pinned=True)


def unpin_topic(topic: Topic, *, by, reason: str = "") -> None:
    _set_topic(topic, by, "unpin", reason, is_pinned=False)


def lock_topic(topic: Topic, *, by, reason: str = "") -> None:
    """Stop new replies."""
    _set_topic(topic, by, "lock", reason, is_locked=True)


def unlock_topic(topic: Topic, *, by, reason: str = "") -> None:
    _set_topic(topic, by, "unlock", reason, is_locked=False)


@transaction.atomic
def move_topic(topic: Topic, to_category, *, by, reason: str = "") -> None:
    """Move the topic, with its posts and counts, to another category."""
    to_category = to_category.canonical()
    permissions.require(by, "moderate", topic)
    permissions.require(by, "moderate", to_category)
    source = topic.category
    if source.pk == to_category.pk:
        return
    topic.category = to_category
    topic.save(update_fields=["category"])
    counters.recount_category(source)
    counters.recount_category(to_category)
    audit.record(by, "move", topic=topic, reason=f"{source.title} → {to_category.title}. {reason}")


@transaction.atomic
def hide_post(post: Post, *, by, reason: str) -> None:
    """Hide a post from everyone but moderators; it keeps its place in the topic."""
    if by is not None:
        permissions.require(by, "moderate", post.topic)
    if post.is_hidden:
        return
    was_visible = post.is_visible
    post.is_hidden = True
    post.hidden_reason = reason[:300]
    post.save(update_fields=["is_hidden", "hidden_reason"])
    if was_visible:
        _visible_changed(post, -1)
    audit.record(by, "hide", post=post, reason=reason)


@transaction.atomic
def unhide_post(post: Post, *, by, reason: str = "") -> None:
    permissions.require(by, "moderate", post.topic)
    if not post.is_hidden:
        return
    post.is_hidden = False
    post.hidden_reason = ""
    post.save(update_fields=["is_hidden", "hidden_reason"])
    if post.is_visible:
        _visible_changed(post, +1)
    audit.record(by, "unhide", post=post, reason=reason)


def _visible_changed(post, delta):
    from forum.posting import _visible_changed

    _visible_changed(post, delta)


def _move_posts(posts: list[Post], topic: Topic, *, after: int) -> None:
    """Give ``posts`` (in position order) to ``topic``, at positions ``after + 1`` onwards.

    Saved one by one rather than with ``update()``: ``post_save`` is what indexers (the
    search app) listen to, so moved posts are found under their new topic.
    """
    previous = {post.pk: (post.topic_id, post.position) for post in posts}
    for position, post in enumerate(posts, start=after + 1):
        post.topic = topic
        post.position = position
        post.save(update_fields=["topic", "position"])
    signals.posts_moved.send(sender=Post, posts=posts, previous=previous)


@transaction.atomic
def merge_topics(topic: Topic, into: Topic, *, by, reason: str = "") -> Topic:
    """Append ``topic``'s posts to ``into`` in their order, then remove ``topic``."""
    permissions.require(by, "moderate", topic)
    permissions.require(by, "moderate", into)
    if topic.pk == into.pk:
        raise ValueError("a topic cannot be merged into itself")
    target = Topic.objects.select_for_update().select_related("category").get(pk=into.pk)
    posts = list(Post.objects.filter(topic=topic).order_by("position"))
    _move_posts(posts, target, after=target.last_position)
    audit.record(by, "merge", topic=target, reason=f"#{topic.pk} {topic.title}. {reason}")
    source_category = topic.category
    topic.delete()
    counters.recount_topic(target)
    counters.recount_category(source_category)
    counters.recount_category(target.category)
    return target


@transaction.atomic
def split_topic(topic: Topic, positions: list[int], *, title: str, by, reason: str = "") -> Topic:
    """Move the posts at ``positions`` into a new topic in the same category.

    The remaining posts keep their positions (and permalinks); pages may have gaps.
    """
    permissions.require(by, "moderate", topic)
    posts = list(Post.objects.filter(topic=topic, position__in=positions).order_by("position"))
    if not posts or len(posts) == Post.objects.filter(topic=topic).count():
        raise ValueError("nothing to split")
    first = posts[0]
    new = Topic.objects.create(
        category=topic.category,
        title=title,
        author=first.author,
        language=first.language,
        created_at=first.created_at,
    )
    _move_posts(posts, new, after=0)
    counters.recount_topic(new)
    counters.recount_topic(topic)
    counters.recount_category(topic.category)
    audit.record(by, "split", topic=topic, reason=f"→ #{new.pk} {title}. {reason}")
    return new


def suspend_member(member, *, until, reason: str, by) -> ForumSuspension:
    """The member may read but not write until ``until``."""
    permissions.require(by, "moderate")
    suspension = ForumSuspension.objects.create(user=member, until=until, reason=reason, by=by)
    audit.record(by, "suspend", member=member, reason=f"{until:%Y-%m-%d %H:%M}. {reason}")
    return suspension


def lift_suspension(member, *, by, reason: str = "") -> None:
    permissions.require(by, "moderate")
    ForumSuspension.objects.filter(user=member, until__gt=timezone.now()).update(
        until=timezone.now()
    )
    audit.record(by, "unsuspend", member=member, reason=reason)
