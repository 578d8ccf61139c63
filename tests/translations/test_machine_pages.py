"""Pages machine-translated in wagtail-localize's editor through the fake DeepL server."""

# ruff: noqa: F811 (fixtures imported from the conftest are parameters here)

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from tests.translations.conftest import (  # noqa: F401
    fake_translation_server,
    fake_translator,
    machine_translation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="editora", email="editora@example.org", password="pw"
    )


@pytest.fixture
def translation_to_german(locales, editor):
    root = Page.get_first_root_node()
    page = root.add_child(
        instance=Page(title="La persona retornada", slug="retorno", locale=locales["es"])
    )
    TranslationCreator(editor, [locales["de"]]).create_translations(page)
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locales["de"]
    )


def machine_translate_url(translation) -> str:
    with override("es"):
        return reverse("wagtail_localize:machine_translate", args=[translation.pk])


def test_an_editor_machine_translates_a_page_through_deepl(
    client, editor, translation_to_german, machine_translation
):
    client.force_login(editor)
    url = machine_translate_url(translation_to_german)
    response = client.post(url)
    assert response.status_code == 302
    strings = StringTranslation.objects.filter(locale=Locale.objects.get(language_code="de"))
    assert {(s.data, s.translation_type, s.tool_name) for s in strings} == {
        ("[de] La Rückkehrende", StringTranslation.TRANSLATION_TYPE_MACHINE, "DeepL"),
        ("[de] retorno", StringTranslation.TRANSLATION_TYPE_MACHINE, "DeepL"),
    }
    translate = machine_translation.calls("/v2/translate")
    assert len(translate) == 1
    assert translate[0].data["glossary_id"].startswith("glossary-")


def test_without_a_translator_the_editor_offers_no_machine_translation(
    client, editor, translation_to_german
):
    client.force_login(editor)
    url = machine_translate_url(translation_to_german)
    response = client.post(url)
    # wagtail-localize answers 404; LocaleMiddleware turns a 404 into its language-prefixed URL.
    assert response.status_code == 404 or response["Location"].endswith(f"/es{url}")
    assert not StringTranslation.objects.exists()
