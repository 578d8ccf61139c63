"""Listings filter by theme, population, region, organisation, tag and year, combined."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kb import factories


@pytest.fixture
def practices(indexes, terms):
    organisation = factories.OrganisationPageFactory(
        parent=indexes["organisations"], slug="buen-pastor"
    )
    make = factories.GoodPracticePageFactory
    parent = indexes["practices"]
    return {
        "health_chihuahua": make(
            parent=parent,
            title="Salud en Juárez",
            themes=[terms["health"]],
            regions=[terms["chihuahua"]],
            organisations=[organisation],
            tags=["albergue"],
            start_date=datetime.date(2021, 1, 1),
        ),
        "health_oaxaca": make(
            parent=parent,
            title="Salud en Oaxaca",
            themes=[terms["health"]],
            regions=[terms["oaxaca"]],
            start_date=datetime.date(2022, 1, 1),
        ),
        "housing_chihuahua": make(
            parent=parent,
            title="Vivienda en Juárez",
            themes=[terms["housing"]],
            regions=[terms["chihuahua"]],
            populations=[terms["returnees"]],
            start_date=datetime.date(2021, 6, 1),
        ),
    }


def titles(response):
    return sorted(card["page"].title for card in response.context["cards"])


def facet(response, name):
    return {
        o.value: o.count for f in response.context["facets"] if f.name == name for o in f.options
    }


@pytest.mark.django_db
def test_theme_and_region_combine(client, indexes, practices):
    url = indexes["practices"].url
    assert titles(client.get(url, {"theme": "health"})) == ["Salud en Juárez", "Salud en Oaxaca"]
    response = client.get(url, {"theme": "health", "region": "chihuahua"})
    assert titles(response) == ["Salud en Juárez"]


@pytest.mark.django_db
def test_every_facet_filters(client, indexes, practices):
    url = indexes["practices"].url
    assert titles(client.get(url, {"population": "returnees"})) == ["Vivienda en Juárez"]
    assert titles(client.get(url, {"organisation": "buen-pastor"})) == ["Salud en Juárez"]
    assert titles(client.get(url, {"tag": "albergue"})) == ["Salud en Juárez"]
    assert titles(client.get(url, {"year": "2021"})) == ["Salud en Juárez", "Vivienda en Juárez"]


@pytest.mark.django_db
def test_counts_per_option_take_the_other_filters_into_account(client, indexes, practices):
    response = client.get(indexes["practices"].url, {"region": "chihuahua"})
    assert facet(response, "theme") == {"health": 1, "housing": 1}
    # The region facet itself still offers every region, counted under the other filters.
    assert facet(response, "region") == {"chihuahua": 2, "oaxaca": 1}
    assert facet(response, "year") == {"2021": 2}


@pytest.mark.django_db
def test_newest_first(client, indexes, practices):
    response = client.get(indexes["practices"].url)
    assert [c["page"].title for c in response.context["cards"]][0] == "Salud en Oaxaca"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"theme": ""},
        {"theme": "<script>"},
        {"year": "abc"},
        {"year": "99999"},
        {"region": "x" * 500},
        {"page": "not-a-number"},
        {"page": "9999"},
        {"organisation": "'; drop table"},
    ],
)
def test_bad_values_are_ignored_never_an_error(client, indexes, practices, params):
    response = client.get(indexes["practices"].url, params)
    assert response.status_code == 200
    assert len(response.context["cards"]) == 3


@pytest.mark.django_db
def test_no_match_says_so_and_offers_to_clear(client, indexes, practices):
    response = client.get(indexes["practices"].url, {"theme": "housing", "region": "oaxaca"})
    html = response.content.decode()
    assert response.context["cards"] == []
    assert 'class="notice"' in html
    assert f'href="{indexes["practices"].url}"' in html


@pytest.mark.django_db
def test_filters_are_kept_in_pagination_links(client, indexes, terms, settings):
    settings.PUENTE_KB_PAGE_SIZE = 2
    for n in range(5):
        factories.GoodPracticePageFactory(
            parent=indexes["practices"], themes=[terms["health"]], title=f"Práctica {n}"
        )
    html = client.get(indexes["practices"].url, {"theme": "health"}).content.decode()
    assert "?theme=health&amp;page=2" in html


@pytest.mark.django_db
def test_filter_labels_are_in_the_readers_language(client, indexes, practices):
    index_de = factories.translate_page(indexes["practices"], "de")
    for practice in practices.values():
        factories.translate_page(practice, "de")
    response = client.get(index_de.url, {"theme": "health"})
    html = response.content.decode()
    assert "Gesundheit und psychosoziale Unterstützung (2)" in html
    assert len(response.context["cards"]) == 2


@pytest.mark.django_db
def test_counts_and_total_are_cached_until_a_page_is_published_or_unpublished(
    client, indexes, terms, practices
):
    url = indexes["practices"].url

    def figures():
        response = client.get(url, {"region": "chihuahua"})
        return facet(response, "theme"), response.context["paginator"].count

    assert figures() == ({"health": 1, "housing": 1}, 2)
    with CaptureQueriesContext(connection) as warm:
        assert figures() == ({"health": 1, "housing": 1}, 2)
    # A warm request reads its page of cards only: nothing is counted.
    assert not [q for q in warm.captured_queries if "COUNT(" in q["sql"].upper()]
    page = factories.GoodPracticePageFactory(
        parent=indexes["practices"], themes=[terms["health"]], regions=[terms["chihuahua"]]
    )
    assert figures() == ({"health": 2, "housing": 1}, 3)
    page.unpublish()
    assert figures() == ({"health": 1, "housing": 1}, 2)


@pytest.mark.django_db
def test_the_order_of_selected_values_does_not_matter(client, indexes, practices):
    url = indexes["practices"].url
    one = client.get(f"{url}?region=oaxaca&region=chihuahua&region=oaxaca")
    other = client.get(f"{url}?region=chihuahua&region=oaxaca")
    assert titles(one) == titles(other) and len(titles(one)) == 3
    assert facet(one, "theme") == facet(other, "theme") == {"health": 2, "housing": 1}
    assert one.context["facets"][2].selected == ["chihuahua", "oaxaca"]


@pytest.mark.django_db
def test_a_selected_value_nothing_matches_is_still_offered(client, indexes, practices):
    response = client.get(indexes["practices"].url, {"theme": "housing", "region": "oaxaca"})
    assert facet(response, "theme") == {"health": 1, "housing": 0}
    assert facet(response, "region") == {"chihuahua": 1, "oaxaca": 0}
    assert response.context["paginator"].count == 0


@pytest.mark.django_db
def test_the_most_used_organisations_are_offered_and_any_selected_one(
    client, indexes, practices, settings
):
    settings.PUENTE_KB_ORGANISATION_FACET_LIMIT = 1
    shelter = factories.OrganisationPageFactory(
        parent=indexes["organisations"], slug="casa-nicolas"
    )
    for number in range(2):
        factories.GoodPracticePageFactory(
            parent=indexes["practices"], title=f"Albergue {number}", organisations=[shelter]
        )
    url = indexes["practices"].url
    assert facet(client.get(url), "organisation") == {"casa-nicolas": 2}
    selected = client.get(url, {"organisation": "buen-pastor"})
    assert facet(selected, "organisation") == {"casa-nicolas": 2, "buen-pastor": 1}
    assert titles(selected) == ["Salud en Juárez"]
