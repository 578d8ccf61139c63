"""Helpers for adapters of Wagtail pages: a live page's document and its text."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from search import audiences
from search.adapters import key_for
from search.documents import IndexDocument


def clean_text(value) -> str:
    return " ".join(strip_tags(str(value)).split())


def searchable_text(page: Page, *, exclude=("title",)) -> str:
    """The text of the page's Wagtail ``search_fields``, as plain text."""
    parts = []
    for search_field in page.search_fields:
        if not isinstance(search_field, index.SearchField):
            continue
        name = search_field.field_name
        if name in exclude:
            continue
        value = getattr(page, name, None)
        if value in (None, ""):
            continue
        try:
            field = page._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if field is not None and hasattr(field, "get_searchable_content"):
            values = field.get_searchable_content(value)
        else:
            values = [value]
        parts.extend(text for text in map(clean_text, values) if text)
    return "\n".join(dict.fromkeys(parts))


def page_document(
    page: Page, *, kind: str, body: str, audience: str | None = None, **fields
) -> IndexDocument | None:
    """The document of ``page`` if it is live and routable, else None.

    ``audience`` is found from the page's view restrictions unless given (a batch passes
    what ``audiences.for_pages`` found).
    """
    if not page.live:
        return None
    url = page.get_url()
    if not url:
        return None
    date = fields.pop("date", None)
    if date is None:
        published = page.first_published_at or page.last_published_at
        date = published.date() if published else None
    return IndexDocument(
        key=key_for(page),
        kind=kind,
        language=page.locale.language_code,
        title=page.title,
        body=body,
        url=url,
        date=date,
        group=f"page:{page.translation_key}",
        audience=audiences.for_page(page) if audience is None else audience,
        **fields,
    )
