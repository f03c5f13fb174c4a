"""Drafts of events and what a frame reads around a trigger: the data the frames
(kg.extract.frames and the modules of frames it names) fill, kg.extract.timing
dates and kg.extract.merging merges."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from kg.extract.triggers import Trigger
from kg.model import HOST, EventType, Mention, Participant, Role, Sentence, Span

PERSON_PREFIX: Final = "person:"   # how every person's id starts (kg.link.resolve)


@dataclass
class Draft:
    """An event as one trigger tells it; drafts that tell the same event are merged later."""
    type: EventType
    trigger: Span
    sentence: Span
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    parent: Draft | None = None   # the conference it happened on the sidelines of
    session: int | None = None
    hosted: bool = False        # the conference a HostingAward is about
    anaphoric: bool = False     # "اللقاء", "هذه الزيارة": refers back to an event told before
    attended: bool = False      # "حضر اللقاء X": names only those who attended the one referred back to
    begins: bool = False        # "بدأ ... زيارة": its date is when it starts
    ends: bool = False          # "اختتم ... زيارة": its date is when it ends
    days: int | None = None     # "الزيارة التي تتواصل يومين": how long, its first day told elsewhere
    separate: bool = False      # the first side met each of the others apart ("التقى X A وB")
    edition: bool = False       # named by its edition's year ("منتدى الدوحة 2024"): what it is, as a session's number
    many: bool = False          # held by the ministers or leaders of many states: a conference, though it names none
    summit: bool = False        # told by "قمة" with no organiser: a meeting when it has two sides
    pair: tuple[str, ...] = ()  # the two sides of a summit named right after it: a meeting of those two
    inherited: bool = False     # its place is the article's, not one named near it (EventFinder.inherit_places)
    ordinal: int | None = None  # "الزيارة الرابعة": which of the visitor's visits it is (EventFinder.apart)
    stops: tuple[str, ...] = ()  # the places of a tour after the first: one visit to each (EventFinder.one_by_one)
    guest_told_before: bool = False   # "حيث سيكون في استقباله X": its guest the pronoun's, a visitor told before
    evidence: list[Span] = field(default_factory=list)

    def add(self, entity: str, role: Role | None = None) -> None:
        if all(p.entity != entity for p in self.participants):
            self.participants.append(Participant(entity, role))

    @property
    def people(self) -> set[str]:
        return {p.entity for p in self.participants}

    def persons(self) -> list[str]:
        """The persons among the participants, in order."""
        return [p.entity for p in self.participants if p.entity.startswith(PERSON_PREFIX)]

    def has_host(self) -> bool:
        """Someone receives the others ("استقبل") or hosts the gathering."""
        return any(p.role is HOST for p in self.participants)


@dataclass(slots=True)
class Around:
    """What a trigger's frame reads: the mentions before and after it in its
    region, the persons among them and the subject (the last person before)."""
    trigger: Trigger
    sentence: Sentence
    span: Span                  # the trigger's characters
    right: int                  # end of its region
    before: list[Mention]
    after: list[Mention]
    actors_before: list[Mention]
    actors_after: list[Mention]
    subject_id: str | None      # the person before the trigger, or the one a pronoun suffix stands for
    rest: list[str]             # the persons after the trigger
