"""A reader opens the home page, switches from Spanish to German, and lands on the German home."""

from tests.browser.conftest import serious_violations


def test_reader_switches_from_spanish_to_german(browser_page, live_server, live_demo, axe):
    browser_page.goto(live_server.url + "/")
    assert browser_page.url == live_server.url + "/es/"
    assert browser_page.locator("html").get_attribute("lang") == "es"
    assert serious_violations(axe.run(browser_page)) == []

    browser_page.get_by_role("link", name="Deutsch").click()
    browser_page.wait_for_url(live_server.url + "/de/")
    assert browser_page.locator("html").get_attribute("lang") == "de"
    heading = browser_page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Netzwerk für (Re-)Integration in Mexiko"
    assert serious_violations(axe.run(browser_page)) == []


def test_skip_link_is_the_first_stop_for_keyboard_users(browser_page, live_server, live_demo):
    browser_page.goto(live_server.url + "/es/acerca-de/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent")
    assert focused == "Saltar al contenido principal"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
