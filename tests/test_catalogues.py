"""Every catalogue of the project is complete: no untranslated or fuzzy entry in es, de, en."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.management.commands.compile_catalogues import catalogues

CATALOGUES = list(catalogues())


def test_each_language_has_a_catalogue_for_the_site_and_each_plugin():
    found = {(path.relative_to(settings.BASE_DIR).parts[0], path.parts[-3]) for path in CATALOGUES}
    for owner in ["locale", *settings.PUENTE_PLUGIN_APPS]:
        for code, _name in settings.LANGUAGES:
            assert (owner, code) in found


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalogue_is_complete(po_path: Path):
    po = polib.pofile(str(po_path))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len(po.translated_entries()) > 0


def test_compiled_catalogue_translates(settings):
    from django.utils import translation

    with translation.override("de"):
        assert translation.gettext("Skip to main content") == "Zum Hauptinhalt springen"
    with translation.override("es"):
        assert translation.gettext("Page not found") == "Página no encontrada"
