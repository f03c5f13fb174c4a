"""The sides of a signing: who signs an agreement when fewer than two persons
are named with it ("وقعها عن الجانب الإماراتي X"; the agents of "توقيع", the sides
after "بين", the two told before, a government's state, a body after "مع"), and
who witnesses it ("شهد الرئيسان توقيع", "بحضور الرئيسين").  ``SigningFrames`` is a
part of kg.extract.frames's ``FrameFiller``, whose ``sides_frame`` fills a signing
with them and whose readers of the words around a trigger it uses."""

from __future__ import annotations

from typing import Final

from kg.extract.cameo import COUNTRY_PREFIX
from kg.extract.context import PAIRS as _PAIRS
from kg.extract.context import ON, PRESENCE, WITH, without_commas
from kg.extract.drafts import PERSON_PREFIX, Around
from kg.extract.lexicon import function_words
from kg.extract.triggers import Trigger
from kg.model import ADJECTIVE_MENTION, CONFERENCE, COUNTRY, NAME_MENTION, ORGANISATION, PERSON, Mention
from kg.native import trait
from kg.text.clitics import CONJUNCTION_WA, conjunction_stems, strip_article

SIGNING_NOUNS: Final = tuple(sorted(function_words("signing_noun")))   # the verbal nouns of signing, as normalised
SIGNING_AGENT_WORDS: Final = 10   # words after a verbal noun of signing in which its agents are named
SIGNING_AGENT_GAP: Final = 3      # words between the noun and its first agent (a title: "وزراء خارجية")
SIGNED_BETWEEN_REACH: Final = 6   # words after a signing in which "بين" names its sides ("التوقيع على مذكرة تفاهم بين")
_GOVERNMENTS: Final = function_words("government")
_SIDE_NOUNS: Final = function_words("side_noun")
_ON_BEHALF: Final = function_words("on_behalf")   # "عن الجانب المغربي": for the Moroccan side
SIDE_SIGNER_REACH: Final = 6   # words from "الجانب" to the one who signs for it (its adjective, titles, honorifics)
_HONORIFIC_PRONOUNS: Final = function_words("honorific_pronoun")
_WITNESSES: Final = function_words("witness")
_WITNESSES_DUAL: Final = function_words("witness_dual")   # "شهدا": the two witnessed
WITNESS_REACH: Final = 6   # words before a signing noun in which the two who witness it are told


@trait
class SigningFrames:
    """The signing readers of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""

    def signatories(self, ids: list[str], around: Around) -> list[str]:
        """The sides of a signing when fewer than two persons are named: the agents
        of a signing noun, the sides after "بين", the two told before, the states
        named, a government's state and a body after "مع", two bodies as its subject."""
        background = around.trigger.background
        if not background and self.signing_noun(around.trigger):
            # "بمناسبة توقيع وزراء خارجية تونس والجزائر ومصر على": the noun's agents follow it
            ids = self.signing_agents(around) or ids
        if len(set(ids)) < 2:
            # "تم التوقيع على مذكرة تفاهم بين وزارة الداخلية المغربية ونظيرتها الإسبانية"; "بين
            # البلدين": the two states told last
            between = self.sides_between(around, SIGNED_BETWEEN_REACH) or self.two_states_between(around)
            if between and self.pair_told(around) and not any(i.startswith(PERSON_PREFIX) for i in between):
                # "وقع الوزيران مذكرة تفاهم بين حكومة المملكة وحكومة جمهورية العراق": the two and their states
                between = self.last_two_persons(around) + between
            ids = between or ids
        if len(set(ids)) < 2 and self.pair_told(around):
            ids = self.last_two_persons(around)   # "ووقع الجانبان على اتفاقية", "شهد الرئيسان توقيع"
        if self.states_pair_told(around):
            # "كما أبرم البلدان اتفاقا إطاريا": the two states told before are its subject
            ids = self.last_two_states(around) or ids
        if len(ids) < 2:
            stated = around.after if background else around.before + around.after
            ids += [self.entity_of(m).id for m in stated if m.type is COUNTRY
                    and m.kind is NAME_MENTION]
        if len(set(ids)) < 2 and not background:
            # "وأبرمت الحكومة التونسية اتفاقا مع صندوق النقد الدولي": a state named by its
            # government's adjective, a body after "مع"
            state, partner = self.state_of_government(around), self.body_with(around)
            # the body right after the verb signs with the one after "مع"
            ids += (state or (self.body_subject(around) if partner else [])) + partner
        if len(set(ids)) < 2 and not background:
            ids += self.joint_bodies(around)   # "وقعت وزارة الصحة ومنظمة الصحة العالمية مذكرة تفاهم"
        if not background:
            # "وقع الأردن والاتحاد الأوروبي اتفاقية": the parties, whoever signs for them
            ids += [entity_id for entity_id in self.listed_subjects(around) if entity_id not in ids]
        if not ids and not background:
            ids = self.session_states(around)
        persons, states = self.signed_for_sides(around)
        if persons:
            # "وقعها عن الجانب الإماراتي X، وعن الجانب الباكستاني Y": each signs for his side
            ids = persons + [entity_id for entity_id in ids if entity_id not in persons] + states
        return ids

    def witnessing_pair(self, around: Around) -> list[str]:
        """A verb of witnessing and a dual of the two told before within
        WITNESS_REACH words before a signing noun ("شهد الرئيسان توقيع", "وأن الوزيرين
        شهدا في ختام المباحثات توقيع"): the two witness it."""
        first = around.trigger.first
        if not self.signing_noun(around.trigger):
            return []
        opening = around.sentence.tokens[0]
        window = self.doc.tokens[max(opening, first - WITNESS_REACH):first]
        if not any(not _WITNESSES.isdisjoint(conjunction_stems(token.norm)) or token.norm in _WITNESSES_DUAL
                   for token in window) or not any(strip_article(token.norm) in _PAIRS for token in window):
            return []
        return self.last_two_persons(around)

    def session_states(self, around: Around) -> list[str]:
        """"على أن تختتم غدا بالتوقيع على حزمة من الاتفاقيات": a signing that names no
        side, told with or right after a session of two states, is theirs."""
        start = (self.sentence_before(around.sentence.span) or around.sentence).span.start
        session = next((d for d in reversed(self.drafts) if d.type is CONFERENCE
                        and d.trigger.start >= start), None)
        states = [p.entity for p in session.participants if p.entity.startswith(COUNTRY_PREFIX)] if session else []
        return states if len(states) == 2 else []

    def witnesses_past_talks(self, around: Around) -> list[str]:
        """"وشهد X وY عقب اللقاء تبادل الاتفاقيات": the persons named after a verb of
        witnessing that opens the sentence, before the talks told again between it
        and the signing noun (whose region the talks' word ends)."""
        if not self.signing_noun(around.trigger):
            return []
        opening = around.sentence.tokens[0]
        verb = next((i for i in range(opening, min(opening + 2, around.trigger.first))
                     if not _WITNESSES.isdisjoint(conjunction_stems(self.doc.tokens[i].norm))), None)
        if verb is None:
            return []
        persons = [self.entity_of(m).id for m in self.in_range(self.doc.tokens[verb].span.end, around.span.start)
                   if m.type is PERSON and self.named_person(m)]
        return list(dict.fromkeys(persons)) if len(set(persons)) >= 2 else []

    def witness_by_pronoun(self, around: Around) -> str | None:
        """"شهد سموه توقيع": the one an honorific's pronoun stands for, between a verb
        of witnessing and a signing noun, witnesses it: the last actor told."""
        first = around.trigger.first
        if first < 2 or not self.signing_noun(around.trigger):
            return None
        tokens = self.doc.tokens
        if strip_article(tokens[first - 1].norm) not in _HONORIFIC_PRONOUNS \
                or _WITNESSES.isdisjoint(conjunction_stems(tokens[first - 2].norm)):
            return None
        return self.last_actor

    def signed_for_sides(self, around: Around) -> tuple[list[str], list[str]]:
        """The persons who sign "عن الجانب X" after the trigger in its sentence, the
        first named within SIDE_SIGNER_REACH words after it, and the states the
        sides' adjectives name."""
        words = self.words_in(around.span.end, around.sentence.span.end)
        persons: list[str] = []
        states: list[str] = []
        for n, (offset, word) in enumerate(words[1:], 1):
            if word not in _SIDE_NOUNS or words[n - 1][1] not in _ON_BEHALF:
                continue
            reach = words[min(n + SIDE_SIGNER_REACH, len(words) - 1)][0]
            after = [m for m in self.in_range(offset, around.sentence.span.end) if m.span.start <= reach]
            state = next((m for m in after[:1] if m.type is COUNTRY and m.kind is ADJECTIVE_MENTION), None)
            person = next((m for m in after if m.type is PERSON), None)
            if person is not None:
                persons.append(self.entity_of(person).id)
                if state is not None:
                    states.append(self.entity_of(state).id)
        return list(dict.fromkeys(persons)), list(dict.fromkeys(states))

    def pair_present(self, around: Around) -> list[str]:
        """"بحضور الرئيسين" in the trigger's clause: the two a dual refers to attend."""
        words = self.words_in(around.span.end, self.clause_end(around))
        if not any(word in PRESENCE and following in _PAIRS for (_, word), (_, following) in zip(words, words[1:])):
            return []
        return self.last_two_persons(around)

    def signing_noun(self, trigger: Trigger) -> bool:
        return strip_article(self.trigger_word(trigger)).startswith(SIGNING_NOUNS)

    def signing_agents(self, around: Around) -> list[str]:
        """The states or persons in construct right after a verbal noun of signing,
        up to "على" or the clause's end ("توقيع وزراء خارجية تونس والجزائر ومصر على")."""
        words = self.words_in(around.span.end, self.clause_end(around))[:SIGNING_AGENT_WORDS]
        stop = next((offset for offset, word in words if word in ON), words[-1][0] + 1 if words else around.span.end)
        agents = [m for m in around.after if m.span.start < stop
                  and (m.type is PERSON or m.type is COUNTRY and m.kind is NAME_MENTION)]
        if not agents or self.token_at(agents[0].span.start) - around.trigger.last > SIGNING_AGENT_GAP:
            return []
        return list(dict.fromkeys(self.entity_of(m).id for m in agents))

    def joint_bodies(self, around: Around) -> list[str]:
        """"وقعت وزارة الصحة المصرية ومنظمة الصحة العالمية مذكرة تفاهم", "أبرم
        المغرب والاتحاد الأوروبي اتفاق": two bodies or states joined by و as the
        subject right after the verb."""
        return self.joined_pair([m for m in around.after if m.kind is NAME_MENTION
                                 and m.type in (ORGANISATION, COUNTRY)
                                 or self.governments_state(m)], around)

    def state_of_government(self, around: Around) -> list[str]:
        """The state whose government, named by its adjective, is the subject right
        after the trigger ("أبرمت الحكومة التونسية اتفاقا"), and a body joined to it."""
        words = self.words_in(around.span.end, around.right)[:3]
        if not words or words[0][1] not in _GOVERNMENTS:
            return []
        after = self.in_range(words[1][0], around.right) if len(words) > 1 else []
        if not after or after[0].span.start != words[1][0] or after[0].type is not COUNTRY \
                or after[0].kind is not ADJECTIVE_MENTION:
            return []
        sides = [self.entity_of(after[0]).id]
        # "أبرمت الحكومة المغربية والبنك الدولي اتفاقية": the body joined to it signs too
        if len(after) > 1 and after[1].type is ORGANISATION and not self.media(after[1]) \
                and without_commas(self.doc.text[after[0].span.end:after[1].span.start]) in ("", CONJUNCTION_WA):
            sides.append(self.entity_of(after[1]).id)
        return sides

    def body_subject(self, around: Around) -> list[str]:
        """The organisation right after a signing verb, its subject ("وقعت وزارة
        الاستثمار مع شركة X اتفاقية")."""
        if self.signing_noun(around.trigger) or around.trigger.last >= len(self.doc.tokens):
            return []
        return self.body_at(self.doc.tokens[around.trigger.last].span.start, around)

    def listed_subjects(self, around: Around) -> list[str]:
        """The states and bodies named right after a signing verb, joined by و ("وقع
        الأردن والاتحاد الأوروبي اتفاقية منحة"): its subjects, when two or more."""
        if self.signing_noun(around.trigger) or around.trigger.last >= len(self.doc.tokens):
            return []
        listed: list[Mention] = []
        end = self.doc.tokens[around.trigger.last].span.start
        for mention in around.after:
            if mention.kind is not NAME_MENTION or mention.type not in (COUNTRY, ORGANISATION) or self.media(mention) \
                    or without_commas(self.doc.text[end:mention.span.start]) not in (("",) if not listed else (CONJUNCTION_WA,)):
                break
            listed.append(mention)
            end = mention.span.end
        return [self.entity_of(m).id for m in listed] if len(listed) >= 2 else []

    def body_with(self, around: Around) -> list[str]:
        """The organisation named right after "مع" in the trigger's clause ("اتفاقا مع صندوق النقد الدولي")."""
        words = self.words_in(around.span.end, self.clause_end(around))
        at = next((n for n, (_, word) in enumerate(words) if word in WITH), None)
        if at is None or at + 1 >= len(words):
            return []
        return self.body_at(words[at + 1][0], around)

    def body_at(self, start: int, around: Around) -> list[str]:
        """The organisation (no channel or paper) whose name starts at character ``start``."""
        mention = next(iter(self.in_range(start, around.right)), None)
        return [self.entity_of(mention).id] if mention is not None and mention.span.start == start \
            and mention.type is ORGANISATION and not self.media(mention) else []
