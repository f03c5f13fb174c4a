"""Trigger words: where a sentence tells an event ("استقبل", "مباحثات",
"زيارته"), of which type and frame, and whether the words around make it one
("عقد العديد من اللقاءات" is habitual; a session needs its number)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from kg.extract.dates import ordinal_value
from kg.extract.lexicon import Match, PhraseLexicon, function_word, function_words, read_tsv
from kg.extract.walker import COMMAS, LOCATIVES
from kg.model import APPOINTMENT, CONFERENCE, EventType, Span, Token
from kg.extract.lexicons import Lexicons
from kg.text.memo import remembered
from kg.text.clitics import (TASHKEEL, ACCUSATIVE_ENDING, FEMININE_ENDING, PREPOSITION_LAM, PREPOSITIONS, PRONOUN_SUFFIXES,
                             ARTICLE, CONJUNCTIONS, NISBA_ENDING, OBJECT_PRONOUNS, PREPOSITION_BA, definite, stem_set, stems,
                             strip_article)

_GENERIC: Final = function_words("generic")
_AWARD_CUES: Final = function_words("award_cue")
_BACKGROUND: Final = function_words("background")
_ON_BEHALF: Final = function_words("on_behalf")   # "عن الجانب المغربي": for the Moroccan side
_OFFICE: Final = function_words("office")
_ELECTIONS: Final = function_words("election")   # "انتخابات": what a win elects to
_MULTILATERAL: Final = function_words("multilateral")
_MEMBERS: Final = function_words("members")
_INTENT: Final = function_words("intent")
_CALL: Final = function_words("call")
_EXPECTED: Final = function_words("expected")   # "المرتقب", "المنتظرة": an event to come, undated unless told
_CONTACT_NOUNS: Final = function_words("contact_noun")   # "اتصالا"
_CALL_VERBS: Final = function_words("call_verb")   # "تلقى", "أجرى"
CALL_VERB_BEFORE: Final = 2   # words, names not counted, from a verb of calling to its "اتصالا" ("تلقى أمس اتصالا")
_FOUNDED: Final = function_words("founded")
_TIMES: Final = function_words("habitual")
_COUNTS: Final = function_words("times")   # "9 مرات": a count of times, whatever the trigger's number
_PLURAL_ENDING: Final = "ات"   # suffix of a feminine plural ("لقاءات", "زيارات"): a plural noun, which "دورية" makes a habit
_EVERY: Final = function_word("every")   # "كل شهر": how often
_PERIODS: Final = function_words("period")   # "شهر", "أسبوع": after "كل"
TIMES_AFTER: Final = 3   # words after a trigger, names not counted, in which a count of times or "دورية" makes it habitual
EVERY_AFTER: Final = 6   # words after a trigger, names not counted, in which "كل شهر" does ("يلتقي الوزير X نظيره Y كل شهر")
_CONVENE: Final = function_words("convene")
_WITH: Final = function_words("with")
_RELATIVES: Final = function_words("relative")
_SEVERAL_MEETINGS: Final = function_words("several_meetings")
JOINT: Final = "joint"   # a press conference: an event only when held with someone
SEVERAL: Final = "several"   # a plural meeting noun: an event only with "مع" after it
GATHERING: Final = "gathering"   # "جلسة": an event only as a session of a council or committee named after it
TRAVEL: Final = "travel"   # "توجه", "سافر": a visit only with "إلى" after it
MANY: Final = "many"   # a meeting word made a conference by what follows it ("اجتماعات اللجنة", "يلتقي نظراءه")
TOUR: Final = "tour"   # "جولة": a visit to each place it names; not a round ("جولة مباحثات")
_ROUNDS: Final = function_words("round")   # "جولة مباحثات", "جولة جديدة": a round, no tour
OF: Final = function_words("of")   # "من": of, from
IN: Final = function_words("in_a")   # "في": in, at
_TALKS: Final = function_words("talks")   # "محادثات", "حوار"
ARRIVE: Final = "arrive"   # "حل": a visit only with a title, an honorific, a given name or a delegation after it
_DELEGATIONS: Final = function_words("delegation")
_SADDLES: Final = function_word("saddles")   # "الرحال" of "شد الرحال": a journey only with its article
_PARTICIPANTS: Final = function_words("participating")   # "المشاركين", "المشارك"
TOWARDS: Final = function_words("towards")   # "إلى", "نحو"
TOWARDS_AFTER: Final = 12   # words after a verb of travelling in which its "إلى" stands (its subjects may come between)
_SESSION_QUALIFIERS: Final = function_words("session_qualifier")
_ASSEMBLING: Final = tuple(function_words("assembling"))   # "اجتماع", "اجتماعات"
_ASSEMBLY_BODIES: Final = function_words("assembly_body")
BROUGHT_TOGETHER: Final = tuple(function_words("brought_together"))   # "اللقاء الذي جمعه ب", "جمعته مع"
WITH_AFTER: Final = 2    # words after a press conference in which its "مع" is looked for ("مشترك", "اليوم")
FIRST_YEAR, LAST_YEAR = 1900, 2100   # four digits in these after a gathering's word are its year, no session number
CONVENED_BEFORE: Final = 5   # words before a session in which the verb convening it and the body stand
FOUNDED_EXTRA: Final = 3   # words further in which the clause telling a body founded opens
RELATIVE_AFTER: Final = 4   # words after a trigger in which a relative pronoun opens a clause about it ("مؤتمر إعادة إعمار غزة الذي")
UNREAL_BEFORE: Final = 8   # words before a trigger in which a word of denial, hope, condition ... is looked for
_UNREAL: Final = function_words("unreal")
_AJAL: Final = function_word("for_sake")   # "أجل" of "من أجل", no postponement
_CLAUSE_MARKS: Final = frozenset(".:؛;؟?!")   # characters ending a clause: stops, colons, semicolons, question and exclamation marks
AWARD_CLAUSE_CUE_BEFORE: Final = 7   # the same before "أن" opening the trigger, the clause the cue's object
_THAT: Final = function_word("that")   # "أن", normalised
AWARD_CUE_BEFORE: Final = 4   # words before a hosting trigger, names not counted, in which its choosing word is looked for
INTENT_BEFORE: Final = 4   # words before a trigger, names not counted, in which a wish, intention or call is looked for
#                     ("دعا الوزير X إلى عقد اجتماع": its title, "إلى", "عقد")
NOMINAL_APPOINTMENT: Final = tuple(sorted(function_words("nominal_appointment")))
CHARGE: Final = "charge"   # "كلف X بمهام": an appointment only with the post's word behind ب after it
_CHARGES: Final = function_words("charge")   # "بمهام", "بتشكيل": what one is charged with
CHOSEN_POST_AFTER: Final = 9   # words after a choosing trigger in which the post is given ("اختيار الأمير X بن Y وليا للعهد")
ELECTION_AFTER: Final = 3   # words after a win in which the election is named ("فوزا ساحقا في انتخابات")
OFFICE_AFTER: Final = 6   # words after a take_office trigger in which the office is named ("تولى أبي أحمد المنصب", "أدى الرئيس الجديد X اليمين")
TA: Final = "\u062a"   # ت: the ة of a noun before a pronoun suffix
TAA_MARBUTA: Final = "\u0629"   # ة as written (normalised, it is ه like the pronoun)
_SIGNED: Final = function_words("agreement_object")
# what is signed: short words as they are ("عقد"), longer ones as a word's start ("اتفاقية")
_SIGNED_WORDS: Final = frozenset(w for w in _SIGNED if len(w) < 5)
_SIGNED_STARTS: Final = tuple(sorted(w for w in _SIGNED if len(w) >= 5))
_REACHING: Final = tuple(sorted(function_words("reaching")))   # normalised: the verb of reaching an agreement, and its noun
_DONE: Final = function_word("done")   # "وتم التوصل إلى اتفاق": it was reached
REACHED_TO: Final = 8   # words after a verb of reaching in which its "إلى" stands (its subjects between)
_SIGNING_STEMS: Final = tuple(sorted(function_words("signing")))   # the participle, verb and noun of signing (starts: any order)
SIGNED_BEFORE, SIGNED_AFTER = 4, 14   # where the thing signed is looked for, in tokens (commas and quotes count)
SIGNED_AFTER_WORDS: Final = 18   # the same after a verb of signing, in words outside names (its signers' titles between)
BACKGROUND_BEFORE: Final = 2                # "التي تم توقيعها"
NO_EVENT: Final = "none"                    # the frame of a phrase that holds a trigger's words but tells no event


@dataclass(frozen=True, slots=True)
class Trigger:
    first: int           # token range
    last: int
    type: EventType
    frame: str
    suffixed: bool       # "استقباله": the actor is a pronoun
    background: bool = False   # "الاتفاق الذي وقعته", "الاجتماع المرتقب": told as background or to come
    clitic: str = ""           # the proclitics written before it, normalised ("و", "ب", "ل")
    several: bool = False      # "سلسلة من اللقاءات مع X وY": a meeting with each one named


@lru_cache(maxsize=1)
def trigger_lexicon() -> PhraseLexicon[tuple[EventType, str]]:
    return PhraseLexicon((row[0], (EventType(row[1]), row[2])) for row in read_tsv("triggers.tsv", 3))


def find_triggers(tokens: Sequence[Token], start: int, end: int, covered: set[int],
                  openers: Sequence[int] | None = None) -> list[Trigger]:
    """The plausible triggers in tokens[start:end], left to right, none inside
    ``covered``.  ``openers``: the indices in [start, end) of the tokens whose
    word opens_trigger, when known already (kg.extract.openers)."""
    lexicon = trigger_lexicon()
    found = []
    if openers is not None:
        starts = [index for index in openers if index not in covered]
    else:
        # the tokens outside names that open a trigger, picked in one pass: most are
        # remembered to open none, the others asked (opens_trigger) only when not known
        starts = [index for index in range(start, end)
                  if ((opens := _OPENS(tokens[index].norm)) or opens is None and opens_trigger(tokens[index].norm))
                  and index not in covered]
    after = start   # the token after the last trigger
    for index in starts:
        if index < after:
            continue
        match = lexicon.match_at(tokens, index, end)
        suffixed = False
        if match is None:
            match = _suffixed_match(tokens, index)
            suffixed = match is not None
        if match is None:
            continue
        event_type, frame = match.values[0]
        round_end = _numbered_round(tokens, match.end, end) if frame == TOUR else None
        if round_end is not None:
            # "الجولة الرابعة من المحادثات": a numbered session of talks, the talks' word in it
            event_type, frame = CONFERENCE, "session"
            match = Match(match.start, round_end, match.cut, match.values)
        if frame == SEVERAL and _brings_together(tokens, match.end, end):
            frame = "meet"   # "أول اللقاءات جمعت X بY", "المشاورات التي جمعت": the one meeting its verb tells
        if frame == NO_EVENT or (frame in (JOINT, SEVERAL) and not _with_after(tokens, match.end, end)) \
                or frame == GATHERING and not (_multilateral_after(tokens, match.end, end, qualified=True)
                                               or _convened_by_body(tokens, match.start, start)):
            after = match.end   # the words of a trigger, no event; a press conference held alone
            continue
        gathering = frame == GATHERING or frame == "meet" and (
            _multilateral_after(tokens, match.end, end, qualified=True, ordinal=True)
            or _assembly_of_body(tokens, match.end - 1, end))
        if gathering:
            # a meeting of many ("سيلتقي نظراءه في دول مجلس التعاون"): its verb's subject takes part
            event_type, frame = CONFERENCE, MANY if frame == "meet" else "conference"
        several = frame == SEVERAL or (
            not gathering and frame == "meet" and _with_after(tokens, match.end, end)
            and not _SEVERAL_MEETINGS.isdisjoint(stem_set(tokens[match.end - 1].norm)))
        if several:
            frame = "meet"
        found.append(Trigger(match.start, match.end, event_type, frame, suffixed,
                             clitic=tokens[index].norm[:match.cut], several=several))
        after = match.end
    # a signing or a taking of office told as background ("بعد توقيع الاتفاق", "منذ توليه الرئاسة"),
    # and an event told as expected ("بالاجتماع المرتقب بين X وY"): an event only with a time of its own
    return [_with_background(tokens, t, start) if t.frame == "sign" or t.type is APPOINTMENT
            else _as_background(t) if _expected_after(tokens, t, end) else t
            for t in found if _plausible(tokens, t, start, end, covered)]


def _expected_after(tokens: Sequence[Token], trigger: Trigger, end: int) -> bool:
    """An adjective of expectation right after the trigger ("الاجتماع المرتقب", "القمة المنتظرة")."""
    return trigger.last < end and strip_article(tokens[trigger.last].norm) in _EXPECTED


def _as_background(trigger: Trigger) -> Trigger:
    return replace(trigger, background=True)


def _intended_after(tokens: Sequence[Token], trigger: Trigger, end: int, words: frozenset[str]) -> bool:
    """A relative clause right after the trigger tells it intended ("مؤتمر إعادة
    إعمار غزة الذي تعتزم مصر استضافته") or founded ("منتدى X، الذي تأسس"): a
    relative pronoun within RELATIVE_AFTER words after it, one of ``words`` right
    after the pronoun."""
    # a name's words and a comma further for a foundation ("منتدى التعاون الصيني العربي، الذي تأسس")
    reach = RELATIVE_AFTER + (FOUNDED_EXTRA if words is _FOUNDED else 0)
    for index in range(trigger.last, min(end - 1, trigger.last + reach)):
        norm = tokens[index].norm
        if norm in COMMAS and strip_article(tokens[index + 1].norm) not in _RELATIVES or norm[:1] in _CLAUSE_MARKS:
            return False   # a comma ends the phrase, unless the relative clause follows it
        if strip_article(norm) in _RELATIVES:
            return any(stem in words for _, stem in stems(tokens[index + 1].norm))
    return False


def _intended(tokens: Sequence[Token], trigger: Trigger, start: int, covered: set[int]) -> bool:
    """A wish, intention, call or request within INTENT_BEFORE words before the
    trigger in its clause, the words of names (``covered``) not counted ("الراغبين
    في زيارة", "دعا الوزير X إلى عقد اجتماع", "طلب لقاء")."""
    words = 0
    # "دعا X وY وZ إلى برلين لمباحثات": an invitation to an event of purpose (behind ل) reaches
    # back to the clause's opening
    purpose = trigger.clitic.endswith(PREPOSITION_LAM) and trigger.type is not CONFERENCE
    for index in range(trigger.first - 1, start - 1, -1):
        norm = tokens[index].norm
        if norm in COMMAS or norm[:1] in _CLAUSE_MARKS:
            return False
        if index in covered:
            continue
        intent, call = _intent_readings(norm)
        if intent or call and trigger.type is not CONFERENCE:
            return words < INTENT_BEFORE or purpose and call
        words += 1
        if words >= INTENT_BEFORE and not purpose:
            return False
    return False


@remembered
def _intent_readings(norm: str) -> tuple[bool, bool]:
    """Whether a reading of the word is one of intent (_INTENT), and one of a
    call (_CALL), remembered per word: asked of the words before every trigger."""
    readings = [stem for _, stem in stems(norm)]
    return not _INTENT.isdisjoint(readings), not _CALL.isdisjoint(readings)


@remembered
def _unreal_readings(norm: str) -> frozenset[str]:
    """The word keys _unreal compares of a word, remembered per word: asked of
    the words before every trigger."""
    words = {strip_article(stem) for _, stem in stems(norm)}
    if norm[:1] in CONJUNCTIONS:
        words.add(norm[1:])   # "وهل", too short for stems to cut
    return frozenset(words)


def _unreal(tokens: Sequence[Token], trigger: Trigger, start: int) -> bool:
    """A word of denial, refusal, cancellation, hope, condition, question or
    negation within UNREAL_BEFORE words before the trigger, in its clause ("نفى
    أن يكون قد التقى", "ألغى زيارته"): an event that did not, or may not, take
    place.  "من أجل" is "for the sake of", no postponement."""
    for index in range(trigger.first - 1, max(start, trigger.first - UNREAL_BEFORE) - 1, -1):
        norm = tokens[index].norm
        if norm in COMMAS or norm[:1] in _CLAUSE_MARKS:
            return False
        words = _unreal_readings(norm)
        if words & _UNREAL and not (_AJAL in words and index > start and strip_article(tokens[index - 1].norm) in OF):
            return True
    return False


def _with_after(tokens: Sequence[Token], index: int, end: int) -> bool:
    """"مع" within WITH_AFTER words after ``index`` ("مؤتمر صحفي مشترك مع"), or
    after a comma and "جمع" ("سلسلة من اللقاءات، جمعته مع كل من X وY")."""
    if any(strip_article(tokens[i].norm) in _WITH for i in range(index, min(end, index + WITH_AFTER))):
        return True
    return index + 2 < end and tokens[index].norm in COMMAS \
        and any(stem.startswith(BROUGHT_TOGETHER) for _, stem in stems(tokens[index + 1].norm)) \
        and strip_article(tokens[index + 2].norm) in _WITH


def _brings_together(tokens: Sequence[Token], index: int, end: int) -> bool:
    """The verb "جمع" at ``index``, or after a relative pronoun there."""
    if index < end and strip_article(tokens[index].norm) in _RELATIVES:
        index += 1
    return index < end and any(stem.startswith(BROUGHT_TOGETHER) for _, stem in stems(tokens[index].norm))


def _multilateral_after(tokens: Sequence[Token], index: int, end: int, qualified: bool = False,
                        ordinal: bool = False) -> bool:
    """A word right after a meeting that makes it a conference ("اجتماعات اللجنة",
    "الاجتماع الثلاثي"), or after a number ("الاجتماع الـ51 لوزراء الخارجية"),
    or, ``qualified``, after a word that qualifies a session ("جلسة طارئة لمجلس الأمن"), or,
    ``ordinal``, a meeting's definite ordinal ("الاجتماع السابع للجنة"; "الجلسة الأولى للدورة"
    is a sitting of the session, not one of its own)."""
    counted = ordinal_value(tokens, index, end) if ordinal and index < end and tokens[index].norm.startswith(ARTICLE) \
        else None
    if counted is not None:
        index = counted[1]   # "الاجتماع السابع للجنة المشتركة": a definite ordinal, as a number
    elif index < end and (any(ch.isdigit() for ch in tokens[index].norm)
                          or qualified and strip_article(tokens[index].norm) in _SESSION_QUALIFIERS):
        index += 1
        if qualified and index < end and strip_article(tokens[index].norm) in IN:
            index += 1   # "جلسة طارئة في مجلس الأمن"
    elif qualified and index < end and _MULTILATERAL.isdisjoint(stem_set(tokens[index].norm)):
        past = _past_qualifier(tokens, index, end)
        # "الاجتماع التشاوري لوزراء خارجية": its members after its adjective
        return index < past < end and not _MEMBERS.isdisjoint(stem_set(tokens[past].norm))
    return index < end and not _MULTILATERAL.isdisjoint(stem_set(tokens[index].norm))


def _past_qualifier(tokens: Sequence[Token], index: int, end: int, ordinal: bool = False) -> int:
    """Past the one definite relative adjective after a definite meeting noun
    ("الاجتماع التشاوري"), or with ``ordinal`` its ordinal ("الاجتماع الثالث"),
    when one stands at ``index``; else ``index``.  (An indefinite one is no sure
    adjective: "يلتقي كيري" ends in ي too.)"""
    found = ordinal_value(tokens, index, end) if ordinal else None
    if found is not None:
        return found[1]
    if 0 < index < end:
        word, noun = tokens[index].norm, tokens[index - 1].norm
        if word.startswith(ARTICLE) and word.endswith(NISBA_ENDING) and len(strip_article(word)) > 3 \
                and definite(noun):
            return index + 1
    return index


def _assembly_of_body(tokens: Sequence[Token], index: int, end: int) -> bool:
    """A word of assembling (not "لقاء", which two hold) in construct with an alliance,
    union or organisation ("اجتماعات التحالف الدولي", "اجتماع منظمة أوبك"), or
    of it after an ordinal or adjective ("الاجتماع الثالث للتحالف"): its gathering."""
    if index + 1 >= end or not any(stem.startswith(_ASSEMBLING) for _, stem in stems(tokens[index].norm)):
        return False
    following = index + 1
    if strip_article(tokens[following].norm) in _ASSEMBLY_BODIES:
        return True
    past = _past_qualifier(tokens, following, end, ordinal=True)
    return following < past < end and not _ASSEMBLY_BODIES.isdisjoint(stem_set(tokens[past].norm))


def _numbered_round(tokens: Sequence[Token], index: int, end: int) -> int | None:
    """An ordinal, then "من" and a word of talks, right after a round ("الجولة
    الرابعة من محادثات 2+2"); not a round of a championship ("الجولة الثالثة من
    منافسات المجموعة").  Returns the end of the talks' word, or None."""
    found = ordinal_value(tokens, index, end)
    if found is None:
        return None
    after = [strip_article(tokens[i].norm) for i in range(found[1], min(end, found[1] + 3))]
    if len(after) < 2 or after[0] not in OF:
        return None
    talks = next((n for n, word in enumerate(after[1:], 1) if word in _TALKS), None)
    return None if talks is None else found[1] + talks + 1


def _round_of_talks(tokens: Sequence[Token], index: int, end: int) -> bool:
    """A word, then "من" and a word of talks ("الجولة الافتتاحية من المحادثات"): a round."""
    after = [strip_article(tokens[i].norm) for i in range(index + 1, min(end, index + 3))]
    return len(after) == 2 and after[0] in OF and after[1] in _TALKS


def _convened_by_body(tokens: Sequence[Token], index: int, start: int) -> bool:
    """A council or committee convening the session before it ("يعقد مجلس الأمن
    الدولي جلسة"): a verb of convening, then the body, within CONVENED_BEFORE words."""
    near = range(max(start, index - CONVENED_BEFORE), index)
    if all(_CONVENE.isdisjoint(stem_set(tokens[i].norm)) for i in near):
        return False
    # the body between the verb and the session, or before the verb ("مجلس الأمن سوف يعقد جلسة")
    return any(strip_article(stem) in _MULTILATERAL
               for i in range(max(start, index - 2 * CONVENED_BEFORE), index) for _, stem in stems(tokens[i].norm))


def _with_background(tokens: Sequence[Token], trigger: Trigger, start: int) -> Trigger:
    """A signing after a relative pronoun or a preposition of time is told as background."""
    before = range(max(start, trigger.first - BACKGROUND_BEFORE), trigger.first)
    # a preposition of time right before it; a relative pronoun a word further too ("التي تم
    # توقيعها"), not "عقب اللقاء توقيع" (after the talks, a signing)
    if any(strip_article(tokens[i].norm) in _BACKGROUND and (i == trigger.first - 1 or trigger.frame != "sign"
                                                              or strip_article(tokens[i].norm) in _RELATIVES)
           for i in before):
        return _as_background(trigger)
    return trigger


def signed_thing(norm: str) -> bool:
    """The word names an agreement, memorandum, convention or contract ("اتفاقيات", "مذكرة")."""
    return any(stem in _SIGNED_WORDS or stem.startswith(_SIGNED_STARTS) for _, stem in stems(norm))


def signs_its_own(tokens: Sequence[Token], trigger: Trigger, end: int) -> bool:
    """The first thing signed after the trigger, within SIGNED_AFTER tokens, is
    its own: no other word of signing stands between ("وقع التشاور مع الأطراف
    الموقعة على وثيقة قرطاج": "وقع" is "took place", the document is the signers')."""
    for index in range(trigger.last, min(end, trigger.last + SIGNED_AFTER)):
        norm = tokens[index].norm
        if signed_thing(norm):
            return True
        if any(stem.startswith(_SIGNING_STEMS) for _, stem in stems(norm)):
            return False
    return False


def _signs_something(tokens: Sequence[Token], trigger: Trigger, start: int, end: int,
                     covered: set[int] | frozenset[int] = frozenset()) -> bool:
    """An agreement, memorandum, convention or contract is named near a signing:
    "وقع" alone also means "occurred" ("وقعت اشتباكات"), and a decree is no Agreement."""
    if any(stem.startswith(_REACHING) for _, stem in stems(tokens[trigger.last - 1].norm)):
        # "توصل الطرفان إلى اتفاق": reaching concludes an agreement only with its word right after "إلى";
        # the verbal noun is an aim ("جهود التوصل", "للتوصل إلى اتفاق"), but after "تم" it is done
        if not tokens[trigger.first].norm.lstrip(CONJUNCTIONS).startswith(_REACHING) and not (
                trigger.first > start and tokens[trigger.first - 1].norm.lstrip(CONJUNCTIONS) == _DONE
                and tokens[trigger.first].norm.startswith(ARTICLE)):
            return False
        to = next((i for i in range(trigger.last, min(end, trigger.last + REACHED_TO)) if tokens[i].norm in TOWARDS), None)
        return to is not None and to + 1 < end and signed_thing(tokens[to + 1].norm)
    if any(signed_thing(tokens[index].norm) for index in range(trigger.first + 1, trigger.last)):
        return True   # "تبادل مذكرتي تفاهم": the thing signed is in the trigger
    for index in range(max(start, trigger.first - SIGNED_BEFORE), trigger.first):
        if signed_thing(tokens[index].norm):
            return True
    # after it, the words of the names between not counted ("وقع X وزير الدولة، وY وزير الخارجية، مذكرة")
    return _within_words(tokens, trigger.last, end, covered, SIGNED_AFTER_WORDS, signed_thing) \
        or trigger.first == start and _signed_it_for(tokens, trigger, end)


def with_object_pronoun(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """A one-word trigger ending in an object pronoun ("وقعها", "وقّعاها", "وقعه"),
    longer than the pronoun on a bare three-letter verb."""
    word = tokens[trigger.first].norm
    return trigger.last - trigger.first == 1 and word.endswith(OBJECT_PRONOUNS) and len(word) > 4


def _signed_it_for(tokens: Sequence[Token], trigger: Trigger, end: int) -> bool:
    """A signing verb whose object is a pronoun, the side signed for or a title
    right after it ("ووقعها عن الجانب الأردني الوزير X", "وقعاها الوزير X"): opening
    its sentence, it tells of the thing signed told in the sentence before ("وقعها"
    alone may be its impact, "وقعه" always may)."""
    if trigger.last >= end or not with_object_pronoun(tokens, trigger) or tokens[trigger.first].norm.startswith(ARTICLE):
        return False
    following = tokens[trigger.last].norm
    return following in _ON_BEHALF or Lexicons.bundled().titles.opens(following, clitics=False)


def _office(norm: str) -> bool:
    """The word names an office taken ("المنصب", "اليمين")."""
    return strip_article(norm) in _OFFICE


def _within_words(tokens: Sequence[Token], start: int, end: int, covered: set[int] | frozenset[int], count: int,
                  found: Callable[[str], bool]) -> bool:
    """Whether ``found`` holds of a token's normalised word from ``start`` on, before
    ``count`` words outside names (``covered``) and punctuation have gone by."""
    words = 0
    for index in range(start, end):
        if found(tokens[index].norm):
            return True
        words += index not in covered and tokens[index].norm[:1].isalnum()
        if words >= count:
            return False
    return False


def _suffixed_match(tokens: Sequence[Token], index: int) -> Match[tuple[EventType, str]] | None:
    """A one-word trigger with a pronoun suffix: "استقباله", "زيارتها"; a word
    written with ة has none ("وزارة" is no "و" + "زار" + ه, once ة is ه)."""
    if tokens[index].text.rstrip(TASHKEEL).endswith(TAA_MARBUTA):
        return None
    found = _suffixed_word(tokens[index].norm)
    return None if found is None else Match(index, index + 1, found.cut, found.values)


@remembered   # every token of every sentence is asked
def opens_trigger(norm: str) -> bool:
    """Whether a trigger can start on the word, with or without a pronoun suffix."""
    return trigger_lexicon().opens(norm) or _suffixed_word(norm) is not None


# the answers so far, read by find_triggers without asking; through the bound get: a get
# looked up anew on the memo (a dict subclass) at every token cost a third of the scan
_OPENS: Final = opens_trigger.__self__.get


def _suffixed_word(norm: str) -> Match | None:
    for suffix in PRONOUN_SUFFIXES:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            base = norm[: -len(suffix)]
            match = trigger_lexicon().match_at([Token(Span(0, 0), "", base)], 0, 1)
            if match is None and base.endswith(TA):
                # the ة written ت before the pronoun, restored: "قمته" is "قمة" + ه
                match = trigger_lexicon().match_at([Token(Span(0, 0), "", feminine_noun(base))], 0, 1)
                if match is not None and match.cut:
                    match = None
            if match is not None and not (match.cut and _construct_noun(base)):
                return match
    return None


def _construct_noun(base: str) -> bool:
    """A noun in ة written ت before a pronoun, read whole: "وزارتها" is "her
    ministry", not و + "زارت" + ها."""
    return base.endswith(TA) and strip_article(feminine_noun(base)) in Lexicons.bundled().common_words


def feminine_noun(base: str) -> str:
    """A noun's form before a pronoun, its ة written ت, with the ة again ("قمت" of "قمته": "قمه")."""
    return base[:-1] + FEMININE_ENDING


def _words_before(tokens: Sequence[Token], index: int, start: int, covered: set[int], count: int) -> list[int]:
    """The indices of the ``count`` words before ``index`` in the sentence that
    are in no name, nearest first; commas not counted ("وتقرر، في ختام الأشغال، أن تحتضن")."""
    found = []
    for before in range(index - 1, start - 1, -1):
        if before not in covered and tokens[before].norm not in COMMAS:
            found.append(before)
            if len(found) == count:
                break
    return found


def _plausible(tokens: Sequence[Token], trigger: Trigger, start: int, end: int, covered: set[int]) -> bool:
    if strip_article(tokens[trigger.first].norm) == _SADDLES and not tokens[trigger.first].norm.startswith(ARTICLE):
        return False   # "شد الرحال", "حط الرحال" with the article; "عبد اللطيف رحال" is a name
    if trigger.last - trigger.first == 1 and strip_article(tokens[trigger.first].norm) in _CONTACT_NOUNS:
        # "تلقى ميقاتي اتصالا من الوزير": a call after a verb of calling, its subject's name
        # between; "اتصالا" alone is any contact
        return any(strip_article(stem) in _CALL_VERBS for i in _words_before(tokens, trigger.first, start, covered,
                                                                             CALL_VERB_BEFORE)
                   for _, stem in stems(tokens[i].norm))
    if trigger.frame == "meet" and trigger.first >= start + 2 and strip_article(tokens[trigger.first - 1].norm) in IN \
            and strip_article(tokens[trigger.first - 2].norm) in _PARTICIPANTS:
        # "استقبل X الوزراء المشاركين في الاجتماع": who the guests are, no event of its own (a
        # summit so named, "الوفد المشارك في القمة العربية الصينية", may be told there alone)
        return False
    # a token's word key (kg.extract.lexicon.word_key) is its normalised form without the article
    before = [strip_article(tokens[i].norm) for i in range(max(start, trigger.first - 3), trigger.first)]
    if not _GENERIC.isdisjoint(before) and not trigger.several:
        return False  # "عقد العديد من اللقاءات": habitual, no identified parties
    # the first EVERY_AFTER words outside names, not every word to the sentence's end
    after: list[str] = []
    for index in range(trigger.last, end):
        if index not in covered:
            after.append(strip_article(tokens[index].norm))
            if len(after) == EVERY_AFTER:
                break
    plural = tokens[trigger.last - 1].norm.endswith(_PLURAL_ENDING)
    first_after = after[:TIMES_AFTER]
    if not _COUNTS.isdisjoint(first_after) or plural and not _TIMES.isdisjoint(first_after) \
            or _EVERY in after and any(word == _EVERY and following in _PERIODS for word, following in zip(after, after[1:])):
        # "التقيا 9 مرات خلال 5 سنوات", "لقاءات دورية", "يلتقيان كل شهر": how often, no one
        # meeting ("عقد اجتماعا دوريا" is one)
        return False
    if trigger.frame == "award":
        # the cue behind a conjunction too ("وفازت السعودية بتنظيم", "واختار الاتحاد المغرب لاحتضان")
        # or as the trigger's first word ("منح تنظيم مونديال 2030 للمغرب")
        # within AWARD_CUE_BEFORE words, names not counted ("ومنح الاتحاد الدولي لكرة القدم قطر حق استضافة")
        # further before a clause of "أن" ("واتفق المشاركون في البيان الختامي على أن تستضيف")
        reach = AWARD_CLAUSE_CUE_BEFORE if tokens[trigger.first].norm == _THAT else AWARD_CUE_BEFORE
        return any(strip_article(stem) in _AWARD_CUES for i in _words_before(tokens, trigger.first, start, covered, reach)
                   for _, stem in stems(tokens[i].norm)) \
            or any(strip_article(stem) in _AWARD_CUES for _, stem in stems(tokens[trigger.first].norm))
    if trigger.frame == "session" and trigger.suffixed and trigger.first > start \
            and strip_article(tokens[trigger.first - 1].norm) in IN:
        return False   # "المنتدى الدولي للصيدلة في دورته السابعة عشر": the session of the one told
    if trigger.frame == "session":
        # "الدورة 147 لمجلس الجامعة" (or its year), and a session qualified before its council ("الدورة
        # العادية لمجلس جامعة الدول العربية"); not a training course ("الدورة التدريبية")
        return gathering_number(tokens, trigger.last, end) is not None \
            or _multilateral_after(tokens, trigger.last, end, qualified=True) \
            or ordinal_value(tokens, trigger.first + 1, trigger.last) is not None   # "الجولة الرابعة من محادثات"
    if _intended(tokens, trigger, start, covered) or _intended_after(tokens, trigger, end, _INTENT) \
            or trigger.type is CONFERENCE and _intended_after(tokens, trigger, end, _FOUNDED):
        return False   # "منتدى التعاون الصيني العربي، الذي تأسس عام 2004": a body, founded, no event
    if _unreal(tokens, trigger, start):
        return False
    if trigger.frame == ARRIVE:
        # "حل الأمير", "حل مبعوث الأمم المتحدة", "حل وزير الخارجية": a title, an honorific or a
        # given name right after it; "حل سياسي", "لإيجاد حل للمعنيين" is a solution
        if trigger.last >= end:
            return False
        lex, norm = Lexicons.bundled(), tokens[trigger.last].norm
        # or a relative pronoun before it: "X، الذي يحل بالمملكة في زيارة عمل" (a verb, no solution)
        return lex.titles.opens(norm, clitics=False) or lex.honorifics.opens(norm, clitics=False) \
            or strip_article(norm) in lex.given_names or strip_article(norm) in _DELEGATIONS \
            or trigger.first > start and strip_article(tokens[trigger.first - 1].norm) in _RELATIVES
    if trigger.frame == TOUR:
        # "جولة مباحثات", "الجولة الثالثة", "الجولة السابقة": a round, no tour
        following = strip_article(tokens[trigger.last].norm) if trigger.last < end else ""
        return following not in _ROUNDS and ordinal_value(tokens, trigger.last, end) is None \
            and not _round_of_talks(tokens, trigger.last, end)
    if trigger.frame == TRAVEL:
        # "توجه الرئيس الفرنسي إلى أبوجا": travelling names where to; "توجه الحكومة" is a policy
        return any(strip_article(tokens[i].norm) in TOWARDS for i in range(trigger.last, min(end, trigger.last + TOWARDS_AFTER)))
    if trigger.frame == "sign":
        return _signs_something(tokens, trigger, start, end, covered)
    if trigger.type is APPOINTMENT and _appointment_excluded(tokens, trigger, start):
        return False
    if trigger.frame == "choose":
        return _post_given(tokens, trigger.last, min(end, trigger.last + CHOSEN_POST_AFTER))
    if trigger.frame == CHARGE:
        # "كلف X بمهام وزير الداخلية", "تكليف X بتشكيل الحكومة"; "كلفت الدراسة مليونا" is a cost
        return any(cut and norm[:cut].endswith(PREPOSITION_BA) and stem in _CHARGES
                   for i in range(trigger.last, min(end, trigger.last + CHOSEN_POST_AFTER))
                   for norm in (tokens[i].norm,) for cut, stem in stems(norm))
    if trigger.frame == "take_office":
        # "تولى" alone also means taking charge of anything ("تولى التحقيق")
        # the words of names and punctuation between not counted ("أدى X، أمس السبت، اليمين")
        return any(_office(tokens[index].norm) for index in range(trigger.first, trigger.last)) \
            or _within_words(tokens, trigger.last, end, covered, OFFICE_AFTER, _office)
    if trigger.frame == "win":
        # "فاز بالانتخابات الرئاسية", "حقق فوزا ساحقا في انتخابات": elected; "فاز الفريق" is a match
        return _within_words(tokens, trigger.last, end, covered, ELECTION_AFTER, _election)
    return True


def _election(norm: str) -> bool:
    """The word names an election ("الانتخابات", "بالانتخابات", "انتخابات")."""
    return not _ELECTIONS.isdisjoint(stem_set(norm))


def _post_given(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A title in the accusative ("رئيسا", "وليا") among tokens[start:end]: the post someone is chosen for."""
    titles = Lexicons.bundled().titles
    return any(tokens[i].norm.endswith(ACCUSATIVE_ENDING) and titles.opens(tokens[i].norm[:-1], clitics=False)
               for i in range(start, end))


def _appointment_excluded(tokens: Sequence[Token], trigger: Trigger, start: int) -> bool:
    """A preposition glued to an appointing verb makes another word ("بعينهم" is
    "specific ones", not ب + "عين"), and a verb never follows a preposition ("التقى
    بري في عين التينة", "وفي عين": a place's name); ل before a verbal noun tells a
    purpose, not an appointment made ("لتولي السلطة", "تمهيدا لتعيينه")."""
    if PREPOSITION_LAM in trigger.clitic:
        return True
    if nominal_appointment(tokens[trigger.first].norm):
        return False
    if any(c in PREPOSITIONS for c in trigger.clitic):
        return True
    before = tokens[trigger.first - 1].norm if trigger.first > start else ""
    # a preposition is short: "وفي" is و + "في", too short for ``stems`` to split
    return before in LOCATIVES or before[:1] in CONJUNCTIONS and before[1:] in LOCATIVES


def nominal_appointment(norm: str) -> bool:
    """A verbal noun of appointing, with any proclitic or suffix ("وتعيينه", "بانتخاب")."""
    return any(stem.startswith(NOMINAL_APPOINTMENT) for _, stem in stems(norm))


_DURATION_UNITS: Final = function_words("duration_unit")   # "أيام", "ساعة": a length after a number

def gathering_number(tokens: Sequence[Token], index: int, end: int) -> tuple[int, bool] | None:
    """The number after a gathering's word and whether it is its edition's year: a
    session's number ("الدورة 91", "الدورة الـ91", "الدورة الحادية والتسعين", "الدورة
    العادية 13": one word may stand between), or a year in digits ("منتدى الدوحة 2024",
    "إكسبو 2030"), which names the gathering but numbers no session; None for none."""
    for cursor in range(index, min(end, index + 2)):
        found = ordinal_value(tokens, cursor, end)
        if found is not None:
            # "وتتواصل أشغال الدورة ثلاثة أيام": a length, no number of the session
            if found[1] < end and strip_article(tokens[found[1]].norm) in _DURATION_UNITS:
                return None
            return found[0], FIRST_YEAR <= found[0] <= LAST_YEAR and tokens[cursor].norm.isdigit()
    return None
