"""The search page and the autocomplete endpoint, as a reader sees them."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from search.backends.base import SearchUnavailable

from .test_engine import BAD_INPUT


@pytest.fixture
def indexed(engine, doc):
    engine.index(
        doc(
            "Albergue para migrantes",
            "Atención a personas migrantes en Ciudad Juárez",
            facets={"theme": ["housing"]},
        ),
        doc(
            "Herberge für Migranten",
            "Migranten in Ciudad Juárez",
            language="de",
            facets={"theme": ["housing"]},
        ),
        doc("Taller de empleo", "Formación para migrantes", facets={"theme": ["employment"]}),
    )
    engine.refresh()
    return engine


def url(language="es", name="search:search"):
    with translation.override(language):
        return reverse(name)


def test_search_page_shows_results_with_highlight_type_language_and_date(client, indexed):
    response = client.get(url(), {"q": "migrante"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Albergue para migrantes" in html
    assert "<mark>migrantes</mark>" in html
    assert 'lang="es"' in html
    assert '<time datetime="2020-01-01">' in html
    assert "3 results" in html or "3 resultados" in html


def test_facet_links_narrow_the_results(client, indexed):
    response = client.get(url(), {"q": "migrantes", "theme": "employment"})
    html = response.content.decode()
    assert "Taller de empleo" in html
    assert "Albergue para migrantes" not in html
    assert 'aria-current="true"' in html


def test_a_chosen_filter_is_shown_above_the_results_and_removes_itself(client, indexed):
    html = client.get(url(), {"q": "migrantes", "theme": "employment"}).content.decode()
    chip = html.index('class="search-chip"')
    assert chip < html.index('class="search-hit"')
    assert html[chip:].startswith(
        'class="search-chip" href="?q=migrantes" rel="nofollow">'
        '<span class="visually-hidden">Quitar filtro: </span>employment'
    )
    without = client.get(url(), {"q": "migrantes"}).content.decode()
    assert 'class="search-chip"' not in without


def test_search_page_is_served_in_each_language(client, indexed):
    response = client.get(url("de"), {"q": "Migranten"})
    assert response.status_code == 200
    assert "Herberge für Migranten" in response.content.decode()


def test_no_result_offers_a_correction(client, indexed):
    response = client.get(url(), {"q": "albergeu"})
    assert response.status_code == 200
    assert 'class="search-suggestion"' in response.content.decode()


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gives_a_normal_page(client, indexed, text):
    response = client.get(url(), {"q": text, "page": "x", "year": ["'", ""], "theme": "\x00"})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["-1", "0", "999999999999", "abc", "1e9"])
def test_any_page_number_gives_a_normal_page(client, indexed, page):
    assert client.get(url(), {"q": "migrantes", "page": page}).status_code == 200


def test_unavailable_backend_gives_503(client, db, monkeypatch):
    def unavailable(*args, **kwargs):
        raise SearchUnavailable("cluster down")

    monkeypatch.setattr("search.service.search", unavailable)
    monkeypatch.setattr("search.service.autocomplete", unavailable)
    response = client.get(url(), {"q": "salud"})
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode() or "temporalmente" in (
        response.content.decode()
    )
    assert client.get(url(name="search:autocomplete"), {"q": "sal"}).status_code == 503


def test_autocomplete_returns_titles_as_json(client, indexed):
    response = client.get(url(name="search:autocomplete"), {"q": "alber"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["title"] for r in results] == ["Albergue para migrantes"]
    assert results[0]["url"].startswith("/es/")


def test_search_page_query_count_does_not_grow_with_results(
    client, engine, doc, django_assert_max_num_queries
):
    engine.index(*[doc(f"Práctica {n}", "educación", facets={"theme": ["x"]}) for n in range(30)])
    with django_assert_max_num_queries(12):
        response = client.get(url(), {"q": "educación"})
    assert response.status_code == 200


def test_wagtail_admin_search_keeps_working(client, root_page, django_user_model, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    root_page.add_child(instance=Page(title="Albergue para migrantes", slug="albergue"))
    root_page.add_child(instance=Page(title="Asesoría legal", slug="asesoria"))
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "albergue"})
    assert response.status_code == 200
    assert "Albergue para migrantes" in response.content.decode()
    assert "Asesoría legal" not in response.content.decode()
