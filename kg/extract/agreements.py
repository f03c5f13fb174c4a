"""Who signs an agreement, where and when, from the events told with it: the
visit or the meeting it was signed on ("بزيارة بوتين للقاهرة ... والتي شهدت توقيع
اتفاق"), the talks it closed ("وفي ختام المباحثات، شهد الجانبان توقيع"), the dated
talks of its signatories, and the home states of the officials who sign; one a
person signs alone is no agreement.  ``AgreementSides`` is a part of
kg.extract.events's ``EventFinder``, whose drafts and readers it uses."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from kg.extract.cameo import COUNTRY_PREFIX, place_country, side_homes
from kg.extract.drafts import PERSON_PREFIX, Draft
from kg.extract.lexicon import function_words
from kg.extract.timing import ISO_DAY
from kg.extract.triggers import Trigger, signs_its_own
from kg.model import AGREEMENT, CONFERENCE, MEETING, PERSON, SIGNATORY, VISIT, Event, EventType, Participant
from kg.native import trait

_SESSION_WORDS: Final = function_words("proceedings")   # "وتوجت أشغال الدورة"


@trait
class AgreementSides:
    """The agreements of ``EventFinder`` (kg.extract.events), which it is mixed into."""

    def signed_on_a_visit(self, drafts: list[tuple[Trigger, Draft]]) -> None:
        """"بزيارة بوتين للقاهرة في 11 ديسمبر، والتي شهدت توقيع اتفاق": an agreement that
        names no second side, told after a visit in its sentence, is signed by the
        visitor's state and the state visited, there and then."""
        for number, (trigger, draft) in enumerate(drafts):
            if draft.type is not AGREEMENT or len(draft.people) >= 2:
                continue
            visit = next((d for _, d in reversed(drafts[:number]) if d.type is VISIT and d.place
                          and d.participants and draft.people <= d.people), None)
            if visit is None and not draft.people and any(d.type is VISIT and d.anaphoric
                                                          for _, d in drafts[:number]):
                # "وستتوج الزيارة بالتوقيع على عدة اتفاقيات": the visit told before
                visit = next((d for d in reversed(self.drafts) if d.type is VISIT and d.place
                              and d.participants), None)
            if visit is None:
                self.signed_at_a_meeting(trigger, draft, [d for _, d in drafts[:number]])
                continue
            host = place_country(self.doc, visit.place)
            homes = set().union(*(side_homes(self.entities[p]) for p in visit.people if p in self.entities))
            homes = {home for home in homes if home.startswith(COUNTRY_PREFIX) and home in self.entities}
            if host is None or host not in self.entities or len(homes) != 1 or host in homes:
                continue
            for state in (*homes, host):
                draft.add(state, SIGNATORY)
            draft.place = visit.place
            if visit.date or visit.start:   # signed during the visit, whatever time follows it
                draft.date, draft.start, draft.end = visit.date, visit.start, visit.end

    def signed_at_a_meeting(self, trigger: Trigger, draft: Draft, before: list[Draft]) -> None:
        """"استقبل X Y. وتم خلال الزيارة التوقيع على ثلاث اتفاقيات": an agreement that
        names no signatory, told after a meeting of two persons
        or more in its sentence or the sentence right before, is signed by those
        persons, and by their two states when they come from two; the thing signed
        is the trigger's own (kg.extract.triggers.signs_its_own)."""
        if any(p.role is SIGNATORY for p in draft.participants):
            return   # its sides are named (those "بحضور" it names are no signatories)
        if not signs_its_own(self.doc.tokens, trigger, self.token_at(draft.sentence.end - 1) + 1):
            return
        meeting = next((d for d in reversed(before) if d.type is MEETING and len(d.persons()) >= 2), None)
        persons = meeting.persons() if meeting is not None else []
        if meeting is None and self.drafts:
            told = self.drafts[-1]
            near = self.previous_sentence_holds(draft.sentence, told.trigger.start)
            if near and told.type is MEETING and told.anaphoric:
                # "حضر اللقاء X وY": the meeting told again, with those attending; its sides
                # are those of its first telling
                told = next((d for d in reversed(self.drafts) if d.type is MEETING and not d.anaphoric
                             and len(d.persons()) >= 2), told)
            if near and told.type is MEETING and len(told.persons()) >= 2:
                # a reception of several is kept as one draft per guest (one_by_one): all of them sign
                meeting = told
                persons = list(dict.fromkeys(p for d in self.drafts if d.trigger == told.trigger for p in d.persons()))
        if meeting is None:
            return
        homes = []
        for person in persons:
            draft.add(person, SIGNATORY)
            found = {home for home in side_homes(self.entities[person]) if home.startswith(COUNTRY_PREFIX)
                     and home in self.entities} if person in self.entities else set()
            homes.append(found.pop() if len(found) == 1 else None)
        if None not in homes and len(set(homes)) == len(homes) == 2:
            for state in homes:
                draft.add(state, SIGNATORY)
        draft.place = draft.place or meeting.place
        if not (draft.date or draft.start):
            draft.date, draft.start, draft.end = meeting.date, meeting.start, meeting.end

    def signed_at_the_talks(self, drafts: list[tuple[Trigger, Draft]]) -> None:
        """"وفي ختام المباحثات، شهد الجانبان توقيع ...": an agreement told with the talks
        referred back to in its sentence is signed where and when they were held."""
        for number, (trigger, draft) in enumerate(drafts):
            if draft.type is not AGREEMENT or (draft.place and (draft.date or draft.start)):
                continue
            # before it or after ("ووقعت X وY خلال اللقاء اتفاقية")
            told = next((d for _, d in drafts if d is not draft and d.anaphoric
                         and d.type in (MEETING, CONFERENCE)), None)
            told_type = told.type if told is not None else self.session_word_before(draft)
            if told_type is None:
                continue
            # the talks told last (looking further back, to the reception they followed, cost set 10 a day)
            talks = next((d for d in reversed(self.drafts) if d.type is told_type), None)
            if talks is not None:
                draft.place = draft.place or talks.place
                if not (draft.date or draft.start):
                    draft.date = talks.date

    def session_word_before(self, draft: Draft) -> EventType | None:
        """"وتوجت أشغال الدورة بتوقيع": a session's word no trigger reads (no number after
        it) before the signing in its sentence: the gathering told last."""
        words = self.words_in(draft.sentence.start, draft.trigger.start)
        return CONFERENCE if any(word in _SESSION_WORDS for _, word in words) else None

    def with_signing_states(self, event: Event) -> Event:
        """An agreement signed by officials of two states or more binds those
        states (GUIDE 2: the states that sign are parties): each signatory's one
        home state the article names (his posts', or the people gazetteer's) takes part."""
        if event.type is not AGREEMENT:
            return event
        homes = []
        for participant in event.participants:
            entity = self.entities.get(participant.entity)
            if entity is None or entity.type is not PERSON:
                continue
            home = self.home_country(entity)
            if home is not None:
                homes.append(home)
        states = [h for h in dict.fromkeys(homes) if all(p.entity != h for p in event.participants)]
        if len(set(homes)) < 2 or not states:
            return event
        return replace(event, participants=event.participants + tuple(Participant(h, None) for h in states))

    @staticmethod
    def signed_alone(event: Event) -> bool:
        """An agreement whose one side is a person ("بوتين ... لإبرام اتفاق"): a state or a
        body may bind itself alone (a deal told from one side), a person signs with another."""
        return event.type is AGREEMENT and len(event.participants) == 1 \
            and event.participants[0].entity.startswith(PERSON_PREFIX)

    def signed_at_dated_talks(self, events: list[Event]) -> list[Event]:
        """An agreement no time is told for, two of whose persons met on a day the
        article gives ("استقبل X نظيره Y ... وفي ختام المباحثات، وقع الوزيران"), or
        whose two states are those of the two who met ("وجرى التوقيع على اتفاقية بين
        تونس وغانا"), is signed that day: the talks sharing most with it, the nearest first."""
        talks = [e for e in events if e.type in (MEETING, CONFERENCE)
                 and e.date and len(e.date) == len(ISO_DAY)]
        out = []
        for event in events:
            if event.type is AGREEMENT and not (event.date or event.start):
                people = {p.entity for p in event.participants if p.entity.startswith(PERSON_PREFIX)}
                if not people:   # its states stand for those who met
                    people = {p.entity for p in event.participants if p.entity.startswith(COUNTRY_PREFIX)}
                shared = [(len(people & self.sides_and_homes(t)), -abs(t.trigger.start - event.trigger.start), t)
                          for t in talks]
                best = max(((n, d, t) for n, d, t in shared if n >= 2), key=lambda x: x[:2], default=None)
                if best is not None:
                    event = replace(event, date=best[2].date)
            out.append(event)
        return out

    def sides_and_homes(self, event: Event) -> set[str]:
        """An event's participants and the states its persons hold posts in."""
        sides = {p.entity for p in event.participants}
        return sides | {home for side in sides if side.startswith(PERSON_PREFIX) and side in self.entities
                        for home in side_homes(self.entities[side])}
