"""The network's termbase, read from the admin's glossary snippet, and the glossary check.

The check compares a source segment with its translation: every glossary term found in
the source whose agreed equivalent is missing from the translation is reported, so a
translator sees where a text says "Flüchtling" where the network says "Geflüchtete".
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Page
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from search import text
from translations.models import GlossaryEntry

CACHE_KEY = "puente:glossary:entries"
# Each process keeps the termbase this long at most; saving an entry clears it at once.
CACHE_SECONDS = 300


def entries() -> list[dict[str, list[str]]]:
    """Every concept of the termbase as ``{language: [forms]}``, the preferred form first."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = [entry.forms() for entry in GlossaryEntry.objects.all()]
        cache.set(CACHE_KEY, found, timeout=CACHE_SECONDS)
    return found


def forget(**kwargs) -> None:
    """Signal receiver: the termbase changed."""
    cache.delete(CACHE_KEY)


@dataclass(frozen=True)
class Mismatch:
    """A glossary term of the source whose agreed translation the target lacks."""

    source_term: str
    expected: tuple[str, ...]
    source_text: str
    translated_text: str
    path: str = ""


def _terms(value: str, language: str) -> list[str]:
    return text.index_terms(value, language)


def _contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[start : start + size] == needle for start in range(len(haystack) - size + 1)
    )


def mismatches(
    source_text: str, source_language: str, translated_text: str, target_language: str, *, path=""
) -> list[Mismatch]:
    """Glossary terms in ``source_text`` whose equivalents are all missing in the translation."""
    source_terms = _terms(source_text, source_language)
    target_terms = _terms(translated_text, target_language)
    found = []
    for entry in entries():
        used = next(
            (
                form
                for form in entry.get(source_language, [])
                if _contains(source_terms, _terms(form, source_language))
            ),
            None,
        )
        expected = entry.get(target_language, [])
        if used is None or not expected:
            continue
        if not any(_contains(target_terms, _terms(form, target_language)) for form in expected):
            found.append(Mismatch(used, tuple(expected), source_text, translated_text, path=path))
    return found


def _strings(page: Page) -> dict[str, str]:
    return {
        segment.path: segment.string.render_text()
        for segment in extract_segments(page.specific)
        if isinstance(segment, StringSegmentValue)
    }


def page_mismatches(translation: Page, source: Page) -> list[Mismatch]:
    """Segment by segment, where ``translation`` departs from the glossary used in ``source``."""
    translated = _strings(translation)
    source_language = source.locale.language_code
    target_language = translation.locale.language_code
    found = []
    for path, source_text in _strings(source).items():
        if path in translated:
            found += mismatches(
                source_text, source_language, translated[path], target_language, path=path
            )
    return found
