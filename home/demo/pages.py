"""Helpers that create demo pages once, in Spanish with German and English translations."""

from wagtail.models import Locale, Page


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def ensure_child(parent: Page, page_class, slug: str, **fields) -> Page:
    """The child of ``parent`` with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def ensure_translation(source: Page, language_code: str, **fields) -> Page:
    """The translation of ``source`` into ``language_code``, created and published if missing.

    The source's parent must already be translated (or be the tree root).
    """
    target_locale = locale(language_code)
    existing = source.get_translation_or_none(target_locale)
    if existing:
        return existing.specific
    translation = source.copy_for_translation(target_locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def ensure_translated_child(parent: Page, page_class, slug: str, texts: dict) -> Page:
    """A page in Spanish under ``parent`` with its German and English translations.

    ``texts`` maps a language code to the fields of that language, e.g.
    ``{"es": {"title": ...}, "de": {...}, "en": {...}}``; German and English slugs
    may be given as ``slug`` in their fields.
    """
    source = ensure_child(parent, page_class, slug, **texts["es"])
    for code in ("de", "en"):
        if code in texts:
            ensure_translation(source, code, **texts[code])
    return source
