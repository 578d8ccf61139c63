"""Three languages from the first page: redirects, switcher, hreflang, html lang."""

import pytest
from wagtail.models import Locale

from home.demo.pages import ensure_child
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de-DE,de;q=0.9,en;q=0.5", "/de/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("es-MX,es;q=0.9", "/es/"),
        ("fr-FR,fr;q=0.9", "/es/"),
        ("", "/es/"),
    ],
)
def test_root_redirects_to_the_browser_language(client, demo_home, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("es", "Red para la (re)integración en México"),
        ("de", "Netzwerk für (Re-)Integration in Mexiko"),
        ("en", "Network for (re)integration in Mexico"),
    ],
)
def test_home_page_renders_in_each_language(client, demo_home, code, title):
    response = client.get(f"/{code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}">' in html
    assert f"<h1>{title}</h1>" in html


def test_hreflang_alternates_list_every_translation(client, demo_home):
    html = client.get("/en/about/").content.decode()
    for code, path in [("es", "/es/acerca-de/"), ("de", "/de/ueber-uns/"), ("en", "/en/about/")]:
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{path}">' in html


def test_language_switcher_links_to_the_translation_of_the_same_page(client, demo_home):
    html = client.get("/es/acerca-de/").content.decode()
    assert 'href="/de/ueber-uns/" hreflang="de"' in html
    assert 'href="/en/about/" hreflang="en"' in html
    assert '<span class="language-switcher__current" aria-current="true" lang="es">' in html


def test_language_switcher_says_when_a_page_is_not_translated(client, demo_home):
    ensure_child(demo_home, StandardPage, "solo-es", title="Solo en español")
    html = client.get("/es/solo-es/").content.decode()
    # The link shows the original with the interface in that language (translations.fallback).
    assert 'href="/de/solo-es/" hreflang="de" lang="de" class="language-switcher__missing"' in html
    assert "(noch nicht übersetzt: zeigt das Original)" in html
    assert "(not yet translated: shows the original)" in html
    assert 'hreflang="de" href=' not in html


def test_translated_pages_live_in_their_locale(demo_home):
    german = demo_home.get_translation(Locale.objects.get(language_code="de"))
    assert german.url == "/de/"
    assert german.live
