"""Menus are cached per language and follow the pages and menus they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Menu, MenuItem, StandardPage

pytestmark = pytest.mark.django_db


def menu_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [q["sql"] for q in context.captured_queries if "home_menu" in q["sql"]]


def test_menus_are_read_once_per_language(client, demo_home):
    assert len(menu_queries(client, "/de/")) == 4
    assert menu_queries(client, "/de/ueber-uns/") == []
    assert len(menu_queries(client, "/en/")) == 4


def test_a_renamed_page_shows_its_new_title_in_the_menu(client, demo_home):
    client.get("/de/")
    about = StandardPage.objects.get(slug="ueber-uns")
    about.title = "Wer wir sind"
    about.save_revision().publish()
    assert '<a href="/de/ueber-uns/">Wer wir sind</a>' in client.get("/de/").content.decode()


def test_an_unpublished_page_leaves_the_menu(client, demo_home):
    client.get("/en/")
    StandardPage.objects.get(slug="imprint").unpublish()
    assert 'href="/en/imprint/"' not in client.get("/en/").content.decode()


def test_a_menu_edited_in_the_admin_shows_at_once(client, demo_home):
    client.get("/es/")
    menu = Menu.objects.get(slot="main", locale__language_code="es")
    item = MenuItem.objects.get(menu=menu)
    item.link_title = "Quiénes somos"
    item.save()
    assert ">Quiénes somos</a>" in client.get("/es/").content.decode()
