"""Page types of the knowledge base: where they go, and that they render in every language."""

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from kb.models import (
    CareModelIndexPage,
    CareModelPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    OrganisationIndexPage,
    OrganisationPage,
    PolicyPositionIndexPage,
    PolicyPositionPage,
)
from tests.kb import factories

PAIRS = [
    (OrganisationPage, OrganisationIndexPage),
    (GoodPracticePage, GoodPracticeIndexPage),
    (CareModelPage, CareModelIndexPage),
    (PolicyPositionPage, PolicyPositionIndexPage),
]


class KnowledgePageTypesTest(WagtailPageTestCase):
    def test_each_page_type_is_created_only_under_its_index(self):
        for page_class, index_class in PAIRS:
            with self.subTest(page=page_class.__name__):
                self.assertAllowedParentPageTypes(page_class, {index_class})
                self.assertAllowedSubpageTypes(index_class, {page_class})
                self.assertCanNotCreateAt(Page, page_class)
                for _other, other_index in PAIRS:
                    if other_index is not index_class:
                        self.assertCanNotCreateAt(other_index, page_class)

    def test_index_pages_can_go_under_a_site_page(self):
        for _page_class, index_class in PAIRS:
            self.assertCanCreateAt(Page, index_class)


@pytest.fixture
def content(indexes, terms):
    organisation = factories.OrganisationPageFactory(
        parent=indexes["organisations"],
        title="Albergue El Buen Pastor",
        themes=[terms["housing"]],
        regions=[terms["chihuahua"]],
    )
    practice = factories.GoodPracticePageFactory(
        parent=indexes["practices"],
        title="Recepción humanitaria",
        themes=[terms["health"]],
        populations=[terms["returnees"]],
        regions=[terms["chihuahua"]],
        organisations=[organisation],
        tags=["albergue"],
    )
    care_model = factories.CareModelPageFactory(
        parent=indexes["care_models"],
        themes=[terms["health"]],
        organisations=[organisation],
    )
    position = factories.PolicyPositionPageFactory(
        parent=indexes["positions"],
        themes=[terms["health"]],
        populations=[terms["returnees"]],
        related_practices=[practice],
    )
    factories.endorse(position, organisation)
    return {
        "organisation": organisation,
        "practice": practice,
        "care_model": care_model,
        "position": position,
    }


THEME_NAMES = {
    "es": "Salud y apoyo psicosocial",
    "de": "Gesundheit und psychosoziale Unterstützung",
    "en": "Health and psychosocial support",
}
POPULATION_NAMES = {"es": "Personas retornadas", "de": "Rückkehrende", "en": "Returnees"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["practice", "care_model", "position"])
@pytest.mark.parametrize("code", ["es", "de", "en"])
def test_page_renders_in_each_language_with_its_taxonomy_in_that_language(
    client, content, kind, code
):
    page = content[kind]
    if code != "es":
        page = factories.translate_page(page, code)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{code}"' in html
    assert THEME_NAMES[code] in html
    for other, name in THEME_NAMES.items():
        if other != code:
            assert name not in html


@pytest.mark.django_db
def test_practice_shows_at_a_glance_results_and_its_organisation(client, content):
    html = client.get(content["practice"].url).content.decode()
    assert 'class="kb-glance"' in html
    assert "Albergue El Buen Pastor" in html
    assert "Personas atendidas" in html and "120" in html
    assert POPULATION_NAMES["es"] in html
    assert "albergue" in html


@pytest.mark.django_db
def test_organisation_lists_its_practices_care_models_and_endorsed_positions(client, content):
    html = client.get(content["organisation"].url).content.decode()
    for kind in ("practice", "care_model", "position"):
        assert content[kind].title in html


MORE_PRACTICES = {
    "es": "Las 2 buenas prácticas",
    "de": "Alle 2 Beispiele guter Praxis",
    "en": "All 2 good practices",
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["es", "de", "en"])
def test_organisation_lists_its_first_practices_and_links_to_all_of_them(
    client, content, indexes, settings, code
):
    settings.PUENTE_KB_ORGANISATION_WORK_LIMIT = 1
    organisation = content["organisation"]
    practices = [
        content["practice"],
        factories.GoodPracticePageFactory(
            parent=indexes["practices"], title="Comedor comunitario", organisations=[organisation]
        ),
    ]
    listing = indexes["practices"]
    if code != "es":
        organisation = factories.translate_page(organisation, code)
        practices = [factories.translate_page(practice, code) for practice in practices]
        listing = listing.get_translation(organisation.locale)
    html = client.get(organisation.url).content.decode()
    section = html.split('id="practices-heading"')[1].split("</section>")[0]
    assert sum(practice.title in section for practice in practices) == 1
    all_of_them = f"{listing.url}?organisation={organisation.slug}"
    assert f'<a href="{all_of_them}">{MORE_PRACTICES[code]}</a>' in html
    # One care model and one position: nothing more to link to.
    assert html.count("?organisation=") == 1
    listed = client.get(all_of_them).content.decode()
    assert all(practice.title in listed for practice in practices)


@pytest.mark.django_db
def test_care_model_renders_its_phases_as_numbered_steps(client, content):
    html = client.get(content["care_model"].url).content.decode()
    assert html.count('class="kb-flow__step"') == 2
    assert "Recepción" in html and "COMAR" in html


@pytest.mark.django_db
def test_position_lists_recommendations_endorsements_and_prints(client, content):
    html = client.get(content["position"].url).content.decode()
    assert "Instituto Nacional de Migración" in html
    assert "Albergue El Buen Pastor" in html
    if "kb/css/kb.css" in html:  # the host's base.html offers the extra_head block
        assert 'media="print"' in html and "kb-print.css" in html


@pytest.mark.django_db
def test_related_content_shares_themes_and_organisation(client, content):
    html = client.get(content["practice"].url).content.decode()
    # Same theme (health) and the same organisation's other pages.
    assert content["care_model"].title in html
    assert content["position"].title in html


@pytest.mark.django_db
def test_translated_page_links_organisation_in_the_readers_language(client, content):
    factories.translate_page(content["organisation"], "de", title="Herberge El Buen Pastor")
    practice_de = factories.translate_page(content["practice"], "de")
    html = client.get(practice_de.url).content.decode()
    assert "Herberge El Buen Pastor" in html


@pytest.mark.django_db
def test_preview_shows_the_draft_taxonomy_and_tags(rf, content, terms):
    """A preview's choices live in memory: taxonomy and tags still show, read from them."""
    from django.contrib.auth.models import AnonymousUser

    page = content["practice"]
    page.tags.add("borrador")
    page.save_revision()
    draft = page.get_latest_revision_as_object()
    assert "borrador" in [tag.name for tag in draft.localized_tags]
    assert THEME_NAMES["es"] in [theme.name for theme in draft.localized_themes]
    request = rf.get("/")
    request.user = AnonymousUser()
    html = draft.make_preview_request(request).content.decode()
    assert "borrador" in html


@pytest.mark.django_db
def test_a_served_page_shows_a_publication_and_a_restriction_at_once(client, indexes):
    # Served pages come from the cache (kb/content_version.py), which both changes retire.
    page = factories.GoodPracticePageFactory(parent=indexes["practices"], title="Antes")
    assert "Antes" in client.get(page.url).content.decode()
    page.title = "Después"
    page.save_revision().publish()
    assert "Después" in client.get(page.url).content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get(page.url).status_code == 302


@pytest.mark.django_db
def test_a_position_lists_its_endorsers_in_the_readers_language_as_they_sign(
    client, content, indexes
):
    position, organisation = content["position"], content["organisation"]
    factories.translate_page(organisation, "de", title="Herberge (de)")
    german = factories.translate_page(position, "de")
    assert "Herberge (de)" in client.get(german.url).content.decode()
    other = factories.OrganisationPageFactory(parent=indexes["organisations"], title="Otra OSC")
    assert "Otra OSC" not in client.get(position.url).content.decode()
    factories.endorse(position, other)
    html = client.get(position.url).content.decode()
    assert organisation.title in html and "Otra OSC" in html
