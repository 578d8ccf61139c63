"""wagtail-localize covers every page type and translatable snippet; syncing from the
source works and translators see what changed."""

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Locale, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from home.demo.pages import ensure_child, publish
from home.models import StandardPage
from tests.translations.pages import html_of, shell_fixture  # noqa: F401

OUR_APPS = {"home", "members", "kb", "forum", "search", "translations"}
# Snippets that are not translated, and why.
NOT_TRANSLATED = {
    "translations.GlossaryEntry": "holds its terms in all three languages",
    "kb.Endorsement": "a fact about an organisation, the same in every language",
}


def _label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def test_every_page_type_is_translatable_by_wagtail_localize():
    pages = [m for m in get_page_models() if m._meta.app_label in OUR_APPS]
    assert len(pages) >= 10
    for model in pages:
        assert issubclass(model, TranslatableMixin), model
        names = {field.field_name for field in get_translatable_fields(model)}
        assert "title" in names and "slug" in names, model


def test_every_snippet_is_translatable_or_says_why_not():
    snippets = {_label(m): m for m in get_snippet_models() if m._meta.app_label in OUR_APPS}
    expected = {"home.Menu", "kb.Theme", "kb.Population", "kb.Region"}
    assert expected <= set(snippets)
    for label, model in snippets.items():
        if label in NOT_TRANSLATED:
            continue
        assert issubclass(model, TranslatableMixin), label
        assert get_translatable_fields(model), label


def test_menus_footer_and_taxonomy_are_translatable_models():
    for label in ("home.Menu", "kb.Theme", "kb.Population", "kb.Region"):
        assert issubclass(apps.get_model(label), TranslatableMixin)


@pytest.fixture
def translated(shell, db, django_capture_on_commit_callbacks):
    """A Spanish page translated into German with wagtail-localize, every string by hand."""
    german = Locale.objects.get(language_code="de")
    source = ensure_child(
        shell["home"],
        StandardPage,
        "sincronizar",
        title="Nuestra red",
        intro="Acompañamos a personas retornadas.",
    )
    TranslationCreator(shell["admin"], [german]).create_translations(source)
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=german
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=german,
            context=segment.context,
            data=f"DE {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=shell["admin"], publish=True)
    return {"source": source, "translation": translation, "german": german, **shell}


def test_sync_from_source_updates_the_translation_and_shows_what_changed(
    translated, django_capture_on_commit_callbacks
):
    source, translation = translated["source"], translated["translation"]
    target = source.get_translation(translated["german"])
    assert target.live and target.title == "DE Nuestra red"
    total, done = translation.get_progress()
    assert done == total

    source.intro = "Acompañamos a personas retornadas y migrantes."
    publish(source)
    assert "möglicherweise veraltet" in html_of(Client(), target.url)

    admin = Client()
    admin.force_login(translated["admin"])
    source_record = TranslationSource.objects.get(object_id=source.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            f"/admin/localize/update/{source_record.pk}/", {"publish_translations": "on"}
        )
    assert response.status_code == 302
    target.refresh_from_db()
    # The unchanged title keeps its translation; the changed introduction waits for one.
    assert target.title == "DE Nuestra red"
    assert target.intro == "Acompañamos a personas retornadas y migrantes."
    assert translation.get_progress() == (total, total - 1)
    untranslated = StringSegment.objects.filter(source=source_record).exclude(
        string__translations__locale=translated["german"]
    )
    assert [s.string.data for s in untranslated] == [
        "Acompañamos a personas retornadas y migrantes."
    ]
    editor = admin.get(f"/admin/pages/{target.pk}/edit/")
    assert editor.status_code == 200
    # The translation editor lists the new source text (in its JSON props) to translate.
    assert "personas retornadas y migrantes." in editor.content.decode()
    assert "veraltet" not in html_of(Client(), target.url)
