"""Full-page cache for anonymous readers, invalidated by site-wide generation numbers.

A public page is stored per host, path, query string and language the first time an
anonymous reader asks for it, and served from the cache to the next anonymous reader
without touching the database. Every stored page remembers the generations it was
rendered at. Publishing, unpublishing, moving or deleting a page, saving a snippet or an
endorsement raises the content generation (``home/page_invalidation.py``), so every
stored page becomes stale at once. Forum posts and topics raise the discussions
generation only: it retires every page except those of the types that show no forum
content (``PUENTE_PAGE_CACHE_WITHOUT_DISCUSSIONS``: knowledge-base listings, the
dashboard, standard pages), so a busy forum does not empty the cache of the knowledge
base. Two numbers are coarse, but they cannot miss a listing, a count or a menu that
shows the changed content.

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
DISCUSSIONS_KEY = "puente:page:discussions"
PAGE_KEY = "puente:page:v2:{digest}"  # v2: entries carry two generations
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
    _bump(GENERATION_KEY)
    transaction.on_commit(lambda: _bump(GENERATION_KEY))


def bump_discussions() -> None:
    """Make every stored page that may show forum content stale (now and on commit)."""
    _bump(DISCUSSIONS_KEY)
    transaction.on_commit(lambda: _bump(DISCUSSIONS_KEY))


def _bump(key) -> None:
    cache = _cache()
    try:
        cache.incr(key)
    except ValueError:
        _start(cache, key)


def _start(cache, key) -> int:
    # Start from the clock, so a generation lost from the cache never comes back to a
    # number that pages stored before the loss still carry.
    cache.add(key, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(key)


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


def shows_no_discussions(request) -> bool:
    """Whether the page answering ``request`` is of a type that never shows forum content."""
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route or route[1]:  # no Wagtail page, or a sub-route of one
        return False
    types = getattr(settings, "PUENTE_PAGE_CACHE_WITHOUT_DISCUSSIONS", ())
    return route[0].specific_class._meta.label in types


def _stored(response, generations: tuple) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() != "x-cache"]
    return (generations, response.status_code, response.content, headers)


def _restored(entry: tuple) -> HttpResponse:
    _generations, status, content, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return response


def _is_fresh(entry, content: int, discussions: int) -> bool:
    stored_content, stored_discussions = entry[0]
    return stored_content == content and stored_discussions in (None, discussions)


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; store the ones that may be."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        cache = _cache()
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, DISCUSSIONS_KEY, key])
        content = found.get(GENERATION_KEY) or _start(cache, GENERATION_KEY)
        discussions = found.get(DISCUSSIONS_KEY) or _start(cache, DISCUSSIONS_KEY)
        entry = found.get(key)
        if entry is not None and _is_fresh(entry, content, discussions):
            return _restored(entry)
        response = self.get_response(request)
        if request.method == "GET" and is_cacheable_response(request, response):
            generations = (content, None if shows_no_discussions(request) else discussions)
            cache.set(key, _stored(response, generations), timeout=_seconds())
            response["X-Cache"] = "miss"
        return response
