"""Trigger words: where a sentence tells an event ("استقبل", "مباحثات",
"زيارته"), of which type and frame, and whether the words around make it one
("عقد العديد من اللقاءات" is habitual; a session needs its number)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.dates import ordinal_value
from kg.extract.lexicon import MEMO_SIZE, Match, PhraseLexicon, function_words, read_tsv, word_key
from kg.model import EventType, Span, Token
from kg.text.clitics import PRONOUN_SUFFIXES

_GENERIC = function_words("generic")
_AWARD_CUES = function_words("award_cue")


@dataclass(frozen=True, slots=True)
class Trigger:
    first: int           # token range
    last: int
    type: EventType
    frame: str
    suffixed: bool       # "استقباله": the actor is a pronoun


@lru_cache(maxsize=1)
def trigger_lexicon() -> PhraseLexicon[tuple[EventType, str]]:
    return PhraseLexicon((row[0], (EventType(row[1]), row[2])) for row in read_tsv("triggers.tsv", 3))


def find_triggers(tokens: Sequence[Token], start: int, end: int, covered: set[int]) -> list[Trigger]:
    """The plausible triggers in tokens[start:end], left to right, none inside ``covered``."""
    lexicon = trigger_lexicon()
    found = []
    index = start
    while index < end:
        opens = _OPENS.get(tokens[index].norm)
        if index in covered or not (_opens_trigger(lexicon, tokens[index].norm) if opens is None else opens):
            index += 1
            continue
        match = lexicon.match_at(tokens, index, end)
        suffixed = False
        if match is None:
            match = _suffixed_match(tokens, index)
            suffixed = match is not None
        if match is None:
            index += 1
            continue
        event_type, frame = match.values[0]
        found.append(Trigger(match.start, match.end, event_type, frame, suffixed))
        index = match.end
    return [t for t in found if _plausible(tokens, t, start, end)]


def _suffixed_match(tokens: Sequence[Token], index: int) -> Match[tuple[EventType, str]] | None:
    """A one-word trigger with a pronoun suffix: "استقباله", "زيارتها"."""
    found = _suffixed_word(tokens[index].norm)
    return None if found is None else Match(index, index + 1, found.cut, found.values)


_OPENS: dict[str, bool] = {}   # every token of every sentence is asked: remember the word


def _opens_trigger(lexicon: PhraseLexicon[tuple[EventType, str]], norm: str) -> bool:
    """Whether a trigger can start on the word, with or without a pronoun suffix."""
    opens = _OPENS.get(norm)
    if opens is None:
        if len(_OPENS) >= MEMO_SIZE:
            _OPENS.clear()   # a bound for very long or hostile input
        opens = _OPENS[norm] = lexicon.opens(norm) or _suffixed_word(norm) is not None
    return opens


def _suffixed_word(norm: str) -> Match | None:
    for suffix in PRONOUN_SUFFIXES:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            match = trigger_lexicon().match_at([Token(Span(0, 0), "", norm[: -len(suffix)])], 0, 1)
            if match is not None:
                return match
    return None


def _plausible(tokens: Sequence[Token], trigger: Trigger, start: int, end: int) -> bool:
    before = [word_key(tokens[i].text) for i in range(max(start, trigger.first - 3), trigger.first)]
    if any(word in _GENERIC for word in before):
        return False  # "عقد العديد من اللقاءات": habitual, no identified parties
    if trigger.frame == "award":
        window = [word_key(tokens[i].text) for i in range(max(start, trigger.first - 4), trigger.first)]
        return any(word in _AWARD_CUES for word in window)
    if trigger.frame == "session":
        return session_number(tokens, trigger.last, end) is not None
    return True


def session_number(tokens: Sequence[Token], index: int, end: int) -> int | None:
    """The number of a session: "الدورة 91", "الدورة الـ91", "الدورة الحادية والتسعين",
    "الدورة العادية 13" (one word may stand between)."""
    for cursor in range(index, min(end, index + 2)):
        found = ordinal_value(tokens, cursor, end)
        if found is not None:
            return found[0]
    return None
