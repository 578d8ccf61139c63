"""A German reader meets a Spanish-only page and a machine translation, and always knows it."""

import pytest
from wagtail.models import Locale

from kb.models import GoodPracticePage
from tests.browser.conftest import serious_violations


@pytest.fixture
def german_tab(browser, live_server):
    context = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 740})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_german_reader_sees_the_fallback_notice_and_the_machine_label(
    german_tab, live_server, live_demo, axe
):
    from translations import demo

    demo.build()
    tab = german_tab
    tab.goto(live_server.url + "/es/boletin-noviembre-2026/")
    tab.get_by_role("link", name="Deutsch").click()
    tab.wait_for_url(live_server.url + "/de/boletin-noviembre-2026/")
    assert tab.locator("html").get_attribute("lang") == "de"
    assert tab.get_by_role("note").inner_text() == (
        "Diese Seite ist noch nicht auf Deutsch verfügbar; sie wird auf Spanisch angezeigt."
    )
    assert tab.locator("main").get_attribute("lang") == "es"
    heading = tab.get_by_role("heading", level=1)
    assert heading.inner_text() == "Boletín de la red: noviembre de 2026"
    assert serious_violations(axe.run(tab)) == []

    practice = GoodPracticePage.objects.get(
        slug="recepcion-humanitaria-juarez", locale__language_code="es"
    )
    german = practice.get_translation(Locale.objects.get(language_code="de"))
    tab.goto(live_server.url + german.url)
    label = tab.locator(".reader-notice__provenance")
    assert label.inner_text().startswith("Maschinelle Übersetzung aus dem Spanischen")
    assert serious_violations(axe.run(tab)) == []
    label.get_by_role("link", name="Original ansehen").click()
    tab.wait_for_url(live_server.url + practice.url)
    assert tab.locator("html").get_attribute("lang") == "es"
