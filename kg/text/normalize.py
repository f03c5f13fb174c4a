"""Arabic normalisation for matching, with a map back to original offsets.

Matching compares normalised forms (GUIDE section 5): diacritics and tatweel
removed, hamza-carrying alefs to bare alef, alef maqsura to ya, ta marbuta to
ha, Arabic-Indic, Persian and every other digit to ASCII, lam-alef ligatures
split, and invisible format characters (zero-width and bidi controls) dropped.  Because
these change lengths, ``normalize_with_offsets`` returns for every normalised
character the offset of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from pyarabic import araby
from kg.text.memo import remembered

_DROP = set(araby.TASHKEEL) | {araby.TATWEEL, araby.SUPERSCRIPT_ALEF if hasattr(araby, "SUPERSCRIPT_ALEF") else "\u0670"}
# Zero-width and bidi control characters: invisible, never part of a word.
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"}
_DROP |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
_DROP |= {"\u0610", "\u0611", "\u0612", "\u0613", "\u0614", "\u0615", "\u0616", "\u0617", "\u0618", "\u0619", "\u061a"}

_ALEFS: Final = {araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_MADDA, araby.ALEF_WASLA}
_LIGATURES: Final = {
    "\ufefb": "لا", "\ufefc": "لا", "\ufef5": "لا", "\ufef6": "لا",
    "\ufef7": "لا", "\ufef8": "لا", "\ufef9": "لا", "\ufefa": "لا",
}
_DIGITS: Final = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}


def _fold_char(char: str) -> str:
    """The normalised form of one character ('' when it is dropped)."""
    if char in _DROP:
        return ""
    if char in _ALEFS:
        return araby.ALEF
    if char == araby.ALEF_MAKSURA:
        return araby.YEH
    if char == araby.TEH_MARBUTA:
        return araby.HEH
    if char in _LIGATURES:
        return _LIGATURES[char]
    if char in _DIGITS:
        return _DIGITS[char]
    digit = unicodedata.digit(char, None)
    if digit is not None:
        # Any other digit (Devanagari, superscript "²", circled "①"): ASCII, so
        # that a normalised token passing str.isdigit() always passes int().
        return str(digit)
    if char == "\u06cc":  # Farsi yeh, common in web text for ya
        return araby.YEH
    if char == "\u06a9":  # keheh for kaf
        return araby.KAF
    if char in "\u00a0\u2002\u2003\u2009\u202f":
        return " "
    if unicodedata.category(char) == "Cf":
        return ""
    return char


@lru_cache(maxsize=None)
def _fold(char: str) -> str:
    return _fold_char(char)


class _FoldTable(dict):
    """A str.translate table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE: Final = _FoldTable()


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Normalised text and, for each of its characters, the original offset."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised stretch [start, end)."""
        if start >= end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize_with_offsets(text: str) -> NormalisedText:
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold(char)
        out.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return NormalisedText("".join(out), tuple(offsets))


def normalize_for_matching(text: str) -> str:
    """The normalised form used to compare names (no offsets kept)."""
    if len(text) <= REMEMBERED_LENGTH:
        return _normalised_short(text)
    return text.translate(_TABLE)


# A word's or a name's normalised form, remembered: str.translate through a
# table looks up every character, the cost of a hundred memo hits for a
# name, and the rules normalise the same mentions' texts again and again
# (some 40 calls an article, 2% of extraction's instructions).  Longer texts,
# a sentence or an article, are translated each time: a memo of them could
# hold whole articles.
REMEMBERED_LENGTH: Final = 48
_normalised_short = remembered(lambda text: text.translate(_TABLE))


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanwin, shadda and tatweel, keeping the letters as they are."""
    return araby.strip_tatweel(araby.strip_tashkeel(text))


HASHTAG: Final = "#"
HASHTAG_JOINER: Final = "_"   # the words of one hashtag: "#سد_النهضة"
_WORD: Final = re.compile(r"\S+")


def readable_name(text: str) -> str:
    """A name as a reader sees it, for labels: a hashtag's mark dropped and its
    joiners read as spaces ("دونالد #ترمب" -> "دونالد ترمب", "#عبد_الله_الثاني" ->
    "عبد الله الثاني"; a mention may start after the mark, "عبد_الله_الثاني").
    A mention's surface form keeps them, as written; other words stay as they are."""
    if HASHTAG not in text and HASHTAG_JOINER not in text:
        return text   # the labels of nearly every mention: each word would be rebuilt as it is
    def readable(word: re.Match) -> str:
        parts = word.group().removeprefix(HASHTAG).split(HASHTAG_JOINER)
        return " ".join(part for part in parts if part) or word.group()
    return _WORD.sub(readable, text)


_PUNCT: Final = re.compile(r"[^\w\s]|_")
_SPACES: Final = re.compile(r"\s+")
_CLITIC_ARTICLE: Final = re.compile(r"^(?:[وبلف]?ال|لل)(?=\w{2,})")


@remembered
def name_key(text: str) -> str:
    """The comparison key of GUIDE section 5: normalised, a leading (clitic+)ال
    removed from each word, punctuation to spaces, spaces collapsed.  Remembered:
    resolution, linking and events key the same names again and again (some 40
    calls an article), and three regex passes cost a hundred lookups."""
    folded = _PUNCT.sub(" ", normalize_for_matching(text))
    words = [_CLITIC_ARTICLE.sub("", word) for word in folded.split()]
    return _SPACES.sub(" ", " ".join(words)).strip()
