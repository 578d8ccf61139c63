"""Consultations on policy positions and the frozen versions they lead to."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PositionVersion(models.Model):
    """Version N of a position: open while consulted, frozen (text and all) once adopted.

    Endorsements belong to a version, so a signature never silently carries over to a
    text the organisation has not seen.
    """

    position = models.ForeignKey(
        "kb.PolicyPositionPage",
        verbose_name=_("policy position"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    context = models.TextField(_("context"), blank=True)
    recommendations = models.JSONField(_("recommendations"), default=list, blank=True)
    # The same frozen fields for the position's other languages: {"de": {...}, ...}.
    translations = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adopted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("position version")
        verbose_name_plural = _("position versions")
        ordering = ["position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["position", "number"], name="kb_unique_version")
        ]

    def __str__(self):
        return f"{self.position} v{self.number}"

    @property
    def is_adopted(self) -> bool:
        return self.adopted_at is not None

    def text_in(self, language_code: str) -> dict:
        """The frozen fields in ``language_code`` if frozen in it, else in the source language."""
        own = {
            "language": self.language,
            "title": self.title,
            "summary": self.summary,
            "context": self.context,
            "recommendations": self.recommendations,
        }
        if language_code == self.language:
            return own
        other = self.translations.get(language_code)
        return {"language": language_code, **other} if other else own


class Consultation(models.Model):
    """The network comments on a draft and organisations decide whether to co-sign it."""

    position = models.ForeignKey(
        "kb.PolicyPositionPage",
        verbose_name=_("policy position"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    version = models.OneToOneField(
        PositionVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="consultation",
    )
    deadline = models.DateField(_("deadline"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    discussion_url = models.CharField(
        _("discussion"),
        max_length=500,
        blank=True,
        help_text=_("Where members discuss the draft, e.g. a forum topic."),
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opened_at"]
        permissions = [("coordinate_consultation", "Can open consultations and adopt positions")]

    def __str__(self):
        return f"{self.position} ({self.deadline})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and timezone.localdate() <= self.deadline

    @classmethod
    def open_ones(cls):
        return cls.objects.filter(closed_at__isnull=True, deadline__gte=timezone.localdate())
