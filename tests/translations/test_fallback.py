"""A page not yet translated is shown in its original language, with a notice, not a 404."""

import pytest
from wagtail.models import Locale

from tests.translations.pages import html_of, shell_fixture  # noqa: F401


@pytest.fixture
def pages(shell, db):
    return shell


@pytest.mark.parametrize(
    ("url", "notice", "reader", "content"),
    [
        (
            "/de/solo-es/",
            "Diese Seite ist noch nicht auf Deutsch verfügbar; sie wird auf Spanisch angezeigt.",
            "de",
            "es",
        ),
        (
            "/en/solo-es/",
            "This page is not yet available in English; it is shown in Spanish.",
            "en",
            "es",
        ),
        (
            "/es/nur-de/",
            "Esta página aún no está disponible en español; se muestra en alemán.",
            "es",
            "de",
        ),
    ],
)
def test_an_untranslated_page_is_shown_in_its_language_with_a_notice(
    client, pages, url, notice, reader, content
):
    html = html_of(client, url)
    assert f'<html lang="{reader}">' in html
    assert f'<main id="main" tabindex="-1" lang="{content}">' in html
    assert f'<div class="reader-notice" lang="{reader}">' in html
    assert notice in html


def test_the_fallback_shows_the_original_title(client, pages):
    html = html_of(client, "/de/solo-es/")
    assert "<h1>Sólo en español</h1>" in html


def test_a_translated_page_shows_no_fallback_notice(client, pages):
    html = html_of(client, "/de/ueber-uns/")
    assert "reader-notice__fallback" not in html
    assert "noindex" not in html


def test_search_engines_index_the_original_not_its_fallback(client, pages):
    assert '<meta name="robots" content="noindex, follow">' in html_of(client, "/de/solo-es/")
    assert "noindex" not in html_of(client, "/es/solo-es/")


def test_the_language_switcher_links_to_the_fallback(client, pages):
    html = html_of(client, "/es/solo-es/")
    assert 'href="/de/solo-es/" hreflang="de"' in html
    assert 'href="/en/solo-es/" hreflang="en"' in html
    html = html_of(client, "/de/solo-es/")
    assert 'href="/es/solo-es/" hreflang="es"' in html


def test_a_path_that_exists_in_no_language_is_still_a_404(client, pages):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_fallback_costs_few_queries(client, pages, django_assert_max_num_queries):
    client.get("/de/solo-es/")
    with django_assert_max_num_queries(16):
        assert client.get("/de/solo-es/").status_code == 200


def test_an_untranslated_alias_says_it_shows_the_original(client, pages):
    # wagtail-localize's synchronised trees put an alias of the source in each language.
    german = Locale.objects.get(language_code="de")
    alias = pages["only_es"].copy_for_translation(german, alias=True)
    html = html_of(client, alias.url)
    assert '<main id="main" tabindex="-1" lang="es">' in html
    assert "sie wird auf Spanisch angezeigt" in html
