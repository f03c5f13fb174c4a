"""The document model that flows through the pipeline.

Every span is a pair of character offsets into the ORIGINAL article text, so any
fact can be traced to the exact words however the text was normalised.
All records are frozen: a stage returns a new Document (``dataclasses.replace``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from operator import attrgetter
from datetime import date
from enum import Enum


def writes_slots(cls: type) -> type:
    """Give a frozen slotted dataclass an ``__init__`` that writes each slot
    through its own descriptor.  The generated one sets every field through
    object.__setattr__ (the class's own __setattr__ forbids writes), a generic
    attribute write that costs about twice as much; extraction builds some 250
    records an article (mentions, lexicon matches, spans, entities), and the
    generic writes were 4% of its instructions.  The signature, the defaults and
    ``__post_init__`` are the generated ones'; the instances are the same (equal,
    hashed, ordered, pickled alike, and still frozen).  Written as source and
    compiled once, as dataclasses writes its own."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a frozen slotted dataclass")
    if len(fields(cls)) != len(cls.__dataclass_fields__):
        raise TypeError(f"{cls.__name__} has class or init-only variables: not written directly")
    namespace: dict[str, object] = {}
    arguments, body = [], []
    for item in fields(cls):
        if not item.init or item.kw_only or item.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{item.name}: only plain positional fields are written directly")
        namespace[f"_set_{item.name}"] = getattr(cls, item.name).__set__
        if item.default is MISSING:
            arguments.append(item.name)
        else:
            namespace[f"_default_{item.name}"] = item.default
            arguments.append(f"{item.name}=_default_{item.name}")
        body.append(f"    _set_{item.name}(self, {item.name})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    exec(f"def __init__(self, {', '.join(arguments)}):\n" + "\n".join(body or ["    pass"]), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**{item.name: item.type for item in fields(cls)}, "return": None}
    cls.__init__ = init
    return cls


class EntityType(str, Enum):
    PERSON = "Person"
    ORGANISATION = "Organisation"
    COUNTRY = "Country"
    CITY = "City"
    VENUE = "Venue"

    @property
    def is_place(self) -> bool:
        return self in _PLACE_TYPES


# built once: naming the members anew on every call looked each up through the
# enum's metaclass, a slow path in Python 3.11 (see PERSON below), some 45 times an article
_PLACE_TYPES = (EntityType.COUNTRY, EntityType.CITY, EntityType.VENUE)


class EventType(str, Enum):
    MEETING = "Meeting"
    CALL = "Call"
    VISIT = "Visit"
    CONFERENCE = "Conference"
    AGREEMENT = "Agreement"
    APPOINTMENT = "Appointment"
    HOSTING_AWARD = "HostingAward"


class Role(str, Enum):
    """How a participant takes part in an event (GUIDE section 2, ``roles``)."""

    HOST = "host"
    GUEST = "guest"
    ORGANISER = "organiser"
    VISITOR = "visitor"
    SIGNATORY = "signatory"
    APPOINTEE = "appointee"


class MentionKind(str, Enum):
    NAME = "name"            # a proper name: "عبد اللطيف الحموشي", "فيينا"
    ADJECTIVE = "adjective"  # a nisba naming a country: "النمساوية"
    ROLE = "role"            # a post phrase standing for a person: "رئيس المنظمة"
    NOMINAL = "nominal"      # a definite description of an entity met before: "المنظمة"


# The members of the two enums the finders test most, as plain names bound once.
# Python 3.11 looks up a member named through its class ("EntityType.PERSON")
# through the enum metaclass's __getattr__ hook, some 60 ns, and the finders and
# resolution test the types and kinds of an article's mentions some 1,400 times:
# 6% of extraction's instructions.  The event finders name the event types and
# roles some 200 times an article, so those members are bound too.  kg.extract
# and kg.link use these names.
PERSON, ORGANISATION, COUNTRY, CITY, VENUE = EntityType
NAME_MENTION, ADJECTIVE_MENTION, ROLE_MENTION, NOMINAL_MENTION = MentionKind
MEETING, CALL, VISIT, CONFERENCE, AGREEMENT, APPOINTMENT, HOSTING_AWARD = EventType
HOST, GUEST, ORGANISER, VISITOR, SIGNATORY, APPOINTEE = Role


@writes_slots
@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@writes_slots
@dataclass(frozen=True, slots=True)
class Token:
    span: Span
    text: str    # as written
    norm: str    # normalised for matching (kg.text.normalize.normalize_for_matching)


# Constructors for records built from offsets already known good (a regex
# match's own span): a frozen dataclass's __init__ sets each field through
# object.__setattr__ and Span validates, which costs about twice writing the
# slots directly, and tokenising an article builds some 340 tokens and spans.
# The records are the same: equal, hashed and ordered alike; users' Spans are
# still validated.
_set_span_start, _set_span_end = Span.start.__set__, Span.end.__set__  # type: ignore[attr-defined]
_set_token_span, _set_token_text, _set_token_norm = (
    Token.span.__set__, Token.text.__set__, Token.norm.__set__)  # type: ignore[attr-defined]
# the slot writers, in the order trusted_token uses them, for a loop that inlines it (kg.text.segment)
TRUSTED_SETTERS = (_set_span_start, _set_span_end, _set_token_span, _set_token_text, _set_token_norm)


def trusted_span(start: int, end: int) -> Span:
    """``Span(start, end)`` without the check: only for 0 <= start <= end."""
    span = object.__new__(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    return span


def trusted_token(start: int, end: int, text: str, norm: str) -> Token:
    """``Token(Span(start, end), text, norm)`` without the generated __init__
    nor the check, in one call: only for 0 <= start <= end."""
    span = object.__new__(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    token = object.__new__(Token)
    _set_token_span(token, span)
    _set_token_text(token, text)
    _set_token_norm(token, norm)
    return token


@writes_slots
@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    tokens: tuple[int, int]  # [first, last) indices into Document.tokens
    is_headline: bool = False


@writes_slots
@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or stands for an entity."""

    span: Span
    text: str                 # surface form as written, without a leading clitic
    type: EntityType
    kind: MentionKind = MentionKind.NAME
    key: str | None = None    # gazetteer id, when the gazetteer knows the entity
    source: str = ""          # which finder produced it ("gazetteer", "title+name", ...)
    parent: Span | None = None  # for an organ ("الجمعية العامة للمنظمة"): the mention of its parent organisation


# A sort key putting records with a span (mentions, posts) in Span's own order,
# (start, end), read in C: a lambda, or Span's generated __lt__, is a Python
# call per record, some 80 an article
SPAN_ORDER = attrgetter("span.start", "span.end")


@writes_slots
@dataclass(frozen=True, slots=True)
class PostMention:
    """A post given to a person in the text: "المدير العام للأمن الوطني"."""

    span: Span
    title: str               # the post as written
    holder: Span | None      # span of the person mention holding it, when named
    org: Span | None = None  # span of the organisation or country mention it is in


@writes_slots
@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date expression resolved to ISO 8601 ("2023-12-01", "2023-12", "2025")."""

    span: Span
    value: str | None = None   # a single date
    start: str | None = None   # or a range
    end: str | None = None


@writes_slots
@dataclass(frozen=True, slots=True)
class Post:
    title: str
    org: str | None = None  # Entity.id of the organisation or country


@writes_slots
@dataclass(frozen=True, slots=True)
class Entity:
    id: str                           # stable identity key: same real entity, same id in any article
                                      # (a person only one article can identify: that article's, kg.link.scope)
    type: EntityType
    label: str                        # canonical name as written
    names: tuple[str, ...]            # every other surface form
    mentions: tuple[Mention, ...]
    posts: tuple[Post, ...] = ()
    role_only: bool = False
    wikidata: str | None = None
    label_en: str | None = None
    part_of: str | None = None        # Entity.id of the organisation this one is an organ of
    identity: tuple[str, ...] = ()    # rules that made it one with an entity of other articles or a gazetteer


@writes_slots
@dataclass(frozen=True, slots=True)
class Participant:
    entity: str               # Entity.id
    role: Role | None = None


@writes_slots
@dataclass(frozen=True, slots=True)
class Event:
    id: str                           # "ev1", ... in document order; IRIs add the article
    type: EventType
    trigger: Span                     # the first trigger; others are in ``evidence``
    sentence: Span
    participants: tuple[Participant, ...] = ()
    place: str | None = None          # Entity.id
    date: str | None = None
    start: str | None = None
    end: str | None = None
    part_of: str | None = None        # Event.id
    session: int | None = None
    evidence: tuple[Span, ...] = ()   # every trigger that reported this event
    cameo: str | None = None          # CAMEO event code (kg.extract.cameo)


@dataclass(frozen=True)
class Document:
    text: str
    id: str                                  # content hash: the same text gives the same id
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None                # file the article came from
    body_start: int = 0                      # offset where the body starts (after the headline)
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    posts: tuple[PostMention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    done: frozenset[str] = field(default_factory=frozenset)  # names of stages already applied

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``, found by bisection (articles can be long)."""
        index = bisect_right(self.sentences, offset, key=lambda sentence: sentence.span.start) - 1
        if index >= 0 and self.sentences[index].span.start <= offset < self.sentences[index].span.end:
            return self.sentences[index]
        return None

    @cached_property
    def token_starts(self) -> list[int]:
        return [token.span.start for token in self.tokens]

    @cached_property
    def token_ends(self) -> list[int]:
        return [token.span.end for token in self.tokens]

    def covered_tokens(self, spans: Iterable[Span]) -> set[int]:
        """Indices of the tokens that overlap any of ``spans``.  Tokens are in
        order and do not overlap (kg.text.segment), so those of a span are the
        run from the first ending after its start to the last starting before
        its end: two bisections, no token compared."""
        starts, ends = self.token_starts, self.token_ends
        covered: set[int] = set()
        for span in spans:
            covered.update(range(bisect_right(ends, span.start), bisect_left(starts, span.end)))
        return covered

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


_DOCUMENT_FIELDS = frozenset(field.name for field in fields(Document))
_TOKEN_OFFSETS = ("token_starts", "token_ends")   # the cached properties derived from the tokens


def replace_document(doc: Document, **changes: object) -> Document:
    """``dataclasses.replace(doc, **changes)`` for the pipeline's stages, which
    each replace one or two of a Document's fifteen fields: replace rebuilds the
    call's arguments from every field and the frozen __init__ sets each through
    object.__setattr__, some 4 us, where copying the instance's dictionary costs
    under one.  The token offsets already computed (``token_starts``, ``token_ends``)
    are kept while the tokens stay the same, so the next stage need not count
    them again."""
    unknown = changes.keys() - _DOCUMENT_FIELDS
    if unknown:
        raise TypeError(f"Document has no field {', '.join(sorted(unknown))}")
    new = object.__new__(Document)
    state = new.__dict__
    state.update(doc.__dict__)
    state.update(changes)
    if "tokens" in changes:
        for name in _TOKEN_OFFSETS:
            state.pop(name, None)
    return new
