"""Related pages and an organisation's work: the same lists as one query over every match
gave, read newest first per type, and cached until the knowledge base changes."""

import datetime
import random

import pytest
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from kb import content_version
from kb.models import CareModelPage, Endorsement, GoodPracticePage, PolicyPositionPage
from kb.models.base import kb_page_models, public_pages_q
from tests.kb import factories


def every_match(page, conditions, limit):
    """The lists as they were computed before caching: one statement, sorting every match."""
    matching = Q()
    for model, condition in conditions.items():
        matching |= Q(pk__in=model.objects.filter(condition).values("pk"))
    pages = (
        Page.objects.live()
        .filter(locale_id=page.locale_id)
        .filter(matching)
        .filter(public_pages_q())
        .exclude(pk=page.pk)
        .order_by("-first_published_at", "-pk")
    )
    return list(pages.values_list("pk", flat=True)[:limit])


def expected_related(page, limit):
    theme_keys = [t.translation_key for t in page.localized_themes]
    region_keys = [r.translation_key for r in page.localized_regions]
    shared = Q(themes__translation_key__in=theme_keys) | Q(regions__translation_key__in=region_keys)
    return every_match(page, dict.fromkeys(kb_page_models(), shared), limit)


def expected_organisation_pages(page, limit):
    keys = page.organisation_keys()
    by_organisation = Q(organisations__translation_key__in=keys)
    signed = Q(
        endorsements__organisation__translation_key__in=keys,
        endorsements__decision__in=["endorse", "endorse_with_comment"],
    )
    conditions = {
        GoodPracticePage: by_organisation,
        CareModelPage: by_organisation,
        PolicyPositionPage: signed,
    }
    return every_match(page, conditions, limit)


@pytest.fixture
def network(indexes, terms):
    """Organisations, practices, care models and positions sharing themes, regions and
    organisations, published at shuffled times; one private, one unpublished, one declined."""
    health, housing, oaxaca = terms["health"], terms["housing"], terms["oaxaca"]
    organisations = [
        factories.OrganisationPageFactory(parent=indexes["organisations"], themes=[health])
        for _ in range(3)
    ]
    practices = [
        factories.GoodPracticePageFactory(
            parent=indexes["practices"],
            themes=[health] if n % 2 else [housing],
            regions=[oaxaca] if n % 3 == 0 else [],
            organisations=[organisations[n % 3]],
        )
        for n in range(10)
    ]
    care_models = [
        factories.CareModelPageFactory(
            parent=indexes["care_models"], themes=[health], organisations=[organisations[n % 2]]
        )
        for n in range(4)
    ]
    positions = [
        factories.PolicyPositionPageFactory(
            parent=indexes["positions"], themes=[housing], regions=[oaxaca]
        )
        for _ in range(4)
    ]
    for n, position in enumerate(positions):
        factories.endorse(position, organisations[n % 3])
    Endorsement.objects.create(
        position=positions[3], organisation=organisations[1], decision="decline"
    )
    factories.translate_page(practices[3], "de")
    PageViewRestriction.objects.create(page=practices[1], restriction_type="login")
    practices[5].unpublish()
    shuffle = random.Random(10)
    start = timezone.now() - datetime.timedelta(days=100)
    for page in [*organisations, *practices, *care_models, *positions]:
        hours = datetime.timedelta(hours=shuffle.randrange(2000))
        Page.objects.filter(pk=page.pk).update(first_published_at=start + hours)
    content_version.bump()  # the updates above sent no signal
    return {
        "organisations": organisations,
        "practices": practices,
        "care_models": care_models,
        "positions": positions,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [4, 9])
def test_lists_are_those_of_one_query_over_every_match(network, limit):
    pages = [page for group in network.values() for page in group]
    for page in pages:
        page = Page.objects.get(pk=page.pk).specific
        assert [p.pk for p in page.related_pages(limit)] == expected_related(page, limit)
        if not isinstance(page, PolicyPositionPage | GoodPracticePage | CareModelPage):
            continue
        found = [p.pk for p in page.organisation_pages(limit)]
        assert found == expected_organisation_pages(page, limit)


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [1, 100])
def test_organisation_work_is_the_first_of_each_type_in_its_listing_order(
    network, indexes, settings, limit
):
    settings.PUENTE_KB_ORGANISATION_WORK_LIMIT = limit
    organisation = network["organisations"][1]
    work = organisation.published_work()
    for name, model, listing in [
        ("practices", GoodPracticePage, indexes["practices"]),
        ("care_models", CareModelPage, indexes["care_models"]),
        ("positions", PolicyPositionPage, indexes["positions"]),
    ]:
        mine = (
            Q(organisations=organisation)
            if model is not PolicyPositionPage
            else PolicyPositionPage.signed_by([organisation.translation_key])
        )
        expected = [
            p.pk
            for p in model.objects.live()
            .filter(mine, locale_id=organisation.locale_id)
            .filter(public_pages_q())
            .order_by(*model.listing_order)
        ]
        assert [p.pk for p in work[name].pages] == expected[:limit]
        assert work[name].total == len(expected)
        assert work[name].listing.pk == listing.pk
        assert work[name].more == (len(expected) > limit)
    assert any(kind.more for kind in work.values()) == (limit == 1)
    # The declined position is not part of its work.
    assert network["positions"][3].pk not in [p.pk for p in work["positions"].pages]


@pytest.mark.django_db
def test_a_page_published_since_shows_on_the_next_request(client, network, indexes, terms):
    practice = network["practices"][0]
    organisation = network["organisations"][0]
    client.get(practice.url)  # fills the cached lists
    client.get(organisation.url)
    newest = factories.GoodPracticePageFactory(
        parent=indexes["practices"],
        title="Recién publicada",
        themes=[terms["housing"]],
        organisations=[organisation],
    )
    html = client.get(practice.url).content.decode()
    assert html.count("Recién publicada") == 2  # related, and the organisation's other pages
    assert "Recién publicada" in client.get(organisation.url).content.decode()

    newest.unpublish()
    assert "Recién publicada" not in client.get(practice.url).content.decode()
    assert "Recién publicada" not in client.get(organisation.url).content.decode()


@pytest.mark.django_db
def test_links_are_read_from_the_cache(client, network, django_assert_num_queries):
    practice = Page.objects.get(pk=network["practices"][0].pk).specific
    expected = [(p.pk, p.title, p.url) for p in practice.related_pages()]
    again = Page.objects.get(pk=practice.pk).specific
    again.localized_themes  # noqa: B018 (read the taxonomy first: one query)
    with django_assert_num_queries(0):
        assert [(p.pk, p.title, p.url) for p in again.related_pages()] == expected
