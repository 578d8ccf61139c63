"""Every catalogue of the project is complete: no untranslated or fuzzy entry in es, de, en,
and no text in a template that is not marked for translation."""

import ast
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

from home.management.commands.compile_catalogues import catalogues

CATALOGUES = list(catalogues())

# Text that is the same in every language.
ALLOWED_TEXT = {"Puente"}
# Attributes a reader sees or hears.
READABLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}
# Template tags whose content is translated, or never shown, up to their end tag.
SKIPPED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
    "verbatim": "endverbatim",
}


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


# Template strings not marked for translation -------------------------------------------


def _template_paths():
    apps = [*settings.PUENTE_SITE_APPS, *settings.PUENTE_PLUGIN_APPS]
    for app in apps:
        folder = settings.BASE_DIR / app / "templates"
        yield from sorted(folder.rglob("*.html"))
        # Plain-text emails; other .txt files (security.txt) follow a fixed English format.
        yield from sorted(folder.rglob("email/*.txt"))


def _text_outside_translation(source: str) -> str:
    """The template's literal text, without tags, variables and what is translated.

    ``{% block body_class %}`` and other ``*class`` blocks hold CSS class names.
    """
    kept, until = [], None
    for token in Lexer(source).tokenize():
        words = token.contents.split()
        name = words[0] if token.token_type == TokenType.BLOCK and words else ""
        if until:
            until = None if name == until else until
        elif name in SKIPPED_BLOCKS:
            until = SKIPPED_BLOCKS[name]
        elif name == "block" and len(words) > 1 and words[1].endswith("class"):
            until = "endblock"
        elif token.token_type == TokenType.TEXT:
            kept.append(token.contents)
    return "".join(kept)


def _has_words(text: str) -> bool:
    for allowed in ALLOWED_TEXT:
        text = text.replace(allowed, "")
    return any(unicodedata.category(char).startswith("L") for char in text)


class _ReadableText(HTMLParser):
    """Text nodes and readable attributes, outside <script> and <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._raw = 0

    def handle_starttag(self, tag, attrs):
        self._raw += tag in ("script", "style")
        for name, value in attrs:
            if name in READABLE_ATTRIBUTES and value and _has_words(value):
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag):
        self._raw -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._raw and _has_words(data):
            self.found.append(" ".join(data.split()))


def untranslated_text(source: str, *, html: bool = True) -> list[str]:
    """Text in a template that a reader would see untranslated."""
    text = _text_outside_translation(source)
    if not html:
        return [" ".join(line.split()) for line in text.splitlines() if _has_words(line)]
    parser = _ReadableText()
    parser.feed(text)
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "template", list(_template_paths()), ids=lambda p: str(p.relative_to(settings.BASE_DIR))
)
def test_template_text_is_marked_for_translation(template: Path):
    assert untranslated_text(template.read_text(), html=template.suffix == ".html") == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("<p>Hello {{ name }}</p>", ["Hello"]),
        ('<input placeholder="Search">', ['<input placeholder="Search">']),
        ('<a title="{{ t }}" href="/">{% translate "Home" %}</a>', []),
        ("{% blocktranslate %}Hi {{ x }}{% endblocktranslate %} · 3 — {{ n }}", []),
        ("{% comment %}Notes{% endcomment %}<script>var a = 'b';</script>", []),
        ('<body class="{% block body_class %}page-home{% endblock %}">Puente', []),
        ('<li{% if x %} class="is-changed"{% endif %}>Änderung</li>', ["Änderung"]),
    ],
)
def test_the_template_check_finds_unmarked_text(source, found):
    assert untranslated_text(source) == found


def test_the_template_check_reads_plain_text_emails():
    source = '{% translate "Hi," %}\nRead: {{ url }}\n{% blocktranslate %}Ok{% endblocktranslate %}'
    assert untranslated_text(source, html=False) == ["Read:"]


# Marked strings missing from their catalogue ---------------------------------------------

# gettext function -> (position of the context or None, position of the message)
GETTEXT_CALLS = {
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}
# How makemessages reads a template: templatize() turns it into gettext calls.
TEMPLATIZED_CALL = re.compile(r"\bn?p?gettext\((?:[^()]|\([^()]*\))*\)", re.S)


def _marked_in_python(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = getattr(func, "id", None) or getattr(func, "attr", None)
        if name not in GETTEXT_CALLS:
            continue
        context_at, message_at = GETTEXT_CALLS[name]
        values = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        if len(values) > message_at and isinstance(values[message_at], str):
            context = values[context_at] if context_at is not None else None
            yield f"{path.name}:{node.lineno}", context, values[message_at]


def _marked_in_template(path: Path):
    for call in TEMPLATIZED_CALL.findall(templatize(path.read_text(), origin=str(path))):
        node = ast.parse(call.strip(), mode="eval").body
        values = [a.value for a in node.args if isinstance(a, ast.Constant)]
        has_context = node.func.id.startswith(("pgettext", "npgettext"))
        yield path.name, values[0] if has_context else None, values[1 if has_context else 0]


def marked_strings(app: str):
    """(where, context, msgid) of every string marked in ``app``'s code and templates."""
    folder = settings.BASE_DIR / app
    for path in sorted(folder.rglob("*.py")):
        if "migrations" not in path.parts:
            yield from _marked_in_python(path)
    for path in sorted((folder / "templates").rglob("*.html")):
        yield from _marked_in_template(path)
    for path in sorted((folder / "templates").rglob("email/*.txt")):
        yield from _marked_in_template(path)


@pytest.mark.parametrize("app", [*settings.PUENTE_SITE_APPS, *settings.PUENTE_PLUGIN_APPS])
def test_every_marked_string_is_translated_in_its_catalogue(app):
    """A site app's strings live in locale/, a plugin's in its own <app>/locale/."""
    folder = settings.BASE_DIR / (app if app in settings.PUENTE_PLUGIN_APPS else "") / "locale"
    missing = []
    for code, _name in settings.LANGUAGES:
        po = polib.pofile(str(folder / code / "LC_MESSAGES" / "django.po"))
        known = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
        for where, context, msgid in marked_strings(app):
            entry = known.get((context, msgid))
            if entry is None or not (entry.msgstr or any(entry.msgstr_plural.values())):
                missing.append(f"{code} {where}: {msgid!r}")
    assert missing == []
