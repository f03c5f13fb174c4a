"""The endpoint over HTTP, on a real server (conftest.py): the SPARQL 1.1
Protocol with standard clients, every media type parsed back, and every
refusal and limit."""

from __future__ import annotations

import http.client
from email.message import Message
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import RDFS
from rdflib.query import Result

from tests.serve.conftest import (HOSTILE_ARTICLE, HOSTILE_LABEL, MAX_BODY_BYTES, MAX_ROWS, TIMEOUT)

LABELS = "SELECT ?s ?label WHERE { ?s a hd:City ; rdfs:label ?label } ORDER BY ?s"
CONSTRUCT_LABELS = "CONSTRUCT { ?s rdfs:label ?label } WHERE { ?s a hd:City ; rdfs:label ?label }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?o2 . ?c ?r ?o3 . ?d ?t ?o4 }"


def call(url: str, params: dict | None = None, *, method: str = "GET", body: bytes | None = None,
         headers: dict | None = None) -> tuple[int, Message, bytes]:
    if params:
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def form_post(url: str, fields: dict, accept: str = "") -> tuple[int, Message, bytes]:
    return call(url, method="POST", body=urllib.parse.urlencode(fields, doseq=True).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})


@pytest.fixture(scope="module")
def cities(endpoint) -> list[tuple[str, str]]:
    status, _, body = call(endpoint.sparql, {"query": LABELS}, headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    rows = [(row["s"]["value"], row["label"]["value"]) for row in json.loads(body)["results"]["bindings"]]
    assert rows and any(label == "الرباط" for _, label in rows)
    return rows


# --- media types ---------------------------------------------------------------

@pytest.mark.parametrize("accept, rdflib_format", [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
])
def test_endpoint_select_in_each_results_type(endpoint, cities, accept, rdflib_format):
    status, headers, body = call(endpoint.sparql, {"query": LABELS}, headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    result = Result.parse(io.BytesIO(body), format=rdflib_format)
    assert [(str(row[0]), str(row[1])) for row in result] == cities


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+json", b'"boolean":true'),
    ("application/sparql-results+xml", b"<boolean>true</boolean>"),
    ("text/csv", b"true"),
    ("text/tab-separated-values", b"true"),
])
def test_endpoint_ask_in_each_results_type(endpoint, accept, expected):
    status, headers, body = call(endpoint.sparql, {"query": 'ASK { ?s rdfs:label "الرباط"@ar }'},
                                 headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert expected in body.replace(b" ", b"")


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_endpoint_construct_in_each_graph_type(endpoint, cities, accept, rdflib_format):
    status, headers, body = call(endpoint.sparql, {"query": CONSTRUCT_LABELS}, headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    expected = Graph()
    for iri, label in cities:
        expected.add((URIRef(iri), RDFS.label, Literal(label, lang="ar")))
    got = Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(got, expected)
        pytest.fail(f"got:\n{only_got.serialize(format='nt')}\nexpected:\n{only_expected.serialize(format='nt')}")


@pytest.mark.parametrize("form, value, media_type", [
    ("SELECT", "json", "application/sparql-results+json"),
    ("SELECT", "xml", "application/sparql-results+xml"),
    ("SELECT", "tsv", "text/tab-separated-values"),
    ("CONSTRUCT", "json", "application/ld+json"),
    ("CONSTRUCT", "nt", "application/n-triples"),
    ("CONSTRUCT", "text/turtle", "text/turtle"),
])
def test_endpoint_format_parameter_wins_over_accept(endpoint, form, value, media_type):
    query = LABELS if form == "SELECT" else CONSTRUCT_LABELS
    status, headers, _ = call(endpoint.sparql, {"query": query, "format": value}, headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith(media_type)


@pytest.mark.parametrize("query, params, accept", [
    (LABELS, {}, "image/png"),
    (CONSTRUCT_LABELS, {}, "application/sparql-results+json"),
    (LABELS, {"format": "turtle"}, ""),
])
def test_endpoint_unacceptable_type_is_406(endpoint, query, params, accept):
    status, _, body = call(endpoint.sparql, {"query": query, **params}, headers={"Accept": accept})
    assert status == 406 and b"acceptable:" in body


# --- the protocol's three ways and the dataset --------------------------------

def test_endpoint_post_form_and_direct_give_the_get_answer(endpoint):
    accept = {"Accept": "application/sparql-results+json"}
    _, _, by_get = call(endpoint.sparql, {"query": LABELS}, headers=accept)
    _, _, by_form = form_post(endpoint.sparql, {"query": LABELS}, accept["Accept"])
    status, _, direct = call(endpoint.sparql, method="POST", body=LABELS.encode("utf-8"),
                             headers={"Content-Type": "application/sparql-query", **accept})
    assert status == 200 and by_get == by_form == direct


def test_endpoint_default_graph_uri_reads_that_graph_alone(endpoint):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def triples(**params) -> int:
        status, _, body = call(endpoint.sparql, {"query": count, **params},
                               headers={"Accept": "application/sparql-results+json"})
        assert status == 200
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    assert triples(**{"default-graph-uri": HOSTILE_ARTICLE}) == 4
    assert triples() > triples(**{"default-graph-uri": HOSTILE_ARTICLE})


@pytest.mark.parametrize("params", [
    {"default-graph-uri": ["http://a/", "http://b/"]},
    {"named-graph-uri": "http://a/"},
    {},
])
def test_endpoint_dataset_it_cannot_honour_is_400(endpoint, params):
    query = {"query": LABELS} if params else {}
    status, _, body = call(endpoint.sparql, {**query, **params})
    assert status == 400 and body.strip()


# --- standard clients ------------------------------------------------------------

@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # SPARQLWrapper's own
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_endpoint_sparqlwrapper_select_construct_ask(endpoint, cities, method):
    from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper
    client = SPARQLWrapper(endpoint.sparql)
    client.setMethod(method)
    client.setQuery(LABELS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [(row["s"]["value"], row["label"]["value"]) for row in rows] == cities
    client.setQuery(CONSTRUCT_LABELS)
    client.setReturnFormat(XML)  # RDF/XML for a graph, which SPARQLWrapper parses with rdflib
    assert len(client.query().convert()) == len(cities)
    client.setReturnFormat(TURTLE)
    assert len(Graph().parse(data=client.query().convert(), format="turtle")) == len(cities)
    client.setQuery('ASK { ?s rdfs:label "الرباط"@ar }')
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


def test_endpoint_rdflib_sparqlstore_reads_it(endpoint, cities):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    store = SPARQLStore(endpoint.sparql)
    graph = Graph(store)
    rows = graph.query(LABELS)
    assert sorted((str(s), str(label)) for s, label in rows) == sorted(cities)
    labels = set(graph.objects(URIRef(cities[0][0]), RDFS.label))
    assert Literal(cities[0][1], lang="ar") in labels
    store.close()


# --- read-only ---------------------------------------------------------------------

INSERT = 'INSERT DATA { <http://x/a> <http://x/b> "c" }'


@pytest.mark.parametrize("how", ["sparql-update", "update-form", "update-as-query", "load-as-query",
                                 "update-in-url", "clear-direct"])
def test_endpoint_refuses_updates_with_403(endpoint, how):
    if how == "sparql-update":
        answer = call(endpoint.sparql, method="POST", body=INSERT.encode(),
                      headers={"Content-Type": "application/sparql-update"})
    elif how == "update-form":
        answer = form_post(endpoint.sparql, {"update": INSERT})
    elif how == "update-as-query":
        answer = form_post(endpoint.sparql, {"query": "PREFIX x: <http://x/>\n# SELECT in a comment\n" + INSERT})
    elif how == "load-as-query":
        answer = call(endpoint.sparql, {"query": "LOAD <http://example.org/data.ttl>"})
    elif how == "update-in-url":
        answer = call(endpoint.sparql, {"update": INSERT})
    else:
        answer = call(endpoint.sparql, method="POST", body=b"CLEAR ALL",
                      headers={"Content-Type": "application/sparql-query"})
    status, _, body = answer
    assert status == 403 and b"read-only" in body
    _, _, asked = call(endpoint.sparql, {"query": "ASK { <http://x/a> ?p ?o }"},
                       headers={"Accept": "application/sparql-results+json"})
    assert json.loads(asked)["boolean"] is False


def test_endpoint_refuses_service(endpoint):
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    status, _, body = call(endpoint.sparql, {"query": query})
    assert status == 400 and b"SERVICE is not allowed" in body


def test_endpoint_malformed_query_is_400_with_position(endpoint):
    status, headers, body = call(endpoint.sparql, {"query": "SELECT ?s WHERE {\n  ?s ?p \n}"})
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert b"syntax error at line" in body and b"column" in body


# --- limits ------------------------------------------------------------------------

def test_endpoint_timeout_answers_then_serves_the_next_query(endpoint):
    pool = endpoint.app.state.pool
    replaced = pool.replaced
    started = time.monotonic()
    status, _, body = call(endpoint.sparql, {"query": SLOW})
    took = time.monotonic() - started
    assert status == 503 and b"limit" in body
    assert TIMEOUT <= took < TIMEOUT + 2
    assert pool.replaced == replaced + 1
    for _ in range(3):  # both workers, the replacement among them, answer
        started = time.monotonic()
        status, _, _ = call(endpoint.sparql, {"query": "ASK { ?s ?p ?o }"})
        assert status == 200 and time.monotonic() - started < TIMEOUT


@pytest.mark.parametrize("accept, rdflib_format", [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
])
def test_endpoint_cuts_rows_past_the_limit_and_says_so(endpoint, accept, rdflib_format):
    status, headers, body = call(endpoint.sparql, {"query": "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"},
                                 headers={"Accept": accept})
    assert status == 200 and headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(list(Result.parse(io.BytesIO(body), format=rdflib_format))) == MAX_ROWS
    status, headers, _ = call(endpoint.sparql, {"query": LABELS}, headers={"Accept": accept})
    assert status == 200 and "X-SPARQL-MaxRows" not in headers


def test_endpoint_refuses_a_result_past_the_byte_limit(endpoint):
    status, _, body = call(endpoint.sparql, {"query": "CONSTRUCT WHERE { ?s rdfs:label ?o }"},
                           headers={"Accept": "application/n-triples"})
    assert status == 400 and b"result too large" in body  # the long article's literals make it so


def test_endpoint_refuses_a_body_past_the_limit_with_413(endpoint):
    padding = "#" + "x" * MAX_BODY_BYTES + "\n"
    status, _, body = form_post(endpoint.sparql, {"query": padding + LABELS})
    assert status == 413 and b"larger than" in body
    host, port = endpoint.base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/sparql")  # declared far too large: refused before it is read
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(MAX_BODY_BYTES * 100))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    connection.close()
    assert call(endpoint.sparql, {"query": "ASK {}"})[0] == 200


# --- the page and the graph view -------------------------------------------------

def test_endpoint_page_offers_the_example_queries_escaped(endpoint):
    from kg.serve.page import example_queries
    from kg.viz.page import escape_text
    status, headers, body = call(endpoint.base + "/")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy
    examples = example_queries()
    assert len(examples) >= 5 and any("سليم حداد" in example.text for example in examples)
    for example in examples:
        assert f">{escape_text(example.name)} — {escape_text(example.title)}</option>" in page
    assert "http://" not in page.replace("http://www.w3.org", "").split("<script>")[0].split("<textarea")[0]
    assert "src=" not in page and "<link" not in page


def test_endpoint_view_draws_a_describe_and_a_selects_iris(endpoint):
    _, _, body = call(endpoint.sparql, {"query": "SELECT ?label WHERE { ?e a hd:Meeting ; rdfs:label ?label }"},
                      headers={"Accept": "application/sparql-results+json"})
    meeting = json.loads(body)["results"]["bindings"][0]["label"]["value"]
    # DESCRIBE: the meeting's own triples; SELECT: what surrounds it, its place among them
    for query, expected in (("DESCRIBE ?e WHERE { ?e a hd:Meeting }", [meeting]),
                            ("SELECT ?e WHERE { ?e a hd:Meeting }", [meeting, "الرباط"])):
        status, headers, body = call(endpoint.base + "/view", {"query": query})
        assert status == 200, body[:300]
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert all(text in body.decode("utf-8") for text in expected)


def test_endpoint_view_escapes_hostile_labels(endpoint):
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{HOSTILE_ARTICLE}> {{ ?s ?p ?o }} }}"
    status, _, body = call(endpoint.base + "/view", {"query": query})
    page = body.decode("utf-8")
    assert status == 200 and "onerror" in page  # drawn, as escaped text
    assert HOSTILE_LABEL not in page and "<img" not in page and "\u202e" not in page


def test_endpoint_view_of_labels_only_says_what_to_select(endpoint):
    status, _, body = call(endpoint.base + "/view", {"query": "SELECT ?l WHERE { ?s rdfs:label ?l } LIMIT 3"})
    assert status == 400 and b"no IRI" in body
