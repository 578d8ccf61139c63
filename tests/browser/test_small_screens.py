"""Every page type fits a 360 px wide phone: nothing makes the page scroll sideways
(wide tables scroll inside their own region)."""

from tests.browser.test_accessibility import LANGUAGES, member_urls, sign_in_by_cookie

WIDTH = 360
# The innermost elements reaching past the right edge, to say what is too wide.
OVERFLOWING = """width => [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
    .slice(0, 3)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""


def too_wide(tab, base, urls):
    found = {}
    for url in urls:
        response = tab.goto(base + url)
        assert response.status < 400, (url, response.status)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            found[url] = (width, tab.evaluate(OVERFLOWING, WIDTH))
    return found


def test_no_page_scrolls_sideways_at_360_px(browser_page, live_server, live_demo):
    from home.demo import members as demo_members
    from members.models import User

    demo_members.build()
    assert browser_page.viewport_size["width"] == WIDTH
    sign_in_by_cookie(browser_page, live_server, User.objects.get(username="member1"))
    found = {}
    for language in LANGUAGES:
        found |= too_wide(browser_page, live_server.url, member_urls(language))
    assert found == {}
