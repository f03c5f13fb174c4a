"""When events happen: the times a sentence names attached to the drafts of
its triggers (kg.extract.drafts), the days an event is told to last ("تستمر
يومين"), its start ("بدأ ... زيارة") or its end ("يختتم ... زيارته"); a time
that dates a saying or a state ("منذ عام 2014") dates no event.
``EventTimes`` is a part of kg.extract.events's ``EventFinder``, whose
readers of the words around a trigger (kg.extract.context) it uses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from kg.extract.context import COMPLEMENTIZERS, DURING, RELATIVE_PRONOUNS, WHERE
from kg.extract.dates import DateLexicon, ordinal_value
from kg.extract.drafts import Draft
from kg.extract.lexicon import function_words, read_tsv, word_key
from kg.extract.triggers import IN, OF, Trigger
from kg.extract.visits import VISIT_NOUN_STEM
from kg.extract.walker import COMMAS
from kg.model import AGREEMENT, APPOINTMENT, CALL, CONFERENCE, HOSTING_AWARD, MEETING, ORGANISATION, PERSON, VISIT, Event, Sentence, Span, Token
from kg.native import trait
from kg.text.clitics import CONJUNCTION_WA, PRONOUN_SUFFIXES, conjunction_stems, strip_article, word_forms

BEGIN_REACH: Final = 9   # words before a trigger in which "بدأ" makes its date a start
_BEGIN: Final = function_words("begin")
_BEGAN: Final = function_words("began")
_ARRIVING: Final = function_words("arriving")
BEGAN_WORDS: Final = 3   # words before a time in which "التي انطلقت" stands
_END_OF: Final = function_words("end_of")
_LASTING: Final = function_words("lasting")   # "وتستمر أشغال الدورة يومين"
_LASTING_TYPES: Final = (VISIT, CONFERENCE)   # the events told to last days
# a gathering's words that tell it again in a sentence of its own ("الأشغال، التي تتواصل إلى غاية غد")
_TOLD_AGAIN: Final = {CONFERENCE: function_words("told_again_conference"), VISIT: function_words("told_again_visit")}
END_WORDS: Final = 3   # words before a time in which "تختتم" stands ("على أن تختتم غدا الأربعاء")
_TWO_DAYS: Final = function_words("two_days")
_DAYS: Final = function_words("days")
ISO_DAY: Final = "YYYY-MM-DD"   # how long a whole day is written
_SINCE: Final = function_words("since")
SINCE_REACH: Final = 40   # characters before a time in which "منذ" may stand ("منذ تولي منصبه العام الماضي")
SINCE_WORDS: Final = 3    # and words: "منذ" and the taking of a state's start between
_DEADLINE: Final = function_words("deadline")
_UNTIL: Final = function_words("until")
# the first words of a day told from the article's ("يوم الاثنين", "اليوم", "أمس", "الخميس")
_DATE_WORDS: Final = read_tsv("date_words.tsv", 3)
_DEICTIC_DAYS = frozenset(word_key(row[0]) for row in _DATE_WORDS
                          if row[1] in ("day_word", "yesterday", "tomorrow", "morrow")) \
    | frozenset(word_key(row[0]) for row in read_tsv("weekdays.tsv", 2))
# "ذات اليوم", "نفس اليوم", "اليوم ذاته": the day told before, not today
_DAY: Final = next(word_key(row[0]) for row in _DATE_WORDS if row[1] == "day_word")   # "يوم", the key of "اليوم" too
_SAME_BEFORE: Final = frozenset(word_key(row[0]) for row in _DATE_WORDS if row[1] == "same_before")
_SAME_AFTER: Final = frozenset(word_key(row[0]) for row in _DATE_WORDS if row[1] == "same_after")
# "وصول" with a pronoun: "فور وصوله", "لدى وصولها"
_ARRIVALS: Final = frozenset(noun + suffix for noun in function_words("arrival_noun") for suffix in PRONOUN_SUFFIXES)
_RIGHT_AFTER: Final = function_words("right_after")   # "عقب", "إثر", "ختام": "وعقب الاجتماع"
_THEN: Final = frozenset(word for then in function_words("then") for word in (then, CONJUNCTION_WA + then))   # "ثم", "وثم"
_TOLD_AFTER_TYPES: Final = (MEETING, AGREEMENT)   # a gathering lasts days: not dated by a day in it
_UNIT: Final = "unit"   # ordinals.tsv kind of 1-10
_NTH_DAY_TYPES: Final = (MEETING, AGREEMENT, APPOINTMENT, HOSTING_AWARD, CALL)
_DECIDED_TYPES: Final = (APPOINTMENT, AGREEMENT, HOSTING_AWARD)   # decided at a body's own session ("في اجتماعه")
UNTIL_WORDS: Final = 2   # words before a time in which "حتى" stands ("حتى يوم الخميس")
LEAD_SENTENCES: Final = 3   # the lead and the two sentences after it, which tell its day's news
_LEAD_TYPES: Final = (MEETING, CONFERENCE)   # events of a day (a visit or call told again is often an earlier one; a signing: signed_at_dated_talks)
_AUXILIARIES: Final = function_words("auxiliary")   # "كان", "قد", "سبق"
DEADLINE_WORDS: Final = 2   # words before a time in which its horizon stands ("في أفق سنة")


@trait
class EventTimes:
    """The time attachment of ``EventFinder`` (kg.extract.events), which it is mixed into."""

    def attach_times(self, sentence: Sentence, drafts: list[tuple[Trigger, Draft]]) -> None:
        """Each time the sentence names dates the draft told last before it (else the
        first), then the durations; a meeting or a guest's visit no time dates takes
        the day of the visit or the reception told with it."""
        for time in self.doc.times:
            if not sentence.span.contains(time.span) or not drafts:
                continue
            left = [d for _, d in drafts if d.trigger.end <= time.span.start]
            target = left[-1] if left else drafts[0][1]
            begun = self.begun_after(time.span, drafts)
            if begun is not None:
                target = begun   # "التي بدأت أمس زيارة إلى مصر": the visit's first day, not the reception's
            elif left:
                decided = self.decided_at_own_session(time.span, drafts)
                if decided is not None:
                    target = decided
            if self.began_before(time.span):
                # "اختتمت اليوم أشغال الدورة ... التي انطلقت أمس", and the session told again
                # ("وتوجت أشغال هذه الدورة، التي انطلقت أمس الأحد"): the first of its days
                gathering = next((d for d in reversed(left) if d.type in _LASTING_TYPES), None) \
                    or next((d for d in reversed(self.drafts) if d.type in _LASTING_TYPES), None)
                if gathering is not None and time.value and len(time.value) == len(ISO_DAY) \
                        and gathering.date and len(gathering.date) == len(ISO_DAY) and time.value < gathering.date:
                    gathering.start, gathering.end, gathering.date = time.value, gathering.date, None
                    continue
            if self.until(time.span):
                # "زيارة ... بدأت أمس وتستمر حتى غد الاثنين": the last day of one under way, the
                # last dated one told before ("الدورة الثامنة من معرض ومؤتمر ... وتستمر حتى 16 مايو")
                under_way = next((d for d in reversed(left) if d.type in _LASTING_TYPES and d.date), None)
                if under_way is not None and time.value and len(time.value) == len(ISO_DAY) \
                        and len(under_way.date) == len(ISO_DAY) and under_way.date < time.value:
                    under_way.start, under_way.end, under_way.date = under_way.date, time.value, None
                elif under_way is None and time.value and len(time.value) == len(ISO_DAY):
                    # "استقبل X اليوم Y، الذي يقوم بزيارة ... تستمر إلى غاية يوم غد": the guest's
                    # visit, under way on the day of the reception, ends on the day told
                    visit = next((d for d in reversed(left) if d.type is VISIT and not (d.date or d.start)
                                  and self.told_of_guest(d)), None)
                    reception = next((d for d in left if d.type is MEETING and d.date and len(d.date) == len(ISO_DAY)
                                      and visit is not None and d.people & visit.people), None)
                    if reception is not None and reception.date < time.value:
                        visit.start, visit.end = reception.date, time.value
                continue
            if (target.date or target.start or target.anaphoric) and left:
                # "ويتضمن برنامج الزيارة، غدا الجمعة، زيارة ميناء طنجة": the time set off right
                # before another event is that one's, not the one told again before it
                following = self.right_after(time.span, drafts)
                if following is not None and not (following.date or following.start):
                    target = following
            if target.date or target.start:
                continue
            if target.type is AGREEMENT and self.concluded_between(target.trigger.end, time.span.start):
                continue   # "بالتوقيع على برنامج تنفيذي لمذكرة التفاهم المبرمة في 12 دجنبر 2019": the memorandum's
            if not left and self.reported_after(time.span.end, target.trigger.start) \
                    and not self.occasion_of_saying(target):
                # "قال مسؤول أمس الجمعة إن الصين ستستضيف الجولة الثانية": the day it was said;
                # "أعلن أمس X أن ... خلال لقاء مع Y" was said at the meeting, that day
                continue
            if self.deadline(time.span):
                continue   # "تهدف إلى تزويد 143 دوارا بالماء في أفق سنة 2027": a target, not when
            if self.told_of_a_person(target.trigger.end, time.span.start):
                continue   # "لقاء مع X الذي فاز في انتخابات الأول من يوليو": the election's day
            if self.since(time.span) and target.type is not APPOINTMENT:
                # "يزور روسيا منذ الاثنين": the day a visit under way began; "منذ عام 2014" dates no
                # event, but the taking of an office held since then ("يتولى المنصب منذ عام 2016")
                if target.type is VISIT and time.value and len(time.value) == len(ISO_DAY):
                    target.start = time.value
                continue
            if time.value:
                target.date = time.value
            else:
                target.start, target.end = time.start, time.end
        self.on_the_same_day(sentence, drafts)
        for _, draft in drafts:
            self.attach_duration(sentence, draft)
        for number, (_, draft) in enumerate(drafts):
            if draft.type in (MEETING, CONFERENCE) and not (draft.date or draft.start) \
                    and not self.days_long(drafts):
                # "يتوجه X إلى الكاميرون (اليوم)، وسيجري محادثات مع", "زار X في أغسطس 2015
                # موسكو، والتقى بوتن": the meeting is held in the time of the visit that brings its side there
                visit = next((d for _, d in reversed(drafts[:number]) if d.type is VISIT and d.date
                              and d.people & draft.people), None)
                if visit is not None:
                    draft.date = visit.date
            if draft.type is MEETING and not (draft.date or draft.start):
                word_before = self.word_before(self.token_at(draft.trigger.start))
                welcome = word_before in IN
                if welcome or word_before in WHERE:
                    # "وصل X مساء أمس إلى دمشق حيث التقى Y": met where and when he arrived; "وصل X اليوم
                    # في زيارة تستغرق يومين، حيث كان في استقباله Y": welcomed on its first day
                    arrival = next((d for _, d in reversed(drafts[:number]) if d.type is VISIT and d.begins
                                    and d.start and (welcome or not d.end) and d.people & draft.people), None)
                    if arrival is not None:
                        draft.date = arrival.start
            if draft.type is VISIT and not (draft.date or draft.start) and self.told_of_guest(draft):
                # "استقبل X يوم الجمعة 3 مارس ... ميركل ... التي تؤدي زيارة رسمية إلى تونس": the
                # visit its guest is paying is dated by the reception that tells it; told to last
                # days ("تستغرق يومين"), it begins with it (a state visit opens with the welcome)
                meeting = next((d for _, d in drafts[:number] if d.type is MEETING and d.date
                                and len(d.date) == len(ISO_DAY) and d.people & draft.people), None)
                if meeting is not None:
                    draft.date = meeting.date
            if draft.type in _TOLD_AFTER_TYPES and not (draft.date or draft.start):
                draft.date = self.day_upon_arrival(draft, drafts[:number]) or self.day_after_told(draft, drafts[:number]) \
                    or self.day_then(sentence)
        day = self.nth_day_of(sentence)
        if day is not None:
            for _, draft in drafts:
                if draft.type in _NTH_DAY_TYPES and not (draft.date or draft.start):
                    draft.date = day

    def nth_day_of(self, sentence: Sentence) -> str | None:
        """"وفي اليوم الأول من الأشغال، انتخب X", "في اليوم الثاني من زيارته": the day
        counted from the first of the gathering or visit told before."""
        first, last = sentence.tokens
        keys = self.token_keys
        at = first - 1
        while True:
            try:   # each "يوم" of the sentence, found in C
                at = keys.index(_DAY, at + 1, last - 3)
            except ValueError:
                return None
            if self.doc.tokens[at].norm == _DAY:
                continue   # "اليوم", not "يوم" ("يوم الأول من": a date of its own)
            # "الأول", "الثاني": the day counted (the date lexicon's units, read when first asked)
            kind_value = DateLexicon.bundled().numbers.get(keys[at + 1])
            if kind_value is None or kind_value[0] != _UNIT or keys[at + 2] not in OF:
                continue
            number = kind_value[1]
            noun = keys[at + 3]
            kind = VISIT if noun.startswith(VISIT_NOUN_STEM) else CONFERENCE if noun in _TOLD_AGAIN[CONFERENCE] else None
            if kind is None:
                return None
            told = next((d for d in reversed(self.drafts) if d.type is kind and (d.start or d.date)), None)
            first_day_told = (told.start or told.date) if told is not None else None
            if first_day_told is None or len(first_day_told) != len(ISO_DAY):
                return None
            return last_day(first_day_told, number)

    def day_then(self, sentence: Sentence) -> str | None:
        """"ثم انتقل الضيف إلى عين التينة حيث التقى X": a sentence opening on "ثم" goes on
        with the day of the events told before it: that of the first meeting or signing on
        a day of the last sentence that told one."""
        if self.token_keys[sentence.tokens[0]] not in _THEN:
            return None
        told = [d for d in self.drafts if d.type in _TOLD_AFTER_TYPES]
        if not told:
            return None
        last = told[-1].sentence   # the last sentence that told one
        return next((d.date for d in told if d.sentence == last and d.date and len(d.date) == len(ISO_DAY)), None)

    def day_upon_arrival(self, draft: Draft, before: list[tuple[Trigger, Draft]]) -> str | None:
        """"وعقد الوزير فور وصوله إلى مقر العمالة اجتماع عمل": with the noun of arriving and
        its pronoun before the trigger, held on the day its side arrived, the first day of
        the visit told before: one told in its sentence, whoever the pronoun stands for
        ("ووصل X صباح اليوم، وعقد فور وصوله": the meeting's sides are not all read yet),
        else one of its sides' told in an earlier sentence."""
        if _ARRIVALS.isdisjoint(self.keys_in(draft.sentence.start, draft.trigger.start)):
            return None
        visits = [d for _, d in reversed(before) if d.type is VISIT] + [
            d for d in reversed(self.drafts) if d.type is VISIT and d.people & draft.people]
        return next((day for d in visits for day in (d.start or d.date,) if day and len(day) == len(ISO_DAY)), None)

    def day_after_told(self, draft: Draft, before: list[tuple[Trigger, Draft]]) -> str | None:
        """"وعقب الاجتماع، ترأس الوزير حفل توقيع": an event told right after a meeting or
        gathering told again before it in its sentence is on that one's day."""
        told = next((d for _, d in reversed(before) if d.anaphoric and d.type in (MEETING, CONFERENCE)
                     and self.word_before(self.token_at(d.trigger.start)) in _RIGHT_AFTER), None)
        if told is None:
            return None
        return next((d.date for d in reversed(self.drafts) if d.type is told.type and d.date
                     and len(d.date) == len(ISO_DAY)), None)

    def right_after(self, span: Span, drafts: list[tuple[Trigger, Draft]], comma: bool = True) -> Draft | None:
        """The draft whose trigger follows the time at once, a comma between at most
        (none when ``comma`` is false)."""
        end = self.token_at(span.end - 1) + 1
        if comma and end < len(self.doc.tokens) and self.doc.tokens[end].norm in COMMAS:
            end += 1
        return next((d for _, d in drafts if self.token_at(d.trigger.start) == end), None)

    def decided_at_own_session(self, span: Span, drafts: list[tuple[Trigger, Draft]]) -> Draft | None:
        """"وكان مجلس الوزراء قد صادق في اجتماعه الأسبوعي يوم الخميس الماضي على تعيين X":
        a time after a body's own session ("اجتماعه", "جلسته": no sides of its own) dates
        what the session decided after it, an appointment, signing or award, or None."""
        told = [(t, d) for t, d in drafts if d.trigger.end <= span.start]
        trigger, session = told[-1]
        if not trigger.suffixed or session.type not in (MEETING, CONFERENCE) or len(session.participants) > 1:
            return None
        return next((d for _, d in drafts if d.trigger.start >= span.end and d.type in _DECIDED_TYPES
                     and not (d.date or d.start)), None)

    def begun_after(self, span: Span, drafts: list[tuple[Trigger, Draft]]) -> Draft | None:
        """The visit or gathering whose trigger follows the time right after a verb of
        beginning ("بدأت أمس زيارة", "يبدأ الاثنين جولة"): the time is its first day."""
        at = self.token_at(span.start)
        if at == 0 or _BEGIN.isdisjoint(conjunction_stems(self.doc.tokens[at - 1].norm)):
            return None
        draft = self.right_after(span, drafts, comma=False)
        return draft if draft is not None and draft.type in _LASTING_TYPES else None

    def on_the_same_day(self, sentence: Sentence, drafts: list[tuple[Trigger, Draft]]) -> None:
        """"وفي ذات اليوم، استقبل X", "في اليوم نفسه": the first event after the words,
        with no time of its own, is on the day of the last event told before on a day."""
        first, last = sentence.tokens
        keys = self.token_keys
        if _DAY not in keys[first + 1:last]:   # (most sentences name no day: one scan in C)
            return
        at = next((i for i in range(first + 1, last) if keys[i] == _DAY and (
            not _SAME_BEFORE.isdisjoint(conjunction_stems(self.doc.tokens[i - 1].norm))
            or i + 1 < last and keys[i + 1] in _SAME_AFTER)), None)
        if at is None:
            return
        told = next((day for d in reversed(self.drafts) for day in (d.date or d.start,)
                     if day and len(day) == len(ISO_DAY)), None)   # an arrival's day is its start
        after = next((d for _, d in drafts if d.trigger.start > self.doc.tokens[at].span.start), None)
        if told is not None and after is not None and not (after.date or after.start):
            after.date = told

    def lasting_told_after(self, sentence: Sentence, drafts: list[tuple[Trigger, Draft]]) -> None:
        """A sentence of its own telling how long the gathering or visit told last
        lasts ("وتستمر أشغال الدورة يومين", "الأشغال، التي تتواصل إلى غاية يوم غد
        الأربعاء", "على أن تختتم غدا"), when it tells none of its own: its last day."""
        if any(d.type in _TOLD_AGAIN for _, d in drafts) or not any(d.type in _TOLD_AGAIN for d in self.drafts):
            return   # its own gathering's times are attach_times's and attach_duration's
        days = [time for time in self.doc.times if sentence.span.contains(time.span)
                and time.value and len(time.value) == len(ISO_DAY)]
        first, last = sentence.tokens
        words = set(self.bare_words[first:last])   # without "و" or the article ("وتستمر", "الأشغال")
        lasting = not _LASTING.isdisjoint(words)
        if not days and not lasting:
            return
        told = [kind for kind, nouns in _TOLD_AGAIN.items() if not nouns.isdisjoint(words)]
        gathering = next((d for d in reversed(self.drafts) if d.type in told), None)
        if gathering is None or not gathering.date or len(gathering.date) != len(ISO_DAY):
            return
        for time in days:
            if time.value > gathering.date and (self.until(time.span) or self.cue_before(time.span, _END_OF, END_WORDS)):
                gathering.start, gathering.end, gathering.date = gathering.date, time.value, None
                return
        if not lasting:
            return
        length = self.length_told(self.words_in(sentence.span.start, sentence.span.end))
        if length:
            gathering.start, gathering.end, gathering.date = gathering.date, last_day(gathering.date, length), None

    def length_told(self, words: list[tuple[int, str]]) -> int | None:
        """The days a stretch of words tells ("يومين", "ثلاثة أيام"), from 2 to 31, or None."""
        days = None
        for number, (_, word) in enumerate(words):
            if word in _TWO_DAYS:
                days = 2
            elif word in _DAYS and number:
                tokens = [Token(Span(0, 0), w, w) for _, w in words]
                days = (ordinal_value(tokens, number - 1, number) or (None,))[0]
            if days:
                break
        return days if days and 1 < days < 32 else None

    def attach_duration(self, sentence: Sentence, draft: Draft) -> None:
        """"بدأ ... زيارة" dates the start; "تستمر يومين" or "لمدة ثلاثة أيام"
        after it gives the end."""
        if draft.type not in _LASTING_TYPES:
            return
        # "بدأ وزير الخارجية الفرنسي جان إيف لودريان زيارة": a title and a name between;
        # words, not commas ("اختتم مجلس وزراء الداخلية العرب، اليوم الأربعاء، أعمال دورته")
        before = [key for key in self.keys_in(sentence.span.start, draft.trigger.start) if key not in COMMAS][-BEGIN_REACH:]
        draft.begins = any(word in _BEGIN for word in before) or self.arriving(draft)
        # "ويختتم الرئيس ... اليوم زيارة": with its conjunction
        draft.ends = not draft.begins and any(not _END_OF.isdisjoint(word_forms(word)) for word in before)
        if draft.date is not None and len(draft.date) != 10:
            return
        length = self.length_told(self.words_in(draft.trigger.end, sentence.span.end))
        if draft.date is None:
            # "خلال هذه الزيارة التي تتواصل يومين": the day told in another sentence starts it (combine)
            draft.days = length
            return
        if length is None and not draft.begins:
            return
        if draft.ends:
            if length:   # "يختتم اليوم زيارة استمرت ثلاثة أيام": it began two days ago
                draft.start, draft.end, draft.date = first_day(draft.date, length), draft.date, None
            return
        draft.start, draft.date = draft.date, None
        if length:
            draft.end = last_day(draft.start, length)

    def arriving(self, draft: Draft) -> bool:
        """The visit's trigger is a verb of arriving ("وصل X مساء أمس إلى نواكشوط في زيارة"):
        its day starts the visit."""
        return draft.date is not None and len(draft.date) == len(ISO_DAY) and not _ARRIVING.isdisjoint(
            conjunction_stems(self.doc.tokens[self.token_at(draft.trigger.start)].norm))

    @staticmethod
    def days_long(drafts: list[tuple[Trigger, Draft]]) -> bool:
        """A visit of several days told in the sentence ("في زيارة تستغرق يومين، يلتقي
        خلالها"): a meeting during it is held on one of its days, which is not told."""
        return any(d.type is VISIT and (d.start or (d.days or 1) > 1) for _, d in drafts)

    def since(self, span: Span) -> bool:
        """A time after "منذ" ("منذ عام 2014", "منذ تولي منصبه العام الماضي") tells how
        long a state has lasted, not when an event happened."""
        left = max(0, span.start - SINCE_REACH)
        # a name between counts as one word ("منذ انهيار الاتحاد السوفيتي عام 1991")
        names = [m.span for m in self.in_range(left, span.start)]
        words = [(offset, word) for offset, word in self.words_in(left, span.start)
                 if not any(name.start < offset < name.end for name in names)][-SINCE_WORDS:]
        return any(word in _SINCE for _, word in words)

    def until(self, span: Span) -> bool:
        """A time right after "حتى" or "إلى غاية" ("حتى غد الاثنين", "حتى يوم الخميس"): when what lasts ends."""
        # before the time, or its own first word ("حتى غد الاثنين" is read whole)
        return self.cue_before(span, _UNTIL, UNTIL_WORDS) \
            or any(word in _UNTIL for _, word in self.words_in(span.start, span.end)[:1])

    def began_before(self, span: Span) -> bool:
        """"التي انطلقت", "الذي بدأ" right before the time: when a gathering began."""
        words = self.words_before(span, BEGAN_WORDS)
        return any(word in _BEGAN and n and words[n - 1] in RELATIVE_PRONOUNS for n, word in enumerate(words))

    def deadline(self, span: Span) -> bool:
        """A time after "في أفق", "بحلول" or "في غضون" ("في أفق سنة 2027"): a horizon
        or a deadline, not when an event happened."""
        return self.cue_before(span, _DEADLINE, DEADLINE_WORDS)

    def told_of_a_person(self, start: int, end: int) -> bool:
        """Between the characters ``start`` (after a trigger) and ``end`` (a time) a
        relative clause opens on a person named right before it, and no comma
        closes it: a date in it dates what the clause tells of him ("مع X الذي فاز
        في انتخابات الأول من يوليو وسيتولى مهامه في الأول من ديسمبر"), not the
        event.  A day told from the article's ("يوم الاثنين", "أمس") is the
        occasion's own ("الذي رافقه X يوم الاثنين"), the event's."""
        tokens = self.doc.tokens
        first, last = self.token_at(start) + 1, self.token_at(end)
        if last < len(tokens) and self.token_keys[last] in _DEICTIC_DAYS:
            return False
        for index in range(max(first, 1), last):
            if self.token_keys[index] in RELATIVE_PRONOUNS:
                before = self.in_range(start, tokens[index].span.start)
                return bool(before) and before[-1].type is PERSON and before[-1].span.end == tokens[index - 1].span.end \
                    and not any(tokens[i].text in COMMAS for i in range(index + 1, last))
        return False

    def cue_before(self, span: Span, cues: frozenset[str], count: int) -> bool:
        """One of ``cues`` among the ``count`` words right before the time at ``span``."""
        return any(word in cues for word in self.words_before(span, count))

    def words_before(self, span: Span, count: int) -> list[str]:
        """The ``count`` words right before the time at ``span`` (within SINCE_REACH characters)."""
        return self.keys_in(max(0, span.start - SINCE_REACH), span.start)[-count:]

    def reported_after(self, start: int, end: int) -> bool:
        """A complementizer ("إن", "أن") stands between ``start`` and ``end``: what
        comes before it is the saying, what comes after the thing said."""
        return not COMPLEMENTIZERS.isdisjoint(self.keys_in(start, end))

    def occasion_of_saying(self, draft: Draft) -> bool:
        """The draft's trigger stands right after "خلال" or "أثناء"."""
        return self.word_before(self.token_at(draft.trigger.start)) in DURING

    def told_of_guest(self, draft: Draft) -> bool:
        """The visit noun is told in a relative clause, after its verb ("التي تؤدي زيارة
        رسمية", "الذي يقوم بزيارة"); not "التي زارها", the place visited before."""
        index = self.token_at(draft.trigger.start)
        noun = strip_article(self.doc.tokens[index].norm)
        return index >= 2 and VISIT_NOUN_STEM in noun and self.relative_before(index) is not None

    def dated_by_the_lead(self, events: list[Event]) -> list[Event]:
        """A meeting or gathering told without a time in the sentences
        right after the lead, one of whose sides the lead names, happened on the
        day the lead names ("أكد الوزير X، الثلاثاء، ... . وشدد X عقب لقاء جمعه
        بنظيره"): the news of that day.  Not when the lead's day is after the
        article's, or is a visit's or a gathering's (those last days), nor for an
        event told in the past perfect ("وكان X قد التقى"); the lead's own events
        are dated by its sentence's words (``attach_times``)."""
        body = [s for s in self.doc.sentences if not s.is_headline]
        if len(body) < 2 or self.doc.published is None:
            return events
        lead = body[0]
        day = next((t.value for t in self.doc.times if lead.span.start <= t.span.start < lead.span.end
                    and t.value and len(t.value) == len(ISO_DAY)
                    and self.token_keys[self.token_at(t.span.start)] in _DEICTIC_DAYS), None)
        if day is None or day > self.doc.published.isoformat() \
                or any(e.type in _LASTING_TYPES and lead.span.start <= e.trigger.start < lead.span.end for e in events):
            return events
        actors = {self.entity_of(m).id for m in self.in_range(lead.span.start, lead.span.end)
                  if m.type is PERSON or m.type is ORGANISATION}
        reach = body[min(len(body), LEAD_SENTENCES) - 1].span.end
        return [replace(event, date=day) if not (event.date or event.start) and event.type in _LEAD_TYPES
                and lead.span.end <= event.trigger.start < reach and not self.told_before_then(event)
                and any(p.entity in actors for p in event.participants) else event for event in events]

    def told_before_then(self, event: Event) -> bool:
        """A word of tense before the event's trigger in its sentence ("وكان X قد
        التقى", "سبق أن"): told as what had happened before."""
        return any(not _AUXILIARIES.isdisjoint(conjunction_stems(word))
                   for _, word in self.words_in(event.sentence.start, event.trigger.start))


def last_day(first: str, days: int) -> str:
    """The ISO day a stretch of ``days`` days starting on ``first`` ends on."""
    return (date.fromisoformat(first) + timedelta(days=days - 1)).isoformat()


def first_day(last: str, days: int) -> str:
    """The ISO day a stretch of ``days`` days ending on ``last`` starts on."""
    return (date.fromisoformat(last) - timedelta(days=days - 1)).isoformat()
