"""The extraction pipeline: one explicit table of stages.

Each stage is a pure function ``Document -> Document`` that declares what it
requires and what it provides; ``Pipeline`` checks the order when it is built
and reports every unmet requirement at once.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from kg.extract.cameo import add_cameo_codes
from kg.extract.dates import find_dates
from kg.extract.datelines import without_publisher
from kg.extract.events import find_events
from kg.extract.gazetteer import Gazetteer, club_readings, kingdom_references, second_readings
from kg.extract.lexicon import word_key
from kg.extract.openers import between, openings_of
from kg.extract.patterns import find_names, last_name_words
from kg.link.corpus import resolve_corpus
from kg.link.people import link_people
from kg.link.resolve import resolve
from kg.link.scope import scope_persons
from kg.model import ADJECTIVE_MENTION, COUNTRY, NAME_MENTION, PERSON, Document, Mention, replace_document
from kg.text.clitics import ARTICLE, ARTICLE_AFTER_LAM, CONJUNCTIONS
from kg.text.segment import acronym_spans, segment

_TRIMMED: Final = "ـ\"'“”«» "   # characters trimmed off a mention's surface form: tatweel, quotes, guillemets, spaces


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Document]
    requires: frozenset[str]
    provides: frozenset[str]


def segment_stage(doc: Document) -> Document:
    tokens, sentences = segment(doc.text, doc.body_start)
    return replace_document(doc, tokens=tokens, sentences=sentences)


def times_stage(doc: Document) -> Document:
    """Dates in every sentence; a dateline gives the publication date when none was given."""
    published = doc.published if doc.published is not None else dateline_date(doc)
    dates = openings_of(doc.tokens).dates   # the tokens that can open a date, read once (kg.extract.openers)
    times = tuple(t for s in doc.sentences
                  for t in find_dates(doc.tokens, *s.tokens, anchor=published, openers=between(dates, *s.tokens)))
    return replace_document(doc, published=published, times=times)


DATELINE_TOKENS: Final = 6          # a dateline's date opens the body: "الرباط في 12 مارس 2024 -"
DATELINE_ENDS: Final = frozenset("-–—|:\n")
DATELINE_REACH: Final = 25          # characters after the date in which the dateline must close


def dateline_date(doc: Document) -> date | None:
    """The publication date an article states in its dateline: a full date among
    the first words of the body, closed by a dash, bar, time or line end
    ("كتب في 1 ديسمبر، 2023 - 16:45"); a date later in a sentence is an event's."""
    body = next((s for s in doc.sentences if not s.is_headline), None)
    if body is None:
        return None
    first, last = body.tokens
    window_end = min(last, first + DATELINE_TOKENS + 6)
    for time in find_dates(doc.tokens, first, window_end, anchor=None):
        if not (time.value and len(time.value) == 10):
            continue
        start_index = next(i for i in range(first, last) if doc.tokens[i].span.end > time.span.start)
        closing = doc.text[time.span.end:time.span.end + DATELINE_REACH]
        if start_index - first <= DATELINE_TOKENS and (not closing.strip() or any(c in DATELINE_ENDS for c in closing)):
            return date.fromisoformat(time.value)
    return None


def _with_text(doc: Document, mention: Mention) -> Mention:
    """The mention's surface form; after ل the article's alef is not written
    ("للأمن الوطني"), so the form is given its article back ("الأمن الوطني")."""
    if mention.text:
        return mention   # given its form where it was read ("للجنة العليا": "اللجنة العليا")
    text = doc.text[mention.span.start:mention.span.end].strip(_TRIMMED)
    start = mention.span.start
    if start >= 2 and doc.text[start - 2:start] == ARTICLE_AFTER_LAM and (start == 2 or not doc.text[start - 3].isalpha()
                                                                        or doc.text[start - 3] in CONJUNCTIONS):
        text = ARTICLE + text
    # every field named rather than dataclasses.replace, which costs twice as
    # much for some 30 mentions an article (a test checks no field is left out)
    return Mention(mention.span, text, mention.type, mention.kind, mention.key, mention.source, mention.parent)


def mentions_stage(doc: Document) -> Document:
    """Gazetteer mentions, then the names and posts patterns find around them."""
    gazetteer = Gazetteer.bundled()
    mentions: list[Mention] = []
    posts = []
    family_names: set[str] = set()   # the last word of each person's name read so far
    acronyms = acronym_spans(doc.text)
    openings = openings_of(doc.tokens)   # what each token can open and its key, read once (kg.extract.openers)
    for sentence in doc.sentences:
        first, last = sentence.tokens
        # placed by the gazetteer's own token indices, not looked up again from the characters
        placed = [(start, end, _with_text(doc, m))
                  for start, end, m in gazetteer.find_placed(doc.tokens, first, last, between(openings.names, first, last))]
        known = [m for _, _, m in placed]
        found = find_names(doc.text, doc.tokens, first, last, placed, family_names=family_names, keys=openings.keys,
                           openings=openings.flags, acronyms=[(s, e) for s, e in acronyms if sentence.span.start <= s and e <= sentence.span.end])
        family_names |= last_name_words(doc.text, found.mentions)
        mentions += [m for m in known if m not in found.dropped] + [_with_text(doc, m) for m in found.mentions]
        posts += found.posts
    mentions = headline_family_names(doc, mentions, family_names)
    mentions = without_publisher(doc, club_readings(doc, second_readings(mentions)))
    return replace_document(doc, mentions=tuple(mentions + kingdom_references(doc, mentions)), posts=tuple(posts))


def headline_family_names(doc: Document, mentions: list[Mention], family_names: set[str]) -> list[Mention]:
    """"السوداني يبحث مع وفد البنك الدولي", headlining "محمد شياع السوداني": a
    state's adjective opening the headline, the family name of a person the body
    names, is he (the sentences after a name read it so as they go: a headline
    comes first)."""
    opening = next((s.tokens[0] for s in doc.sentences if s.is_headline), None)
    if opening is None or not family_names:
        return mentions
    start = doc.tokens[opening].span.start
    return [Mention(m.span, m.text, PERSON, NAME_MENTION, source="name")
            if m.span.start == start and m.type is COUNTRY and m.kind is ADJECTIVE_MENTION
            and word_key(m.text) in family_names else m for m in mentions]


STAGES: tuple[Stage, ...] = (
    Stage("segment", segment_stage, frozenset(), frozenset({"tokens", "sentences"})),
    Stage("times", times_stage, frozenset({"tokens", "sentences"}), frozenset({"times", "published"})),
    Stage("mentions", mentions_stage, frozenset({"tokens", "sentences"}), frozenset({"mentions", "posts"})),
    Stage("resolve", resolve, frozenset({"mentions", "posts"}), frozenset({"entities"})),
    Stage("link", link_people, frozenset({"entities", "published"}), frozenset({"links"})),
    Stage("scope", scope_persons, frozenset({"entities", "links"}), frozenset({"scoped_ids"})),
    Stage("events", find_events, frozenset({"entities", "times"}), frozenset({"events"})),
    Stage("cameo", add_cameo_codes, frozenset({"events"}), frozenset({"cameo"})),
)


_RESOURCES_FROZEN = False


def _freeze_resources() -> None:
    """Once a first document has been through a pipeline, the lexicons and
    gazetteers its stages load on first use are loaded, and stay for the life of
    the process.  gc.freeze() moves them out of the cyclic collector's reach:
    each full collection walked them all (some 80,000 objects), 6% of
    extraction's instructions and more of its time.  Objects frozen with them
    are still freed when no longer referenced; only a reference cycle among
    them would stay.  Lexicons loaded later (by another pipeline's stages) are
    not frozen, only walked as before."""
    global _RESOURCES_FROZEN
    _RESOURCES_FROZEN = True
    gc.collect()   # the first document's garbage, made while the collector rested, is not frozen with them
    gc.freeze()


class PipelineError(Exception):
    """A pipeline whose stages are out of order: a programming error, surfaced when
    the pipeline is built rather than as a wrong result; not a user's KgError."""


class Pipeline:
    def __init__(self, stages: Sequence[Stage] = STAGES, given: frozenset[str] = frozenset()):
        """``given``: what the documents already carry (for a pipeline that continues another)."""
        available: set[str] = set(given)
        missing = []
        for stage in stages:
            lacking = stage.requires - available
            if lacking:
                missing.append(f"{stage.name} needs {', '.join(sorted(lacking))}")
            available |= stage.provides
        if missing:
            raise PipelineError("pipeline stages out of order: " + "; ".join(missing))
        self.stages = tuple(stages)
        self.names = frozenset(stage.name for stage in self.stages)

    def __call__(self, doc: Document) -> Document:
        # The cyclic collector rests while one document runs: its stages make
        # tens of thousands of short-lived objects, freed by their reference
        # counts, and a collection every 700 of them walked those still alive
        # in vain.  What an article's run leaves is collected once it is done;
        # the collector is left as the caller had it, whatever a stage raises.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for stage in self.stages:
                doc = stage.run(doc)
        finally:
            if collecting:
                gc.enable()
        if not _RESOURCES_FROZEN:
            _freeze_resources()
        # the stage names are recorded once at the end: copying the whole
        # Document after every stage only to add its name cost more than
        # some stages (no stage reads ``done``)
        return replace_document(doc, done=doc.done | self.names)


def extract(doc: Document) -> Document:
    """Run the whole pipeline on one document."""
    return _DEFAULT(doc)


def extract_corpus(docs: Iterable[Document]) -> list[Document]:
    """Run the pipeline over several articles, with cross-article identity
    (kg.link.corpus) between finding the entities and finding the events, so an
    article that names a person only as "ترمب" still gets that person's events."""
    found = [_ENTITIES(doc) for doc in docs]
    return [_EVENTS(doc) for doc in resolve_corpus(found)]


_DEFAULT: Final = Pipeline()
_SPLIT: Final = next(i for i, stage in enumerate(STAGES) if stage.name == "events")
_ENTITIES: Final = Pipeline(STAGES[:_SPLIT])
_EVENTS: Final = Pipeline(STAGES[_SPLIT:], given=frozenset().union(*(stage.provides for stage in STAGES[:_SPLIT])))
