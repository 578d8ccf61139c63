"""Topic and category pages cost a bounded number of queries, whatever the topic's length."""

import pytest

from forum import posting
from forum.models import Attachment, Reaction
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def bare_shell(settings):
    """Render with the bare ``base.html``: these budgets are the forum's own, not the site
    shell's (menus, language switcher), which adds a constant number of queries."""
    from pathlib import Path

    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [Path(settings.BASE_DIR) / "tests" / "bare_templates"]
    settings.TEMPLATES = templates


@pytest.mark.parametrize("page", [1, 50])
def test_topic_page_queries_do_not_grow(
    client, forum, member, other_member, topic_with_posts, django_assert_max_num_queries, page
):
    topic = topic_with_posts(1000)
    Reaction.objects.bulk_create(
        Reaction(post=post, user=other_member) for post in topic.posts.all()[:200]
    )
    Attachment.objects.bulk_create(
        Attachment(post=post, file=f"forum/attachments/x/{n}.pdf", name=f"{n}.pdf", size=10)
        for post in topic.posts.filter(position__gt=980)
        for n in range(3)
    )
    client.force_login(member)
    client.get(topic_url(topic))  # warm the site and locale caches
    with django_assert_max_num_queries(24):
        response = client.get(topic_url(topic, page))
    assert response.status_code == 200
    assert response.content.count(b'<article class="forum-post') == 20
    assert response.content.count(b".pdf</a>") == (60 if page == 50 else 0)


def test_anonymous_topic_page_queries(
    client, forum, topic_with_posts, django_assert_max_num_queries
):
    topic = topic_with_posts(1000, category="general")
    client.get(topic_url(topic))
    with django_assert_max_num_queries(13):
        assert client.get(topic_url(topic, 50)).status_code == 200


def test_category_page_queries_do_not_grow(
    client, forum, member, django_assert_max_num_queries, settings
):
    settings.PUENTE_FORUM_RATE_LIMIT_POSTS = 100
    category = forum.categories["miembros"]
    for n in range(40):
        posting.create_topic(category, author=member, title=f"Tema {n}", source="x")
    client.force_login(member)
    client.get(category.url)
    with django_assert_max_num_queries(18):
        response = client.get(category.url + "?page=2")
    assert response.status_code == 200


def test_forum_index_queries(client, forum, member, django_assert_max_num_queries):
    for slug in forum.categories:
        if slug != "moderacion":
            posting.create_topic(forum.categories[slug], author=member, title=slug, source="x")
    client.force_login(member)
    client.get(forum.url)
    with django_assert_max_num_queries(13):
        assert client.get(forum.url).status_code == 200


def test_last_page_of_long_topic_costs_what_a_short_topic_costs(
    client, forum, member, topic_with_posts, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    short = topic_with_posts(3)
    long = topic_with_posts(1000)
    client.force_login(member)
    client.get(topic_url(short))
    counts = []
    for url in [topic_url(short), topic_url(long, 50)]:
        client.get(url)  # the read state exists from now on in both cases
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1]
