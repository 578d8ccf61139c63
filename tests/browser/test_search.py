"""A German reader searches for a Spanish practice, narrows the results by theme, opens it."""

from playwright.sync_api import expect
from wagtail.models import Locale

from tests.browser.conftest import serious_violations


def test_german_reader_finds_a_spanish_practice_by_theme(browser_page, live_server, live_demo, axe):
    from kb.models import GoodPracticeIndexPage, Theme
    from tests.kb import factories

    practices = GoodPracticeIndexPage.objects.get(locale__language_code="es")
    first, second = Theme.objects.filter(locale__language_code="es").order_by("pk")[:2]
    # Spanish only: the German reader finds them through the glossary (Rückkehrende ->
    # persona retornada), indexed in the background when they are published.
    wanted = factories.GoodPracticePageFactory(
        parent=practices,
        title="Taller de carpintería en Tultitlán",
        summary="Formación en oficios para personas retornadas en Tultitlán.",
        themes=[first],
    )
    factories.GoodPracticePageFactory(
        parent=practices,
        title="Clínica móvil en Tultitlán",
        summary="Consultas médicas para personas retornadas en Tultitlán.",
        themes=[second],
    )
    german_theme = first.get_translation(Locale.objects.get(language_code="de")).name

    page = browser_page
    page.goto(live_server.url + "/de/")
    box = page.get_by_role("combobox", name="Suche")
    box.fill("Rückkehrende Tultitlán")
    box.press("Enter")
    page.wait_for_url("**/de/search/?q=*")
    results = page.locator(".search-hit__title")
    assert sorted(results.all_inner_texts()) == [
        "Clínica móvil en Tultitlán",
        "Taller de carpintería en Tultitlán",
    ]
    assert page.locator(".search-hit mark").count() > 0
    assert serious_violations(axe.run(page)) == []

    page.locator("[data-facet=theme]").get_by_role("link", name=german_theme).click()
    page.wait_for_url("**theme=*")
    assert page.locator(".search-hit__title").all_inner_texts() == [wanted.title]
    assert page.locator(".search-hit").get_attribute("lang") == "es"

    page.get_by_role("link", name=wanted.title).click()
    page.wait_for_url("**" + wanted.url)
    assert page.get_by_role("heading", level=1).inner_text() == wanted.title


def test_on_a_phone_the_results_come_before_the_filters(browser_page, live_server, live_demo):
    page = browser_page  # 360 px wide
    page.goto(live_server.url + "/es/search/?q=migraci%C3%B3n")
    first_hit = page.locator(".search-hit").first.bounding_box()
    filters = page.locator("#search-facets").bounding_box()
    assert first_hit["y"] < page.viewport_size["height"]  # on the first screen
    assert first_hit["y"] < filters["y"]

    page.get_by_role("link", name="Acotar los resultados").click()
    page.wait_for_url("**#search-facets")
    expect(page.locator("#search-facets")).to_be_in_viewport()

    page.locator("[data-facet=type] a").first.click()
    page.wait_for_url("**type=*")
    chip = page.locator(".search-chip")
    expect(chip).to_be_in_viewport()  # the chosen filter, on the first screen
    chip.click()
    page.wait_for_url(lambda url: "type=" not in url)

    page.set_viewport_size({"width": 1200, "height": 900})
    first_hit = page.locator(".search-hit").first.bounding_box()
    filters = page.locator("#search-facets").bounding_box()
    assert filters["x"] + filters["width"] <= first_hit["x"]  # a column on the left
    assert not page.get_by_role("link", name="Acotar los resultados").is_visible()
