"""Full-page cache for anonymous readers, invalidated by a site-wide content generation.

A public page is stored per host, path, query string and language the first time an
anonymous reader asks for it, and served from the cache to the next anonymous reader
without touching the database. Every stored page remembers the content generation it
was rendered at; publishing, unpublishing, moving or deleting a page, saving a snippet,
a forum post or an endorsement raises the generation (``home/page_cache_signals.py``),
so every stored page becomes stale at once. One number is coarse, but it cannot miss a
listing, a count or a menu that shows the changed content.

Nothing is stored that could belong to one person: requests with a session or a
messages cookie are neither served nor stored, and a response is stored only when it
is a plain 200 that sets no cookie (a page with a CSRF token sets one, so forms that
post are never cached) and leaves the session empty.

The middleware is switched on in production settings (``config/settings/production.py``)
when a shared cache exists; it sits just inside WhiteNoise so a hit skips sessions,
authentication and the rest.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

MIDDLEWARE = "home.page_cache.AnonymousPageCacheMiddleware"
GENERATION_KEY = "puente:page:generation"
PAGE_KEY = "puente:page:{digest}"
DEFAULT_SECONDS = 10 * 60
# Paths that are never public pages, or whose answer depends on who asks.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/i18n/", "/static/", "/media/")
EXCLUDED_SECTIONS = ("accounts/", "members/")
# Headers a stored response may vary on: the key covers each of them.
KEYED_VARY = {"cookie", "accept", "accept-language", "hx-request", "hx-target", "accept-encoding"}
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def _cache():
    return caches[getattr(settings, "PUENTE_PAGE_CACHE_ALIAS", "default")]


def _seconds() -> int:
    return getattr(settings, "PUENTE_PAGE_CACHE_SECONDS", DEFAULT_SECONDS)


def bump_generation() -> None:
    """Make every stored page stale: now, and again once the current transaction commits.

    The second bump covers a reader who rendered the old content between the first
    bump and the commit.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        _start_generation(cache)


def _start_generation(cache) -> int:
    # Start from the clock, so a generation lost from the cache never comes back to a
    # number that pages stored before the loss still carry.
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(GENERATION_KEY)


def is_cacheable_request(request) -> bool:
    """A GET or HEAD of a public path by a reader without a session or pending messages."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(name in request.COOKIES for name in PRIVATE_COOKIES):
        return False
    path = request.path_info
    if path.startswith(EXCLUDED_PREFIXES):
        return False
    section = path.lstrip("/").partition("/")[2]
    return not section.startswith(EXCLUDED_SECTIONS)


def page_key(request) -> str:
    """The cache key of a request: host, path, sorted query, language, htmx and Accept headers."""
    language = translation.get_language_from_request(request, check_path=True)
    parts = [
        request.get_host(),
        request.path,
        "&".join(sorted(request.META.get("QUERY_STRING", "").split("&"))),
        language,
        request.META.get("HTTP_HX_REQUEST", ""),
        request.META.get("HTTP_HX_TARGET", ""),
        request.META.get("HTTP_ACCEPT", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return PAGE_KEY.format(digest=digest)


def is_cacheable_response(request, response) -> bool:
    """A complete 200 answer that no cookie, session, user or private header ties to a person."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or not session.is_empty()):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    return vary <= KEYED_VARY


def _stored(response, generation: int) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() != "x-cache"]
    return (generation, response.status_code, response.content, headers)


def _restored(entry: tuple) -> HttpResponse:
    _generation, status, content, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; store the ones that may be."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        cache = _cache()
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = _start_generation(cache)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return _restored(entry)
        response = self.get_response(request)
        if request.method == "GET" and is_cacheable_response(request, response):
            cache.set(key, _stored(response, generation), timeout=_seconds())
            response["X-Cache"] = "miss"
        return response
