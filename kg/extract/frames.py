"""Event frames: a trigger's arguments from the mentions around it.

Each frame ("host", "meet", "visit", "appoint"...; column 3 of triggers.tsv)
has one method that fills a ``Draft`` from the mentions between the previous
and the next trigger (an ``Around``), dispatched by ``FrameFiller.FRAMES``;
what the words around a trigger say (a reported speaker, a topic, a place)
is kg.extract.context's.  The frames of meetings, calls and signings are
kg.extract.meetings's (the states and bodies that are their sides
kg.extract.parties's, who signs and witnesses a signing kg.extract.signing's),
those of gatherings (conferences, summits, sessions) kg.extract.gatherings's,
those of visits (visits, journeys, tours, arrivals) kg.extract.visits's, those
of hosting (receptions, hosting awards) kg.extract.hosting's and those of
appointments (appointing, taking office) kg.extract.appointments's, all mixed
into ``FrameFiller``.  Drafts (kg.extract.drafts) are merged into events later
(kg.extract.events).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from kg.extract.appointments import AppointmentFrames
from kg.extract.context import PAIRS, CLAUSE_ENDS, MentionContext
from kg.extract.delegations import DelegationMembers
from kg.extract.drafts import Around, Draft
from kg.extract.gatherings import GatheringFrames
from kg.extract.hosting import HostingFrames
from kg.extract.lexicon import function_words, word_key
from kg.extract.meetings import MeetingFrames
from kg.extract.parties import MeetingParties
from kg.extract.signing import SigningFrames
from kg.extract.triggers import Trigger
from kg.extract.visits import GUEST_NOUNS, VisitFrames
from kg.model import CALL, MEETING, PERSON, ROLE_MENTION, Document, Mention, Sentence, Span
from kg.text.clitics import CONJUNCTION_WA, strip_article

_SIDES_TYPES: Final = (MEETING, CALL)
_PAIRS: Final = PAIRS
_DESCRIPTIONS: Final = function_words("description")
GREETED_REACH: Final = 8   # words between "إلى" and the one greetings are conveyed to (his titles)
_GREETINGS: Final = function_words("greeting")   # "نقل تحيات X إلى Y"
_TOWARDS_WORDS: Final = function_words("to")   # "إلى"
GUEST_OPENING: Final = 3   # words opening a sentence in which "الضيف" is its subject ("ووصل الضيف")
PAIR_REACH: Final = 2   # words after a meeting word in which a dual names its sides ("والتقى أمس الوزيران")
DUAL_ENDING: Final = "ان"   # a dual noun's ending ("الوزيران"): without it, the title the two hold


class FrameFiller(MeetingFrames, MeetingParties, SigningFrames, HostingFrames, AppointmentFrames,
                  VisitFrames, GatheringFrames, DelegationMembers, MentionContext):
    """The frames that read a document's mentions around each trigger."""

    def __init__(self, doc: Document):
        super().__init__(doc)
        self.pending_hosted: Draft | None = None  # the conference a HostingAward in this sentence names
        self.pairs: list[list[str]] = []   # the two sides of each meeting or call of two persons told, in order
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
        # "ووقعها عن الجانب الأردني X" opening its sentence signs the thing told before (inside
        # the sentence that tells it, the telling absorbs it: RetoldEvents)
        anaphoric = self.anaphoric(trigger) or trigger.frame == "sign" and trigger.first == sentence.tokens[0] \
            and self.signed_it(trigger)
        draft = Draft(trigger.type, span, sentence.span, evidence=[span], anaphoric=anaphoric)
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
            subject_id: str | None = next(iter(named)) if len(named) == 1 else self.last_actor
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

    # -- readers the frames of several kinds share -----------------------------------
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
            title = self.pair_title(around)
            if title is not None and not self.both_hold(self.last_pair, title):
                # "وقع الوزيران" after a minister's talks and his reception by the head of
                # government: the last two told who are both ministers
                return next((list(pair) for pair in reversed(self.pairs) if self.both_hold(pair, title)),
                            list(self.last_pair))
            return list(self.last_pair)
        start = (self.sentence_before(around.sentence.span) or around.sentence).span.start
        return self.last_two(self.in_range(start, around.span.start), self.named_person)

    @property
    def last_pair(self) -> list[str]:
        """The two sides of the last meeting or call of two persons told, or none."""
        return self.pairs[-1] if self.pairs else []

    def pair_title(self, around: Around) -> str | None:
        """The title a dual of the trigger's names its two by ("الوزيران": وزير,
        "الرئيسان": رئيس), as a word key; None for "الجانبان", "التقيا"."""
        tokens = self.doc.tokens
        for token in tokens[around.trigger.first:min(around.trigger.last + PAIR_REACH, len(tokens))]:
            key = strip_article(token.norm)
            if key not in _PAIRS and token.norm[:1] == CONJUNCTION_WA:
                key = strip_article(token.norm[1:])
            if key in _PAIRS and token.norm != key and key.endswith(DUAL_ENDING):
                return key[:-len(DUAL_ENDING)]
        return None

    def both_hold(self, pair: Sequence[str], title: str) -> bool:
        """Both persons hold a post with that title as its first word."""
        return all(person in self.entities and any(word_key(post.title.split()[0]) == title
                                                   for post in self.entities[person].posts) for person in pair)

    def named_person(self, mention: Mention) -> bool:
        """A person's name, or a post that stands for a person named in the article
        ("التقى X الأمين العام للإنتربول" after his name was told)."""
        return mention.type is PERSON and (mention.kind is not ROLE_MENTION
                                                      or not self.entity_of(mention).role_only)

    def trigger_word(self, trigger: Trigger) -> str:
        """The trigger's first word without its proclitics ("وسيلتقي" -> "سيلتقي")."""
        return self.doc.tokens[trigger.first].norm[len(trigger.clitic):]

    # -- one method per frame, in the mixin of its kind ----------------------------
    FRAMES = {"host": HostingFrames.host_frame, "award": HostingFrames.award_frame,
              "meet": MeetingFrames.sides_frame, "call": MeetingFrames.sides_frame, "sign": MeetingFrames.sides_frame,
              "discuss": MeetingFrames.discuss_frame, "joint": MeetingFrames.joint_frame,
              "visit": VisitFrames.visit_frame, "travel": VisitFrames.travel_frame,
              "arrive": VisitFrames.arrive_frame, "tour": VisitFrames.tour_frame,
              "conference": GatheringFrames.conference_frame, "many": GatheringFrames.conference_frame,
              "session": GatheringFrames.conference_frame,
              "appoint": AppointmentFrames.appoint_frame, "choose": AppointmentFrames.appoint_frame,
              "charge": AppointmentFrames.appoint_frame, "take_office": AppointmentFrames.take_office_frame,
              "win": AppointmentFrames.take_office_frame}
