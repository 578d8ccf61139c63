"""People, their organisations and roles, invitations and join requests."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account: network members, editors, coordinators, moderators.

    Deleting an account anonymises the row (see ``members.privacy``) instead of
    deleting it, so forum posts keep their author and show "former member".
    """

    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Used for the interface and for emails."),
    )
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("For example: Spanish, English, K'iche'."),
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    deleted_at = models.DateTimeField(_("account deleted at"), null=True, blank=True)

    def __str__(self):
        if self.deleted_at:
            return gettext("Former member")
        return self.get_full_name() or self.email or self.username

    @property
    def is_former_member(self) -> bool:
        return self.deleted_at is not None


class OrganisationRole(models.TextChoices):
    MEMBER = "member", pgettext_lazy("role", "Member")
    EDITOR = "editor", pgettext_lazy("role", "Editor")
    ADMIN = "admin", pgettext_lazy("role", "Organisation admin")


class NetworkRoleName(models.TextChoices):
    COORDINATOR = "coordinator", pgettext_lazy("role", "Coordinator")
    MODERATOR = "moderator", pgettext_lazy("role", "Moderator")


class Membership(models.Model):
    """A person belongs to an organisation with one role there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "kb.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=OrganisationRole.choices, default="member"
    )
    may_endorse = models.BooleanField(
        _("may endorse policy positions"),
        default=False,
        help_text=_("Decides on policy positions on behalf of the organisation, like its admins."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"


class NetworkRole(models.Model):
    """A role across the whole network: coordinator or moderator."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_roles"
    )
    role = models.CharField(_("role"), max_length=16, choices=NetworkRoleName.choices)

    class Meta:
        verbose_name = _("network role")
        verbose_name_plural = _("network roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_network_role_each")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A single-use, expiring link that lets one email address join an organisation."""

    email = models.EmailField(_("email address"))
    organisation = models.ForeignKey(
        "kb.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=OrganisationRole.choices, default="member"
    )
    language = models.CharField(
        _("language of the invitation"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def save(self, *args, **kwargs):
        if not self.expires_at:
            from members.conf import invitation_days

            self.expires_at = (self.created_at or timezone.now()) + timedelta(
                days=invitation_days()
            )
        super().save(*args, **kwargs)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_pending(self) -> bool:
        return not (self.is_used or self.is_expired or self.revoked_at)


class JoinRequest(models.Model):
    """Someone without an account asks to join an organisation of the network."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("email address"))
    organisation = models.ForeignKey(
        "kb.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("organisation"),
    )
    message = models.TextField(
        _("message"),
        max_length=2000,
        blank=True,
        help_text=_("Tell the organisation who you are and what you do there."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}> → {self.organisation}"
