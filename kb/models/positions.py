"""Policy positions of the network and the organisations that endorse them."""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from kb.blocks import RecommendationBlock
from kb.localization import by_translation_key, default_locale_only
from kb.models.base import CHOSEN_FIELDS, KnowledgeIndexPage, KnowledgePage, chosen_links
from kb.serializers import PagesField

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class Decision(models.TextChoices):
    """What an organisation decides on a version of a position."""

    ENDORSE = "endorse", _("Endorse")
    ENDORSE_WITH_COMMENT = "endorse_with_comment", _("Endorse with a comment")
    DECLINE = "decline", _("Decline")


# Only these count publicly; a decline is for members' eyes only.
SIGNING_DECISIONS = (Decision.ENDORSE, Decision.ENDORSE_WITH_COMMENT)


class PolicyPositionTag(TaggedItemBase):
    content_object = ParentalKey(
        "kb.PolicyPositionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PolicyPositionPage(RoutablePageMixin, KnowledgePage):
    """A position the network takes towards migration policy, with numbered recommendations."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("In consultation")
        ADOPTED = "adopted", _("Adopted")
        ARCHIVED = "archived", _("Archived")

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    context = RichTextField(_("context"), features=TEXT_FEATURES)
    recommendations = StreamField(
        [("recommendation", RecommendationBlock())], verbose_name=_("recommendations")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    date_adopted = models.DateField(_("date adopted"), null=True, blank=True)
    related_practices = ParentalManyToManyField(
        "kb.GoodPracticePage",
        blank=True,
        related_name="+",
        verbose_name=_("related practices"),
        limit_choices_to=default_locale_only,
    )
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("downloadable document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=PolicyPositionTag, blank=True, verbose_name=_("tags"))

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("date_adopted")])],
            heading=_("Status"),
        ),
        FieldPanel("context"),
        FieldPanel("recommendations"),
        FieldPanel("related_practices"),
        FieldPanel("attachment"),
        InlinePanel("recipients", heading=_("Sent to"), label=_("recipient")),
        InlinePanel("responses", heading=_("Responses"), label=_("response")),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("recommendations"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("date_adopted"),
        APIField("context"),
        APIField("recommendations"),
        APIField("endorsements", serializer=PagesField(source="localized_organisations")),
        *KnowledgePage.api_fields,
    ]
    parent_page_types = ["kb.PolicyPositionIndexPage"]
    subpage_types = []
    organisation_lookup = "endorsements__organisation"
    organisation_filter = {"endorsements__decision__in": SIGNING_DECISIONS}
    year_field = "date_adopted"
    listing_order = (models.F("date_adopted").desc(nulls_last=True), "-pk")

    class Meta:
        verbose_name = _("policy position")
        verbose_name_plural = _("policy positions")

    @classmethod
    def signed_by(cls, organisation_keys) -> models.Q:
        """Positions an organisation (by translation key) endorsed; declines do not count.

        An EXISTS, so a position signed by several of them is found once."""
        signed = Endorsement.objects.filter(
            position=models.OuterRef("pk"),
            organisation__translation_key__in=organisation_keys,
            decision__in=SIGNING_DECISIONS,
        )
        return models.Q(models.Exists(signed))

    def _endorsements(self):
        """Endorsements (not declines) of any language version of this position."""
        return Endorsement.objects.filter(
            position__translation_key=self.translation_key, decision__in=SIGNING_DECISIONS
        )

    @cached_property
    def localized_organisations(self):
        """The endorsing organisations, by title, as links in this page's language
        (one query, cached until the knowledge base changes)."""
        from kb.models import OrganisationPage

        def pages():
            keys = self._endorsements().values("organisation__translation_key")
            live = OrganisationPage.objects.live().only(*CHOSEN_FIELDS)
            found = by_translation_key(live, keys, self.locale_id)
            return sorted(found.values(), key=lambda o: o.title)

        return chosen_links(["kb-endorsers", self.translation_key, self.locale_id], pages)

    def localized_related_practices(self):
        from kb.models import GoodPracticePage

        return self._localized_links("related_practices", GoodPracticePage)

    def get_context(self, request, *args, **kwargs):
        from kb import consultation

        context = super().get_context(request, *args, **kwargs)
        context["practices"] = self.localized_related_practices()
        context.update(consultation.page_context(self, request))
        if not context["signed_version"]:  # endorsements from before versions existed
            context["endorsing_organisations"] = self.localized_organisations
        return context

    def organisation_keys(self):
        """The endorsing organisations' keys, as a subquery: no query of its own."""
        return self._endorsements().values_list("organisation__translation_key", flat=True)

    # Versions, co-signing and the coordination's actions -------------------------

    @path("v<int:number>/")
    def version(self, request, number):
        from kb import views

        return views.version(request, self, number)

    @path("v<int:number>/changes/")
    def version_changes(self, request, number):
        from kb import views

        return views.version_changes(request, self, number)

    @path("decide/")
    def decide(self, request):
        from kb import views

        return views.decide(request, self)

    @path("consultation/")
    def open_consultation(self, request):
        from kb import views

        return views.open_consultation(request, self)

    @path("adopt/")
    def adopt(self, request):
        from kb import views

        return views.adopt(request, self)

    def sub_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args).lstrip("/")


class PositionRecipient(Orderable):
    """An institution the position was sent to, and when."""

    page = ParentalKey(PolicyPositionPage, on_delete=models.CASCADE, related_name="recipients")
    institution = models.CharField(_("institution"), max_length=255)
    sent_at = models.DateField(_("sent on"))

    panels = [FieldPanel("institution"), FieldPanel("sent_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")


class PositionResponse(Orderable):
    """An institution's answer to the position."""

    page = ParentalKey(PolicyPositionPage, on_delete=models.CASCADE, related_name="responses")
    institution = models.CharField(_("institution"), max_length=255)
    date = models.DateField(_("date of the response"))
    summary = models.TextField(_("summary of the response"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("institution"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("response")
        verbose_name_plural = _("responses")


class Endorsement(models.Model):
    """An organisation's decision on a version of a policy position: sign it or not.

    Kept apart from the page's revisions so that publishing a new revision never drops a
    decision. Rows without a version predate versioning and count as endorsements.
    """

    Decision = Decision

    position = models.ForeignKey(
        PolicyPositionPage,
        verbose_name=_("policy position"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    organisation = models.ForeignKey(
        "kb.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    version = models.ForeignKey(
        "kb.PositionVersion",
        verbose_name=_("version"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    decision = models.CharField(
        _("decision"), max_length=24, choices=Decision.choices, default=Decision.ENDORSE
    )
    comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    panels = [
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("version"),
        FieldPanel("decision"),
        FieldPanel("comment"),
        FieldPanel("decided_by"),
        FieldPanel("decided_at"),
    ]

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        permissions = [("decide_endorsement", "Can decide endorsements for any organisation")]
        constraints = [
            models.UniqueConstraint(
                fields=["position", "organisation"],
                condition=models.Q(version__isnull=True),
                name="kb_unique_endorsement",
            ),
            models.UniqueConstraint(
                fields=["organisation", "version"],
                condition=models.Q(version__isnull=False),
                name="kb_one_decision_per_version",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.position}"

    @property
    def is_endorsement(self) -> bool:
        return self.decision in SIGNING_DECISIONS


class PolicyPositionIndexPage(KnowledgeIndexPage):
    subpage_types = ["kb.PolicyPositionPage"]
    listing_model = PolicyPositionPage
    card_template = "kb/cards/policy_position.html"

    class Meta:
        verbose_name = _("policy positions index")
