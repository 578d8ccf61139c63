"""The shared taxonomy: themes, populations and regions, translated per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A taxonomy term: its name is translated, its slug is shared by every language.

    Filters use the slug, so a link filtered by a theme works in every language.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Used in filter links; the same in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Population(Term):
    class Meta(Term.Meta):
        verbose_name = _("population")
        verbose_name_plural = _("populations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Region(Term):
    class Kind(models.TextChoices):
        STATE = "state", _("Mexican state")
        COUNTRY = "country", _("Country of origin")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.STATE)

    translatable_fields = [*Term.translatable_fields, SynchronizedField("kind")]
    panels = [*Term.panels, FieldPanel("kind")]

    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["-kind", "sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
