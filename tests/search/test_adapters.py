"""The knowledge base and the forum in the index: published content, kept up to date in
the background, found only by readers who may open it."""

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from forum import moderation, posting
from search import backends, service
from tests.forum.conftest import make_user
from tests.kb import factories

pytestmark = pytest.mark.usefixtures("database_backend")


@pytest.fixture
def background(django_capture_on_commit_callbacks):
    """Run the index updates that signals schedule after the commit."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def find(text, user=None, language="es", **filters):
    return service.search(text, user=user or AnonymousUser(), language=language, filters=filters)


def titles(text, **kwargs):
    return [hit.title for hit in find(text, **kwargs).hits]


@pytest.fixture
def practice(indexes, terms, background):
    with background():
        organisation = factories.OrganisationPageFactory(
            parent=indexes["organisations"],
            title="Albergue El Buen Pastor",
            acronym="ABP",
            themes=[terms["housing"]],
        )
        practice = factories.GoodPracticePageFactory(
            parent=indexes["practices"],
            title="Recepción humanitaria",
            summary="Acogida de personas retornadas en Ciudad Juárez.",
            themes=[terms["health"]],
            populations=[terms["returnees"]],
            regions=[terms["chihuahua"]],
            organisations=[organisation],
        )
    return practice


def test_published_practice_is_found_with_its_facets(practice):
    results = find("retornadas")
    assert [hit.title for hit in results.hits] == ["Recepción humanitaria"]
    assert results.hits[0].url == practice.url
    facets = {name: {f.value: f for f in values} for name, values in results.facets.items()}
    assert facets["theme"]["health"].label == "Salud y apoyo psicosocial"
    assert facets["type"]["good_practice"].count == 1
    assert facets["organisation"][str(practice.organisations.first().translation_key)].label == (
        "ABP"
    )
    assert set(facets["year"]) == {"2020"}


def test_facet_labels_are_in_the_readers_language(practice):
    results = find("retornadas", language="de")
    assert results.facets["theme"][0].label == "Gesundheit und psychosoziale Unterstützung"


def test_facet_labels_follow_a_renamed_theme_and_organisation(practice, terms):
    find("retornadas")
    terms["health"].name = "Salud mental"
    terms["health"].save()
    organisation = practice.organisations.first()
    organisation.acronym = "AEBP"
    organisation.save_revision().publish()
    facets = {
        name: {f.value: f for f in values} for name, values in find("retornadas").facets.items()
    }
    assert facets["theme"]["health"].label == "Salud mental"
    assert facets["organisation"][str(organisation.translation_key)].label == "AEBP"


def test_a_german_reader_finds_the_german_translation(practice, background):
    with background():
        factories.translate_page(practice, "de", title="Humanitäre Aufnahme")
    results = find("Ciudad Juárez", language="de")
    assert [(hit.title, hit.language) for hit in results.hits] == [("Humanitäre Aufnahme", "de")]
    assert [hit.language for hit in find("Ciudad Juárez", language="es").hits] == ["es"]


def test_organisations_are_offered_by_the_autocomplete(practice):
    suggestions = service.autocomplete("alber", user=AnonymousUser(), language="es")
    assert [s.title for s in suggestions] == ["Albergue El Buen Pastor"]


def test_unpublished_page_leaves_the_index(practice, background):
    with background():
        practice.unpublish()
    assert find("retornadas").total == 0


def test_changes_are_indexed_when_published(practice, background):
    practice.summary = "Talleres de carpintería."
    with background():
        practice.save_revision()
    assert find("carpintería").total == 0  # a draft is not found
    with background():
        practice.get_latest_revision().publish()
    assert titles("carpintería") == ["Recepción humanitaria"]


def test_deleted_page_leaves_the_index(practice, background):
    with background():
        practice.delete()
    assert find("retornadas").total == 0


def test_private_page_is_found_only_by_who_may_open_it(practice, background):
    with background():
        PageViewRestriction.objects.create(
            page=practice, restriction_type=PageViewRestriction.LOGIN
        )
    assert find("retornadas").total == 0
    assert "health" not in {f.value for f in find("retornadas").facets.get("theme", [])}
    assert titles("retornadas", user=make_user()) == ["Recepción humanitaria"]


def test_page_restricted_to_groups(practice, background):
    from django.contrib.auth.models import Group

    staff = Group.objects.create(name="Coordinación")
    with background():
        restriction = PageViewRestriction.objects.create(
            page=practice, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(staff)
    outsider, insider = make_user(), make_user()
    insider.groups.add(staff)
    assert find("retornadas", user=outsider).total == 0
    assert find("retornadas", user=insider).total == 1


@pytest.fixture
def topics(forum, member, background):
    with background():
        public = posting.create_topic(
            forum.categories["general"],
            author=member,
            title="Vivienda temporal",
            source="¿Quién conoce albergues para personas retornadas?",
            language="es",
        )
        members = posting.create_topic(
            forum.categories["miembros"],
            author=member,
            title="Casos difíciles",
            source="Un caso de vivienda confidencial.",
            language="es",
        )
    return {"public": public, "members": members}


def test_forum_topics_follow_category_visibility(topics, member, moderator):
    anonymous = find("vivienda")
    assert [hit.title for hit in anonymous.hits] == ["Vivienda temporal"]
    assert {f.value: f.count for f in anonymous.facets["type"]} == {"forum_topic": 1}
    assert sorted(titles("vivienda", user=member)) == ["Casos difíciles", "Vivienda temporal"]
    assert titles("vivienda", user=make_user()) == ["Vivienda temporal"]
    assert len(titles("vivienda", user=moderator)) == 2


def test_replies_are_indexed_and_hidden_posts_are_for_moderators(
    topics, member, other_member, moderator, background
):
    with background():
        post = posting.reply(topics["public"], author=other_member, source="Recomiendo Tijuana.")
    assert titles("Tijuana") == ["Vivienda temporal"]
    assert find("Tijuana").hits[0].kind == "forum_post"
    with background():
        moderation.hide_post(post, by=moderator, reason="spam")
    assert find("Tijuana").total == 0
    assert find("Tijuana", user=member).total == 0
    assert find("Tijuana", user=moderator).total == 1
    with background():
        moderation.unhide_post(post, by=moderator)
    assert find("Tijuana").total == 1


def test_edited_and_deleted_posts(topics, other_member, background):
    with background():
        post = posting.reply(topics["public"], author=other_member, source="Recomiendo Tijuana.")
    with background():
        posting.edit_post(post, by=other_member, source="Recomiendo Mexicali.")
    assert find("Tijuana").total == 0
    assert find("Mexicali").total == 1
    with background():
        posting.delete_post(post, by=other_member)
    assert find("Mexicali").total == 0


def test_moving_a_topic_changes_who_finds_it(topics, forum, moderator, background):
    with background():
        moderation.move_topic(topics["public"], forum.categories["miembros"], by=moderator)
    assert find("albergues").total == 0


def test_split_and_merged_posts_are_found_where_they_are_now(
    topics, member, other_member, moderator, background
):
    with background():
        posting.reply(topics["public"], author=other_member, source="Recomiendo Tijuana.")
        posting.reply(topics["public"], author=member, source="Gracias por Tijuana.")
    with background():
        split = moderation.split_topic(
            topics["public"], [2, 3], title="Albergues en Tijuana", by=moderator
        )
    hits = find("Tijuana").hits
    assert sorted((hit.title, hit.kind) for hit in hits) == [
        ("Albergues en Tijuana", "forum_post"),
        ("Albergues en Tijuana", "forum_topic"),
    ]
    with background():
        moderation.merge_topics(split, topics["public"], by=moderator)
    hits = find("Tijuana").hits
    assert sorted((hit.title, hit.kind) for hit in hits) == [
        ("Vivienda temporal", "forum_post"),
        ("Vivienda temporal", "forum_post"),
    ]


def test_category_visibility_change_reindexes_its_topics(topics, forum, background):
    category = forum.categories["general"]
    category.visibility = "members"
    with background():
        category.save_revision().publish()
    assert find("albergues").total == 0


def test_rebuild_command_indexes_everything_and_reports_progress(practice, topics):
    backends.get_backend().clear()
    assert find("retornadas").total == 0
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "documents indexed" in out.getvalue()
    assert "Indexed 4 documents" in out.getvalue()
    assert find("retornadas").total == 2  # the practice and the public topic
