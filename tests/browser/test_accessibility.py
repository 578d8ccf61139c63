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


def first_topic_url(language, visibility):
    from forum.models import CategoryPage, Topic

    category = CategoryPage.objects.filter(
        visibility=visibility, locale__language_code=language
    ).first()
    topic = Topic.objects.filter(category=category.canonical()).first()
    return category, category.topic_url(topic)


def reader_urls(language):
    """Every page type and the public forum and search, as anyone sees them."""
    _category, topic = first_topic_url(language, "public")
    return [
        *(page.url for page in one_page_per_type(language)),
        topic,
        f"/{language}/search/?q=migraci%C3%B3n",
    ]


def signed_out_urls(language):
    return [*reader_urls(language), f"/{language}/accounts/login/", f"/{language}/members/join/"]


def member_urls(language):
    """The same pages signed in (reply forms, menus), and the members' own pages."""
    category, topic = first_topic_url(language, "members")
    forum = category.get_parent().specific
    return [
        *reader_urls(language),
        category.url,
        topic,
        category.sub_url("new_topic"),
        forum.sub_url("unread"),
        forum.sub_url("notifications"),
        f"/{language}/members/",
        f"/{language}/members/people/",
        f"/{language}/members/profile/",
        f"/{language}/accounts/2fa/",
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
        found |= check(browser_page, axe, live_server.url, signed_out_urls(language))
    sign_in_by_cookie(browser_page, live_server, User.objects.get(username="member1"))
    for language in LANGUAGES:
        found |= check(browser_page, axe, live_server.url, member_urls(language))
    assert found == {}
