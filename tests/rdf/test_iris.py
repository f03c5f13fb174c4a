"""Property tests for kg/rdf/iris.py: whatever text an article puts into an IRI,
the IRI is valid, survives Turtle and N-Triples, and names one thing only."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import OWL

from kg.model import EntityType, Span
from kg.rdf import iris
from kg.rdf.build import bind_prefixes

# Any code point, lone surrogates included: article text is Python str, and
# a str is what reaches the IRI builders.
ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]))
KEYS = st.text(ANY_CHAR, min_size=1)
# A few characters an encoding could confuse with one another, so that
# hypothesis meets near-collisions ("a b" and "a_b") often.
CLASHING = st.text(" _%.-/:~a2F0ب\u200f", min_size=1, max_size=6)
AWKWARD = ['<>"{}|\\^`', " ", "a b", "a_b", "/", "..", ".", "\u202eabc\u202c", "\x00", "%41", "\ud800"]

# RFC 3987 section 2.2: iunreserved, reserved, pct-encoded; ucschar is allowed
# by the grammar, though the builders percent-encode it as well.
_ASCII = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]")
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF), *(
    (plane + 0x0000, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)), (0xE1000, 0xEFFFD))
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def outside_iri_grammar(iri: str) -> list[str]:
    """The characters of ``iri`` the IRI grammar does not allow, and any stray '%'."""
    bad = [c for c in iri if c != "%" and not _ASCII.fullmatch(c)
           and not any(low <= ord(c) <= high for low, high in _UCSCHAR)]
    return bad + _PERCENT.findall(iri)


def path_segments(iri: URIRef) -> list[str]:
    path = str(iri).split("://", 1)[1].split("?", 1)[0].split("#", 1)[0]
    return path.split("/")[1:]


def assert_usable(iri: URIRef) -> None:
    """Valid, free of dot-segments (which a resolver would collapse), and
    read back the same from Turtle and N-Triples."""
    assert outside_iri_grammar(str(iri)) == []
    assert not {".", ".."} & set(path_segments(iri)), f"dot-segment in {iri}"
    assert_round_trips(iri)


def assert_round_trips(iri: URIRef) -> None:
    graph = Graph()
    bind_prefixes(graph)
    graph.add((iri, OWL.sameAs, iri))
    for rdf_format in ("turtle", "nt"):
        back = Graph().parse(data=graph.serialize(format=rdf_format), format=rdf_format)
        assert set(back) == {(iri, OWL.sameAs, iri)}, rdf_format


# no deadline: each example parses two graphs, and the first loads rdflib's
# parser plugins; under load that passes hypothesis's 200 ms for no fault of the IRI
@settings(deadline=None)
@given(KEYS, st.sampled_from(EntityType))
def test_iris_entity_iri_is_a_valid_iri_in_turtle_and_ntriples(key, entity_type):
    assert_usable(iris.entity_iri(f"{entity_type.value.lower()}:{key}", entity_type))


def test_iris_entity_iri_refuses_an_empty_key():
    """It would name the folder itself (id/person/), and every other keyless entity."""
    with pytest.raises(ValueError):
        iris.entity_iri("person:", EntityType.PERSON)


@pytest.mark.parametrize("key", AWKWARD)
def test_iris_awkward_keys_are_encoded(key):
    assert_usable(iris.entity_iri(f"person:{key}", EntityType.PERSON))
    assert_usable(iris.article_iri(key))


@settings(deadline=None)   # eight graphs parsed an example (see above)
@given(KEYS)
def test_iris_article_mention_sentence_and_event_iris_are_valid(doc_id):
    assert_usable(iris.article_iri(doc_id))
    assert_usable(iris.mention_iri(doc_id, Span(3, 9)))
    assert_usable(iris.sentence_iri(doc_id, Span(0, 40)))
    assert_usable(iris.event_iri(doc_id, "ev2"))


@given(st.one_of(KEYS, CLASHING), st.one_of(KEYS, CLASHING))
@example("a b", "a_b")
@example(" ", "_")
@example("..", "%2E%2E")
@example("a/b", "a%2Fb")
def test_iris_entity_iri_differs_for_different_keys(first, second):
    if first != second:
        assert (iris.entity_iri(f"person:{first}", EntityType.PERSON)
                != iris.entity_iri(f"person:{second}", EntityType.PERSON))


@given(st.text(min_size=1), st.text(min_size=1))
def test_iris_entity_iri_key_is_the_text_after_the_first_colon(prefix, key):
    """"country:MA" and "org:un" name their type twice; the folder comes from the type."""
    prefix = prefix.replace(":", "")
    assert iris.entity_iri(f"{prefix}:{key}", EntityType.CITY) == iris.entity_iri(f"city:{key}", EntityType.CITY)


@given(CLASHING, CLASHING, CLASHING, CLASHING)
@example("a-b", "c", "a", "b-c")
def test_iris_event_iri_differs_for_different_article_and_event(doc1, event1, doc2, event2):
    if (doc1, event1) != (doc2, event2):
        assert iris.event_iri(doc1, f"ev{event1}") != iris.event_iri(doc2, f"ev{event2}")


@given(st.one_of(KEYS, CLASHING), st.one_of(KEYS, CLASHING))
def test_iris_article_iri_differs_for_different_articles(first, second):
    if first != second:
        assert iris.article_iri(first) != iris.article_iri(second)


def test_iris_known_entities_keep_their_readable_iris():
    """The encoding is only for what needs it: golden graphs and links stay put."""
    assert str(iris.entity_iri("country:MA", EntityType.COUNTRY)) == "https://w3id.org/hadath/id/country/MA"
    assert str(iris.entity_iri("org:un", EntityType.ORGANISATION)) == "https://w3id.org/hadath/id/organisation/un"
    assert str(iris.entity_iri("person:سمير ودغيري", EntityType.PERSON)).endswith(
        "/person/%D8%B3%D9%85%D9%8A%D8%B1_%D9%88%D8%AF%D8%BA%D9%8A%D8%B1%D9%8A")


@given(st.text(ANY_CHAR))
@example("%zz")
@example("100%")
@example('a b<c>"d"{e}|f\\g^h`')
def test_iris_web_iri_of_any_http_url_is_valid(rest):
    url = iris.web_iri("https://example.org/" + rest)
    assert url is not None
    assert outside_iri_grammar(str(url)) == []
    assert_round_trips(url)  # dot-segments are the site's business: a URL is kept as given


def test_iris_web_iri_keeps_a_valid_url_as_it_is():
    url = "https://example.org/news/2024/03/a%20b?id=7&x=%D8%A7#top"
    assert str(iris.web_iri(url)) == url


@pytest.mark.parametrize("url", ["ftp://example.org/a", "javascript:alert(1)", "example.org/a", ""])
def test_iris_web_iri_refuses_what_is_not_http(url):
    assert iris.web_iri(url) is None
