"""What the words around a trigger say: a document's mentions by position,
and the tests the event frames (kg.extract.frames) ask of them: who a
pronoun stands for, what is reported rather than done, who is only what an
event is about or who invited, and which named place is where it happens."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Final

from kg.extract.gazetteer import CAPITAL_SOURCE
from kg.extract.lexicon import function_words, word_key
from kg.extract.lexicons import Lexicons
from kg.extract.openers import openings_of
from kg.native import trait
from kg.text.memo import remembered
from kg.extract.triggers import BROUGHT_TOGETHER, IN, Trigger
from kg.extract.walker import COMMAS, COUNTERPART_SOURCE, LOCATIVES
from kg.model import CITY, COUNTRY, NAME_MENTION, ORGANISATION, PERSON, SPAN_ORDER, VENUE, Document, Entity, Mention, Sentence, Span, Token
from kg.text.clitics import (ARTICLE, CONJUNCTION_WA, PRONOUN_SUFFIXES, SINGULAR_PRONOUN_SUFFIXES, conjunction_stems, FEMININE_ENDING, PREPOSITION_BA, PREPOSITION_LAM, readings, stem_set, stems, word_forms,
                             strip_article, definite)

PLACE_ORDER: Final = (VENUE, CITY, COUNTRY)
COMPLEMENTIZERS: Final = function_words("complementizer")
# the duals that refer to two sides told before ("الوزيران", "التقيا"), and those of its nouns
# in the accusative or genitive ("بأن الرئيسين عقدا", "لقاء الوزيرين")
DUAL_GENITIVE: Final = "ين"   # suffix of a dual in the accusative or genitive ("الرئيسين")
DUAL_NOMINATIVE: Final = "ان"   # suffix of a dual in the nominative ("الوزيران")
_VERB_PREFIXES: Final = ("ي", "ت")   # prefixes of an imperfect verb ("يلتقيان", "تلتقيان"): a verb, no noun to put in the genitive
PAIRS = function_words("pair")
# not "المسؤولين", written as the plural "officials" is ("لقاءات مع مسؤولين")
_SOUND_PLURALS: Final = function_words("sound_plural")
PAIRS |= frozenset(word[:-2] + DUAL_GENITIVE for word in PAIRS if word.endswith(DUAL_NOMINATIVE) and not word.startswith(_VERB_PREFIXES)) \
    - _SOUND_PLURALS
WITH: Final = function_words("with")
PRESENCE: Final = function_words("presence")   # "بحضور X": X attends
WHERE: Final = function_words("where") | {CONJUNCTION_WA + word for word in function_words("where")}   # "حيث التقى", "وحيث": where and when the clause before tells
_ACCREDITED: Final = function_words("at")   # "لدى": "سفير فرنسا لدى لبنان": the state an envoy is posted to
ORIGIN: Final = function_words("origin")
BETWEEN: Final = function_words("between")
BETWEEN_WORDS: Final = 7   # words after "بين" in which the sides it names stand
WITH_REACH: Final = 3   # words between "مع" and the person met (titles, honorifics)
CLAUSE_ENDS: Final = frozenset(".:;!?؟؛")   # characters ending a clause: stops, colons, semicolons, question and exclamation marks
_DEMONSTRATIVES: Final = function_words("demonstrative")
_ARRIVALS: Final = function_words("arrival_venue")
_ARTICLE_VERBS: Final = function_words("article_verb")
# before a conference its actor is a side: a word of taking part, of convening ("عقد", "ترأس")
_ATTENDING: Final = function_words("participation")
TAKING_PART: Final = _ATTENDING | function_words("convene")   # "شارك", "افتتح" before a gathering
_CHAIRING: Final = function_words("chairing")   # "ترأس", "افتتح", "اختتم"
_TOPICS: Final = function_words("topic")
_MESSAGES: Final = function_words("message")
_ACCORDS: Final = function_words("accord")
ON: Final = function_words("on")   # "على": what is signed, or where a guest is received, follows it
_ABOUT: Final = function_words("about")
_ANNOUNCING: Final = function_words("announcing")
_SITUATIONS: Final = function_words("situation")
_CONCLUDED: Final = function_words("concluded")
_ALSO: Final = function_words("also")
_MEDIA: Final = function_words("media")
_INVITATIONS: Final = function_words("invitation")
RELATIVE_PRONOUNS: Final = function_words("relative")
DURING: Final = function_words("during")   # "خلال", "أثناء"
_DELEGATION_WORDS: Final = function_words("delegation")
ANTECEDENT_WORDS: Final = 4   # words of an antecedent before its relative pronoun ("الوفد الصحفي التونسي الذي")
_TEMPORAL: Final = function_words("temporal")
_TO: Final = function_words("to")
OPENING_WORDS: Final = 2   # words before a visit that opens its sentence ("وفي أثناء زيارته")
FEMININE_NOUN_POSSESSED: Final = "تها"   # suffix of a noun in ة with "her": "زيارتها", "جولتها"
VISIT_ADJECTIVES: Final = 3   # definite adjectives between a visit noun and "ل" its visitor ("الزيارة الرسمية الأولى لـ")
PERSON_REACH: Final = 160   # characters after a word in which a post and its holder's name are read ("لأمير قطر الشيخ X")
INVITER_REACH: Final = 4   # words between "دعوة" and the one who invites ("دعوة معالي الدكتور X")
ALSO_REACH: Final = 4   # words between "كما" and a series of meetings ("كما يجري سلسلة من اللقاءات")
ANNOUNCER_REACH: Final = 6   # words between a verb of announcing and its "عن" (the subject, titles and all)
MESSAGE_REACH: Final = 12   # words between a message and its sender's name (the sender's post, a comma, an honorific)
TOPIC_REACH: Final = 5   # words between a topic noun and the person it is about ("قضية الصحفي والكاتب السعودي X")
NAME_LOOKBACK: Final = 4   # mentions before a word that may be names holding it (nested ones start at the same word or before)
# a wire's or broadcaster's dateline opening the body: "دبي، الإمارات العربية المتحدة (CNN)--",
# "بيروت (رويترز) -": where the newsroom is, not where the news happens
DATELINE: Final = re.compile(r"\s*[^\n().!?؟]{0,60}\([^()\n]{2,20}\)\s*[-–—]+")

@remembered   # a word asked again and again
def topic_word(norm: str) -> bool:
    """A topic noun under any reading ("قضية", "ومقتل", "بقضية")."""
    return any(stem in _TOPICS for _, stem in stems(norm))


def without_commas(text: str) -> str:
    """The text between two mentions with its commas, Arabic or Latin, taken out."""
    return text.replace("\u060c", " ").replace(",", " ").strip()


@trait
class MentionContext:
    """The mentions of a document by position, and what the words around them say."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.mention_entity: dict[Span, Entity] = {}
        self.entity_types = {e.id: e.type for e in doc.entities}
        self.entities = {e.id: e for e in doc.entities}
        dateline = DATELINE.match(doc.text, doc.body_start)
        self.dateline = Span(doc.body_start, dateline.end()) if dateline else None
        self.mentions: list[Mention] = []
        for entity in doc.entities:
            for mention in entity.mentions:
                self.mention_entity[mention.span] = entity
                self.mentions.append(mention)
        # by (start, end) as a tuple, the order of Span's own comparisons without
        # calling them: a Span's generated __lt__ is a Python call per comparison
        self.mentions.sort(key=SPAN_ORDER)
        self.mention_starts = [m.span.start for m in self.mentions]
        self.token_starts = doc.token_starts
        # each token's word key (kg.extract.lexicon.word_key: normalised, without the
        # article), read once for the document (the name finders read it first)
        self.token_keys = openings_of(doc.tokens).keys
        # the states of posts ("وزير الصحة بالمملكة العربية السعودية"): whose, not where
        self.post_states = {post.org for post in doc.posts if post.org is not None}
        self.read: list[Sentence] = []   # the sentences read so far (``remember_actor``)
        # last_actor as of the first n sentences read, n and the actor (two attributes, not one
        # tuple: mypyc 1.20 miscompiles a tuple attribute of a trait)
        self._actor_read = 0
        self._actor: str | None = None

    def remember_actor(self, sentence: Sentence) -> None:
        """The sentence has been read: its first person may be the subject a later
        pronoun suffix stands for ("زيارته")."""
        self.read.append(sentence)

    @property
    def last_actor(self) -> str | None:
        """The first person (of the outermost mentions) of the last sentence read
        that names one.  Found when a frame asks, few do, from the sentences read
        since it last asked, the latest first."""
        actor = self._actor
        for sentence in reversed(self.read[self._actor_read:]):
            # "نظيره النيجيري" is the object of someone's act, never its subject
            persons = [m for m in self.in_range(sentence.span.start, sentence.span.end)
                       if m.type is PERSON and m.source != COUNTERPART_SOURCE]
            if persons:
                actor = self.entity_of(persons[0]).id
                break
        self._actor_read, self._actor = len(self.read), actor
        return actor

    def token_at(self, offset: int) -> int:
        """The index of the token the character at ``offset`` is in."""
        return bisect_right(self.token_starts, offset) - 1

    def word_before(self, index: int) -> str:
        """The word key of the token before token ``index`` ("" at the text's start)."""
        return self.token_keys[index - 1] if index > 0 else ""

    def verb_like(self, word: str) -> bool:
        """A perfect or imperfect verb of a frequent kind after و ("وأخبر", "ويعمل")."""
        stems_of = Lexicons.bundled().verb_stems
        rest = word[1:]
        return rest in stems_of or rest[1:] in stems_of

    def media(self, mention: Mention) -> bool:
        """A newspaper, channel or agency: its own head noun or the one before it
        ("شبكة", "قناة", "صحيفة") says so."""
        first = self.token_at(mention.span.start)
        before = first - 1
        while before >= 0 and not self.doc.tokens[before].norm[:1].isalnum():
            before -= 1   # a quote: 'صحيفة "هآرتس"'
        return any(not _MEDIA.isdisjoint(stem_set(self.doc.tokens[i].norm)) for i in (before, first) if i >= 0)

    def entity_of(self, mention: Mention) -> Entity:
        return self.mention_entity[mention.span]

    def sentence_before(self, span: Span) -> Sentence | None:
        """The sentence right before the one spanning ``span`` (None for the first)."""
        at = next((n for n, s in enumerate(self.doc.sentences) if s.span == span), 0)
        return self.doc.sentences[at - 1] if at > 0 else None

    def last_two(self, mentions: list[Mention], keep: Callable[[Mention], bool]) -> list[str]:
        """The entities of the last two distinct mentions ``keep`` takes, in their
        order ([] unless there are two)."""
        found: list[str] = []
        for mention in reversed(mentions):
            if keep(mention):
                entity_id = self.entity_of(mention).id
                if entity_id not in found:
                    found.append(entity_id)
                    if len(found) == 2:
                        return found[::-1]
        return []

    def in_range(self, start: int, end: int) -> list[Mention]:
        """Outermost mentions whose span lies in [start, end) in characters, in
        order: those no other mention of the range strictly contains (mentions
        with the same span are all kept)."""
        first = bisect_left(self.mention_starts, start)
        last = bisect_left(self.mention_starts, end)
        inside = [m for m in self.mentions[first:last] if m.span.end <= end]
        # One sweep over the mentions sorted by (start, end), a group of equal
        # starts at a time: a mention is contained by one that starts earlier
        # when the furthest end reached before its group covers its end, and
        # by one of its own group when that group reaches further than it does.
        outer = []
        reach = -1     # the furthest end of the mentions starting before the group
        index = 0
        while index < len(inside):
            group_start = inside[index].span.start
            stop = index
            while stop < len(inside) and inside[stop].span.start == group_start:
                stop += 1
            group_end = inside[stop - 1].span.end   # sorted by end within the group
            if group_end > reach:
                outer += [m for m in inside[index:stop] if m.span.end == group_end]
                reach = group_end
            index = stop
        return outer

    def with_object(self, mention: Mention, left: int) -> bool:
        """The person is the مع-object of what comes before ("مع الرئيس السيسي"):
        "مع" within the three words before the mention, after ``left``."""
        words = self.words_in(left, mention.span.start)[-WITH_REACH:]
        return any(word in WITH for _, word in words)

    def words_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, word key) of the tokens starting in the character range [start, end)."""
        starts = self.token_starts
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        return list(zip(starts[first:last], self.token_keys[first:last]))

    def keys_in(self, start: int, end: int) -> list[str]:
        """The word keys of the tokens starting in the character range [start, end):
        a test whether any is one of a few words (``isdisjoint``) runs in C, and
        most ranges hold none, so words_in need not pair them with their offsets."""
        starts = self.token_starts
        first = bisect_left(starts, start)
        return self.token_keys[first:bisect_left(starts, end, first)]

    def anaphoric(self, trigger: Trigger) -> bool:
        """A definite event noun or one after a demonstrative ("اللقاء", "خلال
        الاجتماع", "هذه الزيارة") tells of an event already reported."""
        if trigger.frame == "sign":
            return self.signs_the_accord(trigger)
        if trigger.frame not in ("meet", "visit", "host", "call", "conference", "many") or trigger.several:
            return False   # "سلسلة من اللقاءات مع" tells new meetings
        words = self.doc.tokens[trigger.first:trigger.last]
        # any word of the trigger phrase: "اللقاء", "جلسة المباحثات"
        definite = any(rest.startswith(ARTICLE) and strip_article(rest) not in _ARTICLE_VERBS
                       for word in words for _, rest in readings(word.norm))
        before = self.word_before(trigger.first)
        if trigger.frame == "visit" and self.told_in_relative_clause(trigger):
            return False   # "الزيارة التي يؤديها X إلى تونس": the clause after it tells it anew
        if self.brought_together(trigger):
            return False   # "اللقاء الذي جمعه بوزير الخارجية السوري": the clause names its sides anew
        if trigger.frame == "meet" and not self.taking_part_before(trigger.first) and not self.chaired_before(trigger.first) \
                and self.person_next(trigger):
            # "متوجها إلى الدوحة للقاء أمير قطر": to meet him, not "to the meeting"; "بالاجتماع
            # بأمير الكويت": the meeting with him, told for the first time or the same as one with him;
            # "حضر اللقاء نائب المدير العام X" names one who attended the meeting told before
            return False
        if trigger.frame == "visit" and self.visitor_after_lam(trigger) is not None:
            return False   # "الزيارة الأولى للسيسي إلى روسيا": its visitor tells which visit
        if trigger.frame == "meet" and trigger.last < len(self.doc.tokens) \
                and self.token_keys[trigger.last] in PAIRS \
                and self.doc.tokens[trigger.last].norm.endswith(DUAL_GENITIVE):
            return True   # "وجاء لقاء الوزيرين بينما": the two's meeting, told before
        return definite and not trigger.suffixed or before in _DEMONSTRATIVES

    def signs_the_accord(self, trigger: Trigger) -> bool:
        """A signing verb whose object is a definite agreement ("وقع الاتفاق مع X",
        "وقع على الاتفاقية"): the agreement told before."""
        tokens = self.doc.tokens
        at = trigger.last
        if at < len(tokens) and self.token_keys[at] in ON:
            at += 1
        return at < len(tokens) and tokens[at].norm.startswith(ARTICLE) and self.token_keys[at] in _ACCORDS

    def taking_part_before(self, index: int, through_in: bool = True) -> bool:
        """A verb of attending or taking part, with any proclitic, right before the
        token at ``index`` or before "في" there ("وحضر اللقاء", "ويشارك في الاجتماع");
        not one of convening ("وعقد الاجتماع")."""
        if index == 0:
            return False
        if through_in and index > 1 and self.token_keys[index - 1] in IN:
            index -= 1   # "ويشارك في الاجتماع"
        norm = self.doc.tokens[index - 1].norm
        return not _ATTENDING.isdisjoint(stem_set(norm))   # its stems hold the word without the article

    def chaired_before(self, index: int) -> bool:
        """A verb of chairing or opening right before the token at ``index`` ("وترأس
        الاجتماع X"): the one named after chairs it, no one met."""
        return index > 0 and not _CHAIRING.isdisjoint(conjunction_stems(self.doc.tokens[index - 1].norm))

    def person_next(self, trigger: Trigger) -> bool:
        """A person is named right after the trigger, or his post is ("للقاء أمير قطر الشيخ X")."""
        return self.person_at(trigger.last)

    def person_at(self, index: int) -> bool:
        """A person's name, or his post, starts at token ``index``."""
        return self.person_from(index) is not None

    def person_from(self, index: int) -> Mention | None:
        """The first person named within PERSON_REACH after token ``index``, when his
        name, or a post he holds, starts at that token ("للقاء أمير قطر الشيخ X")."""
        tokens = self.doc.tokens
        if index >= len(tokens):
            return None
        start = tokens[index].span.start
        person = next((m for m in self.in_range(start, start + PERSON_REACH) if m.type is PERSON), None)
        if person is not None and (self.token_at(person.span.start) == index or any(
                post.holder is not None and person.span.contains(post.holder) and self.token_at(post.span.start) == index
                for post in self.doc.posts)):
            return person
        return None

    def past_adjectives(self, index: int, stop: frozenset[str] = frozenset()) -> int:
        """The token after the definite words (a noun's adjectives) from ``index``, at
        most VISIT_ADJECTIVES of them, stopping at a word in ``stop``."""
        tokens = self.doc.tokens
        end = min(len(tokens), index + VISIT_ADJECTIVES)
        while index < end and tokens[index].norm.startswith(ARTICLE) and self.token_keys[index] not in stop:
            index += 1
        return index

    def visitor_after_lam(self, trigger: Trigger) -> Mention | None:
        """The person a definite visit noun is told of with ل, after its adjectives:
        "الزيارة الرسمية الأولى للرئيس السيسي إلى روسيا" (his name, or his post, right
        after ل); "زيارة للرئيس", with no article, may be a visit paid to him."""
        tokens = self.doc.tokens
        if not definite(tokens[trigger.first].norm):
            return None
        index = self.past_adjectives(trigger.last)
        if index >= len(tokens) or not tokens[index].norm.startswith(PREPOSITION_LAM):
            return None
        person = self.person_from(index)
        # his name behind ل, not a name that opens on the letter ("لافروف")
        return person if person is not None and person.span.start > tokens[index].span.start else None

    def delegation_antecedent(self, trigger: Trigger) -> bool:
        """The trigger opens a relative clause whose antecedent is a delegation ("الوفد
        الصحفي التونسي الذي زار العراق"): the delegation, not the sentence's subject, acts."""
        tokens = self.doc.tokens
        first = trigger.first
        if self.word_before(first) not in RELATIVE_PRONOUNS:
            return False
        return any(rest in _DELEGATION_WORDS for i in range(max(0, first - 1 - ANTECEDENT_WORDS), first - 1)
                   for _, rest in readings(tokens[i].norm) for rest in (strip_article(rest),))

    def told_in_relative_clause(self, trigger: Trigger) -> bool:
        """A relative pronoun right after the trigger ("الزيارة التي يؤديها"), or after
        its adjectives ("الزيارة الأولى التي يقوم بها")."""
        return self.relative_after(trigger) is not None

    def relative_after(self, trigger: Trigger) -> int | None:
        """The index of the relative pronoun that follows the trigger, past up to
        VISIT_ADJECTIVES definite adjectives, or None."""
        tokens = self.doc.tokens
        index = self.past_adjectives(trigger.last, RELATIVE_PRONOUNS)
        return index if index < len(tokens) and self.token_keys[index] in RELATIVE_PRONOUNS else None

    def relative_before(self, index: int) -> int | None:
        """The index of a relative pronoun among the two tokens before ``index``, the
        nearer first ("الذي يؤدي زيارة", "الذي يزور"), or None."""
        return next((i for i in (index - 1, index - 2) if i >= 0 and self.word_before(i + 1) in RELATIVE_PRONOUNS),
                    None)

    def brought_together(self, trigger: Trigger) -> bool:
        """A meeting word followed by "جمع", in a relative clause or not ("اللقاء
        الذي جمعه ب", "لقاء جمعه أمس مع")."""
        return self.bringing_verb(trigger) is not None

    def bringing_verb(self, trigger: Trigger) -> int | None:
        """The index of the verb "جمع" right after a meeting word or its relative pronoun."""
        tokens = self.doc.tokens
        if trigger.frame != "meet":
            return None
        relative = self.relative_after(trigger)
        at = relative + 1 if relative is not None else trigger.last
        if at < len(tokens) and any(stem.startswith(BROUGHT_TOGETHER) for _, stem in stems(tokens[at].norm)):
            return at
        return None

    def brought_together_by_pronoun(self, trigger: Trigger) -> bool:
        """"اللقاء الذي جمعه بـX": its verb's pronoun (one person, ه or ها) is one side."""
        at = self.bringing_verb(trigger)
        return at is not None and self.doc.tokens[at].norm.endswith(SINGULAR_PRONOUN_SUFFIXES)   # not "جمعهما"

    def adjacent(self, trigger: Trigger, mention: Mention) -> bool:
        """The mention follows the trigger within four words (titles, adjectives or an
        honorific between: "بزيارة الصديق العزيز معالي شي جين بينغ")."""
        index = self.token_at(mention.span.start)
        return 0 <= index - trigger.last <= 2

    def also_before(self, start: int, actors_before: list[Mention]) -> bool:
        """"كما" within ALSO_REACH words before ``start``, after the last person named."""
        left = actors_before[-1].span.end if actors_before else 0
        words = self.words_in(max(left, 0), start)[-ALSO_REACH:]
        return any(word in _ALSO for _, word in words)

    def invited_by(self, mention: Mention) -> bool:
        """The person is named within INVITER_REACH words after "دعوة", in its
        construct: the one who invites ("دعوة الوزير X"), not the one invited
        ("الدعوة للرئيس X", "دعوة إلى X")."""
        words = self.words_in(max(0, mention.span.start - 200), mention.span.start)[-INVITER_REACH:]
        at = next((i for i, (_, word) in enumerate(words) if not _INVITATIONS.isdisjoint(word_forms(word))), None)
        return at is not None and not any(word.startswith(PREPOSITION_LAM) or word in _TO
                                          for _, word in words[at + 1:])

    def in_post(self, mention: Mention | Token, held: bool = False) -> bool:
        """The mention (or word) is named inside a post ("مبعوث الأمم المتحدة إلى اليمن": the
        post's domain, not where its holder goes; "رئيس مجلس الوزراء"); ``held``: a
        post a named person holds ("أمير قطر الشيخ تميم"), not one of a group of
        officials ("بمشاركة وزراء خارجية مصر والسودان": their states take part)."""
        return any(post.span.start <= mention.span.start and mention.span.end <= post.span.end
                   and (not held or post.holder is not None) for post in self.doc.posts)

    def hers_of_a_man(self, trigger: Trigger) -> bool:
        """"زيارتها" is no visit of the last actor when his given name is a man's."""
        return self.feminine_possessed(trigger) and self.masculine(self.last_actor)

    def feminine_possessed(self, trigger: Trigger) -> bool:
        """A noun with the feminine pronoun ("زيارتها", "جولتها"): a woman's or a state's."""
        return trigger.suffixed and self.doc.tokens[trigger.last - 1].norm.endswith(FEMININE_NOUN_POSSESSED)

    def masculine(self, entity_id: str | None) -> bool:
        """A person whose given name only men bear ("محمد", "عبد الفتاح"), or
        known by a post in the masculine ("رئيس المنظمة", not "رئيسة")."""
        entity = self.entities.get(entity_id) if entity_id else None
        if entity is None or entity.type is not PERSON or not entity.label:
            return False
        words = entity.label.split()
        if entity.role_only:
            return not words[0].endswith(FEMININE_ENDING)
        men = Lexicons.bundled().masculine_names
        return word_key(words[0]) in men or word_key("".join(words[:2])) in men

    def with_next(self, start: int) -> bool:
        """"مع" is the word after ``start``."""
        index = bisect_left(self.token_starts, start)
        return index < len(self.doc.tokens) and self.token_keys[index] in WITH

    def reported(self, start: int, end: int) -> bool:
        """A complementizer between ``start`` and ``end`` opens reported speech
        ("قال X إن ..."), not a clause of time ("بعد أن شارك")."""
        words = self.keys_in(start, end)
        if COMPLEMENTIZERS.isdisjoint(words):
            return False   # most stretches
        return any(word in COMPLEMENTIZERS and not (i and words[i - 1] in _TEMPORAL) for i, word in enumerate(words))

    def topic(self, mention: Mention) -> bool:
        """The person is what an event is about, not a side: a topic noun comes
        within TOPIC_REACH words before it, with no punctuation but commas
        between ("لمناقشة قضية الصحفي جمال خاشقجي", "بحثا مقتل X"); or the one
        who sent a message handed over ("سلمه رسالة خطية من الرئيس X")."""
        tokens = self.doc.tokens
        first = bisect_left(self.token_starts, mention.span.start)
        if first and not _ABOUT.isdisjoint(word_forms(tokens[first - 1].norm)):
            return True   # "مكالمة ترامب والملك سلمان عن خاشقجي"
        for index in range(first - 1, max(-1, first - 1 - MESSAGE_REACH), -1):
            norm = tokens[index].norm
            if not norm[:1].isalnum() and norm not in COMMAS:   # "قضية الصحفي السعودي، جمال خاشقجي"
                return False
            if first - index <= TOPIC_REACH and topic_word(norm):
                return True
            if index < first - 1 and not _MESSAGES.isdisjoint(word_forms(norm)) \
                    and any(self.token_keys[i] in ORIGIN for i in range(index + 1, first)):
                return True   # "سلمه رسالة من الرئيس X", "رسالة خطية من رئيس الجمهورية، السيد X": the sender
        return False

    def participation_before(self, trigger: Trigger) -> int | None:
        """The token of a word of taking part or convening within four words before
        the gathering ("مشاركته في أشغال الدورة"), or None.  A verb may carry the
        conjunction ("وعقد الرئيس قمة"); "مرحبا بعقد منتدى" is no one's act."""
        tokens = self.doc.tokens
        return next((i for i in range(trigger.first - 1, max(0, trigger.first - 4) - 1, -1)
                     if not TAKING_PART.isdisjoint(conjunction_stems(tokens[i].norm))), None)

    def arrival_venue(self, mention: Mention) -> bool:
        """An airport ("مطار القاهرة"): where a visitor lands or is received."""
        if mention.type is not VENUE:
            return False
        index = self.token_at(mention.span.start)
        return not _ARRIVALS.isdisjoint(stem_set(self.doc.tokens[index].norm))

    def after_origin(self, mention: Mention) -> bool:
        return self.word_before(self.token_at(mention.span.start)) in ORIGIN

    def place_in(self, mentions: list[Mention], destination: bool = False, seat: bool = False) -> str | None:
        """The most specific place named in a stretch (adjectives and modifiers of
        an organisation are not places); a ``destination`` may also carry ل
        ("زيارة رسمية لتونس").  "العاصمة المصرية" is a place too: the capital
        where the article names it, else the country its adjective names."""
        places = []
        for index, mention in enumerate(mentions):
            capital = mention.source == CAPITAL_SOURCE
            if not mention.type.is_place or not (mention.kind is NAME_MENTION or capital) \
                    or self.dateline is not None and self.dateline.contains(mention.span):
                continue   # the dateline's place is the newsroom's
            if mention.type is COUNTRY and not capital and (not self.locative(mention, destination)
                                                                       or mention.span in self.post_states):
                continue  # "مكانة المغرب": a country is a place only after في, إلى or ب, and not a post's
            if self.discussed(mention):
                continue  # "بحث معه الوضع في ليبيا", "جلسة حول إدلب": what is discussed, not where
            if self.word_before(self.token_at(mention.span.start)) in _ACCREDITED:
                continue  # "السفير الفرنسي لدى لبنان": where an envoy is posted, not where
            if self.word_before(self.token_at(mention.span.start)) in WITH:
                continue  # "العلاقات مع الرياض", "التعاون مع القاهرة": a partner, not where
            if self.between_sides(mention):
                continue  # "الخلافات بين واشنطن وأنقرة": the two sides, not where
            if index and mentions[index - 1].type is ORGANISATION and \
                    self.doc.text[mentions[index - 1].span.end:mention.span.start].strip() in ("", PREPOSITION_BA) \
                    and not (seat and mention.type is CITY):
                continue  # "مصالح ... بجمهورية النمسا": which country's service, not where; a body's
                #           session is held in the city after it ("الدورة الثالثة للجنة المشتركة بالخرطوم")
            places.append(mention)
        if not places:
            return None
        return self.entity_of(min(places, key=lambda m: (PLACE_ORDER.index(m.type), m.span.start))).id

    def between_sides(self, mention: Mention) -> bool:
        """The place is one of two named right after "بين" ("بين واشنطن وأنقرة")."""
        index = self.token_at(mention.span.start)
        return self.word_before(index) in BETWEEN or index > 1 and self.doc.tokens[index].norm[:1] == CONJUNCTION_WA \
            and self.word_before(index - 1) in BETWEEN

    def discussed(self, mention: Mention) -> bool:
        """A place named as what is discussed: after a topic preposition within
        TOPIC_REACH words ("حول الوضع في إدلب", "بشأن سوريا"), or after في behind
        a noun of a situation ("التطورات في ليبيا")."""
        index = self.token_at(mention.span.start)
        first = max(0, index - TOPIC_REACH)
        words = self.token_keys[first:index]
        if any(word in _ABOUT and not self.announced(first + n) for n, word in enumerate(words)):
            # "مؤتمر حول الأمن الغذائي بمراكش": a city behind ب after a topic that is no
            # situation is where the gathering is
            return not self.where_after_topic(mention, words)
        if len(words) < 2 or words[-1] not in LOCATIVES:
            return False
        noun = self.doc.tokens[index - 2].norm   # "التطورات في ليبيا", "والوضع في سوريا", "وجودها في سوريا"
        suffix = next((s for s in PRONOUN_SUFFIXES if noun.endswith(s) and len(noun) > len(s) + 2), "")
        forms = (noun, noun[:len(noun) - len(suffix)])   # ه may be a pronoun or ة normalised
        return (words[-2] in _SITUATIONS or any(strip_article(stem) in _SITUATIONS for form in forms
                                                for _, stem in stems(form))) and not self.in_name(index - 2)

    def in_name(self, index: int) -> bool:
        """The token at ``index`` is a word of a name ("سلام" of "نواف سلام"), not a
        common noun; the mentions that may hold it start at most a few before it."""
        span = self.doc.tokens[index].span
        at = bisect_right(self.mention_starts, span.start)
        return any(m.kind is NAME_MENTION and m.span.end >= span.end for m in self.mentions[max(0, at - NAME_LOOKBACK):at])

    def concluded_between(self, start: int, end: int) -> bool:
        """A participle of concluding stands in [start, end) ("برنامج تنفيذي لمذكرة
        التفاهم المبرمة في 2019"): what follows it tells of the thing signed before."""
        return not _CONCLUDED.isdisjoint(self.keys_in(start, end))

    def where_after_topic(self, mention: Mention, words: list[str]) -> bool:
        """A city written behind ب right after a topic's words ("حول الأمن الغذائي
        بمراكش"), not after a noun of a situation ("حول الوضع بطرابلس")."""
        if mention.type is not CITY or not words or words[-1] in _SITUATIONS:
            return False
        token = self.doc.tokens[self.token_at(mention.span.start)]
        return mention.span.start - token.span.start == 1 and token.norm[:1] == PREPOSITION_BA

    def announced(self, index: int) -> bool:
        """"عن" at ``index`` follows a verb of announcing, its subject between ("أعلنت
        جامعة الدول العربية عن عقد قمة في القاهرة"): what is announced, not discussed."""
        tokens = self.doc.tokens
        for before in range(index - 1, max(-1, index - 1 - ANNOUNCER_REACH), -1):
            if not tokens[before].norm[:1].isalnum():
                return False
            if not _ANNOUNCING.isdisjoint(stem_set(tokens[before].norm)):
                return True
        return False

    def locative(self, mention: Mention, destination: bool = False) -> bool:
        """Whether a country is named as a place: after a locative word ("في
        المغرب", "إلى النمسا") or with the preposition ب glued to it ("بالمغرب");
        a destination also with ل ("زيارته لتونس")."""
        index = self.token_at(mention.span.start)
        token = self.doc.tokens[index]
        if token.span.start < mention.span.start:  # a proclitic precedes the name inside the token
            glued = self.doc.text[token.span.start:mention.span.start]
            return glued[-1:] == PREPOSITION_BA or destination and glued[-1:] == PREPOSITION_LAM
        return self.word_before(index) in LOCATIVES
