"""The search backend chosen by ``PUENTE_SEARCH_BACKEND``; see ``search.backends.base``."""

import functools

from django.db import connection
from django.utils.module_loading import import_string

from search.conf import search_settings

BACKENDS = {
    "sqlite": "search.backends.sqlite.SQLiteBackend",
    "postgres": "search.backends.postgres.PostgresBackend",
    "elasticsearch": "search.backends.elastic.ElasticsearchBackend",
}


def backend_path(name: str | None = None) -> str:
    name = name or search_settings.BACKEND
    if name == "auto":
        if search_settings.ELASTICSEARCH_URL:
            name = "elasticsearch"
        elif connection.vendor == "postgresql":
            name = "postgres"
        else:
            name = "sqlite"
    return BACKENDS.get(name, name)


@functools.cache
def _load(path: str):
    return import_string(path)()


def get_backend(name: str | None = None):
    """The configured backend (one instance per process and setting)."""
    return _load(backend_path(name))


def reset():
    """Forget the backend instances (tests change settings)."""
    _load.cache_clear()
