"""Reading the forum: category list, topic list, topic pages by position, permalinks."""

import pytest

from forum import posting
from forum.conf import forum_settings
from forum.models import Topic
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db


def test_forum_index_lists_categories_with_counts(client, forum, member):
    posting.create_topic(forum.categories["general"], author=member, title="Hola", source="Texto")
    response = client.get(forum.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "General" in html and "Hola" in html
    # Anonymous readers do not see members-only categories at all.
    assert "Miembros" not in html and "Moderacion" not in html


def test_member_sees_members_categories_not_moderators(client, forum, member):
    client.force_login(member)
    html = client.get(forum.url).content.decode()
    assert "Miembros" in html
    assert "Moderacion" not in html


def test_topic_list_puts_pinned_first(client, forum, member, moderator):
    category = forum.categories["general"]
    first = posting.create_topic(category, author=member, title="Primero", source="a")
    posting.create_topic(category, author=member, title="Segundo", source="b")
    from forum import moderation

    moderation.pin_topic(first, by=moderator, reason="")
    html = client.get(category.url).content.decode()
    assert html.index("Primero") < html.index("Segundo")


def test_topic_page_shows_posts_by_position_range(client, forum, member, topic_with_posts):
    topic = topic_with_posts(45)
    client.force_login(member)
    size = forum_settings.POSTS_PER_PAGE
    response = client.get(topic_url(topic, 2))
    html = response.content.decode()
    assert f'id="post-{size + 1}"' in html
    assert f'id="post-{2 * size}"' in html
    assert f'id="post-{size}"' not in html
    assert f'id="post-{2 * size + 1}"' not in html


def test_permalink_redirects_to_the_right_page(client, forum, member, topic_with_posts):
    topic = topic_with_posts(45)
    client.force_login(member)
    category = forum.categories["miembros"]
    response = client.get(category.sub_url("post_at", topic.pk, 42))
    assert response.status_code == 302
    assert response["Location"].endswith("?page=3#post-42")
    post = topic.posts.get(position=42)
    response = client.get(forum.sub_url("post_permalink", post.pk))
    assert response["Location"].endswith("?page=3#post-42")


def test_anonymous_cannot_read_members_topic(client, forum, member):
    topic = posting.create_topic(
        forum.categories["miembros"], author=member, title="Interno", source="Secreto"
    )
    for url in [
        forum.categories["miembros"].url,
        topic_url(topic),
        forum.sub_url("topic_redirect", topic.pk),
        forum.sub_url("post_permalink", topic.last_post_id),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url
        assert b"Secreto" not in response.content
    assert list(Topic.objects.visible_to(None)) == []


def test_signed_in_non_member_is_refused_members_topic(client, forum, member, django_user_model):
    topic = posting.create_topic(
        forum.categories["miembros"], author=member, title="Interno", source="Secreto"
    )
    outsider = django_user_model.objects.create_user("fuera", "fuera@example.org", "x")
    client.force_login(outsider)
    for url in [forum.categories["miembros"].url, topic_url(topic)]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Secreto" not in response.content


def test_moved_topic_url_redirects(client, forum, member, moderator):
    from forum import moderation

    topic = posting.create_topic(forum.categories["general"], author=member, title="T", source="x")
    moderation.move_topic(topic, forum.categories["miembros"], by=moderator, reason="")
    client.force_login(member)
    response = client.get(forum.categories["general"].topic_url(topic))
    assert response.status_code == 302
    assert "/miembros/" in response["Location"]
