"""Forum fixtures; they use only the plugin set, so they run in the bare project too."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import Locale, Site

from forum import markup, posting
from forum.models import CategoryPage, ForumIndexPage, Post, Topic
from tests.conftest import ensure_wagtail_tree

_numbers = itertools.count(1)


def make_user(username=None, *, perms=(), joined_days_ago=365, **fields):
    username = username or f"user{next(_numbers)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw", **fields
    )
    user.date_joined = timezone.now() - timezone.timedelta(days=joined_days_ago)
    user.save()
    for codename in perms:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="forum", codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def forum(db, locales):
    """A forum index with a public, a members-only, a moderators-only and a Q&A category."""
    ensure_wagtail_tree()
    # Wagtail caches the sites' root paths across tests; other tests move the site root.
    Site.clear_site_root_paths_cache()
    site_root = Site.objects.get(is_default_site=True).root_page
    es = Locale.objects.get(language_code="es")
    index = ForumIndexPage(title="Foro", slug="foro", locale=es)
    site_root.add_child(instance=index)
    index.save_revision().publish()
    categories = {}
    for slug, visibility, is_qa in [
        ("general", "public", False),
        ("miembros", "members", False),
        ("moderacion", "moderators", False),
        ("preguntas", "members", True),
    ]:
        category = CategoryPage(
            title=slug.capitalize(), slug=slug, visibility=visibility, is_qa=is_qa, locale=es
        )
        index.add_child(instance=category)
        category.save_revision().publish()
        categories[slug] = category
    index.categories = categories
    return index


@pytest.fixture
def member(db):
    return make_user("maria", perms=["participate"], first_name="María", last_name="López")


@pytest.fixture
def other_member(db):
    return make_user("jonas", perms=["participate"], first_name="Jonas", last_name="Weber")


@pytest.fixture
def moderator(db):
    return make_user("mod", perms=["moderate"], first_name="Ana", last_name="Mod")


@pytest.fixture
def outsider(db):
    """An account without forum permissions: reads public categories only."""
    return make_user("outsider")


@pytest.fixture
def topic_with_posts(forum, member, other_member):
    """A topic in the members category with ``count`` posts, written with bulk_create."""

    def build(count, category="miembros"):
        topic = posting.create_topic(
            forum.categories[category], author=member, title="Largo", source="Inicio"
        )
        html = markup.render_markdown("Una respuesta **útil**.")
        now = timezone.now()
        Post.objects.bulk_create(
            Post(
                topic=topic,
                position=position,
                author=member if position % 2 else other_member,
                language="es",
                source="Una respuesta **útil**.",
                html=html,
                created_at=now,
            )
            for position in range(2, count + 1)
        )
        Topic.objects.filter(pk=topic.pk).update(last_position=count, reply_count=count - 1)
        topic.refresh_from_db()
        return topic

    return build


def topic_url(topic, page=None):
    category = CategoryPage.objects.get(pk=topic.category_id)
    return category.topic_url(topic, page)
