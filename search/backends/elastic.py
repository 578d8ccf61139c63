"""Elasticsearch 9 with the Elasticsearch DSL (``elasticsearch.dsl``).

One document class (and index) per indexed kind, all with the same mapping: a text
field per language for the title and the body (``title_es`` with a Spanish analyser,
``title_de`` German, ...: lowercase, stop words, ASCII folding, Snowball stemmer),
keyword fields for the facets and the audience, and a completion field for the
autocomplete. Each kind's index is reached through the alias ``<prefix>-<kind>``, all
of them through ``<prefix>-all``; a rebuild writes fresh timestamped indices and swaps
the aliases in one atomic call, so readers never see a half-built index.

Every call to the cluster that fails with a transport error raises ``SearchUnavailable``.
"""

import functools
import html
import logging
import time

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.helpers import BulkIndexError, bulk

from search import query as q
from search import text
from search.backends.base import SearchBackend, SearchUnavailable
from search.conf import search_settings

logger = logging.getLogger(__name__)

SNOWBALL = {"es": "Spanish", "de": "German2", "en": "English"}
STOPWORDS = {"es": "_spanish_", "de": "_german_", "en": "_english_"}
FACET_FIELDS = ("type", "theme", "population", "region", "organisation", "language", "year")


def language_analyzer(language: str):
    return analyzer(
        f"puente_{language}",
        tokenizer="standard",
        filter=[
            "lowercase",
            token_filter(f"puente_{language}_stop", "stop", stopwords=STOPWORDS[language]),
            "asciifolding",
            token_filter(f"puente_{language}_snowball", "snowball", language=SNOWBALL[language]),
        ],
    )


FOLDING = analyzer("puente_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])


class SearchDocument(Document):
    """The mapping every kind's document class shares."""

    key = Keyword()
    kind = Keyword()
    language = Keyword()
    group = Keyword()
    audience = Keyword()
    url = Keyword(index=False)
    date = Date()
    machine_translated = Boolean()
    title = Text(index=False)
    spell = Text(analyzer=FOLDING)
    title_es = Text(analyzer=language_analyzer("es"))
    title_de = Text(analyzer=language_analyzer("de"))
    title_en = Text(analyzer=language_analyzer("en"))
    body_es = Text(analyzer=language_analyzer("es"))
    body_de = Text(analyzer=language_analyzer("de"))
    body_en = Text(analyzer=language_analyzer("en"))
    type = Keyword()
    theme = Keyword()
    population = Keyword()
    region = Keyword()
    organisation = Keyword()
    year = Keyword()
    suggest = Completion(
        analyzer=FOLDING,
        contexts=[
            {"name": "audience", "type": "category", "path": "audience"},
            {"name": "language", "type": "category", "path": "language"},
        ],
    )


@functools.cache
def document_class(prefix: str, kind: str) -> type[Document]:
    """The document type of ``kind``; its index name is the kind's alias."""
    index = type("Index", (), {"name": f"{prefix}-{kind}", "settings": {"number_of_shards": 1}})
    name = "".join(part.capitalize() for part in kind.split("_")) + "Document"
    return type(name, (SearchDocument,), {"Index": index, "__module__": __name__})


def field_language(language: str) -> str:
    return language if language in SNOWBALL else "en"


def source(document) -> dict:
    language = field_language(document.language)
    body = {
        "key": document.key,
        "kind": document.kind,
        "language": document.language,
        "group": document.group or document.key,
        "audience": document.audience,
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "machine_translated": document.machine_translated,
        "title": document.title,
        "spell": document.title,
        f"title_{language}": document.title,
        f"body_{language}": document.body,
    }
    for name, value in document.facet_rows():
        if name != "language":  # already a keyword field of its own
            body.setdefault(name, []).append(value)
    if document.suggest:
        words = text.words(document.title)
        inputs = [document.title, *(" ".join(words[i:]) for i in range(1, min(len(words), 10)))]
        body["suggest"] = {"input": list(dict.fromkeys(inputs))}
    return body


def clause_query(clause: q.Clause, language: str):
    """The clause for documents in ``language``, or None when it asks nothing there."""
    alternatives = []
    for alternative in clause.alternatives:
        if not text.index_terms(" ".join(alternative), language):
            return None  # only stop words: the clause is ignored, as by the databases
        alternatives.append(
            Q(
                "multi_match",
                query=" ".join(alternative),
                fields=[f"title_{language}^3", f"body_{language}"],
                type="phrase" if alternative.phrase and len(alternative) > 1 else "cross_fields",
                operator="and",
            )
        )
    return Q("bool", should=alternatives, minimum_should_match=1)


def text_query(clauses: list[q.Clause]):
    per_language = []
    for language in text.LANGUAGES:
        musts = [clause_query(clause, language) for clause in clauses]
        musts = [must for must in musts if must is not None]
        if musts:
            per_language.append(Q("bool", filter=[Q("term", language=language)], must=musts))
    if not per_language:
        return None
    return Q("bool", should=per_language, minimum_should_match=1)


def unavailable(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (TransportError, ApiError, BulkIndexError) as error:
            raise SearchUnavailable(str(error)) from error

    return wrapper


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str | None = None, prefix: str | None = None):
        self.url = url or search_settings.ELASTICSEARCH_URL
        self.prefix = prefix or search_settings.ELASTICSEARCH_INDEX_PREFIX
        self.read_alias = f"{self.prefix}-all"
        self.client = Elasticsearch(
            self.url,
            request_timeout=search_settings.ELASTICSEARCH_TIMEOUT,
            max_retries=1,
            retry_on_timeout=False,
        )

    def document_class(self, kind: str):
        return document_class(self.prefix, kind)

    # Writing -------------------------------------------------------------------------

    def _create_index(self, kind: str) -> str:
        """A new timestamped index for ``kind``; returns its name."""
        name = f"{self.prefix}-{kind}-{time.time_ns()}"
        self.document_class(kind)._index.clone(name=name).create(using=self.client)
        return name

    def _ensure_kind(self, kind: str) -> None:
        alias = f"{self.prefix}-{kind}"
        if not self.client.indices.exists_alias(name=alias):
            name = self._create_index(kind)
            self.client.indices.update_aliases(
                actions=[
                    {"add": {"index": name, "alias": alias, "is_write_index": True}},
                    {"add": {"index": name, "alias": self.read_alias}},
                ]
            )

    @unavailable
    def index(self, documents) -> int:
        documents = list(documents)
        if not documents:
            return 0
        for kind in {document.kind for document in documents}:
            self._ensure_kind(kind)
        self._delete_keys({document.key for document in documents})
        actions = [
            {
                "_index": f"{self.prefix}-{document.kind}",
                "_id": f"{document.key}|{document.language}",
                "_source": source(document),
            }
            for document in documents
        ]
        bulk(self.client, actions)
        return len(actions)

    def _delete_keys(self, keys):
        if self.client.indices.exists_alias(name=self.read_alias):
            self.client.delete_by_query(
                index=self.read_alias,
                query={"terms": {"key": sorted(keys)}},
                conflicts="proceed",
                refresh=True,
            )

    @unavailable
    def delete(self, keys) -> None:
        keys = set(keys)
        if keys:
            self._delete_keys(keys)

    def _own_indices(self) -> dict:
        return dict(
            self.client.indices.get_alias(index=f"{self.prefix}-*", ignore_unavailable=True)
        )

    @unavailable
    def clear(self) -> None:
        names = list(self._own_indices())
        if names:
            self.client.indices.delete(index=",".join(names))

    @unavailable
    def refresh(self) -> None:
        if self.client.indices.exists_alias(name=self.read_alias):
            self.client.indices.refresh(index=self.read_alias)

    @unavailable
    def rebuild(self, documents, *, batch_size=500, progress=None) -> int:
        """Write every document into new indices, then swap the aliases at once."""
        old = self._own_indices()
        new: dict[str, str] = {}
        total = 0
        batch = []

        def flush():
            nonlocal total
            bulk(
                self.client,
                (
                    {
                        "_index": new[document.kind],
                        "_id": f"{document.key}|{document.language}",
                        "_source": source(document),
                    }
                    for document in batch
                ),
            )
            total += len(batch)
            batch.clear()
            if progress:
                progress(total)

        for document in documents:
            if document.kind not in new:
                new[document.kind] = self._create_index(document.kind)
            batch.append(document)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        actions = []
        for name, info in old.items():
            for alias in info.get("aliases", {}):
                actions.append({"remove": {"index": name, "alias": alias}})
        for kind, name in new.items():
            actions.append(
                {"add": {"index": name, "alias": f"{self.prefix}-{kind}", "is_write_index": True}}
            )
            actions.append({"add": {"index": name, "alias": self.read_alias}})
        if actions:
            self.client.indices.update_aliases(actions=actions)
        if old:
            self.client.indices.delete(index=",".join(old))
        return total

    # Reading -------------------------------------------------------------------------

    def build_search(self, query: q.SearchQuery) -> Search | None:
        """The request for ``query`` (None when nothing can match); no server needed."""
        matching = text_query(query.clauses)
        if matching is None:
            return None
        filters = [Q("terms", audience=sorted(query.audiences))]
        for name, values in sorted(query.filters.items()):
            if name in FACET_FIELDS and values:
                filters.append(Q("terms", **{name: values}))
        search = Search(using=self.client, index=self.read_alias).query(
            Q("bool", must=[matching], filter=filters)
        )
        search = search.sort(
            {
                "_script": {
                    "type": "number",
                    "order": "asc",
                    "script": {
                        "source": "doc['language'].value == params.reader ? 0 : 1",
                        "params": {"reader": query.language},
                    },
                }
            },
            {"_score": {"order": "desc"}},
        ).extra(track_scores=True, track_total_hits=False)
        search = search.collapse("group")
        search.aggs.metric("groups", "cardinality", field="group")
        for name in FACET_FIELDS:
            search.aggs.bucket(name, "terms", field=name, size=100).metric(
                "groups", "cardinality", field="group"
            )
        fields = [f"body_{language}" for language in text.LANGUAGES]
        search = search.highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            number_of_fragments=2,
            fragment_size=160,
            no_match_size=200,
            require_field_match=False,
        ).highlight(*fields)
        search = search.suggest(
            "spelling", q.clean(query.text), term={"field": "spell", "suggest_mode": "popular"}
        )
        search = search.source(exclude=["suggest", "spell", *fields])
        return search[query.offset : query.offset + query.page_size]

    @unavailable
    def search(self, query: q.SearchQuery) -> q.SearchResults:
        if not query.clauses:
            return q.SearchResults()
        request = self.build_search(query)
        if request is None:
            return q.SearchResults()
        if not self.client.indices.exists_alias(name=self.read_alias):
            return q.SearchResults()
        response = request.execute()
        facets = {}
        for name in FACET_FIELDS:
            buckets = response.aggregations[name].buckets
            if buckets:
                facets[name] = [
                    q.FacetCount(value=str(bucket.key), count=int(bucket.groups.value))
                    for bucket in buckets
                ]
        hits = []
        for hit in response:
            highlight = getattr(hit.meta, "highlight", None)
            fragments = [f for field in (highlight or {}) for f in highlight[field]]
            hits.append(
                q.Hit(
                    key=hit.key,
                    kind=hit.kind,
                    language=hit.language,
                    title=hit.title,
                    url=hit.url,
                    date=hit.date.date() if getattr(hit, "date", None) else None,
                    snippet=" … ".join(fragments) or html.escape(hit.title),
                    score=float(hit.meta.score or 0),
                    machine_translated=bool(getattr(hit, "machine_translated", False)),
                )
            )
        results = q.SearchResults(
            hits=hits, total=int(response.aggregations.groups.value), facets=facets
        )
        if not results.total:
            results.suggestion = self._suggestion(response, query)
        return results

    def _suggestion(self, response, query) -> str | None:
        suggest = getattr(response, "suggest", None)
        if not suggest or "spelling" not in suggest:
            return None
        words = text.words(q.clean(query.text))
        changed = False
        for entry in suggest["spelling"]:
            if entry.options:
                folded = [text.fold(word) for word in words]
                if entry.text in folded:
                    words[folded.index(entry.text)] = entry.options[0].text
                    changed = True
        return " ".join(words) if changed else None

    def build_autocomplete(self, prefix, *, language, audiences, limit=8) -> Search:
        others = [code for code in text.LANGUAGES if code != language]
        return Search(using=self.client, index=self.read_alias).suggest(
            "titles",
            q.clean(prefix)[:100],
            completion={
                "field": "suggest",
                "size": limit * 4,
                "skip_duplicates": True,
                "contexts": {
                    "audience": sorted(audiences),
                    "language": [{"context": language, "boost": 2}, *others],
                },
            },
        )

    @unavailable
    def autocomplete(self, prefix, *, language, audiences, limit=8):
        if not q.clean(prefix) or not self.client.indices.exists_alias(name=self.read_alias):
            return []
        response = self.build_autocomplete(
            prefix, language=language, audiences=audiences, limit=limit
        ).execute()
        seen, suggestions = set(), []
        for option in response.suggest["titles"][0].options:
            document = option._source
            if document.group in seen:
                continue
            seen.add(document.group)
            suggestions.append(
                q.Suggestion(
                    title=document.title,
                    url=document.url,
                    kind=document.kind,
                    language=document.language,
                )
            )
            if len(suggestions) >= limit:
                break
        return suggestions
