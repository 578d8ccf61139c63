"""Roles map onto groups, groups onto permissions: the one table of who gets what.

Nobody is put into these groups by hand: ``sync_groups`` derives a person's groups
from their memberships and network roles every time those change. The forum cannot
import this app, so its rights travel as Django permissions (``forum.participate``,
``forum.moderate``); permissions that do not exist yet are skipped and granted as
soon as they do (``ensure_groups`` runs after every migrate).
"""

import logging

from django.contrib.auth.models import Group, Permission

logger = logging.getLogger(__name__)

MEMBERS = "Members"
EDITORS = "Editors"  # created by kb with its page permissions
ORGANISATION_ADMINS = "Organisation admins"
MODERATORS = "Forum moderators"  # not Wagtail's "Moderators", which publishes pages
COORDINATORS = "Coordinators"  # created by kb with its page permissions

# Role (organisation role or network role) -> groups a person with it belongs to.
GROUPS_FOR_ROLE = {
    "member": [MEMBERS],
    "editor": [MEMBERS, EDITORS],
    "admin": [MEMBERS, EDITORS, ORGANISATION_ADMINS],
    "moderator": [MEMBERS, MODERATORS],
    "coordinator": [MEMBERS, COORDINATORS],
}

# Group -> "app_label.codename" permissions it must have (added, never removed,
# so page permissions kb gives Editors and Coordinators stay as they are).
PERMISSIONS_FOR_GROUP = {
    MEMBERS: ["forum.participate"],
    EDITORS: ["wagtailadmin.access_admin"],
    ORGANISATION_ADMINS: ["wagtailadmin.access_admin"],
    MODERATORS: ["forum.participate", "forum.moderate"],
    COORDINATORS: ["wagtailadmin.access_admin", "forum.participate", "forum.moderate"],
}

MANAGED_GROUPS = sorted({name for names in GROUPS_FOR_ROLE.values() for name in names})


def _permission(label: str, permission_model=Permission):
    app_label, codename = label.split(".", 1)
    return permission_model.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def ensure_groups(group_model=Group, permission_model=Permission) -> None:
    """Create the managed groups and give them the permissions that exist so far."""
    for name in MANAGED_GROUPS:
        group, _created = group_model.objects.get_or_create(name=name)
        for label in PERMISSIONS_FOR_GROUP.get(name, []):
            permission = _permission(label, permission_model)
            if permission is None:
                logger.debug("Permission %s does not exist (yet); %s waits for it", label, name)
                continue
            group.permissions.add(permission)


def roles_of(user) -> set[str]:
    """Every role the person holds now, organisation and network roles together."""
    if not user.pk:
        return set()
    roles = set(user.memberships.values_list("role", flat=True))
    roles |= set(user.network_roles.values_list("role", flat=True))
    return roles


def sync_groups(user) -> None:
    """Put the person into exactly the managed groups their roles call for."""
    wanted = {name for role in roles_of(user) for name in GROUPS_FOR_ROLE.get(role, [])}
    current = set(user.groups.filter(name__in=MANAGED_GROUPS).values_list("name", flat=True))
    if wanted - current:
        ensure_groups()
        user.groups.add(*Group.objects.filter(name__in=wanted - current))
    if current - wanted:
        user.groups.remove(*Group.objects.filter(name__in=current - wanted))
    # Django caches permissions on the user object; rights change at once.
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)
