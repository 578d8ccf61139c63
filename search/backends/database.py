"""What the SQLite and PostgreSQL backends share: documents and facets as rows, and one
SQL statement for the page of results, the facet counts and the totals, all over the
same set of visible, filtered, de-duplicated matches.

A subclass says how text is matched (``match``), how it is written to its full-text
structure (``write_fulltext``/``delete_fulltext``) and may bring its own snippets.
"""

# SQL is assembled from constants and placeholders only; user input is always a parameter.
# ruff: noqa: S608

import dataclasses
import difflib
import threading
import time

from django.db import connection, transaction

from search import query as q
from search import text
from search.backends.base import SearchBackend
from search.conf import search_settings
from search.models import SearchDocument, SearchFacet

VOCABULARY_SECONDS = 300


@dataclasses.dataclass
class Arm:
    """One way a document can match: it meets ``where``, and scores ``score`` (higher is
    better), each with its parameters."""

    where: str
    score: str
    where_params: list = dataclasses.field(default_factory=list)
    score_params: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Match:
    """SQL fragments that find the documents matching a query and score them.

    ``source`` is a FROM clause (with its parameters) in which ``row`` is the alias of a
    table holding the document's ``suggest``, ``date``, ``audience``, ``group_key`` and
    ``language`` columns and ``key`` its id. A document matches when it meets one of the
    ``arms``, and none meets two. Each arm is read on its own, so that the database can
    choose for each how to find its newest matches, and scores the matches it reads.
    """

    source: str
    join_params: list
    arms: list[Arm]
    row: str = "d"
    key: str = "d.id"


class DatabaseBackend(SearchBackend):
    # The collation that orders text by code point, as Python does: facet values of
    # equal counts are cut in the order the page shows them.
    byte_order = "BINARY"

    def __init__(self):
        self._vocabulary = None
        self._vocabulary_at = 0.0
        self._lock = threading.Lock()

    # Writing -------------------------------------------------------------------------

    def index(self, documents) -> int:
        documents = list(documents)
        if not documents:
            return 0
        with transaction.atomic():
            self._delete_keys({document.key for document in documents})
            rows = SearchDocument.objects.bulk_create(
                [
                    SearchDocument(
                        key=document.key,
                        language=document.language,
                        kind=document.kind,
                        group_key=document.group or document.key,
                        title=document.title[:1000],
                        body=document.body,
                        url=document.url,
                        date=document.date,
                        audience=document.audience,
                        machine_translated=document.machine_translated,
                        suggest=document.suggest,
                    )
                    for document in documents
                ]
            )
            SearchFacet.objects.bulk_create(
                [
                    SearchFacet(document=row, name=name, value=value[:200])
                    for row, document in zip(rows, documents, strict=True)
                    for name, value in document.facet_rows()
                ]
            )
            self.write_fulltext(rows)
        self._vocabulary = None
        return len(rows)

    def delete(self, keys) -> None:
        keys = set(keys)
        if keys:
            with transaction.atomic():
                self._delete_keys(keys)
            self._vocabulary = None

    def clear(self) -> None:
        with transaction.atomic():
            self.delete_fulltext(None)
            SearchFacet.objects.all().delete()
            SearchDocument.objects.all().delete()
        self._vocabulary = None

    def _delete_keys(self, keys):
        ids = list(SearchDocument.objects.filter(key__in=keys).values_list("id", flat=True))
        if ids:
            self.delete_fulltext(ids)
            SearchFacet.objects.filter(document_id__in=ids).delete()
            SearchDocument.objects.filter(id__in=ids).delete()

    def write_fulltext(self, rows: list[SearchDocument]) -> None:
        raise NotImplementedError

    def delete_fulltext(self, ids: list[int] | None) -> None:
        """Remove the full-text rows of documents ``ids`` (all of them if None)."""
        raise NotImplementedError

    # Reading -------------------------------------------------------------------------

    def match(self, clauses: list[q.Clause]) -> Match | None:
        """How to find documents matching ``clauses``; None when nothing can match."""
        raise NotImplementedError

    def snippets(self, documents: list[SearchDocument], clauses) -> dict[int, str]:
        words = search_settings.SNIPPET_WORDS
        return {
            document.id: text.highlight(
                document.body or document.title,
                q.stems(clauses, document.language),
                document.language,
                max_words=words,
            )
            for document in documents
        }

    def search(self, query: q.SearchQuery) -> q.SearchResults:
        clauses = query.clauses
        if not clauses:
            return q.SearchResults()
        match = self.match(clauses)
        if match is None:
            return q.SearchResults(suggestion=self.suggest(query))
        cte, params = self._ranked(match, query)
        facet_counts, facet_params = self._facet_counts(query)
        with connection.cursor() as cursor:
            cursor.execute(
                # bandit: SQL text is fixed or placeholders; every value is a query parameter
                f"{cte}, best AS (SELECT id, score, language FROM ranked WHERE rn = 1), "  # nosec B608
                "ordered AS (SELECT id, score, ROW_NUMBER() OVER (ORDER BY CASE WHEN language = %s"
                f" THEN 0 ELSE 1 END, score DESC, id) AS position FROM best), {self._counted()} "
                "SELECT 'hit', id, score, position, NULL, NULL FROM ordered"
                f" WHERE position > %s AND position <= %s UNION ALL {facet_counts} "
                "UNION ALL SELECT 'best', NULL, NULL, COUNT(*), NULL, NULL FROM best "
                "UNION ALL SELECT 'matched', NULL, NULL, COUNT(*), NULL, NULL FROM matched",
                [
                    *params,
                    query.language,
                    query.offset,
                    query.offset + query.page_size,
                    *facet_params,
                ],
            )
            rows = cursor.fetchall()
        results = self._results(rows, clauses)
        if not results.total:
            results.suggestion = self.suggest(query)
        return results

    @staticmethod
    def _counted() -> str:
        """The CTE ``counted``: the results whose facets are counted. That is all of
        them, unless more than ``MATCH_LIMIT`` matched: the counts are not shown then,
        and the values offered are the most frequent among the ``FACET_SAMPLE`` best."""
        limit, sample = search_settings.MATCH_LIMIT, search_settings.FACET_SAMPLE
        if not limit:
            return "counted AS (SELECT id FROM best)"
        return (
            f"counted AS (SELECT id FROM ordered WHERE position <= {int(sample)}"
            f" OR (SELECT COUNT(*) FROM matched) <= {int(limit)})"
        )

    def _facet_counts(self, query: q.SearchQuery) -> tuple[str, list]:
        """Rows of ``search``'s statement for the facets of the counted results: each
        facet's ``FACET_SIZE`` most frequent values, and any value the reader chose."""
        keep, params = [f"facet_rank <= {int(search_settings.FACET_SIZE)}"], []
        for name, values in query.chosen_filters:
            keep.append(f"(name = %s AND value IN ({', '.join(['%s'] * len(values))}))")
            params.extend([name, *values])
        return (
            # bandit: SQL text is fixed or placeholders; every value is a query parameter
            "SELECT 'facet', NULL, NULL, n, name, value FROM (SELECT name, value,"  # nosec B608
            " COUNT(*) AS n, ROW_NUMBER() OVER (PARTITION BY name ORDER BY COUNT(*) DESC,"
            f" value COLLATE {self.byte_order}) AS facet_rank FROM counted b JOIN"
            " search_searchfacet f ON f.document_id = b.id GROUP BY name, value) AS counts"
            f" WHERE {' OR '.join(keep)}",
            params,
        )

    def _results(self, rows, clauses) -> q.SearchResults:
        """Results from the rows of ``search``'s statement: (what, id, score, number,
        facet name, facet value), where number is a hit's position or a count."""
        page, facets, counts = [], {}, {}
        for what, id_, score, number, name, value in rows:
            if what == "hit":
                page.append((number, id_, score))
            elif what == "facet":
                facets.setdefault(name, []).append(q.FacetCount(value=value, count=number))
            else:
                counts[what] = number
        for values in facets.values():
            values.sort(key=lambda facet: (-facet.count, facet.value))
        limit = search_settings.MATCH_LIMIT
        return q.SearchResults(
            total=counts["best"],
            total_is_lower_bound=bool(limit and counts["matched"] > limit),
            facets=facets,
            hits=self._hits([(id_, score) for _n, id_, score in sorted(page)], clauses),
        )

    def _ranked(self, match: Match, query: q.SearchQuery) -> tuple[str, list]:
        """The CTEs ``matched`` (the candidates, each with its group, language and score)
        and ``ranked`` (each group's versions numbered, the reader's language and best
        score first)."""
        audiences = sorted(query.audiences)
        conditions = [f"{match.row}.audience IN ({', '.join(['%s'] * len(audiences))})"]
        params = list(audiences)
        for name, values in query.chosen_filters:
            condition, condition_params = self.facet_condition(match, name, values)
            conditions.append(condition)
            params.extend(condition_params)
        matched, matched_params = self._matched(match, " AND ".join(conditions), params)
        cte = (
            # bandit: SQL text is fixed or placeholders; every value is a query parameter
            f"WITH {matched}, ranked AS ("  # nosec B608
            " SELECT id, score, language, ROW_NUMBER() OVER (PARTITION BY group_key"
            " ORDER BY CASE WHEN language = %s THEN 0 ELSE 1 END, score DESC, id) AS rn"
            " FROM matched)"
        )
        return cte, [*matched_params, query.language]

    def facet_condition(self, match: Match, name: str, values: list[str]) -> tuple[str, list]:
        """SQL for "the document has one of ``values`` for facet ``name``"."""
        return (
            # bandit: SQL text is fixed or placeholders; every value is a query parameter
            f"{match.key} IN (SELECT document_id FROM search_searchfacet "  # nosec B608
            f"WHERE name = %s AND value IN ({', '.join(['%s'] * len(values))}))",
            [name, *values],
        )

    @classmethod
    def _matched(cls, match: Match, conditions: str, params: list) -> tuple[str, list]:
        """The CTE ``matched``: the matches meeting ``conditions``; with a
        ``MATCH_LIMIT``, its first matches (+1, to tell that there are more): titled
        content (pages, topics) newest first, then replies newest first, read only if
        titled content falls short. Each tier is a query of its own so that the database
        finds a common word's newest titled matches without looking at the replies."""
        limit = search_settings.MATCH_LIMIT
        if not limit:
            every, every_params = cls._matches(match, conditions, params)
            return f"matched AS ({every})", every_params
        row, first = match.row, int(limit) + 1
        titled, titled_params = cls._matches(
            match, f"{row}.suggest AND {conditions}", params, first
        )
        replies, reply_params = cls._matches(
            match,
            f"NOT {row}.suggest AND {conditions}",
            params,
            f"(SELECT {first} - COUNT(*) FROM titled)",
            planned_for=first,
        )
        return (
            f"titled AS ({titled}), matched AS (SELECT * FROM titled UNION ALL"
            f" SELECT * FROM ({replies}) AS replies)",
            [*titled_params, *reply_params],
        )

    @staticmethod
    def _matches(
        match: Match, conditions: str, params: list, limit=None, *, planned_for=None
    ) -> tuple[str, list]:
        """The matches meeting ``conditions``, with a ``limit`` (a number or SQL) the
        newest ``limit`` of them: the newest of each arm's newest ``limit``.

        When ``limit`` is SQL, the planner cannot know it, and plans each arm as if it
        were a tenth of the matches it expects: for a word it overestimates, a walk newest
        first through every row. Each arm then takes the number ``planned_for`` (at least
        ``limit``), so that the planner reads a rare word's few matches from the index,
        and the SQL ``limit`` cuts their union."""
        arm_limit = planned_for or limit
        order = (
            f" ORDER BY {match.row}.date DESC, {match.key} DESC LIMIT {arm_limit}"
            if arm_limit
            else ""
        )
        arms = [
            (
                f"SELECT {match.key} AS id, {match.row}.date AS date, {arm.score} AS score,"
                f" {match.row}.group_key AS group_key, {match.row}.language AS language"
                f" FROM {match.source} WHERE ({arm.where}) AND {conditions}{order}",
                [*arm.score_params, *match.join_params, *arm.where_params, *params],
            )
            for arm in match.arms
        ]
        if len(arms) == 1 and arm_limit == limit:
            return arms[0]
        union = " UNION ALL ".join(f"({sql})" for sql, _ in arms)
        order = f" ORDER BY date DESC, id DESC LIMIT {limit}" if limit else ""
        return f"SELECT * FROM ({union}) AS arms{order}", [p for _, ps in arms for p in ps]

    def _hits(self, page, clauses) -> list[q.Hit]:
        documents = SearchDocument.objects.in_bulk([row[0] for row in page])
        ordered = [documents[row[0]] for row in page if row[0] in documents]
        snippets = self.snippets(ordered, clauses) if ordered else {}
        scores = dict(page)
        return [
            q.Hit(
                key=document.key,
                kind=document.kind,
                language=document.language,
                title=document.title,
                url=document.url,
                date=document.date,
                snippet=snippets.get(document.id, ""),
                score=float(scores[document.id] or 0),
                machine_translated=document.machine_translated,
            )
            for document in ordered
        ]

    # Spelling suggestions -----------------------------------------------------------

    def vocabulary(self) -> set[str]:
        """Folded words of the titles of public pages and topics (a reply's title is its
        topic's, so replies add none), cached for a few minutes."""
        with self._lock:
            if self._vocabulary is None or time.monotonic() - self._vocabulary_at > (
                VOCABULARY_SECONDS
            ):
                words = set()
                titles = SearchDocument.objects.filter(audience="public", suggest=True).values_list(
                    "title", flat=True
                )
                for title in titles.iterator(chunk_size=5000):
                    words.update(text.fold(word) for word in text.words(title))
                self._vocabulary = {word for word in words if len(word) > 2}
                self._vocabulary_at = time.monotonic()
            return self._vocabulary

    def forget_vocabulary(self):
        self._vocabulary = None

    def suggest(self, query: q.SearchQuery) -> str | None:
        """The query with each unknown word replaced by the closest known one, if any."""
        vocabulary = self.vocabulary()
        changed = False
        words = []
        for word in text.words(q.clean(query.text)):
            folded = text.fold(word)
            if folded in vocabulary or len(folded) < 4:
                words.append(word)
                continue
            candidates = [
                known
                for known in vocabulary
                if known[0] == folded[0] and abs(len(known) - len(folded)) <= 2
            ]
            close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.75)
            if close:
                words.append(close[0])
                changed = True
            else:
                words.append(word)
        return " ".join(words) if changed else None

    # Autocomplete -------------------------------------------------------------------

    def autocomplete(self, prefix, *, language, audiences, limit=8):
        raise NotImplementedError

    def _suggestions(self, rows, limit) -> list[q.Suggestion]:
        """Rows of (id, group_key, title, url, kind, language), best first, one per group."""
        seen = set()
        suggestions = []
        for _id, group, title, url, kind, language in rows:
            if group in seen:
                continue
            seen.add(group)
            suggestions.append(q.Suggestion(title=title, url=url, kind=kind, language=language))
            if len(suggestions) >= limit:
                break
        return suggestions
