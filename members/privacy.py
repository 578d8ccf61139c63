"""A member's own data: download it as JSON, or delete the account.

Deleting anonymises the user row instead of removing it: forum posts and other
records keep a valid author, which then reads "Former member". Everything else
of the person goes: name, email, bio, avatar, memberships, roles, addresses,
sessions, pending invitations to their address, and every row that would have been
deleted with the user (``on_delete=CASCADE``).
"""

import json

from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from members.models import Invitation, JoinRequest, User

PROFILE_FIELDS = [
    "username",
    "email",
    "first_name",
    "last_name",
    "preferred_language",
    "languages_spoken",
    "bio",
    "date_joined",
    "last_login",
]


def export_data(user: User) -> dict:
    """Everything the site keeps about the person, as plain JSON-able data."""
    data = {"profile": {field: getattr(user, field) for field in PROFILE_FIELDS}}
    data["profile"]["avatar"] = user.avatar.name or None
    data["memberships"] = [
        {
            "organisation": m.organisation.title,
            "role": m.role,
            "since": m.created_at,
        }
        for m in user.memberships.select_related("organisation")
    ]
    from members import notifications

    data["profile"]["forum_email"] = notifications.email_frequency(user)
    data["network_roles"] = list(user.network_roles.values_list("role", flat=True))
    data["email_addresses"] = list(
        EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
    )
    data["invitations_sent"] = list(
        user.invitations_sent.values("email", "role", "created_at", "accepted_at")
    )
    data["join_requests"] = list(
        JoinRequest.objects.filter(email__iexact=user.email).values(
            "name", "email", "message", "status", "created_at"
        )
    )
    data["sessions"] = list(
        user.usersession_set.values("ip", "user_agent", "created_at", "last_seen_at")
    )
    return data


def export_json(user: User) -> str:
    return json.dumps(export_data(user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def delete_owned_rows(user: User) -> None:
    """Delete every row that would go with the user row (on_delete=CASCADE): memberships,
    roles, email addresses, sessions, forum preferences and subscriptions... Rows that
    only point at the person (SET_NULL, PROTECT: posts, revisions) stay and keep the
    tombstone as author."""
    for relation in user._meta.related_objects:
        if relation.many_to_many or relation.on_delete is not models.CASCADE:
            continue
        relation.related_model._base_manager.filter(**{relation.field.name: user}).delete()


@transaction.atomic
def delete_account(user: User) -> None:
    """Anonymise the account in place; the row stays as a tombstone for foreign keys."""
    email = user.email
    session_keys = list(user.usersession_set.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=session_keys).delete()
    user.usersession_set.all().delete()
    delete_owned_rows(user)
    user.groups.clear()
    user.user_permissions.clear()
    Invitation.objects.filter(email__iexact=email, accepted_at=None).delete()
    JoinRequest.objects.filter(email__iexact=email).delete()
    if user.avatar:
        user.avatar.delete(save=False)
    tombstone = f"former-member-{user.pk}"
    user.username = tombstone
    user.email = f"{tombstone}@invalid.puente"
    user.first_name = ""
    user.last_name = ""
    user.bio = ""
    user.languages_spoken = ""
    user.avatar = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
