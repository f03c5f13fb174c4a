"""Event frames: a trigger's arguments from the mentions around it.

Each frame ("host", "meet", "visit", "appoint"...; column 3 of triggers.tsv)
has one method that fills a ``Draft`` from the mentions between the previous
and the next trigger (an ``Around``), dispatched by ``FrameFiller.FRAMES``;
what the words around a trigger say (a reported speaker, a topic, a place)
is kg.extract.context's.  The frames of meetings, calls and signings are
kg.extract.meetings's (who signs and witnesses a signing kg.extract.signing's),
those of gatherings (conferences, summits, sessions) kg.extract.gatherings's,
those of visits (visits, journeys, tours, arrivals) kg.extract.visits's, those
of hosting (receptions, hosting awards) kg.extract.hosting's and those of
appointments (appointing, taking office) kg.extract.appointments's, all mixed
into ``FrameFiller``.  Drafts (kg.extract.drafts) are merged into events later
(kg.extract.events).
"""

from __future__ import annotations

from bisect import bisect_right

from kg.extract.appointments import AppointmentFrames
from kg.extract.context import BETWEEN, BETWEEN_WORDS, PAIRS, CLAUSE_ENDS, COMMAS, WHERE, MentionContext
from kg.extract.dates import ordinal_value
from kg.extract.delegations import DelegationMembers
from kg.extract.drafts import Around, Draft
from kg.extract.gatherings import HOSTING, GatheringFrames
from kg.extract.hosting import HostingFrames
from kg.extract.lexicon import function_words
from kg.extract.lexicons import COUNTERPART_BODIES
from kg.extract.meetings import MeetingFrames, _joined
from kg.extract.signing import _GOVERNMENTS, SigningFrames
from kg.extract.triggers import Trigger
from kg.extract.visits import GUEST_NOUNS, VisitFrames
from kg.model import (ADJECTIVE_MENTION, CALL, CONFERENCE, COUNTRY, MEETING, NAME_MENTION, ORGANISATION, ORGANISER, PERSON, ROLE_MENTION, Document,
                      Mention, Sentence, Span)
from kg.text.clitics import ARTICLE, CONJUNCTION_WA, conjunction_stems, stem_set, strip_article

# the heads of a body that holds sessions ("عقدت اللجنة المشتركة اجتماعها"), not a party's or a movement's
_MULTILATERAL_BODIES = function_words("session_body")
_SIDES_TYPES = (MEETING, CALL)
_PAIRS = PAIRS
_PLURAL_TITLES = function_words("plural_title")
_MANY_STATES = function_words("many_states")   # "العرب", "الدول"
_CLAUSE_OPENERS = WHERE | function_words("relative")   # "حيث", "الذي"
_MANY_TITLES = function_words("plural_official")   # "وزراء", "قادة": plurals, no duals
_DESCRIPTIONS = function_words("description")
BETWEEN_REACH = 2   # words after a meeting word in which "بين" names its sides ("المحادثات المباشرة بين")
PLURAL_TITLE_REACH = 3   # words from a plural title to the first state it names ("وزراء خارجية")
GREETED_REACH = 8   # words between "إلى" and the one greetings are conveyed to (his titles)
_GREETINGS = function_words("greeting")   # "نقل تحيات X إلى Y"
_TOWARDS_WORDS = function_words("to")   # "إلى"
GUEST_OPENING = 3   # words opening a sentence in which "الضيف" is its subject ("ووصل الضيف")
PAIR_REACH = 2   # words after a meeting word in which a dual names its sides ("والتقى أمس الوزيران")


class FrameFiller(MeetingFrames, SigningFrames, HostingFrames, AppointmentFrames, VisitFrames, GatheringFrames, DelegationMembers, MentionContext):
    """The frames that read a document's mentions around each trigger."""

    def __init__(self, doc: Document):
        super().__init__(doc)
        self.pending_hosted: Draft | None = None  # the conference a HostingAward in this sentence names
        self.last_pair: list[str] = []   # the two sides of the last meeting or call of two persons told
        self._verbs: dict[tuple[int, frozenset[str]], int | None] = {}   # convening_verb's answers by trigger and cues
        self._windows: dict[int, list[tuple[int, frozenset[str]]]] = {}   # GatheringFrames.verb_window by trigger
        self._games: dict[Span, bool] = {}
        self._names_and_posts: set[int] | None = None   # GatheringFrames.verb_window's uncounted tokens
        self._mention_tokens: set[int] | None = None    # VisitFrames.mention_tokens

    def current_actor(self, around: Around) -> str | None:
        """The person the sentence is about so far: its first one, else the last
        actor of the sentences before."""
        persons = [m for m in self.in_range(around.sentence.span.start, around.span.start)
                   if m.type is PERSON]
        guest = self.guest_opening(around, persons[0].span.start if persons else around.span.start)
        return guest or (self.entity_of(persons[0]).id if persons else self.last_actor)

    def guest_opening(self, around: Around, before: int | None = None) -> str | None:
        """"ووصل الضيف إلى عمان ... ومن المقرر أن يلتقي": "الضيف" among the words opening
        the sentence (before ``before``) is its subject, the guest told before."""
        opening = around.sentence.tokens[0]
        limit = around.span.start if before is None else before
        if any(strip_article(token.norm) in GUEST_NOUNS and token.span.end <= limit
               for token in self.doc.tokens[opening:opening + GUEST_OPENING]):
            return self.guest_before()
        return None

    def clause_end(self, around: Around) -> int:
        """Where the clause after the trigger ends: a full stop, colon or question mark."""
        if CLAUSE_ENDS.isdisjoint(self.keys_in(around.span.end, around.right)):
            return around.right   # a punctuation token is its one character: no key is one, none starts with one
        return next((offset for offset, word in self.words_in(around.span.end, around.right) if word[:1] in CLAUSE_ENDS),
                    around.right)

    def frame(self, trigger: Trigger, sentence: Sentence, left: int, right: int) -> Draft | None:
        """The draft event of ``trigger``, its arguments read from the characters [left, right)."""
        tokens = self.doc.tokens
        span = Span(tokens[trigger.first].span.start, tokens[trigger.last - 1].span.end)
        draft = Draft(trigger.type, span, sentence.span, evidence=[span], anaphoric=self.anaphoric(trigger))
        fill = self.FRAMES.get(trigger.frame, FrameFiller.with_place)
        return fill(self, draft, self.around(trigger, sentence, span, left, right))

    def around(self, trigger: Trigger, sentence: Sentence, span: Span, left: int, right: int) -> Around:
        before = self.in_range(left, span.start)
        after = self.in_range(span.end, right)
        # what a meeting is about is no side of it ("قضية خاشقجي.. اجتماع بومبيو والملك"); one
        # whose disappearance is told may still be a visitor ("اختفاء X خلال زيارته")
        actors_before = [m for m in before if m.type is PERSON
                         and not (trigger.type in _SIDES_TYPES and self.topic(m))]
        if left > sentence.span.start and actors_before and self.with_object(actors_before[-1], left):
            # "عقد كيري اجتماعا مع السيسي بعد أن شارك في محادثات مع شكري": the one met
            # by the event before is no side of this one; its subject is the sentence's
            actors_before = [m for m in actors_before if not self.with_object(m, left)]
            if not actors_before:
                actors_before = [m for m in self.in_range(sentence.span.start, left)
                                 if m.type is PERSON][:1]
        actors_after = [m for m in after if m.type is PERSON and not self.topic(m)]
        greeting = self.greetings_span(sentence)
        if greeting is not None:
            # "نقل X تحيات الملك Y وولي العهد Z إلى W": whose greetings are conveyed take no part
            actors_before = [m for m in actors_before if not greeting[0] <= m.span.start < greeting[1]]
            actors_after = [m for m in actors_after if not greeting[0] <= m.span.start < greeting[1]]
        described = self.description_start(span.end, right)
        if described is not None:
            # "يتطلع إلى لقاء بارزاني وهو زعيم لقوات حاربت صدام حسين": who the one met is, no side
            actors_after = [m for m in actors_after if m.span.start < described]
        if self.feminine_possessed(trigger):
            # "استضافتها خلال زيارتها": her visit; a man named before is not its subject
            actors_before = [m for m in actors_before if not self.masculine(self.entity_of(m).id)]
        if actors_before and self.reported(actors_before[-1].span.end, span.start) and not self.with_next(span.end):
            # "وقال المتحدث X، إن مباحثات A ونظيره B": the speaker is no side of what he reports;
            # "أعلن X أن ... خلال لقاء مع نظيره Y" he took part in
            actors_before = []
        if trigger.several and self.also_before(span.start, actors_before):
            # "يستقبله الرئيس X، كما يجري سلسلة من اللقاءات مع": the dropped subject is the sentence's
            actors_before = [m for m in self.in_range(sentence.span.start, span.start)
                             if m.type is PERSON][:1]
        subject = actors_before[-1] if actors_before else None
        if subject is None and trigger.suffixed and self.last_actor and not self.hers_of_a_man(trigger):
            # the pronoun's: the one person its sentence named before it ("أن يتوجه X إلى الكويت،
            # على أن يختتم جولته في الدوحة"), else the one told last
            named = {self.entity_of(m).id for m in self.in_range(sentence.span.start, span.start)
                     if m.type is PERSON}
            subject_id = next(iter(named)) if len(named) == 1 else self.last_actor
        else:
            subject_id = self.entity_of(subject).id if subject else None
        rest = [self.entity_of(m).id for m in actors_after]
        return Around(trigger, sentence, span, right, before, after, actors_before, actors_after, subject_id, rest)

    def description_start(self, start: int, end: int) -> int | None:
        """Where a clause describing someone ("وهو زعيم", "وهي") opens in [start, end)."""
        if _DESCRIPTIONS.isdisjoint(self.keys_in(start, end)):
            return None   # most stretches: no pairing of the words with their offsets
        return next((offset for offset, word in self.words_in(start, end) if word in _DESCRIPTIONS), None)

    def with_place(self, draft: Draft, around: Around) -> Draft:
        """The place of most frames: the most specific one named after the trigger, else before it."""
        draft.place = self.place_in(around.after) or self.place_in(around.before)
        return draft

    def greetings_span(self, sentence: Sentence) -> tuple[int, int] | None:
        """The characters from "تحيات" to the person after the "إلى" after it in the
        sentence (or to the "إلى"), if both stand there."""
        if _GREETINGS.isdisjoint(self.keys_in(sentence.span.start, sentence.span.end)):
            return None   # most sentences
        words = self.words_in(sentence.span.start, sentence.span.end)
        at = next((n for n, (_, word) in enumerate(words) if word in _GREETINGS), None)
        if at is None:
            return None
        end = next((offset for offset, word in words[at + 1:] if word in _TOWARDS_WORDS), None)
        if end is None:
            return None
        # and the one they are conveyed to, absent ("إلى رئيس مجلس الوزراء العراقي X"), or the host,
        # a side already
        to = next((m for m in self.in_range(end, sentence.span.end) if m.type is PERSON), None)
        if to is not None and len(self.words_in(end, to.span.start)) <= GREETED_REACH:
            end = to.span.end
        return words[at][0], end

    def states_or_session(self, draft: Draft, ids: list[str], around: Around) -> None:
        """"اجتماع مصري سوداني إثيوبي": the states named by adjectives are a
        meeting's sides, and so are those whose ministers hold it; three or more
        make it a conference.  With neither and fewer than two sides, a body
        holding its meeting makes it a session of the body."""
        # the ministers of many states, and one other present ("وزراء خارجية X وY وZ، إضافة إلى W")
        states = self.adjective_run(around) or (self.office_holders_states(around) if len(set(ids)) < 2 else [])
        for entity_id in states:
            draft.add(entity_id)
        if len(states) >= 3:
            draft.type = CONFERENCE
        # its subject in its own clause, not a council's name in the clause before
        # ("الدورة ... لمجلس وزراء الداخلية العرب، حيث التقى على هامشها")
        if len(set(ids)) < 2 and not states and self.held_by_many(around) and _CLAUSE_OPENERS.isdisjoint(
                self.keys_in(around.sentence.span.start, around.span.start)):
            draft.type = CONFERENCE   # "وكان وزراء الخارجية العرب قد عقدوا اجتماعا تحضيريا"
            draft.many = True
            return
        if len(set(ids)) < 2 and not states and draft.type is MEETING:
            # "أن تستضيف مصر الاجتماع الرابع عشر": a numbered meeting of no two sides is a session
            # a definite ordinal right after it: not "لقاء يوم 14", "مباحثات 2+2", "الاجتماع هو واحد"
            at = around.trigger.last
            number = ordinal_value(self.doc.tokens, at, around.sentence.tokens[1]) \
                if at < around.sentence.tokens[1] and self.doc.tokens[at].norm.startswith(ARTICLE) else None
            if number is not None:
                draft.type, draft.session = CONFERENCE, number[0]
        if len(set(ids)) < 2 and not states:
            # "عقدت اللجنة العسكرية المشتركة اجتماعها الأول": a body holds its meeting, a session of
            # it; one who chairs it ("برئاسة الوزير X") takes part
            body = [m for m in self.convening_body(around) if m.kind is NAME_MENTION
                    and not _MULTILATERAL_BODIES.isdisjoint(stem_set(self.doc.tokens[self.token_at(m.span.start)].norm))]
            if body:
                draft.type = CONFERENCE
                draft.add(self.organiser(body[0]), ORGANISER)
                for entity_id in self.states_of_joint_body(body[0]):
                    draft.add(entity_id)   # "اللجنة العمانية الكويتية المشتركة": the two states'
                # "بمشاركة ممثلين عن الجيش اللبناني وإسرائيل وفرنسا": the states and bodies taking part
                for entity_id in self.present_after(around):
                    draft.add(entity_id)

    def held_by_many(self, around: Around) -> bool:
        """A plural title ("وزراء", "قادة"; not a dual) of many states before the verb
        that convenes the meeting, in its sentence: the subject holding it is many."""
        verb = self.convening_verb(around)
        if verb is None:
            return False
        # the subject before the verb or, the verb first, between it and the meeting ("عقد وزراء ... اجتماعا")
        words = self.keys_in(around.sentence.span.start, around.span.start)
        # "وزراء الخارجية العرب", "وزراء داخلية دول الخليج": the ministers of many states
        return any(word in _MANY_TITLES and not _MANY_STATES.isdisjoint(words[n + 1:n + 4]) for n, word in enumerate(words))

    def sides_between(self, around: Around, reach: int = BETWEEN_REACH) -> list[str]:
        """"محادثات بين الحكومة الأفغانية وحركة طالبان": the bodies and states
        after "بين" (within ``reach`` words of the trigger, up to the clause's
        end) are the sides of talks no two persons hold."""
        tokens = self.doc.tokens
        if not any(strip_article(tokens[i].norm) in BETWEEN
                   for i in range(around.trigger.last, min(len(tokens), around.trigger.last + reach))):
            return []   # most meetings: no "بين" after the word
        clause_end = self.clause_end(around)
        words = self.words_in(around.span.end, clause_end)
        at = next((n for n, (_, word) in enumerate(words[:reach]) if word in BETWEEN), None)
        if at is None:
            return []
        # the two sides follow "بين" closely ("بين الحكومة الأفغانية وحركة طالبان")
        start = words[at][0]
        end = words[at + BETWEEN_WORDS + 1][0] if at + BETWEEN_WORDS + 1 < len(words) else clause_end
        sides = [self.entity_of(m).id for m in around.after if start < m.span.start < end
                 and (m.type in (ORGANISATION, PERSON)
                      or m.type is COUNTRY and m.kind is NAME_MENTION and not self.locative(m)
                      or self.governments_state(m))]
        sides = list(dict.fromkeys(sides))
        return sides if len(sides) >= 2 else []

    def hosts_of_talks(self, around: Around) -> list[str]:
        """The states named between a verb of hosting and the talks after it."""
        return self.states_between(around, HOSTING)

    def present_after(self, around: Around) -> list[str]:
        """The states and bodies named after "بحضور" or "بمشاركة" in the clause."""
        at = self.participation_after(around)
        if at is None:
            return []
        clause_end = self.clause_end(around)
        return [self.entity_of(m).id for m in around.after if at < m.span.start < clause_end
                and m.kind is NAME_MENTION and m.type in (COUNTRY, ORGANISATION)]

    def governments_state(self, mention: Mention) -> bool:
        """A state named by its adjective after a word of government ("الحكومة
        الأفغانية") or a body's counterpart ("ونظيرتها الإسبانية")."""
        if mention.type is not COUNTRY or mention.kind is not ADJECTIVE_MENTION:
            return False
        word = self.word_before(self.token_at(mention.span.start))
        return word in _GOVERNMENTS or not COUNTERPART_BODIES.isdisjoint(conjunction_stems(word))

    def pair_told(self, around: Around) -> bool:
        """The meeting's sides are told by a dual: the verb's own ("والتقيا في
        سنغافورة") or a noun right after it ("التقى الوزيران", "بحث الجانبان")."""
        first = around.trigger.first
        words = self.doc.tokens[first:min(around.trigger.last + PAIR_REACH, len(self.doc.tokens))]
        # a dual is a word of its own, behind و at most ("والتقى الوزيران", "وبحثا"): no reading needed
        return any(strip_article(word.norm) in _PAIRS
                   or word.norm[:1] == CONJUNCTION_WA and strip_article(word.norm[1:]) in _PAIRS for word in words)

    def last_two_persons(self, around: Around) -> list[str]:
        """The two a dual refers to: the sides of the last meeting or call of two
        persons told before ("والتقى الرئيسان" some paragraphs on), else the two
        persons named last before the trigger, in this sentence and the one before it;
        two persons named before it in its own sentence come first."""
        own = {self.entity_of(m).id for m in self.in_range(around.sentence.span.start, around.span.start)
               if self.named_person(m)}
        if self.last_pair and len(own) < 2:
            return list(self.last_pair)
        start = (self.sentence_before(around.sentence.span) or around.sentence).span.start
        return self.last_two(self.in_range(start, around.span.start), self.named_person)

    def named_person(self, mention: Mention) -> bool:
        """A person's name, or a post that stands for a person named in the article
        ("التقى X الأمين العام للإنتربول" after his name was told)."""
        return mention.type is PERSON and (mention.kind is not ROLE_MENTION
                                                      or not self.entity_of(mention).role_only)

    def adjective_run(self, around: Around, modifiers: int = 0) -> list[str]:
        """The countries named by adjectives right after the trigger, one word each
        ("اجتماع مصري سوداني"): a meeting of those states.  Up to ``modifiers``
        definite words not in a name may stand before them ("منتدى الأعمال المصري
        الإماراتي", "اللجنة العليا المشتركة التونسية الجزائرية")."""
        states = []
        expected = around.trigger.last
        tokens = self.doc.tokens
        for mention in around.after:
            index = self.token_at(mention.span.start)
            if not states:
                gap = range(expected, index)
                if len(gap) <= modifiers and all(tokens[i].norm.startswith(ARTICLE) for i in gap):
                    expected = index
            if index != expected or mention.type is not COUNTRY or mention.kind is not ADJECTIVE_MENTION:
                break
            states.append(self.entity_of(mention).id)
            expected = bisect_right(self.token_starts, mention.span.end - 1)
        return states if len(states) >= 2 else []

    def office_holders_states(self, around: Around) -> list[str]:
        """"عقد وزراء خارجية مصر والسعودية والإمارات اجتماعا": the states listed
        after a plural title in the trigger's sentence, before it or right after it,
        within PLURAL_TITLE_REACH words of the title, joined by و or commas."""
        words = self.words_in(around.sentence.span.start, around.right)
        title = next((offset for offset, word in words if word in _PLURAL_TITLES), None)
        if title is None:
            return []
        states: list[str] = []
        last_end = None
        for mention in self.in_range(title, around.right):
            if mention.type is not COUNTRY or mention.kind is not NAME_MENTION:
                continue
            if last_end is None and len(self.words_in(title, mention.span.start)) > PLURAL_TITLE_REACH:
                break
            between = self.doc.text[last_end:mention.span.start] if last_end is not None else ""
            if last_end is not None and not (_joined(between) or between.strip() in COMMAS):
                break
            states.append(self.entity_of(mention).id)
            last_end = mention.span.end
        return list(dict.fromkeys(states)) if len(set(states)) >= 2 else []

    def trigger_word(self, trigger: Trigger) -> str:
        """The trigger's first word without its proclitics ("وسيلتقي" -> "سيلتقي")."""
        return self.doc.tokens[trigger.first].norm[len(trigger.clitic):]

    FRAMES = {"host": HostingFrames.host_frame, "meet": MeetingFrames.sides_frame, "call": MeetingFrames.sides_frame,
              "sign": MeetingFrames.sides_frame, "discuss": MeetingFrames.discuss_frame, "joint": MeetingFrames.joint_frame,
              "visit": VisitFrames.visit_frame, "travel": VisitFrames.travel_frame,
              "arrive": VisitFrames.arrive_frame, "tour": VisitFrames.tour_frame,
              "conference": GatheringFrames.conference_frame, "many": GatheringFrames.conference_frame,
              "session": GatheringFrames.conference_frame, "appoint": AppointmentFrames.appoint_frame, "choose": AppointmentFrames.appoint_frame,
              "charge": AppointmentFrames.appoint_frame, "take_office": AppointmentFrames.take_office_frame,
              "award": HostingFrames.award_frame}
