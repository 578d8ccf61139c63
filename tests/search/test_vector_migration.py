"""PostgreSQL: migration 0005 copies each document's ``suggest``, ``date``, ``audience``
and facet values into its existing vector row, and 0006 moves each row, with its
document's group and language, into the partition of its tier (titled content or
replies) and language, so a site indexed before them searches as before without a
rebuild."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search import backends
from search.query import SearchQuery

BEFORE = [("search", "0004_candidates_order")]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the vector table is PostgreSQL's"
)


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


@pytest.fixture
def latest(transactional_db):
    """The search app's latest migration, after the test ran from ``BEFORE``."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("search")
    migrate(BEFORE)
    yield latest
    migrate(latest)


def test_existing_vectors_take_their_documents_order_audience_and_facets(latest, settings):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchdocument (key, language, kind, group_key, title, body,"
            " url, date, audience, machine_translated, suggest, indexed_at) VALUES"
            " ('page:1', 'es', 'good_practice', 'page:1', 'Salud comunitaria', '', '/p/',"
            " '2024-05-01', 'members', false, true, now()),"
            " ('post:2', 'es', 'forum_post', 'post:2', 'Salud comunitaria', '', '/t/',"
            " NULL, 'public', false, false, now()) RETURNING id"
        )
        page_id, post_id = (row[0] for row in cursor.fetchall())
        cursor.execute(
            "INSERT INTO search_searchfacet (document_id, name, value) VALUES"
            " (%s, 'theme', 'health'), (%s, 'region', 'oaxaca')",
            [page_id, page_id],
        )
        cursor.execute(
            "INSERT INTO search_vector (document_id, config, vector) SELECT id,"
            " 'puente_spanish', to_tsvector('puente_spanish', title) FROM search_searchdocument"
        )

    migrate(latest)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document_id, suggest, date, audience, facets, tableoid::regclass::text,"
            " group_key, language FROM search_vector ORDER BY document_id"
        )
        rows = cursor.fetchall()
    assert [row[:4] + row[5:] for row in rows] == [
        (page_id, True, datetime.date(2024, 5, 1), "members", "search_vector_titled_es")
        + ("page:1", "es"),
        (post_id, False, None, "public", "search_vector_replies_es") + ("post:2", "es"),
    ]
    assert sorted(rows[0][4]) == ["region=oaxaca", "theme=health"]
    assert rows[1][4] == []
    settings.PUENTE_SEARCH_BACKEND = "postgres"
    backends.reset()
    backend = backends.get_backend()
    public = backend.search(SearchQuery(text="salud", audiences=frozenset({"public"})))
    in_oaxaca = backend.search(
        SearchQuery(
            text="salud",
            audiences=frozenset({"public", "members"}),
            filters={"region": ["oaxaca"]},
        )
    )
    backends.reset()
    assert [hit.key for hit in public.hits] == ["post:2"]
    assert [hit.key for hit in in_oaxaca.hits] == ["page:1"]
