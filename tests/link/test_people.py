"""kg.link.people: persons linked to the people gazetteer, never by a guess."""

from dataclasses import replace
from datetime import date

import pytest

from kg.link.corpus import name_words, variant_word
from kg.link.people import (NAME_POST_RULE, PEOPLE_RULE, POST_RULE, Holder, PeopleIndex, Tenure, link_people,
                             part_of_name, period_end, period_start)
from kg.model import Entity, EntityType, Event, EventType, Mention, MentionKind, Participant, Post, Span
from kg.pipeline import extract
from kg.reader import make_document

from ..conftest import ONTOLOGIES

ALWAYS = (date(2000, 1, 1), date.max)


def holder(key, names, *tenures, wikidata=None):
    return Holder(key, names[0], key.title(), wikidata, tuple(names),
                  tuple(Tenure("وزير", org, start, end) for org, start, end in tenures) or
                  (Tenure("وزير", None, *ALWAYS),))


def person(*names, posts=(), role_only=False, entity_id=None):
    return Entity(entity_id or f"person:{names[0]}", EntityType.PERSON, names[0], tuple(names[1:]), (),
                  tuple(Post("وزير", org) for org in posts), role_only)


# Invented office holders: two ministers sharing a family name, one title held in turn.
INDEX = PeopleIndex([
    holder("person:a", ["كريم الفاسي", "الفاسي"], ("country:MA", date(2010, 1, 1), date(2014, 12, 31)), wikidata="Q1"),
    holder("person:b", ["سعيد الفاسي", "الفاسي"], ("country:TN", date(2016, 1, 1), date.max), wikidata="Q2"),
    holder("person:c", ["عبد الرحيم الوزاني", "الوزاني"], ("country:MA", date(2012, 1, 1), date(2019, 12, 31))),
    holder("person:d", ["جون سميث"], ("country:GB", date(2015, 1, 1), date.max)),
    holder("person:e", ["جون سميت"], ("country:US", date(2015, 1, 1), date.max)),
])


@pytest.mark.parametrize("names, published, expected", [
    (("كريم الفاسي",), None, "person:a"),                      # a full name: whoever carries it
    (("السيد كريم الفاسي",), date(2020, 1, 1), "person:a"),  # an honorific is no part of the name
    (("عبدالرحيم الوزاني",), None, "person:c"),                # "عبد" joined or apart
    (("عبد الرحيم الوازاني",), date(2015, 1, 1), "person:c"),  # a long vowel more, in office
    (("الفاسي",), date(2012, 6, 1), "person:a"),                # a family name alone: the one in office
    (("الفاسي",), date(2017, 6, 1), "person:b"),
])
def test_people_links(names, published, expected):
    found = INDEX.holder(person(*names), published)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("entity, published", [
    (person("الفاسي"), date(2015, 6, 1)),                      # neither in office then
    (person("الفاسي"), None),                                  # undated: two bearers
    (person("عبد الرحيم الوازاني"), date(2021, 1, 1)),         # a variant spelling out of office
    (person("كريم الفاسي", posts=["country:EG"]), None),      # a post in a country he never served
    (person("كريم الفاسي", "سعيد الفاسي"), None),               # one entity, two holders' names
    (person("محمد الفاسي"), date(2012, 6, 1)),                 # a full name no holder carries
    (person("محمد الفاسي", "الفاسي"), date(2012, 6, 1)),       # ... even with the family name alone
    (person("جون سميث", "جون سميت"), None),                    # names of two holders
    (person("وزير الخارجية", role_only=True), None),           # a post phrase is not a name
])
def test_people_leaves_unlinked(entity, published):
    assert INDEX.holder(entity, published) is None


@pytest.mark.parametrize("a, b, same", [
    ("ترامب", "ترمب", True),
    ("بوتين", "بوتن", True),
    ("ظريف", "ظروف", False),     # a vowel letter written for another
    ("روحاني", "روحان", False),  # a final ya is a nisba, not a spelling
    ("سلمان", "سليمان", True),
])
def test_people_variant_word(a, b, same):
    assert variant_word(a, b) is same


def test_people_link_renames_and_merges():
    doc = make_document("نص", "خبر")
    entities = (person("كريم الفاسي"), person("السيد كريم الفاسي", entity_id="person:other"))
    event = Event("ev1", EventType.MEETING, Span(0, 1), Span(0, 1),
                  participants=(Participant("person:كريم الفاسي"), Participant("person:other")))
    linked = link_people(replace(doc, entities=entities, events=(event,)), INDEX)
    assert [(e.id, e.wikidata, e.label_en) for e in linked.entities] == [("person:a", "Q1", "Person:A")]
    assert linked.entities[0].names == ("السيد كريم الفاسي",)
    assert {p.entity for p in linked.events[0].participants} == {"person:a"}


def test_people_bundled_links_a_known_minister_in_an_article():
    doc = replace(make_document("التقى الرئيس الروسي فلاديمير بوتن نظيره في موسكو أمس.", "خبر"),
                  published=date(2019, 3, 1))
    putin = next(e for e in extract(doc).entities if e.type is EntityType.PERSON)
    assert (putin.id, putin.wikidata, putin.label_en) == ("person:vladimir-putin", "Q7747", "Vladimir Putin")


def test_people_bundled_keeps_the_king_and_the_crown_prince_apart():
    doc = replace(make_document("استقبل الملك سلمان بن عبدالعزيز الأمير محمد بن سلمان في الرياض. "
                                "وقال الملك سلمان إن اللقاء مثمر.", "خبر"), published=date(2018, 3, 1))
    ids = {e.id for e in extract(doc).entities if e.type is EntityType.PERSON}
    assert ids == {"person:salman-bin-abdulaziz", "person:mohammed-bin-salman"}


# -- role-only persons: the one holder of the post on the article's day ------------

def tenure(post, org, start, end):
    return Tenure(post, org, period_start(start), period_end(end))


# Invented foreign ministers of Morocco, one year of transition written as a year (2016),
# and a minister of another country so the file states days up to 2020.
ROLES = PeopleIndex([
    Holder("person:k", "كريم الفاسي", "Karim", "Q11", ("كريم الفاسي",),
           (tenure("وزير الخارجية المغربي", "country:MA", "2010-01-01", "2014-12-31"),)),
    Holder("person:s", "سعيد العلوي", "Said", None, ("سعيد العلوي",),
           (tenure("وزير الخارجية المغربي", "country:MA", "2015-01-01", "2016"),)),
    Holder("person:n", "نادية الوزاني", "Nadia", None, ("نادية الوزاني",),
           (tenure("وزيرة الخارجية المغربية", "country:MA", "2016", ""),)),
    Holder("person:j", "جون سميث", "John", None, ("جون سميث",),
           (tenure("وزير الخارجية البريطاني", "country:GB", "2012-01-01", "2020-06-30"),)),
])


def role(title, org, *phrases):
    return Entity(f"person:{title}@{org}", EntityType.PERSON, phrases[0], phrases[1:], (),
                  (Post(title, org),), role_only=True)


MOROCCAN_FM = role("وزير الخارجية", "country:MA", "وزير الخارجية المغربي")


@pytest.mark.parametrize("entity, published, expected", [
    (MOROCCAN_FM, date(2012, 6, 1), "person:k"),
    (MOROCCAN_FM, date(2015, 6, 1), "person:s"),
    (MOROCCAN_FM, date(2019, 6, 1), "person:n"),     # "وزيرة الخارجية" is the same post
    (role("وزيرة الخارجية", "country:MA", "وزيرة الخارجية المغربية"), date(2012, 6, 1), "person:k"),
    (role("وزير الخارجية", "country:GB", "وزير الخارجية البريطاني"), date(2016, 6, 1), "person:j"),
])
def test_people_role_only_is_the_one_holder_that_day(entity, published, expected):
    found = ROLES.post_holder(entity, published)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("entity, published", [
    (MOROCCAN_FM, date(2016, 6, 1)),      # 2016: one left and one came, the year does not say when
    (MOROCCAN_FM, None),                  # undated: any of three
    (MOROCCAN_FM, date(2009, 6, 1)),      # before the file knows the post
    (MOROCCAN_FM, date(2021, 6, 1)),      # past the last year the file states (2020): she may have left
    (role("وزير الخارجية", "country:DZ", "وزير الخارجية الجزائري"), date(2012, 6, 1)),   # a post of no holder
    (role("وزير الخارجية السابق", "country:MA", "وزير الخارجية المغربي السابق"), date(2012, 6, 1)),  # former
    (role("وزير الداخلية", "country:MA", "وزير الداخلية المغربي"), date(2012, 6, 1)),    # another post
    (person("وزير الخارجية المغربي"), date(2012, 6, 1)),  # a name, not a post: not linked by its post
])
def test_people_role_only_left_unlinked(entity, published):
    assert ROLES.post_holder(entity, published) is None


def test_people_role_only_linked_takes_the_holders_name_and_keeps_its_phrases():
    doc = replace(make_document("نص", "خبر"), published=date(2012, 6, 1), entities=(MOROCCAN_FM,))
    (linked,) = link_people(doc, ROLES).entities
    assert (linked.id, linked.label, linked.names, linked.role_only) == (
        "person:k", "كريم الفاسي", ("وزير الخارجية المغربي",), True)
    assert (linked.wikidata, linked.identity) == ("Q11", (POST_RULE,))


def test_people_role_only_joins_the_named_holder_of_the_article():
    """The named minister and "وزير الخارجية المغربي" are one entity; the post phrase is no name of his."""
    named = replace(person("كريم الفاسي"), mentions=(Mention(Span(0, 11), "كريم الفاسي", EntityType.PERSON),))
    post = replace(MOROCCAN_FM, mentions=(Mention(Span(20, 41), "وزير الخارجية المغربي", EntityType.PERSON,
                                                  MentionKind.ROLE),))
    doc = replace(make_document("نص", "خبر"), published=date(2012, 6, 1), entities=(post, named))
    (linked,) = link_people(doc, ROLES).entities
    assert (linked.id, linked.label, linked.names, linked.role_only) == ("person:k", "كريم الفاسي", (), False)
    assert len(linked.mentions) == 2 and linked.posts == MOROCCAN_FM.posts
    assert set(linked.identity) == {PEOPLE_RULE, POST_RULE}


@pytest.mark.parametrize("text, published, expected", [
    ("استقبل العاهل الأردني في عمان وزير الخارجية الروسي.", date(2018, 6, 7),
     {"person:abdullah-ii", "person:sergey-lavrov"}),
    ("أجرى الرئيس الأمريكي اتصالا هاتفيا بالرئيس الفرنسي.", date(2019, 3, 1),
     {"person:donald-trump", "person:emmanuel-macron"}),
])
def test_people_bundled_links_role_only_persons(text, published, expected):
    doc = extract(replace(make_document(text, "خبر"), published=published))
    assert {e.id for e in doc.entities if e.type is EntityType.PERSON} == expected


@pytest.mark.parametrize("text, published", [
    ("أجرى الرئيس الأمريكي اتصالا هاتفيا بنظيره.", date(2021, 1, 20)),   # Trump left and Biden came that day
    ("قال الرئيس الأمريكي السابق إن الانتخابات مزورة.", date(2021, 6, 1)),  # not the president of the day
    ("قال الرئيس الأمريكي إن الانتخابات حرة.", None),
])
def test_people_bundled_leaves_role_only_persons_unlinked(text, published):
    doc = extract(replace(make_document(text, "خبر"), published=published))
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert persons and all(e.role_only and e.wikidata is None for e in persons)


@pytest.mark.parametrize("order", [1, -1])
def test_people_role_only_is_the_named_holders_node_in_a_corpus_graph(order):
    """"الرئيس الروسي" of one article and "فلاديمير بوتين" of another are one node, labelled by his name."""
    import pyshacl
    from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

    from kg.pipeline import extract_corpus
    from kg.rdf.build import corpus_graph
    from kg.rdf.namespace import HD
    texts = ["استقبل الرئيس الروسي فلاديمير بوتين ضيفه في موسكو.", "وقال الرئيس الروسي إن المحادثات جيدة."][::order]
    docs = extract_corpus([replace(make_document(text, "خبر"), published=date(2018, 7, 16)) for text in texts])
    graph = corpus_graph(docs)
    persons = set(graph.subjects(RDF.type, HD.Person))
    assert len(persons) == 1
    putin = persons.pop()
    assert set(graph.objects(putin, OWL.sameAs)) == {URIRef("http://www.wikidata.org/entity/Q7747")}
    assert list(graph.objects(putin, RDFS.label)) == [Literal("فلاديمير بوتين", lang="ar")]
    shapes = Graph().parse(ONTOLOGIES / "shapes.ttl", format="turtle")
    assert pyshacl.validate(graph, shacl_graph=shapes, inference="none")[0]


# -- a part of a name with a post: the one holder of the post that day, if the name is part of his --

def named(*names, post=("وزير الخارجية المغربي", "country:MA")):
    return Entity(f"person:{names[0]}", EntityType.PERSON, names[0], names[1:], (), (Post(*post),))


@pytest.mark.parametrize("entity, published, expected", [
    (named("كريم"), date(2012, 6, 1), "person:k"),                # his given name, the post his that day
    (named("السيد كريم"), date(2012, 6, 1), "person:k"),          # an honorific is no part of the name
    (named("الفاسي"), date(2012, 6, 1), "person:k"),              # his family name
    (named("سعيد"), date(2015, 6, 1), "person:s"),
    (named("نادية", post=("وزيرة الخارجية المغربية", "country:MA")), date(2019, 6, 1), "person:n"),
])
def test_people_part_of_a_name_with_the_post_is_its_holder(entity, published, expected):
    assert ROLES.holder(entity, published) is None   # the name alone names no one
    found = ROLES.identify(entity, published)
    assert found is not None and (found[0].id, found[1]) == (expected, NAME_POST_RULE)


@pytest.mark.parametrize("entity, published", [
    (named("سعيد"), date(2012, 6, 1)),            # the post is Karim's that day: another Said
    (named("كريم", "سعيد"), date(2012, 6, 1)),    # one of its names is not his
    (named("كريم"), date(2016, 6, 1)),            # 2016: two holders
    (named("كريم"), None),                        # undated
    (named("كريم"), date(2021, 6, 1)),            # past what the file knows
    (named("كريم", post=("وزير الداخلية المغربي", "country:MA")), date(2012, 6, 1)),  # a post of no holder
    (named("كريم", post=("وزير الخارجية المغربي", None)), date(2012, 6, 1)),         # a post in no country
])
def test_people_part_of_a_name_with_the_post_left_unlinked(entity, published):
    assert ROLES.identify(entity, published) is None


@pytest.mark.parametrize("name, full, part", [
    ("عبد الله", "عبد الله الثاني ابن الحسين", True),        # opening words
    ("عبدالله الحسين", "عبد الله الثاني ابن الحسين", True),  # given name and a later word, in order
    ("الحسين", "عبد الله الثاني ابن الحسين", False),          # after "ابن": his father's name
    ("الثاني", "عبد الله الثاني", False),                     # an ordinal names no one
    ("الوزاني", "عبد الرحيم الوزاني", True),                  # the family name
    ("الوازاني", "عبد الرحيم الوزاني", True),                 # spelt with a long vowel more
    ("الرحيم", "عبد الرحيم الوزاني", False),                  # half of "عبد الرحيم"
    ("حسين عبد الله", "عبد الله الثاني ابن الحسين", False),  # out of order
])
def test_people_part_of_name(name, full, part):
    assert part_of_name(name_words(name), name_words(full)) is part


@pytest.mark.parametrize("text, published, linked", [
    ("استقبل العاهل الأردني الملك عبد الله في عمان وزير الخارجية الروسي.", date(2018, 6, 7), True),
    ("استقبل ملك الأردن الملك عبدالله في عمان وزير الخارجية الروسي.", date(2018, 6, 7), True),
    ("استقبل العاهل الأردني الملك حسين في عمان وزير الخارجية الروسي.", date(2018, 6, 7), False),
    ("استقبل العاهل الأردني الملك عبد الله في عمان وزير الخارجية الروسي.", None, False),
])
def test_people_bundled_links_a_king_by_given_name_and_post(text, published, linked):
    doc = extract(replace(make_document(text, "خبر"), published=published))
    king = next(e for e in doc.entities if e.type is EntityType.PERSON and not e.role_only)
    assert (king.id == "person:abdullah-ii") is linked
    assert (king.label_en == "Abdullah II of Jordan") is linked


def test_people_name_and_post_rule_is_evidence_the_shapes_accept():
    import pyshacl
    from rdflib import Graph, Literal

    from kg.rdf.build import document_graph
    from kg.rdf.namespace import HD
    doc = extract(replace(make_document("استقبل العاهل الأردني الملك عبد الله في عمان وزير الخارجية الروسي.",
                                        "خبر"), published=date(2018, 6, 7)))
    graph = document_graph(doc)
    assert Literal(NAME_POST_RULE) in set(graph.objects(None, HD.identityRule))
    shapes = Graph().parse(ONTOLOGIES / "shapes.ttl", format="turtle")
    assert pyshacl.validate(graph, shacl_graph=shapes, inference="none")[0]
