"""The people gazetteer kg/extract/resources/people.tsv: format, consistency, ambiguity.

One row per (person, post, period).  A name form may be shared by two people
only when their periods do not overlap ("الرئيس عون" is Michel Aoun until 2022
and Joseph Aoun from 2025), which is what lets a title-name such as
"خادم الحرمين الشريفين" stand for one king at a time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache
from itertools import combinations

import pytest

from kg.link.people import period_end, period_start

from kg.extract.lexicon import read_tsv
from kg.text.normalize import name_key

COLUMNS = ("id", "wikidata", "label_en", "names", "post", "org", "start", "end")
ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a]+"
ARABIC_NAME = re.compile(rf"^{ARABIC_WORD}(?:[ -]{ARABIC_WORD})*$")
NON_ARABIC_LETTERS = re.compile("[پچژگکیۀےںٹڈڑەڕۆێڵۇۋېټځڅډړږښګڼۍ]")
ISO_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
MAJOR_POWERS = "US RU CN FR GB DE TR IR IL JP IN IT ES".split()
ORGANISATIONS = ("org:un", "org:arab-league", "org:african-union-commission", "org:interpol")


# ---------------------------------------------------------------- helpers

@cache
def rows() -> tuple[dict[str, str], ...]:
    return tuple(dict(zip(COLUMNS, row)) for row in read_tsv("people.tsv", len(COLUMNS)))


def forms(row: dict[str, str]) -> list[str]:
    return [form for form in row["names"].split("|") if form]


def period(row: dict[str, str]) -> tuple[date, date]:
    return period_start(row["start"]), period_end(row["end"])


def overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Periods given to the day may touch on the handover day; coarser ones are taken whole."""
    return a[0] < b[1] and b[0] < a[1]


def holders(form: str, on: date) -> set[str]:
    """Ids of the people whose rows carry ``form`` for a period containing ``on``."""
    key = name_key(form)
    return {row["id"] for row in rows()
            if key in {name_key(f) for f in forms(row)} and period(row)[0] <= on <= period(row)[1]}


@cache
def gazetteer_ids() -> frozenset[str]:
    return frozenset(row[0] for name in ("countries.tsv", "organisations.tsv") for row in read_tsv(name, 7))


# ---------------------------------------------------------------- format

def test_people_data_has_rows_with_every_field():
    assert len(rows()) >= 400
    for row in rows():
        for column in ("id", "label_en", "names", "post", "org", "start"):
            assert row[column], f"{row['id']}: empty {column}"


def test_people_data_ids_are_stable_ascii_keys():
    for row in rows():
        assert re.fullmatch(r"person:[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]), row["id"]


def test_people_data_wikidata_ids_are_qids_or_empty():
    for row in rows():
        assert re.fullmatch(r"(Q[1-9][0-9]*)?", row["wikidata"]), row["id"]


def test_people_data_rows_of_one_person_agree():
    """Same id, same English label, Wikidata item and canonical Arabic name on every row."""
    seen: dict[str, tuple[str, str, str]] = {}
    for row in rows():
        identity = (row["label_en"], row["wikidata"], forms(row)[0])
        assert seen.setdefault(row["id"], identity) == identity, row["id"]


def test_people_data_a_wikidata_item_is_one_person():
    owner: dict[str, str] = {}
    for row in rows():
        if row["wikidata"]:
            assert owner.setdefault(row["wikidata"], row["id"]) == row["id"], row["wikidata"]


def test_people_data_names_and_posts_are_arabic():
    for row in rows():
        for text in forms(row) + [row["post"]]:
            assert ARABIC_NAME.match(text), f"{row['id']}: {text!r}"
            assert not NON_ARABIC_LETTERS.search(text), f"{row['id']}: {text!r}"


def test_people_data_forms_are_not_repeated_within_a_row():
    """Spelling variants that only normalisation unites ("إيمانويل ماكرون", "ايمانويل ماكرون") are
    kept, as news writes both; the same string twice is a slip."""
    for row in rows():
        names = forms(row)
        assert len(names) == len(set(names)), f"{row['id']}: {sorted(n for n in names if names.count(n) > 1)}"


def test_people_data_orgs_are_gazetteer_ids():
    missing = sorted({row["org"] for row in rows()} - gazetteer_ids())
    assert missing == []


def test_people_data_dates_are_iso_and_ordered():
    for row in rows():
        for column in ("start", "end"):
            value = row[column]
            if value:
                assert ISO_DATE.match(value), f"{row['id']}: {column} {value!r}"
                period_start(value), period_end(value)   # a real calendar date
        start, end = period(row)
        assert start <= end, f"{row['id']}: {row['start']} > {row['end']}"


def test_people_data_one_person_does_not_hold_one_post_twice_at_once():
    by_post = defaultdict(list)
    for row in rows():
        by_post[row["id"], row["post"], row["org"]].append(period(row))
    for key, periods in by_post.items():
        for a, b in combinations(periods, 2):
            assert not overlap(a, b), key


# ---------------------------------------------------------------- ambiguity

def test_people_data_no_form_names_two_people_at_once():
    """An ambiguous form must not exist: two people may share it only in periods that do not overlap."""
    uses = defaultdict(list)   # name key -> [(id, period)]
    for row in rows():
        for form in forms(row):
            uses[name_key(form)].append((row["id"], period(row)))
    clashes = sorted({(key, a[0], b[0]) for key, found in uses.items()
                      for a, b in combinations(found, 2) if a[0] != b[0] and overlap(a[1], b[1])})
    assert clashes == []


def test_people_data_no_person_name_is_a_place_or_organisation_name():
    """Lexicons compare words without the article, so "ألباريس" alone would read as Paris and
    "كاميرون" as Cameroon: such a form may appear only inside a longer name."""
    reserved = {name_key(form) for name in ("countries.tsv", "cities.tsv", "organisations.tsv")
                for row in read_tsv(name, 7) for field in (row[4], row[5]) for form in field.split("|") if form}
    clashes = sorted({(row["id"], form) for row in rows() for form in forms(row) if name_key(form) in reserved})
    assert clashes == []


# ---------------------------------------------------------------- coverage

@pytest.mark.parametrize("org", [f"country:{c}" for c in ARAB_LEAGUE + MAJOR_POWERS] + list(ORGANISATIONS))
def test_people_data_covers(org):
    assert any(row["org"] == org for row in rows()), org


# ---------------------------------------------------------------- spot checks

@pytest.mark.parametrize("form, on, person", [
    ("ترامب", "2018-06-01", "person:donald-trump"),
    ("ترمب", "2018-06-01", "person:donald-trump"),
    ("دونالد ترمب", "2025-06-01", "person:donald-trump"),
    ("خادم الحرمين الشريفين", "2015-06-01", "person:salman-bin-abdulaziz"),
    ("خادم الحرمين الشريفين", "2024-06-01", "person:salman-bin-abdulaziz"),
    ("خادم الحرمين الشريفين", "2012-06-01", "person:abdullah-bin-abdulaziz"),
    ("الملك سلمان", "2020-01-01", "person:salman-bin-abdulaziz"),
    ("بوتين", "2022-01-01", "person:vladimir-putin"),
    ("فلاديمير بوتين", "2010-01-01", "person:vladimir-putin"),
    ("ماكرون", "2023-12-01", "person:emmanuel-macron"),
    ("ايمانويل ماكرون", "2023-12-01", "person:emmanuel-macron"),
    ("لافروف", "2023-12-01", "person:sergey-lavrov"),
    ("سيرجي لافروف", "2023-12-01", "person:sergey-lavrov"),
    ("الجهيناوي", "2017-11-01", "person:khemaies-jhinaoui"),
    ("خميس الجهيناوي", "2017-11-01", "person:khemaies-jhinaoui"),
    ("بوريطة", "2023-12-01", "person:nasser-bourita"),
    ("غوتيريش", "2023-12-01", "person:antonio-guterres"),
    ("يورغن شتوك", "2023-12-01", "person:jurgen-stock"),
    ("خوسيه مانويل ألباريس", "2023-12-01", "person:jose-manuel-albares"),
    ("أبو الغيط", "2023-12-01", "person:ahmed-aboul-gheit"),
    ("الرئيس عون", "2020-01-01", "person:michel-aoun"),
    ("الرئيس عون", "2025-06-01", "person:joseph-aoun"),
    ("كيم جونغ أون", "2018-06-12", "person:kim-jong-un"),
    ("مارتن غريفيث", "2018-09-01", "person:martin-griffiths"),
    ("دي ميستورا", "2016-02-01", "person:staffan-de-mistura"),
    ("خليفة حفتر", "2019-04-04", "person:khalifa-haftar"),
    ("جان كلود يونكر", "2017-05-01", "person:jean-claude-juncker"),
])
def test_people_data_form_names(form, on, person):
    assert holders(form, date.fromisoformat(on)) == {person}


def test_people_data_title_name_is_bound_to_its_period():
    """"خادم الحرمين الشريفين" names the Saudi king only on his king's row, from his accession."""
    rows_with_title = [row for row in rows() if "خادم الحرمين الشريفين" in forms(row)]
    assert {(row["id"], row["post"], row["start"], row["end"]) for row in rows_with_title} == {
        ("person:abdullah-bin-abdulaziz", "ملك المملكة العربية السعودية", "2005-08-01", "2015-01-23"),
        ("person:salman-bin-abdulaziz", "ملك المملكة العربية السعودية", "2015-01-23", ""),
    }
    assert holders("خادم الحرمين الشريفين", date(2000, 1, 1)) == set()


@pytest.mark.parametrize("org, post, on, person", [
    ("country:US", "رئيس الولايات المتحدة الأمريكية", "2024-06-01", "person:joe-biden"),
    ("country:SA", "رئيس مجلس الوزراء السعودي", "2023-06-01", "person:mohammed-bin-salman"),
    ("country:EG", "وزير الخارجية المصري", "2020-06-01", "person:sameh-shoukry"),
    ("country:TN", "وزير الخارجية التونسي", "2017-11-01", "person:khemaies-jhinaoui"),
    ("org:un", "الأمين العام للأمم المتحدة", "2012-06-01", "person:ban-ki-moon"),
    ("org:interpol", "الأمين العام للإنتربول", "2023-12-01", "person:jurgen-stock"),
    ("country:SA", "ولي العهد السعودي", "2016-06-01", "person:mohammed-bin-nayef"),
    ("country:SA", "وزير الدفاع السعودي", "2016-06-01", "person:mohammed-bin-salman"),
    ("country:US", "وزير الدفاع الأمريكي", "2018-06-01", "person:james-mattis"),
    ("org:nato", "الأمين العام لحلف شمال الأطلسي", "2018-06-01", "person:jens-stoltenberg"),
    ("country:KR", "رئيس جمهورية كوريا", "2018-06-01", "person:moon-jae-in"),
])
def test_people_data_post_holder(org, post, on, person):
    day = date.fromisoformat(on)
    found = {row["id"] for row in rows()
             if row["org"] == org and row["post"] == post and period(row)[0] <= day <= period(row)[1]}
    assert found == {person}
