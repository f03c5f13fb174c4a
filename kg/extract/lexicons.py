"""The bundle of lexicons the sentence walker reads, loaded once from
``resources/`` (kg.extract.lexicon holds the machinery: PhraseLexicon,
read_tsv, word_key)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from kg.extract.lexicon import PhraseLexicon, function_words, read_tsv, word_key
from kg.text.clitics import ARTICLE
from kg.text.normalize import normalize_for_matching

NAME_PARTICLES: Final = function_words("name_particle")
# "ونظيرتها الإسبانية": a body's counterpart, the state its adjective names a side
COUNTERPART_BODIES: Final = function_words("counterpart_body")
# "التعاون": a common noun that belongs to no name but does to a minister's domain or a body's ("منتدى التعاون")
DOMAIN_NOUNS: Final = function_words("domain_noun")
HYPHENS: Final = frozenset("-\u2010\u2011\u2013")   # between two parts of a name or two states' adjectives
# "أبو بكر البغدادي", "بن علي": a particle that opens a name when a given name follows it
OPENING_PARTICLES: Final = function_words("opening_particle")
# roles of date_words.tsv whose words stand for a time of their own
TIME_ROLES: Final = ("relation", "yesterday", "tomorrow", "morrow", "day_word", "part")
# hamza-alef and lam open some foreign names ("ألان"): no article, though it normalises to one, so
# "ألان" keys as "ان", the key of "أن" and "إن", which open no name
HAMZA_LAM: Final = ("أل", "إل", "آل")


@dataclass(frozen=True)
class Lexicons:
    titles: PhraseLexicon[str]
    honorifics: PhraseLexicon[tuple[bool, str]]
    org_heads: PhraseLexicon[str]
    venue_heads: PhraseLexicon[bool]
    triggers: PhraseLexicon[str]
    stopwords: frozenset[str]
    given_names: frozenset[str]
    # the first words of given names written as two ("عبد الرحيم", "نور الدين"): "عبد" opens a name
    compound_heads: frozenset[str]
    common_names: frozenset[str]
    # given names only men bear ("محمد", "دونالد"): "زيارتها" is no visit of theirs
    masculine_names: frozenset[str]
    common_words: frozenset[str]
    frequent_words: frozenset[str]
    time_words: frozenset[str]
    verb_stems: frozenset[str]
    person_words: frozenset[str]
    # two words in a row of a known person's name ("وليد المعلم"), normalised as written
    name_pairs: frozenset[tuple[str, str]]
    # the second words of those pairs: a word that is none reads on no known name
    # whatever the word before it (most words; NameRules.known_pair asks of many)
    name_pair_seconds: frozenset[str]
    # a known person's one-word name ("ترمب") -> the words of all that person's names
    lone_names: dict[str, frozenset[str]]
    # a known person's names of two words or more, normalised as written ("دونالد ترامب")
    full_names: frozenset[tuple[str, ...]]
    full_name_ends: frozenset[str]   # the last words of full_names ("السوداني")
    # what the walkers learn about one word, remembered across sentences and
    # articles (kg.extract.patterns: which phrases a word can open, as flags)
    memo: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)
    # and what a word alone says of whether it can be part of a name (kg.extract.walker.word_plainness)
    plainness: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> Lexicons:
        # each file read once: several sets come from the same rows
        people, given = read_tsv("people.tsv", 8), read_tsv("given_names.tsv", 3)
        common = read_tsv("common_words.tsv", 2)
        name_pairs = frozenset((normalize_for_matching(first), normalize_for_matching(second))
                               for row in people for name in row[3].split("|") for first, second in _pairs(name.split()))
        full_names = frozenset(tuple(normalize_for_matching(word) for word in name.split())
                               for row in people for name in row[3].split("|") if len(name.split()) >= 2)
        return cls(
            titles=PhraseLexicon((row[0], row[1]) for row in read_tsv("titles.tsv", 2)),
            honorifics=PhraseLexicon((row[0], (row[1] == "1", normalize_for_matching(row[0].split()[0])))
                                     for row in read_tsv("honorifics.tsv", 2)),
            org_heads=PhraseLexicon((row[0], row[1]) for row in read_tsv("org_heads.tsv", 2)),
            # value: whether the head names a venue when definite too ("القصر"); a site's head
            # names one only in construct ("محطة الضبعة النووية", not "المحطة الثانية")
            venue_heads=PhraseLexicon((row[0], row[1] != "construct") for row in read_tsv("venue_heads.tsv", 2)),
            triggers=PhraseLexicon((row[0], row[1]) for row in read_tsv("triggers.tsv", 3)),
            stopwords=_stopwords(),
            given_names=frozenset(key for row in given if row[1] in ("m", "f", "u")
                                  and not (row[0].startswith(HAMZA_LAM) and word_key(row[0]) in _stopwords())
                                  for key in (word_key(row[0]), word_key(row[0].replace(" ", "")))),
            compound_heads=frozenset(word_key(row[0].split()[0]) for row in given
                                     if row[1] in ("m", "f", "u") and " " in row[0]),
            # given names that are also common words ("سعيد", "أمين") start a name only after a title
            common_names=frozenset(word_key(row[0]) for row in given if row[2] == "1"),
            masculine_names=frozenset(word_key(row[0].replace(" ", "")) for row in given if row[1] == "m")
            - frozenset(word_key(row[0].replace(" ", "")) for row in given if row[1] in ("f", "u")),
            common_words=frozenset(row[0] for row in common),
            # ordinals are frequent words that do follow a given name ("محمد السادس")
            frequent_words=frozenset(row[0] for row in common if row[1] == "1")
            - frozenset(word_key(row[0]) for row in read_tsv("ordinals.tsv", 3)),
            # months by key; weekdays only with their article ("الخميس"): "خميس" is a name
            time_words=frozenset(word_key(row[0]) for row in read_tsv("months.tsv", 2))
            | frozenset(normalize_for_matching(row[0]) for row in read_tsv("weekdays.tsv", 2))
            # "الماضي", "المقبل", "أمس", "غدا", "اليوم": date words no name runs into
            | frozenset(word_key(row[0]) for row in read_tsv("date_words.tsv", 3) if row[1] in TIME_ROLES),
            verb_stems=frozenset(row[0] for row in read_tsv("verb_stems.tsv", 1)),
            # the words of known people's names ("تبون") are never read as verbs
            person_words=frozenset(word_key(word) for row in people for name in row[3].split("|")
                                   for word in name.split()),
            name_pairs=name_pairs,
            name_pair_seconds=frozenset(second for _, second in name_pairs),
            lone_names=_lone_names(),
            full_names=full_names,
            full_name_ends=frozenset(name[-1] for name in full_names),
        )


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(word_key(row[0]) for row in read_tsv("stopwords.tsv", 1))


def _pairs(words: list[str]) -> list[tuple[str, str]]:
    return list(zip(words, words[1:]))


def _lone_names() -> dict[str, frozenset[str]]:
    """Known people's one-word names that are neither given names nor ordinary
    words nor written with the article ("ترمب", "بوتين"; not "عباس", "الحريري"), each with the words of all its
    person's names: another given name before one starts another name ("قمة
    كيم ترمب")."""
    words: dict[str, set[str]] = {}
    for row in read_tsv("people.tsv", 8):
        words.setdefault(row[0], set()).update(word_key(w) for name in row[3].split("|") for w in name.split())
    ordinary = {word_key(row[0]) for row in read_tsv("given_names.tsv", 3)} | {
        row[0] for row in read_tsv("common_words.tsv", 2)}
    lone: dict[str, set[str]] = {}
    for row in read_tsv("people.tsv", 8):
        for name in row[3].split("|"):
            key = word_key(name)
            # a family name with the article is shared by a family ("رفيق الحريري")
            if " " not in name.strip() and key not in ordinary and not normalize_for_matching(name).startswith(ARTICLE):
                lone.setdefault(key, set()).update(words[row[0]])
    return {key: frozenset(found) for key, found in lone.items()}
