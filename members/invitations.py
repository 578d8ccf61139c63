"""Invite a person to an organisation, and accept an invitation."""

import uuid

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from members import emails, permissions
from members.models import Invitation, Membership, OrganisationRole, User


class InvitationError(Exception):
    """An invitation that cannot be used; ``str()`` is the message for the person."""


EXPIRED = _("This invitation has expired. Ask the person who invited you for a new one.")
USED = _(
    "This invitation has already been used. If you accepted it, sign in with your email "
    "address and password."
)
REVOKED = _("This invitation was withdrawn. Ask the organisation for a new one.")


def invite(
    *, email: str, organisation, role: str, language: str, by: User, request=None
) -> Invitation:
    """Create an invitation and email its link in ``language``."""
    permissions.require(permissions.can_invite(by, organisation))
    if role == OrganisationRole.ADMIN and not permissions.can_manage_organisation(by, organisation):
        raise permissions.PermissionDenied
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        organisation=organisation,
        role=role,
        language=language,
        invited_by=by,
    )
    send_invitation(invitation, request=request)
    return invitation


def invitation_url(invitation: Invitation, request=None) -> str:
    with translation.override(invitation.language):
        path = reverse("members:accept_invitation", args=[invitation.token])
    if request is not None:
        return request.build_absolute_uri(path)
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(invitation: Invitation, request=None) -> None:
    with translation.override(invitation.language):
        organisation_name = _localised_title(invitation.organisation)
        role = invitation.get_role_display()
    emails.send(
        "invitation",
        invitation.email,
        invitation.language,
        {
            "invitation": invitation,
            "organisation_name": organisation_name,
            "role": role,
            "inviter": invitation.invited_by,
            "url": invitation_url(invitation, request),
        },
    )


def _localised_title(page) -> str:
    language = translation.get_language()
    translated = (
        page.get_translations(inclusive=True).filter(locale__language_code=language).first()
    )
    return (translated or page).title


def check(invitation: Invitation) -> None:
    """Raise InvitationError with a clear message if the invitation cannot be used."""
    if invitation.revoked_at:
        raise InvitationError(REVOKED)
    if invitation.is_used:
        raise InvitationError(USED)
    if invitation.is_expired:
        raise InvitationError(EXPIRED)


@transaction.atomic
def accept_as_new_person(
    invitation: Invitation, *, first_name: str, last_name: str, password: str, language: str
) -> User:
    """Create the account (address verified by the link), the membership, and spend the link."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check(invitation)
    user = User(
        username=f"u-{uuid.uuid4().hex[:16]}",
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
        preferred_language=language,
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    _join(invitation, user)
    return user


@transaction.atomic
def accept_as_existing_person(invitation: Invitation, user: User) -> None:
    """Someone with an account joins one more organisation."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check(invitation)
    if user.email.lower() != invitation.email.lower():
        raise InvitationError(
            _("This invitation was sent to another email address. Sign in with that address.")
        )
    _join(invitation, user)


def _join(invitation: Invitation, user: User) -> None:
    membership, created = Membership.objects.get_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"role": invitation.role},
    )
    if not created and membership.role != invitation.role:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])


def revoke(invitation: Invitation, *, by: User) -> None:
    permissions.require(permissions.can_invite(by, invitation.organisation))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
