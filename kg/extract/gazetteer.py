"""Entities the project knows by name: countries, cities, organisations.

The gazetteer files in ``resources/`` (see their ``# source`` lines) list each
entity once with every Arabic surface form and, for countries, the nisba
adjectives that name them ("الوفد المغربي" names Morocco).  They compile into
one phrase lexicon; lookup is clitic-aware.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from kg.errors import ResourceError
from kg.extract.lexicon import Match, PhraseLexicon, function_word, function_word_as_written, function_words, phrase_keys, read_tsv
from kg.model import ADJECTIVE_MENTION, CITY, COUNTRY, NAME_MENTION, NOMINAL_MENTION, ORGANISATION, PERSON, VENUE, Document, EntityType, Mention, MentionKind, Span, Token, trusted_span
from kg.text.clitics import ACCUSATIVE_ENDING, ARTICLE, ARTICLE_AFTER_LAM, FEMININE_ENDING, NISBA_ENDING, PREPOSITION_KAF, readings, strip_article
from kg.text.normalize import normalize_for_matching

GAZETTEER_FILES: Final = ("countries.tsv", "cities.tsv", "organisations.tsv")
# the source of the two mentions of "العاصمة الإثيوبية": the capital referred to and the country named
CAPITAL_SOURCE: Final = "capital"
WHOLE_WORD_FILE: Final = "cities_whole_word.tsv"   # city names a proclitic must not precede (build_gazetteers.py)
# When a form names two entities (الجزائر: Algeria and Algiers), the first type wins.
_TYPE_PRIORITY: Final = (COUNTRY, ORGANISATION, CITY, VENUE, PERSON)
_CITY_HEAD: Final = function_word("city_noun")   # "مدينة", normalised
_CAPITAL_NOUNS: Final = function_words("capital_noun")   # "العاصمة"


def _holds(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether the word keys ``part`` stand in ``words`` together, in order."""
    return any(words[at:at + len(part)] == part for at in range(len(words) - len(part) + 1))


def _city_word(norm: str) -> bool:
    """The normalised word, behind proclitics or not, is "مدينة" without the article
    or "العاصمة" with it: before a country's name, the capital in apposition ("العاصمة
    تونس", "مدينة الكويت"); "عاصمة روسيا البيضاء" (the capital of) names the
    country, "أعيان المدينة لبنان" a city told before."""
    return any(rest == _CITY_HEAD or rest.startswith(ARTICLE) and strip_article(rest) in _CAPITAL_NOUNS
               for _, rest in readings(norm))


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    type: EntityType
    label: str                # canonical Arabic name
    wikidata: str | None
    label_en: str | None
    country: str | None       # ISO 3166 code of a city


@dataclass(frozen=True, slots=True)
class Hit:
    entry: GazetteerEntry
    kind: MentionKind
    definite: bool = False   # the listed form starts with the article ("القاهرة", not "باريس")


def accusatives(adjectives: Sequence[str]) -> list[str]:
    """The indefinite accusative of each masculine singular adjective ("وفدا تونسيا",
    "مسؤولا أمريكيا"), which its tanween writes with a final alef."""
    forms = []
    for adjective in adjectives:
        bare = adjective[len(ARTICLE):] if adjective.startswith(ARTICLE) else adjective
        if " " not in bare and bare.endswith(NISBA_ENDING):
            forms.append(bare + ACCUSATIVE_ENDING)
    return forms


class Gazetteer:
    def __init__(self, entries: Sequence[tuple[GazetteerEntry, Sequence[str], Sequence[str]]],
                 whole_word: Sequence[tuple[str, str]] = (), capital_nouns: frozenset[str] = frozenset()):
        """``whole_word``: (word, city id) pairs; the city is not read after a
        proclitic in that written word ("فرانس" is no ف + Reims), or after any
        proclitic when the word is the city's own name (a short foreign name).
        ``capital_nouns``: word keys of "the capital"; a city form made of one and
        an adjective of a country ("العاصمة الإثيوبية") refers to the city without
        naming it: a NOMINAL mention, with the country's adjective inside it."""
        self.entries = {entry.id: entry for entry, _, _ in entries}
        self._blocked = frozenset((normalize_for_matching(word), key) for word, key in whole_word)
        country_adjectives = {phrase_keys(adjective)[0]: entry for entry, _, adjectives in entries
                              if entry.type is COUNTRY for adjective in adjectives}
        self._capital_adjectives = country_adjectives if capital_nouns else {}
        # each country's capital, as the city listed with the phrase "العاصمة التونسية"
        capitals = {self._capital_adjectives[phrase_keys(name)[1]].id: (entry, names) for entry, names, _ in entries
                    if entry.type is CITY for name in names if self._capital_phrase(name, capital_nouns)}
        # those named as their country is ("تونس العاصمة", "مدينة الكويت"): the only ones a country's
        # name stands for after "مدينة" or "العاصمة"
        country_keys = {entry.id: {phrase_keys(name) for name in names} for entry, names, _ in entries
                        if entry.type is COUNTRY}
        self.capitals = {country: entry for country, (entry, names) in capitals.items()
                         if any(_holds(phrase_keys(name), key) for name in names for key in country_keys.get(country, ()))}
        pairs = []
        named = {tuple(phrase_keys(name)) for _, names, _ in entries for name in names}
        for entry, names, adjectives in entries:
            pairs += [(name, Hit(entry, NOMINAL_MENTION if self._capital_phrase(name, capital_nouns)
                                 else NAME_MENTION, _definite(name))) for name in names]
            pairs += [(adjective, Hit(entry, ADJECTIVE_MENTION)) for adjective in adjectives]
            if entry.type is COUNTRY:
                pairs += [(form, Hit(entry, ADJECTIVE_MENTION)) for form in accusatives(adjectives)
                          if tuple(phrase_keys(form)) not in named]
        self.lexicon: PhraseLexicon[Hit] = PhraseLexicon(pairs)

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> Gazetteer:
        entries = []
        for name in GAZETTEER_FILES:
            for row in read_tsv(name, 7):
                key, type_name, wikidata, label_en, names, adjectives, country = row
                try:
                    entity_type = EntityType(type_name)
                except ValueError as error:
                    raise ResourceError(f"unknown entity type {type_name!r}", name, key) from error
                forms = [form for form in names.split("|") if form]
                if not key or not forms:
                    raise ResourceError("row without id or names", name, key)
                entry = GazetteerEntry(key, entity_type, forms[0], wikidata or None, label_en or None, country or None)
                entries.append((entry, forms, [form for form in adjectives.split("|") if form]))
        return cls(entries, [(word, key) for word, _, key in read_tsv(WHOLE_WORD_FILE, 3)],
                   function_words("capital_noun"))

    def _capital_phrase(self, name: str, capital_nouns: frozenset[str]) -> bool:
        keys = phrase_keys(name)
        return len(keys) == 2 and keys[0] in capital_nouns and keys[1] in self._capital_adjectives

    def find(self, tokens: Sequence[Token], start: int, end: int) -> list[Mention]:
        return [mention for _, _, mention in self.find_placed(tokens, start, end)]

    def find_placed(self, tokens: Sequence[Token], start: int, end: int,
                    openers: Sequence[int] | None = None) -> list[tuple[int, int, Mention]]:
        """The mentions in tokens[start:end], each with its first token and the
        token after it: the walkers place them so, and need not look the tokens
        up again from the characters.  ``openers``: PhraseLexicon.finditer's."""
        placed = []
        match: Match | None
        for match in self.lexicon.finditer(tokens, start, end, openers=openers):
            match = self._as_written(tokens, match)
            if match is None:
                continue
            mention = self._mention(tokens, match)
            if mention.type is ORGANISATION:
                placed.append((match.start, match.end, mention))
                placed += self._nested_organisations(tokens, match)
                placed += self._nested_countries(tokens, match)
            elif mention.kind is NOMINAL_MENTION and match.end - match.start == 2:
                placed.append((match.start, match.end, replace(mention, source=CAPITAL_SOURCE)))
                placed += self._nested_country(tokens, match.start + 1)
            else:
                if mention.type is COUNTRY and mention.kind is NAME_MENTION and match.cut == 0 and match.start > start \
                        and mention.key in self.capitals and _city_word(tokens[match.start - 1].norm):
                    # "مدينة تونس", "بالعاصمة الجزائر": a city's word before a country's name names its capital
                    mention = Mention(mention.span, "", CITY, NAME_MENTION, self.capitals[mention.key].id, "gazetteer")
                placed.append((match.start, match.end, mention))
        return placed

    def _as_written(self, tokens: Sequence[Token], match):
        """A city is read only where its article agrees with the text: "ألباريس"
        (in "خوسيه مانويل ألباريس") is no form of "باريس"; a country named with the
        article is read only with it ("كاميرون" is a family name), one without goes
        either way ("اللكسمبورغ"), and so do organisations and adjectives ("مصري", "المصري"). After a
        proclitic, a city is read only where the whole word is not blocked."""
        norm = tokens[match.start].norm   # normalised already: _definite's normalisation would change nothing
        written_definite = norm.startswith(ARTICLE, match.cut) or norm[match.cut - 2:match.cut] == ARTICLE_AFTER_LAM
        # a city as written with or without its article; a country whose name has one, only with
        # it: "كاميرون" of "ديفيد كاميرون" is no Cameroon, "مغرب" the hour of prayer, not Morocco
        # and no place named bare after "كـ" ("كلاوس" is a name, no "like Laos")
        bare_after_kaf = not written_definite and PREPOSITION_KAF in norm[:match.cut]
        if len(match.values) == 1:   # most matches: kept or dropped whole, no tuple built
            return match if self._readable(tokens, match, match.values[0], written_definite, bare_after_kaf) else None
        hits = tuple(h for h in match.values if self._readable(tokens, match, h, written_definite, bare_after_kaf))
        if not hits:
            return None
        return match if len(hits) == len(match.values) else replace(match, values=hits)

    def _readable(self, tokens: Sequence[Token], match, hit, written_definite: bool, bare_after_kaf: bool) -> bool:
        """Whether the match reads as ``hit`` as written (_as_written)."""
        return hit.kind is ADJECTIVE_MENTION \
            or hit.entry.type is COUNTRY and (written_definite or not hit.definite) and not bare_after_kaf \
            or hit.entry.type not in (CITY, COUNTRY) \
            or (hit.definite == written_definite and not bare_after_kaf
                and not (match.cut and self._blocked_after_clitic(tokens, match, hit.entry.id)))

    def _blocked_after_clitic(self, tokens: Sequence[Token], match, key: str) -> bool:
        blocked = self._blocked
        if not blocked:
            return False
        # the word with each of its proclitics ("وبنوك" holds the blocked "بنوك"), or the bare name
        norm = tokens[match.start].norm
        name = " ".join(token.norm for token in tokens[match.start:match.end])[match.cut:]
        return (name, key) in blocked or any((norm[i:], key) in blocked for i in range(match.cut))

    def _mention(self, tokens: Sequence[Token], match) -> Mention:
        values = match.values
        hit = values[0] if len(values) == 1 else \
            min(values, key=lambda h: (_TYPE_PRIORITY.index(h.entry.type), h.kind != NAME_MENTION))
        # a token's offsets, a span the checked constructor would accept
        span = trusted_span(token_offset(tokens[match.start], match.cut), tokens[match.end - 1].span.end)
        return Mention(span, "", hit.entry.type, hit.kind, hit.entry.id, "gazetteer")

    def _nested_country(self, tokens: Sequence[Token], index: int) -> list[tuple[int, int, Mention]]:
        """The country's adjective inside "العاصمة الإثيوبية" names Ethiopia (GUIDE 1)."""
        inner = self.lexicon.match_at(tokens, index, index + 1)
        if inner is None:
            return []
        mention = self._mention(tokens, inner)
        return [(inner.start, inner.end, replace(mention, source=CAPITAL_SOURCE))] \
            if mention.type is COUNTRY else []

    def _nested_organisations(self, tokens: Sequence[Token], outer) -> list[tuple[int, int, Mention]]:
        """"مجلس جامعة الدول العربية" names the council and, inside it, the League."""
        nested = []
        for first in range(outer.start + 1, outer.end):
            inner = self.lexicon.match_at(tokens, first, outer.end)
            # two words or more, or one joined by ل ("الجمعية العامة للإنتربول")
            if inner is not None and (inner.end - inner.start >= 2 or inner.cut > 0):
                mention = self._mention(tokens, inner)
                if mention.type is ORGANISATION:
                    nested.append((inner.start, inner.end, mention))
                    break
        return nested

    def _nested_countries(self, tokens: Sequence[Token], outer) -> list[tuple[int, int, Mention]]:
        """A country named inside an organisation's name is named by the text too
        (GUIDE 1): "وكالة الأنباء السعودية" names Saudi Arabia, "شركة مصر للطيران"
        Egypt, as "وزارة الخارجية المصرية" does when the patterns read it."""
        nested, index = [], outer.start
        while index < outer.end:
            country = self._country_at(tokens, index, outer.end if index > outer.start else outer.end - 1)
            if country is None:
                index += 1
            else:
                nested.append((country.start, country.end, self._mention(tokens, country)))
                index = country.end
        return nested

    def _country_at(self, tokens: Sequence[Token], index: int, limit: int):
        """The longest country phrase at ``index`` ending by ``limit``, looking
        inside the longer phrases there ("مصر للطيران" holds "مصر")."""
        while limit > index:
            inner = self.lexicon.match_at(tokens, index, limit)
            if inner is None:
                return None
            if any(hit.entry.type is COUNTRY for hit in inner.values):
                return inner
            limit = inner.end - 1
        return None


@lru_cache(maxsize=1)
def _city_readings() -> dict[tuple[str, str], str]:
    """(name key, country id) -> the city of another country that the name also
    names (name_clashes.tsv): "عمان" is Oman, and Amman in Jordan."""
    gazetteer = Gazetteer.bundled()
    readings = {}
    for name, kept, dropped in read_tsv("name_clashes.tsv", 3):
        city = gazetteer.entries.get(dropped)
        if kept.startswith("country:") and city is not None and city.country and f"country:{city.country}" != kept:
            readings[(" ".join(phrase_keys(name)), kept)] = dropped
    return readings


@lru_cache(maxsize=1)
def _clash_countries() -> frozenset[str]:
    return frozenset(country for _, country in _city_readings())


def second_readings(mentions: Sequence[Mention]) -> list[Mention]:
    """A country's name that also names a city of another country reads as
    that city where the article names the city's country and names the first
    one no other way: "عمان" with "الأردن" and without "سلطنة عمان" or
    "العماني" is Amman."""
    readings = _city_readings()
    countries = _clash_countries()
    keys = {m.key for m in mentions}
    clashes = {id(m): readings.get((" ".join(phrase_keys(m.text)), m.key)) for m in mentions
               if m.key in countries and m.kind is NAME_MENTION}
    entries = Gazetteer.bundled().entries
    other_forms = {m.key for m in mentions if m.type is COUNTRY and clashes.get(id(m)) is None}
    out = []
    for mention in mentions:
        city = clashes.get(id(mention))
        if city is not None and f"country:{entries[city].country}" in keys and mention.key not in other_forms:
            mention = replace(mention, type=CITY, key=city)
        out.append(mention)
    return out


# the kingdoms Arabic news calls "المملكة" alone once it has named them
KINGDOMS: Final = ("country:SA", "country:MA", "country:JO", "country:BH", "country:GB")
_KINGDOM_TEXT: Final = function_word_as_written("kingdom")   # "المملكة", as written
_KINGDOM: Final = normalize_for_matching(_KINGDOM_TEXT)   # with the article
_CLUB_HEADS: Final = frozenset(prefix + word for word in function_words("club") for prefix in ("", ARTICLE))   # "نادي", "النادي"
CITY_HEAD_REACH: Final = 12   # characters before a city in which "مدينة" names it a city
SAUDI_TITLE: Final = function_word_as_written("saudi_title")   # "خادم الحرمين", as written: searched in the raw text


def club_readings(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """A city named with the masculine adjective of its own country is a club
    ("ليفربول الإنكليزي", "نادي ليفربول الإنجليزي"; a city takes the feminine,
    "مدينة ليفربول الإنجليزية"): then that city's name is the club's wherever
    the article writes it alone."""
    city_mentions = [m for m in mentions if m.type is CITY and m.key]
    if not city_mentions:
        return list(mentions)   # most articles: nothing to read again
    entries = Gazetteer.bundled().entries
    # a country's adjective right after the city: the mention that starts where its end's spaces stop
    adjectives = {m.span.start: m for m in mentions if m.type is COUNTRY and m.kind is ADJECTIVE_MENTION}
    clubs = set()
    for mention in city_mentions:
        following = adjectives.get(mention.span.end + 1)
        if following is not None and mention.kind is NAME_MENTION and mention.key in entries \
                and (following.key or "").split("-")[0] == f"country:{entries[mention.key].country}" \
                and not doc.text[mention.span.end:following.span.start].strip() \
                and not normalize_for_matching(following.text).endswith(FEMININE_ENDING):
            clubs.add(mention.key)
    # "نادي ليفربول": the club's head and the city's name
    cities = {normalize_for_matching(m.text): m.key for m in city_mentions}
    headed = {}   # the club's mentions with their head ("نادي ليفربول") and the city they hold
    for mention in mentions:
        if mention.type is not ORGANISATION:
            continue
        words = normalize_for_matching(mention.text).split(maxsplit=1)
        if len(words) == 2 and words[0] in _CLUB_HEADS and words[1] in cities:
            headed[id(mention)] = cities[words[1]]
    clubs.update(headed.values())
    if not clubs:
        return list(mentions)
    out = []
    for m in mentions:
        if id(m) in headed:
            m = replace(m, key=_club_key(headed[id(m)]))
        elif m.key in clubs and m.type is CITY and m.kind is NAME_MENTION and not _after_city_head(doc, m):
            m = replace(m, type=ORGANISATION, key=_club_key(m.key), source="club")
        out.append(m)
    return out


def _club_key(city_key: str) -> str:
    """One key for a club's mentions, with its head or without ("نادي ليفربول", "ليفربول")."""
    return "org:club-" + city_key.split(":", 1)[1]


def _after_city_head(doc: Document, mention: Mention) -> bool:
    before = doc.text[max(0, mention.span.start - CITY_HEAD_REACH):mention.span.start].split()
    return bool(before) and normalize_for_matching(before[-1]).endswith(_CITY_HEAD)


def kingdom_references(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """"المملكة" alone ("وصل إلى المملكة", "للمملكة") names the one kingdom the
    article names otherwise (Saudi Arabia, where only its king's title
    "خادم الحرمين الشريفين" names it); none when it names several.  Its
    full forms ("المملكة العربية السعودية", "المملكة المتحدة") are the
    gazetteer's own mentions."""
    named = {m.key for m in mentions if m.type is COUNTRY} & set(KINGDOMS)
    if not named and SAUDI_TITLE in doc.text:
        named = {"country:SA"}   # "خادم الحرمين الشريفين": the Saudi king's own title
    if len(named) != 1:
        return []
    key = next(iter(named))
    candidates = [index for index, token in enumerate(doc.tokens) if _KINGDOM in token.norm]
    if not candidates:
        return []
    covered = doc.covered_tokens([m.span for m in mentions])
    found = []
    for index in candidates:
        token = doc.tokens[index]
        if index in covered:
            continue
        cut = next((cut for cut, rest in readings(token.norm) if rest == _KINGDOM), None)   # "للمملكة" too
        if cut is None:
            continue
        span = Span(token_offset(token, cut), token.span.end)
        found.append(Mention(span, _KINGDOM_TEXT, COUNTRY, NAME_MENTION, key, source="kingdom"))
    return found


def _definite(text: str) -> bool:
    return normalize_for_matching(text).startswith(ARTICLE)


def token_offset(token: Token, norm_index: int) -> int:
    """Original offset of the ``norm_index``-th normalised character of a token."""
    if norm_index <= 0:
        return token.span.start
    count = 0
    for index, char in enumerate(token.text):
        if count >= norm_index:
            return token.span.start + index
        count += len(normalize_for_matching(char))
    return token.span.end
