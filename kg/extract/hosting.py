"""The frames of hosting: a reception, whose host receives his guests
("استقبل X Y", "وكان في استقباله X"), or a state or city that receives a visitor
("وتستعد الجزائر لاستقبال"); and a hosting award, a state or city chosen to host
("اختيار المغرب لتنظيم", "منح تنظيم مونديال 2030 للمغرب وإسبانيا").
``HostingFrames`` is a part of kg.extract.frames's ``FrameFiller``, whose
readers of the words around a trigger it uses."""

from __future__ import annotations

from typing import Final

from kg.extract.context import without_commas
from kg.extract.drafts import PERSON_PREFIX, Around, Draft
from kg.extract.lexicon import function_word, function_words
from kg.extract.triggers import IN, Trigger
from kg.extract.visits import GUEST_NOUNS, each_at
from kg.model import CITY, CONFERENCE, COUNTRY, GUEST, HOST, MEETING, NAME_MENTION, ORGANISATION, VISIT, VISITOR, Mention
from kg.native import trait
from kg.text.clitics import CONJUNCTION_WA, DUAL_PRONOUN_SUFFIX, PREPOSITION_LAM, stems, strip_article

VERBAL_NOUN_OF_HOSTING: Final = function_word("receiving_noun")   # "استقبال", normalised: with a pronoun, its possessor is the host
_TAKING_PART_NOUNS: Final = function_words("participating_plural")   # "المشاركين", not "المشارك"
TAKING_PART_REACH: Final = 14   # words after a verb of receiving to "المشاركين في" (the host's titles, a place)
GUEST_REACH: Final = 8   # words between a verb of receiving and "الضيف" (a day, a comma)
EACH_REACH: Final = 6   # words after a trigger in which "كلا من" opens its objects (the subject's name and title between)
HOST_PLACE_WORDS: Final = 3   # words between a receiving state and its verb ("وتستعد الجزائر لاستقبال")
_CITY_HEADS: Final = function_words("city_head") | function_words("capital_noun")   # "مدينة", "العاصمة"
_VOTE_NOUNS: Final = function_words("vote_noun")   # "تصويت", "قرار"
VOTE_REACH: Final = 4   # words from a vote to the body voting ("تصويت الدول الأعضاء في المكتب")


@trait
class HostingFrames:
    """The hosting frames of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""

    def host_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"استقبل X Y": the subject hosts, the persons after are guests; a verb
        with an object pronoun ("حيث استقبله ولي العهد") hosts the one it stands
        for, and its subject follows it."""
        subject_id, rest = around.subject_id, list(dict.fromkeys(around.rest))   # a post and the name after it
        host_place = self.hosting_place(around) if rest and not around.actors_before else None
        if host_place is not None:
            # "وتستعد الجزائر لاستقبال الرئيس الفرنسي X": a state or city receives him, a visit there
            draft.type = VISIT
            for entity_id in rest:
                draft.add(entity_id, VISITOR)
            draft.place = host_place
            return draft
        if around.trigger.suffixed and rest and self.object_pronoun(around.trigger):
            host, guest = rest[0], around.actors_before[-1] if around.actors_before else None
            guest_id = self.entity_of(guest).id if guest is not None else self.current_actor(around)
            draft.guest_told_before = guest is None
            subject_id, rest = host, [guest_id] + rest[1:] if guest_id and guest_id != host else rest[1:]
            pair = [g for g in self.last_two_persons(around) if g != host] \
                if self.trigger_word(around.trigger).endswith(DUAL_PRONOUN_SUFFIX) else []
            if pair:
                rest = pair + rest[1:]   # "قبل أن يستقبلهما الرئيس X": the two told last are his guests
        if subject_id is None and rest:
            subject_id, rest = rest[0], rest[1:]
        attending: list[str] = []
        taking_part = self.taking_part_in_gathering(around) if subject_id else None
        if taking_part:
            # "استقبل الملك الوزراء المشاركين في الاجتماع، بحضور ولي العهد": those the gathering
            # told had taking part are the guests, whoever else is named attends; received on its day,
            # when the sentence tells none
            gathered, day = taking_part
            attending, rest = [r for r in rest if r not in gathered and r != subject_id], gathered
            if not any(around.sentence.span.contains(time.span) for time in self.doc.times):
                draft.date = day
        if subject_id and not rest:
            rest = self.delegation(around.span.end, around.right)   # "استقبل الرئيس وفدا من الاتحاد الأوروبي"
        if subject_id and not rest:
            rest = [v for v in self.guest_told(around) if v != subject_id]   # "واستقبل X الضيف الموريتاني"
        if subject_id:
            draft.add(subject_id, HOST)
        for entity_id in rest:
            draft.add(entity_id, GUEST)
        for entity_id in attending:
            draft.add(entity_id)
        # "استقبل الرئيس كلا من سفير اليابان X وسفير كوريا Y": each guest apart
        draft.separate = len(rest) >= 2 and self.each_of(around)
        return self.with_place(draft, around)

    def guest_told(self, around: Around) -> list[str]:
        """"الضيف" within GUEST_REACH words after the trigger or the subject after
        it: the visitors of the last visit told before its sentence."""
        # after the subject when it follows the verb ("واستقبل الوزير X، اليوم، الضيف")
        start = around.span.end
        if around.actors_after and not around.actors_before:
            subject = self.entity_of(around.actors_after[0]).id   # its post, then its name
            start = max(m.span.end for m in around.actors_after if self.entity_of(m).id == subject)
        words = [(offset, word) for offset, word in self.words_in(start, around.right) if word[:1].isalnum()][:GUEST_REACH]
        if not any(word in GUEST_NOUNS for _, word in words):
            return []
        visit = next((d for d in reversed(self.drafts) if d.type is VISIT and d.participants), None)
        return [p.entity for p in visit.participants] if visit is not None else []

    def taking_part_in_gathering(self, around: Around) -> tuple[list[str], str | None] | None:
        """"المشاركين في الاجتماع" within TAKING_PART_REACH words after the trigger:
        the persons taking part in the gathering told before, and its day."""
        words = [word for _, word in self.words_in(around.span.end, around.right)
                 if word[:1].isalnum()][:TAKING_PART_REACH]
        if not any(word in _TAKING_PART_NOUNS and following in IN for word, following in zip(words, words[1:])):
            return None
        # the gathering as told so far, again and again ("ويشارك في الاجتماع X" is a meeting told
        # again until the drafts merge): not one to be hosted, nor one of another day
        told = [d for d in self.drafts if not d.hosted and (d.type is CONFERENCE
                                                           or d.anaphoric and d.type is MEETING)]
        day = next((d.date for d in reversed(told) if d.date), None)
        persons = list(dict.fromkeys(p.entity for d in told if d.date in (None, day) for p in d.participants
                                     if p.entity.startswith(PERSON_PREFIX)))
        return (persons, day) if persons else None

    def each_of(self, around: Around) -> bool:
        """"كلا من" or "كل من" opens what follows the trigger, within EACH_REACH words."""
        return each_at(self.words_in(around.span.end, around.right)[:EACH_REACH]) is not None

    def hosting_place(self, around: Around) -> str | None:
        """A country or city named, not as a place, within HOST_PLACE_WORDS words
        before a verb of receiving, as its subject ("تستقبل تونس", "وتستعد الجزائر لاستقبال")."""
        if not around.before:
            return None
        mention = around.before[-1]
        if mention.kind is not NAME_MENTION or mention.type not in (COUNTRY, CITY) \
                or self.locative(mention, destination=True) \
                or around.trigger.first - self.token_at(mention.span.end - 1) > HOST_PLACE_WORDS \
                or self.dateline is not None and self.dateline.contains(mention.span):
            return None   # "تونس - استقبل وزير الخارجية": the dateline's place is the newsroom's
        between = self.doc.text[mention.span.end:around.span.start]
        return None if any(not char.isalnum() and not char.isspace() for char in between) \
            else self.entity_of(mention).id

    def object_pronoun(self, trigger: Trigger) -> bool:
        """The pronoun glued to the trigger is the verb's object ("استقبله"), not
        the possessor of a verbal noun ("استقباله": his reception), but after "في"
        ("وكان في استقباله X": X received him)."""
        return self.word_before(trigger.first) in IN or not any(
            strip_article(stem).startswith(VERBAL_NOUN_OF_HOSTING) for _, stem in stems(self.doc.tokens[trigger.first].norm))

    def award_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"اختيار المغرب لتنظيم ...": the host chosen is named before the trigger; no place."""
        named = [m for m in around.before if m.type in (COUNTRY, CITY, ORGANISATION)
                 and m.kind is NAME_MENTION]
        places = [m for m in named if m.type is not ORGANISATION]
        bodies = [m for m in named if m.type is ORGANISATION]
        # "احتضان مراكش دورتها المقبلة": the place right after the noun hosts; "منح تنظيم
        # مونديال 2030 للمغرب وإسبانيا": the states it is given to, behind ل
        hosts = self.award_hosts_after(around) or places[-1:]
        for mention in hosts:
            draft.add(self.entity_of(mention).id, HOST)
        draft.place = None
        vote = None
        if bodies:
            draft.add(self.entity_of(bodies[-1]).id)   # the body that chose, or the one chosen
        else:
            vote = self.vote_after(draft, around)
        # what is hosted is told before the vote: the body voting hosts nothing
        self.hosted_object(draft, [m for m in around.after if vote is None or m.span.start < vote])
        return draft

    def vote_after(self, draft: Draft, around: Around) -> int | None:
        """"فاز المغرب بتنظيم كأس إفريقيا، إثر تصويت اللجنة التنفيذية للاتحاد في
        القاهرة", "بقرار من اللجنة الدولية": the body that voted or decided after
        the award chose the host, where it voted.  Returns where the vote's word
        starts, when a body follows it, else None."""
        tokens = self.doc.tokens
        last = self.token_at(around.right - 1) if around.right > around.span.end else around.trigger.last
        vote = next((i for i in range(around.trigger.last, last + 1)
                     if any(strip_article(stem) in _VOTE_NOUNS for _, stem in stems(tokens[i].norm))), None)
        if vote is None:
            return None
        reach = tokens[min(vote + VOTE_REACH, len(tokens) - 1)].span.end
        body = next((m for m in around.after if m.type is ORGANISATION and m.kind is NAME_MENTION
                     and tokens[vote].span.end <= m.span.start < reach), None)
        if body is None:
            return None
        organ = self.entity_of(body)
        draft.add(organ.part_of or organ.id)   # "تصويت الجمعية العامة للمكتب": the body whose organ voted
        draft.place = self.place_in([m for m in around.after if m.span.start >= body.span.end])
        return tokens[vote].span.start

    def award_hosts_after(self, around: Around) -> list[Mention]:
        """The country or city right after a noun of hosting, its agent ("احتضان
        مراكش"), or the countries and cities behind ل after what is to be hosted,
        listed with و ("منح تنظيم مونديال 2030 للمغرب وإسبانيا والبرتغال")."""
        tokens = self.doc.tokens
        places = [m for m in around.after if m.type in (COUNTRY, CITY) and m.kind is NAME_MENTION]
        if not places:
            return []
        last = around.trigger.last
        if self.token_at(places[0].span.start) == last or self.token_at(places[0].span.start) == last + 1 \
                and strip_article(tokens[last].norm) in _CITY_HEADS:
            return places[:1]   # "احتضان مراكش", "أن تحتضن العاصمة نواكشوط"
        first = self.token_at(places[0].span.start)
        if not (places[0].span.start > tokens[first].span.start and tokens[first].norm.startswith(PREPOSITION_LAM)):
            return []
        listed = places[:1]
        for mention in places[1:]:
            if without_commas(self.doc.text[listed[-1].span.end:mention.span.start]) not in ("", CONJUNCTION_WA):
                break
            listed.append(mention)
        return listed
