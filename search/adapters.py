"""How content kinds plug into the search: one ``Adapter`` per model.

An adapter turns an object into its ``IndexDocument``s (none when it must not be found:
a draft, a deleted post) and lists every object to index for a rebuild, which may turn
many objects at once in a few queries (``documents_of_many``). Apps also register who
may see what (``register_audiences``), human names of their kinds (``register_kind``)
and of their facet values (``register_facet_labels``).
"""

import dataclasses
from collections.abc import Callable, Iterable

from django.db import models

from search.documents import IndexDocument


@dataclasses.dataclass
class Adapter:
    model: type[models.Model]
    documents: Callable[[models.Model], list[IndexDocument]]
    queryset: Callable[[], Iterable[models.Model]]
    # The documents of many objects of the model, the same as ``documents`` gives one by
    # one, in a number of queries that does not grow with the number of objects.
    documents_of_many: Callable[[list[models.Model]], list[IndexDocument]] | None = None
    # Other objects whose documents depend on this one (a category's topics and posts),
    # updated with it when a save touched one of ``dependent_fields`` (None: any save).
    dependents: Callable[[models.Model], Iterable[models.Model]] | None = None
    dependent_fields: frozenset[str] | None = None
    # Whether a plain save() of the model changes what is indexed (pages index on publish).
    index_on_save: bool = True


_adapters: dict[str, Adapter] = {}
_kinds: dict[str, object] = {}
_audience_providers: list[Callable] = []
_facet_labels: dict[str, Callable] = {}


def key_for(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def register(adapter: Adapter) -> None:
    _adapters[adapter.model._meta.label_lower] = adapter


def adapter_for(model_or_obj) -> Adapter | None:
    return _adapters.get(model_or_obj._meta.label_lower)


def adapters() -> list[Adapter]:
    return list(_adapters.values())


def register_kind(kind: str, label) -> None:
    """``label`` (lazily translated) names results of ``kind`` ("Good practice")."""
    _kinds[kind] = label


def kind_label(kind: str):
    return _kinds.get(kind, kind)


def kinds() -> dict[str, object]:
    return dict(_kinds)


def register_audiences(provider: Callable) -> None:
    """``provider(user)`` returns the audiences ``user`` belongs to (see ``search.audiences``)."""
    if provider not in _audience_providers:
        _audience_providers.append(provider)


def audience_providers() -> list[Callable]:
    return list(_audience_providers)


def register_facet_labels(name: str, labels: Callable) -> None:
    """``labels(values, language)`` returns {value: label} for facet ``name``."""
    _facet_labels[name] = labels


def facet_labels(name: str, values: list[str], language: str) -> dict[str, str]:
    provider = _facet_labels.get(name)
    return provider(values, language) if provider else {}
