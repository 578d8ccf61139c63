"""A Spanish reader narrows the good practices by theme and region, then opens one."""

from tests.browser.conftest import serious_violations


def test_reader_filters_good_practices_and_opens_one(browser_page, live_server, live_demo, axe):
    from kb.models import GoodPracticeIndexPage

    index = GoodPracticeIndexPage.objects.get(locale__language_code="es")
    page = browser_page
    page.goto(live_server.url + index.url)
    assert page.locator("html").get_attribute("lang") == "es"
    cards = page.locator(".kb-card__title")
    titles = cards.all_inner_texts()
    assert "Recepción humanitaria en Ciudad Juárez" in titles
    assert serious_violations(axe.run(page)) == []

    form = page.locator("form.kb-filters")
    form.get_by_label("Tema").select_option("health")
    form.get_by_label("Región").select_option("oaxaca")
    form.get_by_role("button", name="Aplicar filtros").click()
    page.wait_for_url("**theme=health*")
    assert "region=oaxaca" in page.url

    titles = cards.all_inner_texts()
    assert "Primeros auxilios psicológicos en albergues" in titles
    # Health, but in Chihuahua only; Oaxaca, but not about health.
    assert "Recepción humanitaria en Ciudad Juárez" not in titles
    assert "Casas seguras para mujeres" not in titles
    assert form.get_by_label("Tema").input_value() == "health"
    assert form.get_by_label("Región").input_value() == "oaxaca"
    assert serious_violations(axe.run(page)) == []

    page.get_by_role("link", name="Primeros auxilios psicológicos en albergues").click()
    page.wait_for_url("**/salud-mental-albergue/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Primeros auxilios psicológicos en albergues"
    glance = page.get_by_role("complementary", name="De un vistazo")
    assert glance.is_visible()
    assert "Oaxaca" in glance.inner_text()
    assert serious_violations(axe.run(page)) == []
    # The site's forum block: the demo marks a category for discussions of kb pages.
    assert page.get_by_role("link", name="Debatir en el foro").is_visible()
