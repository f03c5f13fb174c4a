"""CAMEO codes chosen from the sides' and the place's countries, on sentences written for these tests."""

from datetime import date
from dataclasses import replace

import pytest

from kg.model import EventType
from kg.pipeline import extract
from kg.reader import make_document


def events(body):
    doc = extract(replace(make_document(body, "خبر"), published=date(2024, 5, 2)))
    return {event.type: event.cameo for event in doc.events}


@pytest.mark.parametrize("body, event_type, code", [
    # the host meets the guest at home (Rabat is in Morocco, the host's post is Moroccan)
    ("استقبل وزير الداخلية المغربي، كريم الصالحي، اليوم بالرباط، الأمين العام للجامعة العربية.", EventType.MEETING, "043"),
    # an official of an international organisation is at home nowhere: Vienna is a third place
    ("استقبل رئيس الإنتربول، اليوم بفيينا، وزير الداخلية المغربي كريم الصالحي.", EventType.MEETING, "044"),
    ("أجرى وزير الخارجية المغربي سعيد العلوي اتصالا هاتفيا مع نظيره الأردني أيمن الصفدي.", EventType.CALL, "041"),
    ("زار وزير الخارجية المغربي سعيد العلوي القاهرة أمس.", EventType.VISIT, "042"),
    ("وقع المغرب والأردن اليوم اتفاقية للتعاون الأمني.", EventType.AGREEMENT, "057"),
])
def test_cameo_codes(body, event_type, code):
    assert events(body).get(event_type) == code


def test_cameo_unknown_home_is_not_taken_as_away():
    # nothing says where the host is at home: consult (040), not "third location"
    assert events("استقبل السيد كريم الصالحي اليوم بالرباط السيد سليم حداد.").get(EventType.MEETING) == "040"
