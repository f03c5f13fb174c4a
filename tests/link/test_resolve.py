"""kg.link.resolve: role phrases within one article."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.gazetteer import Gazetteer, token_offset
from kg.extract.lexicons import Lexicons
from kg.link.resolve import Resolver, name_norms
from kg.model import EntityType, EventType, Mention, MentionKind, Role, Span
from kg.pipeline import STAGES, Pipeline, extract
from kg.reader import make_document

from ..strategies import SCALE

RESOLVE = Pipeline(tuple(stage for stage in STAGES if stage.name in ("segment", "times", "mentions", "resolve")))


def role_only(text):
    doc = RESOLVE(make_document(text, "خبر"))
    return [(e.label, e.posts[0].title, e.posts[0].org) for e in doc.entities
            if e.type is EntityType.PERSON and e.role_only]


@pytest.mark.parametrize("text, expected", [
    ("قال العاهل السعودي إن اللقاء مثمر.", [("العاهل السعودي", "العاهل", "country:SA")]),  # not "العاه"
    ("قال المدير العام للأمن الوطني إن اللقاء مثمر.", [("المدير العام للأمن الوطني", "المدير العام",
                                                      "organisation:امن وطني")]),
])
def test_resolve_role_title_without_its_organisation(text, expected):
    assert role_only(text) == expected


@pytest.mark.parametrize("qualifier", ["السابق", "الأسبق", "المنتخب", "الراحل", "بالنيابة", "المؤقت"])
def test_resolve_qualified_post_is_another_person(qualifier):
    """"الرئيس الأمريكي السابق" is not "الرئيس الأمريكي" of the same article."""
    found = role_only(f"قال الرئيس الأمريكي {qualifier} إن الرئيس الأمريكي أخطأ.")
    assert sorted(found) == sorted([(f"الرئيس الأمريكي {qualifier}", f"الرئيس {qualifier}", "country:US"),
                                    ("الرئيس الأمريكي", "الرئيس", "country:US")])


def test_resolve_qualified_post_is_not_the_named_holder():
    doc = RESOLVE(make_document("استقبل الرئيس الأمريكي دونالد ترامب ضيفه. وقال الرئيس الأمريكي السابق إن "
                                "اللقاء مثمر.", "خبر"))
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert len(persons) == 2 and [e.label for e in persons if e.role_only] == ["الرئيس الأمريكي السابق"]


def person_mentions(text):
    """Label -> the texts of the mentions of each named person."""
    doc = RESOLVE(make_document(text, "خبر"))
    return {e.label: [m.text for m in e.mentions] for e in doc.entities
            if e.type is EntityType.PERSON and not e.role_only}


@pytest.mark.parametrize("text, label, mentions", [
    # a full name written again without the title that opened it, ى for ي, or after a proclitic
    ("يبدأ رئيس الوزراء هايلي ديبا زيارة. ويعتبر هايلي ديبا أول رئيس من الجنوب.", "هايلي ديبا",
     ["هايلي ديبا", "هايلي ديبا"]),
    ("قال رئيس الوزراء أبي كومبو إن الحوار مستمر. وتولى أبى كومبو المنصب في مارس.", "أبي كومبو",
     ["أبي كومبو", "أبى كومبو"]),
    ("أكد الوزير هايلي ديبا دعمه. والتقى الوفد بهايلي ديبا في القصر.", "هايلي ديبا",
     ["هايلي ديبا", "هايلي ديبا"]),
])
def test_resolve_repeated_full_name_is_found_again(text, label, mentions):
    assert person_mentions(text)[label] == mentions


def test_resolve_family_name_that_is_a_month_stands_alone_only_out_of_dates():
    text = ("التقت رئيسة الوزراء تيريزا ماي الرئيس. وتحدثت ماي عن الاتفاق في 14 ماي 2018. "
            "وفي ماي الماضي زارت ماي باريس.")
    assert person_mentions(text)["تيريزا ماي"] == ["تيريزا ماي", "ماي", "ماي"]


def test_resolve_repeated_name_gets_its_event():
    from kg.pipeline import extract
    doc = extract(make_document("يبدأ رئيس الوزراء هايلي ديبا زيارة إلى الخرطوم غدا. وتولى هايلي ديبا المنصب "
                                "في أبريل الماضي.", "خبر"))
    appointments = [e for e in doc.events if e.type.value == "Appointment"]
    assert [doc.entity(p.entity).label for e in appointments for p in e.participants] == ["هايلي ديبا"]


@pytest.mark.parametrize("text, label, names, surfaces", [
    # a name the gazetteer does not know: its label is its longest name, read without the marks
    ("قال الوزير #سامر_الحلبي إن الخطة جاهزة، وأضاف سامر الحلبي أن التنفيذ يبدأ غدا.",
     "سامر الحلبي", (), {"سامر_الحلبي", "سامر الحلبي"}),
    ("وصل رئيس الوزراء كريم #الشامي إلى المدينة.", "كريم الشامي", (), {"كريم #الشامي"}),
])
def test_resolve_labels_read_hashtags_as_words(text, label, names, surfaces):
    doc = RESOLVE(make_document(text, "خبر"))
    [person] = [e for e in doc.entities if e.type is EntityType.PERSON and not e.role_only]
    assert (person.label, person.names) == (label, names)
    assert {m.text for m in person.mentions} >= surfaces   # mentions keep what is written


def _repeated_by_trying_every_token(resolver, persons):
    """repeated_names' definition: every token tried as the first word of a form."""
    forms = {}
    for mention in persons:
        if mention.kind is MentionKind.NAME:
            words = name_norms(mention.text)
            if len(words) >= 2 and all(word[:1].isalnum() for word in words):
                forms.setdefault(words[0], []).append((words, mention.source))
    for entries in forms.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    tokens, doc = resolver.doc.tokens, resolver.doc
    covered = doc.covered_tokens(m.span for m in doc.mentions)
    found, index = [], 0
    while index < len(tokens):
        match = None if index in covered else resolver.form_at(index, forms, covered)
        if match is None:
            index += 1
            continue
        cut, length, source = match
        span = Span(token_offset(tokens[index], cut), tokens[index + length - 1].span.end)
        found.append(Mention(span, doc.text[span.start:span.end], EntityType.PERSON, MentionKind.NAME, source=source))
        index += length
    return found


_NAMED = ["سعيد العلوي", "ولسعيد العلوي", "وسعيد العلوي", "بأبي أحمد علي", "أبي أحمد", "كمال بن يوسف", "بن يوسف",
          "محمد بن سلمان بن عبد العزيز", "سلمان بن عبد العزيز", "الرئيس", "قال", "،", "."]


@settings(max_examples=150 * SCALE, deadline=None)
@given(st.lists(st.sampled_from(_NAMED), min_size=1, max_size=14), st.sampled_from(_NAMED[:8]))
def test_resolve_repeated_names_looked_for_before_second_words_equal_trying_every_token(words, opener):
    # repeated_names tries a form's first word only before one of the forms' second
    # words, as form_at compares the words after the first as written
    doc = RESOLVE(make_document(f"قال الرئيس {opener} إن " + " ".join(words), "خبر"))
    resolver = Resolver(doc, Gazetteer.bundled(), Lexicons.bundled())
    persons = sorted((m for m in doc.mentions if m.type is EntityType.PERSON), key=lambda m: (m.span.start, -m.span.end))
    assert resolver.repeated_names(persons) == _repeated_by_trying_every_token(resolver, persons)


def test_resolve_a_korean_family_name_alone_names_the_person():
    from kg.pipeline import extract
    from kg.reader import make_document
    doc = extract(make_document("وقال الرئيس سامي العلوي إنه سيلتقي الزعيم كيم جونغ. "
                                "وأرسل العلوي رسالة إلى كيم الخميس.", "خبر"))
    person = next(e for e in doc.entities if e.label == "كيم جونغ")
    assert "كيم" in person.names


def test_resolve_a_family_name_inside_a_post_is_no_mention_of_its_bearer():
    doc = extract(make_document("استقبل الأمين العام للرابطة الدكتور كريم الصالحي، أمس، السفير سامي محمد الأمين."))
    bearer = next(e for e in doc.entities if e.label == "سامي محمد الأمين")
    assert [doc.text[m.span.start:m.span.end] for m in bearer.mentions] == ["سامي محمد الأمين"]
    host = next(p for e in doc.events for p in e.participants if p.role is Role.HOST)
    assert doc.entity(host.entity).label == "كريم الصالحي"


def test_resolve_a_hamza_written_on_its_bare_seat_is_the_same_name():
    doc = extract(make_document("استقبل الرئيس فائز الحداد الوزير سامي العلوي. وقال الرئيس فايز الحداد إن "
                                "العلاقات متينة.", "خبر"))
    persons = sorted(e.label for e in doc.entities if e.type is EntityType.PERSON)
    assert persons == ["سامي العلوي", "فائز الحداد"]


def test_resolve_a_foreign_names_ng_written_with_jim_or_ghain_is_the_same_name():
    # Egyptian outlets write "g" with ج, others with غ: "سونج" and "سونغ"
    doc = extract(make_document("التقى المبعوث الأمريكي سونج هيون الوزير سامي العلوي. وأكد المبعوث سونغ هيون "
                                "أهمية اللقاء.", "خبر"))
    persons = sorted(e.label for e in doc.entities if e.type is EntityType.PERSON)
    assert persons == ["سامي العلوي", "سونج هيون"]


def test_resolve_a_name_ending_in_bin_x_is_told_again_by_those_two_words():
    doc = extract(make_document("وحضر الافتتاح المدير العام فريد زين الدين بن الشيخ. وانتخب بن الشيخ رئيسا "
                                "للجمعية العامة.", "خبر"))
    person = next(e for e in doc.entities if e.type is EntityType.PERSON)
    assert [doc.text[m.span.start:m.span.end] for m in person.mentions] == ["فريد زين الدين بن الشيخ", "بن الشيخ"]
    # two persons whose names end so: the two words name neither
    doc = extract(make_document("والتقى فريد زين الدين بن الشيخ الوزير كريم بن الشيخ. وقال بن الشيخ إن اللقاء "
                                "مثمر.", "خبر"))
    assert all("بن الشيخ" not in [doc.text[m.span.start:m.span.end] for m in e.mentions]
               for e in doc.entities if e.type is EntityType.PERSON)


def test_resolve_a_states_unique_post_told_alone_is_a_role_only_person():
    assert sorted(role_only("وقال رئيس الجمهورية إن الحكومة ستدعم الفلاحين، وأكد رئيس الحكومة ذلك.")) == [
        ("رئيس الجمهورية", "رئيس الجمهورية", None), ("رئيس الحكومة", "رئيس الحكومة", None)]
    # the title of a name holds it; so does the name after the post elsewhere; a post given is no person
    assert role_only("التقى الرئيس سامي العلوي الوفد. وقال رئيس الجمهورية إن اللقاء مثمر.") == []
    assert role_only("وقال رئيس الحكومة القومي السوداني سامي العلوي إن اللقاء مثمر، وأكد رئيس الحكومة ذلك.") == []
    assert role_only("وعين سامي العلوي رئيسا للحكومة، في حين قال رئيس حكومة سابق إن ذلك خطأ.") == []
    # one of a chain of posts after a name is that person's
    assert role_only("وحضر الشيخ سامي العلوي نائب رئيس الدولة رئيس الحكومة الحفل.") == []


def test_resolve_a_name_after_the_rest_of_a_post_holds_it():
    doc = extract(make_document("وقبل التصويت، كشف نائب مندوب روسيا الدائم لدى الأمم المتحدة، سامي العلوي، أن "
                                "بلاده ترفض القرار.", "خبر"))
    persons = [(e.label, e.role_only, [p.title for p in e.posts]) for e in doc.entities if e.type is EntityType.PERSON]
    assert persons == [("سامي العلوي", False, ["نائب مندوب روسيا الدائم"])]
    # a verb between: the post is another person's
    doc = extract(make_document("وقال نائب مندوب روسيا الدائم إن سامي العلوي أخطأ.", "خبر"))
    assert sorted(e.role_only for e in doc.entities if e.type is EntityType.PERSON) == [False, True]


def test_resolve_a_headlines_counterpart_of_a_title_is_the_holder_of_that_title():
    doc = extract(make_document(
        "استقبل وزير الداخلية الأمير سامي العلوي أمس في الرياض وزير الداخلية العراقي كريم الصالحي. "
        "ونقل العلوي تحيات الملك إلى رئيس مجلس الوزراء العراقي نبيل الحداد.",
        "وزير الداخلية ونظيره العراقي يوقعان مذكرة تفاهم"))
    names = {e.id: e.label for e in doc.entities}
    signing = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {names[p.entity] for p in signing.participants} == {"سامي العلوي", "كريم الصالحي"}


@pytest.mark.parametrize("body, posts", [
    # after a verb taking a person for object, a day ends the subject: the name after is the object's
    ("استقبل الرئيس اليوم السيد سامي العلوي.", {"سامي العلوي": set()}),
    ("عين الرئيس اليوم السيدة هانا تيتيه سفيرة.", {"هانا تيتيه": {"سفيرة"}}),
    # a verb written with the article's letters ("التقى"): its word key is read as every lexicon's
    ("التقى وزير الخارجية اليوم سامي العلوي في الرباط.", {"سامي العلوي": set()}),
    # a verb of saying: the post and the name after the day are one
    ("وقال وزير الخارجية اليوم سامي العلوي إن المحادثات مثمرة.", {"سامي العلوي": {"وزير الخارجية"}}),
])
def test_resolve_a_post_a_day_and_a_name_after_a_verb_of_receiving_are_two_persons(body, posts):
    doc = extract(replace(make_document(body, "خبر"), published=date(2024, 10, 16)))
    assert {e.label: {p.title for p in e.posts} for e in doc.entities if e.type is EntityType.PERSON
            and not e.role_only} == posts


@pytest.mark.parametrize("text, label, names", [
    # an organisation's other name in brackets right after it is the same body
    ("وذكرت وكالة أنباء كوريا الجنوبية (يونهاب) أن الوفد وصل.", "وكالة يونهاب", {"وكالة أنباء كوريا الجنوبية", "يونهاب"}),
    ("وقالت منظمة الشرطة الجنائية الدولية (الإنتربول) إن الاجتماع ناجح.", None, {"منظمة الشرطة الجنائية الدولية"}),
])
def test_resolve_bracketed_name_is_the_same_body(text, label, names):
    doc = RESOLVE(make_document(text, "خبر"))
    bodies = [e for e in doc.entities if e.type is EntityType.ORGANISATION]
    assert len(bodies) == 1, [e.label for e in bodies]
    assert label in (None, bodies[0].label) and names <= {bodies[0].label, *bodies[0].names}


def test_resolve_two_known_bodies_in_brackets_stay_two():
    doc = RESOLVE(make_document("وقال الاتحاد الأوروبي (الأمم المتحدة) إن الاجتماع ناجح.", "خبر"))
    assert len([e for e in doc.entities if e.type is EntityType.ORGANISATION]) == 2
