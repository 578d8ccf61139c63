"""A German reader finds the network dashboard in the footer, reads the map of Mexico and
opens a chart's data table; the page is axe-clean and works without JavaScript."""

from tests.browser.conftest import serious_violations


def test_german_reader_reads_the_dashboard(browser, browser_page, live_server, live_demo, axe):
    tab = browser_page
    tab.goto(f"{live_server.url}/de/")
    tab.get_by_role("contentinfo").get_by_role("link", name="Das Netzwerk in Zahlen").click()
    tab.wait_for_load_state()
    assert tab.get_by_role("heading", level=1, name="Das Netzwerk in Zahlen").is_visible()
    assert tab.get_by_role(
        "group", name="Karte von Mexiko: Mitgliedsorganisationen nach Bundesstaat"
    )
    assert tab.locator(".kb-map__tile").count() == 32
    assert serious_violations(axe.run(tab)) == []

    tab.get_by_text("Datentabelle: Dialogformate pro Jahr").click()
    table = tab.get_by_role("table", name="Dialogformate im Zeitverlauf")
    assert table.is_visible()
    assert table.get_by_role("row", name="Gesamt 4 156 76").is_visible()

    # The same page without JavaScript: everything is drawn on the server.
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(tab.url)
        assert plain.locator(".kb-map__tile").count() == 32
        assert plain.locator("svg.kb-bars").count() == 3
    finally:
        context.close()
