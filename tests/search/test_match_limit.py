"""The database backends rank at most ``MATCH_LIMIT`` matches: titled content first, newest
first, and say "more than" when they stopped counting."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from search import backends, service
from search.backends.database import Arm, DatabaseBackend, Match

from .conftest import Engine


@pytest.fixture
def engine(database_backend, db, settings):
    """The database's backend (Elasticsearch ranks every match) with a limit of 3."""
    settings.PUENTE_SEARCH_MATCH_LIMIT = 3
    return Engine(backends.get_backend())


@pytest.fixture
def many(engine, doc):
    """Two pages (titled, older) and four replies (newer), all about "salud"."""
    engine.index(
        doc("Página antigua", "salud", date=datetime.date(2018, 1, 1)),
        doc("Página nueva", "salud", date=datetime.date(2019, 1, 1)),
        *[
            doc(
                f"Respuesta {day}",
                "salud",
                kind="forum_post",
                suggest=False,
                date=datetime.date(2024, 1, day),
                facets={"theme": ["health"]},
            )
            for day in range(1, 5)
        ],
    )
    return engine


def ranked(engine, text):
    """The titles ranked for ``text``, which matched more than the limit."""
    results = engine.search(text)
    assert results.total_is_lower_bound
    return sorted(hit.title for hit in results.hits)


def test_a_search_matching_more_than_the_limit_ranks_titled_and_newest_first(many):
    assert ranked(many, "salud") == ["Página antigua", "Página nueva", "Respuesta 3", "Respuesta 4"]
    assert many.search("salud").total == 4


def test_titled_content_filling_the_limit_leaves_every_reply_out(many, doc):
    years = (2020, 2021)
    many.index(*[doc(f"Página {year}", "salud", date=datetime.date(year, 1, 1)) for year in years])
    assert ranked(many, "salud") == ["Página 2020", "Página 2021", "Página antigua", "Página nueva"]


def test_the_newest_matches_are_taken_across_languages(engine, doc):
    """Each language's matches are read on their own; the newest of all are kept."""
    engine.index(
        *[
            doc(f"Oaxaca {year}", "Oaxaca", language=language, date=datetime.date(year, 1, 1))
            for year, language in zip(
                range(2017, 2023), ["en", "es", "de", "en", "de", "es"], strict=True
            )
        ]
    )
    assert ranked(engine, "Oaxaca") == ["Oaxaca 2019", "Oaxaca 2020", "Oaxaca 2021", "Oaxaca 2022"]


def test_a_search_within_the_limit_counts_exactly(many):
    results = many.search("salud", filters={"type": ["good_practice"]})
    assert not results.total_is_lower_bound
    assert results.total == 2


def test_beyond_the_limit_facets_offer_the_values_of_the_best_results(many, settings):
    settings.PUENTE_SEARCH_FACET_SAMPLE = 1
    results = many.search("salud")
    assert results.total_is_lower_bound
    assert results.total == 4
    assert [(facet.value, facet.count) for facet in results.facets["type"]] == [
        (results.hits[0].kind, 1)
    ]
    within = many.search("salud", filters={"type": ["good_practice"]})
    assert not within.total_is_lower_bound
    assert [(facet.value, facet.count) for facet in within.facets["type"]] == [("good_practice", 2)]


def test_no_limit_ranks_every_match(many, settings):
    settings.PUENTE_SEARCH_MATCH_LIMIT = None
    results = many.search("salud")
    assert not results.total_is_lower_bound
    assert results.total == 6


@pytest.mark.parametrize(
    ("language", "count", "note"),
    [
        ("es", "Más de 4 resultados", "Añada palabras o filtros"),
        ("de", "Mehr als 4 Ergebnisse", "Fügen Sie Wörter oder Filter hinzu"),
        ("en", "More than 4 results", "Add words or filters"),
    ],
)
def test_the_page_says_more_than_and_leaves_facet_counts_out(client, many, language, count, note):
    with translation.override(language):
        url = reverse("search:search")
    html = client.get(url, {"q": "salud"}).content.decode()
    assert count in html
    assert note in html
    assert "search-facet__count" not in html
    exact = client.get(url, {"q": "salud", "type": "good_practice"}).content.decode()
    assert "search-facet__count" in exact
    assert count not in exact


def test_a_facet_offers_its_most_frequent_values_and_the_chosen_ones(engine, doc, settings):
    settings.PUENTE_SEARCH_MATCH_LIMIT = None
    engine.index(
        *[doc(f"Práctica {n}", "salud", facets={"region": ["all", f"r{n:02d}"]}) for n in range(25)]
    )
    found = service.search(
        "salud", user=AnonymousUser(), language="es", filters={"region": ["all"]}
    )
    regions = [facet.value for facet in found.facets["region"]]
    assert regions == ["all", *[f"r{n:02d}" for n in range(19)]]
    chosen = service.search(
        "salud", user=AnonymousUser(), language="es", filters={"region": ["all", "r24"]}
    )
    assert [facet.value for facet in chosen.facets["region"]][-1] == "r24"


def test_the_database_sends_only_the_facet_values_offered(engine, doc, settings):
    """The cut is made in SQL, in the order the page shows values of equal counts (by
    code point, whatever the database's collation): the rest never reaches Python."""
    settings.PUENTE_SEARCH_MATCH_LIMIT = None
    settings.PUENTE_SEARCH_FACET_SIZE = 3
    names = ["b", "a", "Z", "Ávila", "c"]
    engine.index(
        *[doc(f"Práctica {name}", "salud", facets={"region": [name, "all"]}) for name in names]
    )
    regions = engine.search("salud").facets["region"]
    assert [(facet.value, facet.count) for facet in regions] == [("all", 5), ("Z", 1), ("a", 1)]
    chosen = engine.search("salud", filters={"region": ["all", "c"]}).facets["region"]
    assert [facet.value for facet in chosen] == ["all", "Z", "a", "c"]


def test_each_arm_is_planned_for_a_number_and_their_union_cut_by_the_sql_limit():
    """A limit computed in SQL is unknown to the planner, which then plans a walk through
    every reply for a rare word it overestimates; each arm gets the number instead."""
    arms = [Arm(where="r.language = 'es'", score="1"), Arm(where="r.language = 'de'", score="1")]
    match = Match(source="rows r", join_params=[], arms=arms, row="r", key="r.id")
    remaining = "(SELECT 4 - COUNT(*) FROM titled)"
    sql, _params = DatabaseBackend._matches(match, "TRUE", [], remaining, planned_for=4)
    assert sql.count("ORDER BY r.date DESC, r.id DESC LIMIT 4)") == 2
    assert sql.endswith(f"AS arms ORDER BY date DESC, id DESC LIMIT {remaining}")
    assert sql.count(remaining) == 1
