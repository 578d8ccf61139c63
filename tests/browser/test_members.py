"""An invited person accepts the invitation, sets a password, signs in and lands on the
member start page in the invitation's language (German)."""

import re

from django.core import mail

from tests.browser.conftest import serious_violations

PASSWORD = "neues-passwort-2026"


def test_invited_person_joins_and_lands_on_the_german_start_page(
    browser_page, live_server, live_demo, axe
):
    from wagtail.models import Page

    from kb.models import OrganisationIndexPage, OrganisationPage
    from members import invitations
    from members.models import NetworkRole, User

    root = Page.get_first_root_node()
    index = root.add_child(instance=OrganisationIndexPage(title="Organizaciones"))
    org = index.add_child(instance=OrganisationPage(title="Casa del Migrante", slug="casa"))
    coordinator = User.objects.create_user(
        username="coord", email="coord@example.org", password="x-coord-password-1"
    )
    NetworkRole.objects.create(user=coordinator, role="coordinator")
    invitation = invitations.invite(
        email="lena@example.org", organisation=org, role="member", language="de", by=coordinator
    )
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert path.startswith("de/members/invitation/")

    browser_page.goto(f"{live_server.url}/{path}")
    assert browser_page.locator("html").get_attribute("lang") == "de"
    browser_page.get_by_label("Vorname").fill("Lena")
    browser_page.get_by_label(re.compile(r"^Passwort:?$")).fill(PASSWORD)
    browser_page.get_by_label(re.compile(r"^Passwort \(wiederholen\):?$")).fill(PASSWORD)
    assert serious_violations(axe.run(browser_page)) == []
    browser_page.get_by_role("button", name="Mein Konto anlegen").click()

    browser_page.wait_for_url(re.compile(r".*/de/accounts/login/.*"))
    browser_page.get_by_label("E-Mail").fill("lena@example.org")
    browser_page.get_by_label(re.compile(r"^Passwort:?$")).fill(PASSWORD)
    browser_page.get_by_role("button", name="Anmelden").click()

    browser_page.wait_for_url(live_server.url + "/de/members/")
    assert browser_page.locator("html").get_attribute("lang") == "de"
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Willkommen, Lena"
    assert browser_page.get_by_role("link", name="Casa del Migrante").is_visible()
    assert serious_violations(axe.run(browser_page)) == []
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
