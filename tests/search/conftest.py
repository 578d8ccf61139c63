"""The search engine under test: each behavioural test runs on every available backend.

``db`` is the database's own full-text search (SQLite FTS5 or PostgreSQL, whichever
the suite runs on); ``elasticsearch`` runs only where ELASTICSEARCH_URL is set.
"""

import datetime
import os

import pytest

from search import backends
from search.documents import IndexDocument
from search.query import SearchQuery

# The kb and forum fixtures, for the adapter tests.
from tests.forum.conftest import forum, member, moderator, other_member  # noqa: F401
from tests.kb.conftest import indexes, site_root, terms  # noqa: F401

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")


class Engine:
    def __init__(self, backend):
        self.backend = backend

    def index(self, *documents):
        self.backend.index(list(documents))

    def search(self, text, *, language="es", audiences=("public",), filters=None, page=1, size=10):
        return self.backend.search(
            SearchQuery(
                text=text,
                language=language,
                audiences=frozenset(audiences),
                filters=filters or {},
                page=page,
                page_size=size,
            )
        )

    def titles(self, text, **kwargs):
        return [hit.title for hit in self.search(text, **kwargs).hits]

    def refresh(self):
        if hasattr(self.backend, "refresh"):
            self.backend.refresh()


@pytest.fixture
def database_backend(settings):
    """The database's own search backend, whatever the environment says."""
    settings.PUENTE_SEARCH_BACKEND = "auto"
    settings.PUENTE_SEARCH_ELASTICSEARCH_URL = None
    backends.reset()
    yield
    backends.reset()


@pytest.fixture(params=["db", "elasticsearch"])
def engine(request, settings, db):
    if request.param == "elasticsearch":
        if not ELASTICSEARCH_URL:
            pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch server to test against")
        settings.PUENTE_SEARCH_BACKEND = "elasticsearch"
        settings.PUENTE_SEARCH_ELASTICSEARCH_URL = ELASTICSEARCH_URL
        settings.PUENTE_SEARCH_ELASTICSEARCH_INDEX_PREFIX = f"puente-test-{os.getpid()}"
    else:
        settings.PUENTE_SEARCH_BACKEND = "auto"
        settings.PUENTE_SEARCH_ELASTICSEARCH_URL = None
    backends.reset()
    backend = backends.get_backend()
    backend.clear()
    yield Engine(backend)
    backend.clear()
    backends.reset()


_counter = iter(range(1, 10**9))


def make_document(title, body="", *, language="es", kind="good_practice", **fields):
    number = next(_counter)
    fields.setdefault("key", f"test.doc:{number}")
    fields.setdefault("url", f"/{language}/doc-{number}/")
    fields.setdefault("date", datetime.date(2020, 1, 1))
    fields.setdefault("suggest", True)
    return IndexDocument(title=title, body=body, language=language, kind=kind, **fields)


@pytest.fixture
def doc():
    return make_document
