"""Listings and detail pages cost a bounded number of queries, whatever the amount of data."""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kb import factories

# Measured with the site shell's menus cached (a warm site). Of a detail page, Wagtail's
# routing (two queries a level below this test's plain root page) and the type's own rows:
# its view restrictions, translations, taxonomy, organisations and related lists are read
# from the cache.
# The site's home page routes the pages below it in one query (home/routing.py); in the bare
# plugin project (tests/bare_settings.py) Wagtail's own routing takes two more.
ROUTING = 0 if apps.is_installed("home") else 2
LISTING_MAX = {"organisations": 14, "practices": 13, "care_models": 12, "positions": 12}
# A listing seen before (its option counts, total and page of cards cached until the kb
# changes): Wagtail's routing only.
LISTING_WARM_MAX = {"organisations": 2, "practices": 2, "care_models": 2, "positions": 2}
DETAIL_MAX = {"organisation": 4, "practice": 4, "care_model": 4, "position": 4}
# The first request after a change computes the cached parts: its view restrictions (2)
# and translations (1), the taxonomy (1), the chosen organisations or practices (1), one
# query per page type for related pages (4) and for the organisations' other pages or
# work (3, and their listings 1), and a position's endorsers (1), versions, decisions,
# recipients and answers (4).
COMPUTING = 17


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
    # The first request after a change computes the related lists; the next ones read them.
    computing = {name: count_queries(client, p.url) for name, p in pages.items()}
    details = {name: count_queries(client, p.url) for name, p in pages.items()}
    return listings, computing, details


@pytest.mark.django_db
def test_queries_do_not_grow_with_data(client, indexes, terms, settings):
    # The kb's own pages; a site's discussion block adds its cost (the forum's is 2 queries,
    # measured in tests/forum/test_kb_discussion.py).
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = ""
    small = measure(client, indexes, build(indexes, terms, scale=1))
    large = measure(client, indexes, build(indexes, terms, scale=10))
    print("queries (listings, details computing, details) at demo size:", small, "at 10x:", large)
    assert large == small
    listings, computing, details = large
    assert all(listings[name] <= LISTING_MAX[name] + ROUTING for name in listings), listings
    assert all(details[name] <= DETAIL_MAX[name] + ROUTING for name in details), details
    assert all(computing[name] <= details[name] + COMPUTING for name in details), computing


@pytest.mark.django_db
def test_a_warm_listing_costs_its_page_of_cards_only(client, indexes, terms, settings):
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = ""
    filters = {"theme": "health"}  # every listing shows a page of cards
    measured = []
    for scale in (1, 3):
        build(indexes, terms, scale=scale)
        for listing in indexes.values():
            client.get(listing.url, filters)  # counts the options and matches once
        measured.append(
            {name: count_queries(client, i.url, filters) for name, i in indexes.items()}
        )
    print("queries of warm listings:", measured)
    assert measured[0] == measured[1]
    assert all(measured[1][name] <= LISTING_WARM_MAX[name] + ROUTING for name in indexes), measured


def signed_position(indexes, scale):
    """An adopted position signed by ``scale`` organisations with logos, sent to and
    answered by ``scale`` institutions with documents."""
    import datetime

    from django.utils import timezone
    from wagtail_factories import DocumentFactory, ImageFactory

    from kb.models import Endorsement, PositionRecipient, PositionResponse, PositionVersion

    position = factories.PolicyPositionPageFactory(parent=indexes["positions"])
    version = PositionVersion.objects.create(
        position=position, number=1, title=position.title, adopted_at=timezone.now()
    )
    for n in range(scale):
        organisation = factories.OrganisationPageFactory(
            parent=indexes["organisations"], logo=ImageFactory()
        )
        decision = "decline" if n == 0 else "endorse"
        Endorsement.objects.create(
            position=position, organisation=organisation, version=version, decision=decision
        )
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
        PositionRecipient.objects.create(page=position, institution=f"Inst {n}", sent_at=day)
        PositionResponse.objects.create(
            page=position,
            institution=f"Inst {n}",
            date=day,
            summary="Acusa recibo.",
            document=DocumentFactory(),
        )
    return position


# Measured with a warm site: Wagtail's routing and the signatories' logo renditions; the
# rest (view restrictions, the site shell, related practices, versions with their
# consultations, decisions, recipients, responses with their documents, the taxonomy and
# tags, related lists and the signatories' other pages) comes from the cache.
SIGNED_POSITION_MAX = 5


@pytest.mark.django_db
def test_position_page_queries_do_not_grow_with_signatories_or_responses(
    client, indexes, settings, django_assert_max_num_queries
):
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = ""
    small, large = signed_position(indexes, 2), signed_position(indexes, 12)
    client.get(small.url)  # a warm site: the first request fills the shell's menus
    client.get(large.url)  # and the logos' renditions are made once
    counted = count_queries(client, small.url)
    with django_assert_max_num_queries(counted):
        html = client.get(large.url).content.decode()
    assert html.count('class="kb-signatory"') == 11 and html.count("kb-signatory__logo") == 11
    assert html.count("kb-timeline__event--answered") == 12
    print("signed position page:", counted, "queries")
    assert counted <= SIGNED_POSITION_MAX + ROUTING
