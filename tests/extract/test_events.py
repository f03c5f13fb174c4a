"""Event frames on sentences written for these tests."""

from dataclasses import replace
from datetime import date

from kg.model import EventType, Role
from kg.pipeline import extract
from kg.reader import make_document


def run(body, title="خبر"):
    return extract(replace(make_document(body, title), published=date(2024, 5, 2)))


def labels(doc, event):
    names = {e.id: e.label for e in doc.entities}
    return {names[p.entity] for p in event.participants}


def test_events_discuss_with_is_a_meeting_only_with_someone():
    doc = run("بحث وزير الخارجية سامي العلوي، اليوم بالقاهرة، مع نظيره المصري سامح شكري الوضع في ليبيا.")
    meetings = [e for e in doc.events if e.type is EventType.MEETING]
    assert len(meetings) == 1 and labels(doc, meetings[0]) == {"سامي العلوي", "سامح شكري"}
    assert not run("بحث مجلس الوزراء اليوم ملف الطاقة.").events


def test_events_sideline_guest_and_participant_join_the_conference():
    doc = run("استقبل رئيس الإنتربول، اليوم بفيينا، الوزير كريم الصالحي، على هامش أشغال الدورة 91 "
              "للجمعية العامة للإنتربول.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert conference.session == 91 and meeting.part_of == conference.id
    assert "كريم الصالحي" in labels(doc, conference)
    organiser = next(p for p in conference.participants if p.role is Role.ORGANISER)
    assert doc.entity(organiser.entity).label_en == "Interpol"


def test_events_visit_place_is_the_destination_not_the_origin():
    doc = run("وصل الرئيس الصيني شي جين بينغ إلى أبوظبي قادما من بكين في زيارة رسمية تستمر ثلاثة أيام.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert doc.entity(visit.place).label_en == "Abu Dhabi"


def test_events_duration_gives_start_and_end():
    doc = run("يبدأ وزير الخارجية سامي العلوي غدا زيارة رسمية إلى تونس تستمر يومين.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start, visit.end) == (None, "2024-05-03", "2024-05-04")


def test_events_habitual_meetings_are_not_events():
    doc = run("وعقد الوزير العديد من اللقاءات مع نظرائه خلال الزيارة.")
    assert not [e for e in doc.events if e.type is EventType.MEETING]


def test_events_appointment_after_a_verb_names_the_appointee_second():
    doc = run("عين الملك محمد السادس السيد كريم الصالحي سفيرا للمملكة المغربية لدى فرنسا.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    appointee = next(p for p in appointment.participants if p.role is Role.APPOINTEE)
    assert doc.entity(appointee.entity).label == "كريم الصالحي"
    assert "محمد السادس" not in labels(doc, appointment)
    assert appointment.place is None


def test_events_appointment_after_a_verbal_noun_names_the_appointee_first():
    doc = run("أعلنت الرئاسة تعيين سامي العلوي وزيرا للخارجية.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert labels(doc, appointment) == {"سامي العلوي"}
    assert not [e for e in doc.entities if e.role_only]  # "وزيرا للخارجية" is the post given, no person


def test_events_family_name_first_joins_the_full_name():
    doc = run("وصل الرئيس الصيني شي جين بينغ إلى أبوظبي. وقال الرئيس شي إن الزيارة تاريخية.")
    persons = [e for e in doc.entities if e.type.value == "Person" and not e.role_only]
    assert len(persons) == 1 and "شي" in persons[0].names
