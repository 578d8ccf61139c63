"""Faceted filters shared by every knowledge-base listing.

A listing is filtered by the values in the query string (``?theme=health&year=2021``).
Facets combine with AND; several values of one facet combine with OR. Each option shows
how many pages it would match given the other facets, computed with one aggregated query
per facet. Malformed values are dropped, never an error.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, F, Func, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    key: object = None


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected: list = field(default_factory=list)


class CountDistinct(Func):
    """``COUNT(DISTINCT pk)`` inside a correlated subquery, without a GROUP BY."""

    function = "COUNT"
    template = "%(function)s(DISTINCT %(expressions)s)"
    output_field = IntegerField()


def _pks(queryset):
    return queryset.order_by().values("pk")


class TermFacet:
    """Pages linked to a taxonomy term (theme, population, region) through ``field_name``."""

    def __init__(self, name, label, field_name, term_model):
        self.name, self.label = name, label
        self.field_name, self.term_model = field_name, term_model

    def clean(self, values):
        return [v for v in values if SLUG_RE.match(v)]

    def apply(self, queryset, values):
        model = queryset.model
        matching = model.objects.filter(**{f"{self.field_name}__slug__in": values})
        return queryset.filter(pk__in=_pks(matching))

    def options(self, queryset, locale, selected):
        count = (
            queryset.filter(**{f"{self.field_name}__translation_key": OuterRef("translation_key")})
            .order_by()
            .annotate(n=CountDistinct("pk"))
            .values("n")
        )
        terms = self.term_model.objects.filter(locale=locale).annotate(
            n=Coalesce(Subquery(count), Value(0))
        )
        return [
            Option(term.slug, term.name, term.n, term.slug in selected)
            for term in terms
            if term.n or term.slug in selected
        ]


class OrganisationFacet:
    """Pages linked to an organisation page (by its slug in the reader's language).

    ``conditions`` restrict the linking rows (e.g. endorsements that sign, not declines);
    they go in the same ``filter()`` call as the lookup, so they apply to the same row.
    """

    def __init__(self, name, label, lookup, organisation_model, conditions=None):
        self.name, self.label, self.lookup = name, label, lookup
        self.organisation_model = organisation_model
        self.conditions = conditions or {}

    def clean(self, values):
        return [v for v in values if SLUG_RE.match(v)]

    def apply(self, queryset, values):
        keys = self.organisation_model.objects.filter(slug__in=values).values("translation_key")
        matching = queryset.model.objects.filter(
            **{f"{self.lookup}__translation_key__in": keys}, **self.conditions
        )
        return queryset.filter(pk__in=_pks(matching))

    def options(self, queryset, locale, selected):
        count = (
            queryset.filter(
                **{f"{self.lookup}__translation_key": OuterRef("translation_key")},
                **self.conditions,
            )
            .order_by()
            .annotate(n=CountDistinct("pk"))
            .values("n")
        )
        organisations = (
            self.organisation_model.objects.live()
            .filter(locale=locale)
            .annotate(n=Coalesce(Subquery(count), Value(0)))
            .order_by("title")
            .values("slug", "title", "n", "translation_key")
        )
        return [
            Option(o["slug"], o["title"], o["n"], o["slug"] in selected, o["translation_key"])
            for o in organisations
            if o["n"] or o["slug"] in selected
        ]


class TagFacet:
    """Free-form tags; the most used ones are offered, plus any selected."""

    def __init__(self, name, label, limit):
        self.name, self.label, self.limit = name, label, limit

    def clean(self, values):
        return [v for v in values if SLUG_RE.match(v)]

    def apply(self, queryset, values):
        return queryset.filter(pk__in=_pks(queryset.model.objects.filter(tags__slug__in=values)))

    def options(self, queryset, locale, selected):
        rows = (
            queryset.order_by()
            .filter(tags__isnull=False)
            .values("tags__slug", "tags__name")
            .annotate(n=Count("pk", distinct=True))
            .order_by("-n", "tags__name")
        )
        options = [
            Option(r["tags__slug"], r["tags__name"], r["n"], r["tags__slug"] in selected)
            for r in rows
        ]
        shown = [o for i, o in enumerate(options) if i < self.limit or o.selected]
        return sorted(shown, key=lambda o: o.label.lower())


class YearFacet:
    """The year of a date or integer field (start of a practice, year joined, ...)."""

    def __init__(self, name, label, field_name):
        self.name, self.label, self.field_name = name, label, field_name

    def clean(self, values):
        years = []
        for value in values:
            if value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
                years.append(value)
        return years

    def _expression(self, model):
        if model._meta.get_field(self.field_name).get_internal_type() == "DateField":
            return ExtractYear(self.field_name)
        return F(self.field_name)

    def apply(self, queryset, values):
        years = [int(v) for v in values]
        return queryset.annotate(kb_year=self._expression(queryset.model)).filter(kb_year__in=years)

    def options(self, queryset, locale, selected):
        rows = (
            queryset.order_by()
            .annotate(kb_year=self._expression(queryset.model))
            .filter(kb_year__isnull=False)
            .values("kb_year")
            .annotate(n=Count("pk", distinct=True))
            .order_by("-kb_year")
        )
        return [
            Option(str(r["kb_year"]), str(r["kb_year"]), r["n"], str(r["kb_year"]) in selected)
            for r in rows
        ]


@dataclass
class FilterResult:
    queryset: object
    facets: list
    active: bool


def filter_pages(queryset, facets, params, locale):
    """Apply the facets selected in ``params`` (a QueryDict) and count every option.

    Returns the filtered queryset, and for each facet its options with the number of
    pages each would match combined with the other selected facets.
    """
    selection = {}
    for facet in facets:
        values = facet.clean([v.strip() for v in params.getlist(facet.name) if v.strip()])
        if values:
            selection[facet.name] = list(dict.fromkeys(values))

    def narrowed(excluding=None):
        result = queryset
        for facet in facets:
            if facet.name in selection and facet.name != excluding:
                result = facet.apply(result, selection[facet.name])
        return result

    shown = []
    for facet in facets:
        selected = selection.get(facet.name, [])
        options = facet.options(narrowed(excluding=facet.name), locale, selected)
        shown.append(Facet(facet.name, facet.label, options, selected))
    return FilterResult(narrowed(), shown, bool(selection))


def standard_facets(
    model,
    *,
    organisation_model,
    term_models,
    organisation_lookup,
    year_field,
    tag_limit,
    organisation_filter=None,
):
    """The facets every knowledge-base listing offers, in the order they are shown."""
    theme, population, region = term_models
    facets = [
        TermFacet("theme", _("Theme"), "themes", theme),
        TermFacet("population", _("Population"), "populations", population),
        TermFacet("region", _("Region"), "regions", region),
    ]
    if organisation_lookup:
        facets.append(
            OrganisationFacet(
                "organisation",
                _("Organisation"),
                organisation_lookup,
                organisation_model,
                organisation_filter,
            )
        )
    facets.append(TagFacet("tag", _("Tag"), tag_limit))
    if year_field:
        facets.append(YearFacet("year", _("Year"), year_field))
    return facets
