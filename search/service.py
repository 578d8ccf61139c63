"""Search for a reader: their audiences, the backend's answer, and labels in their language."""

import math

from django.conf import settings
from django.utils.translation import get_language_info

from search import adapters, audiences
from search.backends import get_backend
from search.conf import search_settings
from search.query import FACET_NAMES, SearchQuery, SearchResults

MAX_FILTER_VALUES = 20
MAX_PAGE = 1000


def search(text: str, *, user, language: str, filters=None, page: int = 1) -> SearchResults:
    """The results ``user`` may see for ``text``; raises ``SearchUnavailable``."""
    filters = {
        name: [value[:200] for value in values[:MAX_FILTER_VALUES] if value]
        for name, values in (filters or {}).items()
        if name in FACET_NAMES
    }
    query = SearchQuery(
        text=text,
        language=language,
        filters={name: values for name, values in filters.items() if values},
        audiences=audiences.for_user(user),
        page=min(max(page, 1), MAX_PAGE),
        page_size=search_settings.PAGE_SIZE,
    )
    results = get_backend().search(query)
    keep_most_frequent_facets(results, query)
    label_facets(results, query)
    results.page = query.page
    results.num_pages = max(1, math.ceil(results.total / query.page_size))
    return results


def keep_most_frequent_facets(results: SearchResults, query: SearchQuery) -> None:
    """Leave ``FACET_SIZE`` values per facet (backends give them most frequent first),
    and any value the reader chose."""
    size = search_settings.FACET_SIZE
    for name, counts in results.facets.items():
        selected = set(query.filters.get(name, []))
        results.facets[name] = [
            facet for rank, facet in enumerate(counts) if rank < size or facet.value in selected
        ]


def label_facets(results: SearchResults, query: SearchQuery) -> None:
    """Give each facet value its label in the reader's language and mark the chosen ones."""
    language_names = {code: get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES}
    for name, counts in results.facets.items():
        values = [facet.value for facet in counts]
        if name == "type":
            labels = {value: str(adapters.kind_label(value)) for value in values}
        elif name == "language":
            labels = {value: language_names.get(value, value) for value in values}
        else:
            labels = adapters.facet_labels(name, values, query.language)
        selected = set(query.filters.get(name, []))
        for facet in counts:
            facet.label = labels.get(facet.value) or facet.value
            facet.selected = facet.value in selected
        if name == "year":
            counts.sort(key=lambda facet: facet.value, reverse=True)
    for hit in results.hits:
        hit.kind_label = adapters.kind_label(hit.kind)
        hit.language_name = language_names.get(hit.language, hit.language)


def autocomplete(prefix: str, *, user, language: str):
    return get_backend().autocomplete(
        prefix,
        language=language,
        audiences=audiences.for_user(user),
        limit=search_settings.AUTOCOMPLETE_LIMIT,
    )
