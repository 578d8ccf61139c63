"""Read tracking: new and unread markers, the unread list, jump to the first unread post."""

import pytest

from forum import posting, reading
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db


def test_markers_and_unread_list(client, forum, member, other_member):
    category = forum.categories["miembros"]
    topic = posting.create_topic(category, author=member, title="Vivienda", source="a")
    client.force_login(other_member)
    assert "badge--new" in client.get(category.url).content.decode()
    client.get(topic_url(topic))
    assert "badge--new" not in client.get(category.url).content.decode()
    posting.reply(topic, author=member, source="b")
    html = client.get(category.url).content.decode()
    assert "badge--unread" in html
    assert "Vivienda" in client.get(forum.sub_url("unread")).content.decode()
    response = client.get(category.sub_url("first_unread", topic.pk))
    assert response["Location"].endswith("#post-2")
    client.get(topic_url(topic))
    assert "Vivienda" not in client.get(forum.sub_url("unread")).content.decode()


def test_reading_never_moves_backwards(forum, member, topic_with_posts):
    topic = topic_with_posts(50)
    reading.mark_read(member, topic, 40)
    reading.mark_read(member, topic, 10)
    assert reading.last_read_position(member, topic) == 40
    assert reading.first_unread_position(member, topic) == 41
