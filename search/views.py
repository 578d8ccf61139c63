"""The search page and the header box's autocomplete."""

import logging
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from search import service
from search.backends.base import SearchUnavailable
from search.query import CONTROL, FACET_NAMES, MAX_QUERY_LENGTH

logger = logging.getLogger(__name__)


def _text(value: str) -> str:
    return CONTROL.sub(" ", value or "")[: MAX_QUERY_LENGTH * 2]


def _page(value: str) -> int:
    try:
        return max(1, min(int(value), service.MAX_PAGE))
    except (TypeError, ValueError):
        return 1


def _url(text: str, filters: dict, **changes) -> str:
    params = [("q", text)] if text else []
    for name in FACET_NAMES:
        params.extend((name, value) for value in filters.get(name, []))
    for key, value in changes.items():
        params.append((key, value))
    return "?" + urlencode(params)


def _toggle(filters: dict, name: str, value: str) -> dict:
    chosen = list(filters.get(name, []))
    chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
    return {**filters, name: chosen}


@require_GET
def search(request):
    text = _text(request.GET.get("q", "")).strip()
    filters = {
        name: [_text(value) for value in request.GET.getlist(name) if value.strip()]
        for name in FACET_NAMES
    }
    filters = {name: values for name, values in filters.items() if values}
    page = _page(request.GET.get("page"))
    context = {"query": text, "filters": filters, "results": None}
    try:
        results = service.search(
            text, user=request.user, language=get_language(), filters=filters, page=page
        )
    except SearchUnavailable:
        logger.warning("search unavailable", exc_info=True)
        return render(request, "search/unavailable.html", context, status=503)
    for name, counts in results.facets.items():
        for facet in counts:
            facet.url = _url(text, _toggle(filters, name, facet.value))
    facet_groups = [
        (name, results.facets[name]) for name in FACET_NAMES if results.facets.get(name)
    ]
    context.update(
        {
            "results": results,
            "facet_groups": facet_groups,
            # Shown again above the results, where a phone shows no filter column.
            "chosen_facets": [
                facet for _name, counts in facet_groups for facet in counts if facet.selected
            ],
            "previous_url": _url(text, filters, page=page - 1) if page > 1 else None,
            "next_url": _url(text, filters, page=page + 1) if page < results.num_pages else None,
            "clear_filters_url": _url(text, {}) if filters else None,
            "suggestion_url": _url(results.suggestion, {}) if results.suggestion else None,
        }
    )
    if request.htmx:
        return render(request, "search/includes/results.html", context)
    return render(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    prefix = _text(request.GET.get("q", "")).strip()
    if len(prefix) < 2:
        return JsonResponse({"results": []})
    try:
        suggestions = service.autocomplete(prefix, user=request.user, language=get_language())
    except SearchUnavailable:
        return JsonResponse({"results": [], "unavailable": True}, status=503)
    return JsonResponse(
        {
            "results": [
                {
                    "title": s.title,
                    "url": s.url,
                    "type": str(service.adapters.kind_label(s.kind)),
                    "language": s.language,
                }
                for s in suggestions
            ]
        }
    )
