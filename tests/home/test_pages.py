"""Page types of the site shell: where they may be created and that they render."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from forum.models import CategoryActivity, CategoryPage, ForumIndexPage, Topic
from home.demo import site
from home.models import HomePage, Menu, StandardPage


class SiteShellPageTypesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site.build()

    def test_home_page_is_created_at_the_tree_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_go_under_the_home_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_every_public_demo_page_renders(self):
        for page in Page.objects.live().public().filter(depth__gt=1).specific():
            if getattr(page, "visibility", "public") != "public":
                continue
            with self.subTest(page=page.url):
                self.assertPageIsRenderable(page)
                # Served through the language-prefixed URL, as a reader reaches it.
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_member_only_forum_categories_send_anonymous_readers_to_login(self):
        moderator = get_user_model().objects.create_user("mod", "mod@example.org", "x")
        moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
        member_only = [
            page
            for page in Page.objects.live().filter(depth__gt=1).specific()
            if getattr(page, "visibility", "public") != "public"
        ]
        self.assertTrue(member_only)
        for page in member_only:
            with self.subTest(page=page.url):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/accounts/login/", response["Location"])
        self.client.force_login(moderator)
        for page in member_only:
            with self.subTest(page=page.url, user="moderator"):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_standard_page_renders_its_body(self):
        page = StandardPage.objects.get(slug="about")
        response = self.client.get(page.url)
        self.assertContains(response, "<h1>About the network</h1>", html=False)
        self.assertContains(response, "156 people from 76 institutions")


@pytest.mark.django_db
def test_demo_content_is_idempotent(client):
    site.build()
    counts = (Page.objects.count(), Menu.objects.count(), Topic.objects.count())
    site.build()
    assert (Page.objects.count(), Menu.objects.count(), Topic.objects.count()) == counts
    assert HomePage.objects.count() == 3
    assert StandardPage.objects.count() == 12  # about, imprint, privacy, internal documents
    internal = StandardPage.objects.get(slug="documentos-internos")
    assert client.get(internal.url).status_code == 302  # to the login
    # The forum demo: four categories and the moderators' own, discussions mostly in
    # Spanish, some in German.
    assert ForumIndexPage.objects.count() == 3
    visibility = CategoryPage.objects.filter(locale__language_code="es").values_list(
        "visibility", flat=True
    )
    assert sorted(visibility) == ["members", "members", "members", "moderators", "public"]
    assert Topic.objects.count() == 8
    assert Topic.objects.filter(language="de").exists()
    general = CategoryPage.objects.get(slug="intercambio-general")
    assert CategoryActivity.objects.get(category=general).topic_count == 2
    assert "Intercambio general" in client.get("/es/foro/").content.decode()
    assert client.get("/de/forum/").status_code == 200
    assert "El Buen Pastor" in client.get(general.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("es", "Página no encontrada"),
        ("de", "Seite nicht gefunden"),
        ("en", "Page not found"),
    ],
)
def test_404_page_is_translated(client, demo_home, code, text):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert f'<html lang="{code}">' in response.content.decode()


@pytest.mark.parametrize(
    ("code", "text"),
    [("es", "Algo salió mal"), ("de", "Etwas ist schiefgelaufen"), ("en", "Something went wrong")],
)
def test_500_page_is_translated(rf, code, text):
    with translation.override(code):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert text in response.content.decode()


@pytest.mark.django_db
def test_menus_come_from_the_admin_in_the_reader_language(client, demo_home):
    german = client.get("/de/").content.decode()
    assert '<a href="/de/ueber-uns/">Über das Netzwerk</a>' in german
    assert '<a href="/de/impressum/">Impressum</a>' in german


@pytest.mark.django_db
def test_a_missing_menu_translation_falls_back_to_spanish(client, demo_home):
    Menu.objects.filter(slot="main", locale__language_code="en").delete()
    english = client.get("/en/").content.decode()
    assert '<a href="/es/acerca-de/">Acerca de la red</a>' in english


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_home_page_lists_latest_content_and_shell_landmarks(client, demo_home):
    html = client.get("/es/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<footer" in html


def test_home_figures_of_the_dialogues_are_computed_from_the_demo_dialogues(demo_home):
    from django.utils import translation

    from home.demo import dialogues

    dialogues.build(demo_home)
    with translation.override("en"):
        figures = {str(f["label"]): f["value"] for f in demo_home.key_figures()}
    assert figures["People in dialogues"] == 156
    assert figures["Institutions in dialogues"] == 76
    assert figures["Dialogues"] == 4
