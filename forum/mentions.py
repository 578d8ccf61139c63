"""@mentions: which members a participant can mention, for the editor's autocomplete."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from forum import permissions
from forum.templatetags.forum_tags import member_name

MIN_PREFIX = 2
LIMIT = 8


def candidates(user, prefix: str) -> list[dict]:
    """Up to ``LIMIT`` forum participants whose handle or name starts with ``prefix``.

    Only participants ask, and only participants are offered (others could not read the
    post they are mentioned in); the handle is what ``@handle`` in a post matches.
    """
    prefix = prefix.strip().lstrip("@")
    if not permissions.is_participant(user) or len(prefix) < MIN_PREFIX:
        return []
    model = get_user_model()
    handle = model.USERNAME_FIELD
    forum_perms = Permission.objects.filter(
        content_type__app_label="forum", codename__in=["participate", "moderate"]
    )
    may_take_part = (
        Q(user_permissions__in=forum_perms)
        | Q(groups__permissions__in=forum_perms)
        | Q(is_superuser=True)
    )
    matches = Q(**{f"{handle}__istartswith": prefix})
    field_names = {field.name for field in model._meta.get_fields()}
    for name_field in ("first_name", "last_name"):
        if name_field in field_names:
            matches |= Q(**{f"{name_field}__istartswith": prefix})
    found = (
        model.objects.filter(may_take_part, matches, is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by(handle)[:LIMIT]
    )
    return [{"handle": getattr(member, handle), "name": member_name(member)} for member in found]
