from datetime import date

import pytest

from kg.extract.dates import find_dates
from kg.text.segment import tokenize

ANCHOR = date(2023, 12, 1)  # a Friday


def dates_in(text, anchor=ANCHOR):
    tokens = tokenize(text)
    return [(text[t.span.start:t.span.end], t.value or (t.start, t.end)) for t in find_dates(tokens, 0, len(tokens), anchor)]


@pytest.mark.parametrize("text, expected", [
    ("اجتمعا اليوم الجمعة في الرباط", [("اليوم الجمعة", "2023-12-01")]),
    ("وصل أمس إلى الرباط", [("أمس", "2023-11-30")]),
    ("يزور الأحد المقبل القاهرة", [("الأحد المقبل", "2023-12-03")]),
    ("التقيا يوم الأربعاء", [("يوم الأربعاء", "2023-11-29")]),
    ("في 5 يناير 2024", [("5 يناير 2024", "2024-01-05")]),
    ("في 5 جانفي الماضي", [("5 جانفي الماضي", "2023-01-05")]),
    ("في كانون الأول 2022", [("كانون الأول 2022", "2022-12")]),
    ("في فاتح دجنبر الحالي", [("فاتح دجنبر الحالي", "2023-12-01")]),
    ("خلال الشهر الماضي", [("الشهر الماضي", "2023-11")]),
    ("بمدينة مراكش سنة 2025", [("سنة 2025", "2025")]),
    ("الموافق ٣/١٢/٢٠٢٣", [("٣/١٢/٢٠٢٣", "2023-12-03")]),
    ("من 28 نونبر الماضي إلى غاية فاتح دجنبر الحالي",
     [("من 28 نونبر الماضي إلى غاية فاتح دجنبر الحالي", ("2023-11-28", "2023-12-01"))]),
])
def test_dates_resolved_against_publication(text, expected):
    assert dates_in(text) == expected


def test_dates_relative_need_an_anchor():
    assert dates_in("اجتمعا اليوم", anchor=None) == []
    assert dates_in("في 5 يناير 2024", anchor=None) == [("5 يناير 2024", "2024-01-05")]


def test_dates_impossible_day_is_not_a_date():
    assert dates_in("في 31 فبراير 2024") == []
