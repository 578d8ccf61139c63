"""The reader notice is in the site's base template: every page type shows it, at one query."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from home.demo import site
from tests.conftest import ensure_wagtail_tree
from translations import demo
from translations.models import Provenance

# Page type -> queries for a German reader's second visit, the notice's one included
# (measured on the demo with SQLite).
CEILINGS = {
    "home.HomePage": 17,
    "home.StandardPage": 10,
    "kb.GoodPracticeIndexPage": 21,
    "kb.GoodPracticePage": 19,
    "kb.CareModelPage": 19,
    "kb.PolicyPositionPage": 23,
    "kb.OrganisationPage": 18,
    "kb.DialogueEventPage": 21,
    "forum.ForumIndexPage": 12,
    "forum.CategoryPage": 15,
}
PAGE_TYPES = list(CEILINGS)


@pytest.fixture(scope="module")
def german_pages(django_db_setup, django_db_blocker):
    """The demo, and one live German translation of each page type."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        site.build()
        demo.build()
        german = Locale.objects.get(language_code="de")
        pages = {}
        for label in PAGE_TYPES:
            app, model = label.lower().split(".")
            found = (
                Page.objects.live()
                .public()
                .filter(locale=german, content_type__app_label=app, content_type__model=model)
            )
            if label == "forum.CategoryPage":
                found = found.filter(categorypage__visibility="public")
            pages[label] = found.first()
        yield pages
        transaction.set_rollback(True)


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_page_type_shows_its_translation_label_at_one_query_then_none(
    client, german_pages, label, django_assert_max_num_queries
):
    page = german_pages[label]
    assert page is not None, label
    # The first reader reads the label with the page's translations (one query) and
    # caches them, with the menus and site paths, until a page or a provenance changes.
    with CaptureQueriesContext(connection) as first:
        client.get(page.url)
    assert len([q for q in first if "translations_provenance" in q["sql"]]) == 1
    ceiling = django_assert_max_num_queries(CEILINGS[label])
    with ceiling, CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="reader-notice__provenance' in html
    assert "aus dem Spanischen" in html or "Offizielle Fassung" in html
    assert not [q for q in queries if "translations_provenance" in q["sql"]]


def test_every_translated_page_of_the_demo_has_a_provenance(german_pages, db):
    german = Page.objects.filter(locale__language_code="de", depth__gt=1)
    recorded = Provenance.objects.filter(page__in=german).count()
    assert recorded == german.count()
    statuses = set(Provenance.objects.values_list("status", flat=True))
    assert {"machine", "reviewed", "official", "translated"} <= statuses
