"""A version number of the knowledge base, raised by every write that can change it.

Figures that cost a scan of the knowledge base (listing facet counts and totals, related
pages, the dashboard's counts) are cached under the current version with ``remember()``.
Publishing, unpublishing, moving, saving a live page or deleting a page, and saving or
deleting any row of the kb's own models (terms, endorsements, consultations, tags), a view
restriction, a site, an image or a document raise the version, so the next reader
computes them afresh (the site caches pages and their translations under it too). Forum
posts and member activity do not: they are not part of the knowledge base.

A request reads the version once, with its first remembered value, and takes the values
this process already read under that version from its memory (``kb.process_memory``).
"""

import hashlib
import time

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from kb import process_memory

VERSION_KEY = "puente:kb:version"
# A value is stored with the version it was computed under, so that the version and the
# value are read in one round trip to the cache.
VALUE_KEY = "puente:kb:value:{digest}"
# Labels of models outside the kb whose rows change what the knowledge base shows.
WATCHED_MODELS = {
    "wagtailcore.pageviewrestriction",
    "wagtailcore.locale",
    "wagtailcore.site",
    "wagtailimages.image",
    "wagtaildocs.document",
    "taggit.tag",
}
# The version the current request read (only while a request is being answered).
_request = Local()


def current() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        process_memory.forget()
        # From the clock: a version lost from the cache never returns to an old number.
        cache.add(VERSION_KEY, time.time_ns() // 1_000_000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def remember(parts, compute):
    """``compute()``, cached under ``parts`` (strings and numbers) until the next change."""
    key = VALUE_KEY.format(digest=hashlib.sha256(repr(tuple(parts)).encode()).hexdigest())
    version = getattr(_request, "version", None)
    found = None
    if version is None:
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or current()
        if getattr(_request, "active", False):
            _request.version = version
    kept = process_memory.recall(version, key)
    if kept is not process_memory.MISSING:
        return kept
    stored = cache.get(key) if found is None else found.get(key)
    if stored is not None and stored[0] == version:
        value = stored[1]
    else:
        value = compute()
        cache.set(key, (version, value), timeout=24 * 60 * 60)
    process_memory.keep(version, key, value)
    return value


def bump() -> None:
    """Raise the version now and once more when the transaction commits.

    The second raise covers a reader who computed from the old rows in between.
    """
    _raise()
    transaction.on_commit(_raise)


def _raise() -> None:
    _request.version = None
    process_memory.forget()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        current()


def _changes_kb(sender, instance) -> bool:
    if issubclass(sender, Page):
        return bool(getattr(instance, "live", False))
    return sender._meta.app_label == "kb" or sender._meta.label_lower in WATCHED_MODELS


def _on_save(sender, instance, **kwargs):
    if _changes_kb(sender, instance):
        bump()


def _on_delete(sender, instance, **kwargs):
    if issubclass(sender, Page) or _changes_kb(sender, instance):
        bump()


def _on_page_event(**kwargs):
    bump()


def _request_started(**kwargs):
    _request.active, _request.version = True, None


def _request_finished(**kwargs):
    _request.active, _request.version = False, None


def connect() -> None:
    request_started.connect(_request_started, dispatch_uid="kb-version-request-started")
    request_finished.connect(_request_finished, dispatch_uid="kb-version-request-finished")
    post_save.connect(_on_save, dispatch_uid="kb-version-save")
    post_delete.connect(_on_delete, dispatch_uid="kb-version-delete")
    page_published.connect(_on_page_event, dispatch_uid="kb-version-published")
    page_unpublished.connect(_on_page_event, dispatch_uid="kb-version-unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="kb-version-moved")
