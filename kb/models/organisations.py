"""Member organisations of the network and their directory."""

import dataclasses

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kb import content_version
from kb.conf import kb_settings
from kb.models.base import LINK_FIELDS, KnowledgeIndexPage, KnowledgePage, linked, page_links


class OrganisationTag(TaggedItemBase):
    content_object = ParentalKey(
        "kb.OrganisationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


@dataclasses.dataclass
class Work:
    """Some of an organisation's work of one kind: the first ``pages`` (links), how many
    there are in all, and the ``listing`` that shows them all (None if there is none)."""

    pages: list
    total: int
    listing: Page | None

    @property
    def more(self) -> bool:
        """Whether the listing has more than ``pages``."""
        return self.listing is not None and self.total > len(self.pages)


class OrganisationPage(KnowledgePage):
    """A member NGO's profile: who they are, where they work and what they publish."""

    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    description = RichTextField(
        _("description"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("public contact email"), blank=True)
    contact_phone = models.CharField(_("public contact phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    year_joined = models.PositiveSmallIntegerField(
        _("year joined the network"), null=True, blank=True
    )
    tags = ClusterTaggableManager(through=OrganisationTag, blank=True, verbose_name=_("tags"))

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("logo"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Public contact"),
        ),
        FieldPanel("year_joined"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    api_fields = [
        APIField("acronym"),
        APIField("summary"),
        APIField("description"),
        APIField("website"),
        APIField("contact_email"),
        APIField("year_joined"),
        *KnowledgePage.api_fields,
    ]
    parent_page_types = ["kb.OrganisationIndexPage"]
    subpage_types = []
    organisation_lookup = None
    year_field = "year_joined"
    listing_order = ("-year_joined", "title")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def organisation_pages(self, limit=None):
        return []

    @property
    def localized_organisations(self):
        return [self]

    def published_work(self) -> dict[str, Work]:
        """This organisation's practices, care models and endorsed positions: of each, the
        first ``ORGANISATION_WORK_LIMIT`` in its listing's order as links, how many there
        are, and the listing that has them all (cached; a few queries after a change)."""
        from kb.models import (
            CareModelIndexPage,
            CareModelPage,
            GoodPracticeIndexPage,
            GoodPracticePage,
            PolicyPositionIndexPage,
            PolicyPositionPage,
        )

        key, limit = self.translation_key, kb_settings.ORGANISATION_WORK_LIMIT
        kinds = {
            "practices": (
                GoodPracticePage,
                linked(GoodPracticePage, "organisations", translation_key=key),
                GoodPracticeIndexPage,
            ),
            "care_models": (
                CareModelPage,
                linked(CareModelPage, "organisations", translation_key=key),
                CareModelIndexPage,
            ),
            "positions": (
                PolicyPositionPage,
                PolicyPositionPage.signed_by([key]),
                PolicyPositionIndexPage,
            ),
        }

        def compute():
            listings = self._listing_rows([listing for _model, _where, listing in kinds.values()])
            return {
                name: (*self._first_and_total(model, where, limit), listings.get(listing))
                for name, (model, where, listing) in kinds.items()
            }

        work = content_version.remember(
            ["kb-organisation-work", self.pk, self.locale_id, limit], compute
        )
        return {
            name: Work(page_links(rows), total, page_links([listing])[0] if listing else None)
            for name, (rows, total, listing) in work.items()
        }

    def _first_and_total(self, model, condition, limit):
        """The first ``limit`` live public ``model`` pages of this language that meet
        ``condition``, in the listing's order, as link rows, and how many there are: one
        query (the count is a window over every match, taken before the limit)."""
        rows = list(
            model.objects.live()
            .filter(locale_id=self.locale_id)
            .filter(condition)
            .filter(self._public_q)
            .annotate(total=Window(Count("pk")))
            .order_by(*model.listing_order)
            .values_list(*LINK_FIELDS, "total")[:limit]
        )
        return [row[:-1] for row in rows], rows[0][-1] if rows else 0

    def _listing_rows(self, models):
        """The first live listing page of each of ``models`` in this language, as a link
        row by model (one query)."""
        types = {ContentType.objects.get_for_model(model).pk: model for model in models}
        rows = (
            Page.objects.live()
            .filter(locale_id=self.locale_id, content_type_id__in=types)
            .order_by("path")
            .values_list(*LINK_FIELDS)
        )
        first = {}
        for row in rows:
            first.setdefault(types[row[LINK_FIELDS.index("content_type_id")]], row)
        return first

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["work"] = self.published_work()
        return context


class OrganisationIndexPage(KnowledgeIndexPage):
    """The directory of member organisations, filterable by region and theme."""

    subpage_types = ["kb.OrganisationPage"]
    listing_model = OrganisationPage
    card_template = "kb/cards/organisation.html"

    class Meta:
        verbose_name = _("organisations directory")
