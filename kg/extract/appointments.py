"""The frames of appointments: one appointed, chosen or charged ("عين الملك
السيد X سفيرا", "انتخابه"), the post and organisation given, and one taking
up his post ("تولى X المنصب", "أدى اليمين أمام الرئيس Y").
``AppointmentFrames`` is a part of kg.extract.frames's ``FrameFiller``, whose
readers of the words around a trigger it uses."""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from kg.extract.context import ON, ORIGIN
from kg.extract.drafts import Around, Draft
from kg.extract.lexicon import function_words
from kg.extract.lexicons import Lexicons
from kg.extract.triggers import Trigger, nominal_appointment
from kg.model import APPOINTEE, NAME_MENTION, ORGANISATION, PERSON, VENUE
from kg.native import trait
from kg.text.clitics import ACCUSATIVE_ENDING, stems

APPOINTEE_REACH: Final = 6         # words between an appointing trigger and the person appointed or appointing
POST_GIVEN_REACH: Final = 8   # words after a verb of appointing in which the post given stands ("عين الدبلوماسي الألماني X مبعوثا")
FAR_POST_GIVEN_REACH: Final = 20   # the same, past the appointer's place and day ("عين الملك X، اليوم بالقصر الملكي بالرباط، السيد Y واليا")
POST_ORG_REACH: Final = 3   # words from the post given to the body it is in ("رئيسا لجهاز المخابرات")
APPOINTMENT_ORG_REACH: Final = 8   # words after an appointing trigger in which the post's organisation is named
_QUANTITIES: Final = function_words("quantity")   # "عددا من", "مجموعة من"
_BEFORE_WHOM: Final = function_words("before")   # "أدى اليمين أمام الرئيس": before whom
SWORN_BEFORE_REACH: Final = 4   # words from "أمام" to the name of the one before whom (his titles)
_APPROVING: Final = function_words("approving")   # "صادق", "وافق", "صوت"
APPROVAL_REACH: Final = 12   # words from the verb approving to "على تعيين" (its meeting and day between)
APPROVER_GAP: Final = 2   # words from the body approving to its verb ("مجلس الوزراء قد صادق")


@trait
class AppointmentFrames:
    """The appointment frames of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""

    def appoint_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"عين الملك السيد X سفيرا": after a verb the first person appoints, the next
        is appointed; after "تعيين" or a passive the first is appointed; a verb
        with no person after it is a passive of the subject ("X الذي عين مبعوثا").
        The appointee is named next to the trigger: "عينت فيها مستشارين" names none."""
        trigger = around.trigger
        rest = self.persons_near(around)
        subject = self.subject_near(around)
        nominal = nominal_appointment(self.doc.tokens[trigger.first].norm)
        appointee: str | None = rest[1] if len(rest) >= 2 and not nominal and subject is None else (rest[0] if rest else None)
        given = self.post_given_at(trigger)
        if len(rest) >= 2 and given is not None and len(around.actors_after) >= 2 \
                and self.token_at(around.actors_after[1].span.start) > given:
            # "وعين X مبعوثا شخصيا للأمين العام": the second person is inside the post given,
            # the verb a passive whose subject is the first
            appointee = rest[0]
        far_given = given if given is not None else self.post_given_at(trigger, FAR_POST_GIVEN_REACH)
        if len(rest) == 1 and not nominal and subject is None and far_given is not None \
                and len(around.actors_after) >= 2 and self.entity_of(around.actors_after[1]).id != rest[0] \
                and self.token_at(around.actors_after[1].span.start) < far_given:
            # "عين الملك X، اليوم بالقصر الملكي بالرباط، السيد Y واليا": the one named right before
            # the post given is appointed, though the appointer's place and day come between
            appointee = self.entity_of(around.actors_after[1]).id
        elif len(rest) == 1 and not nominal and subject is None and given is None and self.many_appointed(around):
            # "وعين الملك محمد السادس عددا من السفراء": the one named appoints, those appointed are not named
            appointee = None
        elif nominal and trigger.suffixed:
            appointee = around.subject_id  # "انتخابه": the one the pronoun stands for
        elif appointee is None and not nominal and self.post_given_after(trigger):
            appointee = subject   # a passive: "X الذي عين مبعوثا"
        return self.with_appointee(draft, appointee, around)

    def many_appointed(self, around: Around) -> bool:
        """A quantity after the person named after the verb ("عددا من", "مجموعة من"):
        those appointed, not named."""
        person = around.actors_after[0]
        words = self.words_in(person.span.end, around.right)[:2]
        return bool(words) and (words[0][1] in _QUANTITIES or len(words) > 1 and words[1][1] in ORIGIN
                                and words[0][1].rstrip(ACCUSATIVE_ENDING) in _QUANTITIES)

    def post_given_after(self, trigger: Trigger) -> bool:
        """The verb is followed by the post given, in the accusative ("عين مبعوثا",
        "انتخب رئيسا"); "عينت فيها مستشارين" names no post given to its subject."""
        return self.post_given_at(trigger, 2) is not None

    def post_given_at(self, trigger: Trigger, reach: int = POST_GIVEN_REACH) -> int | None:
        """The token of the post given in the accusative within ``reach`` words after
        the trigger ("عين السيد X سفيرا"), or None."""
        titles = Lexicons.bundled().titles
        tokens = self.doc.tokens
        for index in range(trigger.last, min(len(tokens), trigger.last + reach)):
            norm = tokens[index].norm
            if norm.endswith(ACCUSATIVE_ENDING) and titles.opens(norm[:-1], clitics=False):
                return index
        return None

    def take_office_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"تولى X المنصب", "X أدى اليمين", "منذ توليه الحكم": the one who takes
        up the post is the subject, the pronoun's antecedent, or the first person after."""
        # the pronoun of "توليه" stands for a person named just before, as a subject does;
        # a relative clause's for its antecedent ("مع X الذي حقق فوزا في انتخابات")
        subject = self.subject_near(around) or self.person_antecedent(around.trigger)
        rest = [] if around.trigger.suffixed else self.persons_near(around)
        if subject is None and around.trigger.suffixed and around.trigger.background:
            # "يحل ماكرون بالمغرب ... يلتقي العاهل المغربي، وذلك في أول زيارة له منذ توليه الحكم":
            # the pronoun stands for the one the sentence is about, its first person
            subject = self.current_actor(around)
        appointee = subject or (rest[0] if rest else None)
        filled = self.with_appointee(draft, appointee, around)
        before = self.sworn_before(around)
        if filled is not None and before is not None and before != appointee:
            filled.add(before)   # "أدى السفير X اليمين القانونية أمام الرئيس Y": Y takes part
        return filled

    def sworn_before(self, around: Around) -> str | None:
        """The person named right after "أمام" in the trigger's clause ("أدى اليمين
        أمام الرئيس Y"), titles between."""
        words = self.words_in(around.span.end, self.clause_end(around))
        at = next((n for n, (_, word) in enumerate(words) if word in _BEFORE_WHOM), None)
        if at is None or at + 1 >= len(words):
            return None
        person = next((m for m in around.after if m.span.start >= words[at + 1][0]
                       and m.type is PERSON), None)
        if person is None or len(self.words_in(words[at][0], person.span.start)) > SWORN_BEFORE_REACH:
            return None
        return self.entity_of(person).id

    def persons_near(self, around: Around) -> list[str]:
        """The persons named within APPOINTEE_REACH words after the trigger."""
        last = around.trigger.last
        return [self.entity_of(m).id for m in around.actors_after
                if self.token_at(m.span.start) - last <= APPOINTEE_REACH]

    def subject_near(self, around: Around) -> str | None:
        """The subject when it ends within APPOINTEE_REACH words before the trigger."""
        if not around.actors_before:
            return None
        end = self.token_at(around.actors_before[-1].span.end - 1)
        return around.subject_id if around.trigger.first - end <= APPOINTEE_REACH else None

    def with_appointee(self, draft: Draft, appointee: str | None, around: Around) -> Draft | None:
        if appointee is None:
            return None
        draft.add(appointee, APPOINTEE)
        org = self.appointed_to(around)
        if org:
            draft.add(org)
        body = self.approving_body(around)
        if body is not None and body != org:
            draft.add(body)
        # "أدى X اليمين ... وذلك بمقر مجلس السيادة": a venue in its clause is where it is done
        venue = next((m for m in around.after if m.type is VENUE and m.kind is NAME_MENTION
                      and m.span.start < self.clause_end(around)), None)
        if venue is not None:
            draft.place = self.entity_of(venue).id
        return draft

    def approving_body(self, around: Around) -> str | None:
        """The body whose vote or approval the appointment is told by ("صادق مجلس
        الوزراء على تعيين X", "وكان مجلس الوزراء قد صادق في اجتماعه ... على تعيين X",
        "بعد مصادقة البرلمان على تعيينه"): the organisation right before or after
        the word approving, within APPROVAL_REACH words before "على" and the trigger."""
        tokens = self.doc.tokens
        first = around.trigger.first
        if not nominal_appointment(tokens[first].norm) or self.word_before(first) not in ON:
            return None
        start = max(around.sentence.tokens[0], first - 1 - APPROVAL_REACH)
        verb = next((i for i in range(first - 2, start - 1, -1)
                     if any(stem in _APPROVING for _, stem in stems(tokens[i].norm))), None)
        if verb is None:
            return None
        for mention in reversed(self.in_range(around.sentence.span.start, around.span.start)):
            if mention.type is not ORGANISATION or mention.kind is not NAME_MENTION:
                continue
            begins, ends = self.token_at(mention.span.start), self.token_at(mention.span.end - 1)
            if begins == verb + 1 or 0 < verb - ends <= APPROVER_GAP:
                return self.entity_of(mention).id
        return None

    def appointed_to(self, around: Around) -> str | None:
        """The organisation of the post given: one named within a few words after
        the trigger ("تعيينه نائبا لرئيس مجلس الوزراء"). A post the appointee held
        before ("الرئيس الألماني السابق الذي عين مبعوثا") is not the one given."""
        last = around.trigger.last
        # the post given first ("عين المجلس الرئاسي X رئيسا لجهاز المخابرات"): the body it is in,
        # not the one appointing
        given = self.post_given_at(around.trigger)
        if given is not None:
            inside = next((m for m in self.mentions[bisect_left(self.mention_starts, self.doc.tokens[given].span.start):]
                           if m.type is ORGANISATION and m.span.start < around.right
                           and self.token_at(m.span.start) - given <= POST_ORG_REACH), None)
            if inside is not None:
                return self.entity_of(inside).id
        # every mention, not only the outermost: the organisation may be named
        # inside the post ("نائبا لرئيس مجلس الوزراء")
        for mention in self.mentions[bisect_left(self.mention_starts, around.span.end):]:
            index = self.token_at(mention.span.start)
            if index - last > APPOINTMENT_ORG_REACH or mention.span.start >= around.right:
                break
            if mention.type is ORGANISATION:
                return self.entity_of(mention).id
        return None
