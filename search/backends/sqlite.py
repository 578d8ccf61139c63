"""SQLite: FTS5 over Snowball stems computed in Python (``search.text``).

Documents are stemmed in their own language when indexed. A query is stemmed once per
language and each version only looks at the documents of that language, so "migrantes"
finds "migrante" and "policies" finds "policy". Every token reaches FTS5 as a quoted
string, so no user input is ever FTS5 syntax.
"""

# SQL is assembled from constants and placeholders only; user input is always a parameter.
# ruff: noqa: S608

from django.db import connection

from search import query as q
from search import text
from search.backends.database import Arm, DatabaseBackend, Match


def quoted(terms: list[str]) -> str:
    return '"' + " ".join(term.replace('"', '""') for term in terms) + '"'


def language_expression(clauses: list[q.Clause], language: str) -> str | None:
    """The FTS5 expression of ``clauses`` for documents in ``language``.

    A clause whose words are all stop words in ``language`` asks nothing there.
    """
    parts = []
    for clause in clauses:
        alternatives = []
        for alternative in clause.alternatives:
            terms = text.index_terms(" ".join(alternative), language)
            if not terms:
                alternatives = None
                break
            if alternative.phrase:
                alternatives.append(quoted(terms))
            else:
                alternatives.append("(" + " AND ".join(quoted([term]) for term in terms) + ")")
        if alternatives:
            parts.append("(" + " OR ".join(dict.fromkeys(alternatives)) + ")")
    if not parts:
        return None
    return f'(lang : "{language}" AND {{title body}} : ({" AND ".join(parts)}))'


class SQLiteBackend(DatabaseBackend):
    name = "sqlite"

    def write_fulltext(self, rows):
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, body, lang) VALUES (%s, %s, %s, %s)",
                [
                    (
                        row.id,
                        text.index_text(row.title, row.language),
                        text.index_text(row.body, row.language),
                        row.language,
                    )
                    for row in rows
                ],
            )

    def delete_fulltext(self, ids):
        with connection.cursor() as cursor:
            if ids is None:
                cursor.execute("DELETE FROM search_fts")
                return
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    # bandit: SQL text is fixed or placeholders; every value is a query parameter
                    f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",  # nosec B608
                    chunk,
                )

    def match(self, clauses):
        expressions = [
            expression
            for language in text.LANGUAGES
            if (expression := language_expression(clauses, language))
        ]
        if not expressions:
            return None
        # CROSS JOIN makes SQLite read the full-text matches first and look documents up
        # by key; the other way round it runs the MATCH once per document.
        return Match(
            source="(SELECT rowid AS doc_id, -bm25(search_fts, 10.0, 1.0, 0.0) AS score"
            " FROM search_fts WHERE search_fts MATCH %s) AS fts"
            " CROSS JOIN search_searchdocument d ON d.id = fts.doc_id",
            join_params=[" OR ".join(expressions)],
            arms=[Arm(where="1 = 1", score="fts.score")],
        )

    def autocomplete(self, prefix, *, language, audiences, limit=8):
        words = text.words(q.clean(prefix))[-6:]
        if not words:
            return []
        *complete, partial = words
        partial = text.fold(partial)
        expressions = []
        for lang in text.LANGUAGES:
            parts = [quoted([term]) for term in text.index_terms(" ".join(complete), lang)]
            prefixes = dict.fromkeys([partial, text.stem(partial, lang)])
            parts.append("(" + " OR ".join(f"{quoted([p])}*" for p in prefixes if p) + ")")
            expressions.append(f'(lang : "{lang}" AND title : ({" AND ".join(parts)}))')
        audiences = sorted(audiences)
        with connection.cursor() as cursor:
            cursor.execute(
                # bandit: SQL text is fixed or placeholders; every value is a query parameter
                "SELECT d.id, d.group_key, d.title, d.url, d.kind, d.language "  # nosec B608
                "FROM search_fts CROSS JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.suggest "
                f"AND d.audience IN ({', '.join(['%s'] * len(audiences))}) "
                "ORDER BY CASE WHEN d.language = %s THEN 0 ELSE 1 END, "
                "bm25(search_fts, 10.0, 1.0, 0.0), d.id LIMIT %s",
                [" OR ".join(expressions), *audiences, language, limit * 4],
            )
            rows = cursor.fetchall()
        return self._suggestions(rows, limit)
