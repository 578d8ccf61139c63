"""A German reader opens a Spanish-only forum post, translates it and sees the label."""

# ruff: noqa: F811 (fixtures imported from the conftest are parameters here)

from forum import posting
from forum.models import CategoryPage
from tests.browser.test_forum import forum_user, log_in
from tests.translations.conftest import (  # noqa: F401
    fake_translation_server,
    fake_translator,
    machine_translation,
)


def test_a_german_reader_translates_a_spanish_post(
    browser_page, live_server, live_demo, machine_translation
):
    tab = browser_page
    author = forum_user("lucia", "participate")
    reader = forum_user("jonas", "participate")
    category = CategoryPage.objects.filter(locale__language_code="es", live=True).first()
    topic = posting.create_topic(
        category,
        author=author,
        title="Albergue en Ciudad Juárez",
        source="El albergue recibe a personas migrantes.",
        language="es",
    )
    german = (
        CategoryPage.objects.filter(
            translation_key=category.translation_key, locale__language_code="de"
        ).first()
        or category
    )
    log_in(tab, live_server, reader)
    tab.goto(live_server.url + german.topic_url(topic).replace("/es/", "/de/", 1))
    post = tab.locator("#post-1")
    post.get_by_role("button", name="Übersetzen").click()
    label = post.get_by_text("Maschinelle Übersetzung; Original auf Spanisch")
    label.wait_for()
    assert "[de] El albergue recibe a Migrant*in." in post.inner_text()  # with the glossary
    post.get_by_role("link", name="Original anzeigen").click()
    post.get_by_text("El albergue recibe a personas migrantes.").wait_for()
    assert "[de]" not in tab.locator("#post-1").inner_text()
    assert len(machine_translation.calls("/v2/translate")) == 1
