"""Query budgets of the key pages that no app's own tests bound yet.

The others live next to their app: kb listings with filters and kb detail pages (without
the forum's discussion block, which the detail pages here include) in
tests/kb/test_queries.py, forum index, category and topic pages in
tests/forum/test_queries.py, the dashboard in tests/kb/test_dashboard.py, search without
facets in tests/search/test_views.py. Budgets are fixed numbers, measured on the demo site
with warm menus; ``benchmarks/pages.py`` shows them unchanged on a site 100 times larger.
"""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from forum import posting
from forum.models import CategoryPage, ForumIndexPage
from home.models import HomePage
from kb import models as kb
from members.models import User
from tests.conftest import ensure_wagtail_tree

ANONYMOUS_BUDGETS = {
    "home": 16,
    "listing: practices": 12,
    "listing: care models": 11,
    "listing: positions": 11,
    "listing: organisations": 11,
    "listing: dialogues": 11,
    "listing: dialogues + filters": 8,
    "detail: practice": 10,
    "detail: care model": 10,
    "detail: position": 14,
    "detail: organisation": 9,
    "detail: dialogue": 12,
    "search + facets": 8,
    "API list": 29,
}
UNREAD_BUDGET = 16


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site as ``load_demo`` builds it, once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def spanish(model):
    return model.objects.live().filter(locale=Locale.objects.get(language_code="es")).first()


def key_pages():
    theme = kb.Theme.objects.filter(locale__language_code="es").order_by("sort_order")[0].slug
    dialogues = spanish(kb.DialogueEventIndexPage).url
    return {
        "home": spanish(HomePage).url,
        "listing: practices": spanish(kb.GoodPracticeIndexPage).url,
        "listing: care models": spanish(kb.CareModelIndexPage).url,
        "listing: positions": spanish(kb.PolicyPositionIndexPage).url,
        "listing: organisations": spanish(kb.OrganisationIndexPage).url,
        "listing: dialogues": dialogues,
        "listing: dialogues + filters": f"{dialogues}?theme={theme}",
        "detail: practice": spanish(kb.GoodPracticePage).url,
        "detail: care model": spanish(kb.CareModelPage).url,
        "detail: position": spanish(kb.PolicyPositionPage).url,
        "detail: organisation": spanish(kb.OrganisationPage).url,
        "detail: dialogue": spanish(kb.DialogueEventPage).url,
        "search + facets": f"/es/search/?q=migrantes&theme={theme}&language=es",
        "API list": "/api/v2/pages/?limit=20",
    }


def queries_of(client, url):
    client.get(url)  # warm: the menus are cached on a running site
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("name", ANONYMOUS_BUDGETS)
def test_anonymous_key_page_stays_within_its_budget(demo, db, name):
    spent = queries_of(Client(), key_pages()[name])
    assert spent <= ANONYMOUS_BUDGETS[name], f"{name}: {spent} queries"


def test_unread_list_costs_the_same_with_more_unread_topics(demo, db, settings):
    settings.PUENTE_FORUM_RATE_LIMIT_POSTS = settings.PUENTE_FORUM_NEW_MEMBER_RATE_LIMIT_POSTS = 99
    reader = User.objects.filter(memberships__isnull=False).order_by("pk").first()
    writer = User.objects.filter(memberships__isnull=False).order_by("-pk").first()
    forum = spanish(ForumIndexPage)
    url = forum.sub_url("unread")
    client = Client()
    client.force_login(reader)
    before = queries_of(client, url)
    category = CategoryPage.objects.child_of(forum).filter(visibility="public").first()
    for number in range(12):
        posting.create_topic(category, author=writer, title=f"Tema {number}", source="Hola")
    after = queries_of(client, url)
    assert after == before
    assert after <= UNREAD_BUDGET, after


def test_api_list_costs_the_same_with_more_pages(demo, db):
    before = queries_of(Client(), "/api/v2/pages/?limit=20")
    index = spanish(kb.GoodPracticeIndexPage)
    template = spanish(kb.GoodPracticePage)
    for number in range(25):
        page = kb.GoodPracticePage(
            title=f"Práctica {number}",
            slug=f"practica-extra-{number}",
            summary="Resumen",
            start_date=template.start_date,
            challenge=template.challenge,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    assert queries_of(Client(), "/api/v2/pages/?limit=20") == before
