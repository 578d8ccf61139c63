"""Index updates triggered by content changes, run as background tasks after commit."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import adapters, tasks

logger = logging.getLogger(__name__)


def _enqueue(task, *args) -> None:
    def run():
        try:
            task.enqueue(*args)
        except Exception:  # the site must not fail because the index could not be updated
            logger.exception("could not enqueue search index update %s%s", task.name, args)

    transaction.on_commit(run)


def schedule_update(obj, *, with_descendants=False, with_dependents=True) -> None:
    if isinstance(obj, Page):
        obj = obj.specific_deferred
    if adapters.adapter_for(obj) is None and not with_descendants:
        return
    _enqueue(tasks.update_object, obj._meta.label, str(obj.pk), with_descendants, with_dependents)


def on_page_published(sender, instance, **kwargs):
    schedule_update(instance)


def on_page_moved(sender, instance, **kwargs):
    schedule_update(instance, with_descendants=True)


def on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    adapter = adapters.adapter_for(sender)
    if raw or adapter is None or not adapter.index_on_save:
        return
    with_dependents = (
        update_fields is None
        or adapter.dependent_fields is None
        or bool(adapter.dependent_fields & set(update_fields))
    )
    schedule_update(instance, with_dependents=with_dependents)


def on_delete(sender, instance, **kwargs):
    if adapters.adapter_for(sender) is not None:
        _enqueue(tasks.remove_objects, [adapters.key_for(instance)])


def on_restriction_changed(sender, instance, **kwargs):
    _enqueue(tasks.update_object, "wagtailcore.Page", str(instance.page_id), True)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_published, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_save.connect(on_save, dispatch_uid="search_save")
    post_delete.connect(on_delete, dispatch_uid="search_delete")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_restriction_{'save' if signal is post_save else 'delete'}",
        )
