"""Keep the index in step with the content: index, remove, rebuild."""

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator

from django.apps import apps

from search import adapters
from search.backends import get_backend
from search.conf import search_settings
from search.documents import IndexDocument

logger = logging.getLogger(__name__)


def documents_of(obj) -> list[IndexDocument]:
    adapter = adapters.adapter_for(obj)
    return [document for document in adapter.documents(obj) if document] if adapter else []


def update(obj, *, with_dependents: bool = True) -> None:
    """Index ``obj`` as it is now (remove it if it must no longer be found)."""
    adapter = adapters.adapter_for(obj)
    if adapter is None:
        return
    documents = documents_of(obj)
    backend = get_backend()
    key = adapters.key_for(obj)
    if key not in {document.key for document in documents}:
        # Gone, or now found under another key (a reply split off as a topic's opening
        # post is part of that topic's document).
        backend.delete([key])
    if documents:
        backend.index(documents)
    if with_dependents and adapter.dependents:
        for dependent in adapter.dependents(obj):
            update(dependent)


def update_by_key(model_label: str, pk, *, with_dependents: bool = True) -> None:
    """Index the object ``pk`` of ``model_label`` (remove it if it no longer exists)."""
    model = apps.get_model(model_label)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is not None and hasattr(obj, "specific"):  # a Page: index it as its own type
        obj = obj.specific
    if obj is None:
        remove([f"{model._meta.label_lower}:{pk}"])
    else:
        update(obj, with_dependents=with_dependents)


def remove(keys: Iterable[str]) -> None:
    get_backend().delete(keys)


def documents_of_many(objects) -> list[IndexDocument]:
    """The documents of ``objects`` (all of one model), as ``documents_of`` gives them one
    by one, built in bulk when the model's adapter can."""
    objects = list(objects)
    adapter = adapters.adapter_for(objects[0]) if objects else None
    if adapter is None:
        return []
    return _documents_of_chunk(adapter, objects)


def _documents_of_chunk(adapter, objects) -> list[IndexDocument]:
    if adapter.documents_of_many is None:
        return [document for obj in objects for document in adapter.documents(obj) if document]
    return [document for document in adapter.documents_of_many(objects) if document]


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def all_documents(*, chunk_size: int | None = None) -> Iterator[IndexDocument]:
    """Every document of every adapter, built ``chunk_size`` objects at a time."""
    chunk_size = chunk_size or search_settings.BATCH_SIZE
    for adapter in adapters.adapters():
        for chunk in _chunks(adapter.queryset(), chunk_size):
            yield from _documents_of_chunk(adapter, chunk)


def rebuild(progress: Callable[[int], None] | None = None, *, backend=None) -> int:
    """Replace the whole index by the documents of every adapter; returns how many."""
    backend = backend or get_backend()
    count = backend.rebuild(
        all_documents(), batch_size=search_settings.BATCH_SIZE, progress=progress
    )
    logger.info("search index rebuilt with %s documents", count)
    return count
