"""kg.sparql: the checks every store and the endpoint share."""

from __future__ import annotations

import pytest

from kg.sparql import quick_form


@pytest.mark.parametrize(("text", "form"), [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("prefix x: <http://example.org/SERVICE/> ask { ?s x:p ?o }", "ASK"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } # insert", "CONSTRUCT"),
    ('SELECT * { ?s ?p "SERVICE <http://x> {}" }', "SELECT"),
    ('SELECT * { ?s ?p """a "quoted" DELETE""" }', "SELECT"),
    ("PREFIX ask: <http://example.org/> DESCRIBE ask:x", "DESCRIBE"),
    ("SELECT ?a { ?a ?b ?c FILTER (?a < ?b) }", "SELECT"),
])
def test_quick_form_reads_plain_queries(text, form):
    assert quick_form(text) == form


@pytest.mark.parametrize("text", [
    "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * {?a ?b ?c FILTER(?a<?b)}SERVICE<http://x>{}",  # an IRI-like span must not hide it
    "# SELECT\nDELETE WHERE { ?s ?p ?o }",
    "LOAD <file:///etc/passwd>",
    "SELECT ?with { }",  # a variable named like a keyword: left to the parser, not guessed
    "WHERE { ?s ?p ?o }",
])
def test_quick_form_leaves_anything_doubtful_to_the_parser(text):
    assert quick_form(text) is None
