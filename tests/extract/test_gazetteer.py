"""The gazetteer's reading of city names after proclitics, on sentences written for these tests."""

from bisect import bisect_left, bisect_right

import pytest
from hypothesis import given, settings

from kg.extract.gazetteer import Gazetteer
from kg.model import EntityType
from kg.pipeline import extract
from kg.reader import make_document
from kg.text.segment import tokenize

from ..strategies import SCALE, news_text


def cities(body):
    doc = extract(make_document(body, "خبر"))
    return {name for e in doc.entities if e.type is EntityType.CITY for name in (e.label, *e.names)}


@pytest.mark.parametrize("body, absent", [
    # ف + a short foreign city name: the agency and channel names, not Reims
    ("وقال المتحدث لوكالة فرانس برس إن الاجتماع انتهى.", "رانس"),
    ("وأضاف في مقابلة مع قناة فرانس 24 أن الحوار مستمر.", "رانس"),
    # a given name, not ب + Oulu
    ("استقبل الرئيس رئيس الوزراء الإيطالي باولو جنتيلوني.", "أولو"),
    # an ordinary word with and without a conjunction: banks, not ب + Nuuk
    ("وناقش الوزير مع ممثلي بنوك وطنية تمويل المشاريع.", "نوك"),
    ("وحضر ممثلو الحكومة وبنوك خاصة.", "نوك"),
])
def test_gazetteer_blocked_word_is_no_clitic_and_city(body, absent):
    assert absent not in cities(body)


@pytest.mark.parametrize("body, present", [
    # capitals and towns of Arab states keep their readings after a proclitic
    ("وصل الوزير إلى الخرطوم بعد محادثات أجراها بلندن.", "لندن"),
    ("اجتمع المسؤولون بالرباط لبحث التعاون.", "الرباط"),
    ("وعقد اللقاء بتعز بحضور المحافظ.", "تعز"),
    ("وتوجه الوفد لاحقا إلى جدة بعد أن حل بجدة أمس.", "جدة"),
    ("ونظم المعرض بجنيف في الربيع.", "جنيف"),
])
def test_gazetteer_city_after_proclitic_is_still_read(body, present):
    assert present in cities(body)


def places(body):
    doc = extract(make_document(body, "خبر"))
    by_id = {e.id: e for e in doc.entities}
    return {(e.type, e.label) for e in doc.entities}, [by_id[event.place].label for event in doc.events if event.place]


@pytest.mark.parametrize("body, place", [
    # "the capital" + a country's adjective is that capital where the article names it
    ("التقى الوزير كمال الهاشمي في العاصمة المصرية الرئيس سامي الجلاصي. وتشهد القاهرة ازدحاما.", "القاهرة"),
    ("عقد الرئيس حسن الزين قمة في العاصمة الإثيوبية أديس أبابا أمس.", "أديس أبابا"),
    # else the country its adjective names: the capital is not named (GUIDE 1)
    ("زار الرئيس عمر الطيب العاصمة الروسية أمس.", "روسيا"),
])
def test_gazetteer_capital_phrase_is_a_place(body, place):
    _, found = places(body)
    assert place in found


@pytest.mark.parametrize("body, present, absent", [
    ("زار الرئيس عمر الطيب العاصمة الروسية أمس.", (EntityType.COUNTRY, "روسيا"), (EntityType.CITY, "موسكو")),
    ("وصل الوفد إلى العاصمة الإيطالية ثم غادر إلى روما.", (EntityType.CITY, "روما"), None),
    ("وصل الوفد إلى العاصمة الإيطالية ثم غادر إلى روما.", (EntityType.COUNTRY, "إيطاليا"), None),
])
def test_gazetteer_capital_phrase_names_the_country_not_the_city(body, present, absent):
    found, _ = places(body)
    assert present in found
    assert absent not in found


@settings(max_examples=150 * SCALE, deadline=None)
@given(news_text(max_pieces=15))
def test_gazetteer_places_each_mention_on_the_tokens_its_characters_cover(text):
    # find_placed gives each mention its tokens from the match itself; they are
    # the first token ending after its start and the last one ending at its end
    tokens = tokenize(text)
    ends = [token.span.end for token in tokens]
    for first, last, mention in Gazetteer.bundled().find_placed(tokens, 0, len(tokens)):
        assert first == bisect_right(ends, mention.span.start)
        assert last == bisect_left(ends, mention.span.end) + 1
    assert Gazetteer.bundled().find(tokens, 0, len(tokens)) == \
        [mention for _, _, mention in Gazetteer.bundled().find_placed(tokens, 0, len(tokens))]
