"""Graph files and SPARQL queries: bad files and bad queries are typed errors,
and a query reads the given graph files only, never another file or the network."""

import json
import socket

import pytest
from rdflib import Graph

from kg.errors import InputError, QueryError
from kg.rdf.io import load_graphs

from .conftest import EXAMPLE

TRIPLE = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    from kg.api import build
    out = tmp_path_factory.mktemp("graph") / "graph.ttl"
    build([EXAMPLE], out)
    return out


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a query or a graph file reached the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)


# Graph files

@pytest.mark.parametrize("name, content", [
    ("bad.rdf", "<a>"),
    ("bad.rdf", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><x"),
    ("bad.ttl", "<http://example.org/a>"),
    ("bad.ttl", "@prefix : <http://example.org/> . :a :b"),
    ("bad.nt", "<a> <b>"),
    ("bad.trig", "{ <a> "),
    ("bad.nq", "<http://a> <http://b> <http://c> <http://d> <http://e> ."),
    ("bad.jsonld", "{\"@context\": 5, \"@id\": \"x\"}"),
    ("bad.jsonld", "null"),
    ("bad.jsonld", "{not json"),
])
def test_io_malformed_graph_file_is_input_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="cannot parse graph") as caught:
        load_graphs([path])
    assert str(path) in caught.value.message and "\n" not in caught.value.message


def test_io_graph_file_not_utf8_is_input_error(tmp_path):
    path = tmp_path / "latin.ttl"
    path.write_bytes(b'<http://example.org/a> <http://example.org/p> "caf\xe9" .\n')
    with pytest.raises(InputError, match="cannot parse graph"):
        load_graphs([path])


def test_io_unreadable_graph_file_is_input_error(tmp_path):
    path = tmp_path / "dir.ttl"
    path.mkdir()
    with pytest.raises(InputError):
        load_graphs([path])


@pytest.mark.parametrize("context", ["http://127.0.0.1:9/context.jsonld", "context.jsonld",
                                     ["context.jsonld", {"ex": "http://example.org/"}]])
def test_io_jsonld_remote_context_is_refused(tmp_path, no_network, context):
    # The relative context exists: before the fix rdflib read it from disk.
    (tmp_path / "context.jsonld").write_text(json.dumps({"@context": {"ex": "http://example.org/"}}),
                                             encoding="utf-8")
    path = tmp_path / "graph.jsonld"
    path.write_text(json.dumps({"@context": context, "@id": "ex:a", "ex:p": {"@id": "ex:b"}}), encoding="utf-8")
    with pytest.raises(InputError, match="remote JSON-LD @context"):
        load_graphs([path])


def test_io_jsonld_scoped_remote_context_is_refused(tmp_path, no_network):
    path = tmp_path / "graph.jsonld"
    path.write_text(json.dumps({"@context": {"ex": "http://example.org/",
                                             "p": {"@id": "ex:p", "@context": "http://127.0.0.1:9/c"}},
                                "@id": "ex:a", "p": {"@id": "ex:b"}}), encoding="utf-8")
    with pytest.raises(InputError, match="remote JSON-LD @context"):
        load_graphs([path])


def test_io_jsonld_inline_context_loads(tmp_path, no_network):
    path = tmp_path / "graph.jsonld"
    path.write_text(json.dumps({"@context": {"ex": "http://example.org/"}, "@id": "ex:a",
                                "ex:p": {"@id": "ex:b"}}), encoding="utf-8")
    assert len(load_graphs([path])) == 1


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf", ".trig", ".nq"])
def test_io_every_written_format_loads_back(tmp_path, graph_file, suffix, no_network):
    from kg.rdf.io import save
    original = Graph().parse(graph_file)
    out = tmp_path / f"graph{suffix}"
    save(load_graphs([graph_file]) if suffix in (".trig", ".nq") else original, out)
    assert len(load_graphs([out])) == len(original)


# Queries

@pytest.mark.parametrize("sparql, message", [
    ("SELECT ?x WHERE { ?x foo:bar ?y }", "unknown prefix 'foo:' at line 1, column 22"),
    ("SELECT ?x WHERE {\n  ?x a ?t .\n  ?x ex:p ?y }", "unknown prefix 'ex:' at line 3, column 6"),
    ("SELECT ?x WHERE { ?x ?y }", "SPARQL syntax error at line 1, column"),
    ("SELECT ?x WHERE {\n ?x ?p ?o \n FILTER( }", "SPARQL syntax error at line 3, column"),
    ('SELECT ?x WHERE { ?x ?p ?o FILTER regex(str(?o), "(") }', "bad regular expression"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "SPARQL syntax error"),
    ("SELECT (SUM(?s) AS ?n) WHERE { ?s ?p ?o }", "cannot run query"),  # rdflib: AttributeError
])
def test_query_errors_are_query_errors(graph_file, sparql, message):
    from kg.api import query
    with pytest.raises(QueryError) as caught:
        query([graph_file], sparql)
    assert message in caught.value.message and "\n" not in caught.value.message


def test_query_result_is_evaluated_before_it_is_returned(graph_file):
    """The regex fails only on the first solution: rdflib evaluates lazily, so
    the error used to escape later, in format_result."""
    from kg.api import format_result, query
    with pytest.raises(QueryError):
        format_result(query([graph_file], 'SELECT ?o WHERE { ?s ?p ?o FILTER regex(str(?o), "[") }'), "csv")


@pytest.mark.parametrize("clause", ["SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }",
                                    "?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?x } }"])
def test_query_service_is_refused(graph_file, no_network, clause):
    from kg.api import query
    with pytest.raises(QueryError, match="SERVICE"):
        query([graph_file], f"SELECT * WHERE {{ {clause} }}")


@pytest.mark.parametrize("keyword", ["FROM", "FROM NAMED"])
def test_query_from_cannot_read_another_file(tmp_path, graph_file, no_network, keyword):
    other = tmp_path / "other.nt"
    other.write_text(TRIPLE, encoding="utf-8")
    from kg.api import query
    for iri in (other.resolve().as_uri(), "http://127.0.0.1:9/graph.ttl"):
        with pytest.raises(QueryError, match="FROM"):
            query([graph_file], f"SELECT * {keyword} <{iri}> WHERE {{ ?s ?p ?o }}")


def test_query_from_a_named_graph_of_the_files_runs(tmp_path, no_network):
    import rdflib.plugins.sparql
    trig = tmp_path / "graphs.trig"
    trig.write_text("<http://example.org/g> { " + TRIPLE + "}\n"
                    "<http://example.org/h> { <http://example.org/c> <http://example.org/p> <http://example.org/d> . }\n",
                    encoding="utf-8")
    from kg.api import query
    result = query([trig], "SELECT ?s FROM <http://example.org/g> WHERE { ?s ?p ?o }")
    assert [str(row.s) for row in result] == ["http://example.org/a"]
    assert rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS is True  # rdflib's setting is restored
