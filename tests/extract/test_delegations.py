"""A delegation's members, listed apart from the events it takes part in (kg.extract.delegations)."""

from dataclasses import replace
from datetime import date

import pytest

from kg.extract.delegations import DelegationMembers
from kg.extract.events import EventFinder
from kg.model import EventType, Role
from kg.pipeline import extract
from kg.reader import make_document
from kg.text.normalize import normalize_for_matching


def run(body, title="خبر"):
    return extract(replace(make_document(body, title), published=date(2024, 5, 2)))


def participants(doc, event_type):
    names = {e.id: e.label for e in doc.entities}
    event = next(e for e in doc.events if e.type is event_type)
    return {names[p.entity]: p.role for p in event.participants}


def test_delegations_members_led_by_the_visitor_visit_with_him_but_call_no_one():
    doc = run("وصل وزير الخارجية الفرنسي جان لوك مارتان اليوم إلى الرباط في زيارة رسمية. "
              "وترأس مارتان وفدا رفيع المستوى يضم وزير المالية بيير دوبون ومستشاره فرانسوا لوكلير. "
              "وأجرى مارتان أمس اتصالا هاتفيا مع نظيره الإسباني خوسيه غارسيا.")
    visit = participants(doc, EventType.VISIT)
    assert visit == {"جان لوك مارتان": Role.VISITOR, "بيير دوبون": Role.VISITOR, "فرانسوا لوكلير": Role.VISITOR}
    # the leader's call is no act of the delegation
    assert set(participants(doc, EventType.CALL)) == {"جان لوك مارتان", "خوسيه غارسيا"}


def test_delegations_members_of_a_body_met_join_the_meeting_told_before():
    doc = run("التقى المبعوث الأممي سامي العلوي اليوم في الدوحة وفدا من حركة حماس. "
              "وقال مصدر إن وفد الحركة مكون من المتحدث باسم الحركة كريم الصالحي ونبيل منصور "
              "مدير مكتب رئيس الحركة خالد العمري.")
    meeting = participants(doc, EventType.MEETING)
    assert {"سامي العلوي", "كريم الصالحي", "نبيل منصور"} <= set(meeting)
    # named inside a member's post, not coordinated in the list: no member
    assert "خالد العمري" not in meeting


def test_delegations_leader_after_its_word_leads_the_members_into_the_body_s_meeting():
    doc = run("استقبل الرئيس سامي العلوي اليوم بقصر قرطاج وفدا من البرلمان الأوروبي. "
              "وكان الوفد برئاسة النائب بيير دوبون يضم النائبة ماري لوكلير والنائب فرانسوا مارتان.")
    meeting = participants(doc, EventType.MEETING)
    assert {"بيير دوبون", "ماري لوكلير", "فرانسوا مارتان"} <= set(meeting)
    assert meeting["سامي العلوي"] is Role.HOST


def test_delegations_a_list_far_from_any_delegation_word_joins_no_one():
    doc = run("التقى الوزير سامي العلوي اليوم في الدوحة وفدا من حركة حماس. "
              "وقال مصدر إن مجلس إدارة الصندوق يضم الوزير كريم الصالحي والوزير نبيل منصور.")
    meeting = participants(doc, EventType.MEETING)
    assert "كريم الصالحي" not in meeting and "نبيل منصور" not in meeting


def test_delegations_verb_before_the_definite_delegation_lists_the_members_of_the_one_told():
    doc = run("زار وفد من البرلمان الإسباني اليوم العاصمة الرباط. "
              "وضم الوفد الإسباني النائب بيير دوبون والنائبة ماري لوكلير.")
    visit = participants(doc, EventType.VISIT)
    assert {"بيير دوبون": Role.VISITOR, "ماري لوكلير": Role.VISITOR}.items() <= visit.items()


@pytest.mark.parametrize("word, is_delegation", [
    ("وفد", True), ("وفدا", True), ("الوفد", True), ("بالوفد", True), ("والوفد", True), ("وفود", True),
    ("موفد", False), ("أوفد", False), ("الوافد", False),
])
def test_delegations_delegation_word_behind_clitics_and_not_inside_another_word(word, is_delegation):
    # "موفد" (an envoy) and "أوفد" (sent) hold the letters of "وفد" and open no list of members
    assert DelegationMembers.delegation_word(normalize_for_matching(word)) is is_delegation


def test_delegations_definite_delegation_is_the_side_told_before():
    doc = run("وصل وفد من البرلمان الإسباني اليوم إلى العاصمة الرباط. "
              "وأجرى الوفد مباحثات مع رئيس مجلس النواب سامي العلوي.")
    assert set(participants(doc, EventType.MEETING)) == {"البرلمان الإسباني", "سامي العلوي"}


def test_delegations_definite_delegation_with_listed_members_meets_as_its_leader_and_members():
    doc = run("ترأس الوزير سامي العلوي وفدا يضم الوزير كريم الصالحي والسفير نبيل منصور. "
              "والتقى الوفد المغربي أمس الرئيس خالد العمري.")
    assert set(participants(doc, EventType.MEETING)) == {"سامي العلوي", "كريم الصالحي", "نبيل منصور", "خالد العمري"}


def test_delegations_accompanying_delegation_is_no_side_of_its_own():
    doc = run("وصل وفد من البرلمان الإسباني اليوم إلى الرباط. "
              "والتقى الوزير كريم الصالحي والوفد المرافق له أمس.")
    assert not any(e.type is EventType.MEETING for e in doc.events)


def test_delegations_definite_delegation_travels_as_the_delegation_told():
    doc = run("التقى الوزير سامي العلوي أمس وفدا من البرلمان الإسباني في مدريد. "
              "وأشار مصدر إلى أن الوفد انتقل اليوم إلى الرباط.")
    assert participants(doc, EventType.VISIT) == {"البرلمان الإسباني": Role.VISITOR}


def test_delegations_a_definite_delegation_of_another_state_is_not_the_one_listed():
    doc = run("وصل وفد الحوثيين المكون من محمد عبد السلام ومهدي المشاط إلى مسقط. "
              "والتقى الوفد السعودي وزير الخارجية العماني بدر البوسعيدي.")
    met = next(e for e in doc.events if e.type is EventType.MEETING)
    names = {doc.entity(p.entity).label for p in met.participants}
    assert "محمد عبد السلام" not in names and "مهدي المشاط" not in names


def test_delegations_members_join_no_event_of_their_state_told_without_a_delegation():
    doc = run("وصل إلى باريس وفد مغربي يضم الوزير سامي العلوي والوزير كريم الصالحي. "
              "وشارك المغرب في مؤتمر المناخ في دبي.")
    conference = participants(doc, EventType.CONFERENCE)
    assert "سامي العلوي" not in conference and "كريم الصالحي" not in conference
    # and the visit the sentence listing them tells is theirs, every one of them
    assert {"سامي العلوي", "كريم الصالحي"} <= set(participants(doc, EventType.VISIT))


def test_delegations_a_comma_and_other_words_end_the_list_of_members():
    doc = run("التقى وفد يضم الوزير سامي العلوي والسفير كريم الصالحي، اليوم في بيروت، "
              "رئيس الحكومة اللبنانية نجيب ميقاتي.")
    names = {e.id: e.label for e in doc.entities}
    assert [[names[m] for m in d.members] for d in EventFinder(doc).delegations] == [["سامي العلوي", "كريم الصالحي"]]
