"""Anonymous full-page cache: hits cost no query, never reach members, follow new content."""

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from forum import posting
from home.demo import site
from home.models import StandardPage
from home.page_cache import MIDDLEWARE, AnonymousPageCacheMiddleware
from home.page_invalidation import changes_public_content
from tests.conftest import ensure_wagtail_tree
from tests.forum.conftest import forum, make_user  # noqa: F401 (the forum fixture)


@pytest.fixture(scope="module")
def shell(django_db_setup, django_db_blocker):
    """The demo site shell in es/de/en, built once; each test's changes roll back."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        yield site.build_shell()
        transaction.set_rollback(True)


@pytest.fixture
def demo_home(shell, db):
    return shell


@pytest.fixture
def page_cache(settings):
    """The production middleware order: just inside WhiteNoise."""
    after = settings.MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1
    settings.MIDDLEWARE = [*settings.MIDDLEWARE[:after], MIDDLEWARE, *settings.MIDDLEWARE[after:]]


@pytest.fixture
def public_forum(demo_home, forum):  # noqa: F811
    return forum


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def test_second_anonymous_reader_gets_the_stored_page_without_a_query(
    client, page_cache, demo_home, django_assert_num_queries
):
    first = fetch(client, "/es/")
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = fetch(client, "/es/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert b"csrfmiddlewaretoken" not in second.content


def test_head_is_answered_from_the_stored_get(client, page_cache, demo_home):
    fetch(client, "/es/")
    assert client.head("/es/")["X-Cache"] == "hit"


def test_each_language_and_query_string_is_stored_apart(client, page_cache, demo_home):
    spanish = fetch(client, "/es/")
    german = fetch(client, "/de/")
    assert german["X-Cache"] == "miss"
    assert b'lang="de"' in fetch(client, "/de/").content
    assert fetch(client, "/es/").content == spanish.content
    assert fetch(client, "/es/?page=2&q=a")["X-Cache"] == "miss"
    assert fetch(client, "/es/?q=a&page=2")["X-Cache"] == "hit"
    assert fetch(client, "/es/?q=b&page=2")["X-Cache"] == "miss"


def test_members_never_get_a_stored_page_and_their_pages_are_not_stored(
    client, page_cache, demo_home
):
    fetch(client, "/es/")
    client.force_login(make_user("lector"))
    mine = fetch(client, "/es/")
    assert "X-Cache" not in mine
    assert "Mi red" in mine.content.decode()
    client.logout()
    anonymous = fetch(client, "/es/")
    assert anonymous["X-Cache"] == "hit"
    assert "Mi red" not in anonymous.content.decode()


def test_publishing_a_page_makes_stored_pages_stale(client, page_cache, demo_home):
    fetch(client, "/es/")
    about = demo_home.get_children().live().specific().first()
    about.title = "Quiénes somos <ahora>"
    about.save_revision().publish()
    fresh = fetch(client, "/es/")
    assert fresh["X-Cache"] == "miss"
    assert "Quiénes somos &lt;ahora&gt;" in fresh.content.decode()


def test_a_new_topic_in_a_public_category_shows_at_once(client, page_cache, public_forum):
    url = public_forum.categories["general"].url
    fetch(client, url)
    assert fetch(client, url)["X-Cache"] == "hit"
    author = make_user("autora", perms=["participate"])
    topic = posting.create_topic(
        public_forum.categories["general"], author=author, title="Albergue <b>", source="Hola"
    )
    fresh = fetch(client, url)
    assert fresh["X-Cache"] == "miss"
    assert "Albergue &lt;b&gt;" in fresh.content.decode()
    topic_url = public_forum.categories["general"].topic_url(topic)
    fetch(client, topic_url)
    posting.reply(topic, author=author, source="Una respuesta nueva")
    assert "Una respuesta nueva" in fetch(client, topic_url).content.decode()


def test_forum_posts_leave_pages_without_forum_content_cached(client, page_cache, public_forum):
    about = public_forum.get_parent().get_children().live().type(StandardPage).first()
    category = public_forum.categories["general"]
    for url in (about.url, "/es/", category.url):
        fetch(client, url)
    author = make_user("autora", perms=["participate"])
    topic = posting.create_topic(category, author=author, title="Albergue", source="Hola")
    assert fetch(client, about.url)["X-Cache"] == "hit"
    assert fetch(client, "/es/")["X-Cache"] == "miss"
    assert fetch(client, category.url)["X-Cache"] == "miss"
    posting.reply(topic, author=author, source="Otra respuesta")
    assert fetch(client, about.url)["X-Cache"] == "hit"
    assert fetch(client, category.url)["X-Cache"] == "miss"
    # Any other change retires them too.
    about.specific.save_revision().publish()
    assert fetch(client, about.url)["X-Cache"] == "miss"


def test_members_only_categories_are_not_stored(client, page_cache, public_forum):
    url = public_forum.categories["miembros"].url
    first = client.get(url)
    assert first.status_code != 200
    assert "X-Cache" not in client.get(url)


def test_readers_with_a_session_or_pending_messages_are_served_fresh(client, page_cache, demo_home):
    fetch(client, "/es/")
    client.cookies["messages"] = "pending"
    assert "X-Cache" not in fetch(client, "/es/")
    del client.cookies["messages"]
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "some-session"
    assert "X-Cache" not in fetch(client, "/es/")


@pytest.mark.parametrize(
    "mark",
    [
        lambda response: response.set_cookie("csrftoken", "secret"),
        lambda response: response.__setitem__("Cache-Control", "private"),
        lambda response: response.__setitem__("Vary", "Cookie, User-Agent"),
        lambda response: setattr(response, "status_code", 404),
    ],
    ids=["sets-cookie", "private", "varies-on-user-agent", "not-found"],
)
def test_responses_tied_to_a_person_or_an_error_are_not_stored(db, mark):
    def view(request):
        response = HttpResponse("<p>Hola</p>")
        mark(response)
        return response

    middleware = AnonymousPageCacheMiddleware(view)
    for _attempt in range(2):
        response = middleware(RequestFactory().get("/es/pagina/"))
        assert response.get("X-Cache") != "hit"


def test_reading_markers_do_not_count_as_public_content():
    from forum.models import Post, TopicReadState

    assert changes_public_content(Post, Post())
    assert not changes_public_content(TopicReadState, TopicReadState())
