"""The protocol's rules without a server: the query form read from text,
content negotiation, and the parameters of GET and POST."""

from __future__ import annotations

import pytest

from kg.serve.protocol import (CSV, JSONLD, NTRIPLES, RDFXML, RESULTS_JSON, RESULTS_XML, TSV, TURTLE, ProtocolError,
                               choose_media_type, query_form, query_request)


@pytest.mark.parametrize("text, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("prefix select: <http://x/select#>\nconstruct { ?s select:ask ?o } where { ?s ?p ?o }", "CONSTRUCT"),
    ("# INSERT in a comment\nASK { ?s ?p \"DELETE\" }", "ASK"),
    ('BASE <http://x/insert/> DESCRIBE <a>', "DESCRIBE"),
    ("SELECT ?insert WHERE { ?insert ?p '''\nLOAD''' }", "SELECT"),
    ('PREFIX x: <http://x/> INSERT DATA { x:a x:b "سؤال" }', "INSERT"),
    ("LOAD <http://example.org/a.ttl>", "LOAD"),
    ("with <http://g/> delete { ?s ?p ?o } where { ?s ?p ?o }", "WITH"),
    ("SELEC ?s", None),
    ("", None),
])
def test_protocol_query_form(text, form):
    assert query_form(text) == form


@pytest.mark.parametrize("form, accept, expected", [
    ("SELECT", "", RESULTS_JSON),
    ("SELECT", "*/*", RESULTS_JSON),
    ("SELECT", "text/*", CSV),
    ("SELECT", "application/sparql-results+xml, application/sparql-results+json;q=0.5", RESULTS_XML),
    ("SELECT", "application/sparql-results+json;q=0.2, text/tab-separated-values", TSV),
    ("SELECT", "application/json", RESULTS_JSON),
    ("ASK", "text/xml", RESULTS_XML),
    ("CONSTRUCT", "", TURTLE),
    ("CONSTRUCT", "application/sparql-results+json, text/turtle;q=0.9", TURTLE),
    ("DESCRIBE", "application/ld+json", JSONLD),
    ("CONSTRUCT", "text/plain", NTRIPLES),
    ("CONSTRUCT", "application/rdf+xml", RDFXML),
    (None, "", RESULTS_JSON),
])
def test_protocol_negotiation(form, accept, expected):
    assert choose_media_type(form, accept) == expected


def test_protocol_format_parameter_depends_on_the_form():
    assert choose_media_type("SELECT", "", ("json",)) == RESULTS_JSON
    assert choose_media_type("CONSTRUCT", "", ("json",)) == JSONLD
    assert choose_media_type("CONSTRUCT", "", ("xml",)) == RDFXML
    assert choose_media_type("SELECT", "", ("tsv", TSV)) == TSV  # as SPARQLWrapper sends it


@pytest.mark.parametrize("form, accept, formats", [
    ("SELECT", "image/png", ()),
    ("SELECT", "text/csv;q=0", ()),
    ("CONSTRUCT", "application/sparql-results+json", ()),
    ("SELECT", "", ("turtle",)),
])
def test_protocol_negotiation_refuses_with_406(form, accept, formats):
    with pytest.raises(ProtocolError) as refused:
        choose_media_type(form, accept, formats)
    assert refused.value.status == 406


def test_protocol_request_forms():
    get = query_request("GET", "", "query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fg%2F", b"", "")
    assert (get.sparql, get.graph) == ("ASK {}", "http://g/")
    form = query_request("POST", "application/x-www-form-urlencoded; charset=UTF-8", "",
                         "query=ASK+%7B%7D&default-graph-uri=".encode(), "")
    assert (form.sparql, form.graph) == ("ASK {}", None)
    direct = query_request("POST", "application/sparql-query", "default-graph-uri=http%3A%2F%2Fg%2F",
                           "ASK { ?s ?p \"حدث\" }".encode(), "")
    assert (direct.sparql, direct.graph) == ('ASK { ?s ?p "حدث" }', "http://g/")


@pytest.mark.parametrize("method, content_type, query_string, body, status", [
    ("POST", "application/sparql-update", "", b"CLEAR ALL", 403),
    ("POST", "application/x-www-form-urlencoded", "", b"update=CLEAR+ALL", 403),
    ("GET", "", "update=CLEAR+ALL", b"", 403),
    ("POST", "text/plain", "", b"ASK {}", 415),
    ("PUT", "", "query=ASK+%7B%7D", b"", 405),
    ("GET", "", "", b"", 400),
    ("GET", "", "query=a&query=b", b"", 400),
    ("POST", "application/sparql-query", "", b"\xff\xfe", 400),
    ("GET", "", "query=%FF", b"", 400),
])
def test_protocol_request_refusals(method, content_type, query_string, body, status):
    with pytest.raises(ProtocolError) as refused:
        query_request(method, content_type, query_string, body, "")
    assert refused.value.status == status
