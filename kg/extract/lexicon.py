"""Phrase lexicons: data files compiled into a token trie for fast lookup.

Every lexicon in ``resources/`` is a UTF-8 TSV with ``#`` comment lines (its
source and licence first).  A ``PhraseLexicon`` maps phrases to values and finds
them in a token sequence in one pass: words are compared normalised and without
the article, and the first word of a phrase may carry proclitics (و ف ب ل ك),
so "وبالعاصمة" finds "العاصمة".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final, Generic, TypeVar

from kg.errors import ResourceError
from kg.model import Token, writes_slots
from kg.text.clitics import stems, strip_article
from kg.text.memo import WORDS_KEPT
from kg.text.normalize import normalize_for_matching
from kg.text.segment import tokenize

V = TypeVar("V")
_END: Final = "\0"  # trie key holding the values of a complete phrase
MEMO_SIZE = WORDS_KEPT  # first words remembered per lexicon and clitic mode: every word memo's bound


def word_key(word: str) -> str:
    """How a word is compared inside a phrase: normalised, without the article."""
    return strip_article(normalize_for_matching(word))


def phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(word_key(token.text) for token in tokenize(phrase) if token.text[0].isalnum() or token.text.isalnum())


@writes_slots   # built some 60 times an article
@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    start: int          # index of the first token
    end: int            # index after the last token
    cut: int            # proclitic characters (normalised) before the phrase on the first token
    values: tuple[V, ...]


class PhraseLexicon(Generic[V]):
    def __init__(self, entries: Iterable[tuple[str, V]]):
        self._trie: dict = {}
        self._memo: dict[bool, dict[str, tuple[tuple[int, dict], ...]]] = {True: {}, False: {}}
        for phrase, value in entries:
            keys = phrase_keys(phrase)
            if not keys:
                continue
            node = self._trie
            for key in keys:
                node = node.setdefault(key, {})
            bucket = node.setdefault(_END, [])
            if value not in bucket:
                bucket.append(value)

    def __contains__(self, phrase: str) -> bool:
        return self.lookup(phrase) != ()

    def lookup(self, phrase: str) -> tuple[V, ...]:
        node: dict | None = self._trie
        for key in phrase_keys(phrase):
            node = node.get(key)
            if node is None:
                return ()
        return tuple(node.get(_END, ()))

    def match_at(self, tokens: Sequence[Token], start: int, limit: int | None = None,
                 clitics: bool = True) -> Match[V] | None:
        """The longest phrase starting at token ``start`` (before ``limit``)."""
        norm = tokens[start].norm
        openings = self._memo[clitics].get(norm)
        if openings is None:
            openings = self._openings(norm, clitics)
        if not openings:
            return None
        limit = len(tokens) if limit is None else limit
        # the best phrase so far as its node, end and cut: one Match is built, for
        # the best only, and a node holding no longer phrase is not read past
        # (most phrases are one word: the next token needs no key)
        best: dict | None = None
        best_end = best_cut = 0
        node: dict | None
        for cut, node in openings:
            index = start + 1
            while True:
                if _END in node:
                    if best is None or index > best_end or (index == best_end and cut < best_cut):
                        best, best_end, best_cut = node, index, cut
                    if len(node) == 1:
                        break
                if index >= limit:
                    break
                node = node.get(strip_article(tokens[index].norm))
                if node is None:
                    break
                index += 1
        return None if best is None else Match(start, best_end, best_cut, tuple(best[_END]))

    def opens(self, norm: str, clitics: bool = True) -> bool:
        """Whether a phrase can start on the normalised word ``norm``."""
        return bool(self._openings(norm, clitics))

    def _openings(self, norm: str, clitics: bool) -> tuple[tuple[int, dict], ...]:
        """(clitic length, trie node) for each reading of a first word that opens
        a phrase, remembered per word: the walkers ask about every token of a
        sentence several times, and most open nothing."""
        memo = self._memo[clitics]
        found = memo.get(norm)
        if found is None:
            readings = stems(norm) if clitics else ((0, strip_article(norm)),)
            found = tuple((cut, node) for cut, stem in readings if (node := self._trie.get(stem)) is not None)
            if len(memo) >= MEMO_SIZE:
                memo.clear()   # a bound for very long or hostile input
            memo[norm] = found
        return found

    def finditer(self, tokens: Sequence[Token], start: int = 0, end: int | None = None,
                 clitics: bool = True, openers: Sequence[int] | None = None) -> Iterator[Match[V]]:
        """Longest non-overlapping matches, left to right.  ``openers``: the
        indices in [start, end) of the tokens whose word ``opens`` a phrase, when
        known already (kg.extract.openers); the others cannot start a match."""
        end = len(tokens) if end is None else end
        if openers is None:
            memo = self._memo[clitics]
            # the tokens not known to open nothing, picked in one pass (most are
            # known to): a comprehension steps over the others faster than a loop
            openers = [index for index in range(start, end) if memo.get(tokens[index].norm) != ()]
        after = start   # the token after the last match
        for index in openers:
            if index < after:
                continue
            found = self.match_at(tokens, index, end, clitics)
            if found is not None:
                yield found
                after = found.end


def read_tsv(name: str, columns: int) -> list[list[str]]:
    """Rows of a bundled TSV in kg/extract/resources, comments skipped, each
    padded to ``columns`` fields; a malformed file is a ResourceError."""
    try:
        text = resources.files("kg.extract.resources").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as error:
        raise ResourceError("cannot read bundled lexicon", name) from error
    rows = []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if len(row) > columns:
            raise ResourceError(f"row {number} has {len(row)} fields, expected {columns}", name)
        rows.append([field.strip() for field in row] + [""] * (columns - len(row)))
    return rows


@lru_cache(maxsize=1)
def _function_word_rows() -> dict[str, tuple[str, ...]]:
    """The words of function_words.tsv by role, as written, read once: the modules
    ask for some 200 roles as they are imported."""
    rows: dict[str, list[str]] = {}
    for word, role in read_tsv("function_words.tsv", 2):
        rows.setdefault(role, []).append(word)
    return {role: tuple(words) for role, words in rows.items()}


@lru_cache(maxsize=None)
def function_words(role: str) -> frozenset[str]:
    """Word keys of one closed class in function_words.tsv ("demonstrative", ...)."""
    words = frozenset(" ".join(phrase_keys(word)) for word in _function_word_rows().get(role, ()))
    if not words:
        raise ResourceError(f"no words for role {role!r}", "function_words.tsv")
    return words


@lru_cache(maxsize=None)
def function_word(role: str) -> str:
    """The word key of a role of function_words.tsv that holds one word ("with": "مع")."""
    words = function_words(role)
    if len(words) != 1:
        raise ResourceError(f"role {role!r} has {len(words)} words, expected one", "function_words.tsv")
    return next(iter(words))


@lru_cache(maxsize=None)
def function_word_as_written(role: str) -> str:
    """The one word (or phrase) of a role of function_words.tsv as the file writes
    it, not normalised: for what is searched in an article's raw text or written
    out ("خادم الحرمين", "المملكة")."""
    words = _function_word_rows().get(role, ())
    if len(words) != 1:
        raise ResourceError(f"role {role!r} has {len(words)} words, expected one", "function_words.tsv")
    return words[0]
