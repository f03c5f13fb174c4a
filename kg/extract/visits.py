"""The frames of visits: a visit told by a verb or a noun ("زار", "زيارة"), a
journey to a place ("توجه إلى"), a tour of several stops ("جولة تشمل") and an
arrival ("حل ب"); who the visitor is and which place, or places, he visits.
``VisitFrames`` is a part of kg.extract.frames's ``FrameFiller``, whose
readers of the words around a trigger it uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from kg.extract.cameo import COUNTRY_PREFIX, place_country, side_homes
from kg.extract.context import COMPLEMENTIZERS, DURING, ON, OPENING_WORDS, ORIGIN, PERSON_REACH, without_commas
from kg.extract.dates import ordinal_value
from kg.extract.drafts import Around, Draft
from kg.extract.gazetteer import CAPITAL_SOURCE
from kg.extract.lexicon import function_word, function_words, word_key
from kg.extract.triggers import IN, TOWARDS, Trigger
from kg.extract.walker import ALEF_MAQSURA, COMMAS, LOCATIVES
from kg.link.people import PeopleIndex
from kg.model import ADJECTIVE_MENTION, CITY, COUNTRY, GUEST, MEETING, NAME_MENTION, PERSON, ROLE_MENTION, VISIT, VISITOR, Entity, Mention, Participant
from kg.native import trait
from kg.text.clitics import (ARTICLE, ARTICLE_AFTER_LAM, CONJUNCTION_WA, DUAL_PRONOUN_SUFFIX, FEMININE_ENDING, FEMININE_PRONOUN_SUFFIX, PREPOSITION_BA,
                             PREPOSITION_LAM, PRONOUN_SUFFIXES, definite, stems, strip_article)
from kg.text.normalize import normalize_for_matching

# word keys matched as a word's start ("انتخابه") or end ("بزيارة"): str.startswith and endswith take tuples
VISIT_NOUN_ENDINGS: Final = tuple(sorted(function_words("visit_noun")))
_THE_COUNTRY: Final = function_word("the_country")   # "البلاد"
_DELEGATIONS: Final = function_words("delegation")
DELEGATION_MAKEUP: Final = function_words("delegation_makeup")   # "من", "برئاسة", "رفيع المستوى": how a delegation is told
_GUESTS: Final = function_words("guest")
GUEST_NOUNS: Final = function_words("guest_noun")   # "الضيف": the visitor of the last visit told
GUEST_SUBJECT_BEFORE: Final = 2   # words before it ("وكان الضيف قد وصل")
GUEST_SUBJECT_AFTER: Final = 2   # words after a verb of visiting in which "الضيف" is its subject ("يزور الضيف غدا")
_TO: Final = function_words("to")
_EACH: Final = function_words("each")   # "كلا من X وY": each one of them
_EACH_TEXT: Final = min(_EACH, key=len)   # in the normalised text, all of them
ARRIVE_REACH: Final = 10        # words after "حل" in which the place it arrives at stands
ARRIVE_TITLE_WORDS: Final = 4   # words between "حل" and the name of who arrives (his title)
_INCLUDING: Final = function_words("including")   # "تشمل", "ضمت"
_TEMPORAL: Final = function_words("temporal")   # "قبل أن يزور", "بعد أن زار"
_OPENING_STEM: Final = function_word("starting_with")   # "استهلها بمصر", "يستهلها" (behind the imperfect's ي: "ستهل")
VISIT_NOUN_STEM: Final = function_word("visit_noun").removesuffix(FEMININE_ENDING)   # "زيار": "زيارة", "زيارته"
_VISIT_VERB_ROOT: Final = "ز"      # the first letter of the root: "زار", "يزور", "سيزوران", the verbs of visiting proper
# titles that stand alone for the one who holds them when the text has named him ("زيارة الرئيس")
_BARE_TITLES: Final = function_words("bare_title")
ORDINAL_REACH: Final = 5   # words after a visit noun in which its ordinal agrees with it, its visitor's name between
# "الرابعة", "الأولى": ta marbuta and alef maqsura as normalised (the latter reads as ي)
_FEMININE_ORDINAL_ENDINGS: Final = (FEMININE_ENDING, normalize_for_matching(ALEF_MAQSURA))
_AUXILIARIES: Final = function_words("auxiliary")
RELATIVE_SUBJECT_WORDS: Final = 8   # words after a visit noun in which its relative clause names the visitor, title and all
# "بلاده", "بلادها", behind إلى or ل: the country of the one the pronoun stands for
PRONOUN_HA: Final = "ها"   # suffix of the pronoun "زارها": her, or it (a country, a city)
_THEIR_COUNTRY: Final = frozenset(prefix + _THE_COUNTRY + suffix for prefix in ("", PREPOSITION_LAM, ARTICLE_AFTER_LAM)
                           for suffix in PRONOUN_SUFFIXES if suffix != DUAL_PRONOUN_SUFFIX)


def each_at(words: list[tuple[int, str]]) -> int | None:
    """Where "كلا من" or "كل من" stands among (offset, word key) pairs, or None."""
    return next((n for n in range(len(words) - 1) if words[n][1] in _EACH and words[n + 1][1] in ORIGIN), None)


@trait
class VisitFrames:
    """The visit frames of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""
    _mention_tokens: set[int] | None

    def visit_frame(self, draft: Draft, around: Around) -> Draft | None:
        """The visitor is the subject or the person the noun is construed with;
        the place visited is the nearest one after the trigger."""
        trigger = around.trigger
        draft.ordinal = self.visit_ordinal(trigger, around)
        if self.delegation_antecedent(trigger) and not self.delegation(around.sentence.span.start, around.span.start):
            return None   # "الوفد الذي زار العراق" with no delegation told: no one
        if self.visit_of_one_unnamed(around):
            return None   # "بعد أسبوعين من زيارة نظيره العراقي إلى عمان": someone the article names not
        visitor = self.main_subject_before_then(around) \
            or self.implied_visitor(draft, around, self.named_visitor(draft, around))
        if visitor is None and self.pair_told(around):
            for entity_id in self.last_two_persons(around):   # "زار الأميران مدينة جرش"
                draft.add(entity_id, VISITOR)
        if visitor:
            draft.add(visitor, VISITOR)
            met = self.person_visited(around, visitor)
            if met is not None:
                # "زار الوزير X رئيس مجلس النواب Y في عين التينة": visiting a person is meeting him
                draft.type = MEETING
                draft.participants = [Participant(visitor), Participant(met)]
                draft.place = self.place_in([m for m in around.after if m.type.is_place and m.kind is NAME_MENTION
                                             and self.locative(m)])
                return draft
        return self.with_place_visited(draft, around)

    def visiting_verb(self, trigger: Trigger) -> bool:
        """The trigger is a verb of visiting proper ("زار", "يزور", "سيزوران"), not a
        noun ("زيارة") nor a verb of travelling ("وصل", "توجه")."""
        stem = strip_article(self.trigger_word(trigger))
        return trigger.frame == "visit" and _VISIT_VERB_ROOT in stem and not stem.startswith(VISIT_NOUN_STEM)

    def named_after_a_thing(self, mention: Mention, verb: int) -> bool:
        """A name in construct with a plain word before it ("سد المختار السوسي", "ضريح
        محمد الخامس"): a thing named after the person, not the person; the verb
        (token ``verb``) or a post or honorific before it is his."""
        index = self.token_at(mention.span.start)
        if index == 0 or index - 1 == verb or mention.span.start != self.doc.tokens[index].span.start:
            return False
        before = self.doc.tokens[index - 1]
        return before.norm[:1].isalpha() and not definite(before.norm) and not self.in_post(before)

    def main_subject_before_then(self, around: Around) -> str | None:
        """"التقى X الرئيس Y، قبل أن يزور Z": a verb after "قبل أن" or "بعد أن" with no
        subject of its own has the sentence's first person, its main clause's subject."""
        first = around.trigger.first
        if first < 2 or self.word_before(first) not in COMPLEMENTIZERS or self.word_before(first - 1) not in _TEMPORAL \
                or self.doc.tokens[first].norm.endswith(VISIT_NOUN_ENDINGS):
            return None
        after = self.named_after(around)
        if after and after[0].type is PERSON and len(after) > 1 and (
                after[1].type is PERSON or after[1].type in (COUNTRY, CITY) and not self.locative(after[1])):
            return None   # "قبل أن يزور الوزير X الجزائر": a subject of its own
        return self.current_actor(around)   # its first person, or "الضيف" opening it

    def named_after(self, around: Around) -> list[Mention]:
        """The mentions after the trigger that may be its subject or object: no state's
        adjective and nothing inside a post ("رئيس الحكومة اللبنانية")."""
        return [m for m in around.after if m.kind is not ADJECTIVE_MENTION and not self.in_post(m)]

    def person_visited(self, around: Around, visitor: str) -> str | None:
        """The person a verb of visiting takes for its object ("زار X رئيس مجلس النواب Y",
        "قبل أن يزور رئيس الحكومة Y"): the first name after the verb and its subject,
        no place before it; None for a visit to a place."""
        if not self.visiting_verb(around.trigger) or around.sentence.is_headline:
            # "زيارة", "زيارته": a noun, construed with its visitor; "وصل X": no object; a
            # headline's "X يزور Y" sums up a visit the body tells
            return None
        after = self.named_after(around)
        for number, mention in enumerate(after):
            if mention.type is not PERSON or mention.kind is not NAME_MENTION \
                    or self.named_after_a_thing(mention, around.trigger.last - 1):
                return None   # a named person ("نظيره الروسي" may be read as the wrong one)
            entity_id = self.entity_of(mention).id
            if entity_id != visitor:
                following = after[number + 1] if number + 1 < len(after) else None
                if following is not None and following.type in (COUNTRY, CITY) and not self.locative(following):
                    return None   # "قبل أن يزور الوزير X الجزائر": he visits the place
                return entity_id
        return None

    def guest_before(self) -> str | None:
        """The visitor of the last visit told, else the guest of the last reception."""
        for draft in reversed(self.drafts):
            if draft.type is VISIT and draft.participants:
                return draft.participants[0].entity
            guest = next((p.entity for p in draft.participants if p.role is GUEST), None)
            if draft.type is MEETING and guest is not None:
                return guest
        return None

    def visit_of_one_unnamed(self, around: Around) -> bool:
        """A visit noun in construct with a counterpart or a post that names no one
        here ("زيارة نظيره العراقي" with no Iraqi named): its visitor is that one."""
        trigger = around.trigger
        noun = self.doc.tokens[trigger.first].norm
        if trigger.last >= len(self.doc.tokens) or not noun.endswith(VISIT_NOUN_ENDINGS) \
                or definite(noun):
            return False
        following = self.doc.tokens[trigger.last].span.start
        at = [m for m in self.doc.mentions if m.span.start == following and m.type is PERSON]
        return bool(at) and all(m.kind is ROLE_MENTION and m.span not in self.mention_entity for m in at)

    def named_visitor(self, draft: Draft, around: Around) -> str | None:
        """The visitor named in the sentence: the subject, the one the noun is
        construed with or refers back to, a relative clause's antecedent."""
        trigger, actors_after = around.trigger, around.actors_after
        # "خلال هذه الزيارة رئيس الجمهورية": a visit referred back to names no visitor after it
        visitor = around.subject_id or (around.rest[0] if around.rest and not draft.anaphoric else None)
        if self.definite_during(trigger):
            # "أن يلتقي اليوم خلال الزيارة التي لم يعلن عنها، مع X": the visit under way,
            # told before; who is named after it is met, not its visitor
            visitor = around.subject_id
        antecedent = self.person_antecedent(trigger)
        if antecedent is not None:
            visitor = antecedent   # "مباحثات مع نظيره X الذي يؤدي زيارة عمل إلى تونس": X visits
        if self.delegation_antecedent(trigger):
            # "استقبل الرئيس X الوفد الصحفي التونسي الذي زار العراق": the delegation visited
            visitor = next(iter(self.delegation(around.sentence.span.start, around.span.start)), None)
        told_of = self.visitor_after_lam(trigger)
        if told_of is not None:
            visitor = self.entity_of(told_of).id   # "الزيارة الرابعة للسيسي إلى العاصمة الروسية"
        if trigger.suffixed and not around.actors_before and around.actors_after and self.opens_sentence(around):
            # "وخلال زيارته للولايات المتحدة الأسبوع الماضي قدم ماكرون ...": the pronoun
            # of a visit opening the sentence stands for the subject of its main clause
            visitor = self.entity_of(around.actors_after[0]).id
        if self.visit_as_object(trigger) and actors_after \
                and self.token_at(actors_after[0].span.start) - trigger.last <= RELATIVE_SUBJECT_WORDS:
            # "وصف مكتب ماي الزيارة التي يبدأها ولي العهد السعودي": the clause's subject visits
            visitor = self.entity_of(actors_after[0]).id
        if around.actors_before and self.invited_by(around.actors_before[-1]):
            # "تشرفت بتلبية دعوة الوزير X لزيارة المركز": X invites; the visitor is the one before
            earlier = around.actors_before[-2:-1]
            visitor = self.entity_of(earlier[0]).id if earlier else self.last_actor
        # "بزيارة الرئيس الصيني": after the noun, the visitor is the person it is construed with
        # (a noun in construct has no article: "هذه الزيارة الرئيس" is not the president's)
        noun = self.doc.tokens[trigger.first].norm
        if noun.endswith(VISIT_NOUN_ENDINGS) and not definite(noun) \
                and actors_after and (self.adjacent(trigger, actors_after[0]) or self.holds_post_at(actors_after[0], trigger.last)):
            # "زيارة وزير الخارجية المصري سامح شكري إلى تونس": the post, then its holder
            visitor = self.entity_of(actors_after[0]).id
        elif noun.endswith(VISIT_NOUN_ENDINGS) and not definite(noun):
            # "أثناء زيارة الرئيس إلى لندن": a bare title in construct names the one person
            # told before who holds a post of that title
            visitor = self.bare_title_holder(trigger.last, around) or visitor
        return visitor

    def implied_visitor(self, draft: Draft, around: Around, visitor: str | None) -> str | None:
        """The visitor ``visitor`` stands for, or, when none is named, the one the
        pronoun or the dropped subject refers back to, a delegation's state or
        body, the subject of the main clause after a visit opening the sentence."""
        trigger = around.trigger
        if visitor is None and self.last_actor and trigger.suffixed and not self.hers_of_a_man(trigger):
            visitor = self.last_actor  # "زيارته"; "هذه الزيارة" only refers back to a visit told
        if visitor is None and self.antecedent_place(around):
            visitor = self.current_actor(around)   # "وصل X إلى لندن قادما من مصر التي زارها"
        if visitor is None and self.visit_as_object(trigger):
            # "مذكرا بنجاح الزيارة التي كان قد أداها إلى عمان": the clause names no one,
            # its dropped subject is the one the sentence is about
            visitor = self.current_actor(around)
        if visitor is None and not around.actors_before and self.visits_place_next(around):
            # "ثم يزور ماليزيا": the subject dropped is the one told before, or the one its sentence
            # opened with ("وكان الوزير قد وصل إلى الرياض، وزار أمس مركز العمليات")
            visitor = self.current_actor(around)
        if any(word in GUEST_NOUNS for _, word in self.words_in(around.span.end, around.right)[:GUEST_SUBJECT_AFTER]
               + self.words_in(around.sentence.span.start, around.span.start)[-GUEST_SUBJECT_BEFORE:]):
            # "أن يزور الضيف غدا الكلية", "ووصل الضيف إلى عمان", "وكان الضيف قد وصل": the visitor of the last visit told,
            # else the guest of the last reception
            visitor = self.guest_before() or visitor
        if visitor is None and trigger.clitic.endswith(PREPOSITION_BA) and self.place_object(around):
            visitor = self.current_actor(around)   # "أنهى X جولته في المنطقة بزيارة الكويت"
        if not self.visits_place_next(around) and self.delegation_after(trigger):
            # "زيارة وفد عسكري من حزب الله إلى تندوف": the noun's visitor is the delegation
            visitor = next(iter(self.delegation(around.span.end, around.right, first_words=2)), visitor)
        if visitor is None and not draft.anaphoric:
            # "وصل وفد مصري إلى الخرطوم", "وفد من حماس يزور القاهرة": the delegation's state or body
            visitor = next(iter(self.delegation(around.span.end, around.right, first_words=2)
                                or self.delegation(around.sentence.span.start, around.span.start)), None)
        if visitor is None and not draft.anaphoric and self.opens_sentence(around):
            # "بعد زيارة ناجحة إلى واشنطن الأسبوع الماضي، يصل الرئيس X": a visit opening the
            # sentence, set off by a comma, is made by the subject of its main clause
            visitor = self.main_clause_subject(around)
        return visitor

    def with_place_visited(self, draft: Draft, around: Around) -> Draft:
        """The places listed after the trigger (one visit to each), else the
        nearest one after it that is no origin, airport of arrival or post's."""
        trigger = around.trigger
        if self.to_the_country(around):
            # "وكان وزير الخارجية الكويتي قد وصل إلى البلاد": the newsroom's country
            place = self.the_newsrooms_country()
            if place is not None:
                draft.place = place
                return draft
        listed = self.listed_places(around) or self.listed_destinations(around)
        if listed:
            draft.place, draft.stops = listed[0], tuple(listed[1:])   # one visit to each
            return draft
        # the place visited is the nearest one after the trigger, not where the visitor comes from
        destinations = [m for m in around.after if m.type.is_place
                        and (m.kind is NAME_MENTION or m.source == CAPITAL_SOURCE)
                        and not self.after_origin(m) and not self.arrival_venue(m) and not self.in_post(m)]
        place = self.place_in(destinations[:1], destination=True)
        if place is None and destinations and (self.adjacent(trigger, destinations[0])
                                               or self.object_after_subject(around, destinations[0])) \
                and not self.discussed(destinations[0]):
            # "زار الجزائر خلال حملته، ما أثار جدلا في فرنسا", "سيزور كيري من 6 إلى 8 أغسطس، فيتنام التي
            # تحتفل ... بين هانوي وواشنطن": the verb's object, before any place after "في"
            place = self.entity_of(destinations[0]).id
        if place is not None and place == self.entity_of(destinations[0]).id:
            # and the places listed after it ("تزور X تونس في 3 مارس والقاهرة"): one visit to each
            objects = destinations[:1]
            for mention in destinations[1:]:
                if mention.type not in (COUNTRY, CITY) or not self.listed_after(objects[-1], mention):
                    break
                objects.append(mention)
            draft.stops = tuple(dict.fromkeys(self.entity_of(m).id for m in objects[1:]))
        if place:
            draft.place = place
            return draft
        place = self.possessors_country(draft, around) or self.antecedent_place(around)
        if place:
            draft.place = place   # "الزيارة التي يبدأها ولي العهد إلى بلادها"
            return draft
        # an airport is where the visitor lands or is received, not the place visited; the
        # city it is named after is ("وصل X إلى مطار أبوظبي الدولي")
        place = self.place_in([m for m in around.after if not self.arrival_venue(m)]) \
            or self.city_of_airport([m for m in around.after if self.arrival_venue(m)][:1])
        if place is None and destinations and (self.adjacent(trigger, destinations[0])
                                               or self.object_after_subject(around, destinations[0])):
            place = self.entity_of(destinations[0]).id   # "يزور إسرائيل"; discussed, it is still the object
        draft.place = place or self.place_in([m for m in around.before if not self.arrival_venue(m)]) \
            or self.home_of_visited(around) or self.the_country_received_in(around)
        return draft

    def city_of_airport(self, airports: list[Mention]) -> str | None:
        """The city named inside the first airport ("مطار أبوظبي الدولي"), or None."""
        for airport in airports:
            # (a mention inside another, which the readers of outermost mentions skip)
            inside = next((m for m in self.doc.mentions if m.type is CITY and m.kind is NAME_MENTION
                           and airport.span.start <= m.span.start and m.span.end <= airport.span.end), None)
            if inside is not None and self.entity_of(inside).id in self.entities:
                return self.entity_of(inside).id
        return None

    def to_the_country(self, around: Around) -> bool:
        """"البلاد" right after the trigger or after "إلى" after it ("وصل إلى البلاد")."""
        tokens, last = self.doc.tokens, around.trigger.last
        at = last + 1 if last < len(tokens) and tokens[last].norm in TOWARDS else last
        return at < len(tokens) and strip_article(tokens[at].norm) == _THE_COUNTRY

    def the_newsrooms_country(self) -> str | None:
        """The state of the city a wire's dateline names ("مسقط في 15 أكتوبر /العمانية/"),
        when the article names it."""
        if self.dateline is None:
            city = self.dateline_city()   # a wire's: "مسقط في 15 أكتوبر /العمانية/"
        else:   # a newsroom's: "دبي - (CNN)"
            mention = next((m for m in self.in_range(self.dateline.start, self.dateline.end)
                            if m.type is CITY and m.kind is NAME_MENTION), None)
            city = self.entity_of(mention).id if mention is not None else None
        state = place_country(self.doc, city) if city is not None else None
        return state if state in self.entities else None

    def the_country_received_in(self, around: Around) -> str | None:
        """"استقبل الرئيس X الوزير Y الذي يزور البلاد حاليا": "البلاد" right after the
        verb is the country of the one the sentence opens with, when it is the one
        country he holds posts in, named in the article."""
        last = around.trigger.last
        if last >= len(self.doc.tokens) or strip_article(self.doc.tokens[last].norm) != _THE_COUNTRY:
            return None
        persons = [m for m in self.in_range(around.sentence.span.start, around.span.start) if m.type is PERSON]
        if not persons:
            return None
        host = self.entity_of(persons[0])
        return self.home_country(host)

    def opens_sentence(self, around: Around) -> bool:
        """The trigger opens its sentence behind at most OPENING_WORDS function
        words ("وخلال", "وفي أثناء") and no person is named before it."""
        first = around.sentence.tokens[0]
        return around.trigger.first - first <= OPENING_WORDS and not any(
            m.type is PERSON for m in self.in_range(around.sentence.span.start, around.span.start))

    def home_country(self, person: Entity) -> str | None:
        """The one country, named in the article, that a person holds posts in, as
        the article or the people gazetteer says (None for none or several)."""
        homes = {home for home in self.homes(person) if home.startswith(COUNTRY_PREFIX) and home in self.entities}
        return next(iter(homes)) if len(homes) == 1 else None

    def homes(self, person: Entity) -> set[str]:
        """Where a participant is at home (kg.extract.cameo.side_homes), with the
        countries the people gazetteer knows a linked person held posts in."""
        return side_homes(person) | self.holder_countries(person.id)

    def holder_countries(self, entity_id: str) -> frozenset[str]:
        """The countries a person linked to the people gazetteer held posts in
        ("person:mohammed-bin-zayed": the Emirates), though the article names none."""
        holder = PeopleIndex.bundled().holders.get(entity_id)
        return holder.countries if holder is not None else frozenset()

    def antecedent_place(self, around: Around) -> str | None:
        """"وصل إلى لندن قادما من مصر التي زارها": the country or city right before
        the relative pronoun of a visiting verb with an object pronoun."""
        trigger = around.trigger
        relative = self.relative_before(trigger.first)
        if relative is None or relative == 0 or not self.doc.tokens[trigger.last - 1].norm.endswith(PRONOUN_HA):
            return None
        place = next((m for m in reversed(around.before) if m.type in (COUNTRY, CITY)
                      and m.kind is NAME_MENTION), None)
        if place is None or self.token_at(place.span.end - 1) + 1 != relative:
            return None
        return self.entity_of(place).id

    def possessors_country(self, draft: Draft, around: Around) -> str | None:
        """"وصف مكتب ماي الزيارة التي يبدأها ولي العهد إلى بلادها": "her country"
        after the trigger is the one country the last person named before it, not
        the visitor, holds posts in."""
        if _THEIR_COUNTRY.isdisjoint(self.keys_in(around.span.end, self.clause_end(around))):
            return None
        persons = [self.entity_of(m) for m in around.actors_before]
        owner = next((p for p in reversed(persons) if p.id not in draft.people), None)
        if owner is None:
            return None
        return self.home_country(owner)

    def home_of_visited(self, around: Around) -> str | None:
        """"ظريف يزور الأسد": a visit to a person, the verb's object right after it,
        goes to the one country he holds posts in, as the article or the people gazetteer
        says, when the article names it."""
        trigger = around.trigger
        if not self.visiting_verb(trigger) or not around.actors_before or not around.actors_after or not self.adjacent(trigger, around.actors_after[0]):
            return None   # SVO only: after the verb of "يزور الرئيس X تونس" comes its subject
        return self.home_country(self.entity_of(around.actors_after[0]))

    def definite_during(self, trigger: Trigger) -> bool:
        """A definite visit noun right after "خلال" or "أثناء" ("خلال الزيارة")."""
        return self.word_before(trigger.first) in DURING and not trigger.suffixed \
            and self.doc.tokens[trigger.first].norm.startswith(ARTICLE)

    def person_antecedent(self, trigger: Trigger) -> str | None:
        """The person a relative clause of visiting is about, named right before its
        pronoun ("X الذي يؤدي زيارة", "X التي تقوم بزيارة", "X الذي يزور")."""
        tokens = self.doc.tokens
        relative = self.relative_before(trigger.first)
        if relative is None or relative == 0:
            return None
        before = [m for m in self.in_range(max(0, tokens[relative].span.start - PERSON_REACH), tokens[relative].span.start)
                  if m.type is PERSON]
        if not before:
            return None
        gap = relative - self.token_at(before[-1].span.end - 1) - 1   # "X، الذي يحل": a comma between
        if gap > 1 or gap == 1 and not self.doc.tokens[relative - 1].norm in COMMAS:
            return None
        return self.entity_of(before[-1]).id

    def visit_ordinal(self, trigger: Trigger, around: Around) -> int | None:
        """Which visit the noun tells, by the feminine ordinal that agrees with it within
        ORDINAL_REACH words ("الزيارة الرابعة للسيسي", "زيارة السيسي الأولى إلى روسيا");
        "الوزير الأول" after it is a post, masculine."""
        tokens = self.doc.tokens
        end = min(trigger.last + ORDINAL_REACH, around.sentence.tokens[1])
        for index in range(trigger.last, end):
            norm = tokens[index].norm
            if norm in COMMAS or norm in _TO:
                return None
            if norm.startswith(ARTICLE) and norm.endswith(_FEMININE_ORDINAL_ENDINGS) and not norm[-1].isdigit():
                found = ordinal_value(tokens, index, end)
                if found is not None:
                    return found[0]
        return None

    def visit_as_object(self, trigger: Trigger) -> bool:
        """A relative clause after the visit whose verb takes it as its object
        ("التي يبدأها", "التي يقوم بها"): the verb's subject makes it; not "التي
        تتواصل يومين", whose subject is the visit."""
        tokens = self.doc.tokens
        relative = self.relative_after(trigger)
        if relative is None or relative + 1 >= len(tokens):
            return False
        verb = relative + 1
        while verb + 1 < len(tokens) and tokens[verb].norm in _AUXILIARIES:
            verb += 1   # "الزيارة التي كان قد أداها"
        return tokens[verb].norm.endswith(FEMININE_PRONOUN_SUFFIX) \
            or verb + 1 < len(tokens) and tokens[verb + 1].norm == PREPOSITION_BA + FEMININE_PRONOUN_SUFFIX

    def main_clause_subject(self, around: Around) -> str | None:
        """The first person named after the first comma that follows the trigger in
        its sentence, with no other person between: the subject of the main clause."""
        comma = next((offset for offset, word in self.words_in(around.span.end, around.sentence.span.end)
                      if word in COMMAS), None)
        if comma is None:
            return None
        persons = [m for m in self.in_range(around.span.end, around.sentence.span.end) if m.type is PERSON]
        return self.entity_of(persons[0]).id if persons and persons[0].span.start > comma else None

    def bare_title_holder(self, index: int, around: Around) -> str | None:
        """The person a bare definite title at ``index`` stands for ("الرئيس", "الوزير"
        with nothing after it that names an organisation or a person): the one person
        named before in the text whose post opens on that title."""
        tokens = self.doc.tokens
        if index >= len(tokens) or index in self.mention_tokens or not tokens[index].norm.startswith(ARTICLE):
            return None
        title = strip_article(tokens[index].norm)
        if title not in _BARE_TITLES:
            return None
        # one in its own sentence first, else one in all the text before it
        for start in (around.sentence.span.start, 0):
            holders = {entity_id for entity_id in (self.entity_of(m).id for m in self.in_range(start, around.span.start)
                                                   if m.type is PERSON and m.kind is not ROLE_MENTION)
                       if any(strip_article(word_key(post.title.split()[0])) == title
                              for post in self.entities[entity_id].posts if post.title)}
            if holders:
                return next(iter(holders)) if len(holders) == 1 else None
        return None

    @property
    def mention_tokens(self) -> set[int]:
        """The tokens any mention covers, counted once (FrameFiller sets the
        attribute: a cached_property would write the instance's __dict__, and a
        finder's __dict__ once asked for costs each later attribute read)."""
        if self._mention_tokens is None:
            self._mention_tokens = self.doc.covered_tokens([m.span for m in self.mentions])
        return self._mention_tokens

    def object_after_subject(self, around: Around, mention: Mention) -> bool:
        """The place follows the verb's subject named right after the verb, its
        title and all ("سيزور الرئيس سامي العلوي تونس", VSO), or its time ("سيزور
        كيري من 6 إلى 8 أغسطس، فيتنام")."""
        if self.delegation_subject(around, mention):
            return True
        subject = next((m for m in around.actors_after if m.span.end <= mention.span.start), None)
        if subject is None or not (self.adjacent(around.trigger, subject)
                                   or self.holds_post_at(subject, around.trigger.last)):
            return False   # "يزور رئيس الوزراء الهندي ناريندرا مودي الإمارات": his post first
        return not without_commas(self.without_times(subject.span.end, mention.span.start))

    def delegation_subject(self, around: Around, mention: Mention) -> bool:
        """The verb's subject is a delegation right after it, told with the body it
        comes from and who leads it, and the place follows ("ويزور وفد من الكونغرس
        الأمريكي برئاسة السيناتور X إسرائيل"): nothing but names, posts and the
        words of a delegation's make-up between."""
        tokens = self.doc.tokens
        first = around.trigger.last
        if first >= len(tokens) or strip_article(tokens[first].norm) not in _DELEGATIONS:
            return False
        start = tokens[first].span.end
        spans = [m.span for m in self.in_range(start, mention.span.start)] + [
            post.span for post in self.doc.posts if start <= post.span.start < mention.span.start]
        return all(word in DELEGATION_MAKEUP or any(span.start <= offset < span.end for span in spans)
                   for offset, word in self.words_in(start, mention.span.start))

    def holds_post_at(self, person: Mention, index: int) -> bool:
        """The person holds a post written from token ``index`` up to his name."""
        if index >= len(self.doc.tokens):
            return False
        start = self.doc.tokens[index].span.start
        return any(post.holder == person.span and post.span.start == start for post in self.doc.posts)

    def delegation_after(self, trigger: Trigger) -> bool:
        """A visit noun in construct with a delegation: "زيارة وفد", "بزيارة وفدا"."""
        tokens = self.doc.tokens
        stem = strip_article(self.trigger_word(trigger))
        return stem.startswith(VISIT_NOUN_STEM) and trigger.last < len(tokens) \
            and strip_article(tokens[trigger.last].norm) in _DELEGATIONS

    def visits_place_next(self, around: Around) -> bool:
        """A verb of visiting ("يزور", "زار"; not "زيارة", nor "يصل", which also
        reaches a number) with the place it visits right after it ("ثم يزور ماليزيا")."""
        if not self.visiting_verb(around.trigger):
            return False
        return self.place_right_after(around, lambda m: m.type.is_place)

    def place_object(self, around: Around) -> bool:
        """A country or city is the visit noun's genitive, right after it ("بزيارة
        الكويت"), or right after the "إلى" that follows it ("بزيارة إلى الغابون")."""
        tokens, last = self.doc.tokens, around.trigger.last
        to = 1 if last < len(tokens) and strip_article(tokens[last].norm) in _TO else 0
        return any(m.type in (COUNTRY, CITY) and m.kind is NAME_MENTION
                   and self.token_at(m.span.start) == last + to for m in around.after)

    def place_right_after(self, around: Around, accepted: Callable[[Mention], bool]) -> bool:
        """A mention ``accepted`` opens on the token right after the trigger, or
        right after a time told there ("وزار أمس مركز العمليات")."""
        following = around.trigger.last
        if following + 1 < len(self.doc.tokens) and strip_article(self.doc.tokens[following].norm) in IN:
            following += 1   # "زار في يوليو": the time behind في
            if not any(t.span.start == self.doc.tokens[following].span.start for t in self.doc.times):
                following -= 1
        time = next((t for t in self.doc.times if t.span.start == self.doc.tokens[following].span.start), None) \
            if following < len(self.doc.tokens) else None
        if time is not None:
            following = self.token_at(time.span.end - 1) + 1
        tokens = self.doc.tokens
        if following + 1 < len(tokens) and each_at([(0, strip_article(tokens[index].norm))
                                                    for index in (following, following + 1)]) == 0:
            following += 2   # "زار في يوليو كلا من الصين وتركيا"
        return any(accepted(m) and self.token_at(m.span.start) == following for m in around.after)

    def travel_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"توجه الرئيس الفرنسي إلى أبوجا", "سافر إلى تونس": a visit to the place
        named right after "إلى" (else none: "متوجها إلى الشرق الأوسط"); the
        traveller is the subject named between, or before it, or after "أن"/"ل"
        ("قبل أن يتوجه إلى", "ليتوجه بعدها إلى") the sentence's first person."""
        words = self.words_in(around.span.end, around.right)
        towards = next((n for n, (_, word) in enumerate(words) if word in TOWARDS), None)
        if towards is None or towards + 1 >= len(words):
            return None
        next_word = words[towards + 1][0]
        destination = next((m for m in around.after if m.type.is_place and m.kind is NAME_MENTION
                            and self.token_at(m.span.start) == self.token_at(next_word)), None)
        if destination is None:
            return None
        between = [m for m in around.actors_after if m.span.start < words[towards][0]]
        trigger = around.trigger
        before = self.word_before(trigger.first)
        if between:
            # "توجه وزير الدفاع X ورئيس الأركان Y إلى موسكو": every subject travels
            for mention in between[1:]:
                draft.add(self.entity_of(mention).id, VISITOR)
            traveller = self.entity_of(between[0]).id
        elif PREPOSITION_LAM in trigger.clitic or before in COMPLEMENTIZERS:
            traveller = self.current_actor(around)
        elif trigger.suffixed:
            # "وكان X قد أعلن قبيل توجهه إلى إيران": the subject before it; none: the last actor
            traveller = around.subject_id or self.last_actor
        else:
            traveller = around.subject_id
        if traveller is None:
            # "وسيتوجه وفد وزاري تونسي إلى ليبيا": the delegation's state
            traveller = next(iter(self.delegation(around.span.end, words[towards][0], first_words=2)), None)
        if traveller is None:
            # "أن الوفد انتقل إلى سلطنة عمان": the delegation told before, its members or its side
            told = self.delegation_acting(trigger.first, trigger.last, around.sentence)
            traveller, others = (told[0], told[1:]) if told else (None, [])
            for entity_id in others:
                draft.add(entity_id, VISITOR)
        if traveller is None:
            return None
        place = self.entity_of(destination).id
        if traveller in self.entities and place_country(self.doc, place) in side_homes(self.entities[traveller]):
            return None   # "غادر الوزير الأردني القاهرة متوجها إلى عمان": home, no visit
        draft.participants.insert(0, Participant(traveller, VISITOR))
        draft.place = place
        return draft

    def tour_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"جولة خليجية تشمل الكويت وقطر", "في جولة يستهلها من مصر": a visit to each
        country or city named in the clause after it, behind a word of including
        or a locative; a round of talks ("جولة مباحثات") or a numbered round
        ("الجولة الثالثة") is none, and neither is a tour of a building."""
        clause_end = self.clause_end(around)
        stops: list[Mention] = []
        for mention in around.after:
            if mention.span.start >= clause_end or mention.kind is not NAME_MENTION \
                    or mention.type not in (COUNTRY, CITY) or self.after_origin(mention):
                continue
            # a stop is where the tour goes ("في بريطانيا", "تشمل الكويت"), or one listed after
            # one ("الكويت وقطر"); "حلفاء واشنطن" names none
            if self.locative(mention, destination=True) or self.after_including(mention) \
                    or stops and self.listed_after(stops[-1], mention):
                stops.append(mention)
        if not stops and self.included_before(around):
            # "وشملت جولة X السعودية وقطر": the verb of including before the tour, its objects after
            first = next((m for m in around.after if m.span.start < clause_end and m.kind is NAME_MENTION
                          and m.type in (COUNTRY, CITY) and not self.in_post(m)), None)
            stops = [first] if first is not None else []
            for mention in around.after:
                if stops and mention.span.start > stops[-1].span.start and mention.span.start < clause_end \
                        and mention.kind is NAME_MENTION and mention.type in (COUNTRY, CITY) \
                        and self.listed_after(stops[-1], mention):
                    stops.append(mention)
        listed = [] if stops else self.listed_places(around)   # "وشملت جولة X كلا من السعودية وقطر"
        if not stops and not listed:
            return None
        visitor = around.subject_id or (self.last_actor if around.trigger.suffixed else None) \
            or (around.rest[0] if around.rest else None)
        if visitor is None and self.opens_sentence(around):
            visitor = self.main_clause_subject(around)   # "ضمن جولة تشمل مصر والأردن، وصل الوزير X"
        if visitor is None:
            return None
        draft.add(visitor, VISITOR)
        places = list(dict.fromkeys(self.entity_of(m).id for m in stops)) or listed
        draft.place, draft.stops = places[0], tuple(places[1:])
        return draft

    def included_before(self, around: Around) -> bool:
        """A word of including right before the tour ("وشملت جولة X", "وتشمل الجولة")."""
        first = around.trigger.first
        return first > 0 and any(strip_article(stem) in _INCLUDING for _, stem in stems(self.doc.tokens[first - 1].norm))

    def after_including(self, mention: Mention) -> bool:
        """A word of including or opening stands within two words before the place
        ("تشمل الكويت", "يستهلها من مصر", "استهلها بمصر")."""
        index = self.token_at(mention.span.start)
        return any(strip_article(stem) in _INCLUDING or strip_article(stem).startswith(_OPENING_STEM)
                   for i in range(max(0, index - 2), index + 1) for _, stem in stems(self.doc.tokens[i].norm))

    def listed_after(self, previous: Mention, mention: Mention) -> bool:
        """The place follows the one before it in a list: only "و", a comma or
        the time of the one before between ("تونس في 3 مارس والقاهرة")."""
        return without_commas(self.without_times(previous.span.end, mention.span.start)) in ("", CONJUNCTION_WA)

    def without_times(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end``, the time expressions in it and the
        locative before one blanked ("في 3 مارس")."""
        text = self.doc.text[start:end]
        times = [time for time in self.doc.times if start <= time.span.start and time.span.end <= end]
        for time in times:
            text = text.replace(self.doc.text[time.span.start:time.span.end], " ")
        return " ".join(word for word in text.split() if not times or word not in LOCATIVES)

    def arrive_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"حل مبعوث الأمم المتحدة مارتن غريفيث بصنعاء", "حل الأمير X، في لندن"
        (GUIDE 2: "حل ب"): "حل" is also a solution, so it is a visit only with a
        person right after it or right before it and a place after, behind ب or في,
        within ARRIVE_REACH words."""
        trigger = around.trigger
        after = [m for m in around.actors_after if self.token_at(m.span.start) - trigger.last <= ARRIVE_TITLE_WORDS]
        before = [m for m in around.actors_before if self.token_at(m.span.end - 1) == trigger.first - 1]
        traveller = after[0] if after else before[-1] if before else None
        antecedent = self.person_antecedent(trigger) if traveller is None else None   # "X، الذي يحل بالمملكة"
        visitors = [self.entity_of(traveller).id] if traveller is not None else [antecedent] if antecedent \
            else self.arriving_delegation(around)
        if not visitors:
            return None
        opening = traveller.span.start if traveller is not None else around.span.end
        place = next((m for m in around.after if m.type.is_place and m.kind is NAME_MENTION
                      and m.span.start > opening and (self.locative(m) or self.guest_of(m))
                      and self.token_at(m.span.start) - trigger.last <= ARRIVE_REACH), None)
        if place is None:
            return None
        for entity_id in visitors:
            draft.add(entity_id, VISITOR)
        draft.place = self.entity_of(place).id
        return draft

    def arriving_delegation(self, around: Around) -> list[str]:
        """A delegation right after the verb ("حل وفد من الكونغرس بالرباط"); one told
        before ("يحل الوفد الموريتاني غدا بالقنيطرة", definite) is the visitors of the
        last visit of persons told, and the state its adjective names."""
        state = self.delegation(around.span.end, around.right, first_words=1)
        first = self.doc.tokens[around.trigger.last].norm
        if state or not first.startswith(ARTICLE) or strip_article(first) not in _DELEGATIONS:
            return state
        adjective = next((m for m in around.after if self.token_at(m.span.start) == around.trigger.last + 1
                          and m.type is COUNTRY and m.kind is ADJECTIVE_MENTION), None)
        visit = next((d for d in reversed(self.drafts) if d.type is VISIT and d.persons()), None)
        if adjective is None or visit is None:
            return []
        return visit.persons() + [self.entity_of(adjective).id]

    def guest_of(self, mention: Mention) -> bool:
        """The place follows "ضيفا على" ("حل الرئيس X ضيفا على الجزائر"): where he is the guest."""
        index = self.token_at(mention.span.start)
        tokens = self.doc.tokens
        return index >= 2 and strip_article(tokens[index - 1].norm) in ON \
            and strip_article(tokens[index - 2].norm) in _GUESTS

    def listed_places(self, around: Around) -> list[str]:
        """The countries and cities listed right after "كلا من" or "كل من" behind the
        trigger and its subject ("يزور الملك X كلا من السنغال وغينيا"): each one visited."""
        if _EACH_TEXT not in normalize_for_matching(self.doc.text[around.span.end:around.right]):
            return []   # most visits list no places so
        clause_end = self.clause_end(around)
        words = self.words_in(around.span.end, clause_end)
        at = each_at(words)
        if at is None or at + 2 >= len(words):
            return []
        places: list[Mention] = []
        for mention in around.after:
            if mention.span.start < words[at + 2][0] or mention.span.start >= clause_end:
                continue
            if mention.kind is not NAME_MENTION or mention.type not in (COUNTRY, CITY):
                break
            if places and not self.listed_after(places[-1], mention):
                break
            places.append(mention)
        return list(dict.fromkeys(self.entity_of(m).id for m in places))

    def listed_destinations(self, around: Around) -> list[str]:
        """Two countries or two cities or more listed right after "إلى" behind a visit
        noun ("بزيارة رسمية إلى المغرب و الجزائر"): one visit to each."""
        places = [m for m in around.after if m.type.is_place]
        first = next((n for n, m in enumerate(places) if self.after_to(m)), None)
        if first is None:
            return []
        listed = [places[first]]
        for mention in places[first + 1:]:
            if mention.kind is not NAME_MENTION or mention.type is not listed[0].type \
                    or not self.listed_after(listed[-1], mention):
                break
            listed.append(mention)
        if len(listed) < 2 or listed[0].kind is not NAME_MENTION or listed[0].type not in (
                COUNTRY, CITY):
            return []
        return list(dict.fromkeys(self.entity_of(m).id for m in listed))

    def after_to(self, mention: Mention) -> bool:
        """"إلى" is the word right before the mention."""
        return self.word_before(self.token_at(mention.span.start)) in _TO
