"""Knowledge-base pages discussed in the forum, and links to them shown as cards in posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from forum import markup, posting
from forum.models import CategoryPage, Topic
from tests.kb import factories

DISCUSSION_TEMPLATE = "forum/kb_discussion.html"


@pytest.fixture(autouse=True)
def discussion_block(settings):
    # The site sets it in config/settings/base.py; the bare project does not.
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = DISCUSSION_TEMPLATE


@pytest.fixture
def kb_category(forum):
    category = forum.categories["general"]
    category.is_kb_discussions = True
    category.save_revision().publish()
    return CategoryPage.objects.get(pk=category.pk)


@pytest.fixture
def practice(forum):
    indexes = factories.kb_indexes(Site.objects.get(is_default_site=True).root_page.specific)
    return factories.GoodPracticePageFactory(
        parent=indexes["practices"],
        title="Recepción humanitaria",
        summary="Alojamiento y primera orientación.",
    )


def discuss_url(forum, page):
    return forum.sub_url("discuss", page.pk)


def test_discuss_opens_the_topic_once_then_reuses_it(client, forum, kb_category, practice, member):
    client.force_login(member)
    assert client.get(discuss_url(forum, practice)).status_code == 200  # asks to confirm
    assert not Topic.objects.exists()

    first = client.post(discuss_url(forum, practice))
    second = client.post(discuss_url(forum, practice))
    again = client.get(discuss_url(forum, practice))

    topic = Topic.objects.get()
    assert topic.kb_page_id == practice.pk
    assert topic.category_id == kb_category.pk
    assert topic.title == practice.title
    assert first.status_code == second.status_code == again.status_code == 302
    assert first["Location"] == second["Location"] == again["Location"]
    assert first["Location"] == kb_category.topic_url(topic)


def test_anonymous_reader_goes_to_login(client, forum, kb_category, practice):
    for response in (
        client.get(discuss_url(forum, practice)),
        client.post(discuss_url(forum, practice)),
    ):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert not Topic.objects.exists()


def test_only_knowledge_base_pages_can_be_discussed(client, forum, kb_category, member):
    client.force_login(member)
    assert client.post(discuss_url(forum, forum)).status_code == 404
    assert not Topic.objects.exists()


def discussed(practice, category, member, other_member, replies):
    topic = posting.create_topic(
        category, author=member, title=practice.title, source="Primer mensaje", kb_page=practice
    )
    for text in replies:
        posting.reply(topic, author=other_member, source=text)
    return topic


@pytest.mark.parametrize(
    ("language", "replies_text", "button"),
    [("es", "2 respuestas", "Debatir en el foro"), ("de", "2 Antworten", "Im Forum diskutieren")],
)
def test_kb_page_shows_reply_count_and_latest_posts(
    client, forum, kb_category, practice, member, other_member, language, replies_text, button
):
    discussed(practice, kb_category, member, other_member, ["Respuesta uno", "Respuesta dos"])
    page = practice if language == "es" else factories.translate_page(practice, language)

    html = client.get(page.url).content.decode()

    assert replies_text in html
    assert button in html
    assert "Respuesta dos" in html and "Respuesta uno" in html and "Primer mensaje" in html
    assert discuss_url(forum, page) in html


def test_members_only_posts_never_show_to_anonymous_readers(
    client, forum, practice, member, other_member
):
    category = forum.categories["miembros"]
    category.is_kb_discussions = True
    category.save_revision().publish()
    discussed(practice, category, member, other_member, ["Solo para miembros"])

    assert "Solo para miembros" not in client.get(practice.url).content.decode()
    client.force_login(member)
    assert "Solo para miembros" in client.get(practice.url).content.decode()


def test_hidden_posts_do_not_show_on_the_page(
    client, forum, kb_category, practice, member, other_member
):
    topic = discussed(practice, kb_category, member, other_member, ["Mensaje ocultado"])
    topic.posts.filter(position=2).update(is_hidden=True)
    assert "Mensaje ocultado" not in client.get(practice.url).content.decode()


def test_kb_page_queries_stay_bounded_with_the_discussion(
    client, forum, kb_category, practice, member, other_member, settings
):
    settings.PUENTE_FORUM_RATE_LIMIT_POSTS = 100
    discussed(practice, kb_category, member, other_member, [f"R {n}" for n in range(30)])
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = ""
    client.get(practice.url)
    with CaptureQueriesContext(connection) as without_block:
        client.get(practice.url)
    settings.PUENTE_KB_DISCUSSION_TEMPLATE = DISCUSSION_TEMPLATE
    with CaptureQueriesContext(connection) as with_block:
        response = client.get(practice.url)
    assert "R 29" in response.content.decode()
    # The forum index (with whether a category takes discussions; cached after this first
    # request), the page's topics and their latest posts, whatever the number of posts.
    assert len(with_block) - len(without_block) == 3


# Link cards ---------------------------------------------------------------------------


def test_lone_link_to_a_public_kb_page_becomes_a_card(forum, practice):
    html = markup.render_markdown(f"Mirad esto:\n\n[{practice.title}]({practice.url})")
    assert 'class="forum-card"' in html
    assert "Recepción humanitaria" in html
    assert "Alojamiento y primera orientación." in html
    assert "buena práctica" in html or "good practice" in html.lower()


def test_absolute_link_on_an_internal_host_becomes_a_card(forum, practice, settings):
    settings.PUENTE_FORUM_INTERNAL_HOSTS = ["puente.example.org"]
    html = markup.render_markdown(f"<https://puente.example.org{practice.url}>")
    assert 'class="forum-card"' in html


def test_links_inside_text_and_to_other_sites_stay_links(forum, practice):
    inline = markup.render_markdown(f"Ved [esto]({practice.url}) y opinad.")
    external = markup.render_markdown(f"<https://elsewhere.example.com{practice.url}>")
    assert "forum-card" not in inline and "forum-card" not in external


def test_draft_and_private_pages_stay_bare_links(forum, practice):
    draft = factories.GoodPracticePageFactory(parent=practice.get_parent(), title="Borrador")
    draft.unpublish()
    assert "forum-card" not in markup.render_markdown(f"[Borrador]({draft.url or '/es/x/'})")

    PageViewRestriction.objects.create(page=practice, restriction_type="login")
    assert "forum-card" not in markup.render_markdown(f"[Ver]({practice.url})")


def test_card_text_is_escaped(forum, practice):
    practice.title = '<img src=x onerror="alert(1)">Título'
    practice.summary = "<script>alert(2)</script>"
    practice.save_revision().publish()
    practice.refresh_from_db()
    html = markup.render_markdown(f"[enlace]({practice.url})")
    assert "forum-card" in html
    assert "<img" not in html and "<script" not in html
    assert "&lt;img" in html and "&lt;script&gt;" in html
