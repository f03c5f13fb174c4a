"""Cutting a serialised result at the row limit, in each results format, as
the store writes it; and the query that surrounds a SELECT's IRIs."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from rdflib.query import Result

from kg.serve.protocol import CSV, RESULTS_JSON, RESULTS_XML, TSV
from kg.serve.tasks import limit_rows, neighbourhood_query, result_iris

FORMATS = {RESULTS_JSON: ("json", ox.QueryResultsFormat.JSON), RESULTS_XML: ("xml", ox.QueryResultsFormat.XML),
           CSV: ("csv", ox.QueryResultsFormat.CSV), TSV: ("tsv", ox.QueryResultsFormat.TSV)}
# Values that could fool a cutter: newlines, quotes, commas, tabs, markup, Arabic.
NASTY = ['سطر\nثان', 'a "quoted", value', "tab\there", "<result>", "حدث"]


def serialized(rows: int, media_type: str) -> bytes:
    store = ox.Store()
    for n in range(rows):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{n:03d}"), ox.NamedNode("http://x/p"),
                          ox.Literal(NASTY[n % len(NASTY)], language="ar")))
    answer = store.query("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s")
    return answer.serialize(format=FORMATS[media_type][1])


@pytest.mark.parametrize("media_type", FORMATS)
@pytest.mark.parametrize("rows, limit", [(12, 5), (5, 5), (3, 5), (0, 1)])
def test_tasks_limit_rows(media_type, rows, limit):
    body = serialized(rows, media_type)
    cut = limit_rows(body, media_type, limit)
    if rows <= limit:
        assert cut is None
        return
    full = list(Result.parse(io.BytesIO(body), format=FORMATS[media_type][0]))
    kept = list(Result.parse(io.BytesIO(cut), format=FORMATS[media_type][0]))
    assert kept == full[:limit]


def test_tasks_limit_rows_leaves_graphs_and_booleans():
    assert limit_rows(b"<a> <b> <c> .\n" * 10, "application/n-triples", 2) is None
    assert limit_rows(b'{"head":{},"boolean":true}', RESULTS_JSON, 2) is None


def test_tasks_neighbourhood_query_runs_and_skips_unsafe_iris():
    results = (b'{"head":{"vars":["a","b"]},"results":{"bindings":[{"a":{"type":"uri","value":"http://x/1"},'
               b'"b":{"type":"literal","value":"http://x/2"}},{"a":{"type":"uri","value":"http://x/> } ; DROP"}},'
               b'{"a":{"type":"uri","value":"http://x/1"}}]}}')
    iris = result_iris(results)
    assert iris == ["http://x/1"]
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/0"), ox.NamedNode("http://x/p"), ox.NamedNode("http://x/1")))
    store.add(ox.Quad(ox.NamedNode("http://x/0"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                      ox.Literal("صفر")))
    assert len(list(store.query(neighbourhood_query(iris)))) == 2  # the edge in, and its subject's label
