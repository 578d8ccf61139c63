"""PostgreSQL: full-text search with a text search configuration per document language.

Migration 0002 creates ``puente_spanish``, ``puente_german`` and ``puente_english``
(the built-in configurations with ``unaccent`` before the Snowball stemmer) and the
``search_vector`` table: a weighted tsvector per document, with copies of the
document's ``suggest``, ``date``, ``audience`` and facet values (migration 0005), group
and language (0006) so that matches are found, filtered, ordered and ranked in this table
alone. The table is partitioned by tier (titled content, replies) and configuration
(migration 0006): each partition has its own statistics, a GIN index over the vector and
the facet values, and an index that walks it newest first. A query is turned into one
tsquery per configuration with ``plainto_tsquery``/``phraseto_tsquery`` (so user input is
never tsquery syntax), and each language's documents are matched, in their own
partitions, against the tsquery of their configuration. Snippets come from ``ts_headline``.
"""

# SQL is assembled from constants and placeholders only; user input is always a parameter.
# ruff: noqa: S608

from django.db import connection

from search import query as q
from search import text
from search.backends.database import Arm, DatabaseBackend, Match
from search.conf import search_settings

CONFIGS = {"es": "puente_spanish", "de": "puente_german", "en": "puente_english"}
FALLBACK_CONFIG = "puente_simple"
CONFIG_CASE = (
    "CASE d.language "
    + " ".join(f"WHEN '{language}' THEN '{config}'" for language, config in CONFIGS.items())
    + f" ELSE '{FALLBACK_CONFIG}' END::regconfig"
)
# The vector row of document ``d``, named by every partition key so that one is read.
VECTOR_OF_D = f"v.document_id = d.id AND v.suggest = d.suggest AND v.config = {CONFIG_CASE}"
ESCAPED_BODY = (
    "replace(replace(replace(left(d.body, 20000), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
)

# A document's facet values as "name=value" strings (names never hold "=").
FACETS_OF_D = (
    "SELECT coalesce(array_agg(f.name || '=' || f.value), '{}') "
    "FROM search_searchfacet f WHERE f.document_id = d.id"
)


def tsquery(clauses: list[q.Clause], config: str) -> tuple[str, list]:
    """SQL for the tsquery of ``clauses`` in ``config`` (stop words give empty parts,
    which PostgreSQL leaves out of ``&&`` and ``||``)."""
    parts, params = [], []
    for clause in clauses:
        alternatives = []
        for alternative in clause.alternatives:
            phrase = alternative.phrase and len(alternative) > 1
            function = "phraseto_tsquery" if phrase else "plainto_tsquery"
            alternatives.append(f"{function}('{config}'::regconfig, %s)")
            params.append(" ".join(alternative))
        parts.append("(" + " || ".join(alternatives) + ")")
    return " && ".join(parts), params


class PostgresBackend(DatabaseBackend):
    name = "postgres"
    byte_order = '"C"'

    def write_fulltext(self, rows):
        with connection.cursor() as cursor:
            cursor.execute(
                # bandit: SQL text is fixed or placeholders; every value is a query parameter
                "INSERT INTO search_vector (document_id, suggest, date, audience, group_key, "  # nosec B608
                "language, facets, config, vector) SELECT d.id, d.suggest, d.date, d.audience, "
                f"d.group_key, d.language, ({FACETS_OF_D}), {CONFIG_CASE}, "
                f"setweight(to_tsvector({CONFIG_CASE}, d.title), 'A') || "
                f"setweight(to_tsvector({CONFIG_CASE}, d.body), 'B') "
                "FROM search_searchdocument d WHERE d.id = ANY(%s)",
                [[row.id for row in rows]],
            )

    def delete_fulltext(self, ids):
        with connection.cursor() as cursor:
            if ids is None:
                cursor.execute("DELETE FROM search_vector")
            else:
                cursor.execute("DELETE FROM search_vector WHERE document_id = ANY(%s)", [ids])

    def _query_of_row(self, clauses) -> tuple[str, list]:
        """SQL for the tsquery of ``clauses`` in the configuration of the vector row ``v``."""
        cases, params = [], []
        for config in CONFIGS.values():
            sql, query_params = tsquery(clauses, config)
            cases.append(f"WHEN v.config = '{config}'::regconfig THEN ({sql})")
            params.extend(query_params)
        return f"CASE {' '.join(cases)} END", params

    def match(self, clauses):
        # One arm per language, read in its own partitions and scored with its own
        # tsquery as it is read: a walk newest first scores only the rows it keeps.
        arms = []
        for config in CONFIGS.values():
            sql, params = tsquery(clauses, config)
            arms.append(
                Arm(
                    where=f"v.config = '{config}'::regconfig AND v.vector @@ ({sql})",
                    where_params=params,
                    score=f"ts_rank(v.vector, {sql})",
                    score_params=params,
                )
            )
        return Match(
            source="search_vector v", join_params=[], arms=arms, row="v", key="v.document_id"
        )

    def facet_condition(self, match, name, values):
        # The vector row's own facet values, in the same GIN index as the vector: the
        # database intersects a word's documents with a filter's inside the index.
        return f"{match.row}.facets && %s::text[]", [[f"{name}={value}" for value in values]]

    def snippets(self, documents, clauses):
        query, params = self._query_of_row(clauses)
        words = search_settings.SNIPPET_WORDS
        options = (
            f"StartSel=<mark>, StopSel=</mark>, MaxWords={words}, MinWords={words // 2}, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        with connection.cursor() as cursor:
            cursor.execute(
                # bandit: SQL text is fixed or placeholders; every value is a query parameter
                f"SELECT d.id, ts_headline(v.config, {ESCAPED_BODY}, {query}, %s) "  # nosec B608
                f"FROM search_searchdocument d JOIN search_vector v ON {VECTOR_OF_D} "
                "WHERE d.id = ANY(%s)",
                [*params, options, [document.id for document in documents]],
            )
            snippets = dict(cursor.fetchall())
        return {
            document.id: snippets.get(document.id) or text.highlight(document.title, set(), "es")
            for document in documents
        }

    def autocomplete(self, prefix, *, language, audiences, limit=8):
        words = [text.fold(word) for word in text.words(q.clean(prefix))[-6:]]
        if not words:
            return []
        conditions, params = [], []
        for config in CONFIGS.values():
            # Every word as a prefix of a title (weight A) lexeme; the words are \w+ only,
            # so quoting them makes valid tsquery syntax.
            terms = " & ".join(f"'{word}':*A" for word in words)
            conditions.append(
                f"(v.config = '{config}'::regconfig AND v.vector @@ to_tsquery('{config}', %s))"
            )
            params.append(terms)
        audiences = sorted(audiences)
        with connection.cursor() as cursor:
            cursor.execute(
                # bandit: SQL text is fixed or placeholders; every value is a query parameter
                "SELECT d.id, d.group_key, d.title, d.url, d.kind, d.language "  # nosec B608
                "FROM search_searchdocument d JOIN search_vector v ON v.document_id = d.id "
                f"WHERE ({' OR '.join(conditions)}) AND v.suggest "
                f"AND v.audience IN ({', '.join(['%s'] * len(audiences))}) "
                "ORDER BY CASE WHEN d.language = %s THEN 0 ELSE 1 END, "
                "length(d.title), d.id LIMIT %s",
                [*params, *audiences, language, limit * 4],
            )
            rows = cursor.fetchall()
        return self._suggestions(rows, limit)
