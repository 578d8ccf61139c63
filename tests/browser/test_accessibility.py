"""axe-core over every page type of the demo, in es/de/en, signed out and signed in.

The page types come from the demo tree (one live page of each specific type per
language), so a new page type is checked without touching this file. No serious or
critical violation may remain.
"""

from tests.browser.conftest import serious_violations

LANGUAGES = ("es", "de", "en")


def sign_in_by_cookie(tab, live_server, user):
    """Sign the tab in as ``user`` without the login form (tested elsewhere)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def one_page_per_type(language):
    from wagtail.models import Page

    chosen = {}
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=language)
    for page in pages.specific().order_by("path"):
        chosen.setdefault(type(page), page)
    return list(chosen.values())


def public_urls(language):
    from forum.models import CategoryPage, Topic

    urls = [page.url for page in one_page_per_type(language)]
    category = CategoryPage.objects.filter(
        visibility="public", locale__language_code=language
    ).first()
    topic = Topic.objects.filter(category=category.canonical()).first()
    urls += [
        category.topic_url(topic),
        f"/{language}/search/?q=migraci%C3%B3n",
        f"/{language}/accounts/login/",
        f"/{language}/members/join/",
    ]
    return urls


def member_urls(language):
    from forum.models import CategoryPage

    category = CategoryPage.objects.filter(
        visibility="members", locale__language_code=language
    ).first()
    return [
        category.url,
        category.sub_url("new_topic"),
        f"/{language}/members/",
        f"/{language}/members/people/",
        f"/{language}/members/profile/",
    ]


def check(tab, axe, base, urls):
    found = {}
    for url in urls:
        response = tab.goto(base + url)
        assert response.status < 400, (url, response.status)
        violations = serious_violations(axe.run(tab))
        if violations:
            found[url] = violations
    return found


def test_every_page_type_has_no_serious_violations(browser_page, live_server, live_demo, axe):
    from home.demo import members as demo_members
    from members.models import User

    demo_members.build()
    found = {}
    for language in LANGUAGES:
        found |= check(browser_page, axe, live_server.url, public_urls(language))
    sign_in_by_cookie(browser_page, live_server, User.objects.get(username="member1"))
    for language in LANGUAGES:
        found |= check(browser_page, axe, live_server.url, member_urls(language))
    assert found == {}
