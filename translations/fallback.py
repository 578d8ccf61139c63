"""Pages not yet translated: shown in their original language instead of a 404.

``/de/<path of a Spanish page>`` has no German page to route to; it is routed through
the site's home page in the other languages (the default language first) and the page
found there is served, with the interface in German and a notice saying so.
"""

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Site


def _languages_to_try(current: str) -> list[str]:
    codes = [settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)]
    return [code for code in dict.fromkeys(codes) if code != current]


def route_in_other_languages(request, path: str):
    """Wagtail's RouteResult for ``path`` under the home page of another language, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    homes = {
        home.locale.language_code: home
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }
    for code in _languages_to_try(translation.get_language()):
        if code not in homes:
            continue
        try:
            return homes[code].specific.route(request, components)
        except Http404:
            continue
    return None


def fallback_url(page_url: str, page_language: str, language: str) -> str:
    """Where a reader of ``language`` reads the page at ``page_url`` in its own language."""
    with translation.override(page_language):
        return translate_url(page_url, language)
