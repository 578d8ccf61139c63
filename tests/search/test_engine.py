"""What a reader finds: the behaviour every backend must have (see conftest.Engine)."""

import datetime

import pytest

from search.query import MAX_CLAUSES, parse


def test_spanish_stemming_finds_other_forms(engine, doc):
    engine.index(doc("Albergue para migrantes", "Atención a la persona migrante en tránsito"))
    engine.refresh()
    assert engine.titles("migrante") == ["Albergue para migrantes"]
    assert engine.titles("migrantes") == ["Albergue para migrantes"]


def test_german_stemming(engine, doc):
    engine.index(doc("Beratung", "Unterstützung für Rückkehrende in Jalisco", language="de"))
    engine.refresh()
    assert engine.titles("Rückkehrenden", language="de") == ["Beratung"]


def test_english_stemming(engine, doc):
    engine.index(doc("Housing", "Local policy on shelters", language="en"))
    engine.refresh()
    assert engine.titles("policies", language="en") == ["Housing"]


def test_accents_and_case_are_ignored(engine, doc):
    engine.index(doc("Programa", "La REINTEGRACIÓN laboral en Oaxaca"))
    engine.refresh()
    assert engine.titles("reintegracion") == ["Programa"]
    assert engine.titles("Reintegración") == ["Programa"]


def test_stop_words_are_ignored(engine, doc):
    engine.index(doc("Salud mental", "Apoyo psicosocial"))
    engine.refresh()
    assert engine.titles("la salud de las") == ["Salud mental"]
    assert engine.search("de la los").total == 0


def test_phrase_search_needs_the_words_together(engine, doc):
    engine.index(
        doc("Juntas", "Trabajo con la comunidad de acogida en Tijuana"),
        doc("Separadas", "La comunidad local ofrece acogida temporal"),
    )
    engine.refresh()
    assert engine.titles('"comunidad de acogida"', filters={"language": ["es"]}) == ["Juntas"]
    assert sorted(engine.titles("comunidad acogida")) == ["Juntas", "Separadas"]


def test_all_words_are_required(engine, doc):
    engine.index(doc("Uno", "vivienda temporal"), doc("Dos", "vivienda permanente"))
    engine.refresh()
    assert engine.titles("vivienda temporal") == ["Uno"]


def test_glossary_expands_across_languages(engine, doc):
    engine.index(
        doc("Acompañamiento", "Apoyo a la persona retornada desde Estados Unidos"),
        doc("Support", "Job training for returnees", language="en"),
    )
    engine.refresh()
    assert sorted(engine.titles("Rückkehrende", language="de")) == ["Acompañamiento", "Support"]


def test_a_translation_is_found_in_the_readers_language(engine, doc):
    engine.index(
        doc("Albergue El Buen Pastor", "Refugio en Ciudad Juárez", group="page:1"),
        doc(
            "Herberge El Buen Pastor", "Unterkunft in Ciudad Juárez", language="de", group="page:1"
        ),
    )
    engine.refresh()
    german = engine.search("Unterkunft", language="de")
    assert [(hit.title, hit.language) for hit in german.hits] == [("Herberge El Buen Pastor", "de")]
    # A German reader searching with a word of the Spanish version still gets one result.
    assert engine.search("Juárez", language="de").hits[0].language == "de"
    assert engine.search("Juárez", language="de").total == 1
    assert engine.search("Juárez", language="es").hits[0].language == "es"


def test_results_in_the_readers_language_rank_first(engine, doc):
    engine.index(
        doc("Migration policy", "migration migration migration", language="en"),
        doc("Política migratoria", "migración", language="es"),
    )
    engine.refresh()
    assert engine.titles("migration", language="en")[0] == "Migration policy"
    # Each text is matched in its own language; the Spanish one via the glossary-free stem.
    assert engine.titles("migración", language="es")[0] == "Política migratoria"


def test_facets_have_counts_and_filter(engine, doc):
    engine.index(
        doc("A", "salud", facets={"theme": ["health"], "region": ["jalisco"]}),
        doc("B", "salud", facets={"theme": ["health", "housing"]}, date=datetime.date(2019, 5, 1)),
        doc("C", "salud", kind="forum_topic", facets={"theme": ["housing"]}),
    )
    engine.refresh()
    results = engine.search("salud")
    counts = {name: {f.value: f.count for f in facets} for name, facets in results.facets.items()}
    assert results.total == 3
    assert counts["theme"] == {"health": 2, "housing": 2}
    assert counts["type"] == {"good_practice": 2, "forum_topic": 1}
    assert counts["year"] == {"2020": 2, "2019": 1}
    assert counts["language"] == {"es": 3}
    assert counts["region"] == {"jalisco": 1}
    narrowed = engine.search("salud", filters={"theme": ["housing"]})
    assert sorted(hit.title for hit in narrowed.hits) == ["B", "C"]
    assert {f.value: f.count for f in narrowed.facets["type"]} == {
        "good_practice": 1,
        "forum_topic": 1,
    }
    assert engine.titles("salud", filters={"type": ["forum_topic"]}) == ["C"]


def test_facet_values_are_counted_whole_and_once_per_result(engine, doc):
    """A value may hold "=" (the PostgreSQL vector row keeps values as "name=value"), and a
    translation's values count once, with the version shown."""
    engine.index(
        doc("A", "salud", facets={"organisation": ["a=b"]}, group="g", language="es"),
        doc("A en", "salud", facets={"organisation": ["a=b"]}, group="g", language="en"),
        doc("B", "salud", facets={"organisation": ["x"]}),
    )
    engine.refresh()
    results = engine.search("salud")
    counts = {name: {f.value: f.count for f in facets} for name, facets in results.facets.items()}
    assert counts["organisation"] == {"a=b": 1, "x": 1}
    assert counts["language"] == {"es": 2}
    assert engine.titles("salud", filters={"organisation": ["a=b"]}) == ["A"]


def test_snippet_highlights_matched_words_and_escapes_html(engine, doc):
    engine.index(doc("Taller", "Un <b>taller</b> para personas migrantes & familias"))
    engine.refresh()
    snippet = engine.search("migrante").hits[0].snippet
    assert "<mark>migrantes</mark>" in snippet
    assert "<b>" not in snippet
    assert "&lt;/b&gt;" in snippet


def test_pagination(engine, doc):
    engine.index(*[doc(f"Práctica {n}", "educación") for n in range(25)])
    engine.refresh()
    first = engine.search("educación", size=10)
    third = engine.search("educación", size=10, page=3)
    assert first.total == 25
    assert len(first.hits) == 10
    assert len(third.hits) == 5
    assert not {hit.key for hit in first.hits} & {hit.key for hit in third.hits}


def test_autocomplete_completes_titles(engine, doc):
    engine.index(
        doc("Red de albergues", "texto", kind="organisation"),
        doc("Albergue El Buen Pastor", "texto"),
        doc("Hidden", "albergue", suggest=False),
    )
    engine.refresh()
    titles = [
        s.title
        for s in engine.backend.autocomplete(
            "alber", language="es", audiences=frozenset({"public"})
        )
    ]
    assert sorted(titles) == ["Albergue El Buen Pastor", "Red de albergues"]
    titles = [
        s.title
        for s in engine.backend.autocomplete(
            "red de alb", language="es", audiences=frozenset({"public"})
        )
    ]
    assert titles == ["Red de albergues"]


def test_autocomplete_respects_audiences(engine, doc):
    engine.index(doc("Albergue secreto", audience="forum:members"))
    engine.refresh()
    assert (
        engine.backend.autocomplete("alber", language="es", audiences=frozenset({"public"})) == []
    )


def test_documents_are_only_found_by_their_audience(engine, doc):
    engine.index(
        doc("Público", "vivienda", facets={"theme": ["housing"]}),
        doc("Miembros", "vivienda", audience="forum:members", facets={"theme": ["secret"]}),
        doc("Oculto", "vivienda", audience="forum:hidden"),
    )
    engine.refresh()
    anonymous = engine.search("vivienda")
    assert [hit.title for hit in anonymous.hits] == ["Público"]
    assert anonymous.total == 1
    assert "secret" not in {f.value for f in anonymous.facets["theme"]}
    member = engine.search("vivienda", audiences={"public", "forum:members"})
    assert sorted(hit.title for hit in member.hits) == ["Miembros", "Público"]


def test_reindexing_replaces_and_delete_removes(engine, doc):
    engine.index(doc("Antes", "vivienda", key="kb.page:1"))
    engine.index(doc("Después", "empleo", key="kb.page:1"))
    engine.refresh()
    assert engine.search("vivienda").total == 0
    assert engine.titles("empleo") == ["Después"]
    engine.backend.delete(["kb.page:1"])
    engine.refresh()
    assert engine.search("empleo").total == 0


def test_no_result_suggests_a_spelling(engine, doc):
    engine.index(doc("Albergue para migrantes", "texto"))
    engine.refresh()
    results = engine.search("albergeu")
    assert results.total == 0
    assert results.suggestion == "albergue"


BAD_INPUT = [
    "",
    "   ",
    "de la y los",
    "x" * 10_000,
    "salud " * 2_000,
    '"unbalanced quote',
    'a "b',
    '"""',
    "'; DROP TABLE search_searchdocument; --",
    "salud OR 1=1",
    "title:salud AND body:(x OR y)~2 NEAR(a b) ^3 *",
    "migr*",
    "{title body} : salud",
    "\x00\x01\x1b[31m salud\x7f",
    "(((((",
    "NOT",
    "AND OR NOT",
    "-salud",
    "salud:*A & !x | y <-> z",
    "🙂 ñandú ß İstanbul",
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gives_a_normal_answer(engine, doc, text):
    engine.index(doc("Salud", "salud para todos"))
    engine.refresh()
    results = engine.search(text, filters={"theme": ["x" * 300, "'"], "year": ["abc"]})
    assert results.total >= 0
    engine.backend.autocomplete(text, language="es", audiences=frozenset({"public"}))


def test_a_query_is_cut_to_a_bounded_number_of_clauses(db):  # the glossary may be in the db
    assert len(parse("palabra " * 1000)) == MAX_CLAUSES


def test_a_machine_translation_finds_a_post_in_another_language(engine, doc):
    engine.index(
        doc(
            "Vivienda",
            "Busco albergue en Tijuana",
            kind="forum_post",
            key="forum.post:7",
            group="forum.post:7",
        ),
        doc(
            "Vivienda",
            "Ich suche eine Unterkunft in Tijuana",
            language="de",
            kind="forum_post",
            key="forum.post:7",
            group="forum.post:7",
            machine_translated=True,
        ),
    )
    engine.refresh()
    hits = engine.search("Unterkunft", language="de").hits
    assert [(hit.key, hit.language, hit.machine_translated) for hit in hits] == [
        ("forum.post:7", "de", True)
    ]
    assert engine.search("albergue", language="es").hits[0].machine_translated is False
