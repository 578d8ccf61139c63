"""PostgreSQL: ``search_vector`` follows ``search_searchdocument`` by triggers instead of a
foreign key.

Django cannot see this raw table, so its ``flush`` (run after every live-server test)
truncates the documents alone, which PostgreSQL refuses while a foreign key points at
them. Triggers keep the same guarantee: a vector never outlives its document, whether
the document is deleted row by row or the table is truncated.
"""

from django.db import migrations

from search.migrations._postgres import on_postgres

FORWARD = [
    "ALTER TABLE search_vector DROP CONSTRAINT IF EXISTS search_vector_document_id_fkey",
    """
    CREATE OR REPLACE FUNCTION search_vector_drop_deleted() RETURNS trigger AS $$
    BEGIN
        DELETE FROM search_vector WHERE document_id = OLD.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql
    """,
    """
    CREATE OR REPLACE FUNCTION search_vector_drop_all() RETURNS trigger AS $$
    BEGIN
        TRUNCATE search_vector;
        RETURN NULL;
    END $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER search_vector_on_delete AFTER DELETE ON search_searchdocument "
    "FOR EACH ROW EXECUTE FUNCTION search_vector_drop_deleted()",
    "CREATE TRIGGER search_vector_on_truncate AFTER TRUNCATE ON search_searchdocument "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_vector_drop_all()",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_vector_on_truncate ON search_searchdocument",
    "DROP TRIGGER IF EXISTS search_vector_on_delete ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_vector_drop_all()",
    "DROP FUNCTION IF EXISTS search_vector_drop_deleted()",
    "DELETE FROM search_vector v WHERE NOT EXISTS "
    "(SELECT 1 FROM search_searchdocument d WHERE d.id = v.document_id)",
    "ALTER TABLE search_vector ADD CONSTRAINT search_vector_document_id_fkey "
    "FOREIGN KEY (document_id) REFERENCES search_searchdocument (id) "
    "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [on_postgres(FORWARD, BACKWARD)]
