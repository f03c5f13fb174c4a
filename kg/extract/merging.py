"""Drafts merged into events: the drafts that tell one event (``same``: the
headline and the body, "هذه الزيارة", "القمة" after the summit of two) are
grouped, unless they cannot be one (``apart``: told on two days, held in two
countries), and each group is combined into one ``Event``: its sides, place and
time.  ``DraftMerging`` is a part of kg.extract.events's ``EventFinder``, whose
drafts (kg.extract.drafts) and readers of places it uses."""

from __future__ import annotations

from typing import Final

from kg.extract.cameo import COUNTRY_PREFIX, place_country, side_homes
from kg.extract.context import PLACE_ORDER
from kg.extract.drafts import PERSON_PREFIX, Draft
from kg.extract.timing import ISO_DAY, first_day, last_day
from kg.model import AGREEMENT, CALL, CITY, CONFERENCE, COUNTRY, HOST, MEETING, PERSON, SIGNATORY, VENUE, VISIT, Event, Participant
from kg.native import trait
from kg.text.clitics import PRONOUN_SUFFIXES, stem_set

MIN_NOUN: Final = 4   # letters a meeting's noun keeps once its possessive pronoun is cut ("اجتماعهم": اجتماع)


@trait
class DraftMerging:
    """The merging of drafts across sentences of ``EventFinder`` (kg.extract.events), which it is mixed into."""

    def merge(self) -> list[Event]:
        groups: list[list[Draft]] = []
        for draft in self.drafts:
            group = next((g for g in groups if any(self.same(draft, other) for other in g)
                          and not any(self.apart(draft, other) for other in g)), None)
            if group is None and draft.anaphoric and draft.type is MEETING:
                # "وترأس الاجتماع X" after "الاجتماع الوزاري العاشر لمنتدى ...": that conference
                told = next((g for g in reversed(groups) if g[0].trigger.start < draft.trigger.start), None)
                if told is not None and told[0].type is CONFERENCE \
                        and any(self.noun_word(d) == self.noun_word(draft) for d in told):
                    draft.type = CONFERENCE
            if group is None and draft.anaphoric:
                # "الاجتماع" refers back to the last one told, unless it cannot be that one; "القمة"
                # to the last summit rather than a meeting told since; "الاجتماع الثامن والثمانين"
                # to no other session, the one a state is chosen to host to no one held
                earlier = [g for g in reversed(groups) if g[0].type is draft.type
                           and g[0].trigger.start < draft.trigger.start
                           and all(d.hosted == draft.hosted and not (d.session and draft.session
                                                                     and d.session != draft.session) for d in g)]
                word = self.head_word(draft)
                group = next((g for g in earlier if any(self.head_word(d) == word for d in g)), None) \
                    or next(iter(earlier), None)
                if group is not None and any(self.elsewhere(draft, other) for other in group):
                    group = None   # held in another country
                if group is not None and draft.date and any(
                        other.date and not (other.date.startswith(draft.date) or draft.date.startswith(other.date))
                        for other in group):
                    group = None   # told on another day ("2018" may be the day "2018-03-18")
            if group is None and draft.attended:
                # "ترأس الوزير اجتماعا تنسيقيا ... وحضر الاجتماع X": the meeting told with
                # one side, which those attending complete
                chaired = next((d for d in reversed(self.one_sided) if d.type is draft.type
                                and d.trigger.start < draft.trigger.start), None)
                if chaired is None or any(d is chaired for g in groups for d in g):
                    continue   # those who attended a meeting the article never told
                group = [chaired]
                groups.append(group)
            if group is None:
                groups.append([draft])
            else:
                group.append(draft)
        groups = [g for g in self.joined_groups(groups) if not self.summit_of_one(g)]
        groups.sort(key=lambda g: min(d.trigger.start for d in g))
        self.nest_site_visits(groups)
        index_of = {id(d): number for number, group in enumerate(groups) for d in group}
        events = []
        for number, group in enumerate(groups):
            events.append(self.combine(f"ev{number + 1}", group, index_of))
        events = self.dated_by_parent(self.awards_dated_by_gathering(events, index_of))
        return self.dated_by_the_lead(self.signed_at_dated_talks(events))

    def same(self, a: Draft, b: Draft) -> bool:
        if a.summit and b.summit and a.type is not b.type and (a.pair or b.pair):
            # "قمة ترمب وكيم" ... "القمة": the summit of two, told again without its pair
            pair, other = (a.pair, b) if a.pair else (b.pair, a)
            return not other.people or bool(other.people & set(pair))
        if a.type is not b.type:
            return False
        if a.date and b.date and a.date != b.date:
            return False
        if a.type is CONFERENCE:
            if a.session and b.session:
                return a.session == b.session
            if a.hosted != b.hosted:
                return False
            if not (a.people and b.people) and a.place and a.place == b.place and \
                    (a.sentence in self.headlines or b.sentence in self.headlines):
                return True   # the headline names the gathering and its place, the body its parties
            return bool(a.people & b.people)
        if a.type is VISIT and a.place != b.place and a.place and b.place and \
                VENUE in (self.place_type(a.place), self.place_type(b.place)):
            return False  # a visit to a site during a visit to the country is its own
        if a.type is VISIT and a.place != b.place:
            countries = place_country(self.doc, a.place), place_country(self.doc, b.place)
            if None not in countries and countries[0] != countries[1]:
                return False  # a tour: the visit to Jordan and the one to Israel are two
        if a.type in (MEETING, CALL, AGREEMENT):
            small, large = sorted((a.people, b.people), key=len)
            if len(small) >= 2 and small <= large:
                return True
            # a headline's "العبيدي يوقع اتفاقا مع روسيا" is the body's "ووقع العراق مع روسيا اتفاق
            # تعاون": the same two states sign (a history of several told in the body is not one)
            return a.type is AGREEMENT and (a.sentence in self.headlines or b.sentence in self.headlines) \
                and len(states := self.states_of(a)) == 2 and states == self.states_of(b)
        return bool(a.people & b.people)

    def apart(self, a: Draft, b: Draft) -> bool:
        """Two drafts no group may hold together, though each may be the same
        as a third that names less: told on two days, or visits or meetings in two countries
        ("زيارته لموريتانيا" ... "يتوجه إلى أبوجا", with "الزيارة" between)."""
        if a.type is not b.type:
            return False
        if a.parent is b or b.parent is a:
            return True   # a summit held on the sidelines of another is not that one
        if a.date and b.date and a.date != b.date:
            return True
        if not _overlap(_days(a), _days(b)):
            return True   # "زار صنعاء في 17 يونيو وغادرها بعد يومين" is not the visit that began on 2 July
        if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
            return True   # "الزيارة الرابعة للسيسي" is not "زيارته الأولى"
        if a.type is MEETING and a.sentence == b.sentence and a.people != b.people \
                and a.has_host() != b.has_host() and min(len(a.people), len(b.people)) >= 2:
            return True   # "يلتقي X وY في روما، قبل أن يستقبلهما الرئيس Z": their meeting, then his reception
        if a.type is MEETING and not (a.anaphoric or b.anaphoric) and a.has_host() != b.has_host():
            hosted, other = (a, b) if a.has_host() else (b, a)
            hosts = {p.entity for p in hosted.participants if p.role is HOST}
            if len(other.people) >= 2 and hosts.isdisjoint(other.people):
                return True   # "أجرى الصفدي مباحثات مع نظيره التركي" ... "واستقبل الملك الوزير التركي"
        return self.elsewhere(a, b)

    def elsewhere(self, a: Draft, b: Draft) -> bool:
        """Visits, meetings or conferences held in two countries: "زار السيسي موسكو والتقى
        بوتن" ... "والتقى الرئيسان على هامش قمة العشرين في الصين"; a round of talks in
        Urumqi is not the one in Islamabad."""
        if a.type is MEETING and (a.inherited or b.inherited):
            return False   # a place of the article's is no evidence of another meeting
        return a.type in (VISIT, MEETING, CONFERENCE) and bool(a.place and b.place) \
            and self.other_country(a.place, b.place)

    def states_of(self, draft: Draft) -> frozenset[str]:
        """The states a draft's sides are or hold posts in ("وزير الدفاع العراقي": Iraq);
        empty when a side's state is not told or is not one."""
        states = set()
        for side in draft.people:
            homes = side_homes(self.entities[side]) if side in self.entities else set()
            if len(homes) != 1 or not next(iter(homes)).startswith(COUNTRY_PREFIX):
                return frozenset()
            states |= homes
        return frozenset(states)

    def noun_word(self, draft: Draft) -> str:
        """The trigger's first word as a key without proclitics ("الاجتماع الوزاري": اجتماع),
        nor the pronoun of its possessor ("اجتماعهم التحضيري": اجتماع)."""
        token = self.doc.tokens[self.token_at(draft.trigger.start)]
        stem = min(stem_set(token.norm), key=len)
        suffix = next((s for s in PRONOUN_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= MIN_NOUN), "")
        return stem[:len(stem) - len(suffix)]

    def head_word(self, draft: Draft) -> str:
        """The trigger's last word as a key without proclitics ("القمة", "وقمة": قمة)."""
        token = self.doc.tokens[self.token_at(draft.trigger.end - 1)]
        return min(stem_set(token.norm), key=len)

    def joined_groups(self, groups: list[list[Draft]]) -> list[list[Draft]]:
        """Groups formed one draft at a time may tell one event: a draft the same as
        drafts of two groups joined the first ("لقاء X وY" told with Z in the
        headline, then all four in the body); two groups of the same sides in all,
        with a draft the same as one of the other and none apart, become one.
        Joining keeps a group's sides, so one pass over the pairs does."""
        people = [_people(group) for group in groups]
        first = 0
        while first < len(groups):
            for second in range(len(groups) - 1, first, -1):
                a, b = groups[first], groups[second]
                if a[0].type is b[0].type and people[first] == people[second] \
                        and any(self.same(x, y) for x in a for y in b) and not any(self.apart(x, y) for x in a for y in b):
                    a.extend(b)
                    del groups[second], people[second]
            first += 1
        return groups

    def summit_of_one(self, group: list[Draft]) -> bool:
        """A summit told of one leader alone, named right after it ("قمة ترامب وكيم" with
        "كيم" read as no one): a summit of two whose other side is not read, no
        conference; one he is told to take part in is ("شارك X في القمة الأفريقية")."""
        people = _people(group)
        return all(d.summit and d.type is CONFERENCE and self.summit_of_person(d) for d in group) \
            and len(people) == 1 and self.entity_types.get(next(iter(people))) is PERSON

    def summit_of_person(self, draft: Draft) -> bool:
        """A person, or his post, is named in construct with the summit, right after it
        ("قمة ترامب وكيم", "قمة الرئيس الأمريكي دونالد ترامب وكيم")."""
        return self.person_at(self.token_at(draft.trigger.end - 1) + 1)

    def nest_site_visits(self, groups: list[list[Draft]]) -> None:
        """A visit to a site ("زار الوزير المتحف") is part of the same visitor's
        visit to the country or city."""
        visits = [g for g in groups if g[0].type is VISIT]
        for group in visits:
            if self.place_type(self.visit_place(group)) is not VENUE:
                continue
            people = set().union(*(d.people for d in group))
            whole = next((g for g in visits if g is not group and self.place_type(self.visit_place(g)) in
                          (CITY, COUNTRY) and people & set().union(*(d.people for d in g))),
                         None)
            if whole is not None:
                for draft in group:
                    draft.parent = draft.parent or whole[0]

    def combine(self, event_id: str, group: list[Draft], index_of: dict[int, int]) -> Event:
        group = sorted(group, key=lambda d: d.trigger.start)
        paired = next((d for d in group if d.pair), None)
        participants: dict[str, Participant] = {}
        # a summit of two: the sides of its meetings, not all a summit's sentence names
        for draft in [d for d in group if d.type is MEETING] if paired else group:
            for participant in draft.participants:
                if participant.entity not in participants or participants[participant.entity].role is None:
                    participants[participant.entity] = participant
        if paired and sum(1 for p in participants if p.startswith(PERSON_PREFIX)) >= 2:
            # "القمة المصرية الروسية" of the two presidents: its sides are the two, not their states
            participants = {key: p for key, p in participants.items()
                            if not (key in paired.pair and key.startswith(COUNTRY_PREFIX))}
        if (paired or group[0]).type is AGREEMENT:
            # two signing for two states: the states are parties too ("وقعها عن الجانب الأردني X")
            states = [home for person in participants if person.startswith(PERSON_PREFIX) and person in self.entities
                      for homes in (side_homes(self.entities[person]),) if len(homes) == 1
                      for home in homes if home.startswith(COUNTRY_PREFIX) and home in self.entities]
            signers = [p for p in participants if p.startswith(PERSON_PREFIX) and p in self.entities]
            if len(states) == 1 and len(signers) == 2:
                # one signing for a state named, the other at home where they sign
                # ("وقع وزير الدولة بوزارة الخارجية X ووزير خارجية رواندا Y" in Doha)
                state = next((place_country(self.doc, d.place) for d in group if d.place), None)
                if state is not None and state in self.entities and state != states[0] \
                        and any(not side_homes(self.entities[p]) for p in signers):
                    states.append(state)
            if len(set(states)) >= 2:
                for state in states:
                    participants.setdefault(state, Participant(state, SIGNATORY))
        places = [d.place for d in group if d.place]
        if main_type_is_gathering(group) and not participants and places:
            # a session no side is named for ("النسخة الثانية من مؤتمر روما، المقرر عقده في روما"):
            # the state it is held in, when the article names it, hosts it
            state = place_country(self.doc, self.most_specific(places))
            if state in self.entities:
                participants[state] = Participant(state, HOST)
        ranged = next((d for d in group if d.start), None)
        dated = next((d for d in group if d.date), None)
        parent = next((d.parent for d in group if d.parent is not None), None)
        main = paired or group[0]
        if ranged is None and dated is not None and len(dated.date) == 10 and any(d.begins or d.days for d in group):
            days = next((d.days for d in group if d.days), None)   # "الزيارة التي تتواصل يومين"
            if not dated.ends:
                end = last_day(dated.date, days) if days else None
                ranged = Draft(main.type, main.trigger, main.sentence, start=dated.date, end=end)  # "بدأ ... زيارة"
            elif days:   # "اختتم اليوم زيارته" ... "الزيارة التي استمرت يومين"
                ranged = Draft(main.type, main.trigger, main.sentence, start=first_day(dated.date, days), end=dated.date)
        return Event(
            id=event_id, type=main.type, trigger=main.trigger, sentence=main.sentence,
            participants=tuple(participants.values()),
            place=self.visit_place(group) if main.type is VISIT else self.most_specific(places),
            date=None if ranged else (dated.date if dated else None),
            start=ranged.start if ranged else None, end=ranged.end if ranged else None,
            part_of=f"ev{index_of[id(parent)] + 1}" if parent is not None and id(parent) in index_of else None,
            session=next((d.session for d in group if d.session), None),
            evidence=tuple(span for d in group for span in d.evidence))

    def visit_place(self, group: list[Draft]) -> str | None:
        """The place of a visit is its destination as first told ("زيارة رسمية إلى
        مصر"), not a site or city it names later."""
        return next((d.place for d in sorted(group, key=lambda d: d.trigger.start) if d.place), None)

    def most_specific(self, places: list[str]) -> str | None:
        if not places:
            return None
        types = {e.id: e.type for e in self.doc.entities}
        return min(places, key=lambda p: PLACE_ORDER.index(types[p]) if types.get(p) in PLACE_ORDER else 9)


def main_type_is_gathering(group: list[Draft]) -> bool:
    return (next((d for d in group if d.pair), None) or group[0]).type is CONFERENCE


def _people(group: list[Draft]) -> set[str]:
    return {entity for draft in group for entity in draft.people}


def _days(draft: Draft) -> tuple[str, str] | None:
    """The first and last day a draft is told to take, when it gives whole days."""
    first, last = draft.date or draft.start, draft.date or draft.end or draft.start
    if first is None or len(first) != len(ISO_DAY) or len(last) != len(ISO_DAY):
        return None
    return first, last


def _overlap(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two runs of days share one (ISO dates compare as strings); unknown ones may."""
    return a is None or b is None or a[0] <= b[1] and b[0] <= a[1]
