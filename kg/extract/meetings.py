"""The frames of meetings and calls: who the sides are of a meeting, a call or
a signing told by a verb or a noun ("التقى X Y", "اجتماع", "اتصال هاتفي"),
of talks held with someone ("بحث مع"), and of a press conference held together;
each met apart or together.  ``MeetingFrames`` is a part of kg.extract.frames's
``FrameFiller``, whose readers of the words around a trigger it uses."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from kg.extract.context import PAIRS as _PAIRS
from kg.extract.context import COMPLEMENTIZERS, WHERE, WITH, WITH_REACH
from kg.extract.drafts import Around, Draft
from kg.extract.lexicon import function_words
from kg.extract.signing import _HONORIFIC_PRONOUNS
from kg.extract.triggers import IN, WITH_AFTER, Trigger
from kg.model import CALL, CONFERENCE, COUNTRY, MEETING, NAME_MENTION, NOMINAL_MENTION, ORGANISATION, PERSON, SIGNATORY, Mention, Sentence
from kg.native import trait
from kg.text.clitics import (CONJUNCTION_WA, FUTURE_PREFIXES, IMPERFECT_PREFIX, PREPOSITION_BA, PREPOSITION_LAM, PRONOUN_SUFFIXES,
                             conjunction_stems, readings, stem_set, strip_article, word_forms)

PRONOUN_SUBJECT_BEFORE: Final = 2   # words before a trigger in which an honorific's pronoun is its subject ("تلقى سموه اتصالا")
PAIR_BEFORE: Final = 2   # words before a meeting word in which a dual subject of the verb holding it stands ("الرئيسين عقدا")
BODY_REACH: Final = 4   # words between a meeting and the organisation met ("التقى X أعضاء وفد حركة ...")
_THROUGH: Final = function_words("through")   # "عبر تقنية الاتصال المرئي": by means of
_TAKING_PART_VERBS: Final = function_words("taking_part_verb")   # "شارك", "تشارك"
FROM_AFAR_REACH: Final = 12   # words before a call's means in which a verb of taking part makes it the means of one
_SEPARATE: Final = function_words("separate_meeting")
_TOGETHER: Final = function_words("together")
_SPORT: Final = function_words("sport")
_MATCH_NOUNS: Final = function_words("match_noun")
_SUBJECT_MATTER: Final = function_words("subject_matter")
_SENDING: Final = function_words("sending")
DISCUSSED_WITH_REACH: Final = 2   # words after a verb of discussing in which "معه" stands ("وبحث معه", "وبحث الوزير معه")
JOINT_SUBJECT_REACH: Final = 4   # words between a verb of discussing and the first of its two subjects (titles, a day)


def _joined(between: str) -> bool:
    """The words between two persons met open with و ("ونظيره المصري", "وكذلك
    الأمين العام"): coordinated, not one in apposition to the other."""
    words = between.replace("\u060c", " ").split()
    return bool(words) and words[0].startswith(CONJUNCTION_WA)


@trait
class MeetingFrames:
    """The meeting frames of ``FrameFiller`` (kg.extract.frames), which it is mixed into."""

    def sides_frame(self, draft: Draft, around: Around) -> Draft | None:
        """meet, call, sign: every person named is a side (a signatory for sign)."""
        frame = around.trigger.frame
        if frame == "meet" and self.a_match(around):
            return None
        ids = self.named_sides(draft, around)
        if around.trigger.background:
            # a signing told as background ("الاتفاق الذي وقعته إيران مع ..."): its
            # sides follow the verb; the people before it are the sentence's own
            ids = around.rest
        if frame == "sign":
            ids = self.signatories(ids, around)
            witness = self.witness_by_pronoun(around)
            if witness and witness not in ids:
                draft.add(witness)   # "كما شهد سموه توقيع اتفاقية": he attends the signing
            for entity_id in self.witnessing_pair(around) + self.pair_present(around):
                if entity_id not in ids:
                    draft.add(entity_id)   # "وشهد الجانبان بعده توقيع مذكرة تفاهم، وقعها X وY", "بحضور الرئيسين"
            if len(set(ids)) < 2:
                ids = self.witnesses_past_talks(around) or ids
        elif frame == "meet":
            ids = self.meeting_sides(draft, ids, around)
        role = SIGNATORY if frame == "sign" else None
        for entity_id in ids:
            draft.add(entity_id, role)
        if frame == "meet":
            self.states_or_session(draft, ids, around)
        draft.separate = (frame == "meet" and draft.type is MEETING or frame == "call") \
            and (self.met_one_by_one(around) or around.trigger.several)
        if draft.type is CALL:
            if self.taking_part_from_afar(around):
                return None   # "شارك X في الجلسة الافتتاحية عبر تقنية الاتصال المرئي": no call
            return draft   # a call joins two places: the one named near it is a side's, not where it happens
        if frame == "meet" and draft.anaphoric and self.pair_told(around):
            return draft   # "وجاء لقاء الوزيرين بينما تتصاعد الخلافات بسبب محاكمة قس في تركيا": told again, no place
        if frame == "sign":
            # "لمذكرة التفاهم المبرمة ... بنواكشوط": a place after it is the memorandum's
            around = replace(around, after=[m for m in around.after if not self.concluded_between(around.span.end, m.span.start)])
        return self.with_place(draft, around)

    def named_sides(self, draft: Draft, around: Around) -> list[str]:
        """The persons named as sides: before the trigger ("البشير ورئيس الوزراء
        الإثيوبي سيجريان مباحثات"; not a speaker before "إن"), its subject and
        those after it; for a meeting told as a purpose ("للقاء"), the one who goes."""
        purpose = around.trigger.frame == "meet" and around.trigger.clitic.endswith(PREPOSITION_LAM)
        before = self.after_complementizer(around.actors_before[:-1], around)
        if purpose and around.actors_before:
            # "قرر الرئيس X إيفاد الوزير Y للقاء Z": the one who goes meets, not who sends
            # him; "توجه X والسفير Y إلى الجزائر للقاء Z": both go
            last = around.actors_before[-1]
            before = [m for m in before if not self.sends(m.span.end, last.span.start)]
        rest = around.rest
        if around.trigger.frame == "meet" and draft.anaphoric:
            # "أن المباحثات تطرقت إلى الملف السوري، داعيا إلى ... وإبعاد بشار الأسد": what a
            # meeting told again went into, named after its verb, is what it was about
            rest = [self.entity_of(m).id for m in around.actors_after if not self.went_into(around.span.end, m)]
        ids = [self.entity_of(m).id for m in before] + ([around.subject_id] if around.subject_id else []) + rest
        first = around.trigger.first
        if not around.actors_before and any(strip_article(token.norm) in _HONORIFIC_PRONOUNS for token in
                                            self.doc.tokens[max(around.sentence.tokens[0], first - PRONOUN_SUBJECT_BEFORE):first]):
            # "تلقى سموه اتصالا هاتفيا من X": the one the honorific's pronoun stands for, the last actor
            actor = self.last_actor
            if actor and actor not in ids:
                ids.insert(0, actor)
        if purpose and not around.actors_before:
            # "قبل أن يترك الكويت متوجها إلى الدوحة للقاء أمير قطر": a purpose whose one
            # who goes is told before its region, the sentence's first person or the last told
            persons = [m for m in self.in_range(around.sentence.span.start, around.span.start)
                       if m.type is PERSON and not self.topic(m)]
            goer = self.entity_of(persons[0]).id if persons else self.last_actor
            if goer and goer not in ids:
                ids.insert(0, goer)
        return ids

    def meeting_sides(self, draft: Draft, ids: list[str], around: Around) -> list[str]:
        """The sides of a meeting the persons named leave short of two: the one a
        pronoun brings together, a dropped subject, a delegation or body met, the
        two told before, the sides after "بين" (three of them: a conference)."""
        if self.pair_holds(around):
            pair = self.last_two_persons(around)
            ids = pair + [entity_id for entity_id in ids if entity_id not in pair]   # and who attended
        if self.brought_together_by_pronoun(around.trigger):
            # "أكد X أن اللقاء الذي جمعه بـY": the pronoun is the one the sentence is about
            before = [m for m in self.in_range(around.sentence.span.start, around.span.start)
                      if m.type is PERSON]
            one = self.entity_of(before[-1]).id if before else self.last_actor
            if one and one not in ids:
                ids.insert(0, one)
        if len(set(ids)) == 1 and not around.actors_before and around.rest \
                and self.imperfect_verb(around.trigger) and (actor := self.guest_opening(around) or self.last_actor) \
                and actor not in ids:
            # "من المتوقع أن يلتقي اليوم ... مع X": the subject dropped is the one told before
            ids.insert(0, actor)
        if len(set(ids)) == 1 and self.word_before(around.trigger.first) in WHERE:
            # "شارك X في أعمال الدورة، حيث التقى على هامشها Y": the subject of the clause "حيث" hangs on
            subject = next((self.entity_of(m).id for m in self.in_range(around.sentence.span.start, around.span.start)
                            if m.type is PERSON and self.named_person(m)), None) \
                or self.guest_opening(around)   # "ثم انتقل الضيف إلى عين التينة حيث التقى Y"
            if subject is not None and subject not in ids:
                ids.insert(0, subject)
        if len(set(ids)) == 1 and self.last_actor and self.last_actor not in ids \
                and not self.meeting_verb(around.trigger) and self.spoken_of(around):
            # "وصرح المتحدث X بأن تلك اللقاءات شملت اجتماعا ثنائيا مع Y": the one told of before
            ids.insert(0, self.last_actor)
        if len(set(ids)) == 1:
            ids += self.delegation(around.span.end, around.right) or self.body_met(around)
        if len(set(ids)) == 1:
            # "والتقى الوفد الأمريكي X": the delegation told, its members or its side
            ids += [d for d in self.delegation_acting(around.trigger.first, around.trigger.last, around.sentence)
                    if d not in ids]
        if len(set(ids)) < 2 and self.pair_told(around):
            ids = self.last_two_persons(around)
        if not ids:
            ids = self.bodies_brought_together(around)
        if len(set(ids)) < 2:
            between = self.sides_between(around)
            if between:
                # "المحادثات بين الحكومة الأفغانية وحركة طالبان بحضور ممثلين عن الصين والولايات
                # المتحدة": the states and bodies present take part too
                # hosted by a third ("استضافت باكستان الجولة الافتتاحية من المحادثات بين ..."): it takes part
                ids = between + self.hosts_of_talks(around) + self.present_after(around)
            if len(set(ids)) >= 3:
                draft.type = CONFERENCE   # "محادثات بين روسيا وإيران وتركيا": three sides
        return ids

    def taking_part_from_afar(self, around: Around) -> bool:
        """A call's words behind "عبر" after a verb of taking part in its clause
        ("فيما شارك X في الجلسة الافتتاحية عبر تقنية الاتصال المرئي"): the means of
        taking part in a gathering, no call."""
        first = around.trigger.first
        # "عبر" before the call's words, or the first of them after the gathering ("في الجلسة الافتتاحية
        # عبر تقنية الاتصال المرئي"; before it, "عبر تقنية الفيديو في قمة" is taken part in it: retold.py)
        tokens = self.doc.tokens
        means = (first - 2, first - 1) + ((first,) if around.trigger.last >= len(tokens)
                                         or strip_article(tokens[around.trigger.last].norm) not in IN else ())
        if first < 2 or all(strip_article(tokens[at].norm) not in _THROUGH for at in means):
            return False
        opening = around.sentence.tokens[0]
        return any(not _TAKING_PART_VERBS.isdisjoint(conjunction_stems(token.norm))
                   for token in self.doc.tokens[max(opening, first - FROM_AFAR_REACH):first])

    def spoken_of(self, around: Around) -> bool:
        """The meeting is told in reported speech: a person named before it in its
        sentence, a complementizer between ("صرح X بأن ...")."""
        speakers = [m for m in self.in_range(around.sentence.span.start, around.span.start) if m.type is PERSON]
        return bool(speakers) and self.reported(speakers[-1].span.end, around.span.start)

    def bodies_brought_together(self, around: Around) -> list[str]:
        """"المشاورات التي جمعت الاتحاد بممثلي البنك العالمي": the body right after
        the verb "جمع" and the one behind ب after it, directly or through one word
        ("بوفد", "بممثلي")."""
        verb = self.bringing_verb(around.trigger)
        if verb is None:
            return []
        tokens = self.doc.tokens
        bodies = [m for m in around.after if m.type in (ORGANISATION, COUNTRY)
                  and m.kind in (NAME_MENTION, NOMINAL_MENTION)][:2]   # "الاتحاد" told before
        if len(bodies) < 2 or self.token_at(bodies[0].span.start) != verb + 1:
            return []
        first_end = self.token_at(bodies[0].span.end - 1) + 1
        second = self.token_at(bodies[1].span.start)
        behind_ba = second == first_end and bodies[1].span.start > tokens[second].span.start \
            and tokens[second].norm.startswith(PREPOSITION_BA)
        through_one = second == first_end + 1 and tokens[first_end].norm.startswith(PREPOSITION_BA) \
            and len(tokens[first_end].norm) > 3
        return [self.entity_of(m).id for m in bodies] if behind_ba or through_one else []

    def body_met(self, around: Around) -> list[str]:
        """The organisation one person meets when no other person is named
        (GUIDE 2: a party itself): named within BODY_REACH words after the
        trigger or its subject ("التقى كوهلر أعضاء مجلس الأمن", "مع وفد من الاتحاد العام
        التونسي للشغل"), not the place of the meeting ("في مقر الأمم المتحدة")."""
        start = around.actors_after[0].span.end if around.actors_after else around.span.end   # VSO: past the subject
        words = self.words_in(start, around.right)[:BODY_REACH]
        # up to a new clause: "والتقى X مع الأمير وأخبر لاحقا هآرتس"
        words = words[:next((i for i, (_, word) in enumerate(words) if word[:1] == CONJUNCTION_WA
                             and len(word) > 3 and self.verb_like(word)), len(words))]
        reach = words[-1][0] if words else start
        body = next((m for m in around.after if start <= m.span.start <= reach and m.type is ORGANISATION
                     and (m.kind is NAME_MENTION   # or one named before: "أعضاء المجلس"
                          or self.entity_of(m).label != self.doc.text[m.span.start:m.span.end])
                     and not self.locative(m)), None)
        if body is None or self.media(body):
            return []   # "في لقاء مع شبكة إيه بي سي نيوز" is an interview
        body_id = self.entity_of(body).id
        person = self.entities.get(around.subject_id or (around.rest[0] if around.rest else ""))
        if person is not None and any(post.org == body_id for post in person.posts):
            return []   # his own organisation: "المتحدث باسم جماعة الحوثي" met no one in it
        return [body_id]

    def pair_holds(self, around: Around) -> bool:
        """A dual is the subject right before the verb that holds the meeting ("بأن
        الرئيسين عقدا جلسة مباحثات حضرها X") or between it and the meeting ("عقد
        الوزيران جلسة عمل"): the two told before are its sides."""
        verb = self.convening_verb(around)
        if verb is None:
            return False
        if verb < around.trigger.first - 1:
            # "عقد الوزيران جلسة عمل": the dual subject between the verb and the meeting
            return any(strip_article(token.norm) in _PAIRS for token in self.doc.tokens[verb + 1:around.trigger.first])
        opening = around.sentence.tokens[0]
        return any(strip_article(token.norm) in _PAIRS for token in self.doc.tokens[max(opening, verb - PAIR_BEFORE):verb])

    def met_one_by_one(self, around: Around) -> bool:
        """"التقى لودريان السيسي ونظيره المصري سامح شكري": a verb of meeting with a
        subject and two persons or more after it, joined by و, none a delegation
        or an audience ("والوفد المرافق", "بحضور"): each is met apart; so are those
        one travels to meet ("للقاء الملك سلمان وولي العهد الأمير محمد بن سلمان")."""
        # the persons met: those after the trigger, less its subject when it follows (VSO)
        actors = list({m.span: m for m in around.actors_after}.values())   # one per span (kg.link.corpus may add twins)
        met = actors if around.subject_id else actors[1:]
        if len(met) < 2:
            return False
        purpose = around.trigger.clitic.endswith(PREPOSITION_LAM)   # "وصل X إلى الرياض للقاء الملك وولي العهد"
        if not purpose and _SEPARATE.isdisjoint(stem_set(self.doc.tokens[around.trigger.first].norm)):
            return False
        words = self.words_in(around.span.end, around.right)
        if any(word in _TOGETHER for _, word in words):
            return False
        text = self.doc.text
        return all(_joined(text[a.span.end:b.span.start]) for a, b in zip(met, met[1:]))

    def a_match(self, around: Around) -> bool:
        """"في لقاء تسبب في إحباط اللاعب": the noun of meeting in a sentence about a
        game names a match, not a meeting."""
        trigger = around.trigger
        if trigger.last - trigger.first != 1 or not any(
                strip_article(stem) in _MATCH_NOUNS for _, stem in readings(self.doc.tokens[trigger.first].norm)):
            return False
        return self.about_a_game(around.sentence)

    def about_a_game(self, sentence: Sentence) -> bool:
        """Whether the sentence names a game ("مباراة", "الدوري"), remembered per sentence."""
        found = self._games.get(sentence.span)
        if found is None:
            found = self._games[sentence.span] = not _SPORT.isdisjoint(
                self.keys_in(sentence.span.start, sentence.span.end))
        return found

    def sends(self, start: int, end: int) -> bool:
        """Whether a verb of sending stands in the characters [start, end) between
        two persons ("X سيرسل الوزير Y", "قرر X إيفاد Y"): the first sends the
        second, who goes alone ("X يصطحب Y للقاء Z": both go)."""
        return any(not _SENDING.isdisjoint(word_forms(word)) for _, word in self.words_in(start, end))

    def after_complementizer(self, actors: list[Mention], around: Around) -> list[Mention]:
        """The actors named after the last "إن"/"أن" before the trigger, when one stands there."""
        words = self.words_in(around.span.start - 1 if not actors else actors[0].span.start, around.span.start)
        cuts = [offset for offset, word in words if word in COMPLEMENTIZERS]
        return [m for m in actors if m.span.start > cuts[-1]] if cuts else actors

    def went_into(self, start: int, mention: Mention) -> bool:
        """A verb of what a meeting went into ("تطرقت", "تناولت", "تمحور") stands between
        ``start`` and the mention."""
        return any(not _SUBJECT_MATTER.isdisjoint(stem_set(self.doc.tokens[self.token_at(offset)].norm))
                   for offset, _ in self.words_in(start, mention.span.start))

    def imperfect_verb(self, trigger: Trigger) -> bool:
        """The trigger is a verb of the third person masculine imperfect ("يلتقي", "سيجتمع")."""
        word = self.trigger_word(trigger)
        return word.startswith((IMPERFECT_PREFIX, FUTURE_PREFIXES[0]))   # "يلتقي", "سيلتقي"

    def discuss_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"بحث الوزير، اليوم، مع نظيره ...": a meeting only with someone after مع."""
        words_after = self.words_in(around.span.end, around.right)
        if any(word[:-len(suffix)] in WITH for _, word in words_after[:DISCUSSED_WITH_REACH]
               for suffix in PRONOUN_SUFFIXES if word.endswith(suffix)):
            return None   # "التقى X Y، وبحث معه ...": the meeting told before, not another
        with_at = next((m for m in words_after if m[1] in WITH), None)
        beyond = [m for m in around.after if with_at and m.span.start > with_at[0]]
        sides = [self.entity_of(m).id for m in around.actors_after if m.span.start > with_at[0]] if with_at else []
        # "بحث مع وفد صندوق النقد الدولي": a state or a body met when no person is
        sides = sides or [
            self.entity_of(m).id for m in beyond[:1]
            if m.type in (COUNTRY, ORGANISATION) and m.kind is NAME_MENTION]
        actor = around.subject_id or next((i for i in around.rest if i not in sides), None)
        if not with_at and self.pair_told(around):
            actor, sides = None, self.last_two_persons(around)   # "وبحث الجانبان": the two told before
        elif not with_at and around.subject_id is None:
            actor, sides = None, self.joint_subject(around)   # "تباحث الملك X والرئيس Y"
        if not sides or actor is None and len(sides) < 2:
            return None
        for entity_id in ([actor] if actor else []) + sides:
            draft.add(entity_id)
        return self.with_place(draft, around)

    def joint_subject(self, around: Around) -> list[str]:
        """"تباحث الملك X والرئيس Y في عمان": two persons joined by و as the
        subject right after a verb of discussing held the talks together."""
        return self.joined_pair(around.actors_after, around)

    def joined_pair(self, mentions: list[Mention], around: Around) -> list[str]:
        """The first two of ``mentions`` when they are joined by و and the first
        stands within JOINT_SUBJECT_REACH words after the trigger: the verb's subject."""
        pair = mentions[:2]
        if len(pair) < 2 or len(self.words_in(around.span.end, pair[0].span.start)) > JOINT_SUBJECT_REACH \
                or not _joined(self.doc.text[pair[0].span.end:pair[1].span.start]):
            return []
        return list(dict.fromkeys(self.entity_of(m).id for m in pair))

    def joint_frame(self, draft: Draft, around: Around) -> Draft | None:
        """"خلال مؤتمر صحفي مشترك مع نظيره ...": a press conference held with
        someone tells that the two met: the subject and the first person after
        "مع" (within triggers.WITH_AFTER words of the trigger, or the phrase is
        no trigger), named within WITH_REACH words of it."""
        words_after = self.words_in(around.span.end, around.right)
        with_at = next((offset for offset, word in words_after[:WITH_AFTER] if word in WITH), None)
        side = next((m for m in around.actors_after if with_at is not None and m.span.start > with_at), None)
        if side is None or around.subject_id is None \
                or len(self.words_in(with_at, side.span.start)) > WITH_REACH + 1:
            return None
        draft.add(around.subject_id)
        draft.add(self.entity_of(side).id)
        return self.with_place(draft, around)
