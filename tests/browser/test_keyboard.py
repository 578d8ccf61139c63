"""Keyboard only: a member replies to a topic, a reader filters a listing (Tab, Enter, Space)."""

from tests.browser.test_accessibility import sign_in_by_cookie

MAX_TABS = 150


def tab_to(tab, matches: str):
    """Press Tab until the focused element satisfies the JS predicate ``matches(el)``."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"(el => {matches})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {matches}")


def test_member_replies_with_the_keyboard_only(browser_page, live_server, live_demo):
    from forum.models import CategoryPage, Topic
    from home.demo import members as demo_members
    from members.models import User

    demo_members.build()
    category = CategoryPage.objects.get(slug="intercambio-general", locale__language_code="es")
    topic = Topic.objects.filter(category=category).first()
    tab = browser_page
    sign_in_by_cookie(tab, live_server, User.objects.get(username="member1"))
    tab.goto(live_server.url + category.topic_url(topic))
    before = topic.posts.count()

    tab_to(tab, "el.tagName === 'TEXTAREA'")
    tab.keyboard.type("Respuesta escrita solo con el teclado.")
    tab_to(tab, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Enviar respuesta'")
    tab.keyboard.press("Enter")
    tab.locator(f"#post-{before + 1}").wait_for()
    assert (
        "Respuesta escrita solo con el teclado." in tab.locator(f"#post-{before + 1}").inner_text()
    )
    assert topic.posts.count() == before + 1


def test_reader_filters_a_listing_with_the_keyboard_only(browser_page, live_server, live_demo):
    from kb.models import GoodPracticeIndexPage

    index = GoodPracticeIndexPage.objects.get(locale__language_code="es")
    tab = browser_page
    tab.goto(live_server.url + index.url)

    theme = tab.locator("form.kb-filters").get_by_label("Tema")
    tab_to(
        tab, "el.tagName === 'SELECT' && el.labels[0] && el.labels[0].textContent.includes('Tema')"
    )
    tab.keyboard.press("ArrowDown")
    chosen = theme.input_value()
    assert chosen
    tab_to(tab, "el.closest('form.kb-filters') && el.type === 'submit'")
    tab.keyboard.press("Space")
    tab.wait_for_url(f"**theme={chosen}*")
    assert tab.locator("form.kb-filters").get_by_label("Tema").input_value() == chosen
