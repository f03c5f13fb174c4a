"""The agency a wire's dateline names: the article's publisher.

A wire opens its body with where and when the story was filed and who files
it: "بكين 30 مايو 2024 (شينخوا) ألقى ...", "بورتسودان (سونا) - أدى ...",
"أبوظبي في 24 نوفمبر / وام / استقبل ...", "الرياض - سبأ".  The publisher of
the article is no entity of it (GUIDE 1), wherever else the article names it;
an agency the body cites ("ونقلت وكالة الأنباء السودانية أن ...") still is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from kg.extract.lexicon import function_words, word_key
from kg.model import ORGANISATION, Document, Mention
from kg.text.normalize import name_key

DATELINE_CHARS: Final = 80   # characters of the body's opening in which the publisher's name stands
_DATELINE_WORDS: Final = function_words("dateline")   # "الرياض في", "1445 هـ الموافق 27 يناير 2024 م"
_CLOSING: Final = frozenset(")/-–—:|\n")   # what closes the publisher's name: its bracket or slash, a dash, the line's end


def without_publisher(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without those of the organisation the body's dateline names
    as its publisher (all of them, by key or name); the same list when the body
    opens on no dateline."""
    publisher = dateline_agency(doc, mentions)
    if publisher is None:
        return list(mentions)
    same = _identity(publisher)
    return [m for m in mentions if m.type is not ORGANISATION or _identity(m) != same]


def dateline_agency(doc: Document, mentions: Sequence[Mention]) -> Mention | None:
    """The organisation mention that closes the dateline opening the body: after
    a place and maybe a date, nothing but punctuation and dateline words between
    them, and closed by its bracket, a slash, a dash or the line's end."""
    start = doc.body_start
    limit = start + DATELINE_CHARS
    opening = sorted((m for m in mentions if start <= m.span.start < limit), key=lambda m: m.span.start)
    agency = next((m for m in opening if m.type is ORGANISATION), None)
    if agency is None:
        return None
    before = [m for m in opening if m.span.end <= agency.span.start]
    if not before or not before[0].type.is_place:
        return None   # a dateline opens on where it was filed
    spans = [m.span for m in before] + [t.span for t in doc.times if start <= t.span.start < agency.span.start]
    for token in doc.tokens[bisect_left(doc.token_starts, start):]:
        if token.span.start >= agency.span.start:
            break
        if any(span.start <= token.span.start < span.end for span in spans):
            continue
        if token.norm[:1].isalnum() and not token.norm.isdigit() and word_key(token.norm) not in _DATELINE_WORDS:
            return None   # a word: the body's first sentence has begun ("قال مصدر لوكالة الأنباء")
    after = doc.text[agency.span.end:agency.span.end + 3].lstrip(" ")
    return agency if not after or after[0] in _CLOSING else None


def _identity(mention: Mention) -> str:
    return mention.key or name_key(mention.text)
