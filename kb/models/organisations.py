"""Member organisations of the network and their directory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from kb import content_version
from kb.models.base import LINK_FIELDS, KnowledgeIndexPage, KnowledgePage, linked, page_links


class OrganisationTag(TaggedItemBase):
    content_object = ParentalKey(
        "kb.OrganisationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


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

    def published_work(self):
        """This organisation's practices, care models and endorsed positions, each in its
        listing's order, as links (cached; one query per type after a change)."""
        from kb.models import CareModelPage, GoodPracticePage, PolicyPositionPage

        key = self.translation_key
        kinds = {
            "practices": (
                GoodPracticePage,
                linked(GoodPracticePage, "organisations", translation_key=key),
            ),
            "care_models": (
                CareModelPage,
                linked(CareModelPage, "organisations", translation_key=key),
            ),
            "positions": (PolicyPositionPage, PolicyPositionPage.signed_by([key])),
        }

        def compute():
            return {
                name: list(
                    model.objects.live()
                    .filter(locale_id=self.locale_id)
                    .filter(condition)
                    .filter(self._public_q)
                    .order_by(*model.listing_order)
                    .values_list(*LINK_FIELDS)
                )
                for name, (model, condition) in kinds.items()
            }

        work = content_version.remember(["kb-organisation-work", self.pk, self.locale_id], compute)
        return {name: page_links(rows) for name, rows in work.items()}

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
