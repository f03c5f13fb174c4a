"""What the finders read of each word of a document, asked of one memo.

Four finders scan every token of a sentence for the few that a phrase of
theirs can start on: dates (kg.extract.dates), gazetteer names
(kg.extract.gazetteer), the walker's names, titles and head nouns
(kg.extract.patterns) and event triggers (kg.extract.triggers).  Each
remembers its answer per word in a memo of every word met, and on a large memo
a look-up misses the processor's caches: four memos were four misses a token,
a twentieth of extraction's time.  For the bundled lexicons one memo answers
all four at once, as bit flags; the pipeline reads a document's tokens through
it once, and hands each finder the indices of the tokens that open a phrase
of its own.  A finder called alone, or with other lexicons, asks its own memo.
The same memo gives each word's key (without the article) and bare word
(without "و" or the article), which the frames read of every token.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter

from kg.extract.dates import DateLexicon
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicons import Lexicons
from kg.extract.patterns import phrase_openings
from kg.extract.triggers import opens_trigger
from kg.extract.walker import OPENS_DATE, OPENS_GAZETTEER, OPENS_TRIGGER
from kg.model import Token
from kg.text.clitics import CONJUNCTION_WA, strip_article
from kg.text.memo import remembered

# the walker's own flags are the low bits (walker.PHRASE_OPENINGS); the other finders' above them
DATE, GAZETTEER, TRIGGER = OPENS_DATE, OPENS_GAZETTEER, OPENS_TRIGGER
_OPENINGS, _KEY, _BARE = itemgetter(0), itemgetter(1), itemgetter(2)


@remembered
def word_facts(norm: str) -> tuple[int, str, str]:
    """What the finders read of the normalised word: its ``word_openings``,
    its key and its bare word."""
    openings = (phrase_openings(Lexicons.bundled(), norm)
                | DATE * DateLexicon.bundled().opens_date(norm)
                | GAZETTEER * Gazetteer.bundled().lexicon.opens(norm)
                | TRIGGER * opens_trigger(norm))
    return openings, strip_article(norm), bare_word(norm)


def word_openings(norm: str) -> int:
    """The flags of what the normalised word can open, for the bundled lexicons."""
    return word_facts(norm)[0]


def bare_word(norm: str) -> str:
    """A normalised word without a leading "و" or the article ("وتستمر": تستمر,
    "الجلسة": جلسه); a word of three letters keeps its و ("وفد")."""
    return strip_article(norm[1:] if norm[:1] == CONJUNCTION_WA and len(norm) > 3 else norm)


@dataclass(frozen=True)
class Openings:
    """The tokens of one document by what their words can open."""

    flags: list[int]          # each token's word_openings
    dates: list[int]          # the indices of the tokens with DATE, in order
    names: list[int]          # ... with GAZETTEER
    triggers: list[int]       # ... with TRIGGER
    keys: list[str]           # each token's word key (kg.extract.lexicon.word_key)
    bare: list[str]           # each token's bare_word
    norms: list[str]          # each token's normalised word (Token.norm), for scans in C

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> Openings:
        # (the words read by a comprehension: attrgetter reads a slot by the generic lookup, half as fast)
        norms = [token.norm for token in tokens]
        facts = list(map(word_facts, norms))
        flags = list(map(_OPENINGS, facts))
        # the tokens that open anything, picked in C: seven in ten open nothing, so
        # each finder's own are picked from these few (half the time of three
        # passes over every token)
        opening = list(compress(count(), flags))
        return cls(flags, _with(flags, opening, DATE), _with(flags, opening, GAZETTEER),
                   _with(flags, opening, TRIGGER), list(map(_KEY, facts)), list(map(_BARE, facts)), norms)


def _with(flags: list[int], opening: list[int], flag: int) -> list[int]:
    """The indices, of those ``opening`` anything, whose flags hold ``flag``."""
    return [index for index in opening if flags[index] & flag]


def between(indices: list[int], start: int, end: int) -> list[int]:
    """The sorted ``indices`` in [start, end): one sentence's."""
    first = bisect_left(indices, start)
    return indices[first:bisect_left(indices, end, first)]


# The openings of the document read last, by the identity of its tokens: every
# stage of a document keeps its tokens (a stage replacing them makes another
# tuple), and its stages run one after the other.
_LAST: tuple[Sequence[Token], Openings] | None = None


def openings_of(tokens: Sequence[Token]) -> Openings:
    """The Openings of a document's tokens, read once for all its stages."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is tokens:
        return last[1]
    found = Openings.of(tokens)
    _LAST = (tokens, found)
    return found
