"""Listings and detail pages cost a bounded number of queries, whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kb import factories

# Measured with the site shell's menus cached (a warm site). Of a detail page, Wagtail's
# routing and view restrictions take 8 and the language switcher 1-2 (2 when the page has
# no translation, as here); the kb's share is the rest.
LISTING_MAX = {"organisations": 17, "practices": 19, "care_models": 15, "positions": 15}
DETAIL_MAX = {"organisation": 14, "practice": 15, "care_model": 15, "position": 20}


def build(indexes, terms, scale):
    organisations = [
        factories.OrganisationPageFactory(
            parent=indexes["organisations"],
            themes=[terms["health"]],
            regions=[terms["oaxaca"]],
            tags=[f"org-tag-{n}"],
        )
        for n in range(scale * 8)
    ]
    practices = []
    for n in range(scale * 12):
        practices.append(
            factories.GoodPracticePageFactory(
                parent=indexes["practices"],
                themes=[terms["health"], terms["housing"]],
                populations=[terms["returnees"]],
                regions=[terms["chihuahua"], terms["oaxaca"]],
                organisations=organisations[n % len(organisations) : n % len(organisations) + 3],
                tags=[f"tag-{n}", f"tag-{n % 7}", "albergue"],
            )
        )
    care = [
        factories.CareModelPageFactory(
            parent=indexes["care_models"],
            themes=[terms["health"]],
            organisations=organisations[:3],
            tags=[f"care-{n}"],
        )
        for n in range(scale * 3)
    ]
    positions = []
    for _n in range(scale * 3):
        position = factories.PolicyPositionPageFactory(
            parent=indexes["positions"], themes=[terms["health"]], related_practices=practices[:3]
        )
        for organisation in organisations[:5]:
            factories.endorse(position, organisation)
        positions.append(position)
    return {
        "organisation": organisations[0],
        "practice": practices[0],
        "care_model": care[0],
        "position": positions[0],
    }


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context)


def measure(client, indexes, pages):
    # A real site is warm: the first request fills the cache of the shell's menus.
    client.get(indexes["practices"].url)
    listings = {
        name: count_queries(client, i.url, {"theme": "health", "region": "oaxaca"})
        for name, i in indexes.items()
    }
    details = {name: count_queries(client, p.url) for name, p in pages.items()}
    return listings, details


@pytest.mark.django_db
def test_queries_do_not_grow_with_data(client, indexes, terms, settings):
    # The kb's own pages; a site's discussion block adds its cost (the forum's is 2 queries,
    # measured in tests/forum/test_kb_discussion.py).
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = ""
    small = measure(client, indexes, build(indexes, terms, scale=1))
    large = measure(client, indexes, build(indexes, terms, scale=10))
    print("queries (listings, details) at demo size:", small, "at 10x:", large)
    assert large == small
    listings, details = large
    assert all(listings[name] <= LISTING_MAX[name] for name in listings), listings
    assert all(details[name] <= DETAIL_MAX[name] for name in details), details
