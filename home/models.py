from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home import routing
from home.blocks import BodyBlock
from kb import content_version
from kb.models import (
    CareModelPage,
    DialogueEventPage,
    GoodPracticePage,
    OrganisationPage,
    PolicyPositionPage,
)
from kb.models.base import LINK_FIELDS, page_links
from kb.view_restrictions import CachedViewRestrictions

KB_INDEX_MODELS = [
    "organisationindexpage",
    "goodpracticeindexpage",
    "caremodelindexpage",
    "policypositionindexpage",
]


# What the home page counts, with the label it shows.
KEY_FIGURES = {
    OrganisationPage: _("Member organisations"),
    GoodPracticePage: _("Good practices"),
    CareModelPage: _("Integral care models"),
    PolicyPositionPage: _("Policy positions"),
}


class HomePage(CachedViewRestrictions, Page):
    """The network's front door: what it is for, its figures and its latest content."""

    intro = models.TextField(_("introduction"), blank=True)
    purpose = RichTextField(
        _("purpose"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("purpose")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return routing.route(self, request, path_components)

    def latest_content(self, limit=6):
        """The most recently published public pages in this page's language, as links
        (cached until a page changes: the kb version)."""

        def rows():
            return list(
                Page.objects.live()
                .public()
                .filter(locale_id=self.locale_id, depth__gt=self.depth)
                .exclude(content_type__model__in=["standardpage", *KB_INDEX_MODELS])
                .order_by("-first_published_at")
                .values_list(*LINK_FIELDS)[:limit]
            )

        return page_links(content_version.remember(["home:latest", self.locale_id, limit], rows))

    def key_figures(self):
        """The network in figures, counted from the live pages in this page's language."""
        counts, dialogues = content_version.remember(
            ("home:key-figures", self.locale_id), self._count_figures
        )
        figures = [
            {"label": label, "value": counts.get(model._meta.label, 0)}
            for model, label in KEY_FIGURES.items()
        ]
        if dialogues["dialogues"]:
            figures += [
                {"label": _("People in dialogues"), "value": dialogues["people"]},
                {"label": _("Institutions in dialogues"), "value": dialogues["institutions"]},
                {"label": _("Dialogues"), "value": dialogues["dialogues"]},
            ]
        return figures

    def _count_figures(self):
        content_types = ContentType.objects.get_for_models(*KEY_FIGURES)
        counts = dict(
            Page.objects.live()
            .public()
            .filter(locale_id=self.locale_id, content_type__in=content_types.values())
            .values_list("content_type")
            .annotate(n=Count("pk"))
            .order_by()
        )
        by_model = {model._meta.label: counts.get(ct.pk, 0) for model, ct in content_types.items()}
        return by_model, DialogueEventPage.network_figures()


class StandardPage(CachedViewRestrictions, Page):
    """About, imprint, privacy and other plain text pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_snippet
class Menu(TranslatableMixin, ClusterableModel):
    """A list of links shown in one place of the site shell, translated per language."""

    class Slot(models.TextChoices):
        MAIN = "main", _("Main navigation")
        FOOTER = "footer", _("Footer")

    slot = models.CharField(_("place"), max_length=16, choices=Slot.choices)

    panels = [FieldPanel("slot"), InlinePanel("items", label=_("Links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        unique_together = [("translation_key", "locale"), ("slot", "locale")]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale})"

    @classmethod
    def for_slot(cls, slot, language_code):
        """The menu for a language, falling back to the default language, items included."""
        menus = {
            menu.locale.language_code: menu
            for menu in cls.objects.filter(
                slot=slot, locale__language_code__in={language_code, settings.LANGUAGE_CODE}
            )
            .select_related("locale")
            .prefetch_related(
                models.Prefetch("items", MenuItem.objects.select_related("link_page"))
            )
        }
        return menus.get(language_code) or menus.get(settings.LANGUAGE_CODE)


class MenuItem(Orderable):
    menu = ParentalKey(Menu, related_name="items", on_delete=models.CASCADE)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    link_title = models.CharField(
        _("link text"), max_length=80, blank=True, help_text=_("Leave empty to use the page title.")
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_title")]

    @property
    def title(self):
        return self.link_title or self.link_page.title
