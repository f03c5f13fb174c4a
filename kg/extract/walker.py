"""The state of one walk over a sentence's tokens, and the tests on single
tokens that the name, organisation and post rules share.

A ``TokenTests`` holds the tokens [start, end), the gazetteer mentions already
known there (minus those the context rules out: "مجلس الأمن الوطني", "دعم
مالي") and what the walk has found so far.  Its tests look one token up
(``key``, ``plain_word``, ``title_at``, ``honorific_at``...) and are remembered
per token: the walk asks them many times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from kg.extract.gazetteer import token_offset
from kg.extract.lexicon import MEMO_SIZE, function_words, phrase_keys
from kg.extract.lexicons import NAME_PARTICLES, Lexicons
from kg.model import ADJECTIVE_MENTION, CITY, COUNTRY, NAME_MENTION, ORGANISATION, VENUE, Mention, PostMention, Span, Token
from kg.native import trait
from kg.text.memo import WordMemo, remembered
from kg.text.clitics import (TASHKEEL, ARTICLE, ARTICLE_AFTER_LAM, CONJUNCTION_WA, CONJUNCTIONS, FEMININE_ENDING, IMPERFECT_PREFIXES, INFLECTIONS,
                             NISBA_ENDING, PREPOSITION_BA, PREPOSITION_LAM, PROCLITICS, PRONOUN_SUFFIXES, readings, stems,
                             strip_article)

COMMAS: Final = ("\u060c", ",")   # the Arabic comma and the Latin one
ALEF_MAQSURA: Final = "\u0649"   # ى as written: "على" the preposition, where "علي" the name ends in ي
# a region's head noun before a city's name: the region named after the city, no city (GUIDE 1:
# regions are no entities): "قطاع غزة", "محافظة إدلب" (a governorate; a Moroccan "إقليم" is
# read as its city), and each city listed after the plural ("في محافظات حماه وحلب وحمص")
def _behind_proclitics(role: str) -> frozenset[str]:
    """The word keys of one class of function_words.tsv, bare or behind a proclitic ("بمحافظة")."""
    return frozenset(proclitic + key for key in function_words(role) for proclitic in ("", *PROCLITICS))


_STRIPS: Final = _behind_proclitics("region_head")
_REGION_PLURALS: Final = _behind_proclitics("region_plural")
_TERRITORY_CITIES: Final = function_words("territory_city")   # "غزة": the territory, but after "مدينة"
_CITY_NOUNS: Final = _behind_proclitics("city_noun")   # "مدينة", "بمدينة"
COUNTERPART_SOURCE: Final = "counterpart"   # the source of a mention "نظيره المصري" with no name after it
DESCRIPTOR_SOURCE: Final = "descriptor"   # the source of a mention "الضيف الإيطالي", "المسؤول الإيطالي"
# the imperfect verb, as normalised: a prefix ي ت ن (أ, first person, is left out:
# normalised to ا it would read "أحمد" as a verb), the future mark س before it,
# and the subject endings of the plural (not the dual ان nor ين, which end names:
# "بيكرمان" is no ي + كرم + ان)
FUTURE_MARK: Final = "\u0633"   # س
VERB_ENDINGS: Final = ("\u0648\u0646", "\u0648\u0627")   # suffixes ون, وا
DEFECTIVE_ENDS: Final = ("", "\u064a", "\u0648")   # the last letter a defective verb drops before its ending: none, ي, و
# what a word alone says of ``TokenTests.plain_word`` (``word_plainness``)
NEVER_PLAIN, PLAIN, ASK_CONTEXT = range(3)


@dataclass
class Found:
    mentions: list[Mention]
    posts: list[PostMention]
    dropped: list[Mention]   # gazetteer mentions that proved part of a longer name


TITLE_BEFORE_STATE: Final = 3   # words before a state's adjective in which the post it closes opens ("الموفد الخاص الأميركي")
FOREIGN_WA_LENGTH: Final = 7   # letters from which a word on و after a given name may be a foreign family name
_AMBIGUOUS_COUNTRIES: Final = function_words("ambiguous_country")
_FROM_WORDS: Final = function_words("from")   # "ممثلين عن مالي", "وفد من مالي"
LOCATIVES: Final = function_words("locative")   # "في", "إلى": a place follows; no verb does
_YA_NAMES: Final = function_words("ya_name")   # "علي": a given name when written with ي, "على" with ى
_YA_ENDINGS: Final = tuple(_YA_NAMES)
_SEATS: Final = function_words("seat")

# What a word can open, as flags (kg.extract.openers reads them once per word for
# the bundled lexicons): what SentenceWalker.phrase_at reads (patterns.phrase_openings),
# then the other finders' phrases
OPENS_HONORIFIC, OPENS_TITLE, OPENS_HEAD_NOUN, OPENS_GIVEN_NAME, OPENS_CLITIC_HONORIFIC, OPENS_KNOWN_NAME = 1, 2, 4, 8, 16, 32
PHRASE_OPENINGS: Final = 63   # all of the walker's
OPENS_DATE, OPENS_GAZETTEER, OPENS_TRIGGER = 64, 128, 256


@trait
class TokenTests:
    """One pass over the tokens [start, end) of a sentence: its state and its token tests."""

    def __init__(self, lex: Lexicons, tokens: Sequence[Token], start: int, end: int,
                 known: Sequence[tuple[int, int, Mention]], family_names: frozenset[str] | set[str] = frozenset(),
                 keys: Sequence[str] | None = None, openings: Sequence[int] | None = None):
        """``keys``: every token's word key (kg.extract.openers), read here when not
        given; ``openings``: every token's flags of what it can open (OPENS_*) when
        read already for these lexicons: a lexicon its word opens nothing of is not asked."""
        self.lex = lex
        self.tokens = tokens
        self.openings = openings
        # (not given, read per token asked: a sentence's walker must not read the whole document)
        self.keys = keys if keys is not None else WordMemo(lambda index: strip_article(tokens[index].norm))
        self.start = start
        self.end = end
        self.found = Found([], [], [])
        self.source_text = ""   # the text the token spans index, set by the walk
        self.after_parent = start   # end of the parent organisation organ_parent read last
        self.known_items = list(known)
        self.family_names = family_names   # the last words of the names of persons named before (find_names)
        self.known, self.covered = {}, set()
        self.regions: set[int] = set()   # the tokens of regions named after a city (cut_short): no name's
        self._city_starts: dict[int, int] | None = None   # listed_after_regions's gazetteer cities
        self.reset_memo()
        known = [self.seat_as_place(item) for item in known
                 if not self.cut_short(item) and not self.ambiguous_country(item)]
        for first, last, mention in known:  # the outermost mention starting at a token
            if first not in self.known or last > self.known[first][0]:
                self.known[first] = (last, mention)
        self.covered = {index for first, last, _ in known for index in range(first, last)} | self.regions
        self.reset_memo()  # the token tests depend on what is known

    def territory_named(self, first: int) -> bool:
        """The city's name at ``first`` names the territory around it (function_words.tsv
        territory_city: "غزة" is the Gaza Strip in the news), no "مدينة" before it."""
        if not any(strip_article(rest) in _TERRITORY_CITIES for _, rest in readings(self.tokens[first].norm)):
            return False
        return not (first > self.start and strip_article(self.tokens[first - 1].norm) in _CITY_NOUNS)

    def listed_after_regions(self, first: int) -> bool:
        """The city's name at ``first`` is one of a list of them right after a
        plural of regions ("محافظات حماه وحلب وحمص"): the regions named after them."""
        at = first   # the first token of the list's item read
        while at > self.start:
            if self.key(at - 1) in _REGION_PLURALS:
                return True
            if self._city_starts is None:   # (by the token after each: read once, when a list is asked)
                self._city_starts = {last: start for start, last, mention in self.known_items if mention.type is CITY}
            previous = self._city_starts.get(at)   # the city named right before it
            if previous is None:
                return False
            at = previous
        return False

    def reset_memo(self) -> None:
        self._plain: dict[int, bool] = {}
        self._titles: dict[int, object] = {}
        self._honorifics: dict[int, object] = {}
        self._triggers: dict[int, bool] = {}
        self._common: dict[int, bool] = {}
        self._names: dict[int, bool] = {}   # NameRules.name_like

    def cut_short(self, item: tuple[int, int, Mention]) -> bool:
        """A gazetteer organisation followed by an adjective of its own is the
        start of another name: "مجلس الأمن الوطني" is not the Security Council;
        a city right after a given name is a family name, and so is a country's
        adjective after a patronymic ("عبدالله بن عبدالمحسن التركي")."""
        first, last, mention = item
        if mention.type is CITY and mention.kind is NAME_MENTION and first > self.start \
                and self.key(first - 1) in self.lex.given_names and self.tokens[first].span.start == mention.span.start \
                and not self.preposition_as_written(first - 1) and not self.known_name_ends(first):
            # "جو هاجن": a family name, not the city of Hagen; "يزور عاصم منير الرياض": a
            # known person's whole name before it, the city is the place
            self.found.dropped.append(mention)
            return True
        if mention.type is CITY and mention.kind is NAME_MENTION and last - first == 1 \
                and self.tokens[first].span.start == mention.span.start and self.after_title_and_state(first) \
                and self.foreign_word(last):
            # "الموفد الأميركي آموس هوكشتاين": after a post and its state, a city and a word
            # no dictionary knows are a foreign name, not the city of Imus
            self.found.dropped.append(mention)
            return True
        if mention.type.is_place and self.between_slashes(first, last):
            self.found.dropped.append(mention)  # "الدوحة /قنا/": the agency's initials, no city of Qena
            return True
        if mention.type is CITY and first > self.start and self.key(first - 1) in _STRIPS \
                and self.tokens[first].span.start == mention.span.start:
            self.found.dropped.append(mention)  # "قطاع غزة": a region (GUIDE 1: no entity), not Gaza the city
            self.regions.update(range(first - 1, last))
            return True
        if mention.type is CITY and self.territory_named(first):
            self.found.dropped.append(mention)  # "إعمار غزة": the Gaza Strip, a region (GUIDE 1: no entity)
            self.regions.update(range(first, last))
            return True
        if mention.type is CITY and self.listed_after_regions(first):
            self.found.dropped.append(mention)  # "في محافظات حماه وحلب": governorates, no cities
            self.regions.update(range(first, last))
            return True
        if mention.type.is_place and mention.kind is NAME_MENTION and self.opens_known_name(first):
            self.found.dropped.append(mention)  # "جورجيا ميلوني": a known person's given name, not Georgia
            return True
        if mention.type is COUNTRY and mention.kind is ADJECTIVE_MENTION and last - first == 1 \
                and any(first - words >= self.start and self.opens_known_name(first - words, words + 1) for words in (1, 2)):
            self.found.dropped.append(mention)  # "محمد شياع السوداني": a known person's family name, not Sudan's
            return True
        if mention.type is COUNTRY and mention.kind is ADJECTIVE_MENTION and last - first == 1 \
                and ((self.key(first) in self.family_names or self.tokens[first].norm in self.lex.full_name_ends
                      and self.known_name_ending_before(first)) and self.qualifies_nothing(first - 1)
                     or self.family_name_behind_preposition(first)):
            self.found.dropped.append(mention)  # "عقد السوداني لقاء": the family name of one named before
            return True
        if mention.type is COUNTRY and mention.kind is ADJECTIVE_MENTION and last - first == 1 \
                and first >= self.start + 2 and self.key(first - 2) in NAME_PARTICLES \
                and self.tokens[first].norm.startswith(ARTICLE) and self.tokens[first].norm.endswith(NISBA_ENDING):
            self.found.dropped.append(mention)  # "عبدالله بن عبدالمحسن التركي": a family name after a patronymic
            return True
        if mention.type is not ORGANISATION or mention.kind is not NAME_MENTION or last >= self.end:
            return False
        if any(f <= last < l for f, l, _ in self.known_items) or not self.tokens[last].norm.startswith(ARTICLE):
            return False
        following = self.tokens[last].norm
        if self.plain_word(last) and self.is_common(last) and not self.has_clitic_article(last) \
                and following.endswith((NISBA_ENDING, NISBA_ENDING + FEMININE_ENDING)):
            self.found.dropped.append(mention)  # "الوطني", "القومية": an adjective of its own; not "الحصول"
            return True
        return False

    def opens_known_name(self, first: int, only: int | None = None) -> bool:
        """The token and the one or two after it (``only`` words in all, when given)
        are a known person's whole name (people.tsv)."""
        if first + 2 > self.end or self.tokens[first + 1].norm not in self.lex.name_pair_seconds:
            return False   # a known name's second word ends one of its pairs: most words end none
        for length in (only,) if only else (2, 3):
            if first + length > self.end:
                break
            rest = tuple(token.norm for token in self.tokens[first + 1:first + length])
            if any((word, *rest) in self.lex.full_names for _, word in readings(self.tokens[first].norm)):
                return True
        return False

    def known_name_ending_before(self, index: int) -> bool:
        """A known person's whole name, ending in the word at ``index``, is read
        earlier in the sentence ("استقبل محمد شياع السوداني ... فيما تلقى السوداني")."""
        key = self.key(index)
        return any(self.key(end - 1) == key and self.opens_known_name(end - length, length)
                   for end in range(self.start + 2, index) for length in (2, 3) if end - length >= self.start)

    def between_slashes(self, first: int, last: int) -> bool:
        """Tokens [first, last) are set between two slashes, as wires write their initials ("/قنا/", "/ وام /")."""
        return first > self.start and last < self.end and self.tokens[first - 1].norm == "/" \
            and self.tokens[last].norm == "/"

    def qualifies_nothing(self, index: int) -> bool:
        """The token at ``index`` is no noun an adjective after it could qualify: the
        sentence's start, punctuation, a function word or a verb ("عقد", "وأكد")."""
        if index < self.start or self.is_punct(index) or self.is_stop(index):
            return True
        norm = self.tokens[index].norm
        bare = norm[1:] if norm[:1] in CONJUNCTIONS and len(norm) > 3 else norm
        return bare in self.lex.verb_stems or self.perfect_verb(index) or self.is_verb(index)

    def known_name_ends(self, end: int) -> bool:
        """The two or three tokens before ``end`` are a known person's whole name (people.tsv)."""
        return any(end - length >= self.start and self.opens_known_name(end - length, length) for length in (2, 3))

    def preposition_as_written(self, index: int) -> bool:
        """"على" written with ى: the preposition, though normalised it reads as the
        given name "علي" ("ضيفا على القاهرة" is no Ali al-Qahira)."""
        return self.written_with_alef_maqsura(index) and self.is_stop(index)

    def written_with_alef_maqsura(self, index: int) -> bool:
        """The word as written ends in ى, which normalising folds into ي."""
        return self.tokens[index].text.rstrip(TASHKEEL).endswith(ALEF_MAQSURA)

    def ambiguous_country(self, item: tuple[int, int, Mention]) -> bool:
        """"دعم مالي": a country name that is also an ordinary word is a country only
        with a preposition or after a locative word ("في مالي", "بمالي")."""
        first, last, mention = item
        if mention.type is not COUNTRY or self.key(first) not in _AMBIGUOUS_COUNTRIES:
            return False
        if self.tokens[first].span.start < mention.span.start:
            return False  # a proclitic preposition: "بمالي"
        if first > self.start and (self.key(first - 1) in LOCATIVES or self.key(first - 1) in _FROM_WORDS):
            return False   # "في مالي", "ممثلين عن مالي", "وفد من مالي"
        if last < self.end and last in self.known and self.known[last][1].type is COUNTRY \
                and self.tokens[last].norm[:1] == CONJUNCTION_WA:
            return False   # "مالي والنيجر وتشاد": the first of a list of states
        self.found.dropped.append(mention)
        return True

    def seat_as_place(self, item: tuple[int, int, Mention]) -> tuple[int, int, Mention]:
        """"قال البيت الأبيض": a seat of power names its institution, an organisation;
        "في البيت الأبيض", "بالكرملين": after a locative word or ب it is the building,
        a venue (GUIDE 1), named by its text rather than linked to the institution."""
        first, last, mention = item
        if mention.type is not ORGANISATION or mention.kind is not NAME_MENTION:
            return item
        token = self.tokens[first]
        clitic = token.text[:mention.span.start - token.span.start]   # "ب" of "بالكرملين"
        # the place asked first: few organisations follow a locative word or ب,
        # and the words' keys need the mention's first word tokenised again
        after_locative = first > self.start and self.key(first - 1) in LOCATIVES
        if not (after_locative or clitic.endswith(PREPOSITION_BA)):
            return item
        words = phrase_keys(token.text[len(clitic):]) + tuple(self.key(i) for i in range(first + 1, last))
        if " ".join(words) not in _SEATS:
            return item
        venue = Mention(mention.span, "", VENUE, NAME_MENTION, source="seat")
        self.found.dropped.append(mention)
        self.found.mentions.append(venue)
        return first, last, venue

    # -- token tests -------------------------------------------------------
    def key(self, index: int) -> str:
        """The token as lexicons compare it (kg.extract.lexicon.word_key)."""
        return self.keys[index]

    def is_punct(self, index: int) -> bool:
        return not self.tokens[index].norm[:1].isalnum()

    def is_comma(self, index: int) -> bool:
        return index < self.end and self.tokens[index].text in COMMAS

    def has_clitic_article(self, index: int) -> bool:
        """"بالعاصمة", "للأمن", "والاستخبارات": a proclitic glued to a definite word."""
        return clitic_before_article(self.tokens[index].norm)

    def starts_with_conjunction(self, index: int) -> bool:
        """"ومحمد", "والوزير": a new item, not the next word of a name.  ف opens
        many a foreign family name ("فورار", "فابيوس"), so it is read as the
        conjunction only before a word of its own: a known name or word, a
        definite word or a verb ("فالرئيس", "فقال"); so is a long word on و
        after a given name ("غافين وليامستون", not "سامي وكريم")."""
        norm = self.tokens[index].norm
        if not (norm[:1] in CONJUNCTIONS and len(norm) > 3 and self.key(index) not in self.lex.given_names):
            return False
        if norm.startswith(CONJUNCTION_WA) and not (index > self.start and self.key(index - 1) in self.lex.given_names
                                                    and len(norm) >= FOREIGN_WA_LENGTH):
            return True   # "غافين وليامستون": after a given name, a long foreign word may open with و
        rest = norm[1:]
        stem = strip_article(rest)
        lex = self.lex
        return rest.startswith(ARTICLE) or stem in lex.given_names or stem in lex.common_words \
            or stem in lex.stopwords or rest in lex.person_words or self.common_word(rest) or self.is_verb(index) \
            or norm.startswith(CONJUNCTION_WA) and rest.endswith(PRONOUN_SUFFIXES)   # "وخسرناها"

    def family_name_behind_preposition(self, index: int) -> bool:
        """"وجرت للسوداني مراسم استقبال": a state's adjective behind ل or ب qualifies no
        noun; the family name of one named before, it is he."""
        norm = self.tokens[index].norm
        return norm[:1] in (PREPOSITION_LAM, PREPOSITION_BA) and any(
            cut and stem in self.family_names for cut, stem in stems(norm))

    def after_title_and_state(self, index: int) -> bool:
        """The token before ``index`` is a state's adjective closing a post ("الموفد
        الأميركي", "وزير الخارجية الفرنسي"): a title opens within three words before it."""
        before = index - 1   # (read while the known mentions are sorted: from the gazetteer's items)
        return before > self.start and any(
            first == before and last == index and mention.type is COUNTRY and mention.kind is ADJECTIVE_MENTION
            for first, last, mention in self.known_items) \
            and any(self.title_at(i) is not None for i in range(max(self.start, before - TITLE_BEFORE_STATE), before))

    def foreign_word(self, index: int) -> bool:
        """A word no lexicon knows, as a foreign name's is ("هوكشتاين"): no article,
        no common, stop or given word, not known to the gazetteer, not a verb."""
        if index >= self.end or self.is_punct(index) or any(first <= index < last for first, last, _ in self.known_items):
            return False
        norm = self.tokens[index].norm
        return not norm.startswith(ARTICLE) and not self.is_stop(index) and not self.is_common(index) \
            and self.key(index) not in self.lex.given_names and not self.is_verb(index)

    def conjoined(self, index: int) -> bool:
        """The word carries the conjunction و: "ورئيس الوزراء" starts a new item."""
        return index < self.end and self.tokens[index].norm.startswith(CONJUNCTION_WA) and \
            self.lex.titles.match_at(self.tokens, index, self.end, clitics=False) is None

    def is_stop(self, index: int) -> bool:
        return stop_word(self.lex, self.tokens[index].norm)

    # -- lexicon look-ups, remembered per token -----------------------------
    def honorific_at(self, index: int):
        """An honorific written as listed: "الرئيس" is one, "رئيس" is a title."""
        if index not in self._honorifics:
            self._honorifics[index] = self._honorific_at(index)
        return self._honorifics[index]

    def kept_honorific(self, index: int) -> bool:
        """An honorific kept in the name it opens ("الملك سلمان"), not a
        courtesy dropped from it ("معالي"; honorifics.tsv column kept)."""
        honorific = self.honorific_at(index)
        return honorific is not None and honorific.values[0][0]

    def _honorific_at(self, index: int):
        if index >= self.end or self.openings is not None and not self.openings[index] & OPENS_HONORIFIC:
            return None
        found = self.lex.honorifics.match_at(self.tokens, index, self.end, clitics=False)
        if found is None or all(first != self.tokens[index].norm for _, first in found.values):
            return None
        return found

    def title_at(self, index: int):
        """The title at ``index``; a prefix ("نائب", "مساعد") joins the title after it.
        A given name before a name particle is a name ("سلطان بن صالح")."""
        if index not in self._titles:
            self._titles[index] = self._title_at(index)
        return self._titles[index]

    def _title_at(self, index: int):
        if index >= self.end or self.openings is not None and not self.openings[index] & OPENS_TITLE:
            return None
        found = self.lex.titles.match_at(self.tokens, index, self.end)
        if found is None:
            return None   # most words: the test for a name particle after needs no asking
        if index + 1 < self.end and self.key(index + 1) in NAME_PARTICLES and self.key(index) in self.lex.given_names:
            return None
        # "رئيس الجمهورية العراقية": the country the gazetteer knows is the complement
        inside = next((i for i in range(found.start + 1, found.end) if i in self.known), None)
        if inside is not None:
            found = type(found)(found.start, inside, found.cut, ("head",))
        if found.values[0] != "prefix":
            return found
        following = self.lex.titles.match_at(self.tokens, found.end, self.end)
        if following is None or following.values[0] in ("prefix", "counterpart", "descriptor"):
            return type(found)(found.start, found.end, found.cut, ("head",))
        return type(found)(found.start, following.end, found.cut, following.values)

    def plain_word(self, index: int) -> bool:
        """A word that can be part of a name of any kind: not punctuation, a
        number, a function word, a date word, a title or a trigger."""
        if index in self.covered:
            return False
        if index not in self._plain:
            self._plain[index] = self._plain_word(index)
        return self._plain[index]

    def _plain_word(self, index: int) -> bool:
        if index in self.covered:
            return False
        if self.ya_name(index):
            return True
        plainness = word_plainness(self.lex, self.tokens[index].norm)
        if plainness is not ASK_CONTEXT:
            return plainness is PLAIN
        return not (self.title_at(index) or self.is_trigger(index))

    def is_trigger(self, index: int) -> bool:
        if index not in self._triggers:
            # (the trigger flag is the trigger lexicon's, of triggers.tsv as this one is, or a suffixed trigger's)
            self._triggers[index] = (self.openings is None or self.openings[index] & OPENS_TRIGGER != 0) \
                and self.lex.triggers.match_at(self.tokens, index, self.end) is not None
        return self._triggers[index]

    def ya_name(self, index: int) -> bool:
        """A given name spelt with ي where a function word has ى ("وقال علي الزيد",
        not "على الرغم"): normalising folds the two letters together, the text does not."""
        token = self.tokens[index]
        if not token.norm.endswith(_YA_ENDINGS) or not any(
                stem in _YA_NAMES and all(letter == CONJUNCTION_WA for letter in token.norm[:cut])
                for cut, stem in stems(token.norm)):
            return False   # "وعلي"; not "فعلي" (actual), "لعلي"
        return not self.written_with_alef_maqsura(index)

    def is_time_word(self, index: int) -> bool:
        return time_word(self.lex, self.tokens[index].norm)

    def is_verb(self, index: int) -> bool:
        """An imperfect verb, maybe future, of a frequent verb: "يستمر", "تستمر",
        "سيجري", "نبحث", "يلتقون", "تقوده"; never a given name or a known person's name."""
        norm = self.tokens[index].norm
        if self.key(index) in self.lex.given_names or norm in self.lex.person_words:
            return False
        for _, word in readings(norm):
            if word.startswith(FUTURE_MARK) and word[1:2] in IMPERFECT_PREFIXES:
                word = word[1:]
            if len(word) < 4 or word[0] not in IMPERFECT_PREFIXES:
                continue
            rest = word[1:]
            if rest in self.lex.verb_stems:
                return True
            suffix = next((s for s in PRONOUN_SUFFIXES if rest.endswith(s)), None)
            if suffix and rest[: -len(suffix)] in self.lex.verb_stems \
                    and self.tokens[index].text.rstrip(TASHKEEL).endswith(suffix):
                return True   # its object a pronoun, written ه, not ة: "تقوده", not "تسوية"
            ending = next((e for e in VERB_ENDINGS if rest.endswith(e)), None)
            # a defective verb loses its last letter before the ending: "يلتقون" of "يلتقي"
            if ending and any(rest[: -len(ending)] + last in self.lex.verb_stems for last in DEFECTIVE_ENDS):
                return True
        return False

    def is_common(self, index: int) -> bool:
        """An ordinary word of Arabic news, inflected or not: "الشاملة" (شامل),
        "اللاعبين" (لاعب), "بخصوص" (خصوص)."""
        if index not in self._common:
            self._common[index] = self._is_common(index)
        return self._common[index]

    def _is_common(self, index: int) -> bool:
        return self.common_word(self.tokens[index].norm)

    def common_word(self, word: str) -> bool:
        common = self.lex.common_words
        for _, stem in stems(word):
            if stem in common:
                return True
            for suffix in INFLECTIONS:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3 and stem[: -len(suffix)] in common:
                    return True
        return False

    def span(self, first: int, last: int, cut: int = 0) -> Span:
        return Span(token_offset(self.tokens[first], cut), self.tokens[last - 1].span.end)


@remembered
def clitic_before_article(norm: str) -> bool:
    """A proclitic glued to a definite word ("بالعاصمة", "للأمن"): remembered per
    word, as the name, post and organisation rules ask it again and again."""
    return any(cut > 0 and (rest.startswith(ARTICLE) or cut >= 2 and norm.startswith(ARTICLE_AFTER_LAM))
               for cut, rest in readings(norm))


def stop_word(lex: Lexicons, norm: str) -> bool:
    """A function word, or one glued to a proclitic ("وفي", "بأن", "وعن": too short for stems to cut)."""
    return strip_article(norm) in lex.stopwords or any(stem in lex.stopwords for cut, stem in stems(norm) if cut > 0) \
        or norm[:1] in CONJUNCTIONS and norm[1:] in lex.stopwords


def time_word(lex: Lexicons, norm: str) -> bool:
    """A month, a weekday with its article or a date word, under any reading ("الخميس", "المقبل", "أمس")."""
    return strip_article(norm) in lex.time_words or any(rest in lex.time_words for _, rest in readings(norm))


def word_plainness(lex: Lexicons, norm: str) -> int:
    """What the word alone says of ``TokenTests.plain_word``: NEVER_PLAIN
    (punctuation, a number, a letter, a function or date word: "الخميس",
    "المقبل" are not the given name "خميس"), PLAIN (a given name), or
    ASK_CONTEXT (plain unless a title or a trigger starts there).  Remembered
    per word: the walkers ask it of some 35 tokens an article, and the same
    words again and again."""
    plainness = lex.plainness.get(norm)
    if plainness is None:
        if not norm[:1].isalnum() or norm.isdigit() or len(norm) < 2 or stop_word(lex, norm) or time_word(lex, norm):
            plainness = NEVER_PLAIN
        else:
            plainness = PLAIN if strip_article(norm) in lex.given_names else ASK_CONTEXT
        if len(lex.plainness) >= MEMO_SIZE:
            lex.plainness.clear()   # a bound for very long or hostile input
        lex.plainness[norm] = plainness
    return plainness
