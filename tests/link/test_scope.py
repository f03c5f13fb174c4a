"""kg.link.scope: a person known only to one article is its own node in a corpus
graph; a full name, a link to the people gazetteer or a join by kg.link.corpus
still makes one node across articles."""

from dataclasses import replace
from datetime import date

import pytest
from rdflib import RDF, Dataset, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.link.scope import article_scoped, known_only_to_article, scope_persons
from kg.model import Entity, EntityType, Post
from kg.pipeline import extract, extract_corpus
from kg.rdf.build import corpus_graph
from kg.rdf.namespace import HD
from kg.reader import make_document

runner = CliRunner()


def person(*names, role_only=False, identity=()):
    return Entity(f"person:{names[0]}", EntityType.PERSON, names[0], names[1:], (),
                  (Post("رئيس", "org:interpol"),) if role_only else (), role_only, identity=identity)


@pytest.mark.parametrize("entity, local", [
    (person("يوسف"), True),                                     # one word
    (person("السيد يوسف"), True),                               # an honorific is no part of the name
    (person("عبد الله"), True),                                 # "عبد الله" is one name
    (person("رئيس الإنتربول", role_only=True), True),           # a post only
    (person("يوسف العلوي", "يوسف"), False),                     # a full name among its names
    (person("عبد الله الثاني"), False),
    (person("ترمب", identity=("people-gazetteer",)), False),    # linked
    (person("رئيس الإنتربول", role_only=True, identity=("post-holder-on-date",)), False),
    (Entity("country:MA", EntityType.COUNTRY, "المغرب", (), ()), False),
])
def test_scope_known_only_to_article(entity, local):
    assert known_only_to_article(entity) is local


def test_scope_ids_are_deterministic_and_idempotent():
    assert article_scoped("person:يوسف", "abc") == "person:يوسف@article:abc"
    assert article_scoped(article_scoped("person:يوسف", "abc"), "abc") == "person:يوسف@article:abc"
    doc = replace(make_document("وقال السيد يوسف إن الفريق جاهز للمباراة.", "خبر"), published=date(2018, 1, 1))
    assert extract(doc).entities == extract(doc).entities
    assert scope_persons(extract(doc)) == extract(doc)


def test_scope_renames_the_person_in_its_events():
    doc = extract(replace(make_document("استقبل السيد يوسف في الرباط وزير الخارجية المغربي أحمد الكتاني.", "خبر"),
                          published=date(2018, 1, 1)))
    (yusuf,) = [e for e in doc.entities if e.label == "يوسف"]
    assert yusuf.id == f"person:يوسف@article:{doc.id}"
    assert yusuf.id in {p.entity for event in doc.events for p in event.participants}


# -- a corpus graph, as `kg build A B -o corpus.trig` writes it ---------------------------------

def build_trig(tmp_path, *texts, published=None):
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"article{number}.txt"
        path.write_text(f"خبر\n\n{text}", encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "corpus.trig"
    options = ["--published", published] if published else []
    result = runner.invoke(app, ["build", *paths, "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="trig")
    return dataset


def persons(dataset):
    return {s for s, _, _, _ in dataset.quads((None, RDF.type, HD.Person, None))}


def test_scope_one_word_names_of_two_articles_are_two_nodes(tmp_path):
    dataset = build_trig(tmp_path, "وقال السيد يوسف إن الفريق جاهز للمباراة في باريس.",
                         "وقال السيد يوسف إن الطقس جميل في الرباط.", published="2018-01-01")
    assert len(persons(dataset)) == 2


@pytest.mark.parametrize("first, second", [
    ("الرباط في 12 مارس 2015 - ", "الرباط في 12 مارس 2023 - "),   # two holders of the post
    ("", ""),                                                      # undated: no holder known
])
def test_scope_role_only_persons_of_two_articles_are_two_nodes(tmp_path, first, second):
    dataset = build_trig(tmp_path, first + "قال رئيس الإنتربول إن التعاون الأمني ضروري.",
                         second + "قال رئيس الإنتربول إن التعاون الأمني ضروري لمكافحة الجريمة.")
    assert len(persons(dataset)) == 2


def test_scope_full_name_of_two_articles_is_one_node(tmp_path):
    dataset = build_trig(tmp_path, "قال وزير الخارجية المغربي أحمد الكتاني إن اللقاء مثمر.",
                         "استقبل أحمد الكتاني في الرباط ضيفه.", published="2018-01-01")
    assert len(persons(dataset)) == 1


def test_scope_linked_role_only_person_is_the_holders_node(tmp_path):
    """"العاهل الأردني" alone, and "الملك عبد الله" named by the same post (kg.link.people):
    both are Abdullah II on the articles' date, one node."""
    dataset = build_trig(tmp_path, "استقبل العاهل الأردني في عمان ضيفه.",
                         "قال العاهل الأردني الملك عبد الله إن اللقاء مثمر.", published="2018-06-07")
    (king,) = persons(dataset)
    assert str(king).endswith("/person/abdullah-ii")


def test_scope_one_word_names_joined_across_articles_share_one_node():
    """"يوسف", Morocco's interior minister in both articles: kg.link.corpus joins them
    (a post in the same country supports the one word), and the join gives one node."""
    docs = extract_corpus([replace(make_document(text, "خبر"), published=date(2018, 1, 1)) for text in (
        "قال السيد يوسف، وزير الداخلية المغربي، إن اللقاء مثمر.",
        "وأكد الدكتور يوسف وزير الداخلية المغربي أن الزيارة ناجحة.")])
    ids = [{e.id for e in doc.entities if e.type is EntityType.PERSON} for doc in docs]
    assert ids[0] == ids[1] and len(ids[0]) == 1
    assert "@article:" in next(iter(ids[0]))
    graph = corpus_graph(docs)
    (node,) = set(graph.subjects(RDF.type, HD.Person))
    assert Literal("same-name") in {rule for evidence in graph.objects(node, HD.identityEvidence)
                                    for rule in graph.objects(evidence, HD.identityRule)}
