"""PostgreSQL: ``search_vector`` carries its document's ``suggest``, ``date``,
``audience`` and facet values, with a GIN index over the vector and the facet values for
titled content and one for replies.

A search takes its candidates (``MATCH_LIMIT``) from titled content first and replies
after, newest first in each. With the order and the audience in the same row as the
vector, the matches are found, filtered and ordered in this table alone, without
reading the documents table, and the replies only when titled content falls short; a
facet filter is intersected with a word's matches inside the GIN index;
the documents' own order index is then unused and goes.
"""

from django.db import migrations

from search.migrations._postgres import on_postgres

FORWARD = [
    "ALTER TABLE search_vector ADD COLUMN suggest boolean, ADD COLUMN date date, "
    "ADD COLUMN audience varchar(64), ADD COLUMN facets text[]",
    """
    UPDATE search_vector v
    SET suggest = d.suggest, date = d.date, audience = d.audience, facets = d.facets
    FROM (
        SELECT d.id, d.suggest, d.date, d.audience,
            coalesce(array_agg(f.name || '=' || f.value) FILTER (WHERE f.id IS NOT NULL), '{}')
            AS facets
        FROM search_searchdocument d LEFT JOIN search_searchfacet f ON f.document_id = d.id
        GROUP BY d.id
    ) d
    WHERE d.id = v.document_id
    """,
    "ALTER TABLE search_vector ALTER COLUMN suggest SET NOT NULL, "
    "ALTER COLUMN audience SET NOT NULL, ALTER COLUMN facets SET NOT NULL",
    "DROP INDEX IF EXISTS search_vector_gin",
    "CREATE INDEX search_vector_titled ON search_vector USING gin (vector, facets) "
    "WHERE suggest",
    "CREATE INDEX search_vector_replies ON search_vector USING gin (vector, facets) "
    "WHERE NOT suggest",
    # For a common word, walking the newest first finds the limit's matches sooner than
    # reading every match (the planner chooses).
    "CREATE INDEX search_vector_newest ON search_vector (suggest, date DESC, document_id DESC)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_vector_newest",
    "DROP INDEX IF EXISTS search_vector_replies",
    "DROP INDEX IF EXISTS search_vector_titled",
    "CREATE INDEX search_vector_gin ON search_vector USING gin (vector)",
    "ALTER TABLE search_vector DROP COLUMN suggest, DROP COLUMN date, DROP COLUMN audience, "
    "DROP COLUMN facets",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_candidates_order")]

    operations = [
        on_postgres(FORWARD, BACKWARD),
        migrations.RemoveIndex(model_name="searchdocument", name="search_candidates"),
    ]
