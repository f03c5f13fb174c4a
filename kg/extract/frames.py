"""Event frames: a trigger's arguments from the mentions around it.

Each frame ("host", "meet", "visit", "appoint"...; column 3 of triggers.tsv)
has one method that fills a ``Draft`` from the mentions between the previous
and the next trigger (an ``Around``), dispatched by ``FrameFiller.FRAMES``;
what the words around a trigger say (a reported speaker, a topic, a place)
is kg.extract.context's; who signs and witnesses a signing is
kg.extract.signing's; the frames of gatherings (conferences, summits,
sessions) are kg.extract.gatherings's, those of visits (visits, journeys,
tours, arrivals) kg.extract.visits's, those of hosting (receptions, hosting
awards) kg.extract.hosting's and those of appointments (appointing, taking
office) kg.extract.appointments's, all mixed into ``FrameFiller``.  Drafts
(kg.extract.drafts) are merged into events later (kg.extract.events).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from kg.extract.appointments import AppointmentFrames
from kg.extract.context import BETWEEN, BETWEEN_WORDS, PAIRS, CLAUSE_ENDS, COMMAS, COMPLEMENTIZERS, WHERE, WITH, WITH_REACH, MentionContext
from kg.extract.dates import ordinal_value
from kg.extract.delegations import DelegationMembers
from kg.extract.drafts import Around, Draft
from kg.extract.gatherings import HOSTING, GatheringFrames
from kg.extract.hosting import HostingFrames
from kg.extract.lexicon import function_words
from kg.extract.lexicons import COUNTERPART_BODIES
from kg.extract.signing import _GOVERNMENTS, _HONORIFIC_PRONOUNS, SigningFrames
from kg.extract.triggers import IN, WITH_AFTER, Trigger
from kg.extract.visits import GUEST_NOUNS, VisitFrames
from kg.model import (ADJECTIVE_MENTION, CALL, CONFERENCE, COUNTRY, MEETING, NAME_MENTION, NOMINAL_MENTION, ORGANISATION, ORGANISER, PERSON,
                      ROLE_MENTION, SIGNATORY, Document, Mention, Sentence, Span)
from kg.text.clitics import (PRONOUN_SUFFIXES, FUTURE_PREFIXES, IMPERFECT_PREFIX, ARTICLE, CONJUNCTION_WA, PREPOSITION_BA, PREPOSITION_LAM,
                             conjunction_stems, readings, stem_set, strip_article, word_forms)

_SEPARATE = function_words("separate_meeting")
_TOGETHER = function_words("together")
BODY_REACH = 4   # words between a meeting and the organisation met ("التقى X أعضاء وفد حركة ...")
_THROUGH = function_words("through")   # "عبر تقنية الاتصال المرئي": by means of
_TAKING_PART_VERBS = function_words("taking_part_verb")   # "شارك", "تشارك"
FROM_AFAR_REACH = 12   # words before a call's means in which a verb of taking part makes it the means of one
# the heads of a body that holds sessions ("عقدت اللجنة المشتركة اجتماعها"), not a party's or a movement's
_MULTILATERAL_BODIES = function_words("session_body")
_SIDES_TYPES = (MEETING, CALL)
_PAIRS = PAIRS
_PLURAL_TITLES = function_words("plural_title")
_MANY_STATES = function_words("many_states")   # "العرب", "الدول"
_CLAUSE_OPENERS = WHERE | function_words("relative")   # "حيث", "الذي"
_MANY_TITLES = function_words("plural_official")   # "وزراء", "قادة": plurals, no duals
_SPORT = function_words("sport")
_DESCRIPTIONS = function_words("description")
_SUBJECT_MATTER = function_words("subject_matter")
_SENDING = function_words("sending")
BETWEEN_REACH = 2   # words after a meeting word in which "بين" names its sides ("المحادثات المباشرة بين")
_MATCH_NOUNS = function_words("match_noun")
JOINT_SUBJECT_REACH = 4   # words between a verb of discussing and the first of its two subjects (titles, a day)
PLURAL_TITLE_REACH = 3   # words from a plural title to the first state it names ("وزراء خارجية")
PAIR_BEFORE = 2   # words before a meeting word in which a dual subject of the verb holding it stands ("الرئيسين عقدا")
DISCUSSED_WITH_REACH = 2   # words after a verb of discussing in which "معه" stands ("وبحث معه", "وبحث الوزير معه")
GREETED_REACH = 8   # words between "إلى" and the one greetings are conveyed to (his titles)
_GREETINGS = function_words("greeting")   # "نقل تحيات X إلى Y"
_TOWARDS_WORDS = function_words("to")   # "إلى"
GUEST_OPENING = 3   # words opening a sentence in which "الضيف" is its subject ("ووصل الضيف")
PRONOUN_SUBJECT_BEFORE = 2   # words before a trigger in which an honorific's pronoun is its subject ("تلقى سموه اتصالا")
PAIR_REACH = 2   # words after a meeting word in which a dual names its sides ("والتقى أمس الوزيران")



def _joined(between: str) -> bool:
    """The words between two persons met open with و ("ونظيره المصري", "وكذلك
    الأمين العام"): coordinated, not one in apposition to the other."""
    words = between.replace("\u060c", " ").split()
    return bool(words) and words[0].startswith(CONJUNCTION_WA)




class FrameFiller(SigningFrames, HostingFrames, AppointmentFrames, VisitFrames, GatheringFrames, DelegationMembers, MentionContext):
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

    def sends(self, start: int, end: int) -> bool:
        """Whether a verb of sending stands in the characters [start, end) between
        two persons ("X سيرسل الوزير Y", "قرر X إيفاد Y"): the first sends the
        second, who goes alone ("X يصطحب Y للقاء Z": both go)."""
        return any(not _SENDING.isdisjoint(word_forms(word)) for _, word in self.words_in(start, end))

    def sides_frame(self, draft: Draft, around: Around) -> Draft | None:
        """meet, call, sign: every person named is a side (a signatory for sign)."""
        frame = around.trigger.frame
        if frame == "meet" and self.a_match(around):
            return None
        ids = self.named_sides(draft, around)
        if around.trigger.background:
            # a signing told as background ("الاتفاق الذي وقعته إيران مع ..."): its
            # sides follow the verb; the people before it are the sentence's own
            ids = around.rest
        if frame == "sign":
            ids = self.signatories(ids, around)
            witness = self.witness_by_pronoun(around)
            if witness and witness not in ids:
                draft.add(witness)   # "كما شهد سموه توقيع اتفاقية": he attends the signing
            for entity_id in self.witnessing_pair(around) + self.pair_present(around):
                if entity_id not in ids:
                    draft.add(entity_id)   # "وشهد الجانبان بعده توقيع مذكرة تفاهم، وقعها X وY", "بحضور الرئيسين"
            if len(set(ids)) < 2:
                ids = self.witnesses_past_talks(around) or ids
        elif frame == "meet":
            ids = self.meeting_sides(draft, ids, around)
        role = SIGNATORY if frame == "sign" else None
        for entity_id in ids:
            draft.add(entity_id, role)
        if frame == "meet":
            self.states_or_session(draft, ids, around)
        draft.separate = (frame == "meet" and draft.type is MEETING or frame == "call") \
            and (self.met_one_by_one(around) or around.trigger.several)
        if draft.type is CALL:
            if self.taking_part_from_afar(around):
                return None   # "شارك X في الجلسة الافتتاحية عبر تقنية الاتصال المرئي": no call
            return draft   # a call joins two places: the one named near it is a side's, not where it happens
        if frame == "meet" and draft.anaphoric and self.pair_told(around):
            return draft   # "وجاء لقاء الوزيرين بينما تتصاعد الخلافات بسبب محاكمة قس في تركيا": told again, no place
        if frame == "sign":
            # "لمذكرة التفاهم المبرمة ... بنواكشوط": a place after it is the memorandum's
            around = replace(around, after=[m for m in around.after if not self.concluded_between(around.span.end, m.span.start)])
        return self.with_place(draft, around)

    def taking_part_from_afar(self, around: Around) -> bool:
        """A call's words behind "عبر" after a verb of taking part in its clause
        ("فيما شارك X في الجلسة الافتتاحية عبر تقنية الاتصال المرئي"): the means of
        taking part in a gathering, no call."""
        first = around.trigger.first
        # "عبر" before the call's words, or the first of them after the gathering ("في الجلسة الافتتاحية
        # عبر تقنية الاتصال المرئي"; before it, "عبر تقنية الفيديو في قمة" is taken part in it: events.py)
        tokens = self.doc.tokens
        means = (first - 2, first - 1) + ((first,) if around.trigger.last >= len(tokens)
                                         or strip_article(tokens[around.trigger.last].norm) not in IN else ())
        if first < 2 or all(strip_article(tokens[at].norm) not in _THROUGH for at in means):
            return False
        opening = around.sentence.tokens[0]
        return any(not _TAKING_PART_VERBS.isdisjoint(conjunction_stems(token.norm))
                   for token in self.doc.tokens[max(opening, first - FROM_AFAR_REACH):first])

    def named_sides(self, draft: Draft, around: Around) -> list[str]:
        """The persons named as sides: before the trigger ("البشير ورئيس الوزراء
        الإثيوبي سيجريان مباحثات"; not a speaker before "إن"), its subject and
        those after it; for a meeting told as a purpose ("للقاء"), the one who goes."""
        purpose = around.trigger.frame == "meet" and around.trigger.clitic.endswith(PREPOSITION_LAM)
        before = self.after_complementizer(around.actors_before[:-1], around)
        if purpose and around.actors_before:
            # "قرر الرئيس X إيفاد الوزير Y للقاء Z": the one who goes meets, not who sends
            # him; "توجه X والسفير Y إلى الجزائر للقاء Z": both go
            last = around.actors_before[-1]
            before = [m for m in before if not self.sends(m.span.end, last.span.start)]
        rest = around.rest
        if around.trigger.frame == "meet" and draft.anaphoric:
            # "أن المباحثات تطرقت إلى الملف السوري، داعيا إلى ... وإبعاد بشار الأسد": what a
            # meeting told again went into, named after its verb, is what it was about
            rest = [self.entity_of(m).id for m in around.actors_after if not self.went_into(around.span.end, m)]
        ids = [self.entity_of(m).id for m in before] + ([around.subject_id] if around.subject_id else []) + rest
        first = around.trigger.first
        if not around.actors_before and any(strip_article(token.norm) in _HONORIFIC_PRONOUNS for token in
                                            self.doc.tokens[max(around.sentence.tokens[0], first - PRONOUN_SUBJECT_BEFORE):first]):
            # "تلقى سموه اتصالا هاتفيا من X": the one the honorific's pronoun stands for, the last actor
            actor = self.last_actor
            if actor and actor not in ids:
                ids.insert(0, actor)
        if purpose and not around.actors_before:
            # "قبل أن يترك الكويت متوجها إلى الدوحة للقاء أمير قطر": a purpose whose one
            # who goes is told before its region, the sentence's first person or the last told
            persons = [m for m in self.in_range(around.sentence.span.start, around.span.start)
                       if m.type is PERSON and not self.topic(m)]
            goer = self.entity_of(persons[0]).id if persons else self.last_actor
            if goer and goer not in ids:
                ids.insert(0, goer)
        return ids

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

    def meeting_sides(self, draft: Draft, ids: list[str], around: Around) -> list[str]:
        """The sides of a meeting the persons named leave short of two: the one a
        pronoun brings together, a dropped subject, a delegation or body met, the
        two told before, the sides after "بين" (three of them: a conference)."""
        if self.pair_holds(around):
            pair = self.last_two_persons(around)
            ids = pair + [entity_id for entity_id in ids if entity_id not in pair]   # and who attended
        if self.brought_together_by_pronoun(around.trigger):
            # "أكد X أن اللقاء الذي جمعه بـY": the pronoun is the one the sentence is about
            before = [m for m in self.in_range(around.sentence.span.start, around.span.start)
                      if m.type is PERSON]
            one = self.entity_of(before[-1]).id if before else self.last_actor
            if one and one not in ids:
                ids.insert(0, one)
        if len(set(ids)) == 1 and not around.actors_before and around.rest \
                and self.imperfect_verb(around.trigger) and (actor := self.guest_opening(around) or self.last_actor) \
                and actor not in ids:
            # "من المتوقع أن يلتقي اليوم ... مع X": the subject dropped is the one told before
            ids.insert(0, actor)
        if len(set(ids)) == 1 and self.word_before(around.trigger.first) in WHERE:
            # "شارك X في أعمال الدورة، حيث التقى على هامشها Y": the subject of the clause "حيث" hangs on
            subject = next((self.entity_of(m).id for m in self.in_range(around.sentence.span.start, around.span.start)
                            if m.type is PERSON and self.named_person(m)), None) \
                or self.guest_opening(around)   # "ثم انتقل الضيف إلى عين التينة حيث التقى Y"
            if subject is not None and subject not in ids:
                ids.insert(0, subject)
        if len(set(ids)) == 1 and self.last_actor and self.last_actor not in ids \
                and not self.meeting_verb(around.trigger) and self.spoken_of(around):
            # "وصرح المتحدث X بأن تلك اللقاءات شملت اجتماعا ثنائيا مع Y": the one told of before
            ids.insert(0, self.last_actor)
        if len(set(ids)) == 1:
            ids += self.delegation(around.span.end, around.right) or self.body_met(around)
        if len(set(ids)) == 1:
            # "والتقى الوفد الأمريكي X": the delegation told, its members or its side
            ids += [d for d in self.delegation_acting(around.trigger.first, around.trigger.last, around.sentence)
                    if d not in ids]
        if len(set(ids)) < 2 and self.pair_told(around):
            ids = self.last_two_persons(around)
        if not ids:
            ids = self.bodies_brought_together(around)
        if len(set(ids)) < 2:
            between = self.sides_between(around)
            if between:
                # "المحادثات بين الحكومة الأفغانية وحركة طالبان بحضور ممثلين عن الصين والولايات
                # المتحدة": the states and bodies present take part too
                # hosted by a third ("استضافت باكستان الجولة الافتتاحية من المحادثات بين ..."): it takes part
                ids = between + self.hosts_of_talks(around) + self.present_after(around)
            if len(set(ids)) >= 3:
                draft.type = CONFERENCE   # "محادثات بين روسيا وإيران وتركيا": three sides
        return ids

    def spoken_of(self, around: Around) -> bool:
        """The meeting is told in reported speech: a person named before it in its
        sentence, a complementizer between ("صرح X بأن ...")."""
        speakers = [m for m in self.in_range(around.sentence.span.start, around.span.start) if m.type is PERSON]
        return bool(speakers) and self.reported(speakers[-1].span.end, around.span.start)

    def bodies_brought_together(self, around: Around) -> list[str]:
        """"المشاورات التي جمعت الاتحاد بممثلي البنك العالمي": the body right after
        the verb "جمع" and the one behind ب after it, directly or through one word
        ("بوفد", "بممثلي")."""
        verb = self.bringing_verb(around.trigger)
        if verb is None:
            return []
        tokens = self.doc.tokens
        bodies = [m for m in around.after if m.type in (ORGANISATION, COUNTRY)
                  and m.kind in (NAME_MENTION, NOMINAL_MENTION)][:2]   # "الاتحاد" told before
        if len(bodies) < 2 or self.token_at(bodies[0].span.start) != verb + 1:
            return []
        first_end = self.token_at(bodies[0].span.end - 1) + 1
        second = self.token_at(bodies[1].span.start)
        behind_ba = second == first_end and bodies[1].span.start > tokens[second].span.start \
            and tokens[second].norm.startswith(PREPOSITION_BA)
        through_one = second == first_end + 1 and tokens[first_end].norm.startswith(PREPOSITION_BA) \
            and len(tokens[first_end].norm) > 3
        return [self.entity_of(m).id for m in bodies] if behind_ba or through_one else []

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

    def a_match(self, around: Around) -> bool:
        """"في لقاء تسبب في إحباط اللاعب": the noun of meeting in a sentence about a
        game names a match, not a meeting."""
        trigger = around.trigger
        if trigger.last - trigger.first != 1 or not any(
                strip_article(stem) in _MATCH_NOUNS for _, stem in readings(self.doc.tokens[trigger.first].norm)):
            return False
        return self.about_a_game(around.sentence)

    def about_a_game(self, sentence: Sentence) -> bool:
        """Whether the sentence names a game ("مباراة", "الدوري"), remembered per sentence."""
        found = self._games.get(sentence.span)
        if found is None:
            found = self._games[sentence.span] = not _SPORT.isdisjoint(
                self.keys_in(sentence.span.start, sentence.span.end))
        return found

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

    def pair_holds(self, around: Around) -> bool:
        """A dual is the subject right before the verb that holds the meeting ("بأن
        الرئيسين عقدا جلسة مباحثات حضرها X") or between it and the meeting ("عقد
        الوزيران جلسة عمل"): the two told before are its sides."""
        verb = self.convening_verb(around)
        if verb is None:
            return False
        if verb < around.trigger.first - 1:
            # "عقد الوزيران جلسة عمل": the dual subject between the verb and the meeting
            return any(strip_article(token.norm) in _PAIRS for token in self.doc.tokens[verb + 1:around.trigger.first])
        opening = around.sentence.tokens[0]
        return any(strip_article(token.norm) in _PAIRS for token in self.doc.tokens[max(opening, verb - PAIR_BEFORE):verb])

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

    def body_met(self, around: Around) -> list[str]:
        """The organisation one person meets when no other person is named
        (GUIDE 2: a party itself): named within BODY_REACH words after the
        trigger or its subject ("التقى كوهلر أعضاء مجلس الأمن", "مع وفد من الاتحاد العام
        التونسي للشغل"), not the place of the meeting ("في مقر الأمم المتحدة")."""
        start = around.actors_after[0].span.end if around.actors_after else around.span.end   # VSO: past the subject
        words = self.words_in(start, around.right)[:BODY_REACH]
        # up to a new clause: "والتقى X مع الأمير وأخبر لاحقا هآرتس"
        words = words[:next((i for i, (_, word) in enumerate(words) if word[:1] == CONJUNCTION_WA
                             and len(word) > 3 and self.verb_like(word)), len(words))]
        reach = words[-1][0] if words else start
        body = next((m for m in around.after if start <= m.span.start <= reach and m.type is ORGANISATION
                     and (m.kind is NAME_MENTION   # or one named before: "أعضاء المجلس"
                          or self.entity_of(m).label != self.doc.text[m.span.start:m.span.end])
                     and not self.locative(m)), None)
        if body is None or self.media(body):
            return []   # "في لقاء مع شبكة إيه بي سي نيوز" is an interview
        body_id = self.entity_of(body).id
        person = self.entities.get(around.subject_id or (around.rest[0] if around.rest else ""))
        if person is not None and any(post.org == body_id for post in person.posts):
            return []   # his own organisation: "المتحدث باسم جماعة الحوثي" met no one in it
        return [body_id]

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

    def after_complementizer(self, actors: list[Mention], around: Around) -> list[Mention]:
        """The actors named after the last "إن"/"أن" before the trigger, when one stands there."""
        words = self.words_in(around.span.start - 1 if not actors else actors[0].span.start, around.span.start)
        cuts = [offset for offset, word in words if word in COMPLEMENTIZERS]
        return [m for m in actors if m.span.start > cuts[-1]] if cuts else actors

    def met_one_by_one(self, around: Around) -> bool:
        """"التقى لودريان السيسي ونظيره المصري سامح شكري": a verb of meeting with a
        subject and two persons or more after it, joined by و, none a delegation
        or an audience ("والوفد المرافق", "بحضور"): each is met apart; so are those
        one travels to meet ("للقاء الملك سلمان وولي العهد الأمير محمد بن سلمان")."""
        # the persons met: those after the trigger, less its subject when it follows (VSO)
        actors = list({m.span: m for m in around.actors_after}.values())   # one per span (kg.link.corpus may add twins)
        met = actors if around.subject_id else actors[1:]
        if len(met) < 2:
            return False
        purpose = around.trigger.clitic.endswith(PREPOSITION_LAM)   # "وصل X إلى الرياض للقاء الملك وولي العهد"
        if not purpose and _SEPARATE.isdisjoint(stem_set(self.doc.tokens[around.trigger.first].norm)):
            return False
        words = self.words_in(around.span.end, around.right)
        if any(word in _TOGETHER for _, word in words):
            return False
        text = self.doc.text
        return all(_joined(text[a.span.end:b.span.start]) for a, b in zip(met, met[1:]))

    def discuss_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"بحث الوزير، اليوم، مع نظيره ...": a meeting only with someone after مع."""
        words_after = self.words_in(around.span.end, around.right)
        if any(word[:-len(suffix)] in WITH for _, word in words_after[:DISCUSSED_WITH_REACH]
               for suffix in PRONOUN_SUFFIXES if word.endswith(suffix)):
            return None   # "التقى X Y، وبحث معه ...": the meeting told before, not another
        with_at = next((m for m in words_after if m[1] in WITH), None)
        beyond = [m for m in around.after if with_at and m.span.start > with_at[0]]
        sides = [self.entity_of(m).id for m in around.actors_after if m.span.start > with_at[0]] if with_at else []
        # "بحث مع وفد صندوق النقد الدولي": a state or a body met when no person is
        sides = sides or [
            self.entity_of(m).id for m in beyond[:1]
            if m.type in (COUNTRY, ORGANISATION) and m.kind is NAME_MENTION]
        actor = around.subject_id or next((i for i in around.rest if i not in sides), None)
        if not with_at and self.pair_told(around):
            actor, sides = None, self.last_two_persons(around)   # "وبحث الجانبان": the two told before
        elif not with_at and around.subject_id is None:
            actor, sides = None, self.joint_subject(around)   # "تباحث الملك X والرئيس Y"
        if not sides or actor is None and len(sides) < 2:
            return None
        for entity_id in ([actor] if actor else []) + sides:
            draft.add(entity_id)
        return self.with_place(draft, around)

    def joint_subject(self, around: Around) -> list[str]:
        """"تباحث الملك X والرئيس Y في عمان": two persons joined by و as the
        subject right after a verb of discussing held the talks together."""
        return self.joined_pair(around.actors_after, around)

    def joined_pair(self, mentions: list[Mention], around: Around) -> list[str]:
        """The first two of ``mentions`` when they are joined by و and the first
        stands within JOINT_SUBJECT_REACH words after the trigger: the verb's subject."""
        pair = mentions[:2]
        if len(pair) < 2 or len(self.words_in(around.span.end, pair[0].span.start)) > JOINT_SUBJECT_REACH \
                or not _joined(self.doc.text[pair[0].span.end:pair[1].span.start]):
            return []
        return list(dict.fromkeys(self.entity_of(m).id for m in pair))

    def joint_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"خلال مؤتمر صحفي مشترك مع نظيره ...": a press conference held with
        someone tells that the two met: the subject and the first person after
        "مع" (within triggers.WITH_AFTER words of the trigger, or the phrase is
        no trigger), named within WITH_REACH words of it."""
        words_after = self.words_in(around.span.end, around.right)
        with_at = next((offset for offset, word in words_after[:WITH_AFTER] if word in WITH), None)
        side = next((m for m in around.actors_after if with_at is not None and m.span.start > with_at), None)
        if side is None or around.subject_id is None \
                or len(self.words_in(with_at, side.span.start)) > WITH_REACH + 1:
            return None
        draft.add(around.subject_id)
        draft.add(self.entity_of(side).id)
        return self.with_place(draft, around)

    def went_into(self, start: int, mention: Mention) -> bool:
        """A verb of what a meeting went into ("تطرقت", "تناولت", "تمحور") stands between
        ``start`` and the mention."""
        return any(not _SUBJECT_MATTER.isdisjoint(stem_set(self.doc.tokens[self.token_at(offset)].norm))
                   for offset, _ in self.words_in(start, mention.span.start))

    def imperfect_verb(self, trigger: Trigger) -> bool:
        """The trigger is a verb of the third person masculine imperfect ("يلتقي", "سيجتمع")."""
        word = self.trigger_word(trigger)
        return word.startswith((IMPERFECT_PREFIX, FUTURE_PREFIXES[0]))   # "يلتقي", "سيلتقي"

    def trigger_word(self, trigger: Trigger) -> str:
        """The trigger's first word without its proclitics ("وسيلتقي" -> "سيلتقي")."""
        return self.doc.tokens[trigger.first].norm[len(trigger.clitic):]

    FRAMES = {"host": HostingFrames.host_frame, "meet": sides_frame, "call": sides_frame, "sign": sides_frame,
              "discuss": discuss_frame, "joint": joint_frame,
              "visit": VisitFrames.visit_frame, "travel": VisitFrames.travel_frame,
              "arrive": VisitFrames.arrive_frame, "tour": VisitFrames.tour_frame,
              "conference": GatheringFrames.conference_frame, "many": GatheringFrames.conference_frame,
              "session": GatheringFrames.conference_frame, "appoint": AppointmentFrames.appoint_frame, "choose": AppointmentFrames.appoint_frame,
              "charge": AppointmentFrames.appoint_frame, "take_office": AppointmentFrames.take_office_frame,
              "award": HostingFrames.award_frame}
