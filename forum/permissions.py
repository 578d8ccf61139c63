"""Who may do what in the forum: every view, list, feed, notification and link card asks here.

Roles are two Django permissions on the ``forum`` app, granted by the host project
(e.g. to groups):

- ``forum.participate`` ("Can read member categories and post"): read members-only
  categories, create topics, reply, react, flag, receive notifications.
- ``forum.moderate`` ("Can moderate the forum"): everything above, plus moderators-only
  categories, hidden posts, edit history, the flag queue, pin/lock/move/hide/merge/split,
  suspensions and the audit log.

Anonymous readers and accounts without either permission read public categories only.
A member with a current ``ForumSuspension`` keeps reading but cannot write.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from forum.models import CategoryPage, ForumSuspension, Post, Topic

PARTICIPATE = "forum.participate"
MODERATE = "forum.moderate"

Visibility = CategoryPage.Visibility


def _roles(user) -> tuple[bool, bool]:
    """(participant, moderator), asked of the auth backends once per user object: a topic
    page asks a few times per post. Like Django's own permission cache, a fresh user
    object sees changed permissions."""
    if not (user and user.is_authenticated and user.is_active):
        return False, False
    roles = getattr(user, "_forum_roles", None)
    if roles is None:
        moderator = user.has_perm(MODERATE)
        roles = (moderator or user.has_perm(PARTICIPATE), moderator)
        user._forum_roles = roles
    return roles


def is_moderator(user) -> bool:
    return _roles(user)[1]


def is_participant(user) -> bool:
    return _roles(user)[0]


def readable_visibilities(user) -> list[str]:
    """The category visibilities ``user`` may read."""
    if is_moderator(user):
        return [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.MODERATORS]
    if is_participant(user):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


def active_suspension(user):
    """The suspension in force for ``user``, or None (cached on the user object)."""
    if not (user and user.is_authenticated):
        return None
    if not hasattr(user, "_forum_suspension"):
        user._forum_suspension = (
            ForumSuspension.objects.filter(user=user, until__gt=timezone.now())
            .order_by("-until")
            .first()
        )
    return user._forum_suspension


def _category(obj):
    if isinstance(obj, CategoryPage):
        return obj
    if isinstance(obj, Topic):
        return obj.category
    if isinstance(obj, Post):
        return obj.topic.category
    raise TypeError(f"no category for {obj!r}")


def _can_read(user, obj) -> bool:
    category = _category(obj)
    if not category.live or category.visibility not in readable_visibilities(user):
        return False
    if isinstance(obj, Post) and not obj.is_visible:
        return is_moderator(user)
    return True


def _can_write(user, category) -> bool:
    return is_participant(user) and _can_read(user, category) and active_suspension(user) is None


def can(user, action: str, obj=None) -> bool:
    """Whether ``user`` may do ``action`` on ``obj`` (a category, topic or post)."""
    if action == "read":
        return _can_read(user, obj)
    if action == "moderate":
        return is_moderator(user) and (obj is None or _can_read(user, obj))
    if action == "create_topic":
        return _can_write(user, obj)
    if action == "reply":
        return _can_write(user, obj.category) and (not obj.is_locked or is_moderator(user))
    if action in {"edit", "delete"}:
        if is_moderator(user) and _can_read(user, obj):
            return True
        return (
            obj.author_id == user.pk
            and obj.is_visible
            and not obj.topic.is_locked
            and _can_write(user, obj.topic.category)
        )
    if action in {"react", "flag"}:
        return obj.is_visible and obj.author_id != user.pk and _can_write(user, obj.topic.category)
    if action == "mark_answer":
        topic = obj.topic
        return (
            topic.category.is_qa
            and obj.position > 1
            and obj.is_visible
            and (
                is_moderator(user)
                or (topic.author_id == user.pk and _can_write(user, topic.category))
            )
        )
    if action == "view_history":
        return is_moderator(user)
    if action == "watch":
        return is_participant(user) and _can_read(user, obj)
    raise ValueError(f"unknown forum action {action!r}")


def require(user, action: str, obj=None) -> None:
    """Raise PermissionDenied unless ``can(user, action, obj)``."""
    if not can(user, action, obj):
        raise PermissionDenied(action)
