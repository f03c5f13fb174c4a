"""Events from triggers and their arguments.

``find_triggers`` finds trigger words sentence by sentence; ``frame_event``
fills one trigger's arguments from the entity mentions around it (the region
between the previous and the next trigger), by the trigger's frame; then
events that tell the same thing (the headline and the body, "هذه الزيارة")
are merged and missing places are inherited.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.extract.dates import ordinal_value
from kg.extract.lexicon import PhraseLexicon, function_words, read_tsv, word_key
from kg.text.clitics import ARTICLE, PREPOSITION_BA, PRONOUN_SUFFIXES, readings
from kg.model import (Document, Entity, EntityType, Event, EventType, Mention, MentionKind, Participant, Role,
                      Sentence, Span, TimeExpr, Token)

_GENERIC = function_words("generic")
NOMINAL_APPOINTMENT = ("تعيين", "انتخاب", "تنصيب")
VISIT_NOUN_ENDINGS = ("زياره",)  # normalised "زيارة", with any proclitic before it  # word keys: the verbal nouns name the appointee first
_AWARD_CUES = function_words("award_cue")
_DEMONSTRATIVES = function_words("demonstrative")
_LOCATIVES = function_words("locative")
_PLACE_ORDER = (EntityType.VENUE, EntityType.CITY, EntityType.COUNTRY)


@dataclass(frozen=True, slots=True)
class Trigger:
    first: int           # token range
    last: int
    type: EventType
    frame: str
    suffixed: bool       # "استقباله": the actor is a pronoun


@lru_cache(maxsize=1)
def trigger_lexicon() -> PhraseLexicon[tuple[EventType, str]]:
    return PhraseLexicon((row[0], (EventType(row[1]), row[2])) for row in read_tsv("triggers.tsv", 3))


def find_triggers(tokens: Sequence[Token], start: int, end: int, covered: set[int]) -> list[Trigger]:
    lexicon = trigger_lexicon()
    found = []
    index = start
    while index < end:
        if index in covered:
            index += 1
            continue
        match = lexicon.match_at(tokens, index, end)
        suffixed = False
        if match is None:
            for suffix in PRONOUN_SUFFIXES:
                norm = tokens[index].norm
                if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
                    stripped = Token(tokens[index].span, tokens[index].text[:len(tokens[index].text) - len(suffix)],
                                     norm[: -len(suffix)])
                    match = lexicon.match_at([stripped], 0, 1)
                    if match is not None:
                        match = replace(match, start=index, end=index + 1)
                        suffixed = True
                        break
        if match is None:
            index += 1
            continue
        event_type, frame = match.values[0]
        found.append(Trigger(match.start, match.end, event_type, frame, suffixed))
        index = match.end
    return [t for t in found if _plausible(tokens, t, start, end)]


def _plausible(tokens: Sequence[Token], trigger: Trigger, start: int, end: int) -> bool:
    before = [word_key(tokens[i].text) for i in range(max(start, trigger.first - 3), trigger.first)]
    if any(word in _GENERIC for word in before):
        return False  # "عقد العديد من اللقاءات": habitual, no identified parties
    if trigger.frame == "award":
        window = [word_key(tokens[i].text) for i in range(max(start, trigger.first - 4), trigger.first)]
        return any(word in _AWARD_CUES for word in window)
    if trigger.frame == "session":
        return _session_number(tokens, trigger.last, end) is not None
    return True


def _session_number(tokens: Sequence[Token], index: int, end: int) -> int | None:
    """The number of a session: "الدورة 91", "الدورة الـ91", "الدورة الحادية والتسعين",
    "الدورة العادية 13" (one word may stand between)."""
    for cursor in range(index, min(end, index + 2)):
        found = ordinal_value(tokens, cursor, end)
        if found is not None:
            return found[0]
    return None


@dataclass
class _Draft:
    type: EventType
    trigger: Span
    sentence: Span
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    parent: _Draft | None = None   # the conference it happened on the sidelines of
    session: int | None = None
    hosted: bool = False        # the conference a HostingAward is about
    anaphoric: bool = False     # "اللقاء", "هذه الزيارة": refers back to an event told before
    evidence: list[Span] = field(default_factory=list)

    def add(self, entity: str, role: Role | None = None) -> None:
        if all(p.entity != entity for p in self.participants):
            self.participants.append(Participant(entity, role))

    @property
    def people(self) -> set[str]:
        return {p.entity for p in self.participants}


class EventFinder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.mention_entity: dict[Span, Entity] = {}
        self.mentions: list[Mention] = []
        for entity in doc.entities:
            for mention in entity.mentions:
                self.mention_entity[mention.span] = entity
                self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.span)
        self.token_starts = [token.span.start for token in doc.tokens]
        # words inside a name are never triggers ("مؤتمر" in "حزب المؤتمر")
        self.covered = doc.covered_tokens(m.span for m in self.mentions if m.kind is not MentionKind.ROLE)
        self.drafts: list[_Draft] = []
        self.last_actor: str | None = None
        self.pending_hosted: _Draft | None = None  # the conference a HostingAward in this sentence names

    def entity_of(self, mention: Mention) -> Entity:
        return self.mention_entity[mention.span]

    def in_range(self, start: int, end: int) -> list[Mention]:
        """Outermost mentions whose span lies in [start, end) in characters."""
        inside = [m for m in self.mentions if start <= m.span.start and m.span.end <= end]
        return [m for m in inside if not any(o is not m and o.span.contains(m.span) and o.span != m.span
                                             for o in inside)]

    def run(self) -> Document:
        for sentence in self.doc.sentences:
            self.sentence_events(sentence)
        self.inherit_places()
        merged = self.merge()
        return replace(self.doc, events=tuple(merged))

    # -- one sentence -----------------------------------------------------------
    def sentence_events(self, sentence: Sentence) -> None:
        tokens = self.doc.tokens
        first, last = sentence.tokens
        triggers = find_triggers(tokens, first, last, self.covered)
        if not triggers:
            self.remember_actor(sentence)
            return
        sidelines = self.sidelines_index(first, last)
        drafts: list[tuple[Trigger, _Draft]] = []
        for number, trigger in enumerate(triggers):
            left = tokens[triggers[number - 1].last].span.start if number else sentence.span.start
            right = tokens[triggers[number + 1].first].span.start if number + 1 < len(triggers) else sentence.span.end
            if sidelines is not None and trigger.first < sidelines < (triggers[number + 1].first if number + 1 < len(triggers) else last):
                right = min(right, tokens[sidelines].span.start)
            draft = self.frame(trigger, sentence, left, right)
            if draft is not None:
                drafts.append((trigger, draft))
        self.attach_hosting(drafts)
        drafts.sort(key=lambda pair: pair[1].trigger.start)
        self.attach_times(sentence, drafts)
        self.attach_sidelines(drafts, sidelines)
        for trigger, draft in drafts:
            if self.complete(draft):
                self.drafts.append(draft)
        self.remember_actor(sentence)

    def sidelines_index(self, first: int, last: int) -> int | None:
        """Where "على هامش" stands in the sentence, if it does."""
        tokens = self.doc.tokens
        for index in range(first, last - 1):
            if f"{word_key(tokens[index].text)} {word_key(tokens[index + 1].text)}" in function_words("sidelines"):
                return index
        return None

    def frame(self, trigger: Trigger, sentence: Sentence, left: int, right: int) -> _Draft | None:
        tokens = self.doc.tokens
        span = Span(tokens[trigger.first].span.start, tokens[trigger.last - 1].span.end)
        draft = _Draft(trigger.type, span, sentence.span, evidence=[span], anaphoric=self.anaphoric(trigger))
        before = self.in_range(left, span.start)
        after = self.in_range(span.end, right)
        actors_before = [m for m in before if m.type is EntityType.PERSON]
        actors_after = [m for m in after if m.type is EntityType.PERSON]
        subject = actors_before[-1] if actors_before else None
        if subject is None and trigger.suffixed and self.last_actor:
            subject_id = self.last_actor
        else:
            subject_id = self.entity_of(subject).id if subject else None
        rest = [self.entity_of(m).id for m in actors_after]
        if trigger.frame == "host":
            if subject_id is None and rest:
                subject_id, rest = rest[0], rest[1:]
            if subject_id:
                draft.add(subject_id, Role.HOST)
            for entity_id in rest:
                draft.add(entity_id, Role.GUEST)
        elif trigger.frame in ("meet", "call", "sign"):
            role = Role.SIGNATORY if trigger.frame == "sign" else None
            # "البشير ورئيس الوزراء الإثيوبي سيجريان مباحثات": every side named before the trigger
            earlier = [self.entity_of(m).id for m in actors_before[:-1]]
            ids = earlier + ([subject_id] if subject_id else []) + rest
            if len(ids) < 2 and trigger.frame == "sign":
                ids += [self.entity_of(m).id for m in before + after if m.type is EntityType.COUNTRY
                        and m.kind is MentionKind.NAME]
            for entity_id in ids:
                draft.add(entity_id, role)
        elif trigger.frame == "discuss":
            # "بحث الوزير، اليوم، مع نظيره ...": a meeting only with someone after مع
            with_at = next((m for m in self.words_in(span.end, right) if m[1] in function_words("with")), None)
            beyond = [m for m in after if with_at and m.span.start > with_at[0]]
            sides = [self.entity_of(m).id for m in beyond if m.type is EntityType.PERSON] or [
                self.entity_of(m).id for m in beyond[:1] if m.type is EntityType.COUNTRY and m.kind is MentionKind.NAME]
            actor = subject_id or next((i for i in rest if i not in sides), None)
            if not sides or actor is None:
                return None
            for entity_id in [actor] + sides:
                draft.add(entity_id)
        elif trigger.frame == "visit":
            visitor = subject_id or (rest[0] if rest else None)
            # "بزيارة الرئيس الصيني": after the noun, the visitor is the person it is construed with
            if tokens[trigger.first].norm.endswith(VISIT_NOUN_ENDINGS) and actors_after and \
                    self.adjacent(trigger, actors_after[0]):
                visitor = self.entity_of(actors_after[0]).id
            if visitor is None and self.last_actor and trigger.suffixed:
                visitor = self.last_actor  # "زيارته"; "هذه الزيارة" only refers back to a visit told
            if visitor:
                draft.add(visitor, Role.VISITOR)
            # the place visited is the nearest one after the trigger, not where the visitor comes from
            destinations = [m for m in after if m.type.is_place and m.kind is MentionKind.NAME
                            and not self.after_origin(m)]
            place = self.place_in(destinations[:1])
            if place:
                draft.place = place
                return draft
        elif trigger.frame in ("conference", "session"):
            orgs = [m for m in after if m.type is EntityType.ORGANISATION]
            if orgs:
                draft.add(self.organiser(orgs[0]), Role.ORGANISER)
            if self.participation_before(trigger):
                # "على هامش مشاركته في أشغال الدورة": the sentence's subject takes part
                first_person = next((m for m in self.in_range(sentence.span.start, span.start)
                                     if m.type is EntityType.PERSON), None)
                actor = self.entity_of(first_person).id if first_person else self.last_actor
                if actor:
                    draft.add(actor)
            # the sides of a summit: the people and states it names ("قمة مصر والسودان وإثيوبيا")
            for mention in after:
                if mention.type is EntityType.PERSON or (mention.type is EntityType.COUNTRY
                                                         and mention.kind is MentionKind.NAME
                                                         and not self.locative(mention)):
                    draft.add(self.entity_of(mention).id)
            if trigger.frame == "session":
                draft.session = _session_number(tokens, trigger.last, sentence.tokens[1])
        elif trigger.frame == "appoint":
            # "عين الملك السيد X سفيرا": after a verb the first person appoints, the next is appointed;
            # after "تعيين" or a passive the first is appointed
            nominal = word_key(tokens[trigger.first].text).startswith(NOMINAL_APPOINTMENT)
            appointee = rest[1] if len(rest) >= 2 and not nominal and subject_id is None else (rest[:1] or [None])[0]
            if nominal and trigger.suffixed:
                appointee = subject_id  # "انتخابه": the one the pronoun stands for
            if appointee:
                draft.add(appointee, Role.APPOINTEE)
                entity = self.doc.entity(appointee)
                org = next((post.org for post in entity.posts if post.org), None)
                if org is None:
                    orgs = [m for m in after if m.type is EntityType.ORGANISATION]
                    org = self.entity_of(orgs[0]).id if orgs else None
                if org:
                    draft.add(org)
            return draft if draft.participants else None
        elif trigger.frame == "award":
            hosts = [m for m in before if m.type in (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANISATION)
                     and m.kind is MentionKind.NAME]
            if hosts:
                draft.add(self.entity_of(hosts[-1]).id)
            draft.place = None
            self.hosted_object(draft, after)
            return draft
        draft.place = self.place_in(after) or self.place_in(before)
        return draft

    def anaphoric(self, trigger: Trigger) -> bool:
        """A definite event noun or one after a demonstrative ("اللقاء", "خلال
        الاجتماع", "هذه الزيارة") tells of an event already reported."""
        if trigger.frame not in ("meet", "visit", "host", "call", "conference"):
            return False
        words = self.doc.tokens[trigger.first:trigger.last]
        # any word of the trigger phrase: "اللقاء", "جلسة المباحثات"
        definite = any(rest.startswith(ARTICLE) for word in words for _, rest in readings(word.norm))
        before = word_key(self.doc.tokens[trigger.first - 1].text) if trigger.first else ""
        return definite and not trigger.suffixed or before in _DEMONSTRATIVES

    def adjacent(self, trigger: Trigger, mention: Mention) -> bool:
        """The mention follows the trigger within four words (titles, adjectives or an
        honorific between: "بزيارة الصديق العزيز معالي شي جين بينغ")."""
        index = bisect_right(self.token_starts, mention.span.start) - 1
        return 0 <= index - trigger.last <= 2

    def organiser(self, mention: Mention) -> str:
        """The organisation behind a session: the parent of an organ ("الجمعية العامة
        للأنتربول"), or the organisation named inside a council's name ("مجلس جامعة
        الدول العربية" is the League's)."""
        entity = self.entity_of(mention)
        if entity.part_of:
            return entity.part_of
        inner = [m for m in self.mentions if m.type is EntityType.ORGANISATION and m.span != mention.span
                 and mention.span.contains(m.span)]
        return self.entity_of(inner[0]).id if inner else entity.id

    def participation_before(self, trigger: Trigger) -> bool:
        tokens = self.doc.tokens
        return any(word_key(tokens[i].text) in function_words("participation")
                   for i in range(max(0, trigger.first - 4), trigger.first))

    def after_origin(self, mention: Mention) -> bool:
        index = bisect_right(self.token_starts, mention.span.start) - 1
        return index > 0 and word_key(self.doc.tokens[index - 1].text) in function_words("origin")

    def words_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, word key) of the tokens in the character range [start, end)."""
        first = bisect_right(self.token_starts, start - 1)
        out = []
        for token in self.doc.tokens[first:]:
            if token.span.start >= end:
                break
            out.append((token.span.start, word_key(token.text)))
        return out

    def demonstrative(self, trigger: Trigger) -> bool:
        if trigger.first == 0:
            return False
        following = self.doc.tokens[trigger.last].text if trigger.last < len(self.doc.tokens) else ""
        return word_key(following) in _DEMONSTRATIVES or trigger.suffixed \
            or word_key(self.doc.tokens[trigger.first - 1].text) in _DEMONSTRATIVES

    def hosted_object(self, award: _Draft, after: list[Mention]) -> None:
        """"اختيار المغرب لتنظيم الجمعية العامة للأنتربول بمراكش سنة 2025": the
        conference to be hosted, when an assembly or organ is named."""
        organs = [m for m in after if m.type is EntityType.ORGANISATION]
        if not organs:
            return
        organ = self.entity_of(organs[0])
        conference = _Draft(EventType.CONFERENCE, organs[0].span, award.sentence, hosted=True, evidence=[organs[0].span])
        conference.add(organ.part_of or organ.id, Role.ORGANISER)
        conference.place = self.place_in([m for m in after if m.span.start > organs[0].span.start])
        award.hosted = True
        self.pending_hosted = conference

    def place_in(self, mentions: list[Mention]) -> str | None:
        """The most specific place named in a stretch (adjectives and modifiers of
        an organisation are not places)."""
        places = []
        for index, mention in enumerate(mentions):
            if not mention.type.is_place or mention.kind is not MentionKind.NAME:
                continue
            if mention.type is EntityType.COUNTRY and not self.locative(mention):
                continue  # "مكانة المغرب": a country is a place only after في, إلى or ب
            if index and mentions[index - 1].type is EntityType.ORGANISATION and \
                    self.doc.text[mentions[index - 1].span.end:mention.span.start].strip() in ("", PREPOSITION_BA):
                continue  # "مصالح ... بجمهورية النمسا": which country's service, not where
            places.append(mention)
        if not places:
            return None
        return self.entity_of(min(places, key=lambda m: (_PLACE_ORDER.index(m.type), m.span.start))).id

    def locative(self, mention: Mention) -> bool:
        """Whether a country is named as a place: after a locative word ("في
        المغرب", "إلى النمسا") or with the preposition ب glued to it ("بالمغرب")."""
        index = bisect_right(self.token_starts, mention.span.start) - 1
        token = self.doc.tokens[index]
        if token.span.start < mention.span.start:  # a proclitic precedes the name inside the token
            return self.doc.text[token.span.start] in PREPOSITION_BA
        return index > 0 and word_key(self.doc.tokens[index - 1].text) in _LOCATIVES

    def attach_times(self, sentence: Sentence, drafts: list[tuple[Trigger, _Draft]]) -> None:
        for time in self.doc.times:
            if not sentence.span.contains(time.span) or not drafts:
                continue
            left = [d for _, d in drafts if d.trigger.end <= time.span.start]
            target = left[-1] if left else drafts[0][1]
            if target.date or target.start:
                continue
            if time.value:
                target.date = time.value
            else:
                target.start, target.end = time.start, time.end
        for _, draft in drafts:
            self.attach_duration(sentence, draft)

    def attach_duration(self, sentence: Sentence, draft: _Draft) -> None:
        """"بدأ ... زيارة" dates the start; "تستمر يومين" or "لمدة ثلاثة أيام"
        after it gives the end."""
        if draft.date is None or len(draft.date) != 10 or draft.type not in (EventType.VISIT, EventType.CONFERENCE):
            return
        before = [word for _, word in self.words_in(sentence.span.start, draft.trigger.start)][-6:]
        words = self.words_in(draft.trigger.end, sentence.span.end)
        days = None
        for number, (_, word) in enumerate(words):
            if word in function_words("two_days"):
                days = 2
            elif word in function_words("days") and number:
                tokens = [Token(Span(0, 0), w, w) for _, w in words]
                days = (ordinal_value(tokens, number - 1, number) or (None,))[0]
            if days:
                break
        if days is None and not any(word in function_words("begin") for word in before):
            return
        start = date.fromisoformat(draft.date)
        draft.start, draft.date = draft.date, None
        if days and 1 < days < 32:
            draft.end = (start + timedelta(days=days - 1)).isoformat()

    def attach_sidelines(self, drafts: list[tuple[Trigger, _Draft]], sidelines: int | None) -> None:
        if sidelines is None:
            return
        parents = [d for t, d in drafts if t.first > sidelines and d.type is EventType.CONFERENCE]
        if not parents:
            return
        parent = parents[0]
        for trigger, draft in drafts:
            if trigger.first < sidelines and draft is not parent:
                draft.parent = parent
                # the guest of a meeting on the sidelines of a conference attends it
                for participant in draft.participants:
                    if participant.role in (Role.GUEST, Role.VISITOR):
                        parent.add(participant.entity)

    def attach_hosting(self, drafts: list[tuple[Trigger, _Draft]]) -> None:
        """The conference a HostingAward is about is marked as hosted (it is to
        come): the sessions named after the award, else the assembly it names."""
        conference, self.pending_hosted = self.pending_hosted, None
        awards = [d for _, d in drafts if d.type is EventType.HOSTING_AWARD]
        if not awards:
            return
        sessions = [d for _, d in drafts if d.type is EventType.CONFERENCE and d.trigger.start > awards[0].trigger.start]
        for session in sessions:
            session.hosted = True
            if conference is not None and session.place is None:
                session.place = conference.place
        if sessions or conference is None:
            return
        drafts.append((Trigger(0, 0, EventType.CONFERENCE, "conference", False), conference))

    def complete(self, draft: _Draft) -> bool:
        if draft.type in (EventType.MEETING, EventType.CALL):
            return len(draft.participants) >= 2
        if draft.type is EventType.CONFERENCE:
            return bool(draft.participants or draft.session or draft.place)
        return bool(draft.participants)

    def remember_actor(self, sentence: Sentence) -> None:
        persons = [m for m in self.in_range(sentence.span.start, sentence.span.end) if m.type is EntityType.PERSON]
        if persons:
            self.last_actor = self.entity_of(persons[0]).id

    # -- across sentences -------------------------------------------------------
    def inherit_places(self) -> None:
        default = next((d.place for d in self.drafts if d.place and not d.hosted), None)
        for draft in self.drafts:
            if draft.place is None and draft.parent is not None:
                draft.place = draft.parent.place
            parent = draft.parent
            if parent is not None and draft.date and not (parent.date or parent.start):
                parent.date = draft.date  # in session the day a meeting on its sidelines was held
        for draft in self.drafts:
            if draft.place is None and not draft.hosted and draft.type is not EventType.APPOINTMENT:
                draft.place = default

    def same(self, a: _Draft, b: _Draft) -> bool:
        if a.type is not b.type:
            return False
        if a.date and b.date and a.date != b.date:
            return False
        if a.type is EventType.CONFERENCE:
            if a.session and b.session:
                return a.session == b.session
            if a.hosted != b.hosted:
                return False
            return bool(a.people & b.people)
        if a.type in (EventType.MEETING, EventType.CALL, EventType.AGREEMENT):
            small, large = sorted((a.people, b.people), key=len)
            return len(small) >= 2 and small <= large
        return bool(a.people & b.people)

    def merge(self) -> list[Event]:
        groups: list[list[_Draft]] = []
        for draft in self.drafts:
            group = next((g for g in groups if any(self.same(draft, other) for other in g)), None)
            if group is None and draft.anaphoric:
                group = next((g for g in reversed(groups) if g[0].type is draft.type
                              and g[0].trigger.start < draft.trigger.start), None)
            if group is None:
                groups.append([draft])
            else:
                group.append(draft)
        groups.sort(key=lambda g: min(d.trigger.start for d in g))
        index_of = {id(d): number for number, group in enumerate(groups) for d in group}
        events = []
        for number, group in enumerate(groups):
            events.append(self.combine(f"ev{number + 1}", group, index_of))
        return events

    def combine(self, event_id: str, group: list[_Draft], index_of: dict[int, int]) -> Event:
        group = sorted(group, key=lambda d: d.trigger.start)
        participants: dict[str, Participant] = {}
        for draft in group:
            for participant in draft.participants:
                if participant.entity not in participants or participants[participant.entity].role is None:
                    participants[participant.entity] = participant
        places = [d.place for d in group if d.place]
        ranged = next((d for d in group if d.start), None)
        dated = next((d for d in group if d.date), None)
        parent = next((d.parent for d in group if d.parent is not None), None)
        main = group[0]
        return Event(
            id=event_id, type=main.type, trigger=main.trigger, sentence=main.sentence,
            participants=tuple(participants.values()),
            place=self.most_specific(places),
            date=None if ranged else (dated.date if dated else None),
            start=ranged.start if ranged else None, end=ranged.end if ranged else None,
            part_of=f"ev{index_of[id(parent)] + 1}" if parent is not None and id(parent) in index_of else None,
            session=next((d.session for d in group if d.session), None),
            evidence=tuple(span for d in group for span in d.evidence))

    def most_specific(self, places: list[str]) -> str | None:
        if not places:
            return None
        types = {e.id: e.type for e in self.doc.entities}
        return min(places, key=lambda p: _PLACE_ORDER.index(types[p]) if types.get(p) in _PLACE_ORDER else 9)


def find_events(doc: Document) -> Document:
    return EventFinder(doc).run()
