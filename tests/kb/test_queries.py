"""Listings and detail pages cost a bounded number of queries, whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kb import factories

DETAIL_MAX = 32
LISTING_MAX = 32


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
    listings = [
        count_queries(client, i.url, {"theme": "health", "region": "oaxaca"})
        for i in indexes.values()
    ]
    details = [count_queries(client, p.url) for p in pages.values()]
    return listings, details


@pytest.mark.django_db
def test_queries_do_not_grow_with_data(client, indexes, terms):
    small = measure(client, indexes, build(indexes, terms, scale=1))
    large = measure(client, indexes, build(indexes, terms, scale=10))
    print("queries (listings, details) at demo size:", small, "at 10x:", large)
    assert large == small
    # The kb's own share is about 12 per page; the site shell (menus, language switcher)
    # adds the rest in the full site.
    assert max(large[0]) <= LISTING_MAX
    assert max(large[1]) <= DETAIL_MAX
