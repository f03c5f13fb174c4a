"""Event frames on sentences written for these tests."""

from dataclasses import replace
from datetime import date

import pytest

from kg.model import EntityType, EventType, Role
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


@pytest.mark.parametrize("body, sides", [
    ("تباحث الملك سامي العلوي والرئيس التونسي كريم الصالحي في قصر قرطاج اليوم.", {"سامي العلوي", "كريم الصالحي"}),
    ("وبحث اليوم الوزير سامي العلوي ونظيره الليبي كريم الصالحي ملف الحدود.", {"سامي العلوي", "كريم الصالحي"}),
])
def test_events_discuss_with_two_joined_subjects_is_their_meeting(body, sides):
    meetings = [e for e in run(body).events if e.type is EventType.MEETING]
    assert len(meetings) == 1 and labels(run(body), meetings[0]) == sides


def test_events_discuss_with_one_subject_and_a_genitive_pair_is_no_meeting():
    # the two after the object are whose positions are discussed, not sides
    assert not run("بحث مجلس الوزراء اليوم مقترح الوزير سامي العلوي والوزير كريم الصالحي.").events


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


@pytest.mark.parametrize("body, appointee, when", [
    ("وفاز الرئيس سامي العلوي بالانتخابات الرئاسية التي جرت في الأول من أبريل.", "سامي العلوي", "2024-04-01"),
    # the one a relative clause is about wins, not the meeting's sides
    ("وعقد الوفد لقاء مع الرئيس المنتخب سامي العلوي الذي حقق فوزا ساحقا في انتخابات الأول من أبريل.",
     "سامي العلوي", "2024-04-01"),
])
def test_events_winning_an_election_is_being_elected(body, appointee, when):
    doc = run(body)
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert appointment.date == when
    assert labels(doc, appointment) == {appointee}
    assert [p.role for p in appointment.participants] == [Role.APPOINTEE]


@pytest.mark.parametrize("body", [
    "وفاز حزب العدالة في الانتخابات التشريعية بأغلبية المقاعد.",     # a party, no one elected to a post
    "وفاز المنتخب الوطني على نظيره المغربي في المباراة.",            # a match
])
def test_events_a_win_elects_no_one_but_a_person_by_an_election(body):
    assert not [e for e in run(body).events if e.type is EventType.APPOINTMENT]


def test_events_appointment_after_a_verbal_noun_names_the_appointee_first():
    doc = run("أعلنت الرئاسة تعيين سامي العلوي وزيرا للخارجية.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert labels(doc, appointment) == {"سامي العلوي"}
    assert not [e for e in doc.entities if e.role_only]  # "وزيرا للخارجية" is the post given, no person


@pytest.mark.parametrize("body, sides", [
    ("صادق مجلس النواب العراقي على تعيين سامي العلوي وزيرا للخارجية.", {"سامي العلوي", "مجلس النواب العراقي"}),
    # the body before its verb, its meeting and day between the verb and the appointment
    ("وكان مجلس الوزراء قد صادق في اجتماعه الأسبوعي يوم الخميس الماضي على تعيين السيد كريم الصالحي سفيرا "
     "لدى الجزائر.", {"كريم الصالحي", "مجلس الوزراء"}),
    # a person approving is no body; nor is a body named elsewhere in the sentence
    ("وافق الرئيس على تعيين سامي العلوي سفيرا.", {"سامي العلوي"}),
    ("وقالت وزارة الخارجية إن الرئيس وافق على تعيين سامي العلوي سفيرا.", {"سامي العلوي"}),
])
def test_events_the_body_approving_an_appointment_takes_part(body, sides):
    doc = run(body)
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert labels(doc, appointment) == sides


def test_events_a_day_after_a_bodys_own_session_dates_what_it_decided():
    doc = run("وكان مجلس الوزراء قد صادق في اجتماعه الأسبوعي يوم الاثنين الماضي على تعيين السيد كريم الصالحي "
              "سفيرا لدى الجزائر.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert appointment.date == "2024-04-29"
    # a meeting with a side of its own keeps its day
    doc = run("التقى الوزير سامي العلوي في اجتماعه يوم الاثنين الماضي بالسفير كريم الصالحي، وجرى تعيينه مستشارا.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert meeting.date == "2024-04-29"


def test_events_a_dual_title_refers_to_the_last_two_who_both_hold_it():
    # the head of government's reception came between: "الوزيران" are the two ministers who met
    doc = run("أجرى وزير الخارجية سامي العلوي اليوم مباحثات مع وزير الخارجية الموريتاني كريم الصالحي. "
              "وكان الصالحي قد حل أمس بالرباط، حيث استقبله رئيس الحكومة نبيل القاسمي. "
              "وفي ختام الزيارة، وقع الوزيران على مذكرة تفاهم.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي"}
    # "الجانبان" names no title: the last two told
    doc = run("أجرى وزير الخارجية سامي العلوي اليوم مباحثات مع وزير الخارجية الموريتاني كريم الصالحي. "
              "وكان الصالحي قد حل أمس بالرباط، حيث استقبله رئيس الحكومة نبيل القاسمي. "
              "وفي ختام اللقاء، وقع الجانبان على مذكرة تفاهم.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"نبيل القاسمي", "كريم الصالحي"}


def test_events_an_envoy_named_by_a_variant_of_his_title_is_the_one_named_before():
    # "الموفد" is "المبعوث": the UN envoy told again is the one named, not a person of his own
    doc = run("وصل المبعوث الأممي إلى اليمن هانس غروندبرغ إلى صنعاء اليوم. وقال الموفد الأممي إن الحل قريب.")
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert [e.label for e in persons] == ["هانس غروندبرغ"]
    assert "الموفد الأممي" in {doc.text[m.span.start:m.span.end] for m in persons[0].mentions}


@pytest.mark.parametrize("body, sides", [
    ("وتلقى الرئيس سامي العلوي اتصالا من نظيره الفرنسي إيمانويل ماكرون.", {"سامي العلوي", "إيمانويل ماكرون"}),
    ("وأجرى سامي العلوي أمس اتصالا بنظيره كريم الصالحي.", {"سامي العلوي", "كريم الصالحي"}),
])
def test_events_a_contact_after_a_verb_of_calling_is_a_call(body, sides):
    doc = run(body)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CALL, sides)]


def test_events_a_contact_alone_is_no_call():
    assert run("وأكد سامي العلوي أن الاتصال مع كريم الصالحي مستمر وأن اتصالا سيجري قريبا.").events == ()


def test_events_those_attending_complete_a_meeting_told_with_its_chair_alone():
    doc = run("ترأس وزير الداخلية سامي العلوي، أمس بمقر الولاية، اجتماعا تنسيقيا ضم ولاة الولايات الغربية. "
              "وحضر الاجتماع المدير العام للأمن الوطني كريم الصالحي وقائد الدرك الوطني نبيل القاسمي.")
    meetings = [e for e in doc.events if e.type is EventType.MEETING]
    assert len(meetings) == 1 and labels(doc, meetings[0]) == {"سامي العلوي", "كريم الصالحي", "نبيل القاسمي"}
    assert meetings[0].date == "2024-05-01"
    # without a meeting told before, those attending attend nothing
    assert run("وحضر الاجتماع المدير العام للأمن الوطني كريم الصالحي.").events == ()


def test_events_an_exchange_of_memoranda_witnessed_by_the_two_told_before_is_theirs():
    doc = run("استقبل الرئيس سامي العلوي اليوم الرئيس كريم الصالحي. وشهد الجانبان تبادل عدد من مذكرات التفاهم "
              "بين البلدين.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي"} and agreement.date == "2024-05-02"


def test_events_the_state_in_the_post_of_one_opening_a_gathering_is_no_party():
    doc = run("افتتح أمير قطر الشيخ تميم بن حمد اليوم أعمال منتدى الدوحة.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert labels(doc, conference) == {"تميم بن حمد"}
    # a state taking part itself is one, and so are the states of a group of officials
    doc = run("ويشارك المغرب في مؤتمر باريس اليوم.")
    assert labels(doc, next(e for e in doc.events if e.type is EventType.CONFERENCE)) == {"المغرب"}
    doc = run("ويشارك وزراء خارجية مصر والسودان في المؤتمر اليوم.")
    assert labels(doc, next(e for e in doc.events if e.type is EventType.CONFERENCE)) == {"مصر", "السودان"}


def test_events_an_event_told_as_expected_is_one_only_with_a_time_of_its_own():
    # the one welcoming the expected meeting is no side of it, and it is no event yet
    assert run("ورحب سامي العلوي بالاجتماع المرتقب بين كريم الصالحي ونبيل القاسمي.").events == ()
    doc = run("ويعقد الاجتماع المرتقب بين الرئيسين كريم الصالحي ونبيل القاسمي يوم الأحد المقبل.")
    assert [(e.type, labels(doc, e), e.date) for e in doc.events] == [
        (EventType.MEETING, {"كريم الصالحي", "نبيل القاسمي"}, "2024-05-05")]


@pytest.mark.parametrize("body, sides", [
    ("وقع المغرب وصندوق النقد الدولي اتفاقا جديدا.", {"المغرب", "صندوق النقد الدولي"}),
    # the parties, and those signing for them
    ("وقع الأردن والاتحاد الأوروبي، اليوم الخميس، اتفاقية منحة بقيمة 50 مليون يورو، وقعها عن الجانب الأردني "
     "الوزير سامي العلوي وعن "
     "الجانب الأوروبي السفير كريم الصالحي.", {"الأردن", "الاتحاد الأوروبي", "سامي العلوي", "كريم الصالحي"}),
])
def test_events_a_state_and_a_body_listed_after_a_signing_verb_sign(body, sides):
    doc = run(body)
    assert labels(doc, next(e for e in doc.events if e.type is EventType.AGREEMENT)) == sides


def test_events_a_visitor_landing_at_an_airport_visits_its_city():
    doc = run("وصل الرئيس سامي العلوي إلى مطار أبوظبي الدولي مساء اليوم.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert doc.entity(visit.place).label == "أبوظبي"
    # an airport named after a person names no city: no place
    doc = run("وصل الرئيس سامي العلوي إلى مطار هواري بومدين الدولي مساء اليوم.")
    assert next(e for e in doc.events if e.type is EventType.VISIT).place is None


@pytest.mark.parametrize("body", [
    "وشملت جولة وزير الخارجية سامي العلوي كلا من السعودية وقطر ومصر.",
    "وتشمل جولة الوزير سامي العلوي السعودية وقطر ومصر.",
])
def test_events_a_tour_including_places_after_its_visitor_visits_each(body):
    doc = run(body)
    visits = [(labels(doc, e), doc.entity(e.place).label) for e in doc.events if e.type is EventType.VISIT]
    assert visits == [({"سامي العلوي"}, "المملكة العربية السعودية"), ({"سامي العلوي"}, "قطر"),
                      ({"سامي العلوي"}, "مصر")]
    # a tour that includes talks goes nowhere
    assert run("وتشمل جولة الوزير سامي العلوي لقاءات مع مسؤولين.").events == ()


@pytest.mark.parametrize("body, sides", [
    ("وزار الوزير سامي العلوي رئيس مجلس النواب كريم الصالحي في مكتبه.", {"سامي العلوي", "كريم الصالحي"}),
    # no subject of its own after "قبل أن": the main clause's
    ("التقى الموفد الفرنسي سامي العلوي الرئيس نبيل القاسمي، قبل أن يزور رئيس الحكومة كريم الصالحي في السرايا.",
     {"سامي العلوي", "كريم الصالحي"}),
])
def test_events_visiting_a_named_person_is_meeting_him(body, sides):
    doc = run(body)
    assert labels(doc, [e for e in doc.events if e.type is EventType.MEETING][-1]) == sides
    assert not [e for e in doc.events if e.type is EventType.VISIT]


@pytest.mark.parametrize("body", [
    "وزار الوزير سامي العلوي الجزائر أمس.",
    "وزار الوزير سامي العلوي ضريح محمد الخامس أمس.",   # a place named after a person
    "ووصل الوزير سامي العلوي، موفد الرئيس كريم الصالحي، إلى بيروت.",   # arriving takes no person
])
def test_events_visiting_a_place_stays_a_visit(body):
    assert [e.type for e in run(body).events] == [EventType.VISIT]


def test_events_family_name_first_joins_the_full_name():
    doc = run("وصل الرئيس الصيني شي جين بينغ إلى أبوظبي. وقال الرئيس شي إن الزيارة تاريخية.")
    persons = [e for e in doc.entities if e.type.value == "Person" and not e.role_only]
    assert len(persons) == 1 and "شي" in persons[0].names


def agreements(body, title="خبر"):
    doc = run(body, title)
    return doc, [e for e in doc.events if e.type is EventType.AGREEMENT]


@pytest.mark.parametrize("body", [
    # "وقع" without anything signed is "occurred"
    "وقعت اشتباكات عنيفة أمس في مدينة حلب بين الجيش السوري والمعارضة.",
    "وأكد الوزير أن التشاور وقع حول الملفات الكبرى في تونس.",
    # a decree is no agreement
    "وقع الرئيس الأمريكي دونالد ترامب اليوم قرارا بفرض رسوم على واردات المكسيك وكندا.",
    # a signing told as background, without a time of its own
    "وقال الرئيس الإيراني حسن روحاني لنظيره الفرنسي إيمانويل ماكرون إن إيران ملتزمة بعد توقيع الاتفاق النووي.",
    "وبحث الوزيران تفعيل اتفاقية التبادل التي تم توقيعها بين العراق والسعودية.",
])
def test_events_no_agreement_without_a_signed_thing_or_a_time(body):
    assert not agreements(body)[1]


@pytest.mark.parametrize("body, sides, when", [
    ("وقع المغرب وفرنسا اليوم في الرباط اتفاقية للتعاون الأمني.", {"المغرب", "فرنسا"}, "2024-05-02"),
    # the thing signed far after the verb
    ("وفي مارس 2015 وقع كل من السودان ومصر وإثيوبيا خلال قمة رئاسية بالخرطوم على \"إعلان مبادئ\".",
     {"السودان", "مصر", "إثيوبيا"}, "2015-03"),
    # background with a time of its own: the sides follow the verb, not the speakers before it
    ("وأبلغ الرئيس الإيراني حسن روحاني نظيره الفرنسي إيمانويل ماكرون أن الاتفاق الذي وقعته إيران مع روسيا "
     "في يوليو 2015 غير قابل للتفاوض.", {"إيران", "روسيا"}, "2015-07"),
    # two bodies as the subject
    ("ووقعت وزارة الصحة ومنظمة الصحة العالمية اليوم مذكرة تفاهم لمكافحة الأوبئة.",
     {"وزارة الصحة", "منظمة الصحة العالمية"}, "2024-05-02"),
    ("وأبرم المغرب والاتحاد الأوروبي اليوم اتفاق الصيد البحري الجديد.", {"المغرب", "الاتحاد الأوروبي"}, "2024-05-02"),
    # the dual of the imperfect, as headlines write it
    ("الإمارات والسعودية توقعان اليوم 20 اتفاقية في جدة.", {"الإمارات العربية المتحدة", "المملكة العربية السعودية"},
     "2024-05-02"),
])
def test_events_agreement_sides_and_date(body, sides, when):
    doc, found = agreements(body)
    assert len(found) == 1
    assert labels(doc, found[0]) == sides and found[0].date == when


def visits(doc):
    return [e for e in doc.events if e.type is EventType.VISIT]


def test_events_a_word_telling_an_event_again_gives_it_its_time():
    # the date named by the session word or the call noun is the folded event's
    doc = run("ويشارك الوزير سليم حداد في اجتماعات الدورة العادية لمجلس جامعة الدول العربية يوم الأحد المقبل.")
    assert [(e.type, e.date) for e in doc.events] == [(EventType.CONFERENCE, "2024-05-05")]
    doc = run("وبحث الرئيس سامي العلوي مع نظيره كريم الصالحي في اتصال هاتفي أمس الوضع.")
    assert [(e.type, e.date) for e in doc.events] == [(EventType.CALL, "2024-05-01")]


@pytest.mark.parametrize("body", [
    "وقال بيان الرئاسة إن الرئيس سامي العلوي بحث مع نظيره كريم الصالحي في اتصال هاتفي الوضع الإقليمي.",
    "وبحث الوزير سامي العلوي مع نظيره كريم الصالحي عبر اتصال هاتفي العلاقات الثنائية.",
])
def test_events_talks_held_in_a_phone_call_are_a_call(body):
    doc = run(body)
    assert [(e.type, labels(doc, e), e.place) for e in doc.events] == \
        [(EventType.CALL, {"سامي العلوي", "كريم الصالحي"}, None)]


@pytest.mark.parametrize("body", [
    "والتقى الوزير سامي العلوي نظيره كريم الصالحي وبحثا المسائل الأمنية والوضع في ليبيا.",
    "والتقى الوزير سامي العلوي نظيره كريم الصالحي وبحثا سبل الحد من وجودها في ليبيا.",
    "والتقى الوزير سامي العلوي نظيره كريم الصالحي وبحثا الحل للأزمة في ليبيا.",
])
def test_events_a_situation_behind_a_conjunction_or_pronoun_is_no_place(body):
    assert [e.place for e in run(body).events] == [None]


@pytest.mark.parametrize("body, kind, place", [
    # "سلام" is peace as a word ("السلام في"), "الاستثمار" investment ("الاستثمار في"): inside a name, neither
    ("التقى الوزير سامي العلوي رئيس الحكومة نواف سلام في بيروت.", EventType.MEETING, "بيروت"),
    ("ونظمت وزارة الاستثمار في فندق النخيل منتدى للأعمال بمشاركة الوزير سامي العلوي.",
     EventType.CONFERENCE, "فندق النخيل"),
])
def test_events_a_name_ending_in_a_word_of_a_situation_keeps_the_place_after_it(body, kind, place):
    doc = run(body)
    assert [(e.type, doc.entity(e.place).label if e.place else None) for e in doc.events] == [(kind, place)]


def test_events_a_dual_object_pronoun_receives_the_two_told_last():
    doc = run("ومن المقرر أن يلتقي سامي العلوي وكريم الصالحي مجددا في روما، الاثنين، "
              "قبل أن يستقبلهما الرئيس يوسف الحداد في القصر الرئاسي.")
    assert sorted((sorted(labels(doc, e)), len([p for p in e.participants if p.role is Role.HOST]))
                  for e in doc.events if e.type is EventType.MEETING) == \
        [(["سامي العلوي", "كريم الصالحي"], 0), (["سامي العلوي", "كريم الصالحي", "يوسف الحداد"], 1)]


def test_events_a_tour_opening_the_sentence_is_its_main_clauses_subjects():
    doc = run("ضمن جولة عربية تشمل مصر والأردن، وصل وزير الخارجية سامي العلوي إلى القاهرة.")
    assert sorted(doc.entity(e.place).label for e in visits(doc)) == ["الأردن", "مصر"]
    assert all(labels(doc, e) == {"سامي العلوي"} for e in visits(doc))


def test_events_a_tour_ended_with_a_visit_is_its_subjects():
    doc = run("أنهى وزير الخارجية سامي العلوي جولته في المنطقة بزيارة الكويت.")
    assert [(labels(doc, e), doc.entity(e.place).label) for e in visits(doc)] == [({"سامي العلوي"}, "الكويت")]


@pytest.mark.parametrize("body, kind, sides", [
    ("عقد وزراء خارجية مصر والسعودية والإمارات والبحرين اجتماعا في المنامة لبحث الأزمة.",
     EventType.CONFERENCE, {"مصر", "المملكة العربية السعودية", "الإمارات العربية المتحدة", "البحرين"}),
    ("والتقى وزيرا خارجية مصر والأردن في القاهرة أمس.", EventType.MEETING, {"مصر", "الأردن"}),
])
def test_events_states_whose_ministers_meet_are_its_sides(body, kind, sides):
    doc = run(body)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(kind, sides)]


def test_events_an_appointing_verb_after_a_preposition_is_a_place_name():
    for body in ("والتقى رئيس المجلس سامي العلوي في عين التينة السفير الروسي كريم الصالحي.",
                 "والتقى رئيس المجلس سامي العلوي أمس وفي عين التينة السفير الروسي كريم الصالحي."):
        doc = run(body)
        assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"سامي العلوي", "كريم الصالحي"})]


def test_events_travel_with_a_pronoun_is_the_sentence_subjects():
    # the last actor told (the host, in the sentence before) is not the one whose travel it is
    doc = run("والتقى الوزير سامي العلوي نظيره كريم الصالحي. "
              "وكان الصالحي قد أعلن قبيل توجهه إلى تونس في مقابلة مع صحيفة الشروق أن الحوار مفيد.")
    names = {e.id: e.label for e in doc.entities}
    assert [[names[p.entity] for p in e.participants] for e in visits(doc)] == [["كريم الصالحي"]]


def test_events_visit_place_is_not_the_airport_of_arrival():
    doc = run("بدأ وزير الخارجية الإسباني خوسيه مانويل ألباريس زيارة رسمية إلى تونس. "
              "ووصل الوزير الإسباني مساء أمس إلى مطار تونس قرطاج حيث كان في استقباله نظيره التونسي.")
    visit = visits(doc)[0]
    assert doc.entity(visit.place).label == "تونس"
    assert visit.start == "2024-05-01" and visit.date is None   # "بدأ ... زيارة": the date is a start


def test_events_visit_destination_with_lam():
    doc = run("وقالت الوزيرة إن اتفاقية للتعاون ستوقع على هامش زيارة رسمية تؤديها المستشارة الألمانية "
              "أنجيلا ميركل لتونس، وكانت قد تحدثت في مؤتمر بألمانيا.")
    visit = visits(doc)[0]
    assert doc.entity(visit.place).label == "تونس"


def test_events_sidelines_of_a_visit_give_part_of_and_place():
    doc = run("تم اليوم التوقيع على اتفاقية بين تونس وألمانيا تخص المقيمين بألمانيا، وذلك على هامش زيارة "
              "رسمية تؤديها المستشارة الألمانية أنجيلا ميركل إلى تونس.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    visit = visits(doc)[0]
    assert agreement.part_of == visit.id and doc.entity(agreement.place).label == "تونس"


def test_events_visit_to_a_site_is_part_of_the_visit():
    doc = run("وصل وزير الخارجية الفرنسي جان إيف لودريان اليوم إلى مصر في زيارة رسمية. "
              "وزار الوزير الفرنسي لودريان المتحف المصري بالقاهرة.")
    found = visits(doc)
    assert len(found) == 2
    country, site = sorted(found, key=lambda e: e.part_of is not None)
    assert doc.entity(country.place).label == "مصر" and site.part_of == country.id


def test_events_ministry_with_a_pronoun_is_no_visit():
    doc = run("واستقبلت وزيرة السياحة سلمى اللومي بمقر وزارتها نظيرتها الإسبانية.")
    assert not visits(doc)


def meetings(doc):
    return [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]


@pytest.mark.parametrize("body, expected", [
    # each person met apart, a relative clause between the verb's subject and its objects
    ("التقى وزير الخارجية الفرنسي جان إيف لودريان، الذي وصل أمس إلى القاهرة، الرئيس عبد الفتاح السيسي "
     "ونظيره المصري سامح شكري.",
     [{"جان إيف لودريان", "عبد الفتاح السيسي"}, {"جان إيف لودريان", "سامح شكري"}]),
    # a delegation met together is one meeting
    ("التقى وزير العدل سمير الهاشمي اليوم المستشار بصري أوزتورك ومدير السجون كمال أيدن والوفد المرافق لهما.",
     [{"سمير الهاشمي", "بصري أوزتورك", "كمال أيدن"}]),
])
def test_events_meetings_one_by_one_or_together(body, expected):
    found = meetings(run(body))
    assert sorted(found, key=sorted) == sorted(expected, key=sorted)


def test_events_speaker_before_inna_is_no_side_of_the_meeting():
    doc = run("وقال المتحدث باسم الرئاسة بسام راضي إن الرئيس عبد الفتاح السيسي شدد خلال محادثاته مع "
              "وزير الخارجية الفرنسي جان إيف لودريان الوضع في ليبيا.")
    assert meetings(doc) == [{"عبد الفتاح السيسي", "جان إيف لودريان"}]


@pytest.mark.parametrize("body, appointee, when", [
    # taking office: the subject, VSO or SVO, with the office named after the verb
    ("وتولى سامي العلوي المنصب في مارس الماضي خلفا لسلفه.", "سامي العلوي", "2024-03"),
    ("أدى الرئيس سامي العلوي اليمين الدستورية أمام البرلمان أمس.", "سامي العلوي", "2024-05-01"),
    ("وكان كريم الصالحي قد تسلم مهامه على رأس الوزارة في يناير الماضي.", "كريم الصالحي", "2024-01"),
    # the pronoun of a verbal noun stands for the person named just before
    ("وأعلن كريم الصالحي أمس توليه منصبه الجديد.", "كريم الصالحي", "2024-05-01"),
    # a passive told in a relative clause: the one it is about was appointed
    ("وكان سامي العلوي الذي عين مبعوثا خاصا في أغسطس 2023 قد زار المنطقة.", "سامي العلوي", "2023-08"),
    # a decree of appointment: the person after the verbal noun
    ("أصدر الملك مرسوما بتعيين كريم الصالحي سفيرا لدى إسبانيا.", "كريم الصالحي", None),
])
def test_events_appointment_names_the_appointee(body, appointee, when):
    doc = run(body)
    appointments = [e for e in doc.events if e.type is EventType.APPOINTMENT]
    assert len(appointments) == 1, [e.type for e in doc.events]
    event = appointments[0]
    chosen = [doc.entity(p.entity).label for p in event.participants if p.role is Role.APPOINTEE]
    assert chosen == [appointee]
    assert event.date == when


@pytest.mark.parametrize("body, appointee", [
    # a passive: the person inside the post given is not the one appointed
    ("وعين الدبلوماسي الألماني سليم حداد مبعوثا شخصيا للأمين العام للأمم المتحدة في أغسطس 2017.", "سليم حداد"),
    # an active verb: the first person appoints, the next is appointed
    ("وعين الملك منير الحداد السيد سليم حداد سفيرا لدى فرنسا.", "سليم حداد"),
    # the office named five words after the verb, past the new holder's name
    ("وأدى الرئيس الجديد سليم حداد اليمين الدستورية أمام البرلمان.", "سليم حداد"),
    # the passive of choosing
    ("واختير الدبلوماسي سليم حداد رئيسا للجنة بناء السلام.", "سليم حداد"),
])
def test_events_who_is_appointed(body, appointee):
    doc = run(body)
    appointments = [e for e in doc.events if e.type is EventType.APPOINTMENT]
    assert len(appointments) == 1 and appointee in labels(doc, appointments[0])


@pytest.mark.parametrize("body", [
    "وتولى سامي العلوي التحقيق في القضية بنفسه.",              # taking charge of a task, no office
    "وأكد كريم الصالحي أن القرار أدى إلى تراجع الأسعار.",       # "أدى إلى": led to
    "ودعا الحزب سامي العلوي لتولي السلطة حتى إجراء الانتخابات.",  # ل: a purpose, not an appointment made
    "وانتقد كريم الصالحي مسؤولين بعينهم في الحكومة.",           # "بعينهم": specific ones, not ب + عين
    "وكانت الحكومة التي يقودها سامي العلوي قد عينت فيها مستشارين كبارا.",  # no person appointed
])
def test_events_no_appointment_without_a_post_taken(body):
    assert not [e for e in run(body).events if e.type is EventType.APPOINTMENT]


@pytest.mark.parametrize("body, sides", [
    # a meeting word with a word of a committee or of three sides or more after it
    ("بدأت اليوم في الرباط اجتماعات اللجنة الوزارية الرباعية حول الأمن المائي.", set()),
    ("وشارك في الاجتماع الثلاثي وزير التجارة سامي العلوي ووزير المالية كريم الصالحي.",
     {"سامي العلوي", "كريم الصالحي"}),
    ("وانطلق بالقاهرة الاجتماع الـ12 لوزراء الخارجية العرب.", set()),
    # three states named by their adjectives
    ("ويعقد بعد أسبوع اجتماع مغربي تونسي جزائري في الرباط.", {"المغرب", "تونس", "الجزائر"}),
])
def test_events_multilateral_meeting_is_a_conference(body, sides):
    doc = run(body)
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]
    assert sides <= labels(doc, doc.events[0])


def test_events_two_states_by_adjectives_are_the_sides_of_a_meeting():
    doc = run("ويعقد الأسبوع المقبل اجتماع مغربي تونسي في الرباط.")
    assert [e.type for e in doc.events] == [EventType.MEETING]
    assert labels(doc, doc.events[0]) == {"المغرب", "تونس"}


@pytest.mark.parametrize("body, sides", [
    # definite modifiers between a gathering and the adjectives of its states
    ("وانطلق أمس في الرباط منتدى الأعمال المغربي الموريتاني بحضور رجال أعمال.", {"المغرب", "موريتانيا"}),
    ("وافتتحت في تونس أشغال الدورة 20 للجنة العليا المشتركة التونسية الليبية.", {"تونس", "ليبيا"}),
    ("وعقد الاجتماع الثلاثي المغربي الموريتاني السنغالي في داكار.", {"المغرب", "موريتانيا", "السنغال"}),
])
def test_events_adjectives_after_a_gathering_name_its_states(body, sides):
    doc = run(body)
    conferences = [e for e in doc.events if e.type is EventType.CONFERENCE]
    assert len(conferences) == 1 and sides <= labels(doc, conferences[0])


@pytest.mark.parametrize("body, person", [
    ("شارك الرئيس الموريتاني محمد ولد الغزواني في القمة الأفريقية بأديس أبابا.", "محمد ولد الغزواني"),
    ("وافتتح رئيس الحكومة سامي العلوي صباح اليوم أعمال المؤتمر الدولي للاستثمار بتونس.", "سامي العلوي"),
    ("ويشارك وزير الخارجية المغربي ناصر بوريطة غدا في اجتماع وزراء الخارجية العرب بالقاهرة.", "ناصر بوريطة"),
    # presiding over its opening or its close, attending it
    ("أشرف وزير الصحة سامي العلوي اليوم في سوسة على افتتاح أشغال المنتدى الدولي للصيدلة.", "سامي العلوي"),
    ("وحضر وزير الخارجية كريم الصالحي اجتماع مجلس جامعة الدول العربية في القاهرة.", "كريم الصالحي"),
    ("واختتم الرئيس الفرنسي إيمانويل ماكرون أعمال القمة الأوروبية الأفريقية في باريس.", "إيمانويل ماكرون"),
])
def test_events_subject_of_taking_part_far_before_a_gathering_attends_it(body, person):
    doc = run(body)
    conferences = [e for e in doc.events if e.type is EventType.CONFERENCE]
    assert len(conferences) == 1 and person in labels(doc, conferences[0])


def test_events_taking_part_behind_a_preposition_names_no_participant():
    # "مرحبا بمشاركة": welcoming someone's part is another frame's; the gathering names no side here
    doc = run("وأشاد الوزير سامي العلوي بمشاركة الشباب في المنتدى الدولي للتشغيل.")
    assert not [e for e in doc.events if e.type is EventType.CONFERENCE]


def test_events_an_aside_between_commas_does_not_end_the_meeting():
    doc = run("والتقى الوزير سامي العلوي، خلال زيارته إلى باريس، نظيره الفرنسي جان لوران.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, meeting) == {"سامي العلوي", "جان لوران"} and labels(doc, visit) == {"سامي العلوي"}
    assert doc.entity(meeting.place).label == doc.entity(visit.place).label == "باريس"


def test_events_a_counterpart_is_no_subject_a_later_pronoun_stands_for():
    doc = run("يتوجه الرئيس الفرنسي سليم حداد إلى أبوجا حيث يلتقي نظيره النيجيري كريم الصالحي.\n"
              "في أبوجا، وخلال لقائه نظيره النيجيري، سيتطرق حداد إلى القضايا الأمنية.\n"
              "لكن للمرحلة الأخيرة من جولته في لاغوس، قرر الرئيس الفرنسي لقاء رجال الأعمال.")
    visitors = {doc.entity(p.entity).label for e in doc.events if e.type is EventType.VISIT for p in e.participants}
    assert visitors == {"سليم حداد"}


def test_events_a_summit_told_again_is_the_summit_of_two():
    doc = run("يلتقي الرئيس سليم حداد ونظيره كريم الصالحي اليوم الاثنين في أول قمة بينهما.\n"
              "وقال مستشار الأمن القومي منير الحداد إن القمة ستكون صعبة.\n"
              "وقال الوزير ناجي البكوش إنه يتوقع الكثير من القمة.\n"
              "وقمة هلسنكي هي ختام جولة استمرت أسبوعا.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"سليم حداد", "كريم الصالحي"})]
    assert doc.entity(doc.events[0].place).label == "هلسنكي"


@pytest.mark.parametrize("body, sides", [
    # "اللقاء الذي جمعه بـX": the verb's pronoun is the one the sentence is about
    ("وقال الوزير سليم حداد إن اللقاء الذي جمعه بوزير الخارجية الفرنسي جان لوران كان مثمرا.",
     {"سليم حداد", "جان لوران"}),
    ("وأكد الأمين العام للاتحاد سليم حداد أن اللقاء الذي جمعه بممثلي صندوق النقد الدولي كان إيجابيا.",
     {"سليم حداد", "صندوق النقد الدولي"}),
])
def test_events_the_meeting_that_brought_him_together_with_someone(body, sides):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events] == [sides]


def test_events_dual_refers_to_the_last_pair_that_met():
    doc = run("التقى الرئيس التونسي سامي العلوي نظيره الجزائري كريم الصالحي في الجزائر.\n"
              "وقال المتحدث باسم الرئاسة منير الحداد إن الوزير ناجي البكوش سيزور الجزائر.\n"
              "والتقى الرئيسان في مارس 2019 في تونس.")
    meetings = [e for e in doc.events if e.type is EventType.MEETING]
    assert len(meetings) == 2
    assert all(labels(doc, m) == {"سامي العلوي", "كريم الصالحي"} for m in meetings)
    assert {m.date for m in meetings} == {None, "2019-03"}


def test_events_each_sideline_meeting_belongs_to_the_gathering_after_it():
    doc = run("والتقى الرئيس سامي العلوي نظيره كريم الصالحي في مارس 2016 على هامش قمة الاتحاد الأفريقي، "
              "كما التقيا من جديد على هامش قمة جامعة الدول العربية في مايو 2017.")
    by_date = {e.date: e for e in doc.events if e.type is EventType.MEETING}
    summits = {e.id: e for e in doc.events if e.type is EventType.CONFERENCE}
    first, second = by_date["2016-03"], by_date["2017-05"]
    assert labels(doc, first) == labels(doc, second) == {"سامي العلوي", "كريم الصالحي"}
    assert {doc.entity(p.entity).label for p in summits[first.part_of].participants} >= {"الاتحاد الأفريقي"}
    assert {doc.entity(p.entity).label for p in summits[second.part_of].participants} >= {"جامعة الدول العربية"}
    assert summits[first.part_of].part_of is None


@pytest.mark.parametrize("body, sides, place", [
    # the host state takes part; a host city is where it is held
    ("ويستضيف المغرب مؤتمرا دوليا حول المناخ الشهر المقبل.", {"المغرب"}, None),
    ("وتحتضن مدينة مراكش قمة يشارك فيها الرئيس سليم حداد.", {"سليم حداد"}, "مراكش"),
    # the body that organises it
    ("ونظمت جامعة الدول العربية في القاهرة مؤتمرا حول الأمن الغذائي.", {"جامعة الدول العربية"}, "القاهرة"),
    # a state taking part, and a speaker before it
    ("ويشارك المغرب في مؤتمر باريس للسلام.", {"المغرب"}, "باريس"),
    ("وألقى الرئيس سليم حداد كلمة أمام منتدى دافوس الاقتصادي.", {"سليم حداد"}, None),
    # a session qualified before its council, and a committee holding its meeting
    ("وشارك الوزير سليم حداد في أعمال الدورة العادية لمجلس جامعة الدول العربية.",
     {"سليم حداد", "جامعة الدول العربية"}, None),
    ("وعقدت اللجنة العسكرية المشتركة اجتماعها الأول في الرباط.", {"اللجنة العسكرية المشتركة"}, "الرباط"),
    # the patron of a gathering takes part in it; a body named after the word for welfare is none
    ("وبرعاية الرئيس سليم حداد تنطلق اليوم في الرباط أعمال المؤتمر الاقتصادي.", {"سليم حداد"}, "الرباط"),
    ("وتحت رعاية الأمير سامي الفيصل تنطلق اليوم أعمال المنتدى الاقتصادي في الرياض.", {"سامي الفيصل"}, "الرياض"),
    # a host city's state named beside it hosts; a state discussed is no side
    ("وتستضيف مدينة شرم الشيخ المصرية القمة الاقتصادية الأولى.", {"مصر"}, "شرم الشيخ"),
    ("وشارك وزراء خارجية تونس والجزائر ومصر في الاجتماع الثلاثي حول ليبيا.", {"تونس", "الجزائر", "مصر"}, None),
    ("ويشارك الوزير سليم حداد في اجتماعات الدورة العادية لمجلس جامعة الدول العربية.",
     {"سليم حداد", "جامعة الدول العربية"}, None),
    ("وعقد مجلس التعاون اجتماعه الوزاري في الرياض برئاسة وزير الخارجية سليم حداد.",
     {"مجلس التعاون لدول الخليج العربية", "سليم حداد"}, "الرياض"),
])
def test_events_hosts_organisers_and_speakers_of_a_gathering(body, sides, place):
    doc = run(body)
    conferences = [e for e in doc.events if e.type is EventType.CONFERENCE]
    assert len(conferences) == 1 and labels(doc, conferences[0]) == sides
    assert (doc.entity(conferences[0].place).label if conferences[0].place else None) == place


def test_events_held_on_the_sidelines_takes_the_time_of_the_gathering():
    doc = run("ورحب الوزير بعقد منتدى الأعمال المغربي الموريتاني على هامش اجتماعات اللجنة الوزارية "
              "المشتركة التي انطلقت يوم 3 مارس 2024 بنواكشوط.")
    forum = next(e for e in doc.events if "المغرب" in labels(doc, e))
    committee = next(e for e in doc.events if e is not forum)
    assert forum.part_of == committee.id and forum.date == committee.date == "2024-03-03"


def test_events_states_taking_part_are_parties_not_the_place():
    doc = run("بدأت في العاصمة المغربية الرباط اجتماعات اللجنة الثلاثية، بمشاركة وزراء المياه في المغرب وتونس والجزائر.")
    conference = doc.events[0]
    assert {"المغرب", "تونس", "الجزائر"} <= labels(doc, conference)
    assert doc.entity(conference.place).label == "الرباط"


def test_events_headline_gathering_and_body_parties_are_one_conference():
    doc = run("وانطلقت اليوم اجتماعات اللجنة الثلاثية بمشاركة وزراء الخارجية في مصر والأردن والعراق.",
              title="انطلاق اجتماعات اللجنة الثلاثية في عمان")
    conferences = [e for e in doc.events if e.type is EventType.CONFERENCE]
    assert len(conferences) == 1
    assert {"مصر", "الأردن", "العراق"} <= labels(doc, conferences[0])


def test_events_a_gathering_that_names_no_side_is_no_event():
    """Told for its place alone ("حدد اجتماع للفرقاء في باريس موعدا"), a
    meeting of several sides names none of them: no event to score (the
    annotators give every gathering its organiser or a participant)."""
    doc = run("وفي خطوة أولى، حدد اجتماعات للفرقاء في باريس موعدا للانتخابات.")
    assert [e.type for e in doc.events] == []


@pytest.mark.parametrize("body", [
    "ودعت الحكومة مواطنيها الراغبين في زيارة المغرب إلى الحذر.",   # tourists, not an official visit
    "وقال سامي العلوي إنه يعتزم زيارة تونس قريبا.",                # an intention (GUIDE 2: optional)
])
def test_events_wished_or_intended_visit_is_no_visit(body):
    assert not [e for e in run(body).events if e.type is EventType.VISIT]


def test_events_visit_after_other_words_is_still_a_visit():
    doc = run("وبدأ سامي العلوي اليوم زيارة رسمية إلى تونس.")
    assert [e.type for e in doc.events] == [EventType.VISIT]


@pytest.mark.parametrize("body, appointee", [
    # choosing someone for a post, given in the accusative, names them to it (GUIDE 2)
    ("أعلن الديوان اختيار الأمير فيصل بن خالد وليا للعهد أمس.", "فيصل بن خالد"),
    ("شكر الأمير فيصل بن خالد الملك على اختياره وليا لولي العهد.", "فيصل بن خالد"),
    ("اختار البرلمان الدبلوماسي سامي الجلاصي رئيسا للمجلس.", "سامي الجلاصي"),
])
def test_events_choosing_for_a_post_is_an_appointment(body, appointee):
    doc = run(body)
    appointments = [e for e in doc.events if e.type is EventType.APPOINTMENT]
    assert appointments and appointee in labels(doc, appointments[0])


@pytest.mark.parametrize("body, event_type", [
    # choosing without a post given is no appointment: a thing chosen, or a host chosen
    ("يمكنك اختيار نوع الرسالة التي تريدها بسهولة.", None),
    ("اختار المدرب كمال الهاشمي اللاعبين الأكثر جاهزية.", None),
    ("أعلن الاتحاد اختيار المغرب لتنظيم البطولة.", EventType.HOSTING_AWARD),
])
def test_events_choosing_without_a_post_is_no_appointment(body, event_type):
    types = {e.type for e in run(body).events}
    assert EventType.APPOINTMENT not in types
    assert event_type is None or event_type in types


@pytest.mark.parametrize("body", [
    "وأدلى الرئيس سليم حداد بتصريحات في مؤتمر صحفي بعد محادثات مع نظيره كريم الصالحي.",
    "وقال الرئيس سليم حداد في المؤتمر الصحافي بعد محادثات مع نظيره كريم الصالحي إن العلاقات جيدة.",
])
def test_events_a_press_conference_is_no_conference_and_bounds_no_meeting(body):
    """A press conference gathers no three sides (GUIDE 2); its words must not
    cut the sentence, so the talks after it keep their subject."""
    doc = run(body)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [
        (EventType.MEETING, {"سليم حداد", "كريم الصالحي"})]


@pytest.mark.parametrize("body, sides", [
    # a press conference held with someone tells that the two met
    ("وأكد الوزير سليم حداد خلال مؤتمر صحفي مع نظيره النرويجي كريم الصالحي أن العلاقات جيدة.",
     {"سليم حداد", "كريم الصالحي"}),
    ("وقال الرئيس سليم حداد في مؤتمر صحافي مشترك مع الرئيس كريم الصالحي إن المحادثات مثمرة.",
     {"سليم حداد", "كريم الصالحي"}),
    # the Maghrebi "ندوة صحفية" is a press conference
    ("وأوضح الرئيس سليم حداد خلال ندوة صحفية مشتركة مع الرئيس كريم الصالحي أن المحادثات مثمرة.",
     {"سليم حداد", "كريم الصالحي"}),
    # alone, or with the press ("مع الصحفيين") or someone named far from مع, it tells none
    ("وقال الرئيس سليم حداد في مؤتمر صحفي إن الوزير كريم الصالحي سيزور المدينة.", None),
    ("وتحدث الرئيس سليم حداد في مؤتمر صحفي مع الصحفيين المحليين والأجانب عن المدينة التي يديرها المحافظ "
     "كريم الصالحي.", None),
])
def test_events_a_press_conference_held_with_someone_is_a_meeting(body, sides):
    doc = run(body)
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == ([sides] if sides else [])
    assert EventType.CONFERENCE not in {e.type for e in doc.events}


@pytest.mark.parametrize("body, sides", [
    ("وبحث الوزير كريم الصالحي مع نظيره سليم حداد قضية الصحفي المعارض، جمال خاشقجي.",
     {"كريم الصالحي", "سليم حداد"}),
    ("وصل الوزير كريم الصالحي إلى المدينة للقاء الرئيس سليم حداد لمناقشة مقتل الناشط جمال خاشقجي.",
     {"كريم الصالحي", "سليم حداد"}),
    ("قضية جمال خاشقجي.. اجتماع الوزير كريم الصالحي والرئيس سليم حداد", {"كريم الصالحي", "سليم حداد"}),
    ("وبحث الوزير كريم الصالحي مع نظيره سليم حداد عن جمال خاشقجي وحول مروان الدباغ.", {"كريم الصالحي", "سليم حداد"}),
])
def test_events_the_person_a_meeting_is_about_is_no_side(body, sides):
    """A person after a topic noun ("قضية", "مقتل", "اختفاء") is what is discussed."""
    doc = run(body)
    assert [labels(doc, e) for e in doc.events if e.type is EventType.MEETING] == [sides]


def test_events_a_person_whose_disappearance_is_told_may_still_visit():
    doc = run("وأعلنت الشرطة اختفاء الوزير كريم الصالحي خلال زيارته إلى النرويج.")
    assert [labels(doc, e) for e in doc.events if e.type is EventType.VISIT] == [{"كريم الصالحي"}]


@pytest.mark.parametrize("body, meetings", [
    # a series of meetings with those named: one meeting with each
    ("وعقد الرئيس سليم حداد سلسلة من اللقاءات مع الوزير كريم الصالحي والسفير مروان الدباغ.",
     [{"سليم حداد", "كريم الصالحي"}, {"سليم حداد", "مروان الدباغ"}]),
    ("وكان للرئيس سليم حداد لقاءات مع عدة قادة على غرار الوزير كريم الصالحي والسفير مروان الدباغ.",
     [{"سليم حداد", "كريم الصالحي"}, {"سليم حداد", "مروان الدباغ"}]),
    # "كما" opens a clause whose dropped subject is the sentence's first person
    ("ويزور الوزير سليم حداد النرويج حيث يستقبله الرئيس كريم الصالحي، كما يجري سلسلة من اللقاءات مع "
     "السفير مروان الدباغ.", [{"سليم حداد", "كريم الصالحي"}, {"سليم حداد", "مروان الدباغ"}]),
    # without "مع", a plural is habitual or refers back: no event, and it bounds none
    ("وأكد الرئيس سليم حداد أن اللقاءات كانت مثمرة.", []),
    ("واستهل الرئيس سليم حداد لقاءاته بإجراء محادثات مع الوزير كريم الصالحي.", [{"سليم حداد", "كريم الصالحي"}]),
])
def test_events_a_series_of_meetings_with_those_named(body, meetings):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events if e.type is EventType.MEETING] == meetings


def test_events_a_call_has_no_place():
    """A phone call joins two places: the one named near it, or the article's,
    is a side's, not where it happened (GUIDE 2: place where it happens)."""
    doc = run("وصل الوزير سليم حداد إلى النرويج. وتلقى الرئيس كريم الصالحي في القاهرة اتصالا هاتفيا من "
              "الرئيس مروان الدباغ.")
    calls = [e for e in doc.events if e.type is EventType.CALL]
    assert [labels(doc, e) for e in calls] == [{"كريم الصالحي", "مروان الدباغ"}]
    assert calls[0].place is None


@pytest.mark.parametrize("body, sides", [
    # GUIDE 2: a summit of two leaders is a meeting, of those two
    ("وتنطلق اليوم في المدينة القمة التاريخية بين الرئيس سليم حداد والزعيم كريم الصالحي.",
     {"سليم حداد", "كريم الصالحي"}),
    ("وقال الرئيس سليم حداد إنه سيطرح جميع القضايا في قمة مع الرئيس كريم الصالحي.",
     {"سليم حداد", "كريم الصالحي"}),
    # told again as "القمة" later with more names, it stays one meeting of the two
    ("وتنطلق اليوم القمة بين الرئيس سليم حداد والزعيم كريم الصالحي. وقال الوزير مروان الدباغ إن القمة "
     "ستبحث الملف النووي.", {"سليم حداد", "كريم الصالحي"}),
])
def test_events_a_summit_of_two_is_a_meeting(body, sides):
    doc = run(body)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, sides)]


def test_events_the_two_who_convene_a_summit_meet():
    doc = run("وسيعقد الرئيس سليم حداد والزعيم كريم الصالحي قمة في فندق كابيلا بالمدينة.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"سليم حداد", "كريم الصالحي"})]


def test_events_a_conference_gathers_only_those_its_clause_names():
    doc = run("وشارك الرئيس سليم حداد في قمة الاتحاد الأفريقي بحضور الرئيس كريم الصالحي: الوزير مروان الدباغ "
              "ينتقد الغياب.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert "مروان الدباغ" not in labels(doc, conference)


@pytest.mark.parametrize("body, expected", [
    # a session of a council is a Conference (GUIDE 2), organised by the council
    ("وسيعقد مجلس الأمن الدولي جلسة طارئة لمجلس الأمن بطلب من الكويت والسويد.", EventType.CONFERENCE),
    # a working session is a Meeting
    ("والتقى الوزير سليم حداد في جلسة عمل مع نظيره كريم الصالحي.", EventType.MEETING),
    # a court's session is no event
    ("وقضت المحكمة في جلسة عقدت أمس بسجن المتهم.", None),
])
def test_events_sessions(body, expected):
    types = [e.type for e in run(body).events]
    assert types == ([expected] if expected else [])


def test_events_a_summit_of_three_or_an_organisation_is_a_conference():
    doc = run("وشارك الرئيس سليم حداد في قمة الاتحاد الأفريقي بحضور الرئيس كريم الصالحي.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]


@pytest.mark.parametrize("body, visitor", [
    # the one whose invitation is answered invites: the visitor is the one before
    ("وقال الوزير سليم حداد: تشرفت اليوم بتلبية دعوة معالي الدكتور كريم الصالحي لزيارة المركز.", "سليم حداد"),
    # the one the invitation goes to is the visitor
    ("ووجه الرئيس كريم الصالحي الدعوة للرئيس سليم حداد لإجراء زيارة إلى النرويج.", "سليم حداد"),
])
def test_events_an_invitation_names_the_host_not_the_visitor(body, visitor):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events if e.type is EventType.VISIT] == [{visitor}]


def test_events_a_definite_visit_with_a_relative_clause_is_told_anew():
    """"الزيارة التي يؤديها X إلى تونس" introduces the visit: its visitor and
    destination are in the clause, it refers back to nothing."""
    doc = run("وتكتسي الزيارة التي يؤديها الوزير سليم حداد اليوم إلى النرويج أهمية كبيرة.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert [labels(doc, e) for e in visits] == [{"سليم حداد"}]
    assert {e.id: e.label for e in doc.entities}[visits[0].place] == "النرويج"


def test_events_an_envoys_destination_is_his_post_not_where_he_goes():
    """"مبعوث الأمم المتحدة لليمن" holds one post, to Yemen; the visit goes to
    the city named after the verb."""
    doc = run("وصل مبعوث الأمم المتحدة لليمن كريم الصالحي الاثنين إلى صنعاء.")
    envoy = next(e for e in doc.entities if e.label == "كريم الصالحي")
    assert [p.title for p in envoy.posts] == ["مبعوث الأمم المتحدة لليمن"]
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert {e.id: e.label for e in doc.entities}[visit.place] == "صنعاء"


def test_events_a_datelines_place_is_the_newsrooms():
    """"دبي، الإمارات العربية المتحدة (CNN)--" opens the body: the broadcaster's
    newsroom, not where the meeting it reports happened."""
    doc = run("دبي، الإمارات العربية المتحدة (CNN)-- استقبل الرئيس سليم حداد، الخميس، الوزير كريم الصالحي "
              "في مدينة سوتشي الروسية.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert {e.id: e.label for e in doc.entities}[meeting.place] == "سوتشي"
    alone = run("دبي، الإمارات العربية المتحدة (CNN)-- استقبل الرئيس سليم حداد، الخميس، الوزير كريم الصالحي.")
    assert [e.place for e in alone.events] == [None]
    # the entities of the dateline are still named (GUIDE 1)
    assert "دبي" in {e.label for e in alone.entities}


@pytest.mark.parametrize("body, visitors", [
    # "زيارتها" is her visit: not that of a man named before
    ("وشكرت السيدة الأولى الرئيس سليم حداد على استضافتها خلال زيارتها إلى النرويج.", []),
    ("وقالت الوزيرة سلمى العلوي إنها سعيدة. وأكدت خلال زيارتها إلى النرويج أن العلاقات جيدة.",
     [{"سلمى العلوي"}]),
    # "زيارته" is his
    ("وقال الرئيس سليم حداد إنه سعيد. وأكد خلال زيارته إلى النرويج أن العلاقات جيدة.", [{"سليم حداد"}]),
])
def test_events_her_visit_is_no_mans(body, visitors):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events if e.type is EventType.VISIT] == visitors


def test_events_a_word_in_taa_marbuta_has_no_pronoun():
    """"وزارة" normalises like "و" + "زار" + the pronoun ه, but is written with ة."""
    doc = run("وحضر الاجتماع الوزير سليم حداد ووكيل وزارة الخارجية كريم الصالحي.")
    assert EventType.VISIT not in {e.type for e in doc.events}
    assert [e.type for e in run("وقال الوزير سليم حداد خلال زيارته إلى النرويج إن").events] == [EventType.VISIT]


@pytest.mark.parametrize("body, sides", [
    # the speaker is no side of the talks he reports
    ("وقال المتحدث الرسمي، مروان الدباغ، إن مباحثات الوزير سليم حداد ونظيره كريم الصالحي ستتناول العلاقات.",
     {"سليم حداد", "كريم الصالحي"}),
    # but he met the one after "مع" where the meeting is his ("أعلن X أن ... خلال لقاء مع Y")
    ("أعلن الوزير سليم حداد أن بلاده ستبدأ قريبا العمل خلال لقاء مع نظيره كريم الصالحي.",
     {"سليم حداد", "كريم الصالحي"}),
    # and "بعد أن" is a clause of time: the sentence's subject still meets
    ("وعقد الوزير سليم حداد اجتماعا مع الرئيس مروان الدباغ بعد أن شارك في محادثات مع كريم الصالحي.",
     {"سليم حداد", "كريم الصالحي"}),
])
def test_events_reported_talks_leave_out_the_speaker(body, sides):
    doc = run(body)
    assert sides in [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert not [e for e in doc.events if len(labels(doc, e)) > 2]


@pytest.mark.parametrize("body, sides", [
    # one person meeting an organisation: the organisation is the other side (GUIDE 2)
    ("والتقى المبعوث سليم حداد أعضاء مجلس الأمن الدولي في جلسة مغلقة.", {"سليم حداد", "مجلس الأمن الدولي"}),
    # or one named before by its head noun
    ("وعقد مجلس الأمن الدولي جلسة. والتقى المبعوث سليم حداد أعضاء المجلس في اجتماع مغلق.",
     {"سليم حداد", "مجلس الأمن الدولي"}),
    # an interview with a channel is no meeting
    ("وقال الوزير سليم حداد في لقاء مع شبكة الجزيرة إن المحادثات مستمرة.", None),
])
def test_events_an_organisation_met_by_one_person(body, sides):
    doc = run(body)
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == ([sides] if sides else [])


def test_events_a_visit_opening_its_sentence_is_its_main_subjects():
    """"وخلال زيارته ... قدم ماكرون": the pronoun stands for the subject named
    after it, not the last person of the sentences before."""
    doc = run("وقال الرئيس كريم الصالحي إن الاتفاق صامد. وخلال زيارته إلى النرويج الأسبوع الماضي قدم الرئيس "
              "سليم حداد مقترحات.")
    assert [labels(doc, e) for e in doc.events if e.type is EventType.VISIT] == [{"سليم حداد"}]


@pytest.mark.parametrize("body", [
    # an interview is no meeting, nor is the one whose arrest it tells of a side
    "وفي لقاء تلفزيوني على قناة محلية، قال المتحدث سليم حداد إن القوات تقدمت. وخلال اللقاء، كشف حداد "
    "تفاصيل القبض على المطلوب كريم الصالحي.",
    "وقال الوزير سليم حداد في لقاء صحافي بالعاصمة إن القرار نهائي.",
])
def test_events_an_interview_is_no_meeting(body):
    assert [e.type for e in run(body).events] == []


@pytest.mark.parametrize("body, event_type, sides", [
    # GUIDE 2: a delegation's country (or body) is a side when it names no person
    ("وصل وفد مصري رفيع المستوى إلى الخرطوم أمس.", EventType.VISIT, {"مصر"}),
    ("استقبل الرئيس سليم حداد وفدا من الاتحاد الأوروبي.", EventType.MEETING, {"سليم حداد", "الاتحاد الأوروبي"}),
])
def test_events_a_delegations_state_is_a_side(body, event_type, sides):
    doc = run(body)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(event_type, sides)]


def test_events_the_delegation_named_before_is_its_members():
    """"الوفد التركي" refers back to a delegation whose members were named."""
    doc = run("ووصل الوزير سليم حداد والسفير كريم الصالحي إلى المدينة. وقام الوفد التركي بزيارة المركز.")
    assert all("تركيا" not in labels(doc, e) for e in doc.events)


@pytest.mark.parametrize("body, appointed", [
    # taking office told as background, with no time of its own, is no event (GUIDE 2)
    ("وهذا أول بلد يزوره الرئيس سليم حداد منذ توليه الرئاسة.", False),
    ("وزار الرئيس سليم حداد المدينة عقب انتخابه رئيسا للبلاد.", False),
    # told with its time it is one
    ("وكان الرئيس سليم حداد قد انتخب رئيسا للبلاد في مارس 2017.", True),
])
def test_events_taking_office_told_as_background(body, appointed):
    assert (EventType.APPOINTMENT in {e.type for e in run(body).events}) is appointed


def test_events_taking_office_told_with_its_time_far_from_who_took_it():
    # the pronoun of "توليه" stands for the one the sentence is about, not the last one named
    doc = run("ويلتقي الرئيس سليم حداد العاهل المغربي، محمد السادس، في أول زيارة له إلى بلد عربي "
              "منذ توليه الحكم في مارس 2024.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert labels(doc, appointment) == {"سليم حداد"} and appointment.date == "2024-03"


def test_events_a_visits_length_told_in_another_sentence():
    """"الزيارة التي يؤديها اليوم" gives the day, "هذه الزيارة التي تتواصل
    يومين" the length: the visit starts that day and ends the next."""
    doc = run("وتكتسي الزيارة التي يؤديها الوزير سليم حداد اليوم الخميس إلى النرويج أهمية كبيرة. "
              "ويرافق الوزير خلال هذه الزيارة التي تتواصل يومين وفد رفيع المستوى.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start, visit.end) == (None, "2024-05-02", "2024-05-03")


def test_events_a_wires_dateline_city_is_where_its_news_happens():
    """"الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس": events that name
    no place happen in the dateline's city (not so for a newsroom's "(CNN)--")."""
    doc = run("الرياض 10 أغسطس 2015 م واس\n\nاستقبل الوزير سليم حداد اليوم السفير كريم الصالحي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert {e.id: e.label for e in doc.entities}[meeting.place] == "الرياض"


def test_events_no_one_visits_the_country_he_holds_a_post_in():
    """A visit to the country its visitor holds a post in is a misread visitor."""
    doc = run("ويستعد الملك المغربي سليم حداد لزيارة المغرب.")
    assert EventType.VISIT not in {e.type for e in doc.events}
    abroad = run("وبدأ الملك المغربي سليم حداد زيارة رسمية إلى النرويج.")
    assert [e.type for e in abroad.events] == [EventType.VISIT]


def test_events_a_country_right_after_a_visit_verb_is_where_the_visit_goes():
    doc = run("يصبح الأمير فيصل بن خالد أول مسؤول من العائلة يزور النرويج منذ عقود.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    places = {e.id: e.label for e in doc.entities}
    assert places[visit.place] == "النرويج"


def test_events_a_pronoun_suffix_on_a_feminine_noun_ends_a_name():
    doc = run("وبدأ الأمير وليام جولته في النرويج أمس.")
    assert "وليام" in {e.label for e in doc.entities}


def test_events_the_one_met_before_is_no_side_of_the_next_talks():
    """The person after "مع" belongs to the meeting before; the talks that follow
    ("بعد أن شارك في محادثات") continue the sentence's subject."""
    doc = run("التقى الرئيس سليم حداد الوزير كريم الصالحي. وعقد حداد اجتماعا مع الرئيس الصالحي "
              "بعد أن شارك في محادثات مع الوزير سمير الهاشمي.")
    talks = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert {"سليم حداد", "سمير الهاشمي"} in talks
    assert not any({"كريم الصالحي", "سمير الهاشمي"} <= t for t in talks)


def test_events_a_host_verb_with_an_object_pronoun_hosts_the_one_it_stands_for():
    """"حيث استقبله ولي العهد": the host follows the verb; the pronoun is the guest."""
    doc = run("وكان الأمير وليام قد وصل إلى النرويج، حيث استقبله ولي العهد الأمير هاكون في المطار.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    roles = {p.role: {e.id: e.label for e in doc.entities}[p.entity] for p in meeting.participants}
    assert roles == {Role.HOST: "هاكون", Role.GUEST: "وليام"}


def test_events_a_summit_that_names_no_side_is_no_event_but_its_convener_is_one():
    assert run("وتستضيف باريس الأسبوع المقبل قمة حول المناخ.").events == ()
    doc = run("وعقد الرئيس سليم حداد قمة في باريس أمس.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, {"سليم حداد"})]


def test_events_calls_in_the_plural_are_one_call_with_each_person():
    doc = run("وأجرت رئيسة الوزراء سارة وود اتصالات هاتفية مع الرئيس سليم حداد والمستشارة منى الصالح.")
    assert sorted(sorted(labels(doc, e)) for e in doc.events if e.type is EventType.CALL) == [
        ["سارة وود", "سليم حداد"], ["سارة وود", "منى الصالح"]]


def test_events_visits_to_two_countries_are_two_visits():
    doc = run("وصل الأمير فيصل بن خالد إلى النرويج الأحد، ثم يزور السويد الثلاثاء.")
    places = {e.id: e.label for e in doc.entities}
    assert sorted(places[e.place] for e in doc.events if e.type is EventType.VISIT) == ["السويد", "النرويج"]


def test_events_a_visit_referred_back_names_no_visitor_after_it():
    """"خلال هذه الزيارة رئيس الجمهورية": a definite visit noun is in construct
    with no one; the president met is no visitor."""
    doc = run("وصل الوزير سامي العلوي إلى تونس. ويلتقي العلوي خلال هذه الزيارة رئيس الجمهورية سليم حداد.")
    visits = [labels(doc, e) for e in doc.events if e.type is EventType.VISIT]
    assert visits == [{"سامي العلوي"}]


def meetings_of(doc):
    names = {e.id: e.label for e in doc.entities}
    return [({names[p.entity] for p in e.participants}, names.get(e.place), e.date)
            for e in doc.events if e.type is EventType.MEETING]


def test_events_a_dual_verb_after_its_subjects_tells_their_meeting():
    doc = run("وقال الاتحاد إن رئيسه سامي العلوي ومدرب المنتخب كريم الزين التقيا اليوم مع اللاعب "
              "يوسف المساكني بمدينة الدوحة.")
    assert meetings_of(doc) == [({"سامي العلوي", "كريم الزين", "يوسف المساكني"}, "الدوحة", "2024-05-02")]


def test_events_a_meeting_restated_in_its_sentence_takes_the_place_named_there():
    doc = run("وبحث وزير الدفاع سامي العلوي الوضع في الجنوب مع نظيره كريم الزين عندما التقيا في موسكو، "
              "بحسب الوكالة.")
    assert meetings_of(doc) == [({"سامي العلوي", "كريم الزين"}, "موسكو", None)]


def test_events_a_dual_names_the_two_persons_told_before():
    doc = run("وقال وزير الخارجية سامي العلوي إنه اتفق مع نظيره كريم الزين على العمل معا. "
              "والتقى الوزيران الجمعة في الرباط.")
    assert meetings_of(doc) == [({"سامي العلوي", "كريم الزين"}, "الرباط", "2024-04-26")]


def test_events_meeting_on_a_need_is_agreeing_not_meeting():
    doc = run("وإذا كان الوزير سامي العلوي والسفير كريم الزين التقيا على ضرورة الحوار، فإنهما اختلفا في باريس.")
    assert meetings_of(doc) == []


def test_events_a_summit_between_two_states_is_their_meeting_though_a_person_speaks_after():
    doc = run("وتزايدت التوقعات بعقد اجتماع قمة بين اليابان والصين، بعدما قال الرئيس سامي العلوي إن "
              "المحادثات بناءة.")
    summits = [e for e in doc.events if e.type in (EventType.MEETING, EventType.CONFERENCE)]
    assert [(e.type, labels(doc, e)) for e in summits] == [(EventType.MEETING, {"اليابان", "الصين"})]


def test_events_consultations_with_someone_are_a_meeting_but_not_forming_a_government():
    doc = run("وأجرى المبعوث سامي العلوي مشاورات مع الرئيس كريم الزين في مسقط.")
    assert meetings_of(doc) == [({"سامي العلوي", "كريم الزين"}, "مسقط", None)]
    doc = run("واستغل الرئيس سامي العلوي مشاورات تشكيل الحكومة في إيطاليا.")
    assert meetings_of(doc) == []


def test_events_the_two_sides_discussing_are_the_two_told_before():
    doc = run("وقال الوزير سامي العلوي إنه اتفق مع نظيره كريم الزين على التعاون. "
              "وبحث الجانبان العلاقات الثنائية في الرباط.")
    assert meetings_of(doc) == [({"سامي العلوي", "كريم الزين"}, "الرباط", None)]


def test_events_a_dual_visitor_names_the_two_told_before():
    doc = run("والتقى الوزير سامي العلوي بنظيره كريم الزين في القصر. وفي صباح الاثنين، زار الوزيران مدينة جرش.")
    names = {e.id: e.label for e in doc.entities}
    visits = [({names[p.entity] for p in e.participants}, names.get(e.place))
              for e in doc.events if e.type is EventType.VISIT]
    assert visits == [({"سامي العلوي", "كريم الزين"}, "جرش")]


def test_events_a_match_is_no_meeting():
    doc = run("وتعرض المدرب سامي العلوي لانتقادات بعد الخسارة في الدوري في لقاء تسبب في إحباط اللاعب "
              "كريم الزواري.")
    assert meetings_of(doc) == []
    doc = run("والتقى الوزير سامي العلوي في لقاء تسبب في جدل مع النائب كريم الزواري بمقر المجلس المنتخب.")
    assert len(meetings_of(doc)) == 1


def visits_of(doc):
    names = {e.id: e.label for e in doc.entities}
    # the day a visit is told on, or starts on ("يصل اليوم إلى الرباط")
    return [({names[p.entity] for p in e.participants}, names.get(e.place), e.date or e.start)
            for e in doc.events if e.type is EventType.VISIT]


def test_events_visit_opening_the_sentence_is_made_by_the_main_clause_subject():
    doc = run("بعد زيارة ناجحة إلى باريس، يصل الرئيس سامي العلوي اليوم إلى الرباط.")
    assert sorted(visits_of(doc), key=lambda v: v[1]) == [({"سامي العلوي"}, "الرباط", "2024-05-02"),
                                                          ({"سامي العلوي"}, "باريس", None)]
    # with no comma after it, the visit has no main clause of its own to name its visitor
    doc = run("بعد زيارة الوفد إلى باريس يصل الرئيس سامي العلوي اليوم إلى الرباط.")
    assert visits_of(doc) == [({"سامي العلوي"}, "الرباط", "2024-05-02")]


def test_events_a_past_visit_of_some_days_and_a_new_one_stay_apart():
    doc = run("وصل المبعوث الأممي سليم حداد يوم الخميس إلى صنعاء في زيارة جديدة.\n"
              "وكان حداد زار صنعاء في 17 مارس الماضي وغادرها بعد يومين.")
    assert sorted(visits_of(doc), key=lambda v: str(v[2])) == [({"سليم حداد"}, "صنعاء", "2024-03-17"),
                                                               ({"سليم حداد"}, "صنعاء", "2024-05-02")]
    dated = sorted((e for e in doc.events if e.type is EventType.VISIT and e.start), key=lambda e: e.start)
    assert [(e.start, e.end) for e in dated] == [("2024-03-17", "2024-03-18"), ("2024-05-02", None)]


@pytest.mark.parametrize("body, sides", [
    # a meeting told as a purpose: the one who goes meets, not the one who sends him
    ("وقرر الرئيس سليم حداد إيفاد وزير الخارجية كريم الصالحي للقاء الرئيس الجزائري منير الحداد.",
     {"كريم الصالحي", "منير الحداد"}),
    # both of those who go, joined by و
    ("وتوجه الوزير كريم الصالحي والسفير ناجي البكوش إلى الجزائر للقاء الرئيس منير الحداد.",
     {"كريم الصالحي", "ناجي البكوش", "منير الحداد"}),
])
def test_events_a_meeting_told_as_a_purpose_is_of_those_who_go(body, sides):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events if e.type is EventType.MEETING] == [sides]


def test_events_one_meeting_told_with_its_sides_in_parts_is_one():
    doc = run("استقبل الملك منير الحداد، الثلاثاء، الرئيس سليم حداد وولي العهد الأمير ناجي البكوش.\n"
              "وجلس الوزير كريم الصالحي في اللقاء بجوار ولي العهد الأمير ناجي البكوش.\n"
              "وجرى خلال لقاء الملك منير الحداد والرئيس سليم حداد والوزير كريم الصالحي وولي العهد الأمير "
              "ناجي البكوش بحث العلاقات.",
              title="الرئيس سليم حداد يصطحب الوزير كريم الصالحي للقاء الملك منير الحداد")
    assert [labels(doc, e) for e in doc.events] == [{"منير الحداد", "سليم حداد", "كريم الصالحي", "ناجي البكوش"}]


@pytest.mark.parametrize("body, sides", [
    # who takes another along to a meeting meets too; who sends him does not
    ("وقال إن الرئيس سليم حداد يصطحب الوزير كريم الصالحي للقاء الملك منير الحداد.",
     {"سليم حداد", "كريم الصالحي", "منير الحداد"}),
    ("وقال إن الرئيس سليم حداد سيرسل الوزير كريم الصالحي للقاء الملك منير الحداد.",
     {"كريم الصالحي", "منير الحداد"}),
])
def test_events_who_goes_to_a_meeting_told_as_a_purpose(body, sides):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events] == [sides]


@pytest.mark.parametrize("body, expected", [
    # the guest of a place: "حل ضيفا على"
    ("يحل الوزير سليم حداد ضيفا على القاهرة الأسبوع المقبل.", [({"سليم حداد"}, "القاهرة", None)]),
    # "شد الرحال إلى", "حط الرحال في"
    ("شد الرئيس سليم حداد الرحال إلى الرياض.", [({"سليم حداد"}, "الرياض", None)]),
    ("وحط الرئيس سليم حداد الرحال في أبوظبي.", [({"سليم حداد"}, "أبوظبي", None)]),
    # "كلا من X وY": a visit to each
    ("ويزور الملك سليم حداد كلا من السنغال وغينيا.", [({"سليم حداد"}, "السنغال", None), ({"سليم حداد"}, "غينيا", None)]),
    # a delegation named by an adjective, then its state's
    ("ووصل وفد برلماني مصري إلى واشنطن.", [({"مصر"}, "واشنطن", None)]),
    ("وسيتوجه وفد وزاري تونسي إلى ليبيا.", [({"تونس"}, "ليبيا", None)]),
    # a state receives him: a visit there
    ("وتستعد الجزائر لاستقبال الرئيس سليم حداد.", [({"سليم حداد"}, "الجزائر", None)]),
    # not the dateline's place: the newsroom's
    ("تونس - استقبل وزير الخارجية التونسي سليم حداد اليوم سفير اليابان لدى تونس.", []),
])
def test_events_visits_told_by_idioms_and_lists(body, expected):
    assert sorted(visits_of(run(body)), key=lambda v: v[1]) == expected


def test_events_a_visit_of_a_bare_title_is_of_the_one_who_holds_it():
    # two presidents in the text, one in the visit's sentence: his
    doc = run("والتقى الرئيس الألماني منير الحداد الرئيس التركي سليم حداد.\n"
              "ونشر الحزب صور الرئيس التركي سليم حداد مع اللاعب كريم الصالحي أثناء زيارة الرئيس إلى لندن.")
    assert visits_of(doc) == [({"سليم حداد"}, "لندن", None)]


@pytest.mark.parametrize("body, sides", [
    # the sides of a signing after "بين" past what is signed
    ("وتم خلال اللقاء التوقيع على مذكرة تفاهم بين وزارة الداخلية المغربية ووزارة الداخلية الإسبانية.",
     {"وزارة الداخلية المغربية", "وزارة الداخلية الإسبانية"}),
    # a dual after a meeting of two
    ("التقى الرئيس سليم حداد نظيره كريم الصالحي في تونس. ووقع الجانبان على اتفاقية للتعاون.",
     {"سليم حداد", "كريم الصالحي"}),
    # a state by its government's adjective, and a body after "مع"
    ("وأبرمت الحكومة التونسية اتفاقا مع صندوق النقد الدولي.", {"تونس", "صندوق النقد الدولي"}),
])
def test_events_the_sides_of_a_signing(body, sides):
    doc = run(body)
    agreements = [e for e in doc.events if e.type is EventType.AGREEMENT]
    assert [labels(doc, e) for e in agreements] == [sides]


def test_events_a_summit_of_two_others_or_on_another_day_stays_apart():
    doc = run("عقد الرئيس سليم حداد والرئيس كريم الصالحي قمة في هلسنكي يوم 16 يوليو 2018.\n"
              "وقال حداد إن القمة مع الرئيس ناجي البكوش ستعقد في سنغافورة يوم 12 يونيو 2019.")
    meetings = sorted((e.date, labels(doc, e)) for e in doc.events if e.type is EventType.MEETING)
    assert meetings == [("2018-07-16", {"سليم حداد", "كريم الصالحي"}), ("2019-06-12", {"سليم حداد", "ناجي البكوش"})]


def test_events_a_speaker_before_an_announced_purpose_meets_no_one():
    doc = run("أعلن الرئيس سليم حداد أن الوزير كريم الصالحي سيكون في باريس غدا للقاء الرئيس منير الحداد.")
    assert [labels(doc, e) for e in doc.events if e.type is EventType.MEETING] == [{"كريم الصالحي", "منير الحداد"}]


def test_events_an_organiser_named_leaves_no_earlier_actor_at_the_gathering():
    doc = run("وصل الوزير سليم حداد إلى تونس.\nونظمت جامعة الدول العربية مؤتمرا في القاهرة.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert labels(doc, conference) == {"جامعة الدول العربية"}


def test_events_an_aside_ends_with_its_sentence():
    # the aside runs to the sentence's end: the next sentence's comma changes nothing
    first = "والتقى الوزير سليم حداد نظيره كريم الصالحي، خلال زيارته إلى باريس."
    for second in ("وقال حداد، في تصريح، إن اللقاء مثمر.", "وقال حداد إن اللقاء مثمر."):
        doc = run(first + "\n" + second)
        meeting = next(e for e in doc.events if e.type is EventType.MEETING)
        assert labels(doc, meeting) == {"سليم حداد", "كريم الصالحي"}
        assert doc.entity(meeting.place).label == "باريس"


def test_events_a_known_leader_visits_not_his_own_country():
    # the people gazetteer holds Mohammed bin Zayed's posts in the Emirates: no visit of his there
    doc = run("وقال الشيخ محمد بن زايد آل نهيان: سعداء بزيارة الصديق الرئيس سليم حداد إلى الإمارات.")
    assert ({"محمد بن زايد آل نهيان"}, "الإمارات العربية المتحدة", None) not in visits_of(doc)


def test_events_the_place_visited_is_the_verbs_object_before_a_place_after_fi():
    doc = run("وكان الرئيس سليم حداد قد زار الجزائر خلال حملته، ما أثار جدلا في فرنسا.")
    assert visits_of(doc) == [({"سليم حداد"}, "الجزائر", None)]


def test_events_the_subject_of_a_relative_clause_makes_the_visit():
    doc = run("ووصف مكتب رئيسة الوزراء منيرة الحداد الزيارة التي يبدأها رسميا ولي العهد، الأمير سليم حداد، "
              "اليوم إلى لندن بأنها مهمة.")
    assert [v[0] for v in visits_of(doc)] == [{"سليم حداد"}]
    # a clause whose subject is the visit names no visitor
    doc = run("ويرافق الوزير سليم حداد خلال هذه الزيارة التي تتواصل يومين وفد يضم كريم الصالحي.")
    assert all("كريم الصالحي" not in v[0] for v in visits_of(doc))


def test_events_travelling_to_a_place_is_a_visit_there():
    doc = run("وأعلن الوزير سامي العلوي أنه سيتوجه الى طهران الأسبوع المقبل.")
    assert visits_of(doc) == [({"سامي العلوي"}, "طهران", None)]
    doc = run("ويتوجه الرئيس سامي العلوي اليوم إلى أبوجا.")
    assert visits_of(doc) == [({"سامي العلوي"}, "أبوجا", "2024-05-02")]
    # "اتجه" and its participle, as "توجه"
    doc = run("وغادر الرئيس سامي العلوي مدينة سوسة، متجهاً إلى الجزائر.")
    assert visits_of(doc) == [({"سامي العلوي"}, "الجزائر", None)]
    doc = run("ويتجه الوزير سامي العلوي غدا إلى الرباط.")
    assert visits_of(doc) == [({"سامي العلوي"}, "الرباط", "2024-05-03")]


@pytest.mark.parametrize("body", [
    "وأكد الرئيس سامي العلوي أن توجه الحكومة نحو الإصلاح ثابت.",
    "وغادر الوزير سامي العلوي واشنطن متوجها إلى المنطقة.",   # where to is no place named
    "وقال الوزير سامي العلوي إن الوضع في ليبيا يتجه إلى التصعيد.",
])
def test_events_travelling_names_where_to(body):
    assert visits_of(run(body)) == []


def test_events_a_meeting_told_with_a_dated_visit_is_held_that_day():
    doc = run("ويتوجه الرئيس سامي العلوي إلى الرباط اليوم، وسيجري محادثات مع نظيره يوسف المساكني.")
    assert meetings_of(doc) == [({"سامي العلوي", "يوسف المساكني"}, "الرباط", "2024-05-02")]


def test_events_visits_to_two_countries_stay_two_though_a_visit_between_names_none():
    doc = run("وختم الرئيس سامي العلوي زيارته إلى موريتانيا أمس. ثم تحدث عن الزيارة. "
              "ويتوجه الرئيس سامي العلوي الثلاثاء إلى أبوجا.")
    places = sorted(place for _, place, _ in visits_of(doc))
    assert places == ["أبوجا", "موريتانيا"]


def conferences_of(doc):
    names = {e.id: e.label for e in doc.entities}
    return [({names[p.entity] for p in e.participants}, names.get(e.place), e.date)
            for e in doc.events if e.type is EventType.CONFERENCE]


def test_events_a_council_convening_a_session_organises_it_and_its_topic_is_no_place():
    doc = run("ويعقد مجلس الأمن الدولي جلسة حول الوضع في إدلب اليوم.")
    assert conferences_of(doc) == [({"مجلس الأمن الدولي"}, None, "2024-05-02")]


def test_events_a_bodys_session_is_held_in_the_city_after_it():
    doc = run("وانطلقت اليوم أشغال الدورة الثالثة للجنة العليا المشتركة بالخرطوم.")
    assert conferences_of(doc) == [({"اللجنة العليا المشتركة"}, "الخرطوم", "2024-05-02")]


def test_events_the_situation_discussed_is_no_place_of_the_meeting():
    doc = run("واستقبل الوزير سامي العلوي نظيره يوسف المساكني وبحثا التطورات في ليبيا.")
    assert meetings_of(doc) == [({"سامي العلوي", "يوسف المساكني"}, None, None)]


def test_events_talks_between_bodies_or_states_are_their_meeting():
    doc = run("واختتمت في القاهرة جولة جديدة من المحادثات بين حركة حماس وحركة الجهاد الإسلامي.")
    assert meetings_of(doc) == [({"حركة حماس", "حركة الجهاد الإسلامي"}, "القاهرة", None)]
    doc = run("وتحتضن موسكو اليوم محادثات مشتركة بين وزراء خارجية روسيا وإيران وتركيا لبحث الأزمة.")
    assert conferences_of(doc) == [({"روسيا", "إيران", "تركيا"}, "موسكو", "2024-05-02")]


def test_events_meetings_in_two_countries_at_two_times_stay_apart():
    doc = run("والتقى الرئيس سامي العلوي نظيره يوسف المساكني في الرباط. "
              "وكان الرئيس سامي العلوي التقى نظيره يوسف المساكني من قبل في بكين.")
    assert sorted(place for _, place, _ in meetings_of(doc)) == ["الرباط", "بكين"]


def test_events_a_meeting_told_after_a_visit_of_a_month_is_of_that_month():
    doc = run("وزار الرئيس سامي العلوي في أغسطس 2015 موسكو، والتقى نظيره يوسف المساكني.")
    assert meetings_of(doc) == [({"سامي العلوي", "يوسف المساكني"}, "موسكو", "2015-08")]


def test_events_meeting_many_times_is_no_meeting():
    doc = run("وقال إن الرئيسين سامي العلوي ويوسف المساكني التقيا 9 مرات خلال 5 سنوات.")
    assert meetings_of(doc) == []


def test_events_the_summit_of_two_presidents_has_them_not_their_states_as_sides():
    doc = run("واستقبل الرئيس سامي العلوي الرئيس يوسف المساكني في القصر. "
              "وفي ختام القمة المغربية التونسية، أعلن الرئيسان اتفاقا.")
    assert meetings_of(doc)[0][0] == {"سامي العلوي", "يوسف المساكني"}


def test_events_a_verb_in_the_future_is_a_trigger():
    doc = run("وسيلتقي الوزير سامي العلوي غدا مع نظيره يوسف المساكني في الرباط.")
    assert meetings_of(doc) == [({"سامي العلوي", "يوسف المساكني"}, "الرباط", "2024-05-03")]
    doc = run("وسيزور الرئيس سامي العلوي تونس الأسبوع المقبل.")
    assert [place for _, place, _ in visits_of(doc)] == ["تونس"]


def test_events_one_overthrown_is_no_side():
    doc = run("وسيلتقي الوزير سامي العلوي مع نظيره يوسف المساكني في حوار توتر إثر إطاحة الجيش بالرئيس كريم الزواري.")
    assert meetings_of(doc)[0][0] == {"سامي العلوي", "يوسف المساكني"}


def test_events_a_lunch_with_someone_is_a_meeting():
    doc = run("ومن المقرر أن يتناول الأمير سامي العلوي العشاء مع ولي العهد الأمير يوسف المساكني.")
    assert meetings_of(doc) == [({"سامي العلوي", "يوسف المساكني"}, None, None)]
    assert meetings_of(run("وتناول الوزراء الغداء في الفندق.")) == []


def test_events_a_meeting_whose_relative_clause_names_its_sides_is_told_anew():
    doc = run("والتقى الوزير كريم الزواري نظيره حسان البرقاوي أمس. "
              "وقال الوزير سامي العلوي في تعليقه على اللقاء الذي جمعه بوزير الخارجية يوسف المساكني إن الحوار مفيد.")
    sides = sorted(sorted(people) for people, _, _ in meetings_of(doc))
    assert sides == [["حسان البرقاوي", "كريم الزواري"], ["سامي العلوي", "يوسف المساكني"]]


def test_events_a_tour_told_stop_by_stop():
    doc = run("وصل الوزير سامي العلوي إلى القاهرة. ومن مصر، سينتقل العلوي، الإثنين، إلى الدوحة. "
              "ثم يزور ماليزيا. وأخيراً سيزور العلوي من 6 إلى 8 مايو، فيتنام.")
    assert [place for _, place, _ in visits_of(doc)] == ["القاهرة", "الدوحة", "ماليزيا", "فيتنام"]


def test_events_reaching_a_number_is_no_visit():
    doc = run("وقال الوزير سامي العلوي إن الوضع صعب. وتصل درجات الحرارة إلى 45 درجة في الأردن.")
    assert visits_of(doc) == []


def test_events_arriving_in_a_place_is_a_visit_and_a_solution_is_none():
    doc = run("وفي المحطة الثانية من الجولة، حل الأمير سامي العلوي، في لندن، حيث التقى رئيسة الوزراء.")
    assert visits_of(doc) == [({"سامي العلوي"}, "لندن", None)]
    doc = run("ودعا الوزير سامي العلوي إلى حل سياسي في ليبيا وإلى حل للمعنيين بالعودة من ألمانيا.")
    assert visits_of(doc) == []


def test_events_the_visitor_meets_the_one_named_during_the_visit():
    doc = run("ومن المنتظر أن يصل الرئيس سامي العلوي إلى الرباط يوم الأربعاء، في زيارة تستغرق يومين، "
              "يلتقي خلالها العاهل المغربي، محمد السادس.")
    assert [people for people, _, _ in meetings_of(doc)] == [{"سامي العلوي", "محمد السادس"}]


def test_events_an_agreement_concluded_told_as_background_with_its_date():
    doc = run("وتأتي الزيارة بعد الاتفاق الذي أبرمته الدول الكبرى مع إيران في 14 يوليو 2015 في فيينا.")
    names = {e.id: e.label for e in doc.entities}
    agreements = [({names[p.entity] for p in e.participants}, names.get(e.place), e.date)
                  for e in doc.events if e.type is EventType.AGREEMENT]
    assert agreements == [({"إيران"}, "فيينا", "2015-07-14")]


def test_events_meeting_ones_counterparts_where_a_visit_goes_is_a_conference_there():
    doc = run("وسينتقل الوزير سامي العلوي اليوم إلى الدوحة، حيث سيلتقي نظراءه في دول مجلس التعاون الخليجي "
              "لبحث الاتفاق الذي أبرم في فيينا.")
    conferences = conferences_of(doc)
    assert len(conferences) == 1 and "سامي العلوي" in conferences[0][0]
    assert conferences[0][1:] == ("الدوحة", "2024-05-02")


def test_events_a_tour_is_a_visit_to_each_stop():
    doc = run("واستهل وزير الخارجية سامي العلوي أمس جولته الخليجية التي تشمل الكويت وقطر.")
    assert sorted(place for _, place, _ in visits_of(doc)) == ["الكويت", "قطر"]


@pytest.mark.parametrize("same_day", ["وفي نفس اليوم،", "وفي ذات اليوم،", "وفي اليوم نفسه،"])
def test_events_on_the_same_day_is_the_day_told_before_not_today(same_day):
    doc = run(f"وصل الوزير سامي العلوي أمس الاثنين إلى الجزائر في زيارة عمل. {same_day} استقبل الرئيس "
              "كريم الصالحي الوزير العلوي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert meeting.date == "2024-05-01"   # the arrival's day; the article is of 2 May


def test_events_the_day_after_a_verb_of_beginning_is_the_visits_first_not_the_receptions():
    doc = run("واستقبل الوزير سامي العلوي بمقر الوزارة المفوضة الأوروبية كريمة الصالحي، التي بدأت أمس "
              "زيارة إلى تونس تستغرق يومين.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert (visit.start, visit.end) == ("2024-05-01", "2024-05-02")
    assert meeting.date != "2024-05-01"


def test_events_a_guests_visit_under_way_until_a_day_told_runs_from_his_reception():
    doc = run("استقبل المدير العام سامي العلوي، اليوم الخميس بالرباط، الوزير كريم الصالحي، الذي يقوم "
              "بزيارة عمل إلى المغرب تستمر إلى غاية يوم غد الجمعة.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start, visit.end) == (None, "2024-05-02", "2024-05-03")


def test_events_a_day_set_off_before_an_event_is_its_not_the_one_told_again_before_it():
    doc = run("استقبل المدير العام كريم الصالحي، اليوم الخميس بالرباط، الوزير سامي العلوي، الذي يقوم بزيارة "
              "عمل إلى المغرب. ويتضمن برنامج الزيارة، غدا الجمعة، زيارة ميناء طنجة المتوسط، حيث سيعقد الوزير "
              "اجتماعا مع الوالي نبيل الحداد.")
    port = next(e for e in doc.events if e.type is EventType.VISIT and doc.entity(e.place).label == "ميناء طنجة المتوسط")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING and "نبيل الحداد" in labels(doc, e))
    assert port.date == meeting.date == "2024-05-03"


def test_events_upon_arrival_and_right_after_the_meeting_are_on_their_day():
    doc = run("حل الوزير سامي العلوي، صباح أمس الأربعاء بمدينة تارودانت، في زيارة عمل تستغرق يومين. وعقد الوزير "
              "فور وصوله إلى مقر العمالة اجتماع عمل مع العامل كريم الصالحي. وعقب الاجتماع، ترأس الوزير "
              "بمقر العمالة حفل توقيع اتفاقية شراكة بين وزارة التجهيز ومجلس الجهة.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert meeting.date == agreement.date == "2024-05-01"
    # the arrival told in the same sentence, before the meeting's sides are read
    doc = run("ووصل الوزير سامي العلوي إلى بغداد صباح أمس في زيارة رسمية، وعقد فور وصوله جلسة مباحثات مع "
              "نظيره العراقي كريم الصالحي في مقر وزارة الخارجية.")
    assert next(e for e in doc.events if e.type is EventType.MEETING).date == "2024-05-01"


def test_events_a_sentence_opening_on_then_goes_on_with_the_day_before():
    # (its day past the lead's reach: the lead names none)
    doc = run("وصل الموفد سامي العلوي إلى بيروت في زيارة تستمر ثلاثة أيام. وهي الزيارة الثالثة له هذا العام. "
              "واستهل العلوي لقاءاته صباح أمس من قصر بعبدا، حيث استقبله الرئيس كريم الصالحي. وتمحور البحث "
              "حول الإصلاحات المالية. ثم انتقل الضيف إلى عين التينة حيث التقى رئيس المجلس نبيل الحداد.")
    later = next(e for e in doc.events if e.type is EventType.MEETING and "نبيل الحداد" in labels(doc, e))
    assert later.date == "2024-05-01"


def test_events_the_bare_title_told_before_another_holder_is_named_and_chairs_with_its_counterpart():
    # "الوزير الجزائري" points back to the one Algerian minister named before it (another is named
    # later), and chairing "مع نظيره" the session, he is the subject before the verb
    doc = run("استقبل الرئيس قيس سعيد اليوم وزير الداخلية الجزائري سامي العلوي. وكان الوزير الجزائري قد ترأس مع "
              "نظيره التونسي كريم الصالحي، أمس بمدينة طبرقة، أشغال الدورة الثالثة للجنة الحدودية. وتلقى وزير "
              "الخارجية الجزائري نبيل الحداد اتصالا هاتفيا من نظيره التونسي.")
    assert not [e for e in doc.entities if e.role_only and e.label == "الوزير الجزائري"]
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {"سامي العلوي", "كريم الصالحي"} <= labels(doc, session)


@pytest.mark.parametrize("body, day", [
    ("انطلقت أمس بالرباط أشغال الدورة السابعة للجمعية العامة لمنظمة الشرطة الإفريقية. وفي اليوم الثاني من "
     "الأشغال، التقى الوزير سامي العلوي نظيره كريم الصالحي.", "2024-05-02"),
    ("وصل الرئيس سامي العلوي أول أمس إلى لندن في زيارة تستغرق ثلاثة أيام. وفي اليوم الثاني من زيارته، اجتمع "
     "العلوي مع رئيس الوزراء كريم الصالحي.", "2024-05-01"),
])
def test_events_the_nth_day_of_a_gathering_or_visit_counts_from_its_first(body, day):
    meeting = next(e for e in run(body).events if e.type is EventType.MEETING)
    assert meeting.date == day


def test_events_each_stop_of_a_tour_on_the_day_written_after_it():
    doc = run("ومن المنتظر أن يزور الوزير سامي العلوي تونس في 3 مارس 2025 والقاهرة في 2 مارس 2025.")
    assert sorted(visits_of(doc)) == sorted([({"سامي العلوي"}, "تونس", "2025-03-03"),
                                             ({"سامي العلوي"}, "القاهرة", "2025-03-02")])
    # one day for the two: both on it
    doc = run("ومن المنتظر أن يزور الوزير سامي العلوي تونس والقاهرة في 3 مارس 2025.")
    assert {date for _, _, date in visits_of(doc)} == {"2025-03-03"}


@pytest.mark.parametrize("body", [
    "وبدأ الوزير سامي العلوي جولة جديدة من المحادثات مع المندوبين في عمان.",     # a round of talks
    "وقال الوزير سامي العلوي إن الجولة السابقة بالخرطوم فشلت.",                   # a round before
    "وقال الوزير سامي العلوي إن جولة الرئيس زرعت الخلاف مع حلفاء واشنطن.",       # no stop named
])
def test_events_a_round_is_no_tour(body):
    assert visits_of(run(body)) == []


def test_events_a_visit_in_construct_with_a_delegation_is_the_delegations():
    doc = run("واتهم الوزير إيران بتسهيل زيارة وفد عسكري من حزب الله إلى تندوف.")
    assert visits_of(doc) == [({"حزب الله"}, "تندوف", None)]
    assert not [e for e in doc.entities if e.label.startswith("الوزير")]


def test_events_travellers_named_between_the_verb_and_where_to():
    doc = run("وتوجه وزير الدفاع سامي العلوي ورئيس الأركان كريم الزواري إلى موسكو.")
    assert visits_of(doc) == [({"سامي العلوي", "كريم الزواري"}, "موسكو", None)]
    doc = run("وقام رئيس الهيئة سامي العلوي برحلة إلى الصين.")
    assert visits_of(doc) == [({"سامي العلوي"}, "الصين", None)]


def test_events_a_numbered_round_of_talks_is_a_session():
    doc = run("وانطلقت في موسكو الجولة الرابعة من محادثات 2+2 بين مصر وروسيا.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert conference.session == 4 and labels(doc, conference) == {"مصر", "روسيا"}
    assert not run("وخسر المنتخب في الجولة الثالثة من منافسات المجموعة أمام كولومبيا.").events


def test_events_a_visit_in_construct_with_a_post_is_its_holders():
    doc = run("والتقى الوزير خميس الجهيناوي أمس خلال زيارة وزير الخارجية المصري سامح شكري إلى تونس بوفد.")
    assert visits_of(doc) == [({"سامح شكري"}, "تونس", None)]


def test_events_the_agents_of_a_signing_noun_are_its_signatories():
    doc = run("وأكد الوزير خميس الجهيناوي خلال الندوة الصحفية المنعقدة بقصر قرطاج بمناسبة توقيع "
              "وزراء خارجية تونس والجزائر ومصر على إعلان تونس الوزاري.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"تونس", "الجزائر", "مصر"}


@pytest.mark.parametrize("body, date", [
    ("وعقد اجتماع طارئ لمجلس الأمن الدولي أمس.", "2024-05-01"),
    ("وتدعو الكويت والسويد إلى جلسة طارئة في مجلس الأمن الدولي لبحث الأوضاع.", None),
    ("وذكرت مصادر أن مجلس الأمن الدولي سوف يعقد جلسة طارئة، الاثنين، لبحث الأوضاع.", "2024-05-06"),
])
def test_events_a_councils_emergency_session(body, date):
    conferences = conferences_of(run(body))
    assert len(conferences) == 1 and "مجلس الأمن الدولي" in conferences[0][0] and conferences[0][2] == date


def test_events_discussing_with_a_body_is_meeting_it():
    doc = run("وبحث رئيس الحكومة سامي العلوي مع وفد صندوق النقد الدولي الإصلاحات.")
    assert meetings_of(doc) == [({"سامي العلوي", "صندوق النقد الدولي"}, None, None)]


def test_events_a_definite_visit_told_of_its_visitor_with_lam_is_his():
    # "الزيارة ... لـ": the visitor after its adjectives, by name or by his post; no visit referred back to
    doc = run("التقى الرئيس سامي العلوي نظيره الليبي أمس. وتأتي الزيارة الرسمية الأولى للرئيس كريم الصالحي "
              "إلى تونس بعد أسبوع من المباحثات.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"} and doc.entity(visit.place).label_en == "Tunisia"
    doc = run("وتأتي الزيارة الرابعة لكريم الصالحي إلى تونس.")
    assert [labels(doc, v) for v in doc.events if v.type is EventType.VISIT] == [{"كريم الصالحي"}]


def test_events_visits_of_other_ordinals_are_two_visits():
    doc = run("وكانت الزيارة الأولى للرئيس كريم الصالحي إلى تونس في عام 2019. "
              "وتأتي الزيارة الثالثة للرئيس كريم الصالحي إلى تونس لتعزيز التعاون.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert len(visits) == 2 and {v.date for v in visits} == {"2019", None}


def test_events_a_time_after_since_dates_no_event_but_starts_a_visit_under_way():
    doc = run("وتأتي الزيارة الأولى للرئيس كريم الصالحي إلى تونس تأكيدا للتحالف بين البلدين منذ عام 2014.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start) == (None, None)
    doc = run("ووقع الوزير كريم الصالحي الذي يزور تونس منذ الاثنين الماضي اتفاقا مع نظيره.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start) == (None, "2024-04-29")


def test_events_a_series_of_meetings_told_after_a_visit_is_the_visitors_with_each_one():
    doc = run("أجرى الوزير سامي العلوي، بمناسبة زيارة العمل التي يؤديها إلى إيطاليا، سلسلة من اللقاءات، "
              "جمعته مع كل من الوزير كريم الصالحي، والسفير نبيل الحمادي.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert sorted(map(sorted, meetings)) == [["سامي العلوي", "كريم الصالحي"], ["سامي العلوي", "نبيل الحمادي"]]


def test_events_a_tours_first_day_is_its_first_stops_only():
    doc = run("استهل الوزير سامي العلوي أمس جولته الخليجية التي تشمل الكويت وقطر بالاجتماع بأمير الكويت.")
    visits = {doc.entity(e.place).label_en: e for e in doc.events if e.type is EventType.VISIT}
    assert visits["Kuwait"].start == "2024-05-01"
    assert (visits["Qatar"].date, visits["Qatar"].start) == (None, None)


def test_events_the_sender_of_a_message_handed_over_is_no_side():
    doc = run("واستقبل الرئيس سامي العلوي الوزير كريم الصالحي الذي سلمه رسالة خطية من الرئيس نبيل الحمادي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي"}


def test_events_a_meeting_to_go_to_is_the_goers_and_no_meeting_told_before():
    doc = run("والتقى الوزير سامي العلوي أمس الرئيس كريم الصالحي في الرباط، قبل أن يغادر متوجها إلى الدوحة "
              "للقاء أمير قطر الشيخ نبيل الحمادي.")
    meetings = sorted(sorted(labels(doc, e)) for e in doc.events if e.type is EventType.MEETING)
    assert meetings == [["سامي العلوي", "كريم الصالحي"], ["سامي العلوي", "نبيل الحمادي"]]


def test_events_a_definite_meeting_with_someone_named_after_it_is_not_referred_back():
    doc = run("استقبل الرئيس سامي العلوي أمس السفير كريم الصالحي. واستهل الوزير نبيل الحمادي زيارته "
              "بالاجتماع بالرئيس عمر البناني.")
    meetings = sorted(sorted(labels(doc, e)) for e in doc.events if e.type is EventType.MEETING)
    assert meetings == [["سامي العلوي", "كريم الصالحي"], ["عمر البناني", "نبيل الحمادي"]]
    doc = run("استقبل الرئيس سامي العلوي أمس السفير كريم الصالحي. وحضر اللقاء المدير العام عمر البناني.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "كريم الصالحي", "عمر البناني"}]


def test_events_talks_held_during_a_dated_visit_take_its_day():
    doc = run("تقوم الوزيرة كلارا مونتيني اليوم الخميس بزيارة إلى تونس تجري خلالها محادثات مع الوزير كريم الصالحي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"كلارا مونتيني", "كريم الصالحي"} and meeting.date == "2024-05-02"


def test_events_a_visit_to_a_head_of_state_goes_to_his_country_not_to_a_headlines_quote():
    doc = run("واستقبل الرئيس التونسي سامي العلوي الإثنين الوزير كريم الصالحي.",
              title="الصالحي يزور العلوي: على الجميع الخروج من طرابلس")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"} and doc.entity(visit.place).label_en == "Tunisia"


def test_events_a_meeting_that_brought_him_together_with_someone_is_his():
    doc = run("وصل الوزير سامي العلوي اليوم إلى الرباط. وبعد لقاء جمعه أمس مع نظيره كريم الصالحي في تونس، "
              "بحثا خلاله سبل التعاون.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي"} and meeting.date == "2024-05-01"


def test_events_the_visit_during_which_one_meets_reads_on_to_the_one_met():
    # "يلتقي ... خلال الزيارة ...، مع X": the dropped subject is the one told before, X is met, not a visitor
    doc = run("وصل الوزير سامي العلوي اليوم إلى الرباط. ومن المتوقع أن يلتقي اليوم خلال الزيارة التي لم يعلن "
              "عنها مسبقا، مع الرئيس كريم الصالحي.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    visits = [labels(doc, e) for e in doc.events if e.type is EventType.VISIT]
    assert meetings == [{"سامي العلوي", "كريم الصالحي"}] and visits == [{"سامي العلوي"}]


def test_events_a_meeting_during_a_visit_of_several_days_has_no_day_of_its_own():
    doc = run("ومن المنتظر أن يحل الرئيس سامي العلوي بتونس يوم الأربعاء 8 ماي 2024، في زيارة تستغرق يومين، "
              "يلتقي خلالها الرئيس كريم الصالحي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي"} and meeting.date is None


def test_events_persons_a_meeting_told_again_went_into_are_no_sides():
    doc = run("وعقد الوزير سامي العلوي مباحثات مع نظيره كريم الصالحي في روما. وأشار إلى أن المباحثات تطرقت "
              "إلى الملف السوري، داعيا إلى إعطاء الفرصة لمبعوث الأمم المتحدة إلى سورية، وإبعاد الرئيس نبيل الحمادي.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "كريم الصالحي"}]


def test_events_those_one_travels_to_meet_are_met_one_by_one():
    doc = run("وصل الوزير سامي العلوي إلى الرياض اليوم، للقاء الملك كريم الصالحي وولي العهد الأمير نبيل الحمادي.")
    meetings = sorted(sorted(labels(doc, e)) for e in doc.events if e.type is EventType.MEETING)
    assert meetings == [["سامي العلوي", "كريم الصالحي"], ["سامي العلوي", "نبيل الحمادي"]]


def test_events_a_visit_to_two_countries_listed_after_ila_is_one_to_each():
    doc = run("أعلنت الرئاسة أن الرئيس سامي العلوي سيقوم بزيارة رسمية إلى المغرب و الجزائر، بهدف تعزيز العلاقات.")
    places = sorted(doc.entity(e.place).label_en for e in doc.events if e.type is EventType.VISIT)
    assert places == ["Algeria", "Morocco"]
    doc = run("وصل الرئيس سامي العلوي إلى الرباط والتقى الملك كريم الصالحي.")
    assert [doc.entity(e.place).label_en for e in doc.events if e.type is EventType.VISIT] == ["Rabat"]


def test_events_bodies_taking_part_in_a_conference_are_its_participants():
    doc = run("وانطلق اليوم في تونس مؤتمر دولي حول الهجرة بمشاركة الأمم المتحدة والاتحاد الأوروبي.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {doc.entity(p.entity).label_en for p in conference.participants} >= {"United Nations", "European Union"}


def test_events_an_agreement_of_one_person_alone_is_none():
    doc = run("ودعا الرئيس سامي العلوي إلى إبرام اتفاق شامل.")
    assert not [e for e in doc.events if e.type is EventType.AGREEMENT]
    doc = run("ووقعت تونس والمغرب اتفاقية تعاون في الرباط.")
    assert [len(e.participants) for e in doc.events if e.type is EventType.AGREEMENT] == [2]


def test_events_a_summit_told_of_one_leader_alone_is_no_conference():
    doc = run("وتستعد هلسنكي لقمة الرئيس سامي العلوي.")
    assert not [e for e in doc.events if e.type is EventType.CONFERENCE]
    doc = run("وتنطلق اليوم في الرباط قمة الاتحاد الأفريقي بحضور الرئيس سامي العلوي.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]


def test_events_a_trigger_in_a_relative_clause_begins_no_region():
    # the subject before "الذي يزور ..." signs what follows the clause
    doc = run("وأعلنت الوزارة أن الوزير سامي العلوي الذي يزور روسيا منذ الاثنين الماضي، وقع الاتفاق مع المدير "
              "كريم الصالحي في موسكو.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) >= {"سامي العلوي", "كريم الصالحي"}


def test_events_a_headlines_agreement_of_a_minister_is_the_bodys_of_his_state():
    doc = run("ووقع العراق مع روسيا الاتحادية، الخميس، اتفاق تعاون عسكري بين البلدين.",
              title="وزير الدفاع العراقي سامي العلوي يوقع اتفاقا عسكريا مع روسيا")
    agreements = [e for e in doc.events if e.type is EventType.AGREEMENT]
    assert len(agreements) == 1 and labels(doc, agreements[0]) >= {"سامي العلوي", "العراق", "روسيا"}


def test_events_signing_the_definite_agreement_tells_the_one_before():
    doc = run("ووقعت تونس والمغرب، الخميس، اتفاق تعاون عسكري. وأعلنت الوزارة أن الوزير سامي العلوي وقع الاتفاق "
              "مع المدير كريم الصالحي في مدينة سوسة.")
    agreements = [e for e in doc.events if e.type is EventType.AGREEMENT]
    assert len(agreements) == 1 and labels(doc, agreements[0]) >= {"تونس", "المغرب", "سامي العلوي", "كريم الصالحي"}


def test_events_a_meeting_of_four_in_the_accusative_is_a_conference():
    # "اجتماعا رباعيا" makes a gathering of its sides as "اجتماع رباعي" does
    doc = run("استضافت عمان اجتماعا رباعيا ضم وزراء خارجية الأردن والسعودية والإمارات ومصر.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert labels(doc, conference) == {"الأردن", "المملكة العربية السعودية", "الإمارات العربية المتحدة", "مصر"}


def test_events_the_meetings_of_an_alliance_are_its_conference():
    doc = run("وتوجه الوزير سامي العلوي إلى واشنطن للمشاركة في اجتماعات التحالف الدولي ضد داعش.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert "التحالف الدولي ضد داعش" in labels(doc, conference)
    assert not [e for e in doc.events if e.type is EventType.MEETING]
    doc = run("وعقد لقاء الاتحاد العام للشغل مع البنك الدولي في تونس.")
    assert not [e for e in doc.events if e.type is EventType.CONFERENCE]


def test_events_a_numbered_round_of_talks_is_a_conference_of_its_sides():
    doc = run("وانطلقت أمس في جنيف الجولة الرابعة من المحادثات بين الحكومة الأفغانية وحركة طالبان.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert conference.session == 4 and doc.entity(conference.place).label_en == "Geneva"
    assert all(p.role is not Role.ORGANISER for p in conference.participants)


def test_events_the_day_something_was_said_is_not_the_day_of_what_it_tells():
    doc = run("قال مسؤول أفغاني أمس الأربعاء إن الصين ستستضيف الجولة الثانية من المحادثات في أورومتشي "
              "في 30 يوليو.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert conference.date == "2024-07-30"
    doc = run("أعلن أمس الأربعاء الوزير سامي العلوي أن بلاده ستبدأ التعاون، خلال لقاء مع نظيره كريم الصالحي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert meeting.date == "2024-05-01"


def test_events_a_visit_concluded_today_that_lasted_days_began_before():
    doc = run("ويختتم الرئيس سامي العلوي اليوم زيارة دولة إلى تونس استمرت ثلاثة أيام.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start, visit.end) == (None, "2024-04-30", "2024-05-02")


def test_events_the_visit_one_arrives_on_takes_its_day():
    doc = run("وكان الرئيس سامي العلوي قد وصل إلى تونس في زيارة خاصة يوم الأحد الماضي.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert len(visits) == 1 and visits[0].date == "2024-04-28"


def test_events_a_summit_announced_is_held_where_it_is_announced_for():
    doc = run("وأعلنت جامعة الدول العربية عن عقد قمة طارئة في القاهرة يوم الأحد المقبل.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert doc.entity(conference.place).label_en == "Cairo"
    doc = run("وبحث الوزير سامي العلوي مع نظيره كريم الصالحي في الرباط الحديث عن الوضع في ليبيا.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert doc.entity(meeting.place).label_en == "Rabat"


def test_events_a_body_joined_to_a_government_signs_with_it():
    doc = run("وأبرمت الحكومة المغربية والبنك الدولي اتفاقية قرض بقيمة 200 مليون دولار.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {doc.entity(p.entity).label_en for p in agreement.participants} == {"Morocco", "World Bank"}


def test_events_a_symposium_or_workshop_is_a_conference_a_press_one_is_not():
    doc = run("ونظمت وزارة الخارجية التونسية بالتعاون مع الاتحاد الأوروبي ندوة دولية حول الهجرة.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]
    doc = run("وعقد الوزير سامي العلوي ندوة صحفية مع نظيره كريم الصالحي.")
    assert [e.type for e in doc.events] == [EventType.MEETING]


def test_events_a_country_visited_after_a_subject_told_with_his_post():
    doc = run("ومن المقرر أن يزور رئيس الوزراء الهندي ناريندرا مودي الإمارات في فبراير.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert doc.entity(visit.place).label_en == "United Arab Emirates"


def test_events_the_visit_a_guest_is_paying_takes_the_day_of_his_reception():
    doc = run("استقبل الرئيس سامي العلوي، يوم الجمعة 3 ماي 2024 بقصر قرطاج، الوزير كريم الصالحي الذي يؤدي "
              "زيارة رسمية إلى تونس.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"} and visit.date == "2024-05-03"
    # told to last days, it begins with the reception (a state visit opens with its official welcome)
    doc = run("استقبل الرئيس سامي العلوي، يوم الجمعة 3 ماي 2024، الوزير كريم الصالحي الذي يؤدي زيارة إلى تونس "
              "تستمر يومين.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start, visit.end) == (None, "2024-05-03", "2024-05-04")


def test_events_a_delegation_that_visited_is_the_visitor_not_its_host():
    doc = run("استقبل الرئيس سامي العلوي اليوم بقصر قرطاج الوفد الصحفي الذي زار العراق مؤخرا.")
    assert not [e for e in doc.events if e.type is EventType.VISIT and "سامي العلوي" in labels(doc, e)]


def test_events_persons_in_a_clause_describing_the_one_met_are_no_sides():
    doc = run("وقال الوزير سامي العلوي إنه سيلتقي الرئيس كريم الصالحي، وهو زعيم حارب الرئيس نبيل الحمادي "
              "سنوات.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "كريم الصالحي"}]


def test_events_an_agreement_signed_during_a_visit_binds_the_two_states():
    doc = run("وثمن الوزيران المصري والروسي العلاقات التي توجت بزيارة الرئيس الروسي فلاديمير بوتين للقاهرة في "
              "11 ديسمبر 2017، والتي شهدت توقيع اتفاق بدء العمل في مشروع محطة الضبعة النووية.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) >= {"روسيا", "مصر"}
    assert (doc.entity(agreement.place).label_en, agreement.date) == ("Cairo", "2017-12-11")


def test_events_guests_received_each_of_them_are_received_apart():
    doc = run("واستقبل الرئيس سامي العلوي كلا من سفير اليابان كريم الصالحي وسفير كوريا الجنوبية نبيل الحمادي.")
    meetings = sorted(sorted(labels(doc, e)) for e in doc.events if e.type is EventType.MEETING)
    assert meetings == [["سامي العلوي", "كريم الصالحي"], ["سامي العلوي", "نبيل الحمادي"]]


def test_events_the_one_a_relative_clause_of_visiting_is_about_visits():
    doc = run("وأجرى الوزير سامي العلوي اليوم مباحثات مع نظيره الموريتاني كريم الصالحي الذي يؤدي زيارة عمل إلى تونس.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"}


def test_events_an_office_held_since_a_year_was_taken_that_year():
    doc = run("ويتولى سامي العلوي منصب وزير الداخلية منذ عام 2016.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert appointment.date == "2016"


def test_events_a_relative_clause_after_a_visits_adjectives_names_its_visitor():
    doc = run("وهذه هي الزيارة الأولى التي يقوم بها الرئيس سامي العلوي إلى تونس منذ تولي منصبه العام الماضي.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"سامي العلوي"} and visit.date is None


def test_events_the_visit_a_meeting_is_held_on_is_its_subjects():
    doc = run("التقى الوزير سامي العلوي، مع نظيره كريم الصالحي، الخميس في الرباط، في زيارة ينظر إليها كمحاولة "
              "من قبل موسكو لإسماع صوتها.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"سامي العلوي"} and doc.entity(visit.place).label_en == "Rabat"
    assert visit.date == "2024-05-02"


def test_events_a_welfare_body_names_no_patron():
    doc = run("وأطلع الرئيس العام لرعاية الشباب الأمير سامي الفيصل على محضر اجتماع الجمعية العمومية.")
    assert not [e for e in doc.events if e.type is EventType.CONFERENCE]


def test_events_a_visit_the_relative_clause_takes_as_its_object_is_the_sentence_subjects():
    # the clause's subject is dropped, a tense word before its verb; an event noun between
    doc = run("وأكد الرئيس سامي العلوي خلال اللقاء متانة العلاقات، مذكرا بنجاح الزيارة التي كان قد أداها "
              "إلى دكار في مارس 2021.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"سامي العلوي"} and visit.date == "2021-03"


def test_events_a_plural_meeting_word_the_verb_jama_follows_is_one_meeting():
    doc = run("وأول اللقاءات جمعت الوزير سامي العلوي بالشيخ كريم الصالحي في قصر الحكومة.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي"}
    # without the verb, a plural meeting word tells no one meeting
    assert not run("وعقد الوزير سامي العلوي اللقاءات في قصر الحكومة.").events


def test_events_two_bodies_the_verb_jama_brings_together_meet():
    doc = run("وقال إن المحادثات التي جمعت نقابة الصحفيين بممثلي صندوق النقد الدولي أمس كانت إيجابية.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"نقابة الصحفيين", "صندوق النقد الدولي"}


def test_events_the_object_of_a_visiting_verb_past_its_subject_and_time_is_the_place_visited():
    doc = run("وأخيرا سيزور الوزير سامي العلوي من 6 إلى 8 أغسطس، فيتنام التي تحتفل بذكرى العلاقات بين "
              "هانوي وواشنطن.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert doc.entity(visit.place).label == "فيتنام"


def test_events_places_listed_after_a_visiting_verbs_object_each_have_a_visit():
    doc = run("ومن المنتظر أن تزور الوزيرة سلمى العلوي تونس في 3 مارس والقاهرة في 2 مارس.")
    assert sorted(doc.entity(e.place).label for e in doc.events if e.type is EventType.VISIT) == ["القاهرة", "تونس"]


def test_events_those_who_attended_it_named_after_a_pronoun_join_the_meeting_told_before():
    doc = run("عقد الرئيس سامي العلوي جلسة مباحثات مع الوزير كريم الصالحي. كما حضرها من الجانب "
              "الآخر، وزير الدفاع نبيل القاسمي، وقائد الجيش الجنرال عمر الحداد.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي", "نبيل القاسمي", "عمر الحداد"}
    # a courtesy title is no verb of attending
    doc = run("استقبل الرئيس سامي العلوي الوزير كريم الصالحي. حضرة صاحب المعالي نبيل القاسمي يشكر الجميع.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي"}


def test_events_talks_between_two_sides_a_third_hosts_or_attends_are_a_conference():
    doc = run("واستضافت قطر الجولة الافتتاحية من المحادثات بين الحكومة الأفغانية وحركة طالبان في الدوحة.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]
    assert labels(doc, doc.events[0]) == {"قطر", "أفغانستان", "طالبان"}
    doc = run("وعقدت المحادثات بين الحكومة الأفغانية وحركة طالبان في الدوحة بحضور ممثلين عن الصين وباكستان.")
    assert labels(doc, doc.events[0]) == {"أفغانستان", "طالبان", "الصين", "باكستان"}
    # two sides alone meet
    doc = run("وعقدت المحادثات بين الحكومة الأفغانية وحركة طالبان في الدوحة.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"أفغانستان", "طالبان"})]


def test_events_talks_told_again_in_another_country_are_other_talks():
    doc = run("وتستضيف الصين الجولة الثانية من المحادثات بين الحكومة الأفغانية وحركة طالبان في أورومتشي. "
              "وكانت باكستان استضافت المحادثات بين الحكومة الأفغانية وحركة طالبان في إسلام آباد.")
    assert sorted(doc.entity(e.place).label for e in doc.events) == ["أورومتشي", "إسلام آباد"]


def test_events_a_place_after_maa_is_a_partner_not_where_the_event_is():
    doc = run("وبدأ الوزير سامي العلوي زيارة لتعزيز العلاقات مع الرباط.")
    assert all(e.place is None for e in doc.events)


def test_events_her_country_after_a_visit_is_the_country_of_the_one_named_before():
    doc = run("ووصف مكتب رئيسة الوزراء البريطانية سلمى العلوي الزيارة التي يبدأها الوزير كريم الصالحي "
              "إلى بلادها الأربعاء بأنها ناجحة.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"} and doc.entity(visit.place).label == "المملكة المتحدة"


def test_events_the_place_a_relative_clause_of_visiting_follows_is_the_place_visited():
    doc = run("ووصل الوزير كريم الصالحي إلى لندن قادما من مصر التي زارها منجزا عددا من الاتفاقيات.")
    assert sorted(doc.entity(e.place).label for e in doc.events if e.type is EventType.VISIT) == ["لندن", "مصر"]


def test_events_a_summit_between_the_two_leaders_is_a_meeting_of_the_two_named_before():
    doc = run("قال المستشار إن الرئيس سامي العلوي سيطرح جميع القضايا مع نظيره كريم الصالحي، خلال قمة مقبلة "
              "بين الزعيمين.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"سامي العلوي", "كريم الصالحي"})]


def test_events_reaching_an_agreement_concludes_one_and_aiming_at_it_does_not():
    doc = run("وتوصل الوزير سامي العلوي ونظيره كريم الصالحي إلى اتفاق حول الصيد البحري.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.AGREEMENT, {"سامي العلوي", "كريم الصالحي"})]
    assert [e.type for e in run("وتم التوصل إلى اتفاق بين الحكومة السودانية وحركة العدل والمساواة.").events] == [
        EventType.AGREEMENT]
    assert not run("وتبذل الجهود للتوصل إلى اتفاق بين الوزير سامي العلوي ونظيره كريم الصالحي.").events
    assert not run("وتوصل الوزير سامي العلوي ونظيره كريم الصالحي إلى أن الوضع صعب.").events


def test_events_persons_listed_each_with_a_post_in_the_accusative_are_one_appointment():
    doc = run("وجاءت التشكيلة الجديدة كالآتي: سامي العلوي رئيسا وكريم الصالحي نائبا للرئيس ونبيل القاسمي "
              "أمينا عاما وعضوية كل من عمر الحداد.")
    appointments = [e for e in doc.events if e.type is EventType.APPOINTMENT]
    assert len(appointments) == 1
    assert labels(doc, appointments[0]) == {"سامي العلوي", "كريم الصالحي", "نبيل القاسمي", "عمر الحداد"}
    # one post given is no list
    assert run("وكان سامي العلوي رئيسا للنادي في ذلك الوقت.").events == ()


def test_events_becoming_a_post_given_in_the_accusative_is_an_appointment():
    doc = run("وأصبح سامي العلوي رئيسا لنادي الهلال عام 2000.")
    assert [(e.type, e.date) for e in doc.events] == [(EventType.APPOINTMENT, "2000")]
    assert run("وأصبحت الزيارة أمرا واقعا.").events == ()


@pytest.mark.parametrize("text", [
    "ونفى المتحدث أن يكون الرئيس سامي العلوي قد التقى كريم الصالحي.",
    "وأعرب الرئيس سامي العلوي عن أمله في لقاء الرئيس كريم الصالحي قريبا.",
    "وإذا التقى الرئيس سامي العلوي نظيره كريم الصالحي فسيكون ذلك حدثا تاريخيا.",
    "ورفض الرئيس سامي العلوي لقاء المبعوث كريم الصالحي.",
    "وألغى الرئيس سامي العلوي زيارته إلى باريس.",
    "وأجل الوزير سامي العلوي لقاءه مع نظيره كريم الصالحي.",
    "وهل يلتقي الرئيس سامي العلوي نظيره كريم الصالحي؟",
])
def test_events_an_event_denied_refused_cancelled_hoped_for_or_asked_about_is_none(text):
    assert run(text).events == ()


def test_events_for_the_sake_of_a_meeting_is_no_postponement():
    doc = run("وتوجه الوزير سامي العلوي إلى باريس من أجل لقاء نظيره كريم الصالحي.")
    assert sorted(e.type.value for e in doc.events) == ["Meeting", "Visit"]


@pytest.mark.parametrize("text", [
    "ودعا الوزير سامي العلوي إلى عقد اجتماع مع الوزير كريم الصالحي.",
    "وطلب الوزير سامي العلوي لقاء الرئيس كريم الصالحي.",
    "وأبدى الرئيس سامي العلوي استعداده للقاء الرئيس كريم الصالحي.",
    "ويسعى الرئيس سامي العلوي إلى لقاء الرئيس كريم الصالحي.",
])
def test_events_a_meeting_called_for_requested_or_wished_is_none(text):
    assert run(text).events == ()


@pytest.mark.parametrize("text", [
    "وأكد الرئيس سامي العلوي حرصه على عقد لقاءات دورية مع نظيره كريم الصالحي.",
    "ويلتقي الوزير سامي العلوي نظيره كريم الصالحي كل شهر.",
    "والتقى الرئيسان سامي العلوي وكريم الصالحي 9 مرات خلال 5 سنوات.",
])
def test_events_meetings_held_as_a_habit_are_no_one_meeting(text):
    assert run(text).events == ()


def test_events_a_periodic_meeting_held_is_one():
    doc = run("وعقد الوزير سامي العلوي اجتماعا دوريا مع مساعديه كريم الصالحي ونبيل القاسمي.")
    assert [e.type for e in doc.events] == [EventType.MEETING]


def test_events_credentials_presented_or_received_are_a_meeting_of_the_two():
    doc = run("وقدم سفير اليابان كريم الصالحي أوراق اعتماده إلى الرئيس سامي العلوي بقصر قرطاج.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"سامي العلوي", "كريم الصالحي"})]
    doc = run("وتسلم الرئيس سامي العلوي أوراق اعتماد سفير اليابان كريم الصالحي.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.MEETING, {"سامي العلوي", "كريم الصالحي"})]


def test_events_talks_held_by_video_are_a_call_and_a_summit_joined_by_video_is_taken_part_in():
    doc = run("وأجرى الرئيس سامي العلوي محادثات عبر تقنية الفيديو مع نظيره كريم الصالحي.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CALL, {"سامي العلوي", "كريم الصالحي"})]
    doc = run("وشارك الرئيس سامي العلوي عبر تقنية الفيديو في قمة مجموعة العشرين.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, {"سامي العلوي", "مجموعة العشرين"})]


def test_events_installing_someone_in_a_post_is_an_appointment():
    doc = run("ونصب الرئيس سامي العلوي كريم الصالحي رئيسا للحكومة.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.APPOINTMENT, {"كريم الصالحي"})]
    assert run("وأزيح الستار عن نصب تذكاري للجنود في العاصمة.").events == ()


def test_events_agreements_the_visit_told_before_is_crowned_with_bind_its_two_states():
    doc = run("يحل الرئيس الجزائري سامي العلوي بروما بدعوة من نظيره الإيطالي كريم الصالحي. وستتوج الزيارة "
              "بالتوقيع على عدة اتفاقيات تعاون بين البلدين.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"الجزائر", "إيطاليا"} and doc.entity(agreement.place).label == "روما"


def test_events_a_body_holding_its_numbered_session_is_a_conference_of_it():
    doc = run("وعقدت اللجنة العليا المشتركة المصرية الأردنية دورتها الثلاثين في عمان.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]
    assert "اللجنة العليا المشتركة المصرية الأردنية" in labels(doc, doc.events[0])
    # the session of a gathering told just before is that gathering
    doc = run("وافتتح الوزير سامي العلوي المنتدى الدولي للصيدلة في دورته السابعة عشرة بالحمامات.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]


@pytest.mark.parametrize("text, sides", [
    ("واختار الاتحاد الأفريقي المغرب لاحتضان القمة المقبلة.", {"المغرب", "الاتحاد الأفريقي"}),
    ("وفازت السعودية بتنظيم معرض إكسبو 2030.", {"المملكة العربية السعودية"}),
    ("ونالت قطر شرف تنظيم كأس العالم.", {"قطر"}),
    ("وأعلن الاتحاد الدولي لكرة القدم منح تنظيم مونديال 2030 للمغرب وإسبانيا والبرتغال.",
     {"المغرب", "إسبانيا", "البرتغال", "الاتحاد الدولي لكرة القدم"}),
    ("وصادقت الجمعية العامة للإنتربول على احتضان مراكش دورتها المقبلة.", {"مراكش", "الجمعية العامة للإنتربول"}),
    ("وفازت تونس بحق تنظيم الألعاب المتوسطية.", {"تونس"}),
    ("ومنح الاتحاد الدولي لكرة القدم قطر حق استضافة كأس العالم.", {"قطر", "الاتحاد الدولي لكرة القدم"}),
])
def test_events_a_host_chosen_and_the_body_choosing_it(text, sides):
    doc = run(text)
    award = next(e for e in doc.events if e.type is EventType.HOSTING_AWARD)
    assert labels(doc, award) == sides


def test_events_organising_well_is_no_award():
    # a guard: "تنظيم" alone is no trigger (it is also a body's head: "هيئة تنظيم الاتصالات")
    events = run("وأشاد الوزير سامي العلوي بحسن تنظيم المؤتمر في تونس.").events
    assert all(e.type is not EventType.HOSTING_AWARD for e in events)


def test_events_the_one_who_appoints_a_number_of_unnamed_officials_is_no_appointee():
    assert run("وعين العاهل المغربي الملك سامي العلوي عددا من السفراء الجدد.").events == ()
    doc = run("وعين الرئيس سامي العلوي كريم الصالحي سفيرا في باريس.")
    assert [labels(doc, e) for e in doc.events] == [{"كريم الصالحي"}]


def test_events_charging_someone_with_a_post_is_an_appointment():
    doc = run("وأصدر الرئيس سامي العلوي قرارا بتكليف كريم الصالحي بمهام وزير الداخلية بالنيابة.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.APPOINTMENT, {"كريم الصالحي"})]
    assert run("وكلف الرئيس سامي العلوي كريم الصالحي بتشكيل الحكومة الجديدة.").events[0].type is EventType.APPOINTMENT
    assert run("وكلفت الدراسة الدولة مليون دينار.").events == ()
    assert run("وكلف الوزير سامي العلوي لجنة بالتحقيق في الحادث.").events == ()


@pytest.mark.parametrize("summit", ["قمته", "القمة"])
def test_events_a_summit_with_one_leader_is_a_meeting_of_him_and_the_one_told_before(summit):
    # GUIDE 2: a summit of two leaders is a Meeting; "قمته" is قمة + ه, the ة written ت
    doc = run(f"يصل الرئيس سامي العلوي إلى هلسنكي الأحد. وقال مسؤولون إن {summit} مع الرئيس كريم الصالحي ستعقد الاثنين.")
    meetings = [e for e in doc.events if e.type is EventType.MEETING]
    assert [labels(doc, e) for e in meetings] == [{"سامي العلوي", "كريم الصالحي"}]


def test_events_a_session_word_with_a_pronoun_is_the_gathering():
    doc = run("وعقد الاتحاد الأفريقي قمته الاستثنائية في مالابو.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, {"الاتحاد الأفريقي"})]


def test_events_a_state_and_a_year_after_since_are_no_side_and_no_date_of_a_summit():
    # "منذ": how long something has lasted, the past; the name between still counts as one word
    doc = run("وقال الوزير سامي العلوي إن القمة المقبلة ستنعقد في أهم مرحلة منذ انهيار الاتحاد السوفيتي عام 1991.")
    for event in doc.events:
        assert "الاتحاد السوفيتي" not in labels(doc, event)
        assert event.date is None


def test_events_an_agreement_with_no_signatory_after_a_meeting_is_signed_by_its_sides_and_their_states():
    doc = run("استقبل الرئيس التونسي سامي العلوي رئيس الوزراء الجزائري كريم الصالحي. "
              "وتم خلال الزيارة التوقيع على ثلاث اتفاقيات للتعاون في مجالات الطاقة والنقل.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي", "تونس", "الجزائر"}
    # "وقع" as "took place", the document signed by others: no agreement of theirs
    doc = run("استقبل الرئيس التونسي سامي العلوي رئيس الوزراء الجزائري كريم الصالحي. "
              "وقال العلوي إنه وقع التشاور مع الأطراف الموقعة على وثيقة قرطاج.")
    assert all(e.type is not EventType.AGREEMENT for e in doc.events)


def test_events_a_body_right_after_the_signing_verb_signs_with_the_one_after_with():
    doc = run("ووقعت وزارة الصحة المغربية مع منظمة الصحة العالمية اتفاقية للتعاون في مجال اللقاحات.")
    assert [labels(doc, e) for e in doc.events] == [{"وزارة الصحة المغربية", "منظمة الصحة العالمية"}]


@pytest.mark.parametrize("text, visitor, place", [
    ("ويزور وفد من البرلمان الأوروبي برئاسة النائب سامي العلوي تونس الأسبوع المقبل.", "سامي العلوي", "تونس"),
    ("يزور وفد رفيع المستوى من الصين الجزائر اليوم.", "الصين", "الجزائر"),
])
def test_events_a_delegation_visits_the_place_after_its_makeup(text, visitor, place):
    doc = run(text)
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    names = {e.id: e.label for e in doc.entities}
    assert visitor in labels(doc, visit) and names[visit.place] == place


def test_events_a_national_debate_is_a_conference():
    # "المناظرة الوطنية": the Maghrebi name of a national conference
    doc = run("افتتح رئيس الحكومة سامي العلوي، اليوم الأربعاء بمراكش، أشغال المناظرة الوطنية حول الجهوية المتقدمة.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, {"سامي العلوي"})]


@pytest.mark.parametrize("text, sides", [
    ("تم التوقيع على مذكرة تفاهم بين وزارة الداخلية المغربية ونظيرتها الإسبانية.", {"وزارة الداخلية المغربية", "إسبانيا"}),
    ("وقعت وزارة الداخلية الكويتية ونظيرتها البحرينية مذكرة تفاهم للتعاون الأمني.", {"وزارة الداخلية الكويتية", "البحرين"}),
])
def test_events_a_bodys_counterpart_signs_for_its_state(text, sides):
    doc = run(text)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.AGREEMENT, sides)]


@pytest.mark.parametrize("text, sides", [
    ("احتضنت عمان، الثلاثاء، الاجتماع التشاوري لوزراء خارجية الأردن ومصر والعراق.", {"الأردن", "مصر", "العراق"}),
    ("شارك المغرب في الاجتماع الثالث للتحالف الدولي ضد داعش الذي احتضنته روما.", {"المغرب", "التحالف الدولي ضد داعش"}),
])
def test_events_a_meeting_of_ministers_or_of_an_alliance_past_its_adjective_is_a_conference(text, sides):
    doc = run(text)
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, sides)]


def test_events_a_city_behind_ba_after_a_topic_is_where_the_conference_is():
    doc = run("افتتح رئيس الحكومة سامي العلوي فعاليات المؤتمر الدولي حول الأمن الغذائي بمراكش.")
    names = {e.id: e.label for e in doc.entities}
    assert [(e.type, names.get(e.place)) for e in doc.events] == [(EventType.CONFERENCE, "مراكش")]
    # after a noun of a situation it is what is discussed
    doc = run("افتتح رئيس الحكومة سامي العلوي فعاليات المؤتمر الدولي حول الوضع بطرابلس.")
    assert [(e.type, e.place) for e in doc.events] == [(EventType.CONFERENCE, None)]


def test_events_a_city_after_a_known_persons_whole_name_is_the_place_visited():
    doc = run("يزور رئيس أركان الجيش الباكستاني الفريق أول عاصم منير الرياض.")
    names = {e.id: e.label for e in doc.entities}
    assert [(e.type, labels(doc, e), names.get(e.place)) for e in doc.events] == [
        (EventType.VISIT, {"عاصم منير"}, "الرياض")]


def test_events_a_visit_behind_ba_to_a_place_after_ila_is_the_subjects():
    doc = run("استهل الرئيس سامي العلوي جولته الإفريقية بزيارة إلى الغابون.")
    names = {e.id: e.label for e in doc.entities}
    assert [(e.type, labels(doc, e), names.get(e.place)) for e in doc.events] == [
        (EventType.VISIT, {"سامي العلوي"}, "الغابون")]


def test_events_a_post_after_a_states_side_is_in_that_state():
    # "وعن الجانب X وزير الداخلية Y": Y is X's minister, so "الوزير X" later names him
    doc = run("ووقع الاتفاقية عن الجانب المغربي وزير الداخلية سامي العلوي، وعن الجانب الموريتاني وزير الداخلية "
              "كريم الصالحي. واستقبل رئيس الحكومة نبيل الحداد الوزير الموريتاني في الرباط.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"نبيل الحداد", "كريم الصالحي"}
    assert not any(e.role_only for e in doc.entities)


def test_events_a_joint_committees_session_between_the_two_states_has_them_as_sides():
    doc = run("وقعت تونس والجزائر، اليوم بتونس، اتفاقية للتعاون الجمركي في ختام أشغال الدورة الثامنة "
              "للجنة المشتركة بين البلدين.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert labels(doc, session) >= {"تونس", "الجزائر"} and session.session == 8


def test_events_a_ministers_state_named_formally_after_fi_resolves_his_post_later():
    # "وزير الداخلية في جمهورية باكستان الإسلامية": the Pakistani minister, so "وزير الداخلية
    # الباكستاني" names him; the visit told in a relative clause on him is where he arrived,
    # on the day of the reception; who is present after it attends the reception
    doc = run("وحضر المؤتمر السيد كريم الصالحي وزير الداخلية في جمهورية باكستان الإسلامية. "
              "وكان الرئيس سامي العلوي قد استقبل أمس في قصر الرئاسة وزير الداخلية الباكستاني الذي وصل إلى "
              "أبوظبي في زيارة عمل، بحضور الوزير نبيل الحداد.")
    names = {e.id: e.label for e in doc.entities}
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "كريم الصالحي", "نبيل الحداد"}
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert [(labels(doc, v), names[v.place], v.date) for v in visits] == [({"كريم الصالحي"}, "أبوظبي", "2024-05-01")]


def test_events_a_gatherings_opener_organiser_and_those_at_its_opening():
    # the opener's name and posts are not counted in the reach of the verb; a council in his post
    # organises nothing; "الدورة الثامنة من معرض ومؤتمر" is one gathering; "الذي تنظمه" names
    # its organiser; "وحضر الافتتاح" names who attends it
    doc = run("افتتح الفريق سمو الشيخ سامي العلوي نائب رئيس مجلس الوزراء وزير الداخلية، اليوم، فعاليات الدورة "
              "الثامنة من معرض ومؤتمر الأمن والسلامة، الذي تنظمه وزارة الداخلية في مركز المعارض. "
              "وحضر الافتتاح الوزير كريم الصالحي.")
    conferences = [e for e in doc.events if e.type is EventType.CONFERENCE]
    assert [labels(doc, e) for e in conferences] == [{"سامي العلوي", "وزارة الداخلية", "كريم الصالحي"}]
    assert [p.role for p in conferences[0].participants if p.role] == [Role.ORGANISER]
    assert conferences[0].session == 8


def test_events_those_who_sign_for_each_side_and_the_one_who_witnesses():
    doc = run("والتقى الشيخ سامي العلوي الوزير هشام الزين. كما شهد سموه توقيع اتفاقية بين دولة الإمارات العربية "
              "المتحدة وجمهورية باكستان الإسلامية، وقعها عن الجانب الإماراتي معالي كريم الصالحي وزير العدل، "
              "وعن الجانب الباكستاني معالي نبيل الحداد.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي", "نبيل الحداد", "الإمارات العربية المتحدة", "باكستان"}


def test_events_the_two_sides_after_a_meeting_with_a_post_that_names_someone():
    # "بحث الجانبان" after "التقى X الأمين العام للمنظمة": the post names one told before
    doc = run("وقال نبيل الحداد الأمين العام لمنظمة التعاون الإسلامي إن المؤتمر مهم. وحضر الافتتاح كريم الصالحي. "
              "والتقى الوزير سامي العلوي اليوم الأمين العام لمنظمة التعاون الإسلامي، وبحث الجانبان سبل التعاون.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "نبيل الحداد"}]


def test_events_a_committee_told_short_in_the_headline_is_the_one_named_in_full():
    # "للجنة الأمنية": the article the ل wrote away is given back before a nisba adjective; the
    # headline's name without the states' adjectives is the same committee
    doc = run("اختتمت، اليوم بالرباط، أشغال الدورة الرابعة للجنة الأمنية المشتركة المغربية الموريتانية.",
              title="اختتام الدورة الرابعة للجنة الأمنية المشتركة")
    committees = [e for e in doc.entities if e.type is EntityType.ORGANISATION]
    assert [e.label for e in committees] == ["اللجنة الأمنية المشتركة المغربية الموريتانية"]
    assert "اللجنة الأمنية المشتركة" in committees[0].names


def test_events_the_time_and_place_after_a_participle_of_concluding_are_the_earlier_accords():
    doc = run("وتوجت الأشغال بالتوقيع على برنامج تنفيذي لمذكرة التفاهم المبرمة بين تونس والجزائر "
              "في 12 دجنبر 2019 بالجزائر العاصمة. ووقع البرنامج عن الجانب التونسي الوزير سامي العلوي، "
              "وعن الجانب الجزائري الوزير كريم الصالحي.")
    agreements = [e for e in doc.events if e.type is EventType.AGREEMENT]
    assert [(labels(doc, e), e.date, e.place) for e in agreements] == [
        ({"تونس", "الجزائر", "سامي العلوي", "كريم الصالحي"}, None, None)]


def test_events_a_ministers_post_with_two_domains_and_his_counterpart_joined_to_a_home_post():
    # "برئاسة وزير الداخلية X ونظيره الموريتاني Y": Y is Mauritania's interior minister, so
    # "وزير الداخلية واللامركزية الموريتاني" (its first domain his post's) names him
    doc = run("انطلقت أشغال الدورة برئاسة وزير الداخلية، السيد سامي العلوي، ونظيره الموريتاني، السيد كريم الصالحي. "
              "وكان وزير الداخلية واللامركزية الموريتاني قد حل، أمس، بالرباط في زيارة عمل.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"}


def test_events_the_guest_received_is_the_visitor_told_before():
    doc = run("وكان الوزير كريم الصالحي قد حل أمس بالرباط في زيارة عمل. "
              "واستقبل وزير الخارجية، السيد سامي العلوي، اليوم، الضيف الموريتاني والوفد المرافق له.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert [(p.role, p.entity) for p in meeting.participants] == [
        (Role.HOST, "person:سامي علوي"), (Role.GUEST, "person:كريم صالحي")]


def test_events_a_delegation_told_before_arrives_and_is_received_by_those_after_fi_istiqbalihi():
    doc = run("وكان الوزير كريم الصالحي قد حل أمس بالرباط في زيارة عمل على رأس وفد. "
              "ويرتقب أن يحل الوفد الموريتاني، غدا، بالقنيطرة، حيث سيكون في استقباله الوزير سامي العلوي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    names = {e.id: e.label for e in doc.entities}
    assert [(p.role, names[p.entity]) for p in meeting.participants] == [
        (Role.HOST, "سامي العلوي"), (Role.GUEST, "كريم الصالحي"), (Role.GUEST, "موريتانيا")]


def test_events_a_known_persons_nisba_family_name_is_no_country_and_stands_alone_later():
    doc = run("وتسلم رئيس الوزراء العراقي محمد شياع السوداني رئاسة الدورة. "
              "وعقد السوداني لقاء ثنائيا مع الوزير سامي العلوي.")
    assert all(e.label != "السودان" for e in doc.entities)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"محمد شياع السوداني", "سامي العلوي"}


def test_events_on_the_sidelines_opening_a_sentence_of_a_gathering_told_before():
    doc = run("انطلقت اليوم في بغداد أعمال القمة العربية بمشاركة الوزير نبيل الحداد. "
              "وعلى هامش أعمال القمة، عقد الرئيس سامي العلوي لقاء ثنائيا مع الوزير كريم الصالحي.")
    summit = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert (meeting.part_of, meeting.date) == (summit.id, "2024-05-02")


def test_events_a_meeting_held_by_the_ministers_of_many_states_is_a_conference():
    doc = run("وكان وزراء الخارجية العرب قد عقدوا أمس في بغداد اجتماعا تحضيريا برئاسة الوزير سامي العلوي.")
    assert [(e.type, labels(doc, e), e.date) for e in doc.events] == [(EventType.CONFERENCE, {"سامي العلوي"}, "2024-05-01")]
    # the ministers of the two states hold a meeting of two
    doc = run("وعقد وزيرا خارجية البلدين أمس في بغداد اجتماعا برئاسة الوزير سامي العلوي.")
    assert all(e.type is not EventType.CONFERENCE for e in doc.events)


def test_events_a_gathering_a_relative_clause_tells_intended_is_none():
    doc = run("ودعا الوزير سامي العلوي إلى دعم مؤتمر إعادة إعمار غزة الذي تعتزم مصر استضافته.")
    assert doc.events == ()


def test_events_the_summit_told_again_is_the_summit_not_a_meeting_told_since():
    doc = run("انطلقت اليوم في بغداد أعمال القمة العربية بمشاركة الوزير نبيل الحداد. "
              "وكان وزراء الخارجية العرب قد عقدوا أمس اجتماعا تحضيريا برئاسة الوزير سامي العلوي. "
              "وشارك الوزير كريم الصالحي في أعمال القمة.")
    conferences = [(labels(doc, e), e.date) for e in doc.events if e.type is EventType.CONFERENCE]
    assert conferences == [({"نبيل الحداد", "كريم الصالحي"}, "2024-05-02"), ({"سامي العلوي"}, "2024-05-01")]


def test_events_a_dual_holding_talks_in_reported_speech_and_those_who_attended():
    doc = run("استقبل الرئيس سامي العلوي اليوم الرئيس كريم الصالحي. وصرح الوزير نبيل الحداد بأن الرئيسين "
              "عقدا جلسة مباحثات حضرها الوزير هشام الزين.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "كريم الصالحي", "هشام الزين"}]


def test_events_the_two_ministers_meeting_told_again_takes_no_place_of_what_it_is_about():
    doc = run("التقى الوزير سامي العلوي نظيره كريم الصالحي في سنغافورة. "
              "وجاء لقاء الوزيرين بينما تتصاعد الخلافات بسبب محاكمة قس في تركيا.")
    names = {e.id: e.label for e in doc.entities}
    assert [(labels(doc, e), names[e.place]) for e in doc.events] == [({"سامي العلوي", "كريم الصالحي"}, "سنغافورة")]


def test_events_the_two_places_after_bain_are_sides_not_where():
    doc = run("التقى الوزير سامي العلوي الرئيس كريم الصالحي وسط تزايد الخلافات بين واشنطن ومكسيكو.")
    assert [(labels(doc, e), e.place) for e in doc.events] == [({"سامي العلوي", "كريم الصالحي"}, None)]


def test_events_a_meeting_with_one_side_in_reported_speech_is_of_the_one_told_before():
    doc = run("وصل الرئيس سامي العلوي إلى أثينا أمس. وصرح الوزير نبيل الحداد بأن تلك اللقاءات شملت "
              "اجتماعا ثنائيا مع الرئيس الفرنسي كريم الصالحي.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "كريم الصالحي"}]


def test_events_a_counterpart_of_several_in_his_state_is_the_one_in_the_same_post():
    doc = run("استقبل رئيس الجمهورية سامي العلوي، اليوم، رئيس الحكومة التونسية نبيل الحداد. "
              "وسلم الضيف رسالة خطية من رئيس الجمهورية التونسية، السيد كريم الصالحي، إلى أخيه الرئيس العلوي. "
              "وتأتي هذه الزيارة بعد المكالمة الهاتفية التي جمعت الرئيس العلوي بنظيره التونسي يوم 28 أبريل.")
    call = next(e for e in doc.events if e.type is EventType.CALL)
    assert (labels(doc, call), call.date) == ({"سامي العلوي", "كريم الصالحي"}, "2024-04-28")
    # the sender of the message handed over is no side of the reception
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "نبيل الحداد"}


def test_events_a_journeys_saddles_need_their_article():
    doc = run("ترأس الوزير سامي العلوي اليوم بالمركز الدولي للمؤتمرات عبد اللطيف رحال بالجزائر العاصمة أشغال الدورة "
              "الثالثة للجنة المشتركة.")
    assert [(e.type, "سامي العلوي" in labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, True)]


def test_events_the_two_states_conclude_what_the_dual_after_the_verb_tells():
    doc = run("ترأس الوزير سامي العلوي ونظيره كريم الصالحي أشغال الدورة الثالثة للجنة المشتركة التونسية الليبية. "
              "كما أبرم البلدان اتفاقا إطاريا لتنمية المناطق الحدودية.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"تونس", "ليبيا"}


def test_events_a_chinese_family_name_alone_and_documents_signed():
    doc = run("ألقى الرئيس الصيني شي جين بينغ كلمة. وأجرى شي محادثات مع ملك البحرين حمد بن عيسى آل خليفة في بكين، "
              "وعقب المحادثات، شهد الزعيمان توقيع عدد من وثائق التعاون. "
              "وكان وزير الخارجية وانغ يي قد أجرى يوم الثلاثاء اتصالا هاتفيا مع الوزير سامي العلوي.")
    found = {e.type: labels(doc, e) for e in doc.events}
    assert found[EventType.MEETING] == {"شي جين بينغ", "حمد بن عيسى آل خليفة"}
    assert {"شي جين بينغ", "حمد بن عيسى آل خليفة"} <= found[EventType.AGREEMENT]
    assert found[EventType.CALL] == {"وانغ يي", "سامي العلوي"}


def test_events_the_meeting_chaired_after_a_ministerial_meeting_is_that_conference():
    doc = run("افتتح الرئيس سامي العلوي اليوم الاجتماع الوزاري العاشر لمنتدى التعاون العربي الإفريقي في تونس. "
              "وترأس الاجتماع وزير الخارجية كريم الصالحي ونظيره الموريتاني نبيل الحداد.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [
        (EventType.CONFERENCE, {"منتدى التعاون العربي الإفريقي", "سامي العلوي", "كريم الصالحي", "نبيل الحداد"})]


def test_events_a_long_ministry_of_several_domains_keeps_its_state_and_the_guest_is_the_visitor():
    # the domain of five words and more, coordinated, reaches the state's adjective
    doc = run("ترأس الوزير سامي العلوي ووزير الداخلية والجماعات المحلية والتهيئة العمرانية الجزائري، السيد كريم الصالحي، "
              "أشغال الدورة.")
    minister = next(e for e in doc.entities if e.label == "كريم الصالحي")
    assert [p.org for p in minister.posts] == ["country:DZ"]
    # "الضيف" some words after the host is the visitor; the sender of the message he hands over is no side
    doc = run("وكان الوزير كريم الصالحي قد وصل أمس إلى نواكشوط في زيارة رسمية. "
              "واستقبل رئيس الجمهورية، السيد نبيل الحداد، ظهر اليوم بالقصر الرئاسي في نواكشوط، الضيف الجزائري الذي "
              "سلمه رسالة خطية من أخيه رئيس الجمهورية الجزائرية الديمقراطية الشعبية، السيد هشام الزين.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"نبيل الحداد", "كريم الصالحي"}


def test_events_a_home_minister_with_a_long_title_is_the_one_a_bare_title_names():
    # "وشئون المصريين بالخارج": a people, not the state of a post, so the post is the name's before it;
    # "وزير الخارجية" in the article's own press is the one whose post opens so
    doc = run("استقبل الدكتور سامي العلوي وزير الخارجية والهجرة وشئون المصريين بالخارج، اليوم، نظيره اليوناني "
              "كريم الصالحي. وكان وزير الخارجية قد تلقى مساء أمس اتصالا هاتفيا من وزير الخارجية القبرصي نبيل الحداد. "
              "ويزور الوزير كريم الصالحي مصر يومي 2 و3 مايو. "
              "ومن المقرر أن يستقبل الرئيس هشام الزين الضيف اليوناني صباح غد الجمعة.")
    found = {e.type: (labels(doc, e), e.date) for e in doc.events if e.type is not EventType.VISIT}
    assert found[EventType.CALL] == ({"سامي العلوي", "نبيل الحداد"}, "2024-05-01")
    meetings = [(labels(doc, e), e.date) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [({"سامي العلوي", "كريم الصالحي"}, "2024-05-02"), ({"هشام الزين", "كريم الصالحي"}, "2024-05-03")]


def test_events_the_state_chosen_to_host_a_session_hosts_it():
    doc = run("وصادقت الجمعية العامة على اختيار السنغال لاحتضان دورتها الثامنة بالعاصمة داكار سنة 2025.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert [(p.role, p.entity) for p in session.participants] == [(Role.HOST, "country:SN")]


def test_events_a_facility_visited_after_arriving_is_a_venue_visited_by_the_sentences_subject():
    doc = run("وكان الوزير كريم الصالحي قد وصل إلى الرياض أمس في زيارة رسمية، وزار أمس مركز العمليات الأمنية "
              "الموحدة بالرياض.")
    names = {e.id: e for e in doc.entities}
    visits = [(labels(doc, e), names[e.place].label, names[e.place].type) for e in doc.events if e.type is EventType.VISIT]
    assert visits == [({"كريم الصالحي"}, "الرياض", EntityType.CITY),
                      ({"كريم الصالحي"}, "مركز العمليات الأمنية الموحدة", EntityType.VENUE)]


def test_events_a_reception_by_a_third_is_another_meeting_than_the_talks_of_the_two():
    doc = run("أجرى الوزير سامي العلوي اليوم مباحثات مع نظيره التركي كريم الصالحي. "
              "واستقبل الملك نبيل الحداد الوزير كريم الصالحي بحضور الوزير سامي العلوي.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"سامي العلوي", "كريم الصالحي"}, {"نبيل الحداد", "كريم الصالحي", "سامي العلوي"}]


def test_events_an_agreement_signed_at_the_end_of_the_talks_is_witnessed_by_the_two_there_and_then():
    doc = run("التقى الرئيس سامي العلوي اليوم في قصر قرطاج الرئيس كريم الصالحي. "
              "وفي ختام المباحثات، شهد الرئيسان توقيع مذكرة تفاهم، وقعها الوزير نبيل الحداد والوزير هشام الزين.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    names = {e.id: e.label for e in doc.entities}
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي", "نبيل الحداد", "هشام الزين"}
    assert (names.get(agreement.place), agreement.date) == ("قصر قرطاج", "2024-05-02")


def test_events_those_taking_part_in_a_gathering_received_are_guests_no_event_of_their_own():
    doc = run("وكان الأمير سامي العلوي قد استقبل اليوم الوزراء المشاركين في الاجتماع والأمين العام كريم الصالحي "
              "بحضور ولي العهد نبيل الحداد.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [
        (EventType.MEETING, {"سامي العلوي", "كريم الصالحي", "نبيل الحداد"})]


def test_events_a_gathering_with_no_other_side_is_hosted_by_its_host_citys_state_when_named():
    doc = run("أكد المغرب التزامه بالتعاون في مجال الهجرة. واحتضنت مراكش، اليوم الخميس، أشغال المؤتمر الإقليمي حول "
              "الهجرة بمشاركة وفود من 30 دولة.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert [(p.role, p.entity) for p in conference.participants] == [(Role.HOST, "country:MA")]
    # the state not named: no side, no event
    doc = run("واحتضنت مراكش، اليوم الخميس، أشغال المؤتمر الإقليمي حول الهجرة بمشاركة وفود من 30 دولة.")
    assert doc.events == ()


@pytest.mark.parametrize("text, sides", [
    ("وجرى خلال اللقاء تبادل مذكرتي تفاهم بين وزارة الخارجية التونسية ووزارة الخارجية الليبية.",
     {"وزارة الخارجية التونسية", "وزارة الخارجية الليبية"}),
    ("وتبادل الجانبان وثائق اتفاقية التعاون بين تونس وليبيا.", {"تونس", "ليبيا"}),
])
def test_events_memoranda_exchanged_are_agreements(text, sides):
    doc = run(text)
    agreements = [labels(doc, e) for e in doc.events if e.type is EventType.AGREEMENT]
    assert agreements == [sides]
    # views exchanged are none
    assert run("وتبادل الجانبان وجهات النظر حول الأوضاع في ليبيا.").events == ()


def test_events_a_post_written_indefinite_names_no_one():
    # "لرئيس فرنسي": any French president; the president of the day is not its visitor
    doc = run("وتعد هذه الزيارة الأولى لرئيس فرنسي إلى المنطقة منذ عشر سنوات.")
    assert doc.events == () and all(e.type is not EntityType.PERSON for e in doc.entities)


def test_events_the_one_named_before_the_post_given_is_appointed_past_the_appointers_place_and_day():
    doc = run("عين جلالة الملك سامي العلوي، اليوم بالقصر الملكي بالرباط، السيد كريم الصالحي واليا على جهة الشرق.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    appointees = {p.entity for p in appointment.participants if p.role is Role.APPOINTEE}
    assert appointees == {"person:كريم صالحي"}


@pytest.mark.parametrize("text, host", [
    ("ووافق القادة على طلب المملكة العربية السعودية استضافة القمة العربية المقبلة.", "المملكة العربية السعودية"),
    ("وصوتت الجمعية العامة لصالح استضافة الرياض لمعرض إكسبو 2030.", "الرياض"),
])
def test_events_a_hosting_approved_or_voted_is_an_award(text, host):
    doc = run(text)
    awards = [e for e in doc.events if e.type is EventType.HOSTING_AWARD]
    names = {e.id: e.label for e in doc.entities}
    assert [[names[p.entity] for p in e.participants if p.role is Role.HOST] for e in awards] == [[host]]


def test_events_a_hosting_asked_is_no_award():
    assert all(e.type is not EventType.HOSTING_AWARD
               for e in run("وطلبت المملكة العربية السعودية استضافة القمة العربية المقبلة.").events)


@pytest.mark.parametrize("text, host", [
    ("وتقرر، في ختام الأشغال، أن تحتضن العاصمة نواكشوط الدورة المقبلة للجنة المشتركة.", "نواكشوط"),
    ("واتفق الوزراء على أن تستضيف الكويت الاجتماع المقبل في نوفمبر 2026.", "الكويت"),
])
def test_events_a_decision_on_who_hosts_the_next_gathering_is_an_award(text, host):
    doc = run(text)
    names = {e.id: e.label for e in doc.entities}
    awards = [[names[p.entity] for p in e.participants if p.role is Role.HOST]
              for e in doc.events if e.type is EventType.HOSTING_AWARD]
    assert awards == [[host]]
    # hosting told with no decision is the gathering's place, no award
    assert all(e.type is not EventType.HOSTING_AWARD for e in run("وتستضيف الكويت الاجتماع المقبل.").events)


def test_events_a_visit_of_a_counterpart_named_nowhere_is_no_visit_of_another():
    doc = run("وتأتي زيارة الوزير سامي العلوي إلى بغداد بعد أسبوعين من زيارة نظيره العراقي إلى عمان.")
    names = {e.id: e.label for e in doc.entities}
    assert [(labels(doc, e), names[e.place]) for e in doc.events] == [({"سامي العلوي"}, "بغداد")]


def test_events_the_country_visited_is_the_hosts_own():
    doc = run("واستقبل رئيس الجمهورية التونسية سامي العلوي الوزير كريم الصالحي الذي يزور البلاد حاليا.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (labels(doc, visit), visit.place) == ({"كريم الصالحي"}, "country:TN")


def test_events_a_summit_named_after_those_taking_part_in_it_is_one():
    doc = run("وترأس الشيخ سامي العلوي وفد دولة الإمارات المشارك في القمة العربية الصينية.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [
        (EventType.CONFERENCE, {"سامي العلوي", "الإمارات العربية المتحدة"})]


def test_events_a_mixed_committee_keeps_its_article_behind_lam():
    doc = run("وتنطلق الأحد المقبل في نواكشوط أعمال الدورة العشرين للجنة المختلطة الجزائرية الموريتانية.")
    assert any(e.label == "اللجنة المختلطة الجزائرية الموريتانية" for e in doc.entities)


def test_events_an_agreement_between_the_two_states_is_signed_by_the_two_told_last():
    doc = run("التقى الرئيس التونسي سامي العلوي نظيره الجزائري كريم الصالحي. "
              "وأسفرت المباحثات عن توقيع اتفاقية لتجنب الازدواج الضريبي بين البلدين.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"تونس", "الجزائر"}


def test_events_the_general_assemblys_proceedings_are_its_session_and_a_speech_before_a_gathering_takes_part():
    doc = run("وعلى هامش أعمال الجمعية العامة للأمم المتحدة، التقى الوزير سامي العلوي نظيره الفرنسي كريم الصالحي.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert meeting.part_of == session.id
    doc = run("وأكد الوزير سامي العلوي، في كلمته أمام الاجتماع الطارئ لمجلس الجامعة على المستوى الوزاري، ضرورة وقف الحرب.")
    assert [labels(doc, e) for e in doc.events if e.type is EventType.CONFERENCE] == [{"مجلس الجامعة", "سامي العلوي"}]


def test_events_a_scheduled_trip_on_a_weekday_is_the_coming_one_by_the_one_its_sentence_names():
    # published on Thursday 2 May 2024: "الأحد" after "من المقرر" is the coming Sunday
    doc = run("واستقبل الوزير سامي العلوي نظيره نبيل الحداد. ومن المقرر أن يتوجه الوزير كريم الصالحي الأحد إلى الكويت، "
              "على أن يختتم جولته في الدوحة الاثنين.")
    visits = sorted((e.date, labels(doc, e)) for e in doc.events if e.type is EventType.VISIT)
    assert visits == [("2024-05-05", {"كريم الصالحي"}), ("2024-05-06", {"كريم الصالحي"})]


def test_events_taking_part_by_video_in_a_session_is_no_call():
    doc = run("وافتتح أعمال المنتدى الوزير سامي العلوي، بحضور الأمين العام للمنظمة كريم الصالحي، فيما شارك رئيس "
              "المنتدى الاقتصادي العالمي نبيل الحداد في الجلسة الافتتاحية عبر تقنية الاتصال المرئي.")
    assert all(e.type is not EventType.CALL for e in doc.events)


def test_events_a_regional_meeting_after_its_adjective_is_a_gathering_of_many():
    # "الاجتماع التنسيقي الخليجي": the Gulf states' meeting, a conference (its one side named here)
    doc = run("وانطلقت اليوم في الرياض أعمال الاجتماع التنسيقي الخليجي برئاسة الوزير سامي العلوي.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, {"سامي العلوي"})]


def test_events_the_ministers_of_two_states_named_after_one_title_sign_for_them():
    # the second state's post opens on the state: its title is the one written before (a crash before)
    doc = run("وقع وزيرا خارجية تونس وليبيا مذكرة تفاهم للتعاون في مجال التكوين الدبلوماسي.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.AGREEMENT, {"تونس", "ليبيا"})]


def test_events_heading_home_is_no_visit():
    doc = run("وغادر الوزير الأردني سامي العلوي القاهرة متوجها إلى عمان.")
    assert all(e.type is not EventType.VISIT for e in doc.events)
    # heading abroad is one
    doc = run("وغادر الوزير الأردني سامي العلوي عمان متوجها إلى القاهرة.")
    assert [e.type for e in doc.events] == [EventType.VISIT]


def test_events_the_one_before_whom_the_oath_is_sworn_takes_part():
    doc = run("أدى السفير كريم الصالحي اليمين القانونية أمام الرئيس سامي العلوي سفيرا لتونس لدى اليونان.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert {(p.role, p.entity) for p in appointment.participants} >= {
        (Role.APPOINTEE, "person:كريم صالحي"), (None, "person:سامي علوي")}


def test_events_on_its_sidelines_is_on_those_of_the_conference_told():
    doc = run("وتتوجه الوزيرة ليلى طربيه غدا إلى برلين، حيث تشارك في أعمال الدورة الثالثة للجنة الأردنية الألمانية "
              "المشتركة، وتلتقي على هامشها وزيرة الخارجية الألمانية أنالينا فيبر.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"ليلى طربيه", "أنالينا فيبر"}
    assert meeting.part_of == conference.id and meeting.date == "2024-05-03"
    assert {e.label for e in doc.entities if e.id == meeting.place} == {"برلين"}


def test_events_signed_during_the_meeting_told_after_the_verb_is_signed_there():
    doc = run("بدأت الوزيرة ليلى طربيه اليوم جولة أوروبية تشمل بروكسل وبرلين. "
              "والتقت طربيه بمقر المفوضية الأوروبية في بروكسل المفوض الأوروبي يوهان بيرغ. "
              "ووقعت طربيه وبيرغ خلال اللقاء اتفاقية منحة لدعم الموازنة.")
    places = {e.id: e.label for e in doc.entities}
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"ليلى طربيه", "يوهان بيرغ"}
    assert places[agreement.place] == "مقر المفوضية الأوروبية"


def test_events_meetings_with_officials_take_no_pair_told_before():
    doc = run("بدأت الوزيرة ليلى طربيه جولة. وتتوجه الوزيرة غدا إلى برلين، حيث تلتقي وزيرة التنمية الألمانية "
              "أنالينا فيبر. وتختتم طربيه جولتها في العاصمة النرويجية أوسلو يومي الجمعة والسبت، بلقاءات مع مسؤولين "
              "في وزارة الخارجية النرويجية.")
    assert [labels(doc, e) for e in doc.events if e.type is EventType.MEETING] == [{"ليلى طربيه", "أنالينا فيبر"}]


@pytest.mark.parametrize("body", [
    "التقى الوزير أحمد عطاف نظيره التونسي سامي الطرابلسي، وبحث معه الوضع الأمني على الحدود المشتركة مع ليبيا.",
    "استقبل الوزير أحمد عطاف نظيره التونسي سامي الطرابلسي. وبحث معه الوضع على الحدود المشتركة مع ليبيا.",
])
def test_events_discussing_with_him_is_the_meeting_told(body):
    doc = run(body)
    assert [labels(doc, e) for e in doc.events] == [{"أحمد عطاف", "سامي الطرابلسي"}]


def test_events_ministers_of_many_states_and_one_more_hold_a_conference():
    doc = run("وشارك في الاجتماع، الذي احتضنه المركز الدولي للمؤتمرات، وزراء خارجية الجزائر وتونس ومصر، "
              "إضافة إلى رئيس بعثة الأمم المتحدة للدعم في ليبيا.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {"الجزائر", "تونس", "مصر"} <= labels(doc, conference)


@pytest.mark.parametrize("body, events", [
    # an invitation reaches its event of purpose across the names of those invited
    ("وكان دعا في 23 يناير وزراء خارجية المغرب والجزائر وموريتانيا ومسؤولا في البوليساريو إلى برلين لمباحثات.", []),
    ("وتوجه الوزير سامي العلوي أمس إلى برلين لمباحثات مع نظيره الألماني كارل فيبر.",
     [EventType.VISIT, EventType.MEETING]),
])
def test_events_invited_to_talks_far_after_the_invitation(body, events):
    assert [e.type for e in run(body).events] == events


@pytest.mark.parametrize("body, session", [
    ("تنطلق غدا في الدوحة أعمال منتدى الدوحة 2024 بمشاركة أكثر من 150 دولة.", None),   # its year
    ("انطلقت اليوم في فيينا أشغال الدورة 91 للجمعية العامة للمنظمة الدولية للشرطة الجنائية.", 91),
    # a number in the name of the body after it is the body's
    ("شارك الرئيس سامي العلوي اليوم في قمة مجموعة السبع في روما.", None),
    ("شارك الرئيس سامي العلوي اليوم في قمة مجموعة العشرين في نيودلهي.", None),
])
def test_events_an_editions_year_is_no_session_number_but_names_the_gathering(body, session):
    conferences = [e for e in run(body).events if e.type is EventType.CONFERENCE]
    assert [e.session for e in conferences] == [session]


def test_events_the_welcome_on_arrival_for_a_visit_of_days_is_on_its_first_day():
    doc = run("وصل الرئيس التونسي قيس سعيد، اليوم الخميس، إلى الجزائر العاصمة في زيارة دولة تستغرق يومين، "
              "حيث كان في استقباله الرئيس عبد المجيد تبون.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.start, visit.end) == ("2024-05-02", "2024-05-03") and meeting.date == "2024-05-02"
    # a meeting told where he arrived, the visit lasting days, may be on either: undated
    doc = run("وصل الرئيس التونسي قيس سعيد، اليوم الخميس، إلى الجزائر العاصمة في زيارة دولة تستغرق يومين، "
              "حيث يلتقي الرئيس عبد المجيد تبون.")
    assert next(e for e in doc.events if e.type is EventType.MEETING).date is None


def test_events_a_gathering_closed_by_a_long_subject_ends_on_the_day_told():
    # the closing verb is eight words and two commas before the session's word
    doc = run("اختتم مجلس وزراء الداخلية العرب، اليوم الخميس، أعمال دورته العادية الـ43 التي احتضنها مقر "
              "الأمانة العامة للمجلس في تونس على مدى يومين.")
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert (conference.start, conference.end) == ("2024-05-01", "2024-05-02")


def test_events_ministers_of_many_states_hold_a_conference_that_names_no_side():
    doc = run("اختتم وزراء خارجية دول جوار ليبيا، الخميس، اجتماعا استمر يومين في الجزائر. "
              "وشارك في الاجتماع، الذي احتضنه المركز الدولي للمؤتمرات، وزراء خارجية الجزائر وتونس ومصر.")
    conferences = [e for e in doc.events if e.type is EventType.CONFERENCE]
    assert len(conferences) == 1 and labels(doc, conferences[0]) == {"الجزائر", "تونس", "مصر"}
    assert (conferences[0].start, conferences[0].end) == ("2024-05-01", "2024-05-02")   # ended on Thursday the 2nd
    # the council's ministers named in the clause before, no subject of the meeting
    doc = run("وكان الوزير سامي العلوي قد شارك في أعمال الدورة الحادية والأربعين لمجلس وزراء الداخلية العرب، "
              "حيث التقى على هامشها نظيره الأردني.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE] and doc.events[0].session == 41


@pytest.mark.parametrize("body", [
    "واتفق المشاركون في البيان الختامي على أن تستضيف مصر الاجتماع الرابع عشر مطلع العام المقبل.",
    "وقرر المشاركون أن تستضيف مصر الاجتماع الـ14 مطلع العام المقبل.",
])
def test_events_the_next_numbered_meeting_awarded_is_a_session(body):
    doc = run(body)
    assert [e.type for e in doc.events] == [EventType.HOSTING_AWARD, EventType.CONFERENCE]
    session = doc.events[1]
    assert session.session == 14 and labels(doc, session) == {"مصر"} and session.date == "2025"


@pytest.mark.parametrize("body", [
    "وحدد الوزير لقاء يوم 14 أفريل مع ممثلي الجمعية.",
    "وقال المدير إن هذا الاجتماع هو واحد من سلسلة الجلسات.",
])
def test_events_a_number_after_a_meeting_that_is_no_ordinal_makes_no_session(body):
    assert not [e for e in run(body).events if e.type is EventType.CONFERENCE]


def test_events_a_counterpart_is_the_other_holder_of_the_post_whose_state_is_unwritten():
    doc = run("استقبل الرئيس كريم الصالحي اليوم وزير الخارجية الإيطالي ماريو بيانكي بحضور وزير الشؤون الخارجية "
              "سامي العلوي. وكان بيانكي قد أجرى جلسة محادثات مع نظيره الجزائري.")
    assert [labels(doc, e) for e in doc.events][1:] == [{"ماريو بيانكي", "سامي العلوي"}]


def test_events_where_he_met_is_the_clause_subjects_meeting():
    doc = run("استقبل الرئيس كريم الصالحي وزير الداخلية الأردني مازن الحمود. وكان وزير الداخلية سامي العلوي قد شارك "
              "في أعمال الدورة الحادية والأربعين لمجلس وزراء الداخلية العرب في تونس، حيث التقى على هامشها نظيره الأردني.")
    meeting = doc.events[-1]
    assert meeting.type is EventType.MEETING and labels(doc, meeting) == {"سامي العلوي", "مازن الحمود"}
    assert meeting.part_of == next(e.id for e in doc.events if e.type is EventType.CONFERENCE)


@pytest.mark.parametrize("body, sides", [
    # "الضيف الإيطالي", "المسؤول الإيطالي": the one holding a post in Italy
    ("ومن المنتظر أن يستقبل الوزير الأول، نبيل القاسمي، المسؤول الإيطالي غدا الثلاثاء بقصر الحكومة.",
     {"نبيل القاسمي", "ماريو بيانكي"}),
    ("وكان الضيف الإيطالي قد أجرى جلسة محادثات مع نظيره الجزائري.", {"ماريو بيانكي", "سامي العلوي"}),
])
def test_events_the_guest_or_official_of_a_state_is_its_one_office_holder(body, sides):
    doc = run("استقبل الرئيس كريم الصالحي اليوم وزير الخارجية الإيطالي ماريو بيانكي بحضور وزير الشؤون الخارجية "
              "سامي العلوي. " + body)
    assert labels(doc, doc.events[-1]) == sides
    assert {e.label for e in doc.entities if e.type is EntityType.PERSON} == {"كريم الصالحي", "ماريو بيانكي",
                                                                               "سامي العلوي"} | sides


def test_events_an_official_with_no_state_after_him_is_no_one():
    doc = run("وأكد المسؤول عن الملف سامي العلوي أن الحل قريب.")
    assert [e.label for e in doc.entities if e.type is EntityType.PERSON] == ["سامي العلوي"]


def test_events_witnesses_named_before_the_talks_told_again_sign():
    doc = run("وشهد الرئيس سامي العلوي والرئيس كريم توكاييف عقب اللقاء توقيع الاتفاقيات.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم توكاييف"}


def test_events_a_numbered_session_chosen_to_host_is_not_the_one_held():
    doc = run("بدأت اليوم بفندق قصر البستان أعمال الاجتماع السابع والثمانين لمجلس وزراء الصحة الخليجي، برئاسة "
              "الدكتور سامي العلوي وزير الصحة. ويشارك في الاجتماع الدكتور كريم الصالحي وزير الصحة بالمملكة العربية "
              "السعودية. كما اعتمد المجلس اختيار دولة الكويت لاستضافة الاجتماع الثامن والثمانين المقرر عقده في أبريل 2025.")
    places = {e.id: e.label for e in doc.entities}
    sessions = {e.session: e for e in doc.events if e.type is EventType.CONFERENCE}
    assert set(sessions) == {87, 88}
    # the state of a minister's post is whose he is, not where the meeting is held
    assert labels(doc, sessions[87]) == {"سامي العلوي", "كريم الصالحي", "مجلس وزراء الصحة لدول مجلس التعاون لدول الخليج العربية"}
    assert places[sessions[87].place] == "فندق قصر البستان"
    assert labels(doc, sessions[88]) == {"الكويت"} and sessions[88].date == "2025-04"


def test_events_an_honorifics_pronoun_before_a_call_is_its_subject():
    doc = run("استقبل الشيخ سامي العلوي اليوم الرئيس كريم توكاييف. من جهة أخرى، تلقى سموه اتصالاً هاتفياً اليوم "
              "من فخامة إيمانويل ماكرون رئيس الجمهورية الفرنسية.")
    call = next(e for e in doc.events if e.type is EventType.CALL)
    assert labels(doc, call) == {"سامي العلوي", "إيمانويل ماكرون"}


def test_events_a_horizon_dates_no_signing():
    doc = run("ووقع الوزير سامي العلوي ونظيره كريم الصالحي اتفاقية تهدف إلى تزويد 143 قرية بالماء في أفق سنة 2027.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert agreement.date is None


def test_events_a_meeting_held_by_video_is_a_call():
    doc = run("وكان الشيخ فهد اليوسف قد عقد أمس اجتماعا عبر تقنية الاتصال المرئي مع وزير الداخلية الأردني مازن "
              "الفراية تناول سبل تعزيز التعاون.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CALL, {"فهد اليوسف", "مازن الفراية"})]


def test_events_a_signing_naming_no_side_after_a_session_of_two_states_is_theirs():
    doc = run("انطلقت اليوم بقصر المؤتمرات في نواكشوط أشغال الدورة الـ19 للجنة المشتركة الموريتانية الجزائرية. "
              "وتستمر الدورة يومين، على أن تختتم غدا بالتوقيع على اتفاقيات.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"موريتانيا", "الجزائر"} and agreement.date == "2024-05-03"


def test_events_the_next_meeting_a_city_is_chosen_to_host_is_a_gathering_its_state_hosts():
    doc = run("عقد وزراء خارجية الأردن وسوريا وتركيا والعراق ولبنان اجتماعا في عمان أمس. "
              "واتفق المشاركون في ختام الاجتماع على أن تستضيف أنقرة الاجتماع المقبل في أيار المقبل.")
    places = {e.id: e.label for e in doc.entities}
    hosted = [e for e in doc.events if e.type is EventType.CONFERENCE][-1]
    assert labels(doc, hosted) == {"تركيا"} and places[hosted.place] == "أنقرة" and hosted.date == "2025-05"


@pytest.mark.parametrize("body, session, host", [
    # an edition numbered is a session; no side named, the state of its city hosts it
    ("وبحث الوزير سامي العلوي مع نظيره الإيطالي ماريو بيانكي في إيطاليا التحضيرات للنسخة الثانية من مؤتمر روما "
     "الدولي حول الهجرة، المقرر عقده في روما الشهر المقبل.", 2, "إيطاليا"),
])
def test_events_a_numbered_edition_held_in_a_city_is_hosted_by_its_state(body, session, host):
    doc = run(body)
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert conference.session == session and labels(doc, conference) == {host}
    assert not [e for e in run("وسلم الوزير سامي العلوي نسخة من الرسالة إلى الرئيس.").events
                if e.type is EventType.CONFERENCE]


def test_events_the_guest_visiting_is_the_last_visitor_told():
    doc = run("وصل وزير الداخلية الأردني مازن الفراية إلى رام الله أمس في زيارة رسمية. ومن المقرر أن يزور الضيف "
              "غدا الكلية الجامعية للعلوم الشرطية في أريحا.")
    places = {e.id: e.label for e in doc.entities}
    visits = [(labels(doc, e), places.get(e.place)) for e in doc.events if e.type is EventType.VISIT]
    assert visits == [({"مازن الفراية"}, "رام الله"), ({"مازن الفراية"}, "الكلية الجامعية للعلوم الشرطية")]


def test_events_two_states_ministers_in_a_row_are_two_persons():
    doc = run("وصل وزير الخارجية الياباني، تاكيشي إيوايا، إلى الرياض. وعلى هامش الاجتماع، التقى الوزير الياباني "
              "وزير الخارجية السعودي الأمير فيصل بن فرحان.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"تاكيشي إيوايا", "فيصل بن فرحان"}
    posts = {e.label: {p.title for p in e.posts} for e in doc.entities if e.type is EntityType.PERSON}
    assert posts["فيصل بن فرحان"] == {"وزير الخارجية السعودي"}


def test_events_a_joint_action_plan_is_signed():
    doc = run("وفي ختام الاجتماع، وقع الوزير تاكيشي إيوايا والأمين العام جاسم البديوي خطة العمل المشتركة للفترة المقبلة.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.AGREEMENT, {"تاكيشي إيوايا", "جاسم البديوي"})]


def test_events_a_forum_told_founded_is_a_body_not_a_gathering():
    assert run("ويعد منتدى التعاون الصيني العربي، الذي تأسس عام 2004، آلية مهمة للحوار بين الصين والدول العربية.").events == ()
    # an intended conference stays none, a comma and all
    assert run("وناقش الوزيران مؤتمر إعادة إعمار غزة الذي تعتزم مصر استضافته.").events == ()


def test_events_the_thing_signed_after_long_titles_of_its_signers():
    doc = run("وفي سياق متصل، وقع سعادة الدكتور سامي بن عبدالعزيز العلوي وزير الدولة بوزارة الخارجية، وسعادة السيد "
              "كريم الصالحي وزير الخارجية والتعاون الدولي في جمهورية رواندا، على هامش المنتدى، مذكرة تفاهم.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) >= {"سامي بن عبدالعزيز العلوي", "كريم الصالحي"}


def test_events_a_known_whole_name_ends_before_another_known_name():
    doc = run("وصل الأمين العام لجامعة الدول العربية أحمد أبو الغيط إلى بغداد. "
              "واستقبل رئيس الوزراء العراقي محمد شياع السوداني أبو الغيط في بغداد.")
    assert [labels(doc, e) for e in doc.events if e.type is EventType.MEETING] == [{"محمد شياع السوداني", "أحمد أبو الغيط"}]


def test_events_the_meeting_of_theirs_told_again_is_their_gathering():
    doc = run("وكان وزراء الخارجية العرب قد عقدوا أمس اجتماعهم التحضيري في فندق الرشيد، برئاسة وزير الخارجية "
              "العراقي فؤاد حسين، الذي تسلم رئاسة الاجتماع من نظيره البحريني عبد اللطيف الزياني.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [(EventType.CONFERENCE, {"فؤاد حسين", "عبد اللطيف الزياني"})]


def test_events_an_oath_told_past_the_day_is_taken():
    doc = run("أدى الدكتور كامل الطيب إدريس، أمس الأربعاء، اليمين الدستورية رئيسا لمجلس الوزراء.")
    assert [(e.type, e.date) for e in doc.events] == [(EventType.APPOINTMENT, "2024-05-01")]


def test_events_the_guest_arriving_and_meeting_is_the_one_received():
    doc = run("استقبل الملك سامي العلوي اليوم الرئيس القبرصي نيكوس خريستودوليدس. ووصل الضيف إلى عمان صباح اليوم "
              "في زيارة عمل، ومن المقرر أن يلتقي غدا رئيس مجلس الأعيان كريم الصالحي.")
    found = [(e.type, labels(doc, e)) for e in doc.events]
    assert found[1:] == [(EventType.VISIT, {"نيكوس خريستودوليدس"}),
                         (EventType.MEETING, {"نيكوس خريستودوليدس", "كريم الصالحي"})]


def test_events_a_visit_under_way_until_tomorrow_ends_then():
    doc = run("استقبل الوزير سامي العلوي اليوم كريم الصالحي، رئيس مجلس الوزراء في كينيا، الذي يقوم بزيارة رسمية "
              "إلى مصر بدأت أمس وتستمر حتى غد الجمعة.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.start, visit.end) == ("2024-05-01", "2024-05-03")
    # "حتى" alone dates no start: the day a visit lasts until is not when it took place
    doc = run("ويقوم الرئيس كريم الصالحي بزيارة رسمية إلى مصر تستمر حتى يوم الاثنين المقبل.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert visit.date is None


def test_events_those_taking_part_in_a_bodys_own_meeting_are_its_participants():
    doc = run("تعقد اللجنة العسكرية المشتركة اجتماعها الدوري غدا بمشاركة ممثلين عن الجيش اللبناني وإسرائيل وفرنسا.")
    assert [(e.type, labels(doc, e)) for e in doc.events] == [
        (EventType.CONFERENCE, {"اللجنة العسكرية المشتركة", "الجيش اللبناني", "إسرائيل", "فرنسا"})]


def test_events_the_two_ministers_of_a_session_sign_and_meet_on_its_sidelines():
    doc = run("استقبل رئيس الجمهورية كريم الصالحي، اليوم بقصر قرطاج، وزير الداخلية الجزائري سامي العلوي، بحضور "
              "وزير الداخلية نبيل الحداد. وكان الوزير الجزائري قد ترأس مع نظيره التونسي، أمس بمدينة طبرقة، أشغال "
              "الدورة الثالثة للجنة الثنائية الحدودية التونسية الجزائرية. وتوجت أشغال الدورة بتوقيع الوزيرين على "
              "اتفاقية تعاون. وعلى هامش الدورة، عقد الوزيران جلسة عمل ثنائية.")
    places = {e.id: e.label for e in doc.entities}
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    # "نظيره التونسي" of "الوزير الجزائري", resolved once the role is: the home minister
    assert "نبيل الحداد" in labels(doc, session)
    assert labels(doc, agreement) == {"سامي العلوي", "نبيل الحداد"}
    assert (places[agreement.place], agreement.date) == ("طبرقة", "2024-05-01")
    meeting = doc.events[-1]
    assert meeting.type is EventType.MEETING and labels(doc, meeting) == {"سامي العلوي", "نبيل الحداد"}
    assert meeting.part_of == session.id and places[meeting.place] == "طبرقة"


def test_events_visited_in_a_month_each_of_several_states():
    doc = run("وصل المبعوث ستافان دي ميستورا إلى دمشق. وبحسب مكتبه الإعلامي في جنيف، فقد زار في يوليو كلاً من "
              "الصين وتركيا ومصر.")
    places = {e.id: e.label for e in doc.entities}
    visits = [(places[e.place], e.date) for e in doc.events if e.type is EventType.VISIT and e.date]
    assert [place for place, _ in visits] == ["الصين", "تركيا", "مصر"] and len({day for _, day in visits}) == 1


def test_events_those_meeting_on_a_gatherings_sidelines_attend_it_and_it_stays_apart():
    doc = run("وعلى هامش قمة مجموعة العشرين في الصين، التقى الرئيس سامي العلوي نظيره الروسي فلاديمير بوتين.")
    summit = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {"سامي العلوي", "فلاديمير بوتين"} <= labels(doc, summit)
    doc = run("عقد الرئيس الفرنسي إيمانويل ماكرون مساء الاثنين قمة مصغرة مع قادة مجموعة دول الساحل الخمس في "
              "نواكشوط، على هامش قمة الاتحاد الأفريقي الـ31.")
    assert len([e for e in doc.events if e.type is EventType.CONFERENCE]) == 2


def test_events_the_opening_witnessed_the_attendance_of():
    doc = run("افتتح الأمير سامي العلوي اليوم أعمال النسخة الثالثة والعشرين من منتدى الدوحة. وشهد حفل الافتتاح "
              "حضور السيد أنطونيو غوتيريش الأمين العام للأمم المتحدة.")
    assert [labels(doc, e) for e in doc.events] == [{"سامي العلوي", "أنطونيو غوتيريش"}]


@pytest.mark.parametrize("opening", [
    "وأشرف على افتتاح الأشغال، التي تتواصل إلى غاية يوم غد،",   # overseeing the opening
    "وافتتح الأشغال",                                            # opening the proceedings
])
def test_events_who_opens_the_proceedings_told_before_and_who_attends_take_part(opening):
    doc = run("انطلقت أمس بالجزائر العاصمة أشغال الدورة السابعة للجمعية العامة لمنظمة الشرطة الإفريقية. "
              f"{opening} وزير الداخلية سامي العلوي، بحضور الأمين العام للمنظمة كريم الصالحي.")
    assert [e.type for e in doc.events] == [EventType.CONFERENCE]
    assert {"سامي العلوي", "كريم الصالحي"} <= labels(doc, doc.events[0])
    # the proceedings of a gathering never told: no one takes part in anything
    doc = run(f"{opening} وزير الداخلية سامي العلوي، بحضور الأمين العام للمنظمة كريم الصالحي.")
    assert all(not {"سامي العلوي", "كريم الصالحي"} & labels(doc, e) for e in doc.events)


def test_events_the_states_of_two_signers_are_parties():
    doc = run("ووقع وزير الخارجية الأردني سامي العلوي ونظيره القبرصي كريم الصالحي مذكرة تفاهم.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي", "الأردن", "قبرص"}


def test_events_the_one_arriving_in_a_relative_clause_is_on_the_visit_told_next():
    doc = run("أجرى الوزير ناصر بوريطة اليوم مباحثات مع نظيره الموريتاني محمد سالم ولد مرزوك، الذي يحل بالرباط "
              "في زيارة عمل.")
    visits = [labels(doc, e) for e in doc.events if e.type is EventType.VISIT]
    assert visits == [{"محمد سالم ولد مرزوك"}]


def test_events_a_gathering_told_twice_in_a_sentence_keeps_the_more_specific_place():
    doc = run("شهدت الدوحة اليوم افتتاح أعمال النسخة الثالثة والعشرين من منتدى الدوحة، التي تنظمها وزارة الخارجية "
              "على مدى يومين في فندق شيراتون الدوحة.")
    places = {e.id: e.label for e in doc.entities}
    conference = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert places[conference.place] == "فندق شيراتون الدوحة"


def test_events_those_whose_greetings_are_conveyed_take_no_part():
    doc = run("واستقبل الرئيس كريم الصالحي الوزير سامي العلوي. ونقل العلوي في مستهل الاستقبال تحيات الملك نبيل "
              "الحداد وولي العهد هشام الزين إلى الرئيس الصالحي.")
    assert [labels(doc, e) for e in doc.events] == [{"كريم الصالحي", "سامي العلوي"}]
    # nor the one they are conveyed to when he is not the host
    doc = run("واستقبل الرئيس كريم الصالحي الوزير سامي العلوي. ونقل الصالحي في مستهل الاستقبال تحيات الملك نبيل "
              "الحداد إلى رئيس الوزراء هشام الزين.")
    assert [labels(doc, e) for e in doc.events] == [{"كريم الصالحي", "سامي العلوي"}]


def test_events_on_the_sidelines_of_days_the_news_falls_in_is_held_that_day():
    # published 2024-05-02, within the forum's two days: a meeting on its sidelines is the news of the day
    doc = run("افتتح الرئيس نبيل الحداد أمس في الدوحة أعمال المنتدى الاقتصادي الذي يستمر يومين. "
              "وعلى هامش المنتدى، اجتمع الوزير سامي العلوي مع الوزير كريم الصالحي.")
    forum = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert (forum.start, forum.end) == ("2024-05-01", "2024-05-02")
    assert (meeting.part_of, meeting.date) == (forum.id, "2024-05-02")


def test_events_a_signer_for_no_state_named_signs_for_the_state_hosting_the_signing():
    doc = run("وقع الوزير سامي العلوي وزير الدولة بوزارة الخارجية، والوزير كريم الصالحي وزير خارجية "
              "جمهورية رواندا، اليوم في الدوحة، مذكرة تفاهم للتعاون. وتربط دولة قطر علاقات وثيقة بالبلدان الإفريقية.")
    names = {e.id: e.label for e in doc.entities}
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {names[p.entity] for p in agreement.participants} == {"سامي العلوي", "كريم الصالحي", "رواندا", "قطر"}
    # the one whose state is named signs at home: the other's state is not told
    doc = run("وقع الوزير سامي العلوي وزير خارجية دولة قطر، والوزير كريم الصالحي، اليوم في الدوحة، مذكرة تفاهم للتعاون.")
    names = {e.id: e.label for e in doc.entities}
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {names[p.entity] for p in agreement.participants} == {"سامي العلوي", "كريم الصالحي"}


def test_events_a_joint_body_of_two_states_holding_its_meeting_has_them_as_parties():
    doc = run("عقدت اللجنة العمانية الكويتية المشتركة اجتماعها السابع اليوم في مسقط.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert labels(doc, session) == {"اللجنة العمانية الكويتية المشتركة", "عمان", "الكويت"}
    # a body of one state holds a session of its own
    doc = run("عقدت اللجنة الوطنية المشتركة اجتماعها السابع اليوم في مسقط.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert labels(doc, session) == {"اللجنة الوطنية المشتركة"}


def test_events_two_states_adjectives_joined_by_a_hyphen_name_one_joint_body():
    doc = run("اختتمت اليوم بالجزائر العاصمة أشغال الدورة الـ20 للجنة الحكومية المشتركة الكبرى "
              "الجزائرية-الموريتانية برئاسة الوزير الأول نذير العرباوي.")
    orgs = [e.label for e in doc.entities if e.type is EntityType.ORGANISATION]
    assert orgs == ["اللجنة الحكومية المشتركة الكبرى الجزائرية-الموريتانية"]
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {"الجزائر", "موريتانيا"} <= labels(doc, session)


def test_events_a_bodys_counterpart_after_its_name_is_no_person():
    doc = run("اختتمت اليوم بالجزائر العاصمة أشغال الدورة الـ20 للجنة المشتركة الكبرى الجزائرية الموريتانية "
              "برئاسة الوزير الأول نذير العرباوي ونظيره الموريتاني المختار ولد أجاي. وتوجت أشغال الدورة "
              "بالتوقيع على ثماني اتفاقيات، من بينها مذكرة تفاهم بين المديرية العامة للأمن الوطني ونظيرتها الموريتانية.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"الجزائر", "موريتانيا"}


@pytest.mark.parametrize("body", [
    "اختتمت اليوم بالرباط أشغال الدورة الـ20 للجنة المشتركة، التي انطلقت أمس، برئاسة الوزير سامي العلوي.",
    "اختتمت اليوم بالرباط أشغال الدورة الـ20 للجنة المشتركة برئاسة الوزير سامي العلوي. "
    "وتوجت أشغال هذه الدورة، التي انطلقت أمس باجتماع للخبراء، بالتوقيع على اتفاقيات.",
])
def test_events_the_day_a_gathering_began_in_a_relative_clause_is_its_start(body):
    session = next(e for e in run(body).events if e.type is EventType.CONFERENCE)
    assert (session.date, session.start, session.end) == (None, "2024-05-01", "2024-05-02")


def test_events_a_relative_clause_of_another_verb_dates_nothing_new():
    doc = run("اختتمت اليوم بالرباط أشغال الدورة الـ20 للجنة المشتركة، التي عقدت أمس، برئاسة الوزير سامي العلوي.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert (session.start, session.end) == (None, None)


def test_events_a_whereas_clause_naming_its_subject_reads_no_one_before_it():
    doc = run("استقبل الرئيس سامي العلوي الوزير كريم الصالحي في بغداد، فيما تلقى الوزير نبيل الحداد "
              "اتصالا هاتفيا من الرئيس فؤاد التميمي.")
    call = next(e for e in doc.events if e.type is EventType.CALL)
    assert labels(doc, call) == {"نبيل الحداد", "فؤاد التميمي"}
    # its subject a pronoun of honour: the one told before
    doc = run("رحب الرئيس سامي العلوي بالوزير كريم الصالحي في الرياض، فيما عبر معاليه عن سعادته بزيارة المملكة.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"}


def test_events_an_undated_signing_of_two_who_met_that_day_is_dated_by_the_talks():
    doc = run("استقبل الوزير سامي العلوي أمس في مقر الوزارة نظيره كريم الصالحي. "
              "ووقع الوزيران مذكرة تفاهم للتعاون الأمني.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {"سامي العلوي", "كريم الصالحي"} <= labels(doc, agreement) and agreement.date == "2024-05-01"
    # one of them alone met that day: the signing is not dated by it
    doc = run("استقبل الوزير سامي العلوي أمس في مقر الوزارة السفير نبيل الحداد. "
              "ووقع الوزير سامي العلوي والوزير كريم الصالحي مذكرة تفاهم للتعاون الأمني.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي"} and agreement.date is None


def test_events_the_state_an_envoy_is_posted_to_is_no_place():
    doc = run("واستهل الوزير سامي العلوي لقاءاته اليوم من قصر بعبدا، حيث استقبله الرئيس كريم الصالحي "
              "في حضور السفير الفرنسي لدى لبنان نبيل الحداد.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert {e.id: e.label for e in doc.entities}[meeting.place] == "قصر بعبدا"


@pytest.mark.parametrize("palace", ["قصر الشاطئ", "قصر بيان"])
def test_events_an_oath_taken_in_a_palace_is_taken_there(palace):
    doc = run(f"أدى السفير سامي العلوي اليمين القانونية أمام الأمير كريم الصالحي في {palace} اليوم.")
    oath = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert {e.id: e.label for e in doc.entities}[oath.place] == palace
    # an appointment takes no place of the article's
    doc = run("أعلنت الرئاسة من قصر الشاطئ أن الأمير استقبل الوزير نبيل الحداد. وعين الأمير كريم الصالحي السيد سامي العلوي سفيرا.")
    assert next(e for e in doc.events if e.type is EventType.APPOINTMENT).place is None


@pytest.mark.parametrize("after, end", [
    ("وتستمر أشغال الدورة يومين بمشاركة خبراء من البلدين.", "2024-05-03"),
    ("وأشرف على افتتاح الأشغال، التي تتواصل إلى غاية يوم غد الجمعة، الوزير نبيل الحداد.", "2024-05-03"),
    ("وتتواصل أشغال الدورة ثلاثة أيام بمشاركة خبراء من البلدين.", "2024-05-04"),
    ("ومن المقرر أن تختتم أشغال الدورة غدا الجمعة.", "2024-05-03"),
])
def test_events_how_long_a_gathering_lasts_told_in_a_sentence_of_its_own(after, end):
    doc = run("انطلقت اليوم بالرباط أشغال الدورة الـ19 للجنة المشتركة برئاسة الوزير سامي العلوي. " + after)
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert (session.date, session.start, session.end) == (None, "2024-05-02", end)


def test_events_a_sentence_of_lasting_without_the_gathering_changes_nothing():
    doc = run("انطلقت اليوم بالرباط أشغال الدورة الـ19 للجنة المشتركة برئاسة الوزير سامي العلوي. "
              "ويستمر الإضراب في القطاع الصحي ثلاثة أيام.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert (session.date, session.start, session.end) == ("2024-05-02", None, None)


def test_events_a_length_after_a_session_word_is_no_number_of_it():
    doc = run("وتتواصل أشغال الدورة الـ19 للجنة المشتركة بالرباط ثلاثة أيام. وتتواصل أشغال الدورة ثلاثة أيام.")
    assert [e.session for e in doc.events if e.type is EventType.CONFERENCE] == [19]


def test_events_until_ends_the_gathering_under_way_past_a_second_gathering_word():
    doc = run("افتتح الوزير سامي العلوي اليوم فعاليات الدورة الثامنة من معرض ومؤتمر الأمن الوطني، "
              "الذي تنظمه وزارة الداخلية في الرباط ويستمر حتى 4 مايو الجاري.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert (session.start, session.end) == ("2024-05-02", "2024-05-04")


def test_events_a_day_of_arrival_starts_the_visit_and_dates_the_meeting_held_on_it():
    doc = run("وكان الوزير سامي العلوي قد وصل مساء أمس إلى نواكشوط في زيارة رسمية.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.date, visit.start, visit.end) == (None, "2024-05-01", None)
    doc = run("وصل الوزير سامي العلوي أمس إلى دمشق حيث التقى الوزير كريم الصالحي.")
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert meeting.date == "2024-05-01"
    # a visit of a length told from its arrival
    doc = run("وصل الوزير سامي العلوي أمس إلى نواكشوط في زيارة تستمر ثلاثة أيام.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert (visit.start, visit.end) == ("2024-05-01", "2024-05-03")


def test_events_the_guest_as_subject_before_a_verb_of_arriving_is_the_one_received():
    doc = run("استقبل الرئيس سامي العلوي أمس في قصر الوطن الرئيس كريم الصالحي. "
              "وكان الضيف قد وصل إلى أبوظبي مساء أول أمس في زيارة تستغرق ثلاثة أيام.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"} and (visit.start, visit.end) == ("2024-04-30", "2024-05-02")


def test_events_those_received_as_taking_part_in_the_gathering_are_its_persons():
    doc = run("انطلق اليوم في عمان الاجتماع الوزاري الخماسي بمشاركة الوزير سامي العلوي والوزير كريم الصالحي "
              "والوزير نبيل الحداد. واستقبل الملك فؤاد التميمي، في قصر الحسينية، الوزراء المشاركين في "
              "الاجتماع، بحضور الأمير حسين الراشد.")
    reception = next(e for e in doc.events if e.type is EventType.MEETING)
    names = {e.id: e.label for e in doc.entities}
    roles = {names[p.entity]: p.role for p in reception.participants}
    assert roles == {"فؤاد التميمي": Role.HOST, "سامي العلوي": Role.GUEST, "كريم الصالحي": Role.GUEST,
                     "نبيل الحداد": Role.GUEST, "حسين الراشد": None}


def test_events_those_taking_part_received_with_no_day_told_are_received_on_the_gatherings():
    doc = run("انطلق أمس في عمان الاجتماع الوزاري الخماسي بمشاركة الوزير سامي العلوي والوزير كريم الصالحي. "
              "واستقبل الملك فؤاد التميمي، في قصر الحسينية، الوزراء المشاركين في الاجتماع.")
    reception = next(e for e in doc.events if e.type is EventType.MEETING)
    assert reception.date == "2024-05-01" and {e.id: e.label for e in doc.entities}[reception.place] == "قصر الحسينية"


def test_events_those_attending_the_reception_and_the_signing_attend_both_with_no_role():
    doc = run("استقبل الوزير سامي العلوي اليوم في ديوان الوزارة نظيره العراقي كريم الصالحي. وشهد الوزيران "
              "توقيع مذكرة تفاهم للتعاون الأمني. حضر الاستقبال والتوقيع الوزير نبيل الحداد، واللواء فؤاد التميمي.")
    names = {e.id: e.label for e in doc.entities}
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {names[p.entity]: p.role for p in meeting.participants} == {
        "سامي العلوي": Role.HOST, "كريم الصالحي": Role.GUEST, "نبيل الحداد": None, "فؤاد التميمي": None}
    assert {"نبيل الحداد", "فؤاد التميمي"} <= labels(doc, agreement)
    # attending the reception alone: the signing keeps its signers
    doc = run("استقبل الوزير سامي العلوي اليوم في ديوان الوزارة نظيره العراقي كريم الصالحي. وشهد الوزيران "
              "توقيع مذكرة تفاهم للتعاون الأمني. حضر الاستقبال الوزير نبيل الحداد.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي"}


def test_events_the_pair_signing_between_two_governments_signs_with_their_states():
    doc = run("استقبل الوزير سامي العلوي اليوم نظيره العراقي كريم الصالحي. وعقب اللقاء، وقع الوزيران مذكرة تفاهم "
              "بين حكومة المملكة العربية السعودية وحكومة جمهورية العراق في مجال مكافحة المخدرات.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سامي العلوي", "كريم الصالحي", "المملكة العربية السعودية", "العراق"}


def test_events_the_chair_of_the_opening_session_and_the_one_elected_to_preside_take_part():
    doc = run("اختتم مجلس وزراء الداخلية العرب اليوم أعمال دورته العادية الـ43 في تونس. وترأس الجلسة الافتتاحية "
              "أمس الرئيس الفخري للمجلس، وزير الداخلية السعودي الأمير سامي العلوي، فيما انتخب المجلس وزير الداخلية "
              "الكويتي الشيخ كريم الصالحي رئيساً للدورة الحالية.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {"سامي العلوي", "كريم الصالحي"} <= labels(doc, session)
    # elected to another office: no part in the session told
    doc = run("اختتم مجلس وزراء الداخلية العرب اليوم أعمال دورته العادية الـ43 في تونس. "
              "وانتخب البرلمان الشيخ كريم الصالحي رئيساً للحكومة.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert "كريم الصالحي" not in labels(doc, session)


def test_events_a_session_with_a_pronoun_is_organised_by_the_body_told_organising():
    doc = run("اختتم مجلس وزراء الداخلية العرب اليوم أعمال دورته العادية الـ43 في تونس. "
              "كما وافق المجلس على عرض المملكة المغربية احتضان دورته الـ44 في مدينة مراكش مطلع العام المقبل.")
    sessions = {e.session: labels(doc, e) for e in doc.events if e.type is EventType.CONFERENCE}
    assert "مجلس وزراء الداخلية العرب" in sessions[44]


def test_events_arriving_in_the_country_is_a_visit_to_the_newsrooms_state():
    doc = run("مسقط في 2 مايو /العمانية/ استقبل السلطان سامي العلوي اليوم الوزير كريم الصالحي، وزير خارجية دولة "
              "الكويت. وكان وزير الخارجية الكويتي قد وصل إلى البلاد مساء أمس في زيارة رسمية تستغرق يومين. "
              "وتربط سلطنة عمان بالكويت علاقات وثيقة.")
    visit = next(e for e in doc.events if e.type is EventType.VISIT)
    assert labels(doc, visit) == {"كريم الصالحي"} and {e.id: e.label for e in doc.entities}[visit.place] == "عمان"


def test_events_a_meeting_numbered_by_a_written_ordinal_of_a_committee_is_its_session():
    doc = run("وترأس الوزيران اليوم أعمال الاجتماع السابع للجنة العمانية الكويتية المشتركة، الذي عقد بديوان عام وزارة الخارجية.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert session.session == 7 and "اللجنة العمانية الكويتية المشتركة" in labels(doc, session)
    # the first sitting of a parliament's session is no session of its own
    doc = run("انتخب مجلس النواب اليوم الوزير سامي العلوي رئيسا للمجلس في الجلسة الأولى للدورة النيابية السادسة.")
    assert [e.session for e in doc.events if e.type is EventType.CONFERENCE] == [6]


@pytest.mark.parametrize("between", ["", "في وقت سابق "])
def test_events_the_two_before_a_dual_verb_of_chairing_take_part(between):
    doc = run(f"وكان الوزير سامي العلوي ونظيره الكويتي كريم الصالحي قد ترأسا {between}اليوم أعمال الاجتماع "
              "السابع للجنة العمانية الكويتية المشتركة.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert {"سامي العلوي", "كريم الصالحي"} <= labels(doc, session)
    # a singular verb after them: its subject follows it
    doc = run(f"وكان الوزير سامي العلوي قد أعلن أن يترأس {between}اليوم الوزير كريم الصالحي أعمال الاجتماع "
              "السابع للجنة العمانية الكويتية المشتركة.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert "كريم الصالحي" in labels(doc, session)


def test_events_a_dual_after_two_who_chaired_a_session_refers_to_them():
    doc = run("استقبل السلطان فؤاد التميمي اليوم الوزير كريم الصالحي، وزير خارجية دولة الكويت، الذي نقل إليه رسالة من "
              "أمير دولة الكويت الشيخ هشام الزين. وحضر المقابلة الوزير سامي العلوي، وزير الخارجية، والسفير نبيل الحداد. "
              "وكان وزير الخارجية ونظيره الكويتي قد ترأسا في وقت سابق اليوم أعمال الاجتماع السابع للجنة العمانية "
              "الكويتية المشتركة. وفي ختام الاجتماع، وقع الجانبان على مذكرة تفاهم في مجال التدريب الدبلوماسي.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {"سامي العلوي", "كريم الصالحي"} <= labels(doc, session)
    assert labels(doc, agreement) >= {"سامي العلوي", "كريم الصالحي"} and "فؤاد التميمي" not in labels(doc, agreement)


def test_events_the_supreme_council_of_a_body_is_its_organ_and_of_no_body_a_body_itself():
    doc = run("وتطرق الوزيران إلى التحضيرات لانعقاد الدورة الـ45 للمجلس الأعلى لمجلس التعاون لدول الخليج العربية "
              "في دولة الكويت في الأول من ديسمبر المقبل.")
    orgs = {e.label for e in doc.entities if e.type is EntityType.ORGANISATION}
    assert orgs == {"المجلس الأعلى لمجلس التعاون لدول الخليج العربية", "مجلس التعاون لدول الخليج العربية"}
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert session.session == 45 and "مجلس التعاون لدول الخليج العربية" in labels(doc, session)
    doc = run("واستقبل الوزير سامي العلوي رئيس المجلس الأعلى للقضاء كريم الصالحي.")
    assert {e.label for e in doc.entities if e.type is EntityType.ORGANISATION} == {"المجلس الأعلى للقضاء"}


def test_events_an_organ_of_a_body_told_by_a_common_noun_is_no_name():
    doc = run("وضم الوفد عضوين من المكتب السياسي للجماعة.")
    assert not any(e.label.startswith("المكتب السياسي") for e in doc.entities)


def test_events_the_pair_in_whose_presence_a_signing_is_done_attend_it():
    doc = run("استقبل الرئيس سامي العلوي اليوم في قصر قرطاج الرئيس الغاني كريم الصالحي. ووقع مذكرة التفاهم عن الجانب "
              "التونسي الوزير نبيل الحداد، وعن الجانب الغاني الوزير فؤاد التميمي، بحضور الرئيسين.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {"سامي العلوي", "كريم الصالحي", "نبيل الحداد", "فؤاد التميمي"} <= labels(doc, agreement)
    assert agreement.date == "2024-05-02"   # the day of the talks of the two who attend


def test_events_an_undated_signing_between_the_states_of_two_who_met_is_dated_by_their_talks():
    doc = run("استقبل الرئيس التونسي سامي العلوي أمس في قصر قرطاج الرئيس الغاني كريم الصالحي. "
              "وجرى خلال الزيارة التوقيع على اتفاقية للتعاون الأمني بين تونس وغانا.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"تونس", "غانا"} and agreement.date == "2024-05-01"
    # a signing between other states keeps no day
    doc = run("استقبل الرئيس التونسي سامي العلوي أمس في قصر قرطاج الرئيس الغاني كريم الصالحي. "
              "ويذكر أنه جرى التوقيع على اتفاقية للتعاون الأمني بين مصر والسودان.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert agreement.date is None


def test_events_a_forum_whose_meeting_is_told_is_a_body_a_session_of_it_the_gathering():
    doc = run("شارك الوزير سامي العلوي اليوم في أشغال الاجتماع الوزاري العاشر لمنتدى التعاون العربي الصيني في الرباط.")
    session = next(e for e in doc.events if e.type is EventType.CONFERENCE)
    assert "منتدى التعاون العربي الصيني" in labels(doc, session)
    doc = run("انطلقت اليوم في موسكو الدورة الرابعة لمنتدى التعاون العربي الروسي.")
    assert not any(e.type is EntityType.ORGANISATION for e in doc.entities)


def test_events_an_appointment_is_to_the_body_of_the_post_given_not_the_appointing_one():
    doc = run("عين المجلس الرئاسي اليوم اللواء كريم الصالحي رئيسا لجهاز المخابرات الليبية.")
    appointment = next(e for e in doc.events if e.type is EventType.APPOINTMENT)
    assert labels(doc, appointment) == {"كريم الصالحي", "جهاز المخابرات الليبية"}


def test_events_the_guest_moving_on_is_the_one_who_meets_where_he_goes():
    doc = run("استقبل الرئيس كريم الصالحي اليوم الموفد سامي العلوي. "
              "ثم انتقل الضيف إلى الرباط حيث التقى رئيس مجلس النواب نبيل الحداد.")
    meetings = [labels(doc, e) for e in doc.events if e.type is EventType.MEETING]
    assert meetings == [{"كريم الصالحي", "سامي العلوي"}, {"سامي العلوي", "نبيل الحداد"}]


def test_events_exchange_of_agreements_is_signed_by_the_meetings_sides():
    # "تبادل عدد من الاتفاقيات" after a reception: its host and guest sign, not those
    # the sentence before names as attending ("حضر اللقاء")
    doc = run("استقبل الرئيس سليم حداد اليوم في قصر الوطن الرئيس الكازاخستاني قاسم توكاييف الذي يقوم بزيارة دولة.\n"
              "حضر اللقاء الشيخ سامي العلوي نائب رئيس الدولة، والشيخ كريم الصالحي وزير الخارجية.\n"
              "وجرى عقب اللقاء تبادل عدد من الاتفاقيات، من بينها اتفاقية بين حكومتي البلدين.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert labels(doc, agreement) == {"سليم حداد", "قاسم توكاييف"}


@pytest.mark.parametrize("body, day", [
    # the date of what a relative clause tells of a participant is not the meeting's
    ("عقد الوزير سامي العلوي لقاء مع الرئيس كريم الصالحي الذي فاز في انتخابات الأول من مارس.", None),
    ("عقد الوزير سامي العلوي لقاء مع الرئيس كريم الصالحي في الأول من مارس الماضي.", "2024-03-01"),
    # a day told from the article's in the clause is the occasion's own
    ("استقبل الرئيس سامي العلوي الوزير كريم الصالحي الذي رافقه السفير نبيل منصور يوم الاثنين بقصر الضيافة.",
     "2024-04-29"),
])
def test_events_time_in_a_relative_clause_on_a_participant_dates_no_meeting(body, day):
    meeting = next(e for e in run(body).events if e.type is EventType.MEETING)
    assert meeting.date == day


def test_events_agreement_of_officials_of_two_states_binds_their_states():
    # the host's state comes from the people gazetteer, the guest's from his post
    doc = run("وصل رئيس كازاخستان قاسم جومارت توكاييف اليوم إلى الإمارات في زيارة رسمية. "
              "واستقبله الشيخ محمد بن زايد آل نهيان في قصر الوطن، حيث شهد الجانبان توقيع عدد من الاتفاقيات.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    states = {doc.entity(p.entity).label_en for p in agreement.participants
              if doc.entity(p.entity).type is EntityType.COUNTRY}
    assert states == {"Kazakhstan", "United Arab Emirates"}


LEAD = "أكد وزير الداخلية سامي العلوي {day} أهمية التعاون الأمني مع إيطاليا. "


@pytest.mark.parametrize("lead, second, dated", [
    # the news of the lead's day: the meeting told right after it, undated, was that day
    (LEAD.format(day="الثلاثاء"), "وشدد العلوي عقب لقاء جمعه بنظيره الإيطالي ماركو بيانكي على تأمين الحدود.",
     "2024-04-30"),
    # told in the past perfect: an earlier meeting
    (LEAD.format(day="الثلاثاء"), "وكان العلوي قد التقى نظيره الإيطالي ماركو بيانكي في روما.", None),
    # a day after the article's is no news yet
    (LEAD.format(day="غدا الجمعة"), "وشدد العلوي عقب لقاء جمعه بنظيره الإيطالي ماركو بيانكي على تأمين الحدود.",
     None),
    # the lead's day is a visit's, which lasts days
    ("يبدأ وزير الداخلية سامي العلوي الثلاثاء زيارة إلى إيطاليا تستمر ثلاثة أيام. ",
     "وسيعقد العلوي لقاء مع نظيره الإيطالي ماركو بيانكي.", None),
])
def test_events_an_undated_meeting_after_the_lead_is_on_the_leads_day(lead, second, dated):
    doc = run(lead + second)
    meeting = next(e for e in doc.events if e.type is EventType.MEETING)
    assert labels(doc, meeting) == {"سامي العلوي", "ماركو بيانكي"}
    assert meeting.date == dated


def test_events_signatories_told_in_the_next_sentence_sign_the_agreement_told_before():
    doc = run("وجرى التوقيع على مذكرة تفاهم بين وزارة الداخلية المصرية ونظيرتها الأردنية. ووقعها عن "
              "الجانب المصري الوزير محمود توفيق، وعن الجانب الأردني الوزير مازن الفراية.")
    assert [e.type for e in doc.events] == [EventType.AGREEMENT]
    assert {"محمود توفيق", "مازن الفراية", "مصر", "الأردن"} <= labels(doc, doc.events[0])
    # its impact ("وقعها على الأسواق"), opening a sentence, signs nothing
    doc = run("وجرى التوقيع على مذكرة تفاهم بين وزارة الداخلية المصرية ونظيرتها الأردنية. ووقعها على "
              "الأسواق كان كبيرا بحسب الوزير مازن الفراية.")
    assert "مازن الفراية" not in labels(doc, doc.events[0])


def test_events_agreement_of_officials_of_one_state_binds_no_state():
    doc = run("وقع وزير الطاقة المغربي سامي العلوي ووزير المالية المغربي كريم الصالحي اليوم بالرباط اتفاقية للتعاون.")
    agreement = next(e for e in doc.events if e.type is EventType.AGREEMENT)
    assert {doc.entity(p.entity).type for p in agreement.participants} == {EntityType.PERSON}


def test_events_hosting_award_is_dated_by_the_gathering_that_chose_not_by_the_hosted_event():
    doc = run("اختتمت اليوم في الرباط أشغال الدورة العاشرة لمجلس وزراء الداخلية العرب. "
              "وفي ختام الدورة، وافق الوزراء على اختيار تونس لاحتضان الدورة المقبلة العام المقبل.")
    award = next(e for e in doc.events if e.type is EventType.HOSTING_AWARD)
    assert award.date == "2024-05-02"   # the session's day; "العام المقبل" is the hosted session's
    assert doc.entity(award.place).label_en == "Rabat"


def test_events_hosting_award_takes_the_day_and_venue_its_gathering_merged_with():
    # the headline tells the gathering undated; the body's "انطلقت اليوم ... أعمال الاجتماع",
    # read apart and merged into it, gives its day and venue, and so the award's
    doc = run("مسقط - انطلقت في قصر العلم اليوم الأربعاء أعمال الاجتماع الثلاثين لأصحاب السمو والمعالي "
              "وزراء الداخلية بدول مجلس التعاون لدول الخليج العربية برئاسة وزير الداخلية العماني حمود "
              "البوسعيدي وبمشاركة الأمين العام لمجلس التعاون جاسم البديوي. وفي ختام اجتماعهم وافق الوزراء "
              "على استضافة دولة قطر للاجتماع المقبل في نوفمبر 2025.",
              title="انطلاق اجتماع وزراء الداخلية لدول مجلس التعاون الخليجي في مسقط")
    award = next(e for e in doc.events if e.type is EventType.HOSTING_AWARD)
    gathering = next(e for e in doc.events if e.type is EventType.CONFERENCE and e.date == "2024-05-02")
    assert award.date == "2024-05-02"
    assert award.place == gathering.place and doc.entity(award.place).label == "قصر العلم"


def test_events_body_named_after_a_comma_is_not_the_gathering_awarded():
    # the committee that voted, in the clause after the award, is not what the host organises:
    # its body chose (GUIDE 2), where and when it voted
    doc = run("فاز المغرب بتنظيم كأس إفريقيا، إثر تصويت اللجنة التنفيذية للاتحاد الإفريقي لكرة القدم "
              "في القاهرة يوم الأربعاء.")
    assert [e.type for e in doc.events] == [EventType.HOSTING_AWARD]
    award = doc.events[0]
    assert labels(doc, award) == {"المغرب", "الاتحاد الأفريقي لكرة القدم"}
    assert doc.entity(award.place).label == "القاهرة" and award.date == "2024-05-01"


@pytest.mark.parametrize("text, body, place", [
    # the body voting is no gathering to be hosted, though its name has one's word ("المعارض")
    ("فازت الرياض بشرف استضافة معرض إكسبو 2030 بعد تصويت الدول الأعضاء في المكتب الدولي للمعارض بباريس "
     "أمس الأربعاء.", "المكتب الدولي للمعارض", "باريس"),
    ("نالت الجزائر شرف احتضان الألعاب المتوسطية بمدينة وهران، بقرار من اللجنة الدولية للألعاب المتوسطية.",
     "اللجنة الدولية للألعاب المتوسطية", None),
])
def test_events_the_body_voting_or_deciding_after_an_award_chose_the_host(text, body, place):
    doc = run(text)
    assert [e.type for e in doc.events] == [EventType.HOSTING_AWARD]
    award = doc.events[0]
    assert body in labels(doc, award)
    assert (doc.entity(award.place).label if award.place else None) == place
    # without a vote, a body after the award is what is hosted, not who chose
    plain = run("أعلن اليوم اختيار المغرب لتنظيم الجمعية العامة للأنتربول بمراكش سنة 2025.")
    award = next(e for e in plain.events if e.type is EventType.HOSTING_AWARD)
    assert labels(plain, award) == {"المغرب"}


@pytest.mark.parametrize("published, day", [
    ("2024-05-02", "2024-05-01"),   # the gathering goes on: its first day, told as yesterday
    ("2024-05-03", "2024-05-03"),   # it closed today: its last day
])
def test_events_hosting_award_at_a_gathering_of_days_takes_its_body_and_its_day_told(published, day):
    text = ("انطلقت أمس بقصر المؤتمرات أشغال الدورة السابعة للجمعية العامة لمنظمة التعاون الأمني الإفريقي، "
            "وتستمر ثلاثة أيام. كما صادقت الجمعية العامة بالإجماع على اختيار السنغال لاحتضان دورتها الثامنة.")
    if published == "2024-05-03":
        text = ("اختتمت اليوم بقصر المؤتمرات أشغال الدورة السابعة للجمعية العامة لمنظمة التعاون الأمني "
                "الإفريقي، التي استمرت ثلاثة أيام. كما صادقت الجمعية العامة على اختيار السنغال لاحتضان دورتها الثامنة.")
    doc = extract(replace(make_document(text, "خبر"), published=date.fromisoformat(published)))
    award = next(e for e in doc.events if e.type is EventType.HOSTING_AWARD)
    assert award.date == day
    assert labels(doc, award) == {"السنغال", "منظمة التعاون الأمني الإفريقي"}   # the gathering's organiser chose
    assert doc.entity(award.place).label == "قصر المؤتمرات"


def test_events_hosting_award_told_as_before_the_news_takes_no_day_of_its_gathering():
    doc = run("بعد اختيار المغرب لتنظيم الدورة المقبلة للجمعية العامة.. رئيس المنظمة يستقبل الوزير\n"
              "استقبل رئيس منظمة التعاون الأمني الإفريقي اليوم الوزير سامي العلوي على هامش أشغال الدورة السابعة "
              "للجمعية العامة للمنظمة، التي انعقدت من 28 أبريل الماضي إلى غاية 2 ماي الجاري. وجاء هذا "
              "الاستقبال بعد نيل المغرب شرف تنظيم الدورة المقبلة للجمعية العامة.")
    award = next(e for e in doc.events if e.type is EventType.HOSTING_AWARD)
    assert award.date is None


def test_events_hosting_award_by_a_body_of_its_own_is_not_dated_by_another_gathering():
    doc = run("نظمت جامعة الدول العربية مؤتمرا في القاهرة يوم الاثنين. "
              "وأعلن الاتحاد الدولي لكرة القدم اختيار المغرب لتنظيم كأس العالم 2030.")
    award = next(e for e in doc.events if e.type is EventType.HOSTING_AWARD)
    assert award.date is None


def test_events_no_method_of_the_finder_is_defined_in_two_of_its_parts():
    # EventFinder is composed of mixins (kg.extract.frames, meetings, parents...): a method
    # named alike in two of them silently resolves to the first in the MRO
    from collections import defaultdict
    from kg.extract.events import EventFinder
    owners = defaultdict(list)
    for cls in EventFinder.__mro__[:-1]:
        for name, value in vars(cls).items():
            if callable(value) and not name.startswith("__"):
                owners[name].append(cls.__name__)
    assert {name: classes for name, classes in owners.items() if len(classes) > 1} == {}
