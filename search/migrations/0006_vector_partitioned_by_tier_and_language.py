"""PostgreSQL: ``search_vector`` is partitioned by ``suggest`` (titled content, replies),
then by text search configuration (Spanish, German, English, any other).

A search reads its candidates from titled content first, newest first, one language at
a time. For a word common in a language, walking that language's titled rows newest
first finds the limit's matches after a few thousand rows, where reading every match and
sorting them grows with the site; for a rare word, reading its matches is cheaper. The
planner chooses between the two by how many rows it expects to match. In one table it
could only estimate that from all rows, and long pages hold a word of their language far
more often than short replies or pages in another language do, so it underestimated a
common word's matches and read them all. Each partition has its own statistics.

Each row also takes a copy of its document's group and language, so that the candidates
are ranked without reading the documents table.
"""

from django.db import migrations

from search.migrations._postgres import on_postgres

COLUMNS = "document_id, config, vector, suggest, date, audience, facets"
TABLE = (
    "CREATE TABLE {name} (document_id bigint NOT NULL, config regconfig NOT NULL, "
    "vector tsvector NOT NULL, suggest boolean NOT NULL, date date, "
    "audience varchar(64) NOT NULL, facets text[] NOT NULL{more}, PRIMARY KEY ({key})) {options}"
)
# Ranking reads a candidate's group and language from its vector row too.
RANKING = ", group_key varchar(120) NOT NULL, language varchar(8) NOT NULL"
TIERS = {"titled": "true", "replies": "false"}
LANGUAGES = {"es": "puente_spanish", "de": "puente_german", "en": "puente_english"}

FORWARD = [
    "ALTER TABLE search_vector RENAME TO search_vector_flat",
    "ALTER TABLE search_vector_flat RENAME CONSTRAINT search_vector_pkey TO search_vector_flat_pkey",
    "DROP INDEX search_vector_titled, search_vector_replies, search_vector_newest",
    TABLE.format(
        name="search_vector",
        more=RANKING,
        key="document_id, suggest, config",
        options="PARTITION BY LIST (suggest)",
    ),
    *[
        statement
        for tier, suggest in TIERS.items()
        for statement in [
            f"CREATE TABLE search_vector_{tier} PARTITION OF search_vector "
            f"FOR VALUES IN ({suggest}) PARTITION BY LIST (config)",
            *[
                f"CREATE TABLE search_vector_{tier}_{language} PARTITION OF "
                f"search_vector_{tier} FOR VALUES IN ('{config}')"
                for language, config in LANGUAGES.items()
            ],
            f"CREATE TABLE search_vector_{tier}_other PARTITION OF search_vector_{tier} DEFAULT",
        ]
    ],
    f"INSERT INTO search_vector ({COLUMNS}, group_key, language) "
    f"SELECT {', '.join(f'v.{column}' for column in COLUMNS.split(', '))}, d.group_key, "
    "d.language FROM search_vector_flat v JOIN search_searchdocument d ON d.id = v.document_id",
    "DROP TABLE search_vector_flat",
    "CREATE INDEX search_vector_words ON search_vector USING gin (vector, facets)",
    "CREATE INDEX search_vector_newest ON search_vector (date DESC, document_id DESC)",
    "ANALYZE search_vector",
]
BACKWARD = [
    TABLE.format(name="search_vector_flat", more="", key="document_id", options=""),
    f"INSERT INTO search_vector_flat ({COLUMNS}) SELECT {COLUMNS} FROM search_vector",
    "DROP TABLE search_vector",
    "ALTER TABLE search_vector_flat RENAME TO search_vector",
    "ALTER TABLE search_vector RENAME CONSTRAINT search_vector_flat_pkey TO search_vector_pkey",
    "CREATE INDEX search_vector_titled ON search_vector USING gin (vector, facets) "
    "WHERE suggest",
    "CREATE INDEX search_vector_replies ON search_vector USING gin (vector, facets) "
    "WHERE NOT suggest",
    "CREATE INDEX search_vector_newest ON search_vector (suggest, date DESC, document_id DESC)",
    "ANALYZE search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_vector_carries_candidate_order")]

    operations = [on_postgres(FORWARD, BACKWARD)]
