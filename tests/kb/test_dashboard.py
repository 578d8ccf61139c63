"""The public network dashboard: figures computed from the pages, charts with data tables,
in every language, at a fixed cost in queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kb import charts, dashboard
from kb.models import (
    DialogueEventIndexPage,
    DialogueEventPage,
    DialogueParticipation,
    Endorsement,
    NetworkDashboardPage,
    PositionVersion,
)
from tests.kb import factories

TITLES = {"es": "La red en cifras", "de": "Das Netzwerk in Zahlen", "en": "The network in figures"}
HEADINGS = {
    "es": "Organizaciones miembro por estado",
    "de": "Mitgliedsorganisationen nach Bundesstaat",
    "en": "Member organisations by state",
}
OAXACA = {
    "es": "Oaxaca: 2 organizaciones",
    "de": "Oaxaca: 2 Organisationen",
    "en": "Oaxaca: 2 organisations",
}


def add_dialogue(index, slug, start, people, institutions):
    page = DialogueEventPage(
        title=slug, slug=slug, start_date=start, place="Ciudad de México", format="Taller"
    )
    page.participation = [
        DialogueParticipation(sector="government", people=people, institutions=institutions)
    ]
    index.add_child(instance=page)
    return factories.publish(page)


def add_network(indexes, terms, dialogues, scale=1, prefix="a"):
    """Organisations in Oaxaca and Chihuahua, practices, a signed position, dialogues."""
    organisations = [
        factories.OrganisationPageFactory(
            parent=indexes["organisations"], regions=[terms["oaxaca"]], title=f"OSC {n}"
        )
        for n in range(2 * scale)
    ]
    organisations.append(
        factories.OrganisationPageFactory(
            parent=indexes["organisations"], regions=[terms["chihuahua"]], title="Chihuahua OSC"
        )
    )
    for n in range(3 * scale):
        factories.GoodPracticePageFactory(
            parent=indexes["practices"],
            themes=[terms["health"]] + ([terms["housing"]] if n == 0 else []),
            organisations=organisations[:1],
        )
    position = factories.PolicyPositionPageFactory(
        parent=indexes["positions"], title="<script>alert(1)</script> Documentos"
    )
    version = PositionVersion.objects.create(position=position, number=1, adopted_at=timezone.now())
    for organisation, decision in zip(
        organisations, ["endorse", "decline", "endorse"], strict=False
    ):
        Endorsement.objects.create(
            position=position, organisation=organisation, version=version, decision=decision
        )
    for n in range(scale):
        add_dialogue(dialogues, f"{prefix}-2018-{n}", datetime.date(2018, 10, 25), 40, 20)
        add_dialogue(dialogues, f"{prefix}-2019-{n}", datetime.date(2019, 3, 1 + n), 30, 12)
    return organisations, position


@pytest.fixture
def network(indexes, terms, site_root):
    dialogues = site_root.add_child(
        instance=DialogueEventIndexPage(title="Diálogos", slug="dialogos")
    )
    organisations, position = add_network(indexes, terms, dialogues)
    # A translation is the same organisation: counted once.
    factories.translate_page(organisations[0], "de", title="OSC 0 (de)")
    page = site_root.add_child(instance=NetworkDashboardPage(title=TITLES["es"], slug="cifras"))
    page = factories.publish(page)
    return {
        "page": page,
        "indexes": indexes,
        "terms": terms,
        "dialogues": dialogues,
        "position": position,
    }


def test_figures_count_each_page_family_once_and_signatures_only(network):
    page = network["page"]
    regions = {row.key: row.value for row in dashboard.organisations_by_region(page.locale_id)}
    assert regions["oaxaca"] == 2 and regions["chihuahua"] == 1
    themes = [(row.key, row.value) for row in dashboard.practices_by_theme(page.locale_id)]
    assert themes == [("health", 3), ("housing", 1)]
    (position,) = dashboard.positions_with_signatories(page.locale_id)
    assert position.value == 2  # the decline does not count
    years = [(r.label, r.value, r.people, r.institutions) for r in dashboard.dialogues_by_year()]
    assert years == [("2018", 1, 40, 20), ("2019", 1, 30, 12)]


def test_tile_map_places_every_state_once_and_shades_by_count():
    assert len(charts.MEXICO_TILES) == 32
    assert len({(c, r) for c, r, _a in charts.MEXICO_TILES.values()}) == 32
    rows = [dashboard.Row("Oaxaca", 4, "oaxaca"), dashboard.Row("Chiapas", 1, "chiapas")]
    rows.append(dashboard.Row("Honduras", 9, "honduras"))  # not a state of the map
    shades = {tile.row.key: tile.shade for tile in charts.tile_map(rows)["tiles"]}
    assert shades == {"oaxaca": charts.SHADES, "chiapas": 1}
    assert charts.shade(0, 9) == 0 and charts.shade(9, 9) == charts.SHADES


@pytest.mark.parametrize("code", ["es", "de", "en"])
def test_dashboard_renders_charts_and_tables_in_each_language(client, network, code):
    page = network["page"]
    if code != "es":
        page = factories.translate_page(page, code, title=TITLES[code])
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{code}"' in html
    assert HEADINGS[code] in html and TITLES[code] in html
    # A tile for each state (the fixture's two), and the three bar charts.
    assert html.count('role="img"') == 2 + 3
    assert html.count("<table") == 4 and html.count("<details") == 4
    assert f'aria-label="{OAXACA[code]}"' in html and f"<title>{OAXACA[code]}</title>" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


MORE = {
    "es": ("El posicionamiento con más firmantes.", "Los 2 posicionamientos"),
    "de": ("Das Positionspapier mit den meisten Unterzeichnenden.", "Alle 2 Positionspapiere"),
    "en": ("The policy position with the most signatories.", "All 2 policy positions"),
}


@pytest.mark.parametrize("code", ["es", "de", "en"])
def test_the_chart_shows_the_most_signed_positions_and_links_to_all(
    client, network, monkeypatch, code
):
    monkeypatch.setattr(dashboard, "POSITIONS_SHOWN", 1)
    factories.PolicyPositionPageFactory(parent=network["indexes"]["positions"], title="Sin firmas")
    page, listing = network["page"], network["indexes"]["positions"]
    if code != "es":
        page = factories.translate_page(page, code, title=TITLES[code])
        listing = factories.translate_page(listing, code)
    html = client.get(page.url).content.decode()
    shown, link = MORE[code]
    assert "Sin firmas" not in html
    assert "Documentos" in html  # the signed one
    assert shown in html
    assert f'<a href="{listing.url}">{link}</a>' in html


def test_dashboard_queries_do_not_grow_with_data(client, network, django_assert_max_num_queries):
    def queries():
        client.get(network["page"].url)  # a warm site: the shell's menus are cached
        with CaptureQueriesContext(connection) as context:
            assert client.get(network["page"].url).status_code == 200
        return len(context)

    small = queries()
    add_network(network["indexes"], network["terms"], network["dialogues"], scale=5, prefix="b")
    client.get(network["page"].url)
    with django_assert_max_num_queries(small):
        response = client.get(network["page"].url)
    assert "<td>6</td>" in response.content.decode()  # dialogues of 2019: 1 + 5
    # Measured: the figures take 9 (2 per chart, 3 for the positions), the rest is
    # Wagtail's routing and the site shell.
    assert small <= 17


def test_empty_network_says_so(client, site_root, locales):
    page = factories.publish(
        site_root.add_child(instance=NetworkDashboardPage(title="Cifras", slug="cifras"))
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<svg" in response.content.decode()  # the map, all states at zero
