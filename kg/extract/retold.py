"""Drafts that tell an event again, or with another: a meeting word restating a
meeting its sentence told ("عندما التقيا في موسكو"), a session's word after a
gathering's, a call's words the talks were held by, a signing verb whose pronoun
is the thing signed, a summit told again after the summit of two, each folded
into the one it retells; and a visit and the meetings told with it share their
visitor, place and day.  ``RetoldEvents`` is a part of kg.extract.events's
``EventFinder``, whose drafts and readers it uses."""

from __future__ import annotations

from typing import Final

from kg.extract.cameo import COUNTRY_PREFIX, side_homes
from kg.extract.context import PLACE_ORDER
from kg.extract.drafts import Draft
from kg.extract.lexicon import function_words
from kg.extract.triggers import OF, Trigger, with_object_pronoun
from kg.model import AGREEMENT, CALL, CONFERENCE, GUEST, HOST, MEETING, ORGANISER, PERSON, VISIT, VISITOR, Participant
from kg.native import trait
from kg.text.clitics import strip_article

SESSION_OF_GAP: Final = 4   # words between a session and the gathering after "من" it is of ("الدورة الثامنة من معرض و")
_BY_MEANS: Final = function_words("by_means")   # "في اتصال هاتفي"
_IN_A: Final = function_words("in_a")   # "في زيارة"
_WHERE: Final = function_words("where")   # "حيث", without و


@trait
class RetoldEvents:
    """The drafts told again of ``EventFinder`` (kg.extract.events), which it is mixed into."""

    def fold_restated(self, drafts: list[tuple[Trigger, Draft]]) -> list[tuple[Trigger, Draft]]:
        """A meeting word that names no other side than one of a meeting told
        earlier in the sentence restates it ("بحث X مع Y ... عندما التقيا في موسكو", "وعقدا
        اجتماعا في"): the place and time it names complete that meeting, and
        it tells no meeting of its own.  So do a session word right after a
        conference word ("اجتماعات الدورة") and a call noun the talks were held in."""
        kept: list[tuple[Trigger, Draft]] = []
        for trigger, draft in drafts:
            if kept and self.session_of(kept[-1], (trigger, draft)):
                # "يشارك X في اجتماعات الدورة العادية لمجلس الجامعة": the meetings are the session
                session = kept[-1][1]
                for participant in draft.participants:
                    session.add(participant.entity, participant.role)
                session.session = session.session or draft.session
                _absorb(session, draft)
                continue
            if kept and self.taking_part_by_means(kept[-1], (trigger, draft)):
                # "شارك X عبر تقنية الفيديو في قمة مجموعة العشرين": no call, a part taken from afar
                for participant in kept.pop()[1].participants:
                    draft.add(participant.entity, participant.role)
            if kept and self.talks_by_means(kept[-1], (trigger, draft)):
                # "أجرى X محادثات عبر تقنية الفيديو مع Y": the talks were the call, their sides its sides
                talks = kept[-1][1]
                talks.type = CALL
                for participant in draft.participants:
                    talks.add(participant.entity, participant.role)
                _absorb(talks, draft)
                talks.place = None
                continue
            signed = next((d for _, d in reversed(kept) if d.type is AGREEMENT), None)
            if signed is not None and draft.type is AGREEMENT \
                    and self.signed_it(trigger):
                # "شهد الرئيسان توقيع مذكرة تفاهم، وقعها الوزير X والوزير Y": the same memorandum
                for participant in draft.participants:
                    signed.add(participant.entity, participant.role)
                _absorb(signed, draft)
                continue
            earlier = next((d for t, d in reversed(kept) if d.type is MEETING and len(d.participants) >= 2),
                           None)
            if earlier is not None and self.by_phone(trigger, draft, earlier):
                # "بحث مع الرئيس X في اتصال هاتفي": the talks were held by telephone, from no one place
                earlier.type = CALL
                _absorb(earlier, draft)
                earlier.place = None
                continue
            if earlier is None or draft.type is not MEETING or len(draft.participants) >= 2 \
                    or not draft.people <= earlier.people or draft.anaphoric or trigger.background:
                kept.append((trigger, draft))
                continue
            _absorb(earlier, draft)
        return kept

    def session_of(self, first: tuple[Trigger, Draft], second: tuple[Trigger, Draft]) -> bool:
        """Two conference words side by side, the second the first's genitive
        ("اجتماعات الدورة", "أعمال القمة"), or the second after "من" a few words on
        ("الدورة الثامنة من معرض ومؤتمر X", "النسخة الرابعة من منتدى"): one gathering."""
        if not first[1].type is second[1].type is CONFERENCE:
            return False
        if first[0].last == second[0].first:
            return True
        gap = self.doc.tokens[first[0].last:second[0].first]
        return 0 < len(gap) <= SESSION_OF_GAP and all(token.norm[:1].isalnum() for token in gap) \
            and any(strip_article(token.norm) in OF for token in gap)

    def signed_it(self, trigger: Trigger) -> bool:
        """A signing verb whose object is a pronoun ("وقعها", "وقّعاها", "وقعه"): it
        refers to the thing told signed before."""
        return with_object_pronoun(self.doc.tokens, trigger) and not self.signing_noun(trigger)

    @staticmethod
    def taking_part_by_means(first: tuple[Trigger, Draft], second: tuple[Trigger, Draft]) -> bool:
        """A call's words right before "في" and a gathering ("عبر تقنية الفيديو في قمة")."""
        return first[1].type is CALL and second[1].type is CONFERENCE \
            and second[0].first - first[0].last == 1

    @staticmethod
    def talks_by_means(first: tuple[Trigger, Draft], second: tuple[Trigger, Draft]) -> bool:
        """A call's words right after a word of talks ("محادثات عبر تقنية الفيديو",
        "مباحثات عبر الهاتف"): one call."""
        return first[1].type is MEETING and second[1].type is CALL and first[0].last == second[0].first

    def by_phone(self, trigger: Trigger, draft: Draft, earlier: Draft) -> bool:
        """A call noun behind a preposition of means ("في اتصال هاتفي", "عبر") that
        names no side beyond those of the talks told before it in the sentence."""
        return draft.type is CALL and draft.people <= earlier.people \
            and self.word_before(trigger.first) in _BY_MEANS

    def folded_into_summit(self, draft: Draft) -> bool:
        """A summit told again after the summit of two ("القمة" of which someone
        speaks, "وقمة هلسنكي" naming no side) is that summit: a place named in
        construct with it ("قمة هلسنكي") is where it is held; it tells no event of its own."""
        summit = self.last_summit
        if summit is None or draft is summit or not draft.summit or any(
                p.role is ORGANISER for p in draft.participants) or not (draft.anaphoric or not draft.participants):
            return False
        if draft.date and summit.date and draft.date != summit.date or self.apart(draft, summit) \
                or draft.pair and not self.same_sides(draft.pair, summit):
            return False   # another summit: told on another day, or a summit of two others
        if not draft.anaphoric and draft.place and summit.place is None:
            summit.place = draft.place
        summit.evidence.append(draft.trigger)
        return True

    def same_sides(self, pair: tuple[str, ...], summit: Draft) -> bool:
        """The pair is the summit's sides, or their states ("القمة الروسية الأمريكية" of
        a summit of Putin and Trump)."""
        if set(pair) == summit.people:
            return True
        homes = {home for entity_id in summit.people if entity_id in self.entities
                 for home in side_homes(self.entities[entity_id])}
        return all(side.startswith(COUNTRY_PREFIX) for side in pair) and set(pair) <= homes

    def visitor_meets(self, drafts: list[tuple[Trigger, Draft]]) -> None:
        """"في زيارة تستغرق يومين، يلتقي خلالها العاهل المغربي": a meeting that names
        one side after a visit told before it in the sentence is the visitor's, as is a
        series of meetings with no subject after the visit ("أجرى X، بمناسبة زيارة العمل
        التي يؤديها إلى إيطاليا، سلسلة من اللقاءات، جمعته مع كل من A وB"); and
        one told after "حيث" is held where the visit goes ("إلى الدوحة، حيث سيلتقي")."""
        for number, (trigger, draft) in enumerate(drafts):
            if draft.type is VISIT and self.word_before(trigger.first) in _IN_A:
                self.visit_told_on(draft, [d for _, d in drafts[:number]])
            visit = next((d for _, d in reversed(drafts[:number]) if d.type is VISIT and d.place), None)
            if visit is not None and draft.type in (MEETING, CONFERENCE) \
                    and self.word_before(trigger.first) in _WHERE \
                    and (draft.place is None or self.other_country(draft.place, visit.place)):
                draft.place = visit.place   # its own place may be one more specific: "حيث استقبله في المطار"
            if draft.guest_told_before:
                # "يحل الوفد ... بالمعهد، حيث سيكون في استقباله X": the pronoun is the visitors'
                visit = next((d for _, d in reversed(drafts[:number]) if d.type is VISIT and d.participants), None)
                if visit is not None:
                    hosts = [p for p in draft.participants if p.role is HOST]
                    draft.participants = hosts + [Participant(p.entity, GUEST) for p in visit.participants
                                                  if all(p.entity != h.entity for h in hosts)]
            if draft.type is not MEETING or len(draft.participants) != 1 and not trigger.several:
                continue
            visit = next((d for _, d in reversed(drafts[:number]) if d.type is VISIT and d.participants), None)
            if visit is not None and len(draft.participants) > 1 and any(
                    m.type is PERSON for m in self.in_range(visit.trigger.end, draft.trigger.start)):
                continue   # "أجرى X، خلال زيارة ...، سلسلة من اللقاءات مع": a series has its own subject
            if visit is not None:
                for participant in visit.participants:
                    if participant.entity not in draft.people:
                        draft.participants.insert(0, Participant(participant.entity, None))
                if not (draft.date or draft.start) and visit.date and not self.days_long(drafts):
                    draft.date = visit.date   # "تقوم X اليوم بزيارة ... تجري خلالها محادثات مع Y": that day

    def visit_told_on(self, draft: Draft, before: list[Draft]) -> None:
        """A visit noun behind "في" is the visit what its sentence told before it happened on:
        "وصل X إلى واشنطن في زيارة خاصة يوم الأحد" the one he arrived on, and its day;
        "التقى لافروف مع نظيره ري، الخميس في بيونغ يانغ، في زيارة" the meeting's subject's (a
        guest received, "استقبل X Y ... في زيارة", is on it), there and that day."""
        arrival = next((d for d in reversed(before) if d.type is VISIT and d.participants), None)
        if arrival is not None and before[-1] is arrival and arrival.people != draft.people:
            # "Y، الذي يحل بالرباط في زيارة عمل": the visit the arrival told right before is on
            draft.participants = list(arrival.participants)
            draft.place = arrival.place or draft.place
        elif arrival is not None and not draft.participants:
            draft.participants = list(arrival.participants)
            draft.place = draft.place or arrival.place
        elif arrival is not None and arrival.place and draft.people <= arrival.people:
            draft.place = arrival.place   # "الذي وصل إلى أبوظبي في زيارة عمل": where he arrived
        meeting = next((d for d in reversed(before) if d.type is MEETING
                        and len(d.participants) >= 2 and d.place), None)
        if meeting is not None and arrival is not None and arrival.trigger.start > meeting.trigger.start:
            # "استقبل X أمس الوزير الذي وصل إلى أبوظبي في زيارة عمل": the arrival's visit, on
            # the day of the reception when the arrival tells none
            draft.date = draft.date or arrival.date or meeting.date
            meeting = None
        if meeting is not None:
            guests = [p for p in meeting.participants if p.role is GUEST]
            draft.participants = [Participant(p.entity, VISITOR) for p in guests or meeting.participants[:1]]
            draft.place = meeting.place
            draft.date = draft.date or meeting.date


def _absorb(into: Draft, told_again: Draft) -> None:
    """The place and time a draft telling ``into`` again names complete it; its
    trigger is evidence of it."""
    # the more specific place of the two ("الدوحة" told first, "في فندق شيراتون الدوحة" after)
    if into.place is None or told_again.place and _specificity(told_again.place) < _specificity(into.place):
        into.place = told_again.place
    if not (into.date or into.start):
        into.date, into.start, into.end = told_again.date, told_again.start, told_again.end
    into.evidence.append(told_again.trigger)


def _specificity(place: str) -> int:
    """A place's rank by its id's type (a venue before a city before a country)."""
    prefixes = [f"{kind.value.lower()}:" for kind in PLACE_ORDER]
    return next((n for n, prefix in enumerate(prefixes) if place.startswith(prefix)), len(prefixes))
