"""Events from triggers and their arguments.

``find_triggers`` (kg.extract.triggers) finds trigger words sentence by
sentence; a frame (kg.extract.frames) fills one trigger's arguments from the
entity mentions around it (the region between the previous and the next
trigger); times and durations are attached (kg.extract.timing, mixed into
``EventFinder``), who attends, chairs or presides (kg.extract.attendance) and
who signs an agreement told with other events (kg.extract.agreements), and
which event is on the sidelines of which or hosted (kg.extract.parents); then
events that tell the same thing (the headline and the body, "هذه الزيارة") are
merged (kg.extract.merging) and missing places are inherited (kg.extract.parents),
all mixed into ``EventFinder``.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.agreements import AgreementSides
from kg.extract.attendance import _WHEREAS, OBJECT_PRONOUNS, Attendance
from kg.extract.cameo import COUNTRY_PREFIX, place_country, side_homes
from kg.extract.context import DURING, PLACE_ORDER, RELATIVE_PRONOUNS
from kg.link.resolve import accusative
from kg.extract.walker import COMMAS
from kg.extract.drafts import PERSON_PREFIX, Draft
from kg.extract.frames import FrameFiller
from kg.extract.lexicon import function_words
from kg.extract.merging import DraftMerging
from kg.extract.openers import between, openings_of
from kg.extract.parents import EventParents
from kg.extract.timing import EventTimes
from kg.extract.triggers import OF, Trigger, find_triggers, trigger_lexicon
from kg.model import (AGREEMENT, APPOINTEE, APPOINTMENT, CALL, CONFERENCE, COUNTRY, GUEST, HOST, MEETING, NAME_MENTION, ORGANISER, PERSON,
                      ROLE_MENTION, VISIT, VISITOR, Document, EntityType, Event, Participant, Sentence, replace_document)
from kg.text.clitics import strip_article

_IN_A = function_words("in_a")   # "في زيارة"
_BY_MEANS = function_words("by_means")   # "في اتصال هاتفي"
ASIDE_WORDS = 8   # words of an aside set off by commas ("، خلال زيارته الرسمية إلى موسكو،")
_WHERE = function_words("where")   # "حيث", without و
SESSION_OF_GAP = 4   # words between a session and the gathering after "من" it is of ("الدورة الثامنة من معرض و")
_HEADLINE_QUOTE = (":",)   # what opens the words quoted in a headline after its event
LISTED_APPOINTEES = 2   # persons each followed by a post in the accusative that make a list of appointments


__all__ = ["EventFinder", "Trigger", "find_events", "find_triggers", "trigger_lexicon"]


class EventFinder(DraftMerging, EventParents, AgreementSides, Attendance, EventTimes, FrameFiller):
    """Events of one document: frames per sentence, then merged across sentences."""

    def __init__(self, doc: Document):
        super().__init__(doc)
        # words inside a name are never triggers ("مؤتمر" in "حزب المؤتمر")
        self.covered = doc.covered_tokens([m.span for m in self.mentions if m.kind is not ROLE_MENTION])
        self.drafts: list[Draft] = []
        self.headlines = {s.span for s in doc.sentences if s.is_headline}
        self.last_summit: Draft | None = None   # the last summit of two told (a Meeting)
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
        return bool(visitors) and all(event.place in side_homes(v) | self.holder_countries(v.id) for v in visitors)

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
            if self.complete(draft):
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
                    self.last_pair = people   # and the two who signed: "وقع الوزيران ... عقد الوزيران"
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

    def other_country(self, place: str, other: str) -> bool:
        """Whether two places are known to lie in two countries."""
        countries = place_country(self.doc, place), place_country(self.doc, other)
        return None not in countries and countries[0] != countries[1]

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
        word = self.doc.tokens[trigger.first].norm
        return trigger.last - trigger.first == 1 and not self.signing_noun(trigger) \
            and word.endswith(OBJECT_PRONOUNS) and len(word) > 4

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
            return [draft] + [replace(draft, place=stop, stops=(), evidence=list(draft.evidence), date=date,
                                      start=None, end=None, begins=False, days=None,
                                      participants=list(draft.participants)) for stop in draft.stops]
        if not draft.separate:
            return [draft]
        host = draft.participants[0]
        out = []
        for guest in draft.participants[1:]:
            part = replace(draft, participants=[host, guest], evidence=list(draft.evidence), separate=False)
            out.append(part)
        return out

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
            # many states who hold it ("عقد وزراء الخارجية العرب اجتماعا")
            return bool(draft.participants or draft.session or draft.many)
        return bool(draft.participants)

    def place_type(self, entity_id: str | None) -> EntityType | None:
        return self.entity_types.get(entity_id) if entity_id else None

    def specificity(self, entity_id: str) -> int:
        kind = self.place_type(entity_id)
        return PLACE_ORDER.index(kind) if kind in PLACE_ORDER else len(PLACE_ORDER)


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


def find_events(doc: Document) -> Document:
    return EventFinder(doc).run()
