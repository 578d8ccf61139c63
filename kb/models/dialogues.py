"""The network's dialogue formats: who met, where, about what, and what came of it."""

from functools import cached_property

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from kb.localization import default_locale_only
from kb.models.base import KnowledgeIndexPage, KnowledgePage

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class Sector(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL = "international", _("International organisations")


class DialogueEventTag(TaggedItemBase):
    content_object = ParentalKey(
        "kb.DialogueEventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DialogueEventPage(KnowledgePage):
    """One dialogue format held by the network (a workshop, a round table, a visit...)."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    format = models.CharField(
        _("format"), max_length=120, help_text=_("For example: international workshop.")
    )
    summary = models.TextField(_("summary"), blank=True)
    organisations = ParentalManyToManyField(
        "kb.OrganisationPage",
        blank=True,
        related_name="+",
        verbose_name=_("organisers"),
        limit_choices_to=default_locale_only,
    )
    other_organisers = models.CharField(
        _("other organisers"), max_length=255, blank=True, help_text=_("Outside the network.")
    )
    topics = RichTextField(_("topics"), blank=True, features=TEXT_FEATURES)
    outcomes = RichTextField(_("outcomes"), blank=True, features=TEXT_FEATURES)
    related_positions = ParentalManyToManyField(
        "kb.PolicyPositionPage",
        blank=True,
        related_name="+",
        verbose_name=_("related policy positions"),
        limit_choices_to=default_locale_only,
    )
    tags = ClusterTaggableManager(through=DialogueEventTag, blank=True, verbose_name=_("tags"))

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("format"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("place"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("organisations"),
        FieldPanel("other_organisers"),
        InlinePanel("participation", heading=_("Participants by sector"), label=_("sector")),
        FieldPanel("topics"),
        FieldPanel("outcomes"),
        FieldPanel("related_positions"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("format"),
        index.SearchField("place"),
        index.SearchField("topics"),
        index.SearchField("outcomes"),
    ]
    parent_page_types = ["kb.DialogueEventIndexPage"]
    subpage_types = []
    year_field = "start_date"
    listing_order = ("-start_date", "-pk")

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")

    @cached_property
    def sectors(self) -> list:
        """Participation by sector, read once for the table and both totals."""
        return list(self.participation.all())

    @property
    def people(self) -> int:
        return sum(row.people for row in self.sectors)

    @property
    def institutions(self) -> int:
        return sum(row.institutions for row in self.sectors)

    def localized_related_positions(self):
        from kb.models import PolicyPositionPage

        return self._localized("related_positions", PolicyPositionPage.objects.live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["positions"] = self.localized_related_positions()
        return context

    @classmethod
    def network_figures(cls) -> dict:
        """People, institutions and dialogues over all live dialogues, each dialogue
        counted once whatever its number of translations (2 queries)."""
        chosen = {}
        for pk, key in cls.objects.live().order_by("pk").values_list("pk", "translation_key"):
            chosen.setdefault(key, pk)
        totals = DialogueParticipation.objects.filter(page_id__in=chosen.values()).aggregate(
            people=Sum("people"), institutions=Sum("institutions")
        )
        return {
            "people": totals["people"] or 0,
            "institutions": totals["institutions"] or 0,
            "dialogues": len(chosen),
        }


class DialogueParticipation(Orderable):
    """How many people and institutions of one sector took part in a dialogue."""

    page = ParentalKey(DialogueEventPage, on_delete=models.CASCADE, related_name="participation")
    sector = models.CharField(_("sector"), max_length=24, choices=Sector.choices)
    people = models.PositiveIntegerField(_("people"), default=0)
    institutions = models.PositiveIntegerField(_("institutions"), default=0)

    panels = [FieldPanel("sector"), FieldPanel("people"), FieldPanel("institutions")]

    class Meta(Orderable.Meta):
        verbose_name = _("participation")
        verbose_name_plural = _("participation")


class DialogueEventIndexPage(KnowledgeIndexPage):
    subpage_types = ["kb.DialogueEventPage"]
    listing_model = DialogueEventPage
    card_template = "kb/cards/dialogue.html"

    class Meta:
        verbose_name = _("dialogues index")
