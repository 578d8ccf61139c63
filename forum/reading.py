"""Read tracking: how far each member has read each topic, and which pages posts are on."""

from django.db.models import F

from forum import permissions
from forum.conf import forum_settings
from forum.models import Topic, TopicReadState


def page_of(position: int) -> int:
    """The topic page a post at ``position`` is on."""
    return (position - 1) // forum_settings.POSTS_PER_PAGE + 1


def position_range(page_number: int) -> tuple[int, int]:
    """The first and last position on a topic page."""
    size = forum_settings.POSTS_PER_PAGE
    return (page_number - 1) * size + 1, page_number * size


def page_count(topic: Topic) -> int:
    return max(page_of(topic.last_position), 1)


_UNKNOWN = object()


def mark_read(user, topic: Topic, position: int, *, read_before=_UNKNOWN) -> None:
    """Remember that ``user`` has read ``topic`` up to ``position`` (never backwards).

    ``read_before`` is the position already read, if the caller has looked it up (None:
    never opened): a page read again then costs no query.
    """
    if not permissions.is_participant(user):
        return
    if read_before is None:
        TopicReadState.objects.get_or_create(
            user=user, topic=topic, defaults={"last_read_position": position}
        )
        return
    if read_before is not _UNKNOWN and read_before >= position:
        return
    updated = TopicReadState.objects.filter(
        user=user, topic=topic, last_read_position__lt=position
    ).update(last_read_position=position)
    if not updated:
        TopicReadState.objects.get_or_create(
            user=user, topic=topic, defaults={"last_read_position": position}
        )


def last_read_position(user, topic: Topic) -> int | None:
    """None if the member never opened the topic."""
    if not permissions.is_participant(user):
        return None
    return (
        TopicReadState.objects.filter(user=user, topic=topic)
        .values_list("last_read_position", flat=True)
        .first()
    )


def first_unread_position(user, topic: Topic) -> int:
    """Where to continue reading: the first post after the last one read."""
    read = last_read_position(user, topic)
    if read is None:
        return 1
    return min(read + 1, max(topic.last_position, 1))


def read_positions(user, topics) -> dict[int, int]:
    """Last read position per topic id, for a page of topics, in one query."""
    if not permissions.is_participant(user):
        return {}
    return dict(
        TopicReadState.objects.filter(user=user, topic__in=[t.pk for t in topics]).values_list(
            "topic_id", "last_read_position"
        )
    )


def annotate_markers(user, topics) -> None:
    """Set ``is_new`` (never opened) and ``is_unread`` (posts after the last read) on topics."""
    if not permissions.is_participant(user):
        for topic in topics:
            topic.is_new = topic.is_unread = False
        return
    positions = read_positions(user, topics)
    for topic in topics:
        read = positions.get(topic.pk)
        topic.is_new = read is None
        topic.is_unread = read is not None and read < topic.last_position


def unread_topics(user):
    """Topics the member has read part of and that have new posts since, latest first."""
    return (
        Topic.objects.visible_to(user)
        .filter(
            read_states__user=user,
            read_states__last_read_position__lt=F("last_position"),
        )
        .select_related("category")
        .order_by("-last_post_at")
    )
