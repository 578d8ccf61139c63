"""Forum posts machine-translated through the fake server: once per post and language."""

# ruff: noqa: F811 (fixtures imported from other test packages are parameters here)

import pytest

from forum import posting, translation
from forum.models import PostTranslation
from tests.forum.conftest import forum, member, moderator, other_member, outsider  # noqa: F401
from tests.translations.conftest import (  # noqa: F401
    fake_translation_server,
    fake_translator,
    libretranslate,
    machine_translation,
)

pytestmark = pytest.mark.django_db


def opening_post(category, author, title, source):
    """The first post of a new topic, written in Spanish."""
    topic = posting.create_topic(category, author=author, title=title, source=source, language="es")
    return topic.posts.get(position=1)


@pytest.fixture
def spanish_post(forum, member):
    text = "El albergue **recibe** a personas migrantes. <script>alert(1)</script>"
    return opening_post(forum.categories["general"], member, "Albergue en Ciudad Juárez", text)


def translate_url(post):
    return post.topic.category.get_parent().specific.sub_url("post_translation", post.pk)


def topic_url(post):
    category = post.topic.category
    return category.topic_url(post.topic)


def as_german(url: str) -> str:
    return url.replace("/es/", "/de/", 1)


def test_a_post_is_translated_once_and_then_served_from_the_cache(
    client,
    spanish_post,
    other_member,
    machine_translation,
):
    client.force_login(other_member)
    page = client.get(as_german(topic_url(spanish_post)))
    assert "Übersetzen" in page.content.decode()  # the button, in German

    back = as_german(topic_url(spanish_post))
    response = client.post(as_german(translate_url(spanish_post)), {"next": back})
    assert response.status_code == 302
    assert response["Location"].startswith(back)
    assert f"translate={spanish_post.pk}" in response["Location"]
    shown = client.get(response["Location"]).content.decode()
    assert "Maschinelle Übersetzung; Original auf Spanisch" in shown
    assert "[de] El albergue <strong>recibe</strong>" in shown
    assert "<script>alert(1)</script>" not in shown  # sanitised like a post
    assert len(machine_translation.calls("/v2/translate")) == 1

    client.post(as_german(translate_url(spanish_post)))
    client.get(response["Location"])
    assert len(machine_translation.calls("/v2/translate")) == 1  # from the cache


def test_the_glossary_goes_to_deepl_once_per_language_pair(spanish_post, machine_translation):
    from translations import machine

    text = "La persona retornada y la comunidad de acogida"
    first = machine.translate_text(text, source="es", target="de")
    machine.translate_text(text, source="es", target="de")
    assert first == "[de] La Rückkehrende y la Aufnahmegemeinde"
    assert len(machine_translation.calls("/v2/glossaries")) == 2  # listed once, created once
    created = [r for r in machine_translation.calls("/v2/glossaries") if r.method == "POST"]
    assert created[0].data["source_lang"] == "es" and created[0].data["target_lang"] == "de"
    assert "persona retornada\tRückkehrende" in created[0].data["entries"]


def test_libretranslate_is_used_without_a_commercial_service(libretranslate):
    from translations import machine

    assert machine.translate_text("Hola", source="es", target="en") == "[en] Hola"
    assert libretranslate.calls("/translate")[0].data["format"] == "text"
    assert not libretranslate.calls("/v2/translate")


def test_editing_the_post_invalidates_its_translation(spanish_post, member, machine_translation):
    translation.request_translation(spanish_post, "de", by=member)
    assert PostTranslation.objects.get(post=spanish_post).status == "done"
    posting.edit_post(spanish_post, by=member, source="Texto nuevo.")
    assert not PostTranslation.objects.filter(post=spanish_post).exists()
    stored = translation.request_translation(spanish_post, "de", by=member)
    stored.refresh_from_db()
    assert stored.source == "[de] Texto nuevo."
    assert len(machine_translation.calls("/v2/translate")) == 2


def test_a_translation_in_progress_says_so(client, spanish_post, member, machine_translation):
    PostTranslation.objects.create(
        post=spanish_post, language="de", source_digest=translation.digest(spanish_post)
    )
    url = as_german(topic_url(spanish_post)) + f"?translate={spanish_post.pk}"
    content = client.get(url).content.decode()
    assert "Übersetzung läuft" in content
    assert not machine_translation.requests


def test_a_failed_translation_can_be_tried_again(client, spanish_post, member, machine_translation):
    machine_translation.failing = True
    client.force_login(member)
    back = as_german(topic_url(spanish_post))
    response = client.post(as_german(translate_url(spanish_post)), {"next": back})
    assert PostTranslation.objects.get(post=spanish_post).status == "failed"
    assert "Erneut versuchen" in client.get(response["Location"]).content.decode()
    machine_translation.failing = False
    client.post(as_german(translate_url(spanish_post)))
    assert PostTranslation.objects.get(post=spanish_post).status == "done"


def test_without_a_translator_there_is_no_button_and_posting_says_unavailable(
    client,
    spanish_post,
    member,
):
    client.force_login(member)
    assert (
        "Übersetzen</button>" not in client.get(as_german(topic_url(spanish_post))).content.decode()
    )
    response = client.post(as_german(translate_url(spanish_post)), follow=True)
    assert "Maschinelle Übersetzung ist nicht verfügbar." in response.content.decode()
    assert not PostTranslation.objects.exists()


def test_a_post_in_the_readers_language_offers_no_translation(
    client,
    spanish_post,
    member,
    machine_translation,
):
    client.force_login(member)
    assert "forum-post__translate" not in client.get(topic_url(spanish_post)).content.decode()
    response = client.post(translate_url(spanish_post))
    assert response.status_code == 400
    assert "ya está en tu idioma" in response.content.decode()


def test_translating_asks_the_same_permission_as_reading(
    client,
    forum,
    member,
    moderator,
    outsider,
    machine_translation,
):
    post = opening_post(forum.categories["miembros"], member, "Interno", "Solo miembros")
    anonymous = client.post(as_german(translate_url(post)))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(outsider)
    assert client.post(as_german(translate_url(post))).status_code == 403

    public = opening_post(forum.categories["general"], member, "Público", "Oculto pronto")
    from forum import moderation

    moderation.hide_post(public, by=moderator, reason="spam")
    client.force_login(member)
    assert client.post(as_german(translate_url(public))).status_code == 403
    assert not machine_translation.requests
    client.force_login(moderator)
    assert client.post(as_german(translate_url(public))).status_code == 302


def test_the_topic_page_reads_translations_in_one_query(
    client,
    spanish_post,
    member,
    machine_translation,
    django_assert_max_num_queries,
):
    translation.request_translation(spanish_post, "de", by=member)
    url = as_german(topic_url(spanish_post))
    client.get(url)
    with django_assert_max_num_queries(20) as plain:
        client.get(url)
    with django_assert_max_num_queries(len(plain) + 1):
        response = client.get(f"{url}?translate={spanish_post.pk}")
    assert "[de]" in response.content.decode()
