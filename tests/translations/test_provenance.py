"""Readers see what kind of translation they read; editors record it in the admin."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from home.demo.pages import ensure_child, publish
from home.models import StandardPage
from tests.translations.pages import html_of, shell_fixture  # noqa: F401
from translations import provenance
from translations.models import Provenance

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def about(shell, db):
    return {
        code: shell["about"].get_translation(Locale.objects.get(language_code=code))
        for code in ("es", "de", "en")
    }


def test_publishing_a_translation_records_it_and_its_original(about):
    for code in ("de", "en"):
        record = Provenance.objects.get(page=about[code])
        assert record.source_page_id == about["es"].pk
        assert record.status == Provenance.Status.TRANSLATED
    assert not Provenance.objects.filter(page=about["es"]).exists()


def test_translations_published_before_provenance_existed_are_recorded(about):
    record = importlib.import_module("translations.migrations.0003_record_existing_translations")
    Provenance.objects.all().delete()
    record.record(django_apps, None)
    assert Provenance.objects.get(page=about["de"]).source_page_id == about["es"].pk
    assert not Provenance.objects.filter(page=about["es"]).exists()


@pytest.mark.parametrize(
    ("url", "label", "link"),
    [
        ("/de/ueber-uns/", "Übersetzung aus dem Spanischen", "Original ansehen"),
        ("/en/about/", "Translation from Spanish", "see original"),
    ],
)
def test_a_translation_says_where_it_comes_from(client, about, url, label, link):
    html = html_of(client, url)
    assert label in html
    assert f'<a href="/es/acerca-de/" hreflang="es">{link}</a>' in html


def test_an_original_carries_no_translation_label(client, about):
    html = html_of(client, "/es/acerca-de/")
    assert "reader-notice" not in html


@pytest.mark.parametrize(
    ("code", "url", "expected"),
    [
        ("de", "/de/ueber-uns/", "aus dem Spanischen geprüft von Ana Pérez am 3. März 2026"),
        ("en", "/en/about/", "from Spanish reviewed by Ana Pérez on March 3, 2026"),
    ],
)
def test_a_reviewed_translation_names_its_reviewer_and_date_in_the_readers_format(
    client, shell, about, code, url, expected
):
    record = provenance.mark_reviewed(about[code], by=shell["admin"])
    reviewed = timezone.make_aware(datetime.datetime(2026, 3, 3, 12))
    Provenance.objects.filter(pk=record.pk).update(reviewed_at=reviewed)
    assert expected in html_of(client, url)


def test_an_official_version_says_so(client, shell, about):
    provenance.set_status(about["de"], Provenance.Status.OFFICIAL, by=shell["admin"])
    html = html_of(client, "/de/ueber-uns/")
    assert "Offizielle Fassung" in html
    assert "Übersetzung aus dem Spanischen" not in html


def test_a_reviewer_name_is_escaped(client, shell, about):
    shell["admin"].first_name = "<script>alert(1)</script>"
    shell["admin"].save()
    provenance.mark_reviewed(about["en"], by=shell["admin"])
    html = html_of(client, "/en/about/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_translation_older_than_its_original_may_be_out_of_date(client, about):
    publish(about["es"])
    html = html_of(client, "/de/ueber-uns/")
    assert "Diese Übersetzung ist möglicherweise veraltet" in html
    publish(about["de"])
    assert "veraltet" not in html_of(client, "/de/ueber-uns/")


def test_the_label_costs_one_query_then_none(client, about, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/ueber-uns/")
    assert response.status_code == 200
    assert len([q for q in queries if "translations_provenance" in q["sql"]]) == 1
    # Cached with the page's other translations until a page or a provenance changes.
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/ueber-uns/")
    assert not [q for q in queries if "translations_provenance" in q["sql"]]
    with django_assert_max_num_queries(12):
        client.get("/de/ueber-uns/")


def test_a_changed_status_shows_at_once(client, shell, about):
    assert "Offizielle Fassung" not in html_of(client, "/de/ueber-uns/")
    provenance.set_status(about["de"], Provenance.Status.OFFICIAL, by=shell["admin"])
    assert "Offizielle Fassung" in html_of(client, "/de/ueber-uns/")


def test_machine_translation_with_wagtail_localize_is_labelled(
    client, shell, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    english = Locale.objects.get(language_code="en")
    source = publish(ensure_child(shell["home"], StandardPage, "maquina", title="Red de diálogo"))
    TranslationCreator(shell["admin"], [english]).create_translations(source)
    translation = Translation.objects.get(source__object_id=source.translation_key)
    admin = Client()
    admin.force_login(shell["admin"])
    response = admin.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
    assert response.status_code == 302
    target = source.get_translation(english)
    assert Provenance.objects.get(page=target).status == Provenance.Status.MACHINE
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(user=shell["admin"], publish=True)
    target.refresh_from_db()
    html = html_of(client, target.url)
    assert "Machine translation from Spanish" in html
    assert 'href="/es/maquina/"' in html
    # Reviewed afterwards: the label changes, and a new machine translation resets it.
    provenance.mark_reviewed(target, by=shell["admin"])
    assert "reviewed by Ana Pérez" in html_of(client, target.url)
    provenance.mark_machine_translated(target.translation_key, target.locale_id)
    assert "Machine translation from Spanish" in html_of(client, target.url)


# Admin: the status is editable -------------------------------------------------------


def test_an_editor_marks_a_translation_reviewed_in_the_admin(shell, about):
    admin = Client()
    admin.force_login(shell["admin"])
    url = f"/admin/translations/status/{about['de'].pk}/"
    assert admin.get(url).status_code == 200
    response = admin.post(url, {"status": "reviewed"})
    assert response.status_code == 302
    record = Provenance.objects.get(page=about["de"])
    assert (record.status, record.reviewed_by) == ("reviewed", shell["admin"])
    assert record.reviewed_at is not None
    listing = admin.get("/admin/translations/status/").content.decode()
    assert "Ana Pérez" in listing
    menu = admin.get("/admin/").content.decode()  # the Reports menu, in the sidebar's data
    assert "/admin/translations/status/" in menu
    assert "/admin/translations/glossary-check/" in menu


def test_the_edit_view_offers_the_translation_status_button(shell, about):
    admin = Client()
    admin.force_login(shell["admin"])
    html = admin.get(f"/admin/pages/{about['de'].pk}/edit/").content.decode()
    assert f"/admin/translations/status/{about['de'].pk}/" in html


def test_a_bad_status_is_refused_with_a_translated_message(shell, about):
    admin = Client()
    admin.force_login(shell["admin"])
    shell["admin"].preferred_language = "de"
    response = admin.post(
        f"/admin/translations/status/{about['de'].pk}/",
        {"status": "<b>nonsense</b>"},
        headers={"accept-language": "de"},
    )
    assert response.status_code == 400
    assert "Wählen Sie einen der aufgeführten Status." in response.content.decode()
    assert "<b>nonsense</b>" not in response.content.decode()
    assert Provenance.objects.get(page=about["de"]).status == "translated"


def test_someone_who_cannot_edit_the_page_cannot_change_its_status(shell, about):
    with pytest.raises(Exception) as refused:
        provenance.mark_reviewed(about["de"], by=shell["reader"])
    assert refused.type.__name__ == "PermissionDenied"


def test_an_original_has_no_status_to_edit(shell, about):
    admin = Client()
    admin.force_login(shell["admin"])
    response = admin.get(f"/admin/translations/status/{about['es'].pk}/", follow=True)
    assert response.status_code == 404
