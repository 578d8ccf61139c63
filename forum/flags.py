"""Members flag posts for moderators; enough flags hide a post until someone reviews it."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import audit, moderation, permissions, posting
from forum.conf import forum_settings
from forum.models import Flag, Post


class AlreadyFlagged(Exception):
    pass


@transaction.atomic
def flag_post(post: Post, *, by, reason: str) -> Flag:
    """Record a member's flag; at ``FLAGS_TO_HIDE`` open flags the post is hidden."""
    permissions.require(by, "flag", post)
    reason = reason.strip()
    if not reason:
        raise ValueError("a reason is required")
    try:
        with transaction.atomic():
            flag = Flag.objects.create(post=post, flagged_by=by, reason=reason[:500])
    except IntegrityError as error:
        raise AlreadyFlagged from error
    Post.objects.filter(pk=post.pk).update(open_flag_count=F("open_flag_count") + 1)
    post.refresh_from_db(fields=["open_flag_count"])
    if post.open_flag_count >= forum_settings.FLAGS_TO_HIDE and not post.is_hidden:
        moderation.hide_post(post, by=None, reason=_("Flagged by several members"))
    return flag


def queue():
    """Posts with open flags, most flagged first, with what the queue shows."""
    return (
        Post.objects.filter(open_flag_count__gt=0)
        .select_related("topic__category", "author")
        .prefetch_related("flags__flagged_by")
        .order_by("-open_flag_count", "created_at")
    )


@transaction.atomic
def resolve_flags(post: Post, *, by, action: str, reason: str = "") -> None:
    """Close a post's open flags: ``dismiss`` (and unhide), ``hide`` or ``delete`` it."""
    permissions.require(by, "moderate", post.topic)
    if action == "dismiss":
        if post.is_hidden:
            moderation.unhide_post(post, by=by, reason=reason)
    elif action == "hide":
        moderation.hide_post(post, by=by, reason=reason or _("Hidden after flags"))
    elif action == "delete":
        posting.delete_post(post, by=by)
    else:
        raise ValueError(action)
    post.flags.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by, resolution=action
    )
    Post.objects.filter(pk=post.pk).update(open_flag_count=0)
    audit.record(by, f"flags_{action}", post=post, reason=reason)
