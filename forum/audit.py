"""The moderation audit log: who did what, when and why."""

from forum.models import ModerationLogEntry


def record(actor, action: str, *, topic=None, post=None, member=None, reason: str = ""):
    """Write one entry; ``actor`` None means the forum itself (e.g. auto-hide on flags)."""
    return ModerationLogEntry.objects.create(
        actor=actor,
        action=action,
        topic=topic or (post.topic if post is not None else None),
        post=post,
        member=member,
        reason=reason,
    )
