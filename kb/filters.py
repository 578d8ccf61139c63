"""Faceted filters shared by every knowledge-base listing.

A listing is filtered by the values in the query string (``?theme=health&year=2021``).
Facets combine with AND; several values of one facet combine with OR. Each option shows
how many pages it would match given the other facets, computed with one grouped query
per facet over the pages the other facets leave. Malformed values are dropped, never an
error. The counts are plain data (``count_options()``), so a listing can cache them.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    key: str | None = None  # the translation key of an organisation, as text


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected: list = field(default_factory=list)


def _pks(queryset):
    return queryset.order_by().values("pk")


class GroupLabel(Subquery):
    """A column of the row with a group's key, read once per group: the key it refers to
    is grouped by already, so the label is left out of the GROUP BY (where the database
    would compute it for every row before grouping)."""

    def get_group_by_cols(self):
        return []


def _count_by_key(queryset, key_path, labels, label_fields, selected, conditions=None):
    """Pages of ``queryset`` per translation key at ``key_path``, in one GROUP BY.

    Each row (a dict) carries ``label_fields`` of the row of ``labels`` with its key (the
    term or organisation in the reader's language); keys without one are left out. Selected
    slugs no page matches come with 0, so they can be unselected: still one query.
    """
    same_key = labels.filter(translation_key=OuterRef("kb_key")).order_by()
    columns = ["kb_key", "kb_count", *(f"kb_{name}" for name in label_fields)]
    counted = (
        queryset.order_by()
        .filter(**{f"{key_path}__isnull": False}, **(conditions or {}))
        .values(kb_key=F(key_path))
        .annotate(
            kb_count=Count("pk", distinct=True),
            **{f"kb_{name}": GroupLabel(same_key.values(name)[:1]) for name in label_fields},
        )
        .values_list(*columns)
    )
    if selected:
        chosen = (
            labels.filter(slug__in=selected)
            .order_by()
            .annotate(
                kb_key=F("translation_key"),
                kb_count=Value(0, output_field=IntegerField()),
                **{f"kb_{name}": F(name) for name in label_fields},
            )
            .values_list(*columns)
        )
        counted = counted.union(chosen, all=True)
    rows = {}
    for values in counted:
        row = dict(zip(columns, values, strict=True))
        if row["kb_slug"] is None:
            continue  # not in the reader's language
        if row["kb_key"] not in rows or row["kb_count"]:
            rows[row["kb_key"]] = row
    return list(rows.values())


def _in_order(rows, ordering):
    """``rows`` sorted like the model's ``Meta.ordering`` (names compared without case)."""

    def value(row, name):
        found = row[f"kb_{name}"]
        return found.casefold() if isinstance(found, str) else found

    # Stable sorts, least significant field first.
    for name in reversed(ordering):
        field_name = name.lstrip("-")
        rows.sort(key=lambda row: value(row, field_name), reverse=name.startswith("-"))
    return rows


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
        ordering = [name.lstrip("-") for name in self.term_model._meta.ordering]
        fields = list(dict.fromkeys(["slug", "name", *ordering]))
        terms = self.term_model.objects.filter(locale=locale)
        key_path = f"{self.field_name}__translation_key"
        rows = _count_by_key(queryset, key_path, terms, fields, selected)
        return [
            Option(row["kb_slug"], row["kb_name"], row["kb_count"], row["kb_slug"] in selected)
            for row in _in_order(rows, self.term_model._meta.ordering)
        ]


class OrganisationFacet:
    """Pages linked to an organisation page (by its slug in the reader's language).

    ``conditions`` restrict the linking rows (e.g. endorsements that sign, not declines);
    they go in the same ``filter()`` call as the lookup, so they apply to the same row.
    """

    def __init__(self, name, label, lookup, organisation_model, conditions=None, limit=None):
        self.name, self.label, self.lookup = name, label, lookup
        self.organisation_model = organisation_model
        self.conditions = conditions or {}
        self.limit = limit

    def clean(self, values):
        return [v for v in values if SLUG_RE.match(v)]

    def apply(self, queryset, values):
        keys = self.organisation_model.objects.filter(slug__in=values).values("translation_key")
        matching = queryset.model.objects.filter(
            **{f"{self.lookup}__translation_key__in": keys}, **self.conditions
        )
        return queryset.filter(pk__in=_pks(matching))

    def options(self, queryset, locale, selected):
        fields = ["slug", "title"]
        organisations = self.organisation_model.objects.live().filter(locale=locale)
        key_path = f"{self.lookup}__translation_key"
        rows = _count_by_key(queryset, key_path, organisations, fields, selected, self.conditions)
        options = [
            Option(
                row["kb_slug"],
                row["kb_title"],
                row["kb_count"],
                row["kb_slug"] in selected,
                str(row["kb_key"]),
            )
            for row in _in_order(rows, ["title"])
        ]
        if self.limit is None:
            return options
        return most_used(sorted(options, key=lambda o: -o.count), self.limit)


def most_used(options, limit):
    """The first ``limit`` options (most used first) and any selected one, by label."""
    shown = [o for i, o in enumerate(options) if i < limit or o.selected]
    return sorted(shown, key=lambda o: o.label.lower())


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
        return most_used(options, self.limit)


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


def selection_of(facets, params):
    """The cleaned values of each facet in ``params`` (a QueryDict), sorted, without repeats.

    Values combine with OR, so their order means nothing: one selection, one cache entry.
    """
    selection = {}
    for facet in facets:
        values = facet.clean([v.strip() for v in params.getlist(facet.name) if v.strip()])
        if values:
            selection[facet.name] = sorted(set(values))
    return selection


def narrow(queryset, facets, selection, excluding=None):
    """``queryset`` restricted by every selected facet but ``excluding``."""
    for facet in facets:
        if facet.name in selection and facet.name != excluding:
            queryset = facet.apply(queryset, selection[facet.name])
    return queryset


def count_options(queryset, facets, selection, locale):
    """Each facet's options as plain tuples ``(value, label, count, key)``, by facet name.

    An option counts the pages it would match combined with the other selected facets.
    """
    counted = {}
    for facet in facets:
        options = facet.options(
            narrow(queryset, facets, selection, excluding=facet.name),
            locale,
            selection.get(facet.name, []),
        )
        counted[facet.name] = [(o.value, o.label, o.count, o.key) for o in options]
    return counted


def shown_facets(facets, selection, counted):
    """The facets to show, from the plain options ``count_options()`` gave."""
    shown = []
    for facet in facets:
        selected = selection.get(facet.name, [])
        options = [
            Option(value, label, count, value in selected, key)
            for value, label, count, key in counted.get(facet.name, [])
        ]
        shown.append(Facet(facet.name, facet.label, options, selected))
    return shown


def standard_facets(
    model,
    *,
    organisation_model,
    term_models,
    organisation_lookup,
    year_field,
    tag_limit,
    organisation_filter=None,
    organisation_limit=None,
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
                organisation_limit,
            )
        )
    facets.append(TagFacet("tag", _("Tag"), tag_limit))
    if year_field:
        facets.append(YearFacet("year", _("Year"), year_field))
    return facets
