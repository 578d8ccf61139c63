"""The full-text structures: an FTS5 table on SQLite; text search configurations with
unaccent and a tsvector table with a GIN index on PostgreSQL. Other databases get none
(use the Elasticsearch backend there)."""

from django.db import migrations

SQLITE_FORWARD = [
    # Stems produced by search.text (folded, stop words dropped), one row per document,
    # rowid = SearchDocument.id. The language is a column so a query can ask, per
    # language, for the stems of that language.
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, lang, "
    "tokenize = 'unicode61', prefix = '2 3 4')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *[
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'puente_{name}') THEN
                CREATE TEXT SEARCH CONFIGURATION puente_{name} (COPY = pg_catalog.{name});
                ALTER TEXT SEARCH CONFIGURATION puente_{name}
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary};
            END IF;
        END $$;
        """
        for name, dictionary in [
            ("spanish", "spanish_stem"),
            ("german", "german_stem"),
            ("english", "english_stem"),
            ("simple", "simple"),
        ]
    ],
    """
    CREATE TABLE search_vector (
        document_id bigint PRIMARY KEY
            REFERENCES search_searchdocument (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        config regconfig NOT NULL,
        vector tsvector NOT NULL
    )
    """,
    "CREATE INDEX search_vector_gin ON search_vector USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP TABLE IF EXISTS search_vector",
    *[
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS puente_{name}"
        for name in ("spanish", "german", "english", "simple")
    ],
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
