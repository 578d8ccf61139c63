"""The category's topic rows: stored in the cache once, never stale, the marker per reader."""

import pytest
from django.contrib.auth import get_user_model

from forum import moderation, posting, topic_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """How many row halves were rendered rather than read from the cache."""
    calls = []
    render = topic_rows.render_to_string
    monkeypatch.setattr(
        topic_rows,
        "render_to_string",
        lambda *args, **kwargs: calls.append(1) or render(*args, **kwargs),
    )
    return calls


def test_a_row_is_rendered_once_then_read_from_the_cache(client, forum, member, renders):
    category = forum.categories["general"]
    posting.create_topic(category, author=member, title="Hola", source="Texto")
    first = client.get(category.url).content.decode()
    assert len(renders) == 2
    second = client.get(category.url).content.decode()
    assert len(renders) == 2
    assert first == second and "Hola" in second


def test_a_row_shows_a_reply_a_pin_and_a_renamed_author(
    client, forum, member, other_member, moderator
):
    category = forum.categories["general"]
    topic = posting.create_topic(category, author=member, title="Hola", source="Texto")
    assert "0 respuestas" in client.get(category.url).content.decode()
    posting.reply(topic, author=other_member, source="Respuesta")
    html = client.get(category.url).content.decode()
    assert "1 respuesta" in html and "(Jonas Weber)" in html
    moderation.pin_topic(topic, by=moderator, reason="")
    assert "Fijado" in client.get(category.url).content.decode()
    get_user_model().objects.filter(pk=other_member.pk).update(first_name="Jonás")
    assert "(Jonás Weber)" in client.get(category.url).content.decode()


def test_the_unread_marker_is_each_readers_own(client, forum, member, other_member):
    category = forum.categories["general"]
    posting.create_topic(category, author=member, title="Hola", source="Texto")
    client.get(category.url)  # the row is stored by an anonymous reader
    client.force_login(other_member)
    assert "badge--new" in client.get(category.url).content.decode()
    client.logout()
    assert "badge--new" not in client.get(category.url).content.decode()


def test_a_title_is_escaped_in_the_stored_row(client, forum, member):
    category = forum.categories["general"]
    posting.create_topic(category, author=member, title="<script>x</script>", source="Texto")
    for _ in range(2):
        html = client.get(category.url).content.decode()
        assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html


@pytest.mark.parametrize(
    "language, replies", [("es", "0 respuestas"), ("de", "0 Antworten"), ("en", "0 replies")]
)
def test_a_row_is_stored_per_language(client, forum, member, language, replies):
    category = forum.categories["general"]
    posting.create_topic(category, author=member, title="Hola", source="Texto")
    client.get(category.url)  # stored in Spanish
    url = category.url.replace("/es/", f"/{language}/", 1)
    assert replies in client.get(url).content.decode()
