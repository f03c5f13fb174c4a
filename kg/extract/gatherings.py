"""The frames of gatherings: conferences, summits and sessions, who convenes,
hosts, organises and takes part in them, and the summit of two that is a
meeting (GUIDE 2).  ``GatheringFrames`` is a part of kg.extract.frames's
``FrameFiller``, whose readers of the words around a trigger it uses."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Final

from kg.extract.cameo import COUNTRY_PREFIX, place_country, side_homes
from kg.extract.context import BETWEEN, BETWEEN_WORDS, DUAL_GENITIVE, DUAL_NOMINATIVE, TAKING_PART, WITH
from kg.extract.drafts import Around, Draft
from kg.extract.lexicon import function_words
from kg.extract.triggers import TA, Trigger, feminine_noun, gathering_number
from kg.extract.walker import COMMAS
from kg.model import ADJECTIVE_MENTION, CITY, CONFERENCE, COUNTRY, HOST, MEETING, NAME_MENTION, ORGANISATION, ORGANISER, PERSON, Mention, Participant
from kg.native import trait
from kg.text.clitics import PREPOSITION_BA, PRONOUN_SUFFIXES, conjunction_stems, stem_set, stems, strip_article

_PARTICIPATION: Final = function_words("participation")   # word keys, as "تقي" for "التقى"
_SUMMITS: Final = function_words("summit")
DUAL_VERB_ENDINGS: Final = ("ا", "ان", "تا")   # suffixes of a dual verb: "ترأسا", "يترأسان", "ترأستا": of two named before the verb
CONFERENCE_MODIFIERS: Final = 2   # definite words between a gathering and the adjectives of its states ("اللجنة العليا المشتركة")
SUMMIT_REACH: Final = 12   # words after a summit in which its two sides are named ("قمة مرتقبة تجمع الرئيس X والزعيم Y")
_CONVENE: Final = function_words("convene")
HOSTING: Final = function_words("hosting")
_PATRONAGE: Final = function_words("patronage")
_UNDER: Final = function_words("under")   # "تحت رعاية"
PATRON_BEFORE: Final = 12   # words before a gathering in which "برعاية" names its patron
PATRON_REACH: Final = 4   # words from "رعاية" to its patron's name ("برعاية الرئيس X", "تحت رعاية سمو الأمير X")
CONVENE_REACH: Final = 16   # words back from a gathering to the verb that convenes it, its subjects between
CONVENER_GAP: Final = 3   # words between a body and the verb of convening it is the subject of ("سوف يعقد")
_FUTURE_IMPERFECT: Final = ("ي", "ت", "سي", "ست")   # prefixes: how a verb in the imperfect starts, maybe after the future's س
_PERFECT_MEETING_VERBS: Final = function_words("met")   # "التقى", "اجتمعوا"
# the duals of pair nouns in the genitive, after "بين" ("الزعيمين" of "الزعيمان")
_PAIRS_GENITIVE: Final = frozenset(word[:-2] + DUAL_GENITIVE for word in function_words("pair") if word.endswith(DUAL_NOMINATIVE))
_BETWEEN_THEM: Final = function_words("between_them")
_STATE_PAIRS: Final = function_words("state_pair")
_ORGANISED_BY: Final = function_words("organised_by")
ORGANISER_GAP: Final = 2   # words between "تنظمه" and the body that organises ("الذي تنظمه سنويا وزارة")
_SINCE: Final = function_words("since")


@trait
class GatheringFrames:
    """The gathering frames of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""
    pending_hosted: Draft | None
    _names_and_posts: set[int] | None

    def conference_frame(self, draft: Draft, around: Around) -> Draft | None:
        """conference, session: the organiser, the participants and the sides of a summit."""
        trigger = around.trigger
        # a channel or paper someone speaks to ("قال ترمب لشبكة سي.بي.إس إنه سيدخل القمة") organises nothing
        orgs = self.organised_by(around) or [m for m in around.after if m.type is ORGANISATION
                                             and not self.media(m)] or self.convening_body(around)
        if orgs and self.a_side_between(orgs[0], around):
            # "الجولة الثانية من المحادثات بين الحكومة الأفغانية وحركة طالبان": a side, no organiser
            draft.add(self.entity_of(orgs[0]).id)
            orgs = []
        if orgs:
            draft.add(self.organiser(orgs[0]), ORGANISER)
            for entity_id in self.states_of_joint_body(orgs[0]):
                draft.add(entity_id)
        elif trigger.suffixed:
            # "وافق المجلس على احتضان المغرب دورته الـ44": its pronoun's, the organiser of the gatherings told
            told = [p.entity for d in self.drafts if d.type is CONFERENCE
                    for p in d.participants if p.role is ORGANISER]
            if told:   # the one told most often, the first of those
                draft.add(max(dict.fromkeys(told), key=told.count), ORGANISER)
        cue = self.participation_before(trigger)
        if cue is not None:
            # "شارك X في القمة": the sentence's subject takes part; "على هامش مشاركته في أشغال
            # الدورة": the one its pronoun stands for, maybe told in a sentence before
            persons = [m for m in self.in_range(around.sentence.span.start, around.span.start)
                       if m.type is PERSON]
            actor = self.entity_of(persons[0]).id if persons else \
                self.last_actor if self.doc.tokens[cue].norm.endswith(PRONOUN_SUFFIXES) else None
            if actor:
                draft.add(actor)
            if self.doc.tokens[cue].norm.endswith(DUAL_VERB_ENDINGS):
                # "وكان الوزير X ونظيره Y قد ترأسا أعمال الاجتماع": the two before a dual verb
                before = [m for m in persons if m.span.end <= self.doc.tokens[cue].span.start]
                for entity_id in self.chairing_pair(before):
                    draft.add(entity_id)
        else:
            # "شارك الرئيس التونسي X في القمة", "افتتح رئيس الحكومة X أعمال المؤتمر": the
            # subject of a verb of taking part, opening or chairing, named between it and the gathering
            for entity_id in self.conveners(around, TAKING_PART):
                draft.add(entity_id)
        for entity_id in self.states_between(around, TAKING_PART) + self.two_states_between(around):
            draft.add(entity_id)   # "ويشارك المغرب في مؤتمر باريس"
        # "يستضيف المغرب مؤتمرا دوليا", "تحتضن مدينة شرم الشيخ قمة": the host state takes part,
        # a host city is where it is held
        for entity_id in self.states_between(around, HOSTING):
            draft.add(entity_id, HOST)
        patron = self.patron(around)
        if patron is not None:
            draft.add(patron)   # "برعاية الرئيس X انطلقت فعاليات المؤتمر"
        host_city = self.city_between(around, HOSTING)
        self.host_state(draft, around, host_city)
        if trigger.frame == "many" and around.subject_id and not draft.anaphoric and self.meeting_verb(trigger):
            draft.add(around.subject_id)   # "سيلتقي كيري نظراءه في دول المجلس"
        # the sides of a summit: the people and states it names ("قمة مصر والسودان وإثيوبيا"),
        # within its clause
        clause_end = self.clause_end(around)
        # not past "منذ": "القمة ستنعقد في أهم مرحلة منذ انهيار الاتحاد السوفيتي" tells of the past
        since = next((offset for offset, word in self.words_in(around.span.end, clause_end) if word in _SINCE), clause_end)
        for mention in around.after:
            if mention.span.start >= since:
                break
            if mention.type is PERSON or (mention.type is COUNTRY
                                                     and mention.kind is NAME_MENTION
                                                     and not self.locative(mention)
                                                     and not self.discussed(mention)):   # "حول ليبيا"
                draft.add(self.entity_of(mention).id)
        # "بمشاركة وزراء ... في السودان ومصر وإثيوبيا": the states after a word of
        # taking part are parties, not where it is held, even after في
        cue = self.participation_after(around)
        if cue is not None:
            for mention in around.after:
                if mention.span.start > cue and mention.kind is NAME_MENTION and not self.in_post(mention, held=True) and (
                        mention.type is COUNTRY
                        or mention.type is ORGANISATION and not self.media(mention)):
                    draft.add(self.entity_of(mention).id)   # "بمشاركة الأمم المتحدة والاتحاد الأوروبي"
            around = replace(around, after=[m for m in around.after if m.span.start < cue])
        # "الدورة الـ91", and a meeting numbered so ("الاجتماع الـ12 لوزراء الخارجية")
        # a round's number is inside its trigger ("الجولة الرابعة من محادثات")
        number_at = trigger.first + 1 if trigger.frame == "session" and trigger.last - trigger.first > 2 else trigger.last
        number = None if self.named_number(number_at, around) \
            else gathering_number(self.doc.tokens, number_at, around.sentence.tokens[1])
        if number is not None:
            value, year = number
            draft.session, draft.edition = (None, True) if year else (value, False)
        draft.summit = self.is_summit(trigger) and not any(p.role is ORGANISER for p in draft.participants)
        two = self.summit_of_two(around) if draft.summit else None
        if two and all(side.startswith(COUNTRY_PREFIX) for side in two) and self.last_pair \
                and set(two) <= {home for person in self.last_pair if person in self.entities
                                 for home in side_homes(self.entities[person])}:
            two = list(self.last_pair)   # "القمة المصرية الروسية" after Sisi and Putin met: the two leaders'
        if two:
            # GUIDE 2: "a summit of two leaders" is a meeting, of those two
            draft.type, draft.pair = MEETING, tuple(two)
            draft.participants = [Participant(side, None) for side in two]
        # "منتدى الأعمال المصري الإماراتي", "الاجتماع الثلاثي المصري السوداني الإثيوبي":
        # the states its adjectives name are its sides
        for entity_id in self.adjective_run(around, modifiers=CONFERENCE_MODIFIERS):
            draft.add(entity_id)
        draft.place = self.place_in(around.after, seat=True) or host_city or self.place_in(around.before)
        return draft


    def named_number(self, index: int, around: Around) -> bool:
        """The words at ``index`` where a session's number would stand open a name
        ("قمة مجموعة السبع", "قمة مجموعة العشرين"): its number is the body's, no session's."""
        if index >= len(self.doc.tokens):
            return False
        start = self.doc.tokens[index].span.start
        return any(m.span.start == start and m.type is ORGANISATION for m in around.after)

    def organised_by(self, around: Around) -> list[Mention]:
        """The body named right after a verb of organising with the gathering's
        pronoun, in the trigger's clause ("المؤتمر، الذي تنظمه وزارة الداخلية")."""
        words = self.words_in(around.span.end, self.clause_end(around))
        at = next((n for n, (_, word) in enumerate(words) if not _ORGANISED_BY.isdisjoint(conjunction_stems(word))), None)
        if at is None or at + 1 >= len(words):
            return []
        reach = words[min(at + 1 + ORGANISER_GAP, len(words) - 1)][0]
        return [m for m in around.after if words[at + 1][0] <= m.span.start <= reach
                and m.type is ORGANISATION and m.kind is NAME_MENTION][:1]

    def two_states_between(self, around: Around) -> list[str]:
        """"الدورة الثامنة للجنة المشتركة بين البلدين": after "بين" in its clause, a
        dual of state stands for the last two states named before the gathering, in
        its sentence or the one before."""
        words = self.words_in(around.span.end, self.clause_end(around))
        if not any(word in BETWEEN and following in _STATE_PAIRS for (_, word), (_, following) in zip(words, words[1:])):
            return []
        return self.last_two_states(around)

    def states_pair_told(self, around: Around) -> bool:
        """A dual of state right after the trigger ("كما أبرم البلدان اتفاقا")."""
        tokens = self.doc.tokens
        return any(not _STATE_PAIRS.isdisjoint(conjunction_stems(token.norm))
                   for token in tokens[around.trigger.last:min(len(tokens), around.trigger.last + 2)])

    def last_two_states(self, around: Around) -> list[str]:
        """The last two states named before the trigger, in its sentence or the one
        before, inside a body's name too ("اللجنة المشتركة التونسية الليبية")."""
        start = (self.sentence_before(around.sentence.span) or around.sentence).span.start
        named = self.mentions[bisect_left(self.mention_starts, start):bisect_left(self.mention_starts, around.span.start)]
        return self.last_two(named, lambda mention: mention.type is COUNTRY)

    def patron(self, around: Around) -> str | None:
        """The person named right after "برعاية" or "تحت رعاية" before the
        gathering, within PATRON_REACH words (titles and honorifics between): its patron."""
        tokens = self.doc.tokens
        first = max(around.sentence.tokens[0], around.trigger.first - PATRON_BEFORE)
        at = next((i for i in range(first, around.trigger.first) if self.patronage_at(i)), None)
        if at is None:
            return None
        person = next((m for m in self.in_range(tokens[at].span.start, around.span.start)
                       if m.type is PERSON), None)
        if person is None or len(self.words_in(tokens[at].span.start, person.span.start)) > PATRON_REACH:
            return None
        return self.entity_of(person).id

    def patronage_at(self, index: int) -> bool:
        """"برعاية", "وتحت رعاية" at token ``index``: the word of patronage behind ب, or
        after "تحت" (behind و at most); "الرئيس العام لرعاية الشباب" names a body."""
        tokens = self.doc.tokens
        for cut, stem in stems(tokens[index].norm):
            if stem in _PATRONAGE and tokens[index].norm[:cut].endswith(PREPOSITION_BA):
                return True
        if strip_article(tokens[index].norm) not in _PATRONAGE or index == 0:
            return False
        before = tokens[index - 1].norm
        return not _UNDER.isdisjoint(conjunction_stems(before))

    def host_state(self, draft: Draft, around: Around, host_city: str | None) -> None:
        """"تستضيف مدينة شرم الشيخ المصرية القمة": the state of the host city hosts,
        when the article names it and no host is named: a state named before the
        gathering in its sentence, or any named state when the gathering names no
        other side ("احتضنت مراكش أشغال المؤتمر الإقليمي حول الهجرة")."""
        state = place_country(self.doc, host_city)
        if state and state in self.entities and not draft.has_host() and (not draft.participants or any(
                self.entity_of(m).id == state for m in self.in_range(around.sentence.span.start, around.span.start))):
            draft.add(state, HOST)

    def a_side_between(self, mention: Mention, around: Around) -> bool:
        """"بين" stands within BETWEEN_WORDS words before the mention, after the trigger."""
        words = self.words_in(around.span.end, mention.span.start)[-BETWEEN_WORDS:]
        return any(word in BETWEEN for _, word in words)

    def states_between(self, around: Around, cues: frozenset[str]) -> list[str]:
        """The states named (not as a place) between a verb of ``cues`` and the gathering after it."""
        verb = self.convening_verb(around, cues)
        if verb is None:
            return []
        start = self.doc.tokens[verb].span.end
        # not a state inside a post ("افتتح أمير قطر X أعمال المنتدى": his, not a party)
        return list(dict.fromkeys(self.entity_of(m).id for m in around.before if m.span.start >= start
                                  and m.type is COUNTRY and m.kind is NAME_MENTION
                                  and not self.locative(m) and not self.in_post(m, held=True)))

    def city_between(self, around: Around, cues: frozenset[str]) -> str | None:
        """The city named between a verb of ``cues`` and the gathering after it: its host."""
        verb = self.convening_verb(around, cues)
        if verb is None:
            return None
        start = self.doc.tokens[verb].span.end
        return next((self.entity_of(m).id for m in around.before if m.span.start >= start
                     and m.type is CITY and m.kind is NAME_MENTION), None)

    def states_of_joint_body(self, body: Mention) -> list[str]:
        """"اللجنة العليا المشتركة التونسية الليبية", "لجنة التشاور السياسي المصرية
        الأردنية": a body named by the adjectives of two states or more is theirs,
        and those states are parties to its sessions."""
        first = bisect_left(self.mention_starts, body.span.start)
        last = bisect_left(self.mention_starts, body.span.end)
        states = list(dict.fromkeys(self.entity_of(m).id for m in self.mentions[first:last]
                                    if m.span.end <= body.span.end and m.type is COUNTRY
                                    and m.kind is ADJECTIVE_MENTION))
        return states if len(states) >= 2 else []

    def meeting_verb(self, trigger: Trigger) -> bool:
        """A verb of meeting ("التقى", "سيلتقي", "اجتمعوا"), not its noun ("اجتماع
        الجمعية" of which one read the minutes)."""
        word = self.trigger_word(trigger)
        return word.startswith(_FUTURE_IMPERFECT) or strip_article(word) in _PERFECT_MEETING_VERBS

    def is_summit(self, trigger: Trigger) -> bool:
        if trigger.suffixed and trigger.last - trigger.first == 1:
            # "قمته": the ة written ت before the pronoun (kg.extract.triggers)
            norm = self.doc.tokens[trigger.first].norm
            return any(norm.endswith(suffix) and norm[:-len(suffix)].endswith(TA)
                       and strip_article(feminine_noun(norm[:-len(suffix)])) in _SUMMITS for suffix in PRONOUN_SUFFIXES)
        return any(not _SUMMITS.isdisjoint(stem_set(token.norm)) for token in self.doc.tokens[trigger.first:trigger.last])

    def summit_of_two(self, around: Around) -> list[str] | None:
        """The two sides of a summit with no organiser, named right after it
        ("قمة ترمب- كيم", "القمة بين ترامب وكيم", "قمة مع بوتين" after its
        subject): two persons, or two states where it names no person."""
        # within its clause: "قمة كيم ترمب.. لافروف يلتقي" names no Lavrov at the summit
        words = self.words_in(around.span.end, self.clause_end(around))[:SUMMIT_REACH]
        if words and words[0][1] in _BETWEEN_THEM:
            return self.last_two_persons(around) or None   # "في أول قمة بينهما": the two told before
        if any(word in BETWEEN and following in _PAIRS_GENITIVE for (_, word), (_, following) in zip(words[:3], words[1:4])):
            return self.last_two_persons(around) or None   # "خلال قمة مقبلة بين الزعيمين"
        reach = words[-1][0] if words else around.span.end
        close = [m for m in around.after if m.span.start <= reach
                 and (m.type is PERSON or m.type is COUNTRY and not self.locative(m))]
        persons = list(dict.fromkeys(self.entity_of(m).id for m in close if m.type is PERSON))
        if len(persons) == 1 and words and words[0][1] in WITH:
            # "ترمب سيطرح القضايا في قمة مع بوتين"; "قمته مع بوتين", "القمة مع بوتين": the one told before
            first = around.subject_id or (self.last_actor if around.trigger.suffixed or not around.actors_before else None)
            if first and first != persons[0]:
                persons.insert(0, first)
        if not close:
            persons = self.conveners(around)   # "يعقد الرئيس X والزعيم Y قمة"
        if len(persons) == 2:
            return persons
        # "اجتماع قمة بين الولايات المتحدة وكوريا الشمالية، بعدما قال ترامب": two states, one
        # person said something after them
        states = list(dict.fromkeys(self.entity_of(m).id for m in close if m.type is COUNTRY))
        return states if len(states) == 2 and len(persons) <= 1 else None

    def convening_verb(self, around: Around, cues: frozenset[str] = _CONVENE) -> int | None:
        """The token of the verb of convening (or another of ``cues``) nearest before
        the gathering, within CONVENE_REACH words of its sentence ("يعقد", "سيعقد"),
        behind no proclitic but a conjunction ("بمشاركة" is another frame's), or None.
        Several frames ask it of one trigger: the answer is kept."""
        key = (around.trigger.first, cues)
        if key not in self._verbs:
            self._verbs[key] = self._convening_verb(around, cues)
        return self._verbs[key]

    def _convening_verb(self, around: Around, cues: frozenset[str]) -> int | None:
        return next((index for index, words in self.verb_window(around) if words & cues), None)

    def verb_window(self, around: Around) -> list[tuple[int, frozenset[str]]]:
        """The tokens within CONVENE_REACH words before the trigger in its sentence,
        nearest first, each with its stems behind no proclitic but a conjunction;
        the words of persons' names and posts and the punctuation are not counted
        ("افتتح الفريق سمو الشيخ X نائب رئيس مجلس الوزراء وزير الداخلية، اليوم،
        فعاليات الدورة").  Read once per trigger for the several kinds of verb asked of it."""
        key = around.trigger.first
        if key not in self._windows:
            if self._names_and_posts is None:
                self._names_and_posts = self.doc.covered_tokens(
                    [m.span for m in self.mentions if m.type is PERSON]
                    + [post.span for post in self.doc.posts])
            tokens, uncounted = self.doc.tokens, self._names_and_posts
            first = around.sentence.tokens[0]
            window, words = [], 0
            for i in range(key - 1, first - 1, -1):
                window.append((i, conjunction_stems(tokens[i].norm)))
                if i not in uncounted and tokens[i].norm[:1].isalnum():
                    words += 1
                    if words >= CONVENE_REACH:
                        break
            self._windows[key] = window
        return self._windows[key]

    def convening_body(self, around: Around) -> list[Mention]:
        """The council or committee between a verb of convening and the session
        it holds ("يعقد مجلس الأمن الدولي جلسة")."""
        tokens = self.doc.tokens
        verb = self.convening_verb(around)
        if verb is None:
            return []
        # not one a post is in ("افتتح X نائب رئيس مجلس الوزراء فعاليات الدورة")
        between = [m for m in around.before if m.type is ORGANISATION and m.span.start > tokens[verb].span.start
                   and not self.in_post(m)]
        # "مجلس الأمن الدولي سوف يعقد جلسة": the body is the verb's subject before it
        subject = [m for m in around.before if m.type is ORGANISATION and m.span.end <= tokens[verb].span.start
                   and verb - self.token_at(m.span.end - 1) <= CONVENER_GAP]
        return between or subject[-1:]

    def conveners(self, around: Around, cues: frozenset[str] = _CONVENE) -> list[str]:
        """The persons between a verb of convening and the gathering it holds
        ("وسيعقد الرئيس X والزعيم Y قمة", VSO), or between another of ``cues``
        and the gathering ("شارك الرئيس التونسي X في القمة")."""
        verb = self.convening_verb(around, cues)
        if verb is None:
            return []
        start = self.doc.tokens[verb].span.start
        after_verb = [m for m in around.actors_before if m.span.start > start]
        between = list(dict.fromkeys(self.entity_of(m).id for m in after_verb))
        if after_verb and not WITH.isdisjoint(self.keys_in(self.doc.tokens[verb].span.end, after_verb[0].span.start)):
            # "وكان الوزير X قد ترأس مع نظيره Y أشغال الدورة": the one it is held with
            # comes first after the verb, so its subject is before it (SVO)
            subject = [m for m in around.actors_before if m.span.end <= start][-1:]
            return list(dict.fromkeys([self.entity_of(m).id for m in subject] + between))
        if between or not self.doc.tokens[verb].norm.endswith(DUAL_VERB_ENDINGS):
            return between
        # "وكان الوزير X ونظيره Y قد ترأسا أعمال الاجتماع": a dual verb agrees with its subject before it
        return self.chairing_pair([m for m in around.actors_before if m.span.end <= start])

    def chairing_pair(self, before: list[Mention]) -> list[str]:
        """The last two persons of ``before``, the subject of a dual verb of chairing:
        the pair a later dual refers to ("وفي ختام الاجتماع، وقع الجانبان")."""
        pair = list(dict.fromkeys(self.entity_of(m).id for m in before))[-2:]
        if len(pair) == 2:
            self.pairs.append(pair)
        return pair

    def participation_after(self, around: Around) -> int | None:
        """Where "بمشاركة" or "بحضور" follows the trigger, if one does ("مشاركة
        التجربة" without ب is sharing, not taking part)."""
        for offset, word in self.words_in(around.span.end, around.right):
            if word.startswith(PREPOSITION_BA) and word[1:] in _PARTICIPATION:   # word keys are normalised
                return offset
        return None

    # -- organisers and the conferences a hosting award names ---------------------
    def organiser(self, mention: Mention) -> str:
        """The organisation behind a session: the parent of an organ ("الجمعية العامة
        للأنتربول"), or the organisation named inside a council's name ("مجلس جامعة
        الدول العربية" is the League's)."""
        entity = self.entity_of(mention)
        if entity.part_of:
            return entity.part_of
        inner = [m for m in self.mentions if m.type is ORGANISATION and m.span != mention.span
                 and mention.span.contains(m.span)]
        return self.entity_of(inner[0]).id if inner else entity.id

    def hosted_object(self, award: Draft, after: list[Mention]) -> None:
        """"اختيار المغرب لتنظيم الجمعية العامة للأنتربول بمراكش سنة 2025": the
        conference to be hosted, when an assembly or organ is named."""
        organs = [m for m in after if m.type is ORGANISATION]
        if not organs or any(comma in self.doc.text[award.trigger.end:organs[0].span.start] for comma in COMMAS):
            return   # one in another clause voted, or hosts ("باستضافة إكسبو 2030، إثر تصويت الجمعية العامة")
        organ = self.entity_of(organs[0])
        conference = Draft(CONFERENCE, organs[0].span, award.sentence, hosted=True,
                           evidence=[organs[0].span])
        conference.add(organ.part_of or organ.id, ORGANISER)
        conference.place = self.place_in([m for m in after if m.span.start > organs[0].span.start])
        award.hosted = True
        self.pending_hosted = conference
