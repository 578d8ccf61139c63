"""Limits on what members may post, each answered with a clear, translated message."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forum import markup
from forum.conf import forum_settings


class LimitExceeded(Exception):
    """A post was refused; ``message`` tells the member why, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_new_member(user) -> bool:
    """Joined less than ``NEW_MEMBER_DAYS`` ago (accounts without a join date are not new)."""
    joined = getattr(user, "date_joined", None)
    if joined is None:
        return False
    return joined > timezone.now() - timedelta(days=forum_settings.NEW_MEMBER_DAYS)


def check_title(title: str) -> None:
    limit = forum_settings.MAX_TITLE_LENGTH
    if len(title) > limit:
        raise LimitExceeded(
            _("The title is %(length)d characters long; at most %(limit)d are allowed.")
            % {"length": len(title), "limit": limit}
        )


def check_text(user, source: str) -> None:
    """Length of the text, and links for new members."""
    limit = forum_settings.MAX_POST_LENGTH
    if len(source) > limit:
        raise LimitExceeded(
            _("Your text is %(length)d characters long; at most %(limit)d are allowed.")
            % {"length": len(source), "limit": limit}
        )
    if is_new_member(user):
        max_links = forum_settings.NEW_MEMBER_MAX_LINKS
        links = markup.count_links(source)
        if links > max_links:
            raise LimitExceeded(
                ngettext(
                    "New members may put at most %(limit)d link in a post; yours has %(count)d.",
                    "New members may put at most %(limit)d links in a post; yours has %(count)d.",
                    max_links,
                )
                % {"limit": max_links, "count": links}
            )


def check_rate(user) -> None:
    """At most so many posts in a time window; fewer for new members."""
    from forum.models import Post

    window = forum_settings.RATE_LIMIT_SECONDS
    allowed = (
        forum_settings.NEW_MEMBER_RATE_LIMIT_POSTS
        if is_new_member(user)
        else forum_settings.RATE_LIMIT_POSTS
    )
    since = timezone.now() - timedelta(seconds=window)
    if Post.objects.filter(author=user, created_at__gte=since).count() >= allowed:
        raise LimitExceeded(
            ngettext(
                "You have posted %(count)d time in the last %(minutes)d minutes, the most "
                "allowed. Please wait a little; your text is kept below.",
                "You have posted %(count)d times in the last %(minutes)d minutes, the most "
                "allowed. Please wait a little; your text is kept below.",
                allowed,
            )
            % {"count": allowed, "minutes": max(1, window // 60)}
        )


def max_attachments(user) -> int:
    """How many files ``user`` may attach to one post; fewer for new members."""
    if is_new_member(user):
        return forum_settings.NEW_MEMBER_MAX_ATTACHMENTS
    return forum_settings.MAX_ATTACHMENTS
