"""kg.link.resolve: role phrases within one article."""

import pytest

from kg.model import EntityType
from kg.pipeline import STAGES, Pipeline
from kg.reader import make_document

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
