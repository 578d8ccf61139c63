"""Rebuilding the index (issue #10): documents built in batches, the same as one by one,
in a number of queries that does not grow with the content."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from forum import translation
from forum.models import Post, PostTranslation, Topic
from kb.models import (
    CareModelPage,
    Endorsement,
    GoodPracticePage,
    OrganisationPage,
    PolicyPositionPage,
)
from search import adapters, backends, indexing
from search.models import SearchDocument
from tests.kb import factories

pytestmark = pytest.mark.usefixtures("database_backend")


def add_practice(indexes, terms, number):
    """An organisation and its practice, each in Spanish, German and English."""
    organisation = factories.OrganisationPageFactory(
        parent=indexes["organisations"], themes=[terms["housing"]], regions=[terms["oaxaca"]]
    )
    practice = factories.GoodPracticePageFactory(
        parent=indexes["practices"],
        summary=f"Acogida número {number}.",
        themes=[terms["health"], terms["housing"]],
        populations=[terms["returnees"]],
        regions=[terms["chihuahua"]],
        organisations=[organisation],
    )
    for language in ("de", "en"):
        factories.translate_page(organisation, language)
        factories.translate_page(practice, language, title=f"{practice.title} ({language})")
    return practice


def add_topic(category, author, number, *, replies=2):
    """A topic with its opening post and ``replies``: one hidden, one deleted, the others
    with a German machine translation (and an outdated French one)."""
    now = timezone.now()
    topic = Topic.objects.create(
        category=category.canonical(),
        title=f"Tema {number}",
        author=author,
        language="es",
        last_position=replies + 1,
    )
    for position in range(1, replies + 2):
        post = Post.objects.create(
            topic=topic,
            position=position,
            author=author,
            language="es",
            source=f"Mensaje {position} del tema {number}.",
            html="<p>…</p>",
            is_hidden=position == 3,
            is_deleted=position == 4,
        )
        if position in (1, 2) or position > 4:
            PostTranslation.objects.create(
                post=post,
                language="de",
                source_digest=translation.digest(post),
                status=PostTranslation.Status.DONE,
                source=f"Nachricht {position} zum Thema {number}.",
                translated_at=now,
            )
            PostTranslation.objects.create(
                post=post,
                language="fr",
                source_digest="outdated",
                status=PostTranslation.Status.DONE,
                source="Ancien message.",
                translated_at=now,
            )
    return topic


@pytest.fixture
def site(indexes, terms, forum, member):
    """The knowledge base in three languages, restricted pages, and forum topics in
    public, members-only, moderators-only and unpublished categories."""
    practice = add_practice(indexes, terms, 1)
    add_practice(indexes, terms, 2)
    factories.GoodPracticePageFactory(parent=indexes["practices"], publish=False)  # a draft
    care_model = factories.CareModelPageFactory(
        parent=indexes["care_models"], themes=[terms["health"]]
    )
    factories.translate_page(care_model, "en")
    PageViewRestriction.objects.create(page=care_model, restriction_type=PageViewRestriction.LOGIN)
    position = factories.PolicyPositionPageFactory(
        parent=indexes["positions"], regions=[terms["oaxaca"]]
    )
    factories.translate_page(position, "de")
    factories.endorse(position, practice.organisations.get())
    Endorsement.objects.create(
        position=position,
        organisation=factories.OrganisationPageFactory(parent=indexes["organisations"]),
        decision=Endorsement.Decision.DECLINE,
    )
    restriction = PageViewRestriction.objects.create(
        page=position, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Consejo"))
    for number, slug in enumerate(["general", "miembros", "moderacion", "preguntas"]):
        add_topic(forum.categories[slug], member, number, replies=4)
    forum.categories["preguntas"].unpublish()


def objects_of(model):
    objects = list(model.objects.all())
    return [obj.specific if hasattr(obj, "specific") else obj for obj in objects]


def in_order(documents):
    return sorted(documents, key=lambda document: (document.key, document.language))


@pytest.mark.parametrize(
    "model",
    [GoodPracticePage, CareModelPage, PolicyPositionPage, OrganisationPage, Topic, Post],
)
def test_documents_built_in_a_batch_are_those_built_one_by_one(site, model):
    one_by_one = [document for obj in objects_of(model) for document in indexing.documents_of(obj)]
    assert in_order(indexing.documents_of_many(objects_of(model))) == in_order(one_by_one)
    assert one_by_one  # the fixture gives every model something to index


def test_the_site_fixture_covers_what_the_adapters_index(site):
    documents = [
        document
        for model in [GoodPracticePage, CareModelPage, PolicyPositionPage]
        for document in indexing.documents_of_many(objects_of(model))
    ]
    assert {document.language for document in documents} == {"es", "de", "en"}
    assert {document.audience for document in documents} >= {"public", "login"}
    assert any(document.audience.startswith("groups:") for document in documents)
    assert any(document.facets["organisation"] for document in documents)
    posts = indexing.documents_of_many(objects_of(Post))
    assert {(document.kind, document.audience) for document in posts} >= {
        ("forum_topic", "public"),
        ("forum_topic", "forum:members"),
        ("forum_post", "forum:hidden"),
        ("forum_post", "forum:moderators"),
    }
    assert {(document.language, document.machine_translated) for document in posts} == {
        ("es", False),
        ("de", True),
    }
    assert not any("Mensaje 4 " in document.body for document in posts)  # deleted


def test_rebuild_indexes_what_single_updates_index(site):
    backend = backends.get_backend()
    indexing.rebuild(backend=backend)
    rebuilt = set(SearchDocument.objects.values_list("key", "language", "url", "audience"))
    backend.clear()
    for adapter in adapters.adapters():
        for obj in adapter.queryset():
            indexing.update(obj, with_dependents=False)
    updated = set(SearchDocument.objects.values_list("key", "language", "url", "audience"))
    assert rebuilt == updated
    assert len(rebuilt) == indexing.rebuild(backend=backend)


def test_rebuild_command_is_silent_at_verbosity_0(forum, member):
    add_topic(forum.categories["general"], member, 1)
    out = StringIO()
    call_command("rebuild_search_index", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert SearchDocument.objects.filter(kind="forum_post").exists()


def test_rebuild_reads_three_times_the_content_in_the_same_queries(indexes, terms, forum, member):
    """Documents are built in one batch per model here (``BATCH_SIZE`` objects): the
    queries that read them do not grow with the content. (The backend writes them in
    bulk, ``BATCH_SIZE`` documents at a time.)"""
    PageViewRestriction.objects.create(
        page=indexes["care_models"], restriction_type=PageViewRestriction.LOGIN
    )

    def add(numbers):
        for number in numbers:
            add_practice(indexes, terms, number)
            factories.CareModelPageFactory(parent=indexes["care_models"])
            add_topic(forum.categories["general"], member, number)
            add_topic(forum.categories["miembros"], member, number)

    def build():
        with CaptureQueriesContext(connection) as queries:
            count = len(list(indexing.all_documents()))
        return count, len(queries)

    def build_posts():  # every post, openings and deleted ones included
        posts = list(Post.objects.all())
        with CaptureQueriesContext(connection) as queries:
            count = len(indexing.documents_of_many(posts))
        return count, len(queries)

    add(range(2))
    build()  # caches warmed: content types, the sites' root paths
    documents, queries = build()
    posts = build_posts()
    add(range(2, 6))
    assert build() == (3 * documents, queries)
    assert queries <= 30  # a few per model
    assert build_posts() == (3 * posts[0], posts[1])
