"""Fixtures shared by every test; they import no site app, so the plugin set can use them."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

LANGUAGE_CODES = ("es", "de", "en")


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached fragments must not leak from one test's database into the next."""
    cache.clear()


@pytest.fixture
def locales(db):
    """The three Locale rows, keyed by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


@pytest.fixture
def root_page(locales):
    return Page.get_first_root_node()


def ensure_wagtail_tree():
    """Locales, tree root, default site and glossary, as the data migrations create them.

    Transactional tests (browser tests) flush the database afterwards, data
    migrations included, so they call this before building content. The flush
    also renumbers content types, so the in-process cache of them must go.
    """
    ContentType.objects.clear_cache()
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="es"))
        )
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
    if apps.is_installed("translations"):  # the site's glossary (search expands its terms)
        importlib.import_module("translations.migrations.0002_seed_glossary").seed(apps, None)
