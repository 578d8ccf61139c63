"""What is stored about translations: each translated page's provenance, and the termbase."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Provenance(models.Model):
    """Where a translated page comes from and how far a reader can trust it."""

    class Status(models.TextChoices):
        MACHINE = "machine", _("Machine translation")
        TRANSLATED = "translated", _("Translation, not yet reviewed")
        REVIEWED = "reviewed", _("Reviewed translation")
        OFFICIAL = "official", _("Official version")

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("translated page"),
        on_delete=models.CASCADE,
        related_name="translation_provenance",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("original"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("translation status"), max_length=16, choices=Status.choices, default=Status.TRANSLATED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")

    def __str__(self):
        return f"{self.page.title} ({self.page.locale.language_code}): {self.get_status_display()}"


class GlossaryEntry(index.Indexed, models.Model):
    """One concept of the network's termbase, in Spanish, German and English."""

    es = models.TextField(_("Spanish"), help_text=_("One form per line, the preferred one first."))
    de = models.TextField(_("German"), help_text=_("One form per line, the preferred one first."))
    en = models.TextField(_("English"), help_text=_("One form per line, the preferred one first."))
    note = models.TextField(_("note"), blank=True, help_text=_("When to use it, what to avoid."))

    panels = [FieldPanel("es"), FieldPanel("de"), FieldPanel("en"), FieldPanel("note")]
    search_fields = [
        index.SearchField("es"),
        index.SearchField("de"),
        index.SearchField("en"),
        index.AutocompleteField("es"),
    ]

    class Meta:
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary")
        ordering = ["pk"]

    def __str__(self):
        return " / ".join(forms[0] for forms in self.forms().values() if forms)

    def forms(self) -> dict[str, list[str]]:
        """``{language: [forms]}``, the preferred form first."""
        return {
            code: [line.strip() for line in getattr(self, code).splitlines() if line.strip()]
            for code in ("es", "de", "en")
        }
