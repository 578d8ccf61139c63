"""Integral care models (modelos de atención integral): who they serve, phase by phase."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from kb.blocks import DocumentBlock, PhaseBlock
from kb.localization import default_locale_only
from kb.models.base import KnowledgeIndexPage, KnowledgePage
from kb.serializers import PagesField

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class CareModelTag(TaggedItemBase):
    content_object = ParentalKey(
        "kb.CareModelPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CareModelPage(KnowledgePage):
    """How an organisation accompanies a person from first contact to (re)integration."""

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    purpose = RichTextField(_("purpose"), features=TEXT_FEATURES)
    serves = RichTextField(_("who it serves"), blank=True, features=TEXT_FEATURES)
    eligibility = RichTextField(_("eligibility"), blank=True, features=TEXT_FEATURES)
    phases = StreamField([("phase", PhaseBlock())], verbose_name=_("phases"))
    documents = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("documents")
    )
    organisations = ParentalManyToManyField(
        "kb.OrganisationPage",
        blank=True,
        related_name="+",
        verbose_name=_("organisations that apply it"),
        limit_choices_to=default_locale_only,
    )
    year_started = models.PositiveSmallIntegerField(_("in use since"), null=True, blank=True)
    tags = ClusterTaggableManager(through=CareModelTag, blank=True, verbose_name=_("tags"))

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("purpose"),
        FieldPanel("serves"),
        FieldPanel("eligibility"),
        FieldPanel("phases"),
        FieldPanel("documents"),
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("year_started"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("serves"),
        index.SearchField("phases"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("purpose"),
        APIField("serves"),
        APIField("eligibility"),
        APIField("phases"),
        APIField("organisations", serializer=PagesField(source="localized_organisations")),
        APIField("year_started"),
        *KnowledgePage.api_fields,
    ]
    parent_page_types = ["kb.CareModelIndexPage"]
    subpage_types = []
    year_field = "year_started"

    class Meta:
        verbose_name = _("integral care model")
        verbose_name_plural = _("integral care models")


class CareModelIndexPage(KnowledgeIndexPage):
    subpage_types = ["kb.CareModelPage"]
    listing_model = CareModelPage
    card_template = "kb/cards/care_model.html"

    class Meta:
        verbose_name = _("integral care models index")
