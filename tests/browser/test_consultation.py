"""A coordinator opens a consultation, two organisation admins endorse, the coordinator
adopts, and a public reader sees the signatories in German."""

import re

from django.utils import timezone


def sign_in(tab, base, email, password):
    tab.context.clear_cookies()
    tab.goto(f"{base}/de/accounts/login/")
    tab.get_by_label("E-Mail").fill(email)
    tab.get_by_label(re.compile(r"^Passwort:?$")).fill(password)
    tab.get_by_role("button", name="Anmelden").click()
    tab.wait_for_url(re.compile(r".*/members/.*"))


def test_consultation_co_signing_and_adoption_in_german(browser_page, live_server, live_demo):
    from home.demo import members as demo_members
    from kb.models import PolicyPositionPage

    demo_members.build()
    password = demo_members.DEMO_PASSWORD
    spanish = PolicyPositionPage.objects.get(slug="flujos-mixtos-local", locale__language_code="es")
    german = spanish.get_translations().get(locale__language_code="de").specific
    url = live_server.url + german.url
    tab = browser_page

    sign_in(tab, live_server.url, "coordinacion@demo.puente.local", password)
    tab.goto(url)
    deadline = (timezone.localdate() + timezone.timedelta(days=20)).isoformat()
    tab.get_by_label("Frist").fill(deadline)
    tab.get_by_role("button", name="Konsultation eröffnen").click()
    tab.wait_for_url(re.compile(r".*#consultation$"))
    assert tab.get_by_role("link", name="Den Entwurf im Forum kommentieren").is_visible()

    for admin in ("admin1", "admin2"):
        sign_in(tab, live_server.url, f"{admin}@demo.puente.local", password)
        tab.goto(url)
        tab.get_by_label("Unterzeichnen", exact=True).check()
        tab.get_by_role("button", name="Entscheidung speichern").click()
        tab.wait_for_url(re.compile(r".*#cosigning$"))

    sign_in(tab, live_server.url, "coordinacion@demo.puente.local", password)
    tab.goto(url)
    tab.get_by_role("link", name="Diesen Text als neue Version verabschieden").click()
    tab.wait_for_url(re.compile(r".*/adopt/$"))
    assert tab.get_by_role("heading", name="Version 1 verabschieden").is_visible()
    tab.get_by_role("button", name="Version 1 verabschieden").click()
    tab.wait_for_url(re.compile(r".*#cosigning$"))

    tab.context.clear_cookies()
    tab.goto(url)
    assert tab.locator("html").get_attribute("lang") == "de"
    assert tab.get_by_text("2 Organisationen haben Version 1 unterzeichnet.").is_visible()
    expected = set()
    for organisation in demo_members.organisations()[:2]:
        in_german = organisation.get_translations().filter(locale__language_code="de").first()
        expected.add((in_german or organisation).title)
    assert set(tab.locator(".kb-signatory__name").all_inner_texts()) == expected
    assert tab.get_by_role("link", name="Version 1").is_visible()
