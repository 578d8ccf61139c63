"""The termbase: a snippet seeded from the brief, read by search, checked against translations."""

import pytest
from django.test import Client
from wagtail.models import Locale

from home.demo.pages import ensure_child, ensure_translation
from home.models import StandardPage
from search import glossary as search_glossary
from search.query import parse
from tests.translations.pages import shell_fixture  # noqa: F401
from translations import glossary
from translations.models import GlossaryEntry


def _body(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def pages(shell, db):
    """A Spanish page on good practices, its German translation saying "bewährte Verfahren"."""
    source = ensure_child(
        shell["home"],
        StandardPage,
        "practicas",
        title="Buenas prácticas de la red",
        intro="Cada buena práctica acompaña a personas retornadas.",
    )
    german = ensure_translation(
        source,
        "de",
        title="Bewährte Verfahren des Netzwerks",
        intro="Jedes bewährte Verfahren begleitet Rückkehrende.",
        slug="praxis",
    )
    return {"source": source, "german": german, **shell}


def test_the_glossary_is_seeded_from_the_brief(db):
    forms = [entry.forms() for entry in GlossaryEntry.objects.all()]
    assert {"es": ["persona retornada"], "de": ["Rückkehrende"], "en": ["returnee"]}.items() <= {
        code: values[:1] for code, values in forms[3].items()
    }.items()
    assert len(forms) >= 11
    assert any("Migrant*in" in entry["de"] for entry in forms)


def test_search_expands_queries_with_the_snippets_terms(db):
    GlossaryEntry.objects.create(es="albergue", de="Unterkunft", en="shelter")
    words = ["Unterkunft"]
    termbase = search_glossary.current()
    number, _count = termbase.match(words)
    assert ("albergue",) in termbase.alternatives(number)
    (clause,) = parse("Unterkunft")
    assert "shelter" in str(clause) and "albergue" in str(clause)


def test_editing_the_glossary_takes_effect_at_once(db):
    entry = GlossaryEntry.objects.create(es="albergue", de="Unterkunft", en="shelter")
    assert search_glossary.current().match(["shelter"]) is not None
    entry.delete()
    assert search_glossary.current().match(["shelter"]) is None


@pytest.mark.parametrize(
    ("source", "source_language", "translated", "target_language", "missing"),
    [
        ("Las personas retornadas reciben apoyo.", "es", "Rückkehrer erhalten Hilfe.", "de", []),
        (
            "Las personas retornadas reciben apoyo.",
            "es",
            "Heimkehrer erhalten Hilfe.",
            "de",
            ["persona retornada"],
        ),
        (
            "A returnee and a host community.",
            "en",
            "Una persona retornada y su comunidad.",
            "es",
            ["host community"],
        ),
        ("Nada del glosario aquí.", "es", "Nothing here.", "en", []),
    ],
)
def test_mismatches_name_the_source_terms_whose_equivalent_is_missing(
    db, source, source_language, translated, target_language, missing
):
    found = glossary.mismatches(source, source_language, translated, target_language)
    assert [m.source_term for m in found] == missing


def test_a_page_check_compares_segment_by_segment(pages):
    found = glossary.page_mismatches(pages["german"], pages["source"])
    # Title and introduction say "bewährte Verfahren"; "Rückkehrende" is the agreed term.
    assert [(m.path, m.source_term, m.expected[0]) for m in found] == [
        ("title", "buena práctica", "gute Praxis"),
        ("intro", "buena práctica", "gute Praxis"),
    ]


@pytest.mark.parametrize(
    ("language", "heading", "term"),
    [
        ("de", "Glossarprüfung", "Begriff im Original"),
        ("en", "Glossary check", "Term in the original"),
    ],
)
def test_the_glossary_report_lists_pages_that_depart_from_it(pages, language, heading, term):
    admin = Client()
    pages["admin"].preferred_language = language
    pages["admin"].save()
    admin.force_login(pages["admin"])
    html = admin.get(
        "/admin/translations/glossary-check/", headers={"accept-language": language}
    ).content.decode()
    assert heading in html
    assert term in html
    assert "Bewährte Verfahren des Netzwerks" in html
    assert "gute Praxis" in html
    filtered = admin.get("/admin/translations/glossary-check/?language=en").content.decode()
    assert "Bewährte Verfahren des Netzwerks" not in filtered


def test_the_glossary_is_an_admin_snippet(shell, db):
    admin = Client()
    admin.force_login(shell["admin"])
    response = admin.get("/admin/snippets/translations/glossaryentry/")
    assert response.status_code == 200
    assert "Rückkehrende" in response.content.decode()
    response = admin.post(
        "/admin/snippets/translations/glossaryentry/add/",
        {"es": "albergue", "de": "<b>Unterkunft</b>", "en": "shelter", "note": ""},
    )
    assert response.status_code == 302
    assert GlossaryEntry.objects.filter(es="albergue").exists()


def test_the_report_is_for_the_admin_only(pages, client):
    client.force_login(pages["reader"])
    response = client.get("/admin/translations/glossary-check/")
    assert response.status_code in (302, 403)
    assert Locale.objects.count() == 3


def test_the_status_view_shows_the_pages_glossary_check(pages):
    admin = Client()
    admin.force_login(pages["admin"])
    html = admin.get(f"/admin/translations/status/{pages['german'].pk}/").content.decode()
    assert "buena práctica" in html and "gute Praxis" in html
    english = pages["about"].get_translation(Locale.objects.get(language_code="en"))
    html = admin.get(f"/admin/translations/status/{english.pk}/").content.decode()
    assert "Esta traducción usa los términos del glosario." in html  # the admin's language
