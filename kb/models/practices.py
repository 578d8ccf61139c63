"""Good practices: what an organisation did, for whom, how, and with which results."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from kb.blocks import ApproachBlock, DocumentBlock, IndicatorBlock
from kb.localization import default_locale_only
from kb.models.base import KnowledgeIndexPage, KnowledgePage
from kb.serializers import PagesField

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class GoodPracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "kb.GoodPracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GoodPracticePage(KnowledgePage):
    """A practice of one or more member organisations that others can learn from."""

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    organisations = ParentalManyToManyField(
        "kb.OrganisationPage",
        blank=True,
        related_name="+",
        verbose_name=_("organisations"),
        limit_choices_to=default_locale_only,
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty while the practice is ongoing.")
    )
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    challenge = RichTextField(_("the challenge"), features=TEXT_FEATURES)
    approach = StreamField(ApproachBlock(), blank=True, verbose_name=_("the approach"))
    results = StreamField([("indicator", IndicatorBlock())], blank=True, verbose_name=_("results"))
    lessons_learned = RichTextField(_("lessons learned"), blank=True, features=TEXT_FEATURES)
    replication = RichTextField(_("conditions for replication"), blank=True, features=TEXT_FEATURES)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("role"), max_length=120, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    attachments = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("attachments")
    )
    tags = ClusterTaggableManager(through=GoodPracticeTag, blank=True, verbose_name=_("tags"))

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("people_reached"),
            ],
            heading=_("At a glance"),
        ),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons_learned"),
        FieldPanel("replication"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact person"),
        ),
        FieldPanel("attachments"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("lessons_learned"),
        index.SearchField("replication"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("organisations", serializer=PagesField(source="localized_organisations")),
        APIField("start_date"),
        APIField("end_date"),
        APIField("people_reached"),
        APIField("challenge"),
        APIField("approach"),
        APIField("results"),
        APIField("lessons_learned"),
        APIField("replication"),
        *KnowledgePage.api_fields,
    ]
    parent_page_types = ["kb.GoodPracticeIndexPage"]
    subpage_types = []
    year_field = "start_date"
    listing_order = ("-start_date", "-pk")

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    @property
    def is_ongoing(self):
        return self.end_date is None


class GoodPracticeIndexPage(KnowledgeIndexPage):
    subpage_types = ["kb.GoodPracticePage"]
    listing_model = GoodPracticePage
    card_template = "kb/cards/good_practice.html"

    class Meta:
        verbose_name = _("good practices index")

    def listing_prefetch_related(self):
        return ("themes", "regions", "organisations")

    def card(self, item, labels):
        card = super().card(item, labels)
        shown = labels.get("organisation", {})
        card["organisations"] = [
            shown[str(o.translation_key)]
            for o in item.organisations.all()
            if str(o.translation_key) in shown
        ]
        return card
