"""Events from triggers and their arguments.

``find_triggers`` (kg.extract.triggers) finds trigger words sentence by
sentence; a frame (kg.extract.frames) fills one trigger's arguments from the
entity mentions around it (the region between the previous and the next
trigger, read here).  ``EventFinder`` drafts each sentence's events here, and
the mixins it is composed of finish them: times and durations are attached
(kg.extract.timing), drafts that tell an event again fold into it
(kg.extract.retold), who attends, chairs or presides joins it
(kg.extract.attendance), an agreement takes its sides from the events told
with it (kg.extract.agreements), an event on the sidelines of another is part
of it and missing places are inherited (kg.extract.parents); then drafts that
tell the same thing (the headline and the body, "هذه الزيارة") are merged into
events (kg.extract.merging).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from kg.extract.agreements import AgreementSides
from kg.extract.attendance import _WHEREAS, Attendance
from kg.extract.cameo import place_country
from kg.extract.context import DURING, PLACE_ORDER, RELATIVE_PRONOUNS
from kg.extract.drafts import PERSON_PREFIX, Draft
from kg.extract.frames import FrameFiller
from kg.extract.lexicon import function_word
from kg.extract.merging import DraftMerging
from kg.extract.openers import between, openings_of
from kg.extract.parents import EventParents
from kg.extract.retold import RetoldEvents
from kg.extract.timing import EventTimes
from kg.extract.triggers import IN, Trigger, find_triggers, trigger_lexicon
from kg.extract.walker import COMMAS
from kg.link.resolve import accusative
from kg.model import (AGREEMENT, APPOINTEE, APPOINTMENT, CALL, CONFERENCE, COUNTRY, MEETING, NAME_MENTION, PERSON, ROLE_MENTION, VISIT, Document,
                      EntityType, Event, Participant, Sentence, replace_document)

ASIDE_WORDS: Final = 8   # words of an aside set off by commas ("، خلال زيارته الرسمية إلى موسكو،")
_HEADLINE_QUOTE: Final = (":",)   # what opens the words quoted in a headline after its event
STOP_DAY_REACH: Final = 8   # characters from a tour's stop to the date of its visit (" في ", " يوم ")
_STOP_DAY_LINKS: Final = IN | {function_word("day_noun")}   # "في", "يوم"
LISTED_APPOINTEES: Final = 2   # persons each followed by a post in the accusative that make a list of appointments


__all__ = ["EventFinder", "Trigger", "find_events", "find_triggers", "trigger_lexicon"]


class EventFinder(FrameFiller, RetoldEvents, DraftMerging, EventParents, AgreementSides, Attendance, EventTimes):
    """Events of one document: frames per sentence, then merged across sentences."""

    def __init__(self, doc: Document):
        super().__init__(doc)
        # words inside a name are never triggers ("مؤتمر" in "حزب المؤتمر")
        self.covered = doc.covered_tokens([m.span for m in self.mentions if m.kind is not ROLE_MENTION])
        self.drafts: list[Draft] = []
        self.award_gatherings: list[tuple[Draft, Draft, bool]] = []   # hosting awards, their gatherings, named a place
        self.headlines = {s.span for s in doc.sentences if s.is_headline}
        self.last_summit: Draft | None = None   # the last summit of two told (a Meeting)
        # meetings told with one side only ("ترأس الوزير اجتماعا تنسيقيا"), which those
        # told to attend later complete ("وحضر الاجتماع X"): merging.EventMerger.merge
        self.one_sided: list[Draft] = []
        # each token's word without "و" or the article ("وتستمر": تستمر, "الجلسة": جلسه), read once
        self.bare_words = openings_of(doc.tokens).bare

    def run(self) -> Document:
        for sentence in self.doc.sentences:
            self.sentence_events(sentence)
        self.join_delegations(self.drafts)
        self.awards_at_their_gathering()
        self.inherit_places()
        merged = [self.with_signing_states(event) for event in self.merge()
                  if not self.visit_home(event) and not self.signed_alone(event)]
        return replace_document(self.doc, events=tuple(merged))

    def visit_home(self, event: Event) -> bool:
        """A visit whose visitors all hold posts in the country it goes to, as the
        article or the people gazetteer says ("زيارة ... إلى المغرب" told of its own
        king): a misread visitor, no visit."""
        if event.type is not VISIT or self.place_type(event.place) is not COUNTRY:
            return False
        visitors = [self.entities[p.entity] for p in event.participants if p.entity in self.entities]
        return bool(visitors) and all(event.place in self.homes(v) for v in visitors)

    # -- one sentence -----------------------------------------------------------
    def sentence_events(self, sentence: Sentence) -> None:
        first, last = sentence.tokens
        triggers = find_triggers(self.doc.tokens, first, last, self.covered,
                                 between(openings_of(self.doc.tokens).triggers, first, last))
        self.chaired_session(sentence)
        if not triggers:
            self.lasting_told_after(sentence, [])
            self.attended_by_pronoun(sentence)
            self.listed_appointments(sentence)
            self.remember_actor(sentence)
            return
        sidelines, told_sidelines = self.sidelines_indices(first, last)
        drafts: list[tuple[Trigger, Draft]] = []
        for number, trigger in enumerate(triggers):
            left, right = self.region(triggers, number, sentence, sidelines)
            draft = self.frame(trigger, sentence, left, right)
            if draft is not None:
                drafts.append((trigger, draft))
        self.attach_hosting(drafts)
        drafts.sort(key=lambda pair: pair[1].trigger.start)
        self.attach_times(sentence, drafts)
        self.lasting_told_after(sentence, drafts)
        self.attach_sidelines(drafts, sidelines)
        self.on_told_sidelines(drafts, told_sidelines)
        self.visitor_meets(drafts)
        self.present_at_reception(drafts)
        self.signed_on_a_visit(drafts)
        drafts = self.fold_restated(drafts)
        self.signed_at_the_talks(drafts)
        told = [d for _, d in drafts]
        for trigger, draft in drafts:
            if draft.parent is not None and draft.parent.anaphoric and draft.parent in told \
                    and not self.complete(draft.parent):
                # "وعلى هامش أعمال القمة، عقد X لقاء": the gathering told before, on its day
                draft.parent = next((d for d in reversed(self.drafts) if d.type is draft.parent.type), None)
                if draft.parent is not None and not (draft.date or draft.start):
                    draft.date = draft.parent.date
            if trigger.background and not (draft.date or draft.start):
                continue  # "بعد توقيع الاتفاق النووي": background without a time of its own (GUIDE 2)
            if self.folded_into_summit(draft):
                continue
            if not self.complete(draft):
                if draft.type in (MEETING, CONFERENCE) and len(draft.participants) == 1 and not draft.anaphoric \
                        and not draft.hosted:
                    self.one_sided.append(draft)
                continue
            if draft.type is APPOINTMENT:
                self.elected_to_preside(draft)
            if draft.attended:
                # those attending ("وحضر الاستقبال X") neither host nor are received
                draft.participants = [Participant(p.entity, None) for p in draft.participants]
                self.attend_the_signing_too(draft)
            if draft.summit and draft.type is MEETING:
                self.last_summit = draft
            self.drafts += self.one_by_one(draft)
            people = [p.entity for p in draft.participants if p.entity.startswith(PERSON_PREFIX)]
            if draft.type in (MEETING, CALL, AGREEMENT) and len(people) == 2:
                self.pairs.append(people)   # and the two who signed: "وقع الوزيران ... عقد الوزيران"
        self.remember_actor(sentence)

    def listed_appointments(self, sentence: Sentence) -> None:
        """"أحمد الراشد رئيساً وسعد العفالق نائباً للرئيس وأحمد العيسى أمينا عاما
        وعضوية كل من ...": a list of persons, two or more each followed by a post in
        the accusative, is one Appointment of all the persons named from the first
        (GUIDE 2: named to a post; a board or a cabinet told member by member)."""
        start, end = sentence.span.start, sentence.span.end
        given = [post for post in self.doc.posts if start <= post.span.start < end and post.holder is not None
                 and accusative(post.title) and not self.doc.text[post.holder.end:post.span.start].strip()]
        if len(given) < LISTED_APPOINTEES:
            return
        first = min(post.holder.start for post in given)
        persons = [m for m in self.in_range(first, end) if m.type is PERSON and m.kind is NAME_MENTION]
        span = given[0].span
        draft = Draft(APPOINTMENT, span, sentence.span, evidence=[span])
        for mention in persons:
            draft.add(self.entity_of(mention).id, APPOINTEE)
        self.drafts.append(draft)

    def region(self, triggers: list[Trigger], number: int, sentence: Sentence,
               sidelines: list[int]) -> tuple[int, int]:
        """The characters the trigger ``number`` reads its arguments from: from the
        previous trigger to the next, cut at "على هامش" when it stands between."""
        tokens = self.doc.tokens
        trigger = triggers[number]
        # a trigger inside a relative clause ("التقى لودريان، الذي وصل أمس، السيسي")
        # does not end the region of the one before it
        # nor does one set off by commas behind "خلال" ("التقى X، خلال زيارته لموسكو، بالرئيس Y"),
        # whose own region ends at its closing comma
        following = next((t for t in triggers[number + 1:]
                          if not self.relative_clause(t) and self.aside_end(t, sentence.tokens[1]) is None
                          and not self.during(t)), None)
        # nor does one in a relative clause begin the region of the one after it: "خالد
        # العبيدي الذي يزور روسيا، منذ الاثنين، وقع الاتفاق مع X" is signed by the one before
        previous = next((t for t in reversed(triggers[:number]) if not self.relative_clause(t)), None)
        left = tokens[previous.last].span.start if previous is not None else sentence.span.start
        whereas = next((i for i in range(trigger.first - 1, previous.last - 1, -1) if tokens[i].norm in _WHEREAS
                        and tokens[i - 1].norm in COMMAS), None) if previous is not None else None
        if whereas is not None and any(m.type is PERSON for m in
                                       self.in_range(tokens[whereas].span.start, tokens[trigger.first].span.start)):
            left = tokens[whereas].span.start   # a subject of its own named ("فيما عبر دولته" reads the one before)
        right = tokens[following.first].span.start if following is not None else sentence.span.end
        aside = self.aside_end(trigger, sentence.tokens[1])
        if aside is not None:
            right = min(right, tokens[aside].span.start)
        limit = following.first if following is not None else sentence.tokens[1]
        cut = next((index for index in sidelines if trigger.first < index < limit), None)
        if cut is not None:
            right = min(right, tokens[cut].span.start)
        if sentence.is_headline:
            # "ظريف يزور الأسد: على الإرهابيين الخروج من إدلب": a headline's colon opens a quote
            colon = next((i for i in range(trigger.last, limit) if tokens[i].norm in _HEADLINE_QUOTE), None)
            if colon is not None:
                right = min(right, tokens[colon].span.start)
        return left, right

    def aside_end(self, trigger: Trigger, end: int) -> int | None:
        """The closing comma of an aside the trigger opens behind a comma and "خلال"
        or "أثناء" ("، خلال زيارته لموسكو،"), within ASIDE_WORDS words and before the
        sentence's end token ``end``, or None."""
        tokens = self.doc.tokens
        if trigger.first < 2 or self.word_before(trigger.first) not in DURING \
                or tokens[trigger.first - 2].norm not in COMMAS:
            return None
        return next((i for i in range(trigger.last, min(end, trigger.last + ASIDE_WORDS))
                     if tokens[i].norm in COMMAS), None)

    def during(self, trigger: Trigger) -> bool:
        """A trigger right after "خلال" or "أثناء" with no comma before: a time of what is
        told around it ("أن يلتقي اليوم خلال الزيارة ... مع X"), which reads on through it."""
        return trigger.first >= 2 and self.word_before(trigger.first) in DURING \
            and self.doc.tokens[trigger.first - 2].norm not in COMMAS

    def relative_clause(self, trigger: Trigger) -> bool:
        """A relative pronoun right before the trigger ("الذي يزور")."""
        return self.word_before(trigger.first) in RELATIVE_PRONOUNS

    def one_by_one(self, draft: Draft) -> list[Draft]:
        """"التقى الوزير الرئيس ونظيره وزير الخارجية": one meeting with each person met;
        a tour, one visit to each of its stops."""
        if draft.stops:
            # "جولة تشمل الكويت وقطر": a visit to each place; the day a tour begins, and
            # the days it lasts, are its first stop's, not the others'
            date = None if draft.begins or draft.start else draft.date
            if draft.start and draft.end:
                # "جولة ... تستمر حتى السبت": the tour's last day is its last stop's, its first the first's
                draft.date, draft.start, draft.end = draft.start, None, None
            return [draft] + [replace(draft, place=stop, stops=(), evidence=list(draft.evidence),
                                      date=self.day_after_stop(draft, stop) or date, start=None, end=None, begins=False,
                                      days=None, participants=list(draft.participants)) for stop in draft.stops]
        if not draft.separate:
            return [draft]
        host = draft.participants[0]
        out = []
        for guest in draft.participants[1:]:
            part = replace(draft, participants=[host, guest], evidence=list(draft.evidence), separate=False)
            out.append(part)
        return out

    def day_after_stop(self, draft: Draft, stop: str) -> str | None:
        """The date written right after a stop of a tour, behind "في" or "يوم" at most
        ("تزور تونس في 3 مارس والقاهرة في 2 مارس"): the day of its visit."""
        named = [m for m in self.in_range(draft.sentence.start, draft.sentence.end) if self.entity_of(m).id == stop]
        for mention in named:
            time = next((t for t in self.doc.times if mention.span.end <= t.span.start <= mention.span.end + STOP_DAY_REACH), None)
            if time is not None and time.value and all(
                    word in _STOP_DAY_LINKS for _, word in self.words_in(mention.span.end, time.span.start)):
                return time.value
        return None

    def complete(self, draft: Draft) -> bool:
        if draft.anaphoric and draft.participants and self.attending(draft):
            draft.attended = True   # "وحضر اللقاء الوزير X": he joins the meeting told before
            return True
        if draft.anaphoric and draft.participants and any(d.type in (draft.type, CONFERENCE) for d in self.drafts) \
                and self.taking_part_before(self.token_at(draft.trigger.start)):
            return True   # "ويشارك في الاجتماع X": he takes part in the one told (or it is told here first)
        if draft.type in (MEETING, CALL):
            return len(draft.participants) >= 2
        if draft.type is CONFERENCE:
            # a summit, forum or meeting that names no side is told for its place alone,
            # and most often is none of the article's events (annotators give every
            # gathering a side: its organiser or a participant); a numbered session
            # names what it is ("الاجتماع الـ12 لوزراء الخارجية"), and so do the ministers of
            # many states who hold it ("عقد وزراء الخارجية العرب اجتماعا"), and so does an edition's year
            return bool(draft.participants or draft.session or draft.edition or draft.many)
        return bool(draft.participants)

    # -- readers of places the mixins share ----------------------------------------
    def other_country(self, place: str, other: str) -> bool:
        """Whether two places are known to lie in two countries."""
        countries = place_country(self.doc, place), place_country(self.doc, other)
        return None not in countries and countries[0] != countries[1]

    def place_type(self, entity_id: str | None) -> EntityType | None:
        return self.entity_types.get(entity_id) if entity_id else None

    def specificity(self, entity_id: str) -> int:
        kind = self.place_type(entity_id)
        return PLACE_ORDER.index(kind) if kind in PLACE_ORDER else len(PLACE_ORDER)


def find_events(doc: Document) -> Document:
    return EventFinder(doc).run()
