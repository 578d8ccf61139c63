"""The demo's consultations: an adopted position with signatories and a response, one in
consultation with a forum discussion, built like ``load_demo`` does."""

import pytest
from django.utils import translation

from forum.models import Topic
from home.demo import consultations, site
from home.demo import members as demo_members
from kb import consultation as domain
from kb.models import PolicyPositionPage


@pytest.mark.django_db
def test_demo_builds_an_adopted_and_a_consulted_position(client):
    site.build()
    demo_members.build()
    consultations.build()
    consultations.build()  # safe to run again

    adopted = PolicyPositionPage.objects.get(slug=consultations.ADOPTED, locale__language_code="es")
    version = domain.current_version(adopted)
    assert version.number == 1 and domain.signatories(version)
    kinds = [e["kind"] for e in domain.timeline(adopted)]
    assert kinds == ["drafted", "consulted", "adopted", "sent", "sent", "answered"]

    consulted = PolicyPositionPage.objects.get(
        slug=consultations.CONSULTING, locale__language_code="es"
    )
    current = domain.current_consultation(consulted)
    assert current.is_open and current.discussion_url
    assert Topic.objects.get(kb_page=consulted).reply_count == 2
    assert len(domain.signatories(current.version)) == 2

    german = adopted.get_translation(
        adopted.get_translations().filter(locale__language_code="de").first().locale
    )
    with translation.override("de"):
        html = client.get(german.url).content.decode()
    assert "Comisión Mexicana de Ayuda a Refugiados" in html
    assert client.get(german.url + "v1/").status_code == 200


@pytest.mark.django_db
def test_demo_dashboard_shows_the_network_in_german_and_is_in_the_menus(client):
    from home.models import Menu
    from home.navigation import menu_links
    from kb.models import NetworkDashboardPage

    site.build()
    demo_members.build()
    consultations.build()
    german = NetworkDashboardPage.objects.get(locale__language_code="de")
    html = client.get(german.url).content.decode()
    assert "Das Netzwerk in Zahlen" in html
    assert "Positionspapiere und ihre Unterzeichnenden" in html
    assert "Karte von Mexiko" in html
    assert "<td>4</td><td>156</td><td>76</td>" in html  # the pilot: its 4 dialogues in total
    for slot in (Menu.Slot.MAIN, Menu.Slot.FOOTER):
        assert german.url in [link["url"] for link in menu_links(slot, "de")]
