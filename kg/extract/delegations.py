"""Who a delegation is made of, and the events it takes part in.

An article often names a delegation's members in a sentence of their own,
before or after the meeting or the visit it tells of the delegation:
"وترأس X وفدا يضم وزير الخزانة Y ووزيرة الأمن الداخلي Z", "وقال المصدر إن وفد
الحوثيين مكون من الناطق الرسمي X ومهدي المشاط مدير مكتب ...".  The persons
listed are participants of the delegation's meetings, visits and conferences
(GUIDE 2: the persons of a delegation take part; its state or body only when
none is named): those in which its leader, or its state or body as a side,
takes part.  A delegation an event names tells its state or body when no
member is named ("وفد مصري", "وفدا من الاتحاد الأوروبي": ``delegation``).

A member is a person the list coordinates: the first one right after the word
that opens the list ("يضم", "مكون من"), his title before him or not, and each
one after it whose name or title carries the conjunction or follows a comma.  A
person inside another's title or relation ("مدير مكتب زعيم الحوثيين عبد الملك
الحوثي", "وصهر دونالد ترامب") is no member.  ``DelegationMembers`` is a part of
kg.extract.frames's ``FrameFiller``, and so of kg.extract.events's ``EventFinder``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from kg.extract.context import ORIGIN, MentionContext
from kg.extract.drafts import Draft
from kg.extract.lexicon import function_words
from kg.extract.names import TATWEEL
from kg.extract.visits import DELEGATION_MAKEUP
from kg.extract.walker import COMMAS
from kg.model import CONFERENCE, COUNTRY, MEETING, NAME_MENTION, ORGANISATION, PERSON, VISIT, VISITOR, Document, Mention, Sentence
from kg.native import trait
from kg.text.clitics import ACCUSATIVE_ENDING, CONJUNCTION_WA, FEMININE_ENDING, NISBA_ENDING, TASHKEEL, definite, reading_set, readings, strip_article

_DELEGATIONS: Final = function_words("delegation")
# "برلماني", "عسكرية", "برلمانيا": adjectives of relation, the last in the accusative
_RELATION_ENDINGS: Final = (NISBA_ENDING, NISBA_ENDING + FEMININE_ENDING, NISBA_ENDING + ACCUSATIVE_ENDING)
_MEMBERSHIP: Final = function_words("delegation_membership")  # "يضم", "مكون": the list of its members follows
_LEADING: Final = function_words("delegation_leading")        # "برئاسة", "يقوده": its leader follows
_LEADS: Final = function_words("delegation_leads")            # "ترأس X وفدا": its leader is the verb's subject
MEMBERSHIP_REACH: Final = 6   # words after the delegation word in which its list opens ("وفد الحوثيين مكون من")
FIRST_MEMBER_REACH: Final = 4   # words between the list's opening and its first member or his title ("من الناطق الرسمي للحوثيين")
DELEGATION_SIDE_REACH: Final = 4   # words between a trigger and a definite delegation that is a side of it
LEADER_REACH: Final = 4       # words between a verb of leading and the delegation word (the leader's name)
_JOINED: Final = (MEETING, VISIT, CONFERENCE)
_ACCOMPANYING: Final = function_words("delegation_accompanying")   # "الوفد المرافق"
_SIDES: Final = (COUNTRY, ORGANISATION)
# the delegation words as written, tatweel or a short vowel allowed between their letters; the
# longest first, in one order whatever the set's (so the pattern is the same in every run)
_MARKS: Final = f"[{TATWEEL}{TASHKEEL}]*"
_DELEGATION_TEXT: Final = re.compile("|".join(_MARKS.join(map(re.escape, word)) for word in sorted(_DELEGATIONS, key=lambda word: (-len(word), word))))


@dataclass
class Delegation:
    """A delegation an article names the members of."""

    word: int               # the index of the delegation word's token
    leader: str | None      # Entity.id of who leads it ("برئاسة X", "ترأس X وفدا")
    sides: list[str]        # its state or body ("وفد الحوثيين", "الوفد الأمريكي")
    members: list[str]      # the persons listed, in order


@trait
class DelegationMembers(MentionContext):
    """Reads the delegations whose members the article lists, then joins the
    members to the events of their delegation."""

    def __init__(self, doc: Document):
        super().__init__(doc)
        # read when first asked, as attributes set here: a cached_property writes
        # the instance's __dict__, which costs every later attribute read of it
        self._delegation_words: list[int] | None = None
        self._delegations: list[Delegation] | None = None

    @property
    def delegations(self) -> list[Delegation]:
        """The delegations whose members the article lists, in order (read once)."""
        if self._delegations is None:
            self._delegations = self.read_delegations()
        return self._delegations

    @property
    def delegation_words(self) -> list[int]:
        """The indices of the tokens that are a delegation word ("وفد", "الوفد",
        "بوفد"), read once: found in the text in one pass of a regex, few articles have any."""
        if self._delegation_words is None:
            tokens = self.doc.tokens
            indices = sorted({self.token_at(found.start()) for found in _DELEGATION_TEXT.finditer(self.doc.text)})
            # a word inside a name is none ("حزب الوفد", "وفد الاتحاد الأوروبي" as a body's name)
            self._delegation_words = [i for i in indices if i >= 0 and self.delegation_word(tokens[i].norm)
                                      and i not in self.mention_tokens]
        return self._delegation_words

    def read_delegations(self) -> list[Delegation]:
        """Each delegation word whose list of members opens within MEMBERSHIP_REACH
        words after it ("وفد الحوثيين مكون من"), or right before it ("وضم الوفد X
        وY"): its members, leader and side."""
        tokens = self.doc.tokens
        keys = self.token_keys
        found = []
        words = self.delegation_words
        for index in words:
            sentence = self.doc.sentence_at(tokens[index].span.start)
            if sentence is None:
                continue
            first, last = sentence.tokens
            opening = next((i for i in range(index + 1, min(last, index + 1 + MEMBERSHIP_REACH))
                            if keys[i] in _MEMBERSHIP), None)
            if opening is None and index > first and self.verb_of(keys[index - 1], _MEMBERSHIP):
                # "وضم الوفد الإسباني النائب X": the verb before, the list after the delegation
                members = self.listed_persons(index, last)
                if members:
                    found.append(Delegation(index, None, self.sides_of(index, last) + self.told_delegation(index, [i for i in words if i < first]),
                                            members))
                continue
            if opening is None:
                continue
            members = self.listed_persons(opening, last)
            leader = self.leader_of(index, opening, first)
            if leader is not None and leader not in members:
                members.insert(0, leader)
            if members:
                sides = self.sides_of(index, opening) + self.told_delegation(index, [i for i in words if i < first])
                found.append(Delegation(index, leader, sides, members))
        return found

    def delegation(self, start: int, end: int, first_words: int | None = None) -> list[str]:
        """The state or body of a delegation named in [start, end) (GUIDE 2: a
        delegation's country when no person is named): a delegation word and
        right after it a country's adjective ("وفد مصري", "الوفد الأمريكي") or
        "من" and a country or organisation ("وفدا من الاتحاد الأوروبي").
        ``first_words``: the delegation word must come within them."""
        words = self.words_in(start, end)
        # an indefinite delegation is told anew; "الوفد التركي" is one whose members were named
        at = next((i for i, (offset, word) in enumerate(words[:first_words] if first_words else words)
                   if not _DELEGATIONS.isdisjoint(reading_set(self.doc.tokens[self.token_at(offset)].norm))),
                  None)
        if at is None:
            return []
        after = words[at + 1][0] if at + 1 < len(words) else end
        # "وفد رفيع المستوى من الصين": two of the delegation's words before "من"
        if at + 3 < len(words) and words[at + 3][1] in ORIGIN and all(
                word in DELEGATION_MAKEUP and word not in ORIGIN for _, word in words[at + 1:at + 3]):
            at += 1
        if at + 2 < len(words) and words[at + 1][1] not in ORIGIN and words[at + 2][1] in ORIGIN:
            at += 1   # "وفد عسكري من حزب الله": an adjective of the delegation before "من"
        if at + 1 < len(words) and words[at + 1][1] in ORIGIN:   # "وفد من"
            after = words[at + 2][0] if at + 2 < len(words) else end
        elif at + 2 < len(words) and not self.in_range(after, words[at + 2][0]) \
                and self.doc.tokens[self.token_at(after)].norm.endswith(_RELATION_ENDINGS):
            after = words[at + 2][0]   # "وفد برلماني مصري": an adjective of the delegation, then its state's
        mention = next((m for m in self.in_range(after, min(end, after + 1 + 200))), None)
        if mention is None or mention.span.start != after or mention.type not in (
                COUNTRY, ORGANISATION):
            return []
        return [self.entity_of(mention).id]

    def sides_of(self, index: int, end: int) -> list[str]:
        """The state or body the delegation word at token ``index`` names before
        token ``end``: right after it ("الوفد الجزائري", "وفد الحوثيين"), or as
        FrameFiller.delegation reads it ("وفد رفيع المستوى من الصين")."""
        tokens = self.doc.tokens
        if index + 1 < end:
            after = tokens[index + 1].span.start
            named = next(iter(self.in_range(after, tokens[end - 1].span.end)), None)
            if named is not None and named.span.start == after and named.type in _SIDES:
                return [self.entity_of(named).id]
        return self.delegation(tokens[index].span.start, tokens[end - 1].span.end, first_words=1)

    @staticmethod
    def verb_of(key: str, verbs: frozenset[str]) -> bool:
        """The word key is one of the verbs, with "و" or not ("وضم", "وترأس")."""
        return key in verbs or key[:1] == CONJUNCTION_WA and key[1:] in verbs

    @staticmethod
    def delegation_word(norm: str) -> bool:
        """The normalised word is a delegation word, behind proclitics and the article or not."""
        return any(strip_article(rest) in _DELEGATIONS for _, rest in readings(norm))

    def told_delegation(self, index: int, before: list[int]) -> list[str]:
        """The state or body of the delegation told last of those at the tokens
        ``before``, when the one at token ``index`` is definite: the same
        delegation ("الوفد", "الوفد الإسباني" after "وفدا من البرلمان الإسباني")."""
        tokens = self.doc.tokens
        if not definite(tokens[index].norm):
            return []
        for told in reversed(before):
            sentence = self.doc.sentence_at(tokens[told].span.start)
            sides = [] if sentence is None else self.sides_of(told, sentence.tokens[1])
            if sides:
                return sides
        return []

    def listed_persons(self, opening: int, last: int) -> list[str]:
        """The persons the list after token ``opening`` coordinates (see the module's docstring)."""
        tokens = self.doc.tokens
        end = tokens[last - 1].span.end
        members: list[str] = []
        after = opening + 1   # the token after the last member's name
        for mention in self.in_range(tokens[opening].span.end, end):
            if mention.type is not PERSON or mention.kind is not NAME_MENTION:
                continue
            item = self.item_start(mention)
            at = self.token_at(item)
            if not members:
                if at - opening - 1 > FIRST_MEMBER_REACH:
                    return []
            elif any(tokens[i].text in COMMAS for i in range(after, at - 1)):
                break   # "... وY، اليوم في بيروت، رئيس الحكومة Z": a comma and other words end the list
            elif not self.coordinated(at, item):
                continue
            entity_id = self.entity_of(mention).id
            if entity_id not in members:
                members.append(entity_id)
            after = self.token_at(mention.span.end - 1) + 1
        return members

    def item_start(self, mention: Mention) -> int:
        """Where the person's item of the list starts: his title before him
        ("وزير الخزانة ستيف منوتشين"), or his name."""
        return min((post.span.start for post in self.doc.posts if post.holder == mention.span
                    and post.span.end <= mention.span.start), default=mention.span.start)

    def coordinated(self, index: int, offset: int) -> bool:
        """The item starting at character ``offset`` of token ``index`` carries the
        conjunction ("ومهدي", "ومستشاره") or follows a comma or a lone "و"."""
        token = self.doc.tokens[index]
        if offset > token.span.start:
            return token.norm.startswith(CONJUNCTION_WA)   # the item's word lost its و to the clitic
        before = self.doc.tokens[index - 1].text if index > 0 else ""
        return before in COMMAS or before == CONJUNCTION_WA

    def leader_of(self, index: int, opening: int, first: int) -> str | None:
        """Who leads the delegation at token ``index``: the person after "برئاسة"
        before its list, or the subject of a verb of leading before it ("ترأس X وفدا")."""
        keys = self.token_keys
        tokens = self.doc.tokens
        leading = next((i for i in range(index + 1, opening) if keys[i] in _LEADING), None)
        if leading is not None:
            person = next((m for m in self.in_range(tokens[leading].span.end, tokens[opening].span.start)
                           if m.type is PERSON and m.kind is NAME_MENTION), None)
            return None if person is None else self.entity_of(person).id
        verb = next((i for i in range(index - 1, max(first, index - 1 - LEADER_REACH) - 1, -1)
                     if self.verb_of(keys[i], _LEADS)), None)
        if verb is None:
            return None
        person = next((m for m in self.in_range(tokens[verb].span.end, tokens[index].span.start)
                       if m.type is PERSON and m.kind is NAME_MENTION), None)
        return None if person is None else self.entity_of(person).id

    def delegation_acting(self, first: int, last: int, sentence: Sentence) -> list[str]:
        """The delegation a definite delegation word within DELEGATION_SIDE_REACH
        words of the trigger at tokens [first, last) stands for ("والتقى الوفد
        الأمريكي X", "أن الوفد التقى برئيس الجمهورية"): the one whose members the
        article lists at or before it, of its own side or of none (its leader and
        members), else the state or body it names, else the one the delegation
        told before it names."""
        start, end = sentence.tokens
        tokens = self.doc.tokens
        index = next((i for i in self.delegation_words if max(start, first - DELEGATION_SIDE_REACH) <= i
                      < min(end, last + DELEGATION_SIDE_REACH) and not first <= i < last
                      and definite(tokens[i].norm)), None)
        if index is None or index + 1 < end and self.token_keys[index + 1] in _ACCOMPANYING:
            return []   # "والوفد المرافق له": those with the one named, no side of their own
        own = self.sides_of(index, end)
        # the last delegation listed at or before it whose side is its own ("الوفد الأمريكي"), or names none
        listed = [d for d in self.delegations if d.word <= index and (not own or not d.sides or set(own) & set(d.sides))]
        if listed:
            # its persons; its state or body only when it names none (GUIDE 2)
            delegation = listed[-1]
            persons = list(dict.fromkeys(([delegation.leader] if delegation.leader else []) + delegation.members))
            return persons or delegation.sides or own
        return own or self.told_delegation(index, [i for i in self.delegation_words if i < start])

    def join_delegations(self, drafts: list[Draft]) -> None:
        """Each delegation's members take part in the meetings, visits and
        conferences its leader takes part in, those one of them takes part in in
        the sentence that lists them, and those its state or body takes part in
        in a sentence that tells a delegation."""
        told = {self.doc.sentence_at(self.doc.tokens[i].span.start) for i in self.delegation_words}
        for delegation in self.delegations:
            sides = set(delegation.sides)
            for draft in drafts:
                if draft.type not in _JOINED:
                    continue
                # its leader's events; its state's or body's only where a delegation is told
                # (a state takes part in much else: "شارك المغرب في مؤتمر المناخ")
                led = delegation.leader is not None and delegation.leader in draft.people
                where = self.doc.sentence_at(draft.trigger.start)
                # or, in the delegation's own sentence, one of its members' ("وصل وفد يضم X وY إلى الرياض")
                own = where == self.doc.sentence_at(self.doc.tokens[delegation.word].span.start) \
                    and not draft.people.isdisjoint(delegation.members)
                if not (led or own) and (sides.isdisjoint(draft.people) or where not in told):
                    continue
                role = VISITOR if draft.type is VISIT else None
                for member in delegation.members:
                    draft.add(member, role)
