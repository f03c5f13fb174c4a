"""Tokens and sentences, with offsets into the original text.

pyarabic's ``sentence_tokenize`` splits on commas, which breaks the
"title، name،" appositions extraction relies on, so sentences are split here:
at full stops, question and exclamation marks (Latin and Arabic), ellipses and
line breaks, but not inside numbers ("3.5").
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from itertools import repeat
from typing import Final

from kg.model import TRUSTED_SETTERS, Sentence, Span, Token, trusted_span, trusted_token
from kg.text.memo import remembered
from kg.text.normalize import HASHTAG, HASHTAG_JOINER, normalize_for_matching


def _format_characters() -> str:
    """The invisible format characters (Unicode category Cf) of the Basic
    Multilingual Plane and the tag block, as a character class body: zero-width
    space, non-joiner and joiner, soft hyphen, the Arabic letter mark, the
    directional marks, embeddings, overrides and isolates, the byte-order mark.
    Consecutive characters are written as ranges ("\u200b-\u200f"): the regex
    engine tests a class of 16 ranges far faster than one of 140 characters
    each listed (the tag block out of the Basic Multilingual Plane makes it
    keep the list as written), which had made the class half of tokenising."""
    codes = [code for code in (*range(0x10000), *range(0xE0000, 0xE0080)) if unicodedata.category(chr(code)) == "Cf"]
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
                   for first, last in runs)


# The Arabic letters and the ASCII letters and digits are word characters (\w)
# named again: the regex engine tests a character against the listed ones first,
# a table lookup, and against the category \w only when they miss.
_WORD_CHARS: Final = (r"\u0621-\u063a\u0641-\u064a0-9A-Za-z"
               r"\w\u0640\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed")
_INVISIBLE: Final = _format_characters()
# A word is a run of letters, digits and combining marks (harakat, tatweel);
# format characters inside it belong to it ("فيي<RLM>نا" is one word), at its
# edges they belong to no token, like spaces, so no token and no mention
# starts or ends with an invisible character.  A hashtag's mark glued to a
# word ("#ترمب", "#سد_النهضة") belongs to no token either: web outlets tag
# names inside running text ("دونالد #ترمب"), and a name must read on through
# the mark.  Any other visible character is a one-character punctuation token.
# A token starts on no space, so the leading lookahead lets the engine pass the
# spaces between words without trying both alternatives at each; the runs are
# possessive, as giving characters back could never make another match (words
# and format characters share none): a tenth less time, the same tokens.
_TOKEN: Final = re.compile(f"(?=\\S)(?:[{_WORD_CHARS}]++(?:[{_INVISIBLE}]++[{_WORD_CHARS}]++)*+"
                    f"|(?!{HASHTAG}[{_WORD_CHARS}])[^{_WORD_CHARS}\\s{_INVISIBLE}])")
# A sentence end: a full stop, question or exclamation mark or ellipsis not
# between digits ("3.5"), with the marks and closing quotes after it, or a run
# of line breaks.  The pattern opens on the class of every character an end can
# start with, so the regex engine scans for the next candidate in one pass
# instead of trying the alternatives (and the lookbehind) at every character;
# which alternative the character opened is asked after it (lookbehinds): less
# than half the time of a leading lookahead, the same matches.
_SENTENCE_END: Final = re.compile(r"[.!?؟…\n](?:(?<=[.!?؟…])(?<!\d[.!?؟…])(?!\d)[.!?؟…\"'”»)]*|(?<=\n)\n*)")
# a Latin acronym written in Arabic letters, a letter or a syllable each, joined by dots ("سي.بي.إس",
# "أر.تي", "أ.ف.ب"): its dots end no sentence (its letters without the tatweel, never one of them;
# a web address, "عبّــر.كوم", is none; a dot ending the sentence after it is no part of it)
_LETTER: Final = "[\u0621-\u063a\u0641-\u064a]"
ACRONYM_REACH: Final = 24   # characters an acronym reaches on either side of one of its dots (six parts of three letters)
ACRONYM: Final = re.compile(f"(?<![\\w\u0640.]){_LETTER}{{1,3}}(?:\\.{_LETTER}{{1,3}}){{1,5}}(?![\\w\u0640])(?!\\.{_LETTER})")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    if text.find(HASHTAG_JOINER, start, end) != -1:
        return _tokenize_hashtags(text, start, end)
    # every step a C-level loop over the matches (map and consume), no Python
    # code per token: built one by one, the tokens and their spans were two
    # thirds of tokenising
    matches = list(_TOKEN.finditer(text, start, end))
    count = len(matches)
    surfaces = list(map(_GROUP, matches))
    spans = list(map(_NEW, repeat(Span, count)))
    _consume(map(_SET_START, spans, map(_START, matches)))
    _consume(map(_SET_END, spans, map(_END, matches)))
    tokens = list(map(_NEW, repeat(Token, count)))
    _consume(map(_SET_SPAN, tokens, spans))
    _consume(map(_SET_TEXT, tokens, surfaces))
    _consume(map(_SET_NORM, tokens, map(_norm, surfaces)))
    return tokens


def _tokenize_hashtags(text: str, start: int, end: int) -> list[Token]:
    """``tokenize`` for a stretch of text with an underscore in it: a hashtag's
    words ("#سد_النهضة") are tokens of their own (``_hashtag_words``)."""
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        surface = match.group()
        if HASHTAG_JOINER in surface and match.start() > 0 and text[match.start() - 1] == HASHTAG:
            tokens += _hashtag_words(text, match.start(), surface)
        else:
            tokens.append(trusted_token(match.start(), match.end(), surface, _norm(surface)))
    return tokens


# what kg.model.trusted_token does, each step as a function to map over the matches
_NEW: Final = object.__new__
_SET_START, _SET_END, _SET_SPAN, _SET_TEXT, _SET_NORM = TRUSTED_SETTERS
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end
_consume = deque(maxlen=0).extend   # runs an iterator to its end, keeping nothing


def _hashtag_words(text: str, first: int, surface: str) -> list[Token]:
    """The words a hashtag joins with underscores ("#عبد_الله_الثاني"), each a
    token: a name or a place inside a hashtag reads as in running text."""
    tokens = []
    offset = first
    for part in surface.split(HASHTAG_JOINER):
        if part:
            tokens.append(trusted_token(offset, offset + len(part), part, _norm(part)))
        offset += len(part) + 1
    return tokens


# Each word's normalised form, remembered: most words of an article recur
# (clitics, titles, names), and a lookup costs a twentieth of the translation.
_norm = remembered(normalize_for_matching)


def acronym_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The character spans of the acronyms (ACRONYM) in text[start:end].  A dot
    between two letters is rare: the regex runs only around the first and last
    such dot, not over every character of the text."""
    end = len(text) if end is None else end
    dots = []
    at = text.find(".", start + 1, end - 1)
    while at != -1:
        if text[at - 1].isalpha() and text[at + 1].isalpha():
            dots.append(at)
        at = text.find(".", at + 1, end - 1)
    if not dots:
        return []
    return [found.span() for found in ACRONYM.finditer(text, max(start, dots[0] - ACRONYM_REACH),
                                                        min(end, dots[-1] + ACRONYM_REACH))]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of the sentences in text[start:end], trimmed of surrounding space."""
    end = len(text) if end is None else end
    acronyms = acronym_spans(text, start, end)
    ends = (match for match in _SENTENCE_END.finditer(text, start, end)
            if not acronyms or not any(first < match.start() < last for first, last in acronyms))
    bounds = [start, *(match.end() for match in ends), end]
    trimmed = []
    for first, last in zip(bounds, bounds[1:]):
        chunk = text[first:last]
        kept = chunk.lstrip()
        left = len(chunk) - len(kept)
        right = len(chunk.rstrip())
        # most sentences open on a letter: the search for one stops there
        if right > left and (kept[:1].isalnum() or any(char.isalnum() for char in kept)):
            trimmed.append(trusted_span(first + left, first + right))   # 0 <= first + left < first + right
    return trimmed


def segment(text: str, body_start: int) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """Tokenise the text and group tokens into sentences; the headline
    (text before ``body_start``) is one sentence of its own."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    regions = [(0, body_start, True), (body_start, len(text), False)]
    for region_start, region_end, is_headline in regions:
        if region_end <= region_start:
            continue
        spans = [Span(region_start, region_end)] if is_headline else sentence_spans(text, region_start, region_end)
        for span in spans:
            sentence_tokens = tokenize(text, span.start, span.end)
            if not sentence_tokens:
                continue
            first = len(tokens)
            tokens.extend(sentence_tokens)
            trimmed = trusted_span(sentence_tokens[0].span.start, sentence_tokens[-1].span.end)
            sentences.append(Sentence(trimmed, (first, len(tokens)), is_headline))
    return tuple(tokens), tuple(sentences)
