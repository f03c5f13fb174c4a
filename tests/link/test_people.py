"""kg.link.people: persons linked to the people gazetteer, never by a guess."""

from dataclasses import replace
from datetime import date

import pytest

from kg.link.corpus import variant_word
from kg.link.people import Holder, PeopleIndex, Tenure, link_people
from kg.model import Entity, EntityType, Event, EventType, Participant, Post, Span
from kg.pipeline import extract
from kg.reader import make_document

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
