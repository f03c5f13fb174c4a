"""Cross-article identity on the real news corpus (../shared/corpus): the same
person in several wire and broadcaster articles is one node, and people who
share a name part are not merged.  Skipped where ../shared is absent."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import date
from email.utils import parsedate_to_datetime

import pytest
from rdflib import RDF, RDFS, SKOS

from kg.link.corpus import name_words, variant_words
from kg.model import EntityType
from kg.pipeline import extract_corpus
from kg.rdf.build import corpus_graph
from kg.rdf.namespace import HD
from kg.reader import read_text_article

from ..conftest import SHARED, needs_shared

CORPUS = SHARED / "corpus"
pytestmark = needs_shared(CORPUS / "meta.tsv")

# Articles of six outlets naming Trump, Putin, al-Sisi, King Salman, the Saudi
# crown prince, the Abu Dhabi crown prince and his brothers.
ARTICLES = ("alarabiya-003", "alarabiya-012", "alarabiya-013", "alarabiya-002", "bbcar-001", "bbcar-003",
            "cnnar-001", "cnnar-002", "cnnar-003", "cnnar-012", "cnnar-013", "f24ar-005", "skynewsar-011",
            "skynewsar-002", "snn-001", "snn-008", "snn-010", "snn-024", "snn-031")


def published(value: str) -> date | None:
    """meta.tsv's dates: ISO, RFC 2822 (the antcorpus feeds) or day/month/year."""
    value = value.strip()
    if match := re.match(r"(\d\d)/(\d\d)/(\d{4})", value):
        return date(int(match[3]), int(match[2]), int(match[1]))
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return date.fromisoformat(value[:10])
    return parsedate_to_datetime(value).date() if value else None


def extracted(names):
    """The articles ``names``, dated by meta.tsv, extracted together: article -> document."""
    with open(CORPUS / "meta.tsv", encoding="utf-8", newline="") as handle:
        meta = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    found = []
    for name in names:
        path = CORPUS / "articles" / f"{name}.txt"
        doc = read_text_article(path.read_text(encoding="utf-8"), source=path.name)
        found.append(replace(doc, published=published(meta[path.name]["date"])))
    return {doc.source.removesuffix(".txt"): doc for doc in extract_corpus(found)}


@pytest.fixture(scope="module")
def docs():
    return extracted(ARTICLES)


def named(name: str, form: str) -> bool:
    """``form`` is ``name`` up to spelling, or opens with it ("... آل نهيان" after "محمد بن زايد")."""
    words = name_words(name)
    return variant_words(words, name_words(form)[:len(words)])


def persons_named(docs, name: str) -> dict[str, set[str]]:
    """Article -> ids of the named persons one of whose names is ``name`` (see ``named``)."""
    found: dict[str, set[str]] = {}
    for article, doc in docs.items():
        for entity in doc.entities:
            if entity.type is EntityType.PERSON and not entity.role_only and any(
                    named(name, form) for form in (entity.label, *entity.names)):
                found.setdefault(article, set()).add(entity.id)
    return found


@pytest.mark.parametrize("name, key, least", [
    ("ترمب", "person:donald-trump", 5),                 # ترامب and ترمب
    ("بوتين", "person:vladimir-putin", 4),              # بوتين and بوتن
    ("عبد الفتاح السيسي", "person:abdel-fattah-el-sisi", 3),  # عبد الفتاح, عبدالفتاح; السيسي, السيسى
    ("سلمان بن عبدالعزيز", "person:salman-bin-abdulaziz", 3),
    ("محمد بن سلمان", "person:mohammed-bin-salman", 3),
])
def test_corpus_real_same_person_in_many_outlets_is_one_node(docs, name, key, least):
    found = persons_named(docs, name)
    assert len(found) >= least
    assert set().union(*found.values()) == {key}


def test_corpus_real_same_person_is_one_node_in_the_graph(docs):
    graph = corpus_graph(docs.values())
    trump = {node for node in graph.subjects(RDF.type, HD.Person)
             if any(named("دونالد ترمب", str(label)) or named("ترمب", str(label))
                    for p in (RDFS.label, SKOS.altLabel) for label in graph.objects(node, p))}
    assert len(trump) == 1
    articles = set(graph.objects(trump.pop(), HD.identityEvidence))
    assert len(articles) >= 5   # one piece of evidence from each article that joined it


@pytest.mark.parametrize("article", ["bbcar-003", "cnnar-001", "cnnar-003"])
def test_corpus_real_king_and_crown_prince_stay_apart(docs, article):
    """"الملك سلمان" was once taken for the end of "محمد بن سلمان"."""
    doc = docs[article]
    prince = next(e for e in doc.entities if e.id == "person:mohammed-bin-salman")
    assert not any(name_words(form) in {("سلمان",), ("سلمان", "بن", "عبدالعزيز")}
                   for form in (prince.label, *prince.names))


@pytest.mark.parametrize("article, names", [
    ("snn-024", ("محمد بن زايد", "عبدالله بن زايد", "طحنون بن زايد")),   # three brothers
    ("snn-001", ("محمد بن نايف بن عبدالعزيز", "محمد بن سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز")),
])
def test_corpus_real_people_sharing_name_parts_are_not_merged(docs, article, names):
    ids = [persons_named({article: docs[article]}, name).get(article, set()) for name in names]
    assert all(len(found) == 1 for found in ids), ids
    assert len(set().union(*ids)) == len(names)


def test_corpus_real_linked_people_carry_their_item(docs):
    people = {e.id: e for doc in docs.values() for e in doc.entities if e.type is EntityType.PERSON}
    assert people["person:donald-trump"].wikidata == "Q22686"
    assert people["person:vladimir-putin"].wikidata == "Q7747"
    assert people["person:abdel-fattah-el-sisi"].label_en == "Abdel Fattah el-Sisi"


# Two UN special envoys (Western Sahara, 2018; Syria, 2015) the articles know only by the post,
# and "الأمين" of two wire reports of one day (the Muslim World League's and the GCC's secretary-general).
SCOPED = ("skynewsar-005", "snn-019", "snn-006", "snn-008")


@pytest.fixture(scope="module")
def scoped_docs():
    return extracted(SCOPED)


def test_corpus_real_two_envoys_known_by_one_post_are_two_nodes(scoped_docs):
    envoys = {article: {e.id for e in doc.entities if e.type is EntityType.PERSON and e.role_only
                        and any(p.org == "org:un" and "مبعوث" in p.title for p in e.posts)}
              for article, doc in scoped_docs.items() if article in ("skynewsar-005", "snn-019")}
    assert all(len(ids) == 1 for ids in envoys.values()), envoys
    assert envoys["skynewsar-005"] != envoys["snn-019"]
    graph = corpus_graph(scoped_docs.values())
    nodes = {node for node in graph.subjects(RDF.type, HD.Person)
             if any("مبعوث" in str(label) for label in graph.objects(node, RDFS.label))}
    assert len(nodes) >= 2


@pytest.mark.parametrize("fixture", ["docs", "scoped_docs"])
def test_corpus_real_persons_share_a_node_only_by_a_full_name_or_evidence(fixture, request):
    """No two articles share a person by a word or a post alone: a person of several
    articles is named in full in one of them, or linked, or joined by a rule it records."""
    found: dict[str, list] = {}
    for doc in request.getfixturevalue(fixture).values():
        for entity in doc.entities:
            if entity.type is EntityType.PERSON:
                found.setdefault(entity.id, []).append(entity)
    for entity_id, entities in found.items():
        if len(entities) > 1:
            full = any(not e.role_only and len(name_words(n)) > 1 for e in entities for n in (e.label, *e.names))
            assert full or all(e.identity for e in entities), entity_id
