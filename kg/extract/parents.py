"""Which event is part of which, and what it takes from it: one told on the
sidelines of a gathering or a visit ("على هامش", "على هامشها") is part of it, held
there and then; the gathering a hosting award names is hosted, the award dated
by the gathering that chose; a draft that names no place takes its parent's,
else the article's.  ``EventParents`` is a part of kg.extract.events's
``EventFinder``, whose drafts and readers it uses."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Final

from kg.extract.cameo import place_country
from kg.extract.drafts import PERSON_PREFIX, Draft
from kg.extract.lexicon import function_words
from kg.extract.triggers import Trigger
from kg.model import APPOINTMENT, CALL, CITY, CONFERENCE, GUEST, HOST, HOSTING_AWARD, MEETING, NAME_MENTION, ORGANISATION, ORGANISER, VISIT, VISITOR, Event, Participant
from kg.native import trait
from kg.text.clitics import CONJUNCTION_WA, OBJECT_PRONOUNS, strip_article

_SIDELINES: Final = function_words("sidelines")
# the last word of each phrase, normalised: a sentence whose normalised text lacks it has none of them
_SIDELINE_WORDS: Final = frozenset(phrase.split()[-1] for phrase in _SIDELINES)
# "بعد اختيار المغرب لتنظيم", "بعد نيل المغرب شرف تنظيم": an award told as what came before
_BEFORE_WORDS: Final = function_words("temporal")
BEFORE_GAP: Final = 4   # words from such a word to the award's trigger (the host's name between)
HOSTED_OBJECT_GAP: Final = 2   # tokens from a hosting trigger to the meeting it is chosen for (the host's name between)
DATELINE_GAP: Final = 4   # characters between a dateline's city and its date (" في ": "مسقط في 15 أكتوبر")


@lru_cache(maxsize=None)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(phrase.split(" ")[0] for phrase in phrases)


@trait
class EventParents:
    """The parents and places of the drafts of ``EventFinder`` (kg.extract.events), which it is mixed into."""
    pending_hosted: Draft | None

    # -- sidelines and hosting within a sentence (its times: kg.extract.timing) -------
    def attach_sidelines(self, drafts: list[tuple[Trigger, Draft]], sidelines: list[int]) -> None:
        """An event told before "على هامش" is part of the conference or visit told
        after it: the first after the nearest "على هامش" that follows the event
        ("التقيا على هامش قمة العشرين، كما التقيا على هامش قمة البريكس")."""
        # "على هامش أشغال الدورة", "على هامش زيارة رسمية": a conference or a visit
        parents = [next((d for t, d in drafts if t.first > at and d.type in (CONFERENCE, VISIT)),
                        None) for at in sidelines]
        # "وعلى هامش أعمال القمة، عقد X لقاء": opening the sentence, the sidelines of what follows
        opening = 0 if drafts and sidelines and sidelines[0] - self.token_at(drafts[0][1].sentence.start) <= 1 else None
        if opening is not None and parents[opening] is None:
            # "وعلى هامش الدورة، عقد الوزيران جلسة عمل": a gathering's word no trigger reads, the one told last
            parents[opening] = next((d for d in reversed(self.drafts) if d.type is CONFERENCE), None)
        for trigger, draft in drafts:
            at = next((n for n, index in enumerate(sidelines) if index > trigger.first), None)
            if at is None and opening is not None and parents[opening] is not None \
                    and parents[opening].trigger.end <= draft.trigger.start:
                at = opening
            if at is None or any(draft is p for p in parents):
                continue   # the gathering one event was on the sidelines of is on no one's sidelines
            parent = parents[at]
            if parent is not None:
                draft.parent = parent
                if not (draft.date or draft.start):
                    draft.date = parent.date   # held while the conference or visit is
                if parent.type is not CONFERENCE:
                    continue
                # the guest of a meeting on the sidelines of a conference attends it
                for participant in draft.participants:
                    if participant.role in (GUEST, VISITOR) or participant.role is None \
                            and participant.entity.startswith(PERSON_PREFIX):
                        parent.add(participant.entity)

    def on_told_sidelines(self, drafts: list[tuple[Trigger, Draft]], told: list[int]) -> None:
        """"تشارك في أعمال الدورة، وتلتقي على هامشها X": the event told next to
        "على هامشها" is part of the conference or visit told before it, in the
        sentence or, failing one, in the text before; held where and when it is."""
        for at in told:
            before = [d for t, d in drafts if t.first < at and d.type in (CONFERENCE, VISIT)]
            parent = before[-1] if before else next(
                (d for d in reversed(self.drafts) if d.type in (CONFERENCE, VISIT)), None)
            if parent is None:
                continue
            parent_at = next((t.first for t, d in drafts if d is parent), -1)
            nearest = min(((abs(t.first - at), d) for t, d in drafts
                           if t.first > parent_at and d.type not in (CONFERENCE, VISIT)),
                          key=lambda pair: pair[0], default=None)
            if nearest is None:
                continue
            draft = nearest[1]
            draft.parent = parent
            if not (draft.date or draft.start):
                draft.date = parent.date

    def sidelines_indices(self, first: int, last: int) -> tuple[list[int], list[int]]:
        """Where "على هامش" stands in the sentence, each time it does; and apart,
        where "على هامشها" does (the sidelines of an event told before)."""
        tokens = self.doc.tokens
        phrases = _SIDELINES
        openings = _first_words(phrases)
        found: list[int] = []
        told: list[int] = []
        if first >= last:
            return found, told
        # the tokens' normalised words, not the sentence's text normalised anew: a
        # phrase's last word is a token's key, so a part of its normalised form
        text = " ".join([token.norm for token in tokens[first:last]])
        if not any(word in text for word in _SIDELINE_WORDS):
            return found, told   # most sentences tell nothing on anything's sidelines: no token looked at
        for index in range(first, last - 1):
            key = strip_article(tokens[index].norm)   # the word key (kg.extract.lexicon.word_key)
            if key not in openings and key[:1] == CONJUNCTION_WA:
                key = key[1:]   # "وعلى هامش"
            if key not in openings:
                continue
            following = strip_article(tokens[index + 1].norm)
            if f"{key} {following}" in phrases:
                found.append(index)
            elif any(following.endswith(suffix) and f"{key} {following[:-len(suffix)]}" in phrases
                     for suffix in OBJECT_PRONOUNS):
                told.append(index)
        return found, told

    def attach_hosting(self, drafts: list[tuple[Trigger, Draft]]) -> None:
        """The conference a HostingAward is about is marked as hosted (it is to
        come): the sessions named after the award, else the assembly it names."""
        conference, self.pending_hosted = self.pending_hosted, None
        awards = [d for _, d in drafts if d.type is HOSTING_AWARD]
        if not awards:
            return
        sessions = [d for _, d in drafts if d.type is CONFERENCE and d.trigger.start > awards[0].trigger.start]
        if not sessions:
            # "على أن تستضيف أنقرة الاجتماع المقبل": the meeting the host is chosen for, a gathering
            award = next(t for t, d in drafts if d is awards[0])
            sessions = [d for t, d in drafts if d.type is MEETING and len(d.participants) < 2
                        and 0 < t.first - award.last <= HOSTED_OBJECT_GAP]
            for session in sessions:
                session.type = CONFERENCE
        hosts = [p.entity for p in awards[0].participants if p.role is HOST]
        for session in sessions:
            session.hosted = True
            if conference is not None and session.place is None:
                session.place = conference.place
            for host in hosts:
                # "اختيار السنغال لاحتضان دورتها الثامنة": Senegal hosts it; a city chosen, its state
                # when the article names it ("أن تستضيف أنقرة الاجتماع المقبل")
                state = place_country(self.doc, host) if self.place_type(host) is CITY else None
                session.add(state if state in self.entities else host, HOST)
        if sessions or conference is None:
            return
        drafts.append((Trigger(0, 0, CONFERENCE, "conference", False), conference))

    # -- across sentences -------------------------------------------------------
    def awards_at_their_gathering(self) -> None:
        """A hosting award told without its day ("وفي ختام الجلسة وافق القادة على طلب
        السعودية استضافة القمة المقبلة") was decided at the gathering the article
        told before it, one a body organised: on its day, where it met, unless
        the award names a body of its own that chose ("أعلن الاتحاد الدولي لكرة
        القدم اختيار المغرب"). Read so, a date after the article's is the hosted
        event's ("العام المقبل"), not the choice's."""
        published = self.doc.published.isoformat() if self.doc.published is not None else None
        for number, draft in enumerate(self.drafts):
            if draft.type is not HOSTING_AWARD:
                continue
            gathering = next((d for d in reversed(self.drafts[:number]) if self.organised(d)), None)
            if gathering is None:
                continue
            organisers = {p.entity for p in gathering.participants if p.role is ORGANISER}
            choosers = {p.entity for p in draft.participants
                        if p.role is not HOST and self.entity_types.get(p.entity) is ORGANISATION}
            if choosers and choosers.isdisjoint(organisers):
                continue   # chosen by a body the award names, not at the gathering
            if draft.date and published and draft.date > published[:len(draft.date)]:
                draft.date = None   # the hosted event's time
            if not (draft.date or draft.start):
                draft.date = gathering.date   # of a gathering of days: awards_dated_by_gathering
                own_place = draft.place is not None
                if not own_place:
                    draft.place = gathering.place
                # the gathering's day and place may be told by a draft merged into it
                # later ("انطلقت اليوم في قصر العلم أعمال الاجتماع", read as a meeting)
                self.award_gatherings.append((draft, gathering, own_place))

    def told_as_before(self, draft: Draft) -> bool:
        """The draft is told as what came before the news ("بعد اختيار المغرب لتنظيم
        الجمعية العامة ... استقبل"): which day of its gathering, the article does not say."""
        tokens = self.doc.tokens
        first = self.token_at(draft.trigger.start)
        return any(strip_article(tokens[i].norm).removeprefix(CONJUNCTION_WA) in _BEFORE_WORDS
                   for i in range(max(0, first - BEFORE_GAP), first))

    @staticmethod
    def organised(draft: Draft) -> bool:
        """A gathering a body organised, not one a host is chosen for."""
        return draft.type is CONFERENCE and not draft.hosted and any(p.role is ORGANISER for p in draft.participants)

    def awards_dated_by_gathering(self, events: list[Event], index_of: dict[int, int]) -> list[Event]:
        """A hosting award dated by its gathering (``awards_at_their_gathering``)
        takes the day of the event the gathering merged into when it has none yet
        (of a gathering of days, ``day_of_choice``), its place when the award names
        none of its own, and its organiser as the body that chose when it names none."""
        published = self.doc.published.isoformat() if self.doc.published is not None else None
        # "بعد نيل المغرب شرف تنظيم ...": told anywhere as what came before the news, on
        # which day of its gathering the article does not say
        undated = {index_of.get(id(d)) for d in self.drafts if d.type is HOSTING_AWARD and self.told_as_before(d)}
        for award, gathering, own_place in self.award_gatherings:
            at, told_at = index_of.get(id(award)), index_of.get(id(gathering))
            if at is None or told_at is None or at == told_at:
                continue
            event, told = events[at], events[told_at]
            date = event.date if event.date or event.start \
                else told.date if at in undated else day_of_choice(told.date, told.start, told.end, published)
            place = event.place if own_place or told.place is None else told.place
            # "كما اعتمد المجلس اختيار الكويت": the body that met chose, its organiser
            # as the whole article tells it (one sentence's gathering may name another)
            chooser = next((p.entity for p in told.participants if p.role is ORGANISER), None)
            participants = event.participants
            if chooser is not None and not any(self.entity_types.get(p.entity) is ORGANISATION and p.role is not HOST
                                               for p in participants):
                participants = (*participants, Participant(chooser, None))
            if (date, place, participants) != (event.date, event.place, event.participants):
                events[at] = replace(event, date=date, place=place, participants=participants)
        return events

    def inherit_places(self) -> None:
        default = next((d.place for d in self.drafts if d.place and not d.hosted), None) or self.dateline_city()
        for draft in self.drafts:
            parent = draft.parent
            # on the sidelines of an event is where that event is, unless the place
            # named is more specific ("في قصر قرطاج" during a visit to Tunisia)
            if parent is not None and parent.place and (draft.place is None or
                                                        self.specificity(draft.place) >= self.specificity(parent.place)):
                draft.place = parent.place
            parent = draft.parent
            if parent is not None and draft.date and not (parent.date or parent.start):
                parent.date = draft.date  # in session the day a meeting on its sidelines was held
        for draft in self.drafts:
            # a call joins two places, an appointment has none of its own
            if draft.place is None and not draft.hosted and draft.type not in (APPOINTMENT, CALL):
                draft.place, draft.inherited = default, default is not None

    def dateline_city(self) -> str | None:
        """The city a wire's dateline opens the body with, a date after it
        ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"): where its
        news happens, when no event names a place ("دبي ... (CNN)--", a
        newsroom's, names none: context.DATELINE)."""
        if self.dateline is not None:
            return None
        first = next((m for m in self.mentions if m.span.start >= self.doc.body_start), None)
        if first is None or first.type is not CITY or first.kind is not NAME_MENTION \
                or self.doc.text[self.doc.body_start:first.span.start].strip():
            return None
        after = first.span.end
        dated = any(after <= time.span.start <= after + DATELINE_GAP for time in self.doc.times)
        return self.entity_of(first).id if dated else None

    def dated_by_parent(self, events: list[Event]) -> list[Event]:
        """An event told on the sidelines of a gathering told in another sentence
        ("وعلى هامش أعمال القمة، عقد X لقاء") is held on its day, when it gives none;
        on the sidelines of one of several days the article is published during,
        on the day of the news."""
        by_id = {event.id: event for event in events}
        today = self.doc.published.isoformat() if self.doc.published else None
        out = []
        for event in events:
            parent = by_id.get(event.part_of)
            if parent is not None and not (event.date or event.start):
                if parent.date:
                    event = replace(event, date=parent.date)
                elif today and parent.start and parent.end and parent.start <= today <= parent.end:
                    event = replace(event, date=today)
            out.append(event)
        return out


def day_of_choice(date: str | None, start: str | None, end: str | None, published: str | None) -> str | None:
    """The day a gathering of ``date``, or of ``start`` to ``end``, chose a host:
    of a gathering of days, the last of its two the article has seen, its first
    while it goes on after the day of publication ("انطلقت أمس ... كما صادقت
    الجمعية العامة"), else its last ("اختتم اليوم ... ووافق المجلس")."""
    if date or not (start and end):
        return date
    return start if published is not None and end > published else end
