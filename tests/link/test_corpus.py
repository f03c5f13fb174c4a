"""Cross-article identity on articles written for these tests."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from kg.link.corpus import name_skeleton, name_words, rename_entities, skeleton
from kg.model import Participant, Post
from kg.pipeline import extract_corpus
from kg.reader import make_document
from kg.text.memo import computed


def corpus(*bodies):
    docs = [replace(make_document(body, "خبر"), published=date(2018, 1, 1)) for body in bodies]
    return extract_corpus(docs)


def person_ids(doc):
    return {e.id for e in doc.entities if e.type.value == "Person" and not e.role_only}


def test_corpus_skeleton_joins_spelling_variants():
    assert skeleton("ترامب") == skeleton("ترمب")
    assert skeleton("بوتين") == skeleton("بوتن")
    assert name_skeleton("عبد اللطيف الحموشي") == name_skeleton("عبداللطيف الحموشي")


def test_corpus_variant_spellings_are_one_person():
    a, b = corpus("استقبل الرئيس الأمريكي دونالد ترامب في البيت الأبيض ضيفه.",
                  "قال الرئيس الأميركي دونالد ترمب إن المحادثات جيدة.")
    assert person_ids(a) == person_ids(b) == {"person:donald-trump"}


def test_corpus_family_name_alone_is_the_known_person():
    a, b = corpus("استقبل الرئيس الروسي فلاديمير بوتين في الكرملين ضيفه.",
                  "التقى بوتن وزير الخارجية السعودي عادل الجبير في موسكو.")
    assert person_ids(a) <= person_ids(b)
    meeting = b.events[0]
    assert {p.entity for p in meeting.participants} >= {"person:vladimir-putin"}


def test_corpus_same_family_name_different_people_stay_apart():
    a, b, c = corpus("قال وزير الخارجية المغربي أحمد العلوي إن اللقاء مثمر.",
                     "قال وزير الخارجية التونسي سعيد العلوي إن اللقاء مثمر.",
                     "وأضاف العلوي أن الزيارة ناجحة.")
    assert person_ids(a) != person_ids(b)
    assert not person_ids(c)  # "العلوي" alone could be either: left unlinked


def test_corpus_given_name_with_title_joins_the_one_full_name():
    a, b = corpus("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز ضيفه.",
                  "وأكد الملك سلمان دعم المملكة للسلام.")
    assert person_ids(b) == {"person:salman-bin-abdulaziz"} <= person_ids(a)


def test_corpus_patronymic_is_not_a_family_name():
    a, b = corpus("استقبل ولي العهد الأمير محمد بن سلمان ضيفه.",
                  "وأكد الملك سلمان دعم المملكة للسلام.")
    assert "person:محمد بن سلمان" not in person_ids(b)


def test_corpus_records_the_rule_that_joined_two_articles():
    a, b = corpus("استقبل وزير الخارجية المغربي سليم بوعزاوي ضيفه في الرباط.",
                  "قال وزير الخارجية المغربي سليم بوعزوي إن المحادثات مثمرة.")
    joined = [e for doc in (a, b) for e in doc.entities if e.type.value == "Person" and not e.role_only]
    assert len({e.id for e in joined}) == 1
    assert all(e.identity == ("spelling-variant",) for e in joined)


def test_corpus_linked_person_records_the_gazetteer_rule():
    a, b = corpus("استقبل الرئيس الأمريكي دونالد ترامب ضيفه.", "قال ترمب إن المحادثات جيدة.")
    trump = [e for doc in (a, b) for e in doc.entities if e.id == "person:donald-trump"]
    # the second article's lone "ترمب" is the known person's one-word name, linked on its own;
    # the two articles are one person by a shorter form of the other's name
    assert [e.identity for e in trump] == [("people-gazetteer", "shorter-name")] * 2
    assert all(e.wikidata == "Q22686" for e in trump)


def test_corpus_family_name_alone_records_its_rule():
    # a family name no gazetteer knows, alone in an article that names the person's state
    a, b = corpus("استقبل وزير الخارجية المغربي سليم بوعزاوي ضيفه في الرباط.",
                  "وأكد بوعزاوي أن المغرب يدعم الحوار.")
    found = [e for e in b.entities if e.type.value == "Person"]
    assert [(e.id, e.identity) for e in found] == [("person:سليم بوعزاوي", ("family-name",))]


# -- a name of one word joins a person of another article only where its article supports it --

MINISTER = "قال وزير الخارجية المغربي أحمد الكتاني في الرباط إن اللقاء مثمر."


def test_corpus_family_name_without_support_stays_apart():
    """"الكتاني" of a football report in Paris is not the Moroccan minister of another article."""
    a, b = corpus(MINISTER, "وأشاد المدرب الكتاني بأداء اللاعبين في باريس.")
    assert "person:احمد كتاني" in person_ids(a)
    assert "person:احمد كتاني" not in person_ids(b)


def test_corpus_family_name_with_its_country_joins():
    a, b = corpus(MINISTER, "وأكد الكتاني أن المغرب يدعم الحوار.")
    assert "person:احمد كتاني" in person_ids(b)


def test_corpus_family_name_with_the_same_post_joins():
    a, b = corpus(MINISTER, "وقال وزير الخارجية المغربي الكتاني إن الزيارة ناجحة.")
    assert "person:احمد كتاني" in person_ids(b)


@pytest.mark.parametrize("other", [
    "وقف الأسد في حديقة الحيوان بالرباط أمام الزوار.",   # the word, with its article, in another country's news
    "ولقب أسد الأطلس يطلق على المنتخب المغربي.",         # without the article, never the family name
])
def test_corpus_word_that_is_a_family_name_is_not_the_person(other):
    a, b = corpus("استقبل الرئيس السوري بشار الأسد ضيفه في دمشق.", other)
    assert "person:bashar-al-assad" in person_ids(a)
    assert not person_ids(b)


def test_corpus_family_name_in_the_country_of_its_post_joins():
    a, b = corpus("استقبل الرئيس السوري بشار الأسد ضيفه في دمشق.", "وقال الأسد إن سوريا تدعم الحوار.")
    assert person_ids(b) == {"person:bashar-al-assad"}


def test_corpus_one_word_names_of_two_articles_are_not_joined_on_the_word():
    a, b = corpus("وقال السيد يوسف إن الفريق جاهز للمباراة في باريس.", "وقال السيد يوسف إن الطقس جميل في الرباط.")
    joined = [e for doc in (a, b) for e in doc.entities if e.type.value == "Person"]
    assert joined and not any(e.identity for e in joined)


def _renamed_everywhere(doc, mapping):
    """rename_entities' plain definition: every entity and event rebuilt."""
    def new(entity_id):
        return mapping.get(entity_id, entity_id) if entity_id else entity_id
    entities = tuple(replace(e, id=new(e.id), part_of=new(e.part_of),
                             posts=tuple(Post(p.title, new(p.org)) for p in e.posts)) for e in doc.entities)
    events = tuple(replace(ev, participants=tuple(Participant(new(p.entity), p.role) for p in ev.participants),
                           place=new(ev.place)) for ev in doc.events)
    return replace(doc, entities=entities, events=events)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_corpus_rename_keeps_untouched_records_and_equals_renaming_every_one(example_doc, data):
    # rename_entities keeps an entity or event naming no renamed id as it is
    ids = sorted({e.id for e in example_doc.entities} | {"person:nobody"})
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True))
    mapping = {old: f"{old}@renamed" for old in chosen}
    assert rename_entities(example_doc, mapping) == _renamed_everywhere(example_doc, mapping)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.sampled_from(["الملك عبد الله الثاني", "عبداللطيف الحموشي", "السيد عبد الفتاح السيسي", "ترمب"]),
                 st.text(alphabet="ابتثجحخدعلمنهويال #_", max_size=30)))
def test_corpus_name_words_remembered_equal_computed(name):
    assert name_words(name) == computed(name_words)(name) == name_words(name)
