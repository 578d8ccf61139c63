"""The Elasticsearch backend without a server: its mappings, its requests, and what the
site does when the cluster is down. (Its behaviour runs in test_engine.py where
ELASTICSEARCH_URL is set.)"""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from search import backends
from search.backends.base import SearchUnavailable
from search.backends.elastic import ElasticsearchBackend, document_class, source
from search.query import SearchQuery

from .conftest import make_document

DOWN = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def backend():
    return ElasticsearchBackend(DOWN, "puente-test")


def test_one_document_type_per_kind_behind_an_alias():
    practice = document_class("puente", "good_practice")
    topic = document_class("puente", "forum_topic")
    assert practice is not topic
    assert practice._index._name == "puente-good_practice"
    assert topic._index._name == "puente-forum_topic"


def test_mapping_has_language_fields_facets_and_completion():
    mapping = document_class("puente", "good_practice")._index.to_dict()
    analysis = mapping["settings"]["analysis"]
    assert analysis["analyzer"]["puente_es"]["filter"] == [
        "lowercase",
        "puente_es_stop",
        "asciifolding",
        "puente_es_snowball",
    ]
    assert analysis["filter"]["puente_de_snowball"] == {"type": "snowball", "language": "German2"}
    assert analysis["filter"]["puente_en_stop"] == {"type": "stop", "stopwords": "_english_"}
    properties = mapping["mappings"]["properties"]
    for language in ("es", "de", "en"):
        assert properties[f"title_{language}"] == {"type": "text", "analyzer": f"puente_{language}"}
        assert properties[f"body_{language}"] == {"type": "text", "analyzer": f"puente_{language}"}
    for facet in ("type", "theme", "population", "region", "organisation", "language", "year"):
        assert properties[facet] == {"type": "keyword"}
    assert properties["audience"] == {"type": "keyword"}
    assert properties["suggest"]["type"] == "completion"
    assert {c["name"] for c in properties["suggest"]["contexts"]} == {"audience", "language"}


def test_document_source_fills_the_field_of_its_language():
    document = make_document(
        "Herberge",
        "Unterkunft für Rückkehrende",
        language="de",
        facets={"theme": ["housing"]},
        date=datetime.date(2021, 2, 3),
    )
    body = source(document)
    assert body["title_de"] == "Herberge"
    assert body["body_de"] == "Unterkunft für Rückkehrende"
    assert "body_es" not in body
    assert body["theme"] == ["housing"]
    assert body["year"] == ["2021"]
    assert body["type"] == ["good_practice"]
    assert body["suggest"] == {"input": ["Herberge"]}


def test_query_body(backend, db):  # db: the glossary may live there
    request = backend.build_search(
        SearchQuery(
            text='"persona retornada" salud',
            language="de",
            audiences=frozenset({"public", "forum:members"}),
            filters={"theme": ["health"]},
            page=2,
            page_size=10,
        )
    ).to_dict()
    assert request["from"] == 10 and request["size"] == 10
    filters = request["query"]["bool"]["filter"]
    assert {"terms": {"audience": ["forum:members", "public"]}} in filters
    assert {"terms": {"theme": ["health"]}} in filters
    per_language = request["query"]["bool"]["must"][0]["bool"]["should"]
    assert [part["bool"]["filter"][0]["term"]["language"] for part in per_language] == [
        "es",
        "de",
        "en",
    ]
    spanish_phrase = per_language[0]["bool"]["must"][0]["bool"]["should"][0]["multi_match"]
    assert spanish_phrase == {
        "query": "persona retornada",
        "fields": ["title_es^3", "body_es"],
        "operator": "and",
        "type": "phrase",
    }
    assert request["collapse"] == {"field": "group"}
    assert request["sort"][0]["_script"]["script"]["params"] == {"reader": "de"}
    assert request["aggs"]["theme"]["aggs"]["groups"] == {"cardinality": {"field": "group"}}
    assert request["highlight"]["pre_tags"] == ["<mark>"]
    assert request["highlight"]["encoder"] == "html"


def test_stop_words_ask_nothing_in_their_language(backend, db):
    request = backend.build_search(SearchQuery(text="la salud de los")).to_dict()
    spanish = request["query"]["bool"]["must"][0]["bool"]["should"][0]["bool"]["must"]
    assert [c["bool"]["should"][0]["multi_match"]["query"] for c in spanish] == ["salud"]
    assert backend.build_search(SearchQuery(text="  ")) is None


def test_autocomplete_body(backend):
    request = backend.build_autocomplete(
        "alber", language="es", audiences=frozenset({"public"}), limit=5
    ).to_dict()
    completion = request["suggest"]["titles"]["completion"]
    assert request["suggest"]["titles"]["prefix"] == "alber"
    assert completion["contexts"]["audience"] == ["public"]
    assert completion["contexts"]["language"][0] == {"context": "es", "boost": 2}


def test_cluster_down_raises_search_unavailable(backend, db):
    with pytest.raises(SearchUnavailable):
        backend.search(SearchQuery(text="salud"))
    with pytest.raises(SearchUnavailable):
        backend.index([make_document("Salud")])


@pytest.fixture
def elastic_down(settings):
    settings.PUENTE_SEARCH_BACKEND = "elasticsearch"
    settings.PUENTE_SEARCH_ELASTICSEARCH_URL = DOWN
    backends.reset()
    yield
    backends.reset()


def test_cluster_down_gives_a_503_page_and_nothing_else_breaks(client, db, elastic_down):
    with translation.override("es"):
        search_url = reverse("search:search")
        autocomplete_url = reverse("search:autocomplete")
    response = client.get(search_url, {"q": "salud"})
    assert response.status_code == 503
    assert "La búsqueda no está disponible temporalmente" in response.content.decode()
    assert client.get(autocomplete_url, {"q": "salud"}).status_code == 503
    # An empty query needs no cluster.
    assert client.get(search_url).status_code == 200


def test_cluster_down_does_not_break_indexing(db, elastic_down):
    from search import tasks

    result = tasks.remove_objects.enqueue(["kb.page:1"])
    assert result.status == "FAILED"  # logged by the task runner; the caller goes on
