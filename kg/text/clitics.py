"""Proclitics of Arabic words: conjunctions و ف, prepositions ب ل ك, the article ال.

A written word such as "وللأمن" is و + ل + ال + أمن.  Matching looks a word up
under each reading, so ``readings`` yields every (clitic length, remainder)
split that leaves a plausible stem; the caller keeps the one its lexicon knows.
All functions work on normalised text (kg.text.normalize).
"""

from __future__ import annotations

from typing import Final
from kg.text.memo import remembered


CONJUNCTIONS: Final = "وف"
PREPOSITIONS: Final = "بلك"
PROCLITICS: Final = CONJUNCTIONS + PREPOSITIONS
CONJUNCTION_WA: Final = "و"
CONJUNCTION_FA: Final = CONJUNCTIONS[1]   # ف: "فقال"; also the first letter of many words ("فكرتي")
PREPOSITION_LAM: Final = "ل"
CONJUNCTION_LAM: Final = CONJUNCTION_WA + PREPOSITION_LAM   # "ولمراقبة": و + ل, a conjoined complement
ARTICLE: Final = "ال"
ARTICLE_AFTER_LAM: Final = "لل"   # ل + ال, the alef of the article dropped in writing
PRONOUN_SUFFIXES: Final = ("هما", "هم", "ها", "ه")  # longest first
DUAL_PRONOUN_SUFFIX: Final = PRONOUN_SUFFIXES[0]   # "يستقبلهما": the two
FEMININE_PRONOUN_SUFFIX: Final = "ها"   # "يؤديها": her, or a feminine noun's ("الزيارة التي يؤديها")
SINGULAR_PRONOUN_SUFFIXES: Final = (FEMININE_PRONOUN_SUFFIX, "ه")   # "جمعه", "جمعها": one person
OBJECT_PRONOUNS: Final = ("هما", "ها", "ه")   # suffixes of a verb's object: "وقعاهما", "حضرها", "وقعه"; longest first
TASHKEEL: Final = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"   # tanwin, short vowels, shadda, sukun
PREPOSITION_BA: Final = "ب"
PREPOSITION_KAF: Final = PREPOSITIONS[2]   # ك: "كمبعوث" (as an envoy), "كدولة"
FEMININE_ENDING: Final = "ه"   # ta marbuta, as normalised
PLURAL_ENDING: Final = "ات"
ACCUSATIVE_ENDING: Final = "ا"   # the alef of tanween in the accusative ("سفيرا", "رسميا")
NISBA_ENDING: Final = "ي"   # the relative adjective that ends most family names with the article ("الجهيناوي")
# endings that inflect an ordinary word: feminine, plurals, duals, pronouns, adverbial ا (رسميا)
# (not ون or ان, which end many names: ماكرون، عثمان)
INFLECTIONS: Final = (FEMININE_ENDING, PLURAL_ENDING, "ين", "تين", "ها", "هم", ACCUSATIVE_ENDING)
IMPERFECT_PREFIX: Final = "ي"   # a verb in the imperfect: "يبحث", "ينال"
IMPERFECT_PREFIXES: Final = "\u064a\u062a\u0646"   # ي, ت, ن: the imperfect of the third persons and of "we"
FUTURE_PREFIXES: Final = ("سي", "ست", "سن")   # س + an imperfect prefix: "سيجريان"
MIN_STEM: Final = 2


@remembered
def readings(word: str) -> tuple[tuple[int, str], ...]:
    """Every split of ``word`` into proclitics and the rest, longest word first.

    >>> readings("وللامن")
    ((0, 'وللامن'), (1, 'للامن'), (2, 'لامن'), (3, 'الامن'))
    """
    found: list[tuple[int, str]] = [(0, word)]
    stack = [(0, word, False, False)]
    while stack:
        cut, rest, had_conj, had_prep = stack.pop()
        if not had_conj and not had_prep and rest[:1] and rest[0] in CONJUNCTIONS and len(rest) > MIN_STEM + 1:
            found.append((cut + 1, rest[1:]))
            stack.append((cut + 1, rest[1:], True, False))
        if not had_prep and rest[:1] and rest[0] in PREPOSITIONS and len(rest) > MIN_STEM + 1:
            found.append((cut + 1, rest[1:]))
            stack.append((cut + 1, rest[1:], True, True))
        if not had_prep and rest.startswith("لل") and len(rest) > MIN_STEM + 2:
            # ل + ال with the alef of the article dropped in writing
            found.append((cut + 2, "ال" + rest[2:]))
    unique: dict[tuple[int, str], None] = dict.fromkeys(found)
    return tuple(unique)


@remembered
def strip_article(word: str) -> str:
    """The word without a leading ال, when what remains is still a word.
    Remembered: the finders ask it of some 400 tokens an article, and a cache
    hit, in C, costs half the Python call."""
    if word.startswith(ARTICLE) and len(word) - 2 >= MIN_STEM:
        return word[2:]
    return word


def definite(word: str) -> bool:
    """The normalised word carries the article, behind proclitics or not ("الوفد",
    "والوفد", "بالزيارة")."""
    return any(rest.startswith(ARTICLE) for _, rest in readings(word))


@remembered
def stems(word: str) -> tuple[tuple[int, str], ...]:
    """(clitic length, stem without article) for every reading of ``word``;
    the clitic length counts the characters cut before the article."""
    out = {}
    for cut, rest in readings(word):
        out.setdefault(strip_article(rest), cut)
    return tuple((cut, stem) for stem, cut in out.items())


def behind_conjunction_only(word: str, cut: int) -> bool:
    """Whether the first ``cut`` letters of a normalised word are conjunctions only
    ("وعقد"), no preposition ("بعقد": a noun after a preposition is no one's act)."""
    return all(letter in CONJUNCTIONS for letter in word[:cut])


# Readings and stems as sets, remembered per word: whether a reading of a word is
# in a vocabulary is then one set operation, not a generator over its readings,
# and the rules ask it of the same words around each trigger, name and place.

@remembered
def reading_set(word: str) -> frozenset[str]:
    """The rests of ``readings(word)``: the word and what its proclitics leave."""
    return frozenset(rest for _, rest in readings(word))


@remembered
def stem_set(word: str) -> frozenset[str]:
    """The stems of ``stems(word)``: the word's readings without the article."""
    return frozenset(stem for _, stem in stems(word))


@remembered
def word_forms(word: str) -> frozenset[str]:
    """The word itself and its stems (``stem_set``)."""
    return stem_set(word) | {word}


@remembered
def conjunction_stems(word: str) -> frozenset[str]:
    """The stems of ``word`` (``stems``) behind no proclitic but a conjunction:
    "وعقد" gives عقد, "بعقد" does not.  Remembered: the event frames ask it of
    every word in a window before each trigger, and the words recur."""
    return frozenset(stem for cut, stem in stems(word) if behind_conjunction_only(word, cut))
