"""Wagtail's page view, with the original shown where a translation is missing."""

from wagtail.views import serve as wagtail_serve

from home import routing
from translations.fallback import route_in_other_languages


def serve(request, path):
    """Serve the page at ``path``; if this language has none, the page in another language."""
    if routing.route_for_request(request, path) is None:
        # Wagtail's serve view reads the route it caches on the request.
        request._wagtail_route_for_request = route_in_other_languages(request, path)
    return wagtail_serve(request, path)
