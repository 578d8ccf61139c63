"""What every knowledge-base page and listing has in common."""

from dataclasses import astuple
from functools import cached_property

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, F, IntegerField, OuterRef, Q, QuerySet, UUIDField, Value
from django.db.models.lookups import StartsWith
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from kb import content_version, filters
from kb.conf import kb_settings
from kb.localization import by_translation_key, default_locale_only
from kb.serializers import TermsField
from kb.view_restrictions import CachedViewRestrictions


def kb_page_models():
    """The detail page types of the knowledge base, in the order they are presented."""
    from kb.models import CareModelPage, GoodPracticePage, OrganisationPage, PolicyPositionPage

    return [GoodPracticePage, CareModelPage, PolicyPositionPage, OrganisationPage]


def public_pages_q():
    """A Q excluding pages in private sections: a subquery, so it costs no query of its own."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return ~Q(Exists(restricted))


# Enough of a page to link to it (title, URL, type name) without loading the page.
LINK_FIELDS = ("id", "title", "url_path", "content_type_id", "locale_id", "first_published_at")
# A chosen page (an organisation, a practice): a link, with its key and the API's slug.
CHOSEN_FIELDS = (*LINK_FIELDS, "translation_key", "slug")


def page_links(rows, fields=LINK_FIELDS):
    """Pages rebuilt from rows of ``fields`` (as cached): links, at no query."""
    # from_db() takes the values in the order of the model's fields.
    names = [f.attname for f in Page._meta.concrete_fields if f.attname in fields]
    positions = [fields.index(name) for name in names]
    return [Page.from_db(None, names, [row[i] for i in positions]) for row in rows]


def chosen_links(parts, pages):
    """``pages()`` (read with ``CHOSEN_FIELDS`` only) as links, cached under ``parts``
    until the knowledge base changes."""

    def rows():
        return [tuple(getattr(page, name) for name in CHOSEN_FIELDS) for page in pages()]

    return page_links(content_version.remember(parts, rows), CHOSEN_FIELDS)


def linked(model, relation, **lookups):
    """Whether a row of ``model``'s many-to-many ``relation`` matches ``lookups`` on its
    target: an EXISTS on the through table, so no join and no duplicate rows."""
    field = model._meta.get_field(relation)
    target = field.m2m_reverse_field_name()
    rows = field.remote_field.through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
    return Exists(rows.filter(**{f"{target}__{name}": v for name, v in lookups.items()}))


def _newest_first(row):
    published, pk = row[LINK_FIELDS.index("first_published_at")], row[0]
    return (published is not None, published, pk)  # never published: last


def _term_order(term):
    return (getattr(term, "sort_order", 0), str(term))


class KnowledgePage(CachedViewRestrictions, Page):
    """A page of the knowledge base: classified by themes, populations, regions and tags."""

    themes = ParentalManyToManyField(
        "kb.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes"),
        limit_choices_to=default_locale_only,
    )
    populations = ParentalManyToManyField(
        "kb.Population",
        blank=True,
        related_name="+",
        verbose_name=_("populations"),
        limit_choices_to=default_locale_only,
    )
    regions = ParentalManyToManyField(
        "kb.Region",
        blank=True,
        related_name="+",
        verbose_name=_("regions"),
        limit_choices_to=default_locale_only,
    )

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("populations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        )
    ]
    api_fields = [
        APIField("themes", serializer=TermsField(source="localized_themes")),
        APIField("populations", serializer=TermsField(source="localized_populations")),
        APIField("regions", serializer=TermsField(source="localized_regions")),
        APIField("tags"),
    ]
    # Listing facets: how this type is linked to organisations, and which field gives its year.
    organisation_lookup = "organisations"
    # Conditions on the same related row, e.g. only endorsements that sign.
    organisation_filter = {}
    year_field = None
    listing_order = ("-first_published_at", "-pk")

    class Meta:
        abstract = True

    # Taxonomy in the reader's language ---------------------------------------------

    def _localized(self, field_name, queryset):
        chosen = getattr(self, field_name).all()
        keys = (
            chosen.values("translation_key")
            if isinstance(chosen, QuerySet)
            else [c.translation_key for c in chosen]
        )
        found = by_translation_key(queryset, keys, self.locale_id)
        return sorted(found.values(), key=_term_order)

    @cached_property
    def _localized_terms(self):
        """Themes, populations and regions in this page's language, and its tags, in one
        UNION query (cached)."""
        from kb.models import Population, Region, Theme

        kinds = {"themes": Theme, "populations": Population, "regions": Region}
        chosen = {name: getattr(self, name).all() for name in kinds}
        tags = self.tags.all()
        if not all(isinstance(c, QuerySet) for c in [*chosen.values(), tags]):
            # A preview: the choices live in memory, not in the database.
            terms = {
                name: self._localized(name, model.objects.all()) for name, model in kinds.items()
            }
            return {**terms, "tags": sorted(tags, key=lambda tag: tag.name.lower())}
        columns = ["id", "translation_key", "locale_id", "name", "slug", "sort_order"]
        tag_columns = ["id", "kb_key", "kb_locale", "name", "slug", "kb_order"]

        def union():
            parts = [
                model.objects.filter(translation_key__in=chosen[name].values("translation_key"))
                .annotate(
                    kb_kind=Value(name),
                    kb_region_kind=F("kind") if model is Region else Value(""),
                )
                .order_by()
                .values_list(*columns, "kb_kind", "kb_region_kind")
                for name, model in kinds.items()
            ]
            parts.append(
                tags.annotate(
                    kb_key=Value(None, output_field=UUIDField()),
                    kb_locale=Value(None, output_field=IntegerField()),
                    kb_order=Value(0, output_field=IntegerField()),
                    kb_kind=Value("tags"),
                    kb_region_kind=Value(""),
                )
                .order_by()
                .values_list(*tag_columns, "kb_kind", "kb_region_kind")
            )
            return list(parts[0].union(*parts[1:], all=True))

        # Plain rows, cached until the knowledge base changes (a page's choices change
        # only with a publish, which raises its version).
        found_rows = content_version.remember(["kb-terms", self.pk, self.locale_id], union)
        rows = {name: [] for name in [*kinds, "tags"]}
        found_tags = []
        for *values, name, region_kind in found_rows:
            if name == "tags":
                tag_id, _key, _locale, tag_name, slug, _order = values
                found_tags.append(Tag(id=tag_id, name=tag_name, slug=slug))
                continue
            model = kinds[name]
            fields = columns + (["kind"] if model is Region else [])
            extra = [region_kind] if model is Region else []
            rows[name].append(model.from_db(tags.db, fields, [*values, *extra]))
        terms = {}
        for name, found in rows.items():
            best = {}
            for term in found:
                if term.translation_key not in best or term.locale_id == self.locale_id:
                    best[term.translation_key] = term
            terms[name] = sorted(best.values(), key=_term_order)
        terms["tags"] = sorted(found_tags, key=lambda tag: tag.name.lower())
        return terms

    @cached_property
    def localized_tags(self):
        """The page's tags, by name; read with the taxonomy (no query of their own)."""
        return self._localized_terms["tags"]

    @cached_property
    def localized_themes(self):
        return self._localized_terms["themes"]

    @cached_property
    def localized_populations(self):
        return self._localized_terms["populations"]

    @cached_property
    def localized_regions(self):
        return self._localized_terms["regions"]

    def _localized_links(self, field_name, model):
        """The live pages chosen in ``field_name``, in this page's language, as links:
        cached until the knowledge base changes (a preview's choices are read as they are)."""
        live = model.objects.live()
        if not isinstance(getattr(self, field_name).all(), QuerySet):
            return self._localized(field_name, live)

        parts = ["kb-chosen", field_name, self.pk, self.locale_id]
        return chosen_links(parts, lambda: self._localized(field_name, live.only(*CHOSEN_FIELDS)))

    @cached_property
    def localized_organisations(self):
        """The organisations carrying out this page's work, as links in its language."""
        from kb.models import OrganisationPage

        if not hasattr(self, "organisations"):
            return []
        return self._localized_links("organisations", OrganisationPage)

    @cached_property
    def _public_q(self):
        return public_pages_q()

    def related_pages(self, limit=None):
        """Other pages of the same themes or regions, newest first (cached)."""
        theme_keys = sorted(str(t.translation_key) for t in self.localized_themes)
        region_keys = sorted(str(r.translation_key) for r in self.localized_regions)
        if not theme_keys and not region_keys:
            return []

        def conditions():
            return {
                model: linked(model, "themes", translation_key__in=theme_keys)
                | linked(model, "regions", translation_key__in=region_keys)
                for model in kb_page_models()
            }

        parts = ["kb-related", self.pk, *theme_keys, "/", *region_keys]
        return self._newest_links(parts, conditions, limit)

    def organisation_keys(self):
        """Translation keys of the organisations this page belongs to."""
        return [o.translation_key for o in self.localized_organisations]

    def organisation_pages(self, limit=None):
        """Other pages of the organisations this page belongs to (cached)."""
        keys = self.organisation_keys()
        if isinstance(keys, list) and not keys:
            return []
        from kb.models import CareModelPage, GoodPracticePage, PolicyPositionPage

        def conditions():
            # Keys read first (a position's endorsers come as a subquery), so that the
            # database plans from the organisations' few links, not from every page.
            chosen = sorted(set(keys))
            return {
                GoodPracticePage: linked(
                    GoodPracticePage, "organisations", translation_key__in=chosen
                ),
                CareModelPage: linked(CareModelPage, "organisations", translation_key__in=chosen),
                PolicyPositionPage: PolicyPositionPage.signed_by(chosen),
            }

        # A subquery of keys (a position's endorsers) follows from the page itself.
        shown = sorted(map(str, keys)) if isinstance(keys, list) else ["endorsers"]
        return self._newest_links(["kb-organisation-pages", self.pk, *shown], conditions, limit)

    def _newest_links(self, parts, conditions, limit):
        """The newest live public pages of this language, other than this one, matching
        their model's condition (``conditions()``: {model: condition}), as links; cached
        under ``parts`` until the knowledge base changes."""
        limit = limit or kb_settings.RELATED_LIMIT

        def compute():
            # One query per model, each reading that type's newest pages first (index
            # kb_page_type_published_idx) and stopping at ``limit``: no statement
            # collects or sorts every match.
            rows = []
            for model, condition in conditions().items():
                content_type = ContentType.objects.get_for_model(model)
                rows += (
                    model.objects.live()
                    .filter(content_type=content_type, locale_id=self.locale_id)
                    .filter(condition)
                    .filter(self._public_q)
                    .exclude(pk=self.pk)
                    .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
                    .values_list(*LINK_FIELDS)[:limit]
                )
            return sorted(rows, key=_newest_first, reverse=True)[:limit]

        return page_links(content_version.remember([*parts, self.locale_id, limit], compute))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = self.related_pages()
        parent = self.get_parent()
        context["index_url"] = parent.get_url(request) if parent else None
        context["kb_discussion_template"] = kb_settings.DISCUSSION_TEMPLATE
        return context


def option_labels(facet):
    """A facet's options by value (a slug), and by translation key where they have one."""
    return {
        **{o.value: astuple(o) for o in facet.options},
        **{o.key: astuple(o) for o in facet.options if o.key},
    }


class _Recording(dict):
    """A dict that keeps the entries looked up in it (``used``), as Options."""

    def __init__(self, *args):
        super().__init__(*args)
        self.used = {}

    def __contains__(self, key):
        found = super().__contains__(key)
        if found:
            self.used[key] = super().__getitem__(key)
        return found

    def __getitem__(self, key):
        self.used[key] = super().__getitem__(key)
        return filters.Option(*self.used[key])

    def get(self, key, default=None):
        if key not in self:
            return default
        return self[key]


class CountedPaginator(Paginator):
    """A paginator told the number of items, so it does not count them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


class KnowledgeIndexPage(CachedViewRestrictions, Page):
    """A filterable, paginated listing of the pages below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count_per_parent = 1
    listing_model = None
    card_template = None

    class Meta:
        abstract = True

    def get_facets(self):
        from kb.models import OrganisationPage, Population, Region, Theme

        model = self.listing_model
        return filters.standard_facets(
            model,
            organisation_model=OrganisationPage,
            term_models=(Theme, Population, Region),
            organisation_lookup=model.organisation_lookup,
            organisation_filter=model.organisation_filter,
            year_field=model.year_field,
            tag_limit=kb_settings.TAG_FACET_LIMIT,
            organisation_limit=kb_settings.ORGANISATION_FACET_LIMIT,
        )

    def listing_queryset(self):
        return self.listing_model.objects.child_of(self).live().filter(public_pages_q())

    def _listing_parts(self, selection):
        chosen = [f"{name}={','.join(values)}" for name, values in sorted(selection.items())]
        return ["kb-listing", self.pk, self.locale_id, *chosen]

    def _with_cards(self, queryset):
        return queryset.select_related(*self.listing_select_related()).prefetch_related(
            *self.listing_prefetch_related()
        )

    def listing_cards(self, matches, parts, page_obj, facets):
        """The pages of one page of results and their cards, in order.

        Which pages they are, and the option labels their cards show, are cached like the
        counts: sorting every match happens once, later requests read the pages by id and
        never load the options (there can be thousands of organisations).
        """
        size = page_obj.paginator.per_page
        bottom = (page_obj.number - 1) * size
        computed = {}

        def compute():
            pages = []
            if page_obj.paginator.count:
                ordered = matches.order_by(*self.listing_model.listing_order)
                pages = list(self._with_cards(ordered)[bottom : bottom + size])
            labels = {facet.name: _Recording(option_labels(facet)) for facet in facets}
            computed["cards"] = [self.card(page, labels) for page in pages]
            computed["pages"] = pages
            used = {name: recording.used for name, recording in labels.items()}
            return {"ids": [page.pk for page in pages], "labels": used}

        cached = content_version.remember([*parts, f"page={page_obj.number}", size], compute)
        if computed:
            return computed["pages"], computed["cards"]
        ids = cached["ids"]
        found = (
            self._with_cards(self.listing_queryset().filter(pk__in=ids)).in_bulk() if ids else {}
        )
        pages = [found[pk] for pk in ids if pk in found]
        labels = {
            name: {key: filters.Option(*option) for key, option in used.items()}
            for name, used in cached["labels"].items()
        }
        return pages, [self.card(page, labels) for page in pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facets = self.get_facets()
        selection = filters.selection_of(facets, request.GET)
        parts = self._listing_parts(selection)
        matches = filters.narrow(self.listing_queryset(), facets, selection)

        def options():
            counted = content_version.remember(
                [*parts, "options"],
                lambda: filters.count_options(
                    self.listing_queryset(), facets, selection, self.locale_id
                ),
            )
            return filters.shown_facets(facets, selection, counted)

        # Read only when the form or a card's labels are computed, or by tests.
        shown = SimpleLazyObject(options)
        total = content_version.remember([*parts, "total"], matches.count)
        paginator = CountedPaginator(matches, kb_settings.PAGE_SIZE, total)
        page_obj = paginator.get_page(request.GET.get("page"))
        # Read only when the page of cards is rendered, or by tests.
        listed = SimpleLazyObject(lambda: self.listing_cards(matches, parts, page_obj, shown))
        page_obj.object_list = SimpleLazyObject(lambda: listed[0])
        cards = SimpleLazyObject(lambda: listed[1])
        context.update(
            {
                "facets": shown,
                "filtered": bool(selection),
                "filters_html": self.filters_html(request, parts, selection, shown),
                "paginator": paginator,
                "page_obj": page_obj,
                "cards": cards,
                "cards_html": self._rendered(
                    request,
                    [*parts, f"page={page_obj.number}", paginator.per_page, "cards"],
                    "kb/includes/cards.html",
                    {"page": self, "cards": cards},
                ),
            }
        )
        return context

    def filters_html(self, request, parts, selection, shown):
        """The filter form, rendered once per selection and language until the kb changes:
        its options (every organisation, say) grow with the knowledge base."""
        context = {"page": self, "facets": shown, "filtered": bool(selection)}
        return self._rendered(request, [*parts, "form"], "kb/includes/filters.html", context)

    def _rendered(self, request, parts, template, context):
        """``template`` rendered once per ``parts`` and language until the kb changes."""
        html = content_version.remember(
            [*parts, get_language()],
            lambda: str(render_to_string(template, context, request)),
        )
        # Rendered by the template engine, which escaped every value in it.
        return mark_safe(html)  # noqa: S308  # nosec B308 B703

    def listing_select_related(self):
        return ()

    def listing_prefetch_related(self):
        return ("themes", "regions")

    def card(self, item, labels):
        """What a listing shows of one page, its taxonomy in the reader's language."""

        def names(relation, facet):
            shown = labels.get(facet, {})
            return [
                shown[term.slug].label if term.slug in shown else term.name
                for term in getattr(item, relation).all()
            ]

        return {
            "page": item,
            "themes": sorted(names("themes", "theme")),
            "regions": sorted(names("regions", "region")),
        }
