"""The network in figures: organisations by region, practices by theme, positions with
their signatories, dialogues per year. Every page family is counted once, whatever its
number of translations, and each figure costs a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Sum

from kb.models import (
    DialogueEventPage,
    DialogueParticipation,
    Endorsement,
    GoodPracticePage,
    OrganisationPage,
    PolicyPositionPage,
    PositionVersion,
    Region,
    Theme,
)
from kb.models.base import public_pages_q
from kb.models.positions import SIGNING_DECISIONS

# Positions on the chart: those with the most signatories (a chart of every position
# would grow with the network; the positions listing has them all).
POSITIONS_SHOWN = 20


@dataclass
class Row:
    """One bar of a chart and one row of its data table."""

    label: str
    value: int
    key: str = ""
    url: str = ""
    people: int = 0
    institutions: int = 0


def _public(model):
    return model.objects.live().filter(public_pages_q())


def _counts_by_term(model, relation) -> dict:
    """``{term translation key: number of page families}`` (one query)."""
    return dict(
        _public(model)
        .filter(**{f"{relation}__isnull": False})
        .values_list(f"{relation}__translation_key")
        .annotate(n=Count("translation_key", distinct=True))
        .order_by()
    )


def organisations_by_region(locale_id) -> list[Row]:
    """Every Mexican state, by name, with the number of organisations working there."""
    counts = _counts_by_term(OrganisationPage, "regions")
    states = Region.objects.filter(locale_id=locale_id, kind=Region.Kind.STATE).order_by("name")
    return [Row(s.name, counts.get(s.translation_key, 0), s.slug) for s in states]


def practices_by_theme(locale_id) -> list[Row]:
    """Themes with good practices, most practices first."""
    counts = _counts_by_term(GoodPracticePage, "themes")
    themes = Theme.objects.filter(locale_id=locale_id, translation_key__in=counts.keys())
    rows = [Row(t.name, counts[t.translation_key], t.slug) for t in themes]
    return sorted(rows, key=lambda row: (-row.value, row.label))


def _shown_versions(keys) -> dict:
    """``{position translation key: number}`` of the version readers see: the latest
    adopted one, else the latest (in consultation). Positions without versions are absent."""
    adopted, latest = {}, {}
    rows = PositionVersion.objects.filter(position__translation_key__in=keys).values_list(
        "position__translation_key", "number", "adopted_at"
    )
    for key, number, adopted_at in rows:
        latest[key] = max(latest.get(key, 0), number)
        if adopted_at:
            adopted[key] = max(adopted.get(key, 0), number)
    return {**latest, **adopted}


def positions_with_signatories(locale_id, request=None) -> list[Row]:
    """Every position, in the reader's language where translated, in listing order, with
    the number of organisations that signed the version readers see (3 queries)."""
    chosen = {}
    for position in _public(PolicyPositionPage).order_by(*PolicyPositionPage.listing_order):
        current = chosen.get(position.translation_key)
        if current is None or position.locale_id == locale_id:
            chosen[position.translation_key] = position
    positions = list(chosen.values())
    keys = [p.translation_key for p in positions]
    shown = _shown_versions(keys)
    signatures = {
        (key, number): n
        for key, number, n in Endorsement.objects.filter(
            position__translation_key__in=keys, decision__in=SIGNING_DECISIONS
        )
        .values_list("position__translation_key", "version__number")
        .annotate(n=Count("organisation__translation_key", distinct=True))
        .order_by()
    }
    rows = []
    for position in positions:
        key = position.translation_key
        count = signatures.get((key, shown.get(key)), 0)
        rows.append(Row(position.title, count, url=position.get_url(request)))
    return rows


def most_signed(rows: list[Row]) -> list[Row]:
    """The ``POSITIONS_SHOWN`` positions with the most signatories, in listing order
    where tied."""
    return sorted(rows, key=lambda row: -row.value)[:POSITIONS_SHOWN]


def dialogues_by_year() -> list[Row]:
    """Per year, oldest first: dialogues held, and the people and institutions taking part."""
    chosen = {}
    for pk, key, start in (
        _public(DialogueEventPage).order_by("pk").values_list("pk", "translation_key", "start_date")
    ):
        chosen.setdefault(key, (pk, start.year))
    totals = {
        page_id: (people or 0, institutions or 0)
        for page_id, people, institutions in DialogueParticipation.objects.filter(
            page_id__in=[pk for pk, _year in chosen.values()]
        )
        .values_list("page_id")
        .annotate(people=Sum("people"), institutions=Sum("institutions"))
        .order_by()
    }
    years = {}
    for pk, year in chosen.values():
        row = years.setdefault(year, Row(str(year), 0, str(year)))
        people, institutions = totals.get(pk, (0, 0))
        row.value += 1
        row.people += people
        row.institutions += institutions
    return [years[year] for year in sorted(years)]


def total(rows) -> Row:
    """The sum of the rows: the footer of a data table."""
    return Row(
        "",
        sum(row.value for row in rows),
        people=sum(row.people for row in rows),
        institutions=sum(row.institutions for row in rows),
    )
