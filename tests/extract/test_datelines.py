"""The agency a wire's dateline names is the article's publisher, no entity (GUIDE 1)."""

import pytest

from kg.extract.datelines import dateline_agency
from kg.model import EntityType
from kg.pipeline import extract
from kg.reader import make_document


def organisations(body):
    doc = extract(make_document(body, "خبر"))
    return {e.label for e in doc.entities if e.type is EntityType.ORGANISATION}


@pytest.mark.parametrize("body", [
    "بكين 12 مارس 2024 (شينخوا) التقى الرئيس الصيني وزير الخارجية المصري.",
    "الكويت - 12 - 3 (كونا) -- انطلقت اليوم أعمال الاجتماع. وقالت وكالة الأنباء الكويتية إن الاجتماع مهم.",
    "أبوظبي في 12 مارس / وام / استقبل الشيخ سالم الرئيس الفرنسي.",
    "بورتسودان (سونا) - أدى الوزير سليم حداد اليمين الدستورية.",
])
def test_datelines_publisher_is_no_entity(body):
    found = organisations(body)
    assert not any("وكالة" in label or "وام" in label for label in found), found


@pytest.mark.parametrize("body, agency", [
    # an agency the body cites is an entity
    ("ونقلت وكالة الأنباء السودانية أن الرئيس سيزور أديس أبابا.", "وكالة"),
    ("الخرطوم - قال الرئيس لوكالة الأنباء السودانية إنه سيزور أديس أبابا.", "وكالة"),
])
def test_datelines_cited_agency_stays(body, agency):
    assert any(agency in label for label in organisations(body))


def test_datelines_no_dateline_no_publisher():
    doc = extract(make_document("وكالة الأنباء الكويتية تحتفل بذكرى تأسيسها اليوم في الكويت.", "خبر"))
    assert dateline_agency(doc, doc.mentions) is None
    assert any(e.type is EntityType.ORGANISATION for e in doc.entities)
