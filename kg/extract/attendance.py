"""Who attends, chairs or presides over an event told: those a verb of
attending names after it, its pronoun the meeting told ("كما حضرها X"), those at
a gathering's opening ("وحضر الافتتاح X"), its session's chair ("وترأس الجلسة
الافتتاحية X"), the one elected to preside ("انتخب X رئيسا للدورة"), and those
present at a reception ("بحضور") or at the signing with it.  ``Attendance`` is a
part of kg.extract.events's ``EventFinder``, whose readers it uses."""

from __future__ import annotations

from typing import Final

from kg.extract.context import PRESENCE
from kg.extract.drafts import Draft
from kg.extract.lexicon import function_word, function_words
from kg.extract.signing import SIGNING_NOUNS
from kg.extract.triggers import Trigger
from kg.model import AGREEMENT, CONFERENCE, MEETING, NAME_MENTION, PERSON, VISIT, Sentence, Span
from kg.native import trait
from kg.text.clitics import ACCUSATIVE_ENDING, OBJECT_PRONOUNS, conjunction_stems, stem_set, strip_article
from kg.text.memo import remembered

ATTENDING_OPENING: Final = 3   # words that open a sentence in which "حضرها" stands ("كما حضرها")
ATTENDING_VERBS: Final = function_words("attending_verb")   # the verbs whose object is the event attended
TA_MARBUTA: Final = "ة"   # ta marbuta as written (normalised, it is ه like the pronoun)
_OPENING: Final = tuple(sorted(function_words("opening")))   # word starts (any order): "الافتتاح", "الجلسة الافتتاحية": a gathering's opening
# "وحضر الافتتاح X", "وشهد حفل الافتتاح حضور X": those named after attend the gathering told
_OPENING_ATTENDED: Final = ATTENDING_VERBS | function_words("opening_attended")
_SESSION_NOUN: Final = function_word("session_noun")   # "جلسة"
_CHAIRING: Final = function_words("chairing")   # "افتتح", "اختتم"
_PROCEEDINGS: Final = function_words("proceedings")   # "أشغال", "أعمال": "وافتتح الأشغال X"
_OPENING_SESSIONS: Final = function_words("opening_closing")   # "الجلسة الافتتاحية"
CHAIR_REACH: Final = 16   # words after "الجلسة الافتتاحية" in which its chair is named (a day, his posts)
# "، فيما تلقى X اتصالا": a clause of its own opens, whose event reads nothing before it
_WHEREAS: Final = function_words("whereas")
_PRESIDENT: Final = function_word("president")   # "رئيس"
_OF_THE_SESSION: Final = function_words("of_the_gathering")   # "رئيسا للدورة"
PRESIDE_REACH: Final = 14   # words after a verb of electing to "رئيسا للدورة" (the one elected, his posts)
SIGNING_ATTENDED_REACH: Final = 2   # words after the meeting attended to the signing attended with it


@remembered   # the opening words of every sentence after a meeting are asked
def _attends_it(norm: str) -> bool:
    """"حضرها", "وحضره", "حضرهما": a verb of attending with an object pronoun."""
    for suffix in OBJECT_PRONOUNS:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            verb = norm[:-len(suffix)]
            if not ATTENDING_VERBS.isdisjoint(stem_set(verb)):
                return True
    return False


@trait
class Attendance:
    """Who attends the events of ``EventFinder`` (kg.extract.events), which it is mixed into."""

    def attended_by_pronoun(self, sentence: Sentence) -> None:
        """"كما حضرها من الجانب الباكستاني X، وY": a verb of attending whose object
        pronoun stands for the meeting or conference told last, in the sentence
        before, opening a sentence with no event of its own: the persons it names attend."""
        # the event told last asked first: most sentences follow none of these
        told = self.drafts[-1] if self.drafts else None
        if told is None or told.type not in (MEETING, CONFERENCE):
            return
        first, last = sentence.tokens
        tokens = self.doc.tokens
        opening = next((i for i in range(first, min(last, first + ATTENDING_OPENING))
                        if _attends_it(tokens[i].norm) and not tokens[i].text.endswith(TA_MARBUTA)   # "حضرة"
                        or told.type is CONFERENCE and self.attends_opening(i, last)), None)
        if opening is None or not self.previous_sentence_holds(sentence.span, told.trigger.start):
            return
        for mention in self.in_range(tokens[opening].span.end, sentence.span.end):
            if mention.type is PERSON:
                told.add(self.entity_of(mention).id)

    def attends_opening(self, index: int, last: int) -> bool:
        """A verb of attending, witnessing or overseeing, then the opening of a gathering
        ("وحضر الافتتاح", "وشهد حفل الافتتاح حضور X", "وأشرف على افتتاح الأشغال X"), or a
        verb of opening or closing, then its proceedings ("وافتتح الأشغال X"): those of
        the conference told."""
        tokens = self.doc.tokens
        if index + 1 >= last:
            return False
        verb = conjunction_stems(tokens[index].norm)
        following = [strip_article(tokens[i].norm) for i in range(index + 1, min(last, index + 3))]
        if not _OPENING_ATTENDED.isdisjoint(verb) and any(word.startswith(_OPENING) for word in following):
            return True
        return not _CHAIRING.isdisjoint(verb) and following[0] in _PROCEEDINGS

    def previous_sentence_holds(self, sentence: Span, offset: int) -> bool:
        """The sentence right before the one spanning ``sentence`` holds the character ``offset``."""
        before = self.sentence_before(sentence)
        return before is not None and before.span.start <= offset < before.span.end

    def chaired_session(self, sentence: Sentence) -> None:
        """"وترأس الجلسة الافتتاحية أمس X": who chairs the opening or closing session
        of the gathering told takes part in it."""
        tokens, words = self.doc.tokens, self.bare_words
        first, last = sentence.tokens
        if _SESSION_NOUN not in words[first + 1:last - 1]:
            return
        at = next((i for i in range(first + 1, last - 1) if words[i] == _SESSION_NOUN
                   and words[i + 1] in _OPENING_SESSIONS and self.chaired_before(i)), None)
        if at is None:
            return
        gathering = self.gathering_told()
        if gathering is None:
            return
        end = next((tokens[i].span.start for i in range(at + 2, min(last, at + 2 + CHAIR_REACH))
                    if tokens[i].norm in _WHEREAS), tokens[min(last, at + 2 + CHAIR_REACH) - 1].span.end)
        chair = next((m for m in self.in_range(tokens[at + 1].span.end, end) if m.type is PERSON
                      and m.kind is NAME_MENTION), None)
        if chair is not None:
            gathering.add(self.entity_of(chair).id)

    def elected_to_preside(self, draft: Draft) -> None:
        """"انتخب المجلس X رئيسا للدورة الحالية": who is elected to preside over the
        session told takes part in it."""
        words = self.keys_in(draft.trigger.end, draft.sentence.end)[:PRESIDE_REACH]
        if not any(word.rstrip(ACCUSATIVE_ENDING) == _PRESIDENT and following in _OF_THE_SESSION
                   for word, following in zip(words, words[1:])):
            return
        gathering = self.gathering_told()
        if gathering is not None:
            for person in draft.persons():
                gathering.add(person)

    def gathering_told(self) -> Draft | None:
        """The last conference told, not one yet to be hosted."""
        return next((d for d in reversed(self.drafts) if d.type is CONFERENCE and not d.hosted), None)

    def attending(self, draft: Draft) -> bool:
        """A verb of attending or taking part right before the trigger ("وحضر اللقاء")."""
        return self.taking_part_before(self.token_at(draft.trigger.start), through_in=False)

    def attend_the_signing_too(self, draft: Draft) -> None:
        """"حضر الاستقبال والتوقيع X": those attending the meeting told attend the
        signing told before it too."""
        words = self.words_in(draft.trigger.end, draft.sentence.end)[:SIGNING_ATTENDED_REACH]
        # "حضر الاستقبال والتوقيع", "ومراسم التوقيع"
        if not any(stem.startswith(SIGNING_NOUNS) for _, word in words for stem in conjunction_stems(word)):
            return
        signing = next((d for d in reversed(self.drafts) if d.type is AGREEMENT), None)
        if signing is not None:
            for participant in draft.participants:
                signing.add(participant.entity)

    def present_at_reception(self, drafts: list[tuple[Trigger, Draft]]) -> None:
        """"استقبل X أمس الوزير Y الذي وصل إلى تونس في زيارة عمل، بحضور Z": the persons
        named after "بحضور", past a visit told in a relative clause on the one met,
        attend the meeting the clause hangs on, not the visit."""
        for number, (trigger, draft) in enumerate(drafts):
            if draft.type is not VISIT or number == 0 or self.relative_before(trigger.first) is None:
                continue
            meeting = next((d for _, d in reversed(drafts[:number]) if d.type is MEETING), None)
            if meeting is None:
                continue
            at = next((offset for offset, word in self.words_in(draft.trigger.end, draft.sentence.end)
                       if word in PRESENCE), None)
            if at is None:
                continue
            for mention in self.in_range(at, draft.sentence.end):
                entity_id = self.entity_of(mention).id
                if mention.type is PERSON and entity_id not in draft.people:
                    meeting.add(entity_id)
