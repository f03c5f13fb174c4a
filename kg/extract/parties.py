"""The states and bodies that are the sides of a meeting or a signing when no
two persons are: named by adjectives ("اجتماع مصري سوداني"), after "بين"
("محادثات بين الحكومة الأفغانية وحركة طالبان"), by their ministers' plural title
("وزراء خارجية مصر والسعودية"), present ("بمشاركة"), or a body holding its
session.  ``MeetingParties`` is a part of kg.extract.frames's ``FrameFiller``,
whose readers of the words around a trigger it uses."""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

from kg.extract.context import BETWEEN, BETWEEN_WORDS, COMMAS, WHERE
from kg.extract.dates import ordinal_value
from kg.extract.drafts import Around, Draft
from kg.extract.gatherings import HOSTING
from kg.extract.lexicon import function_words
from kg.extract.lexicons import COUNTERPART_BODIES
from kg.extract.meetings import _joined
from kg.extract.signing import _GOVERNMENTS
from kg.model import ADJECTIVE_MENTION, CONFERENCE, COUNTRY, MEETING, NAME_MENTION, ORGANISATION, ORGANISER, PERSON, Mention
from kg.native import trait
from kg.text.clitics import ARTICLE, conjunction_stems, stem_set, strip_article

BETWEEN_REACH: Final = 2   # words after a meeting word in which "بين" names its sides ("المحادثات المباشرة بين")
_PLURAL_TITLES: Final = function_words("plural_title")
PLURAL_TITLE_REACH: Final = 3   # words from a plural title to the first state it names ("وزراء خارجية")
_MANY_TITLES: Final = function_words("plural_official")   # "وزراء", "قادة": plurals, no duals
_MANY_STATES: Final = function_words("many_states")   # "العرب", "الدول"
_CLAUSE_OPENERS: Final = WHERE | function_words("relative")   # "حيث", "الذي"
# the heads of a body that holds sessions ("عقدت اللجنة المشتركة اجتماعها"), not a party's or a movement's
_MULTILATERAL_BODIES: Final = function_words("session_body")


@trait
class MeetingParties:
    """The meeting parties of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""

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
        last_end: int | None = None
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

    def governments_state(self, mention: Mention) -> bool:
        """A state named by its adjective after a word of government ("الحكومة
        الأفغانية") or a body's counterpart ("ونظيرتها الإسبانية")."""
        if mention.type is not COUNTRY or mention.kind is not ADJECTIVE_MENTION:
            return False
        word = self.word_before(self.token_at(mention.span.start))
        return word in _GOVERNMENTS or not COUNTERPART_BODIES.isdisjoint(conjunction_stems(word))

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
