"""kg/rdf/build.py's fast path: the builder writes its own triples, not an rdflib
Graph, so what it writes must be what rdflib would have: the same N-Triples,
byte for byte, on hostile text; the same graph through document_graph,
corpus_graph and corpus_dataset as through add_document into rdflib graphs
(which reads and rewrites earlier articles' labels in rdflib itself)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.model import (Document, Entity, EntityType, Event, EventType, Mention, MentionKind, Participant, Post,
                      Role, Sentence, Span)
from kg.rdf import iris
from kg.rdf.build import (Lit, Triples, add_document, corpus_dataset, corpus_graph, corpus_quads, document_graph,
                          document_ntriples, document_triples, to_rdflib)

from ..conftest import SHARED, needs_shared
from ..strategies import SCALE, any_text
from .test_build import first_article, second_article

HOSTILE = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text N-Triples must escape, or must not: quotes, backslashes, CR, LF, other
# controls, separators str.splitlines() would split at, bidi controls.
NASTY = ['"', "\\", '\\"', "\n", "\r", "\r\n", "\t", "\x00", "\x0b", "\x1b[31m", "\x7f", "\x85", "\u2028",
         "\u2029", "\u202e", "\ufeff", '""\\n', "\\u0041", "@ar", "^^<x>", " .\n<a> <b> <c> ."]
TEXT = st.one_of(any_text(), st.sampled_from(NASTY),
                 st.lists(st.sampled_from(NASTY + ["ب", "a", " "]), max_size=8).map("".join))
ENCODABLE = TEXT.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text))
# A person's name is romanised by arabic_name_romanizer, whose time grows
# exponentially with the words of a name (16 words: seconds): names stay short.
NAME = st.one_of(st.sampled_from(NASTY), st.text(max_size=12),
                 st.lists(st.sampled_from(NASTY + ["ب", "a", " "]), max_size=6).map("".join)).filter(
    lambda text: text.strip() != "" and not any("\ud800" <= c <= "\udfff" for c in text))


def rdflib_lines(graph: Graph) -> list[str]:
    return sorted(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")[:-1])


def fast_lines(text: str) -> list[str]:
    return sorted(text.split("\n")[:-1])


# ---------------------------------------------------------------- one literal

@HOSTILE
@given(ENCODABLE, st.sampled_from([None, "ar", "en", "ar-Latn", str(XSD.date), str(XSD.nonNegativeInteger)]))
@example('a"b\\c\nd\re', "ar")
def test_ntriples_literal_is_written_as_rdflib_writes_it(text, tag):
    if tag == str(XSD.nonNegativeInteger):
        # the builder types only its own counts as integers (kg.rdf.build._count, from an
        # int), never article text; rdflib would rewrite "٠" or "007" through int()
        text = str(len(text))
    term = Lit(text, tag) if tag and "/" not in tag else Lit(text, None, tag)
    triples = Triples()
    triples.add(("http://example.org/s", "http://example.org/p", term))
    graph = Graph()
    graph.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), to_rdflib(term)))
    assert fast_lines(triples.ntriples()) == rdflib_lines(graph)


def test_ntriples_lone_surrogate_is_refused_as_rdflib_refuses_it():
    graph = Graph()
    graph.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("a\ud800")))
    with pytest.raises(UnicodeEncodeError):
        graph.serialize(format="nt")
    triples = Triples()
    triples.add(("http://example.org/s", "http://example.org/p", Lit("a\ud800")))
    with pytest.raises(UnicodeEncodeError):
        triples.ntriples()


@given(st.integers(min_value=0, max_value=10**30))
def test_ntriples_counts_are_the_literals_rdflib_makes(number):
    made = to_rdflib(Lit(str(number), None, str(XSD.nonNegativeInteger)))
    assert made == Literal(number, datatype=XSD.nonNegativeInteger) and made.n3() == Literal(
        number, datatype=XSD.nonNegativeInteger).n3()


def test_ntriples_role_only_flag_is_rdflib_true():
    assert to_rdflib(Lit("true", None, str(XSD.boolean))) == Literal(True)


# ---------------------------------------------------------------- whole documents

def hostile_document(text: str, name: str, other: str, title: str | None, source: str | None, url: str | None,
                     rule: str) -> Document:
    """An article whose text, names, post, headline, file name, URL and rule are hostile."""
    body = f"استقبل {name} {other}."
    full = f"{text}\n{body}"
    start = full.index(name, len(text))
    person = Entity("person:" + name, EntityType.PERSON, name, (other,) if other != name else (),
                    (Mention(Span(start, start + len(name)), name, EntityType.PERSON, MentionKind.NAME),),
                    posts=(Post(other, "country:MA"),), identity=(rule,))
    morocco = Entity("country:MA", EntityType.COUNTRY, "المغرب", (), (), wikidata="Q1028", label_en=other)
    trigger = Span(len(text) + 1, len(text) + 7)
    event = Event("ev1", EventType.MEETING, trigger, Span(len(text) + 1, len(full)),
                  participants=(Participant(person.id, Role.HOST),), place="country:MA", date="2024-03-12",
                  session=3, cameo="040", evidence=(trigger,))
    return Document(text=full, id="hostile", title=title,
                    published=date(2024, 3, 12), url=url, source=source,
                    sentences=(Sentence(Span(0, len(full)), (0, 0)),), entities=(person, morocco), events=(event,))


@HOSTILE
@given(ENCODABLE, NAME, ENCODABLE, st.one_of(st.none(), ENCODABLE),
       st.one_of(st.none(), ENCODABLE), st.one_of(st.none(), ENCODABLE.map(lambda t: "https://example.org/" + t)),
       ENCODABLE)
def test_ntriples_hostile_document_is_rdflib_serialisation(text, name, other, title, source, url, rule):
    doc = hostile_document(text, name, other, title or None, source or None, url, rule or "x")
    assert fast_lines(document_ntriples(doc)) == rdflib_lines(document_graph(doc))
    slow = add_document(Graph(), doc)  # term by term through rdflib, as before the fast path
    assert set(slow) == set(document_graph(doc))


def test_ntriples_example_is_rdflib_serialisation(example_doc, example_graph):
    assert fast_lines(document_ntriples(example_doc)) == rdflib_lines(example_graph)
    assert set(example_graph) == set(add_document(Graph(), example_doc))


@needs_shared(SHARED / "corpus" / "articles")
def test_ntriples_corpus_articles_are_rdflib_serialisation():
    from kg.api import extract_articles
    paths = sorted((SHARED / "corpus" / "articles").glob("*.txt"))[::10]
    for doc in extract_articles(paths):
        assert fast_lines(document_ntriples(doc)) == rdflib_lines(add_document(Graph(), doc)), doc.source


# ---------------------------------------------------------------- corpora: labels settled across articles

def morocco_unknown() -> Document:
    """An article that did not recognise Morocco and wrote its own spelling."""
    text = "وأكد دعم المملكة المغربية."
    start = text.index("المملكة المغربية")
    morocco = Entity("country:MA", EntityType.COUNTRY, "المملكة المغربية", (),
                     (Mention(Span(start, start + 16), "المملكة المغربية", EntityType.COUNTRY, MentionKind.NAME),))
    return Document(text=text, id="third", sentences=(Sentence(Span(0, len(text)), (0, 0)),), entities=(morocco,))


CORPORA = {
    "two spellings": lambda: [first_article(), second_article()],
    "english labels disagree": lambda: [first_article("Morocco"), second_article("Kingdom of Morocco")],
    "gazetteer label later": lambda: [morocco_unknown(), second_article()],
    "same article twice": lambda: [first_article(), second_article(), first_article(source="copy.txt")],
}


def rdflib_corpus_graph(docs: list[Document]) -> Graph:
    graph = Graph()
    for doc in docs:
        add_document(graph, doc)
    return graph


def rdflib_corpus_dataset(docs: list[Document]) -> Dataset:
    dataset = Dataset()
    for doc in docs:
        add_document(dataset.graph(iris.article_iri(doc.id)), doc, corpus=dataset)
    return dataset


def quads(dataset: Dataset) -> set:
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}


@pytest.mark.parametrize("name", list(CORPORA))
def test_ntriples_corpus_graph_is_the_one_rdflib_builds(name):
    docs = CORPORA[name]()
    assert set(corpus_graph(docs)) == set(rdflib_corpus_graph(docs))


@pytest.mark.parametrize("name", list(CORPORA))
def test_ntriples_corpus_dataset_is_the_one_rdflib_builds(name):
    docs = CORPORA[name]()
    expected = rdflib_corpus_dataset(docs)
    assert quads(corpus_dataset(docs)) == quads(expected)
    named = {str(graph.identifier): graph for graph in expected.graphs() if len(graph)}
    fast = {article: triples for article, triples in corpus_quads(docs).items() if len(triples)}
    assert set(fast) == set(named)
    for article, triples in fast.items():
        assert fast_lines(triples.nquads(article)) == sorted(
            line[:-1] + f"<{article}> ." for line in rdflib_lines(named[article]))


def test_ntriples_label_settled_in_the_earlier_article_graph():
    """The gazetteer's name from a later article rewrites the earlier article's graph."""
    graphs = corpus_quads([morocco_unknown(), second_article()])
    morocco = str(iris.entity_iri("country:MA", EntityType.COUNTRY))
    assert graphs[str(iris.article_iri("third"))].objects(morocco, str(RDFS.label)) == [Lit("المغرب", "ar")]


def test_ntriples_document_triples_iterate_and_count():
    triples = document_triples(first_article())
    assert len(triples) == len(list(triples)) == len(document_graph(first_article()))
