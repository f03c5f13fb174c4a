"""Personal names: where one starts and ends, read forward from a given name or
an honorific ("السيد خميس الجهيناوي", "الملك سلمان بن عبدالعزيز") or backward
from a title after it ("عمر حيجاوي بيرشنر، المدير العام ...")."""

from __future__ import annotations

from typing import Final

from kg.extract.lexicon import function_word, function_words
from kg.extract.lexicons import HYPHENS, NAME_PARTICLES, OPENING_PARTICLES
from kg.extract.walker import TokenTests, time_word
from kg.model import NAME_MENTION, PERSON, Mention, Span
from kg.native import trait
from kg.text.memo import remembered
from kg.text.clitics import (TASHKEEL, ACCUSATIVE_ENDING, ARTICLE, CONJUNCTION_WA, PREPOSITION_KAF, FEMININE_ENDING, FUTURE_PREFIXES, IMPERFECT_PREFIX,
                             INFLECTIONS, NISBA_ENDING, PLURAL_ENDING, PREPOSITION_BA, PREPOSITIONS, PRONOUN_SUFFIXES, PROCLITICS,
                             readings, stems, strip_article)

MAX_NAME_WORDS: Final = 4
TANWEEN_FATHA: Final = "\u064b"   # the tanween of the accusative, as written over its alef ("رئيساً")
ALEF: Final = "\u0627"   # ا
TATWEEL: Final = "\u0640"   # ـ, the stretching of a letter
TA: Final = "\u062a"   # ت: how a feminine noun writes its ة before a pronoun suffix
# European name particles, as Arabic writes them: inside a name, the word after them belongs to it
FOREIGN_PARTICLES: Final = function_words("foreign_particle")
MADDA_BA: Final = "\u0622\u0628"   # آب as written: "آبي" is no "أبي" (while "آل" is the particle)
YA: Final = "\u064a"   # ي as written: "علي" the name, where "على" ends in ى


def particle_behind_proclitic(norm: str) -> bool:
    """A name particle behind one proclitic, too short for ``stems`` to split
    ("لبن سلمان", "وبن علي")."""
    return norm[:1] in PROCLITICS and norm[1:] in OPENING_PARTICLES


@remembered
def word_stem_readings(norm: str) -> tuple[tuple[int, str], ...]:
    """``NameRules.stem_readings`` of a normalised word, remembered per word: the
    name rules ask it of each word that may open a name, from several rules."""
    if len(norm) == 3 and particle_behind_proclitic(norm):
        return (0, strip_article(norm)), *stems(norm), (1, norm[1:])
    # "كـ" (like, as) comes before offices, not names: "كلارا" is no ك + "لارا"
    return (0, strip_article(norm)), *(reading for reading in stems(norm) if PREPOSITION_KAF not in norm[:reading[0]])


SYLLABLE_LETTERS = 3   # letters of a syllable that a hyphen and a space join to a name ("جونغ- أون")
_KUNYA: Final = function_words("kunya")   # "أبو الغيط": opens a name, never a patronymic
_GLUED_BOU: Final = function_word("glued_kunya")   # "بومدين": a family name, no ب + word
# prepositions no name holds, even right after a particle: "محمد الأمين ولد أبي في نواكشوط"
# ends on "أبي", a name here, not the particle of a name going on
_NO_NAME_AFTER_PARTICLE: Final = function_words("no_name_after_particle")
_EAST_ASIAN_FAMILIES: Final = function_words("korean_family")
# function words that are also syllables of Korean names ("ري يونغ هو", "مون جاي إن", "كيم كي جوان");
# any other ("قد", "في", "لم") ends the name
_SYLLABLE_WORDS: Final = function_words("korean_syllable")
SYLLABLE_LETTERS = 4   # the longest syllable of a Korean name as written in Arabic ("جوان", "يونغ")
_FAMILIES_FIRST: Final = function_words("family_first")   # "كيم": a family name written first, a whole name alone
_OFFICE_WORDS: Final = function_words("office")   # "مهامه", "منصبه": what one takes up, never part of a name
FAMILY_TIME_WORDS: Final = frozenset(ARTICLE + word for word in function_words("family_time"))   # normalised, with the article ("الصباح"): the family of Kuwait's rulers, and "the morning"
_EARLY: Final = function_words("early")   # "الصباح الباكر": the early morning
WE_PREFIX: Final = "ن"   # the imperfect's prefix of the first person plural ("نبحث")


@trait
class NameRules(TokenTests):
    """Tests and rules for personal names; ``add_person`` records one."""

    def name_like(self, index: int) -> bool:
        """Whether the token can be part of a personal name: a plain word, not
        glued to a proclitic and article ("بالعاصمة"), nor an ordinary word
        ("مدرب", "التسوية"), unless it is a known given name ("خميس", not
        Thursday) or a family name right after one ("فؤاد معصوم", "بشار الأسد").
        Remembered per token: the names read forward and backward ask it of the
        same tokens; a word the walk has since covered is none (both known_pair
        and plain_word say so, and nothing else it asks depends on the walk)."""
        if index in self.covered:
            return False
        if index not in self._names:
            self._names[index] = self._name_like(index)
        return self._names[index]

    def _name_like(self, index: int) -> bool:
        if self.known_pair(index):
            return True
        if not self.plain_word(index) or self.courtesy_at(index):
            return False   # "مكتب معالي الوزير": a courtesy opens a name, it is no part of one
        if self.key(index) in self.lex.given_names:
            return True
        if self.written_accusative(index) or self.adverb(index):
            return False  # "معاذ يوميا", "بوتين معاً": an adverb in the accusative continues no name
        if self.has_clitic_article(index) or self.inflected(index) or self.glued_word(index):
            return False
        after_given = self.after_given_name(index)
        norm = self.tokens[index].norm
        if after_given and norm.startswith(ARTICLE) and norm.endswith((FEMININE_ENDING, PLURAL_ENDING)) \
                and (norm.endswith(PLURAL_ENDING) or self.is_common(index)
                     or norm.endswith(NISBA_ENDING + FEMININE_ENDING) and self.common_stem(strip_article(norm)[:-1])):
            # "كيم التاريخية": a feminine or plural adjective is no family name; a tribe's
            # name in ة is ("هاني الخصاونة", "الطراونة", "مازن الفراية": no adjective "فراي")
            return False
        if after_given and self.key(index) in self.lex.frequent_words and not self.family_word_before_post(index):
            return False  # "الملك سلمان دعم": too ordinary a word for a family name
        return after_given or not self.is_common(index)

    def courtesy_at(self, index: int) -> bool:
        """A courtesy dropped from names ("معالي", "فخامة", "السيد"), not an
        honorific that is also a family name ("الشيخ" in "أحمد الشيخ")."""
        return self.honorific_at(index) is not None and not self.kept_honorific(index)

    def after_given_name(self, index: int) -> bool:
        """The word before is a given name or a name particle; a compound given
        name counts whole ("عبد الله الثاني": "الله" alone is none)."""
        if index <= self.start:
            return False
        if self.key(index - 1) in self.lex.given_names or self.key(index - 1) in NAME_PARTICLES:
            return True
        return index - 2 >= self.start and \
            strip_article(self.tokens[index - 2].norm + self.tokens[index - 1].norm) in self.lex.given_names

    def after_name_word(self, index: int) -> bool:
        """The word before may be a name's: neither punctuation, nor a function,
        ordinary or title word ("كاريل فان اوستروم", not "المغربي، فإن")."""
        before = index - 1
        return before >= self.start and not (self.is_punct(before) or self.is_stop(before) or self.is_common(before)
                                            or self.title_at(before) is not None)

    def known_pair(self, index: int) -> bool:
        """The word and the one before it are two words in a row of a known
        person's name (people.tsv): "وليد المعلم", "يوسف الشاهد", "تيريزا ماي"
        read on although "المعلم" is a teacher and "ماي" a month."""
        second = self.tokens[index].norm
        if second not in self.lex.name_pair_seconds:
            return False  # second in no known name: no reading of the word before can pair with it
        if index <= self.start or index in self.covered or self.is_punct(index):
            return False
        if self.key(index) in NAME_PARTICLES or self.key(index - 1) in NAME_PARTICLES:
            return False  # particles ("بن", "آل") have a flow of their own in ``name_forward``
        # compared as written, the article included ("الحسين الأمير" is no "حسين أمير");
        # the first word may carry a proclitic ("ووليد المعلم")
        pairs = self.lex.name_pairs
        return any((first, second) in pairs for _, first in readings(self.tokens[index - 1].norm))

    def conjoined_word(self, index: int) -> bool:
        """A conjunction glued to a word that no reading makes a given name or a
        known person's name: "ووزراء", "ومعالي", "ولجذورنا" open no name after a
        title; "ومحمد", "وبوتين" do."""
        return self.starts_with_conjunction(index) and not self.person_readings(index)

    def conjoined_given_name(self, index: int) -> bool:
        """و glued to a given name or a known person's ("وأحمد", "ومحمد"): a new
        person listed, not the rest of a name before; "وركنه" opens a foreign name."""
        return self.tokens[index].norm.startswith(CONJUNCTION_WA) and self.starts_with_conjunction(index) \
            and 1 in self.person_readings(index)

    def person_readings(self, index: int) -> set[int]:
        """The proclitic lengths under which the word is a given name or a known
        person's name ("ومحمد": {1})."""
        lex = self.lex
        return {cut for cut, stem in stems(self.tokens[index].norm)
                if stem in lex.given_names or stem in lex.person_words}

    def inflected(self, index: int) -> bool:
        """A word with a pronoun suffix ("قوله", "تعزيزه": written with ه, not ة)
        or a verb's future prefix ("سيجريان") is not part of a name."""
        text = self.tokens[index].text.rstrip(TASHKEEL)
        norm = self.tokens[index].norm
        # (most words end with none: one test in C before looking for which)
        suffix = next((s for s in PRONOUN_SUFFIXES if norm.endswith(s)), None) if norm.endswith(PRONOUN_SUFFIXES) else None
        if suffix and len(norm) >= 4 and text.endswith(suffix) and not self.after_particle(index) \
                and self.common_base(strip_article(norm[: -len(suffix)])):
            return True  # "قوله", "تعزيزه", "ناديه", "جولته"; not "ديدييه"
        if self.is_verb(index) and not (norm.startswith(WE_PREFIX) and index > self.start
                                        and self.key(index - 1) in self.lex.given_names):
            # "محمد بن سلمان سيجري", "عمر البشير تستمر"; news tells no "we" after a given
            # name: "محسن نقوي" is a name, though "نقوي" reads "we strengthen"
            return True
        if self.after_particle(index) or index > self.start and self.key(index - 1) in self.lex.given_names:
            return False
        # an imperfect or future verb: "ينال", "يبحث", "سيجريان"; no future verb ends in a
        # bare alef, a foreign name may ("سيسليا")
        return len(norm) >= 4 and norm.startswith(IMPERFECT_PREFIX) \
            or len(norm) >= 5 and norm.startswith(FUTURE_PREFIXES) and not norm.endswith(ALEF)

    def common_base(self, base: str) -> bool:
        """The word a pronoun suffix was glued to is an ordinary one; a feminine
        noun writes its ة as ت there ("جولته": جولة)."""
        common = self.lex.common_words
        return base in common or base.endswith(TA) and base[:-1] + FEMININE_ENDING in common

    def glued_word(self, index: int) -> bool:
        """A preposition or conjunction glued to an ordinary word, a function word
        or a future verb: "بسبب", "لإجراء", "وأن", "وسيتم".  A word that is itself
        an ordinary word ("كامل") or a known name ("بلال", "فهد") is left to the
        other tests: a glued proclitic cannot open a name ("لبنى" aside)."""
        norm = self.tokens[index].norm
        if norm[:1] in PREPOSITIONS and norm[1:] in self.lex.stopwords and self.after_name_word(index):
            return True  # "أبو زيد بأن": after a name, "بأن" is not "بان" of "بان كي مون"
        if norm.startswith(_GLUED_BOU) and len(norm) > len(_GLUED_BOU) + 2 and self.after_given_name(index) \
                and not self.ordinary_after_ba(norm):
            return False  # "هواري بومدين", "عبد القادر بوعزيز": the Maghrebi بو ("father of") glued to a family name
        if norm in self.lex.person_words or self.key(index) in self.lex.common_words:
            return False
        if norm[:1] in PROCLITICS and norm[1:] in self.lex.stopwords and not self.after_name_word(index):
            return True  # "فإن", "وأن": a proclitic before a short function word (no reading splits
            #              it); "كاريل فان اوستروم" keeps its particle
        for cut, stem in stems(norm):
            if cut == 0 or len(stem) < 3:
                continue
            if stem in self.lex.stopwords or self.common_stem(stem):
                return True
            if len(stem) >= 4 and stem.startswith(FUTURE_PREFIXES):
                return True  # "وسيتم", "فستكون"
        return False

    def ordinary_after_ba(self, norm: str) -> bool:
        """The word is ب + an ordinary word, or one with a pronoun suffix ("بوضوح",
        "بوجود", "بوصفه"): no family name opening on بو."""
        rest = norm[len(PREPOSITION_BA):]
        common = self.lex.common_words
        return rest in common or rest in self.lex.stopwords \
            or any(rest.endswith(suffix) and rest[:-len(suffix)] in common for suffix in PRONOUN_SUFFIXES)

    def common_stem(self, stem: str) -> bool:
        """An ordinary word, inflected or not ("سبب", "خرقه", "الشروط" -> شرط is not known)."""
        common = self.lex.common_words
        return stem in common or any(stem.endswith(s) and len(stem) - len(s) >= 3 and stem[: -len(s)] in common
                                     for s in INFLECTIONS)

    def adverb(self, index: int) -> bool:
        """An ordinary word with the accusative alef of an adverb: "يوميا", "قليلا", "حرقا"."""
        key = self.key(index)
        return key.endswith(ACCUSATIVE_ENDING) and len(key) >= 4 and key[:-1] in self.lex.common_words

    def written_accusative(self, index: int) -> bool:
        """A word written with the tanween of the accusative on its final alef
        ("معاً", "يوميًا"): an adverb or an object, never a word of a name, even
        one too short or too rare for ``adverb`` to know ("معا")."""
        text = self.tokens[index].text.replace(TATWEEL, "")
        return text.endswith((TANWEEN_FATHA + ALEF, ALEF + TANWEEN_FATHA))

    def other_person(self, index: int) -> bool:
        """The word is a known person's one-word name ("ترمب") and the word before
        it is none of that person's names but another known person's ("قمة كيم
        ترمب"): it opens another name.  After a given name no one known bears
        ("ميلانيا ترامب") it is a relative's family name; after a given name
        written first ("فرناندو غراندي مارلاسكا"), another person's family name."""
        words = self.lex.lone_names.get(self.key(index))
        before = self.key(index - 1)
        return words is not None and before not in words \
            and (before in self.lex.lone_names or before in self.lex.person_words
                 and (before not in self.lex.given_names or before in _FAMILIES_FIRST))

    def after_particle(self, index: int) -> bool:
        return index > self.start and self.key(index - 1) in NAME_PARTICLES

    def lone_name(self, index: int) -> bool:
        """Whether one word alone can be a name ("ترامب" after "الرئيس"): a known
        given name, or a word that does not look like a common noun (definite,
        feminine ة, plural ات, accusative ا as in "وفدا")."""
        norm = self.tokens[index].norm
        if self.key(index) in self.lex.given_names or self.known_pair(index):
            return True   # "الرئيس السيسي": a known person's form, title and all (people.tsv)
        short_noun = norm.endswith((FEMININE_ENDING, PLURAL_ENDING, ACCUSATIVE_ENDING, NISBA_ENDING)) and len(norm) <= 5
        # "وزير السياحة سجلت السوق": a verb in the perfect
        return not (norm.startswith(ARTICLE) or short_noun or self.perfect_verb(index)
                    or norm.endswith((FEMININE_ENDING, PLURAL_ENDING)))

    def first_name_word(self, index: int) -> bool:
        """An ordinary word opens a name when an unusual word follows it
        ("خميس الجهيناوي", "سلامة" would not open one alone)."""
        following = index + 1
        if self.tokens[index].norm.startswith(ARTICLE) and self.is_common(index) \
                or following < self.end and self.key(following) in self.lex.given_names:
            return False   # "الرئيس الجديد سامي العلوي": an adjective, then a given name opens the name
        if not (self.plain_word(index) and not self.has_clitic_article(index) and not self.inflected(index)
                and following < self.end and self.plain_word(following) and not self.inflected(following)
                and not self.courtesy_at(following)   # "مكتب معالي الوزير"
                and not self.has_clitic_article(following) and not self.is_common(following)
                and len(self.tokens[following].norm) > 2):
            return False
        # the word after it must look like a family name: a nisba ("الجهيناوي"), or an
        # unusual word that closes the name ("وركنه غيبيهو،"); not "الديون", "جدول أعمال القمة"
        following_norm = self.tokens[following].norm
        if following_norm.endswith(NISBA_ENDING):
            return True
        after = following + 1
        closed = after >= self.end or not self.plain_word(after) or self.title_at(after) is not None
        return not following_norm.startswith(ARTICLE) and len(following_norm) >= 4 and closed

    def perfect_verb(self, index: int) -> bool:
        """A frequent verb in the perfect: its root and the feminine ت ("رحلت"),
        the alef of forms IV, VII, VIII and X before it ("ألغى", "انطلقت",
        "استمرت"); never a given name or a known person's name ("أحمد" is no
        form IV of "حمد")."""
        norm = self.tokens[index].norm
        if self.key(index) in self.lex.given_names or norm in self.lex.person_words:
            return False
        return norm.endswith(TA) and (norm[:-1] in self.lex.verb_stems or self.alef_and_stem(norm[:-1])) \
            or self.verb_form_iv(index)

    def verb_form_iv(self, index: int) -> bool:
        """A frequent verb of form IV in the perfect ("ألغى"), given name or not
        ("أشرف": he supervised), the alef written or not."""
        return self.alef_and_stem(self.tokens[index].norm)

    def alef_and_stem(self, word: str) -> bool:
        """An alef before an imperfect stem of verb_stems.tsv: a perfect of form IV,
        VII, VIII or X ("ألغى", "انطلق", "استمر")."""
        return word.startswith(ALEF) and len(word) >= 4 and word[1:] in self.lex.verb_stems

    def given_name_as_written(self, index: int) -> bool:
        """A given name that normalises to a function word ("علي", "على" once
        ى is ي) opens a name where a title or an honorific asks for one, written
        with ي and followed by an unusual word or another given name ("الوزير
        علي الخليل"), not by an ordinary one ("الوزير علي هامش", "علي ضرورة");
        and a country's adjective that is a given name, before "بن" ("تركي بن سعود")."""
        following = index + 1
        token = self.tokens[index]
        if following >= self.end or token.norm not in self.lex.given_names:
            return False
        if index in self.known:
            # "الأمير تركي بن سعود", "المتحدث باسم التحالف، تركي المالكي": a country's adjective
            # that is a given name, before "بن" or a family name with the article
            following_norm = self.tokens[following].norm
            family = following_norm.startswith(ARTICLE) and following_norm.endswith(NISBA_ENDING) \
                and len(following_norm) >= 5 and following not in self.known
            return (self.key(following) in NAME_PARTICLES or family) and not token.norm.startswith(ARTICLE)
        if token.text.rstrip(TASHKEEL)[-1:] != YA or not self.is_stop(index):
            return False
        return self.plain_word(following) and not self.inflected(following) and (
            self.key(following) in self.lex.given_names or not self.is_common(following))

    # -- names ---------------------------------------------------------------
    def particle(self, index: int) -> bool:
        """A name particle ("بن", "آل", "أبي"; inside a name, "فون", "دير": "أورسولا
        فون دير لاين"), as written: "آبي" (of "شينزو آبي") normalises like "أبي"
        but is no particle."""
        key = self.key(index)
        return (key in NAME_PARTICLES or key in FOREIGN_PARTICLES) and not self.tokens[index].text.startswith(MADDA_BA)

    def name_forward(self, index: int) -> int | None:
        """End of a personal name starting at ``index``, or None."""
        if self.third_syllable(index):
            return index + 3   # "ري يونغ هو", "كيم كي جوان": short syllables, whatever they read as alone
        words = 0
        cursor = index
        while cursor < self.end and words < MAX_NAME_WORDS:
            if cursor - index >= 2 and self.key(cursor) in _KUNYA and self.known_name(index, cursor):
                break   # a known person's whole name, then another's opening ("محمد شياع السوداني أبو الغيط")
            if cursor > index and self.known_pair(cursor):
                words, cursor = words + 1, cursor + 1  # a known person's name reads on
                continue
            after_particle = cursor > index and self.particle(cursor - 1)
            if after_particle and not self.is_punct(cursor) and self.key(cursor) not in _NO_NAME_AFTER_PARTICLE:
                cursor += 1
                continue
            if cursor > index and self.particle(cursor) and not self.is_punct(cursor):
                cursor += 1  # "بن", "آل" inside a name; the word after it is taken too
                continue
            if cursor == index and (self.opening_particle_cut(cursor) or 0) > 0:
                cursor += 1   # "لبن سلمان", "وأبو مازن": a particle behind a proclitic opens the name
                continue
            if cursor > index and self.hyphen_joins(cursor):
                words, cursor = words + 1, cursor + 2   # "جونغ-أون", "جاي-إن": one word of the name
                continue
            if cursor == index and not self.name_like(cursor) and (
                    self.first_name_word(cursor) or self.given_name_as_written(cursor)):
                words, cursor = 1, cursor + 1  # "خميس الجهيناوي": a word, then a name
                continue
            if words >= 2 and self.family_time_word(cursor):
                words, cursor = words + 1, cursor + 1   # "الشيخ فهد يوسف سعود الصباح": a family, not the morning
                continue
            if cursor > index and not self.name_like(cursor) and not self.particle(cursor - 1) \
                    and f"{self.key(cursor - 1)} {self.tokens[cursor].norm}" in self.lex.given_names:
                words, cursor = words + 1, cursor + 1   # "توفيق شرف الدين": a compound name's second word, a common one
                continue
            if not self.name_like(cursor) or (cursor > index and self.starts_with_conjunction(cursor)):
                break
            if cursor > index and self.other_person(cursor):
                break  # "قمة كيم ترمب": two people side by side
            if cursor > index and self.perfect_verb(cursor):
                break  # "كيم ألغى", "مي رحلت": the verb the name is the subject of
            if cursor > index and any(stem in _OFFICE_WORDS for _, stem in self.stem_readings(cursor)):
                break  # "وتسلم السفير X مهامه", "كلف X بمهام الوزير": the office taken up, after the name
            if cursor == index + 1 and self.is_common(cursor) and self.key(cursor) not in self.lex.given_names \
                    and (self.key(index) in self.family_names and not self.after_title(index)
                         or index > self.start and self.known_name(index - 1, cursor)):
                # "محمد صلاح" ... "وتصدر صلاح قائمة الهدافين": his family name alone, then a word
                # ("كريم حسن" ... "الوزير حسن سلامة": after a title, a new whole name);
                # "أكد الملك سلمان متانة العلاقات": a known person's whole form, then a word
                break
            if words >= 2 and self.is_common(cursor) and self.key(cursor) not in self.lex.given_names \
                    and not self.family_word_before_post(cursor) and self.compound_given_name_cut(cursor - 1) is None:
                break  # a third word must not be an ordinary one: "سامح شكري الوضع"; "فريد زين الدين" is
            if words >= 2 and self.next_name_opens(cursor):
                break  # "عين الرئيس سامي العلوي كريم الصالحي رئيسا": the object's name after the subject's
            if words >= 2 and self.post_of_words(cursor):
                break  # "علي بن محمد اليوسف أمين الصندوق": a post of two words or more after the name
            if cursor - index >= 2 and self.known_name(index, cursor) and not self.known_pair(cursor):
                break  # a known person's whole name is complete: "دونالد ترامب باغت"
            if not self.particle(cursor):
                words += 1
            cursor += 1
        # a particle does not end a name, unless it is the word after another ("ولد أبي": Abi, his father's name)
        while cursor > index and self.particle(cursor - 1) and not (cursor - 2 > index and self.particle(cursor - 2)):
            cursor -= 1
        if cursor - index == 1 and (not self.lone_name(index) or self.conjoined_word(index)):
            return None  # "ووزراء", "ومعالي" alone: a new item opens on و, not a name
        return cursor if cursor > index else None

    def family_time_word(self, index: int) -> bool:
        """A family name that is also a word of time ("الصباح"), written with the article
        after a name of two words or more, no time after it ("صباح اليوم", "الصباح الباكر")."""
        if self.tokens[index].norm not in FAMILY_TIME_WORDS:
            return False
        following = index + 1
        return following >= self.end or not self.tokens[following].norm[:1].isalnum() \
            or not time_word(self.lex, self.tokens[following].norm) and self.key(following) not in _EARLY

    def family_word_before_post(self, index: int) -> bool:
        """An ordinary word without the article, right before a post in apposition
        ("محمد إسحاق دار نائب رئيس الوزراء") or, after an honorific and a given name, a
        comma ("السفير تميم خلاف،"): the name's last word, not the next phrase ("سامح شكري الوضع" has the article; "سلمان دعم الرئيس": a verb's
        object takes the article, a post in apposition opens without)."""
        if index + 1 < self.end and not self.tokens[index].norm.startswith(ARTICLE) and self.is_comma(index + 1) \
                and index - 2 >= self.start and (self.honorific_at(index - 2) is not None or self.after_title(index - 1)):
            return True   # "المتحدث باسم الوزارة، السفير تميم خلاف، إن": honorific, given name, word, comma
        return index + 1 < self.end and not self.tokens[index].norm.startswith(ARTICLE) \
            and not self.tokens[index + 1].norm.startswith((ARTICLE, CONJUNCTION_WA)) and self.title_at(index + 1) is not None

    def next_name_opens(self, index: int) -> bool:
        """A given name right after a definite nisba ("العلوي كريم الصالحي"): a
        family name ends a name, and another opens."""
        before = self.tokens[index - 1].norm
        key = self.key(index)
        if not (before.startswith(ARTICLE) and before.endswith(NISBA_ENDING) and key in self.lex.given_names):
            return False
        following = self.tokens[index + 1].norm if index + 1 < self.end else ""
        # an ordinary word as given name ("كريم") only with a family nisba after it
        return key not in self.lex.common_names or following.startswith(ARTICLE) and following.endswith(NISBA_ENDING)

    def post_of_words(self, index: int) -> bool:
        """A title of two words or more opens at the word ("أمين الصندوق", "أمين عام"),
        which alone may be a given name ("أمين")."""
        title = self.lex.titles.match_at(self.tokens, index, self.end)
        return title is not None and title.end - index >= 2

    def after_title(self, index: int) -> bool:
        """A title stands right before the word ("الوزير حسن سلامة")."""
        return index > self.start and self.lex.titles.match_at(self.tokens, index - 1, index) is not None

    def third_syllable(self, index: int) -> bool:
        """A Korean family name ("كيم", "ري", "مون"), a short syllable, then another
        short word written apart: the name's three syllables, whatever each reads
        as alone ("هو", "إن", "كي"), but no preposition ("مون جاي في سيول") and no
        word a gazetteer knows."""
        second, third = index + 1, index + 2
        if third >= self.end or self.key(index) not in _EAST_ASIAN_FAMILIES:
            return False
        return all(self.tokens[i].norm.isalpha() and 2 <= len(self.tokens[i].norm) <= SYLLABLE_LETTERS
                   and i not in self.known and (not self.is_stop(i) or self.tokens[i].norm in _SYLLABLE_WORDS)
                   and not self.perfect_verb(i) for i in (second, third)) \
            and self.tokens[second].span.end < self.tokens[third].span.start   # written apart, no hyphen

    def hyphen_joins(self, index: int) -> bool:
        """A hyphen written between two letters with no space ("يونغ-مو"): the
        word after it belongs to the name, whatever it is alone ("إن"); so does a
        short syllable one space after a hyphen glued to the word before ("جونغ- أون"),
        no function word ("ترامب- الذي")."""
        following = index + 1
        if following >= self.end or self.tokens[index].text not in HYPHENS:
            return False
        before, hyphen, after = self.tokens[index - 1], self.tokens[index], self.tokens[following]
        if before.span.end != hyphen.span.start or not (after.norm.isalpha() and before.norm.isalpha()):
            return False
        gap = after.span.start - hyphen.span.end
        return gap == 0 or gap == 1 and len(after.norm) <= SYLLABLE_LETTERS and not self.is_stop(following) \
            and not self.tokens[following].norm.startswith(ARTICLE)

    def known_name(self, first: int, end: int) -> bool:
        """The words [first, end) are a known person's whole name (people.tsv),
        the first maybe behind a proclitic ("لدونالد ترامب")."""
        rest = tuple(token.norm for token in self.tokens[first + 1:end])
        return any((word, *rest) in self.lex.full_names for _, word in readings(self.tokens[first].norm))

    def name_backward(self, end: int) -> int | None:
        """Start of a personal name ending just before ``end``: accepted when it
        opens with a known given name, or has two to four words."""
        cursor = end
        while cursor > self.start and end - cursor < MAX_NAME_WORDS + 2 and self.name_like(cursor - 1):
            cursor -= 1
        while cursor < end and self.key(cursor) in NAME_PARTICLES:
            cursor += 1
        if cursor >= end:
            return None
        if self.key(cursor) in self.lex.given_names or 2 <= end - cursor <= MAX_NAME_WORDS:
            return cursor
        return None

    def given_name_cut(self, index: int) -> int | None:
        """Where a name opens on a given name with no title before it: the
        proclitic length ("لنبيل القاسمي": 1), or None.  A given name that is also
        an ordinary word ("سامي") needs a family name like "العلوي" after it."""
        readings = self.stem_readings(index)
        if not any(stem in self.lex.given_names for _, stem in readings):
            return None
        if index in self.covered or not self.plain_word(index):
            return None
        following = self.tokens[index + 1].norm if index + 1 < self.end else ""
        next_key = strip_article(following)
        for cut, stem in readings:
            if stem not in self.lex.given_names:
                continue
            family_like = following.startswith(ARTICLE) and following.endswith(NISBA_ENDING) \
                or next_key in NAME_PARTICLES or cut == 0 and self.foreign_nisba_after(index) \
                or index + 1 < self.end and self.known_pair(index + 1)   # "خليفة حفتر": a known person's
            another_given = next_key in self.lex.given_names and next_key not in self.lex.common_names \
                and not following.startswith(ARTICLE)
            if stem in self.lex.common_names and not (
                    family_like or cut == 0 and another_given and not self.tokens[index].norm.startswith(ARTICLE)):
                continue  # "وأسماء الأشخاص" is no name; "لنبيل القاسمي", "وسعد بن خالد", "محسن مرزوق" are
            # a compound given name written as one word ("وعبداللطيف الملحم") is no ordinary
            # word: a definite family name may follow it behind a proclitic too
            glued = following.startswith(ARTICLE) and not self.is_common(index + 1) \
                and any(stem.startswith(head) and len(stem) > len(head) + 2 for head in self.lex.compound_heads)
            if cut and not (family_like or another_given or glued or self.family_name_after(index)):
                continue  # "وخوان فرناندو كينتيرو", "لدونالد ترمب"; "لعلي أقول" is none
            if cut == 0 and not self.name_like(index):
                continue
            return cut
        return None

    def foreign_nisba_after(self, index: int) -> bool:
        """The word after is an unusual family name ending like a nisba without the
        article ("جمال خاشقجي", "سمير بوعزيزي"): a family name (family_name_after)
        of five letters or more, no word with the pronoun "my" ("جمال طبيعي",
        "كامل احترامي"), no honorific ("معالي")."""
        if not self.family_name_after(index):
            return False
        norm = self.tokens[index + 1].norm
        return len(norm) >= 5 and norm.endswith(NISBA_ENDING) and not self.common_stem(norm[:-1]) \
            and self.honorific_at(index + 1) is None

    def family_name_after(self, index: int) -> bool:
        """The word after a given name read behind a proclitic is a family
        name: an unusual word, neither ordinary, nor a verb, nor definite."""
        following = index + 1
        return following < self.end and self.plain_word(following) and not self.is_common(following) \
            and not self.has_clitic_article(following) and not self.inflected(following) \
            and not self.tokens[following].norm.startswith(ARTICLE) and len(self.tokens[following].norm) >= 3

    def stem_readings(self, index: int) -> tuple[tuple[int, str], ...]:
        """(proclitic length, stem) of each reading of the word, the whole word first;
        and a particle behind one proclitic, too short for ``stems`` to split ("لبن سلمان")."""
        return word_stem_readings(self.tokens[index].norm)

    def compound_given_name_cut(self, index: int) -> int | None:
        """The proclitic length when the word and the next make one given name
        ("عبد الرحيم", "نور الدين", "وسيف الإسلام"), or None."""
        following = index + 1
        if following >= self.end or {index, following} & self.covered or self.is_punct(following):
            return None
        second = self.tokens[following].norm
        return next((cut for cut, stem in self.stem_readings(index) if stem + second in self.lex.given_names), None)

    def opening_particle_cut(self, index: int) -> int | None:
        """The proclitic length when the word is a particle that opens a name
        and a given name follows ("أبو بكر", "وبن علي"), or None."""
        following = index + 1
        if following >= self.end or {index, following} & self.covered or self.is_punct(following):
            return None
        if self.key(following) not in self.lex.given_names and self.compound_given_name_cut(following) != 0:
            return None
        cut = next((cut for cut, stem in self.stem_readings(index) if stem in OPENING_PARTICLES), None)
        before = index - 1
        if cut == 0 and before >= self.start and (
                before in self.covered or any(stem in self.lex.given_names for _, stem in self.stem_readings(before))):
            return None  # "تركي بن سعود": the name opened on the word before, read or not; "وأبو همام" is another
        return cut

    def given_name_at(self, index: int) -> tuple[int, int] | None:
        """Where a name opens with no title before it: (proclitic length, fewest
        words the name needs), or None.  One given name needs a family name
        after it ("نبيل القاسمي"), and so does a given name of two words ("عبد
        الرحيم المنصوري"); a particle and a given name stand alone ("أبو مازن",
        "بن علي")."""
        cut = self.given_name_cut(index)
        if cut is not None:
            return cut, 2
        cut = self.compound_given_name_cut(index)
        if cut is not None:
            return cut, 3
        cut = self.opening_particle_cut(index)
        return (cut, 2) if cut is not None else None

    def name_after(self, index: int) -> int | None:
        return self.name_forward(index) if index < self.end else None

    def first_kept_honorific(self, first: int, name_start: int) -> int | None:
        cursor = first
        while cursor < name_start:
            found = self.honorific_at(cursor)
            if found is None:
                return None
            if self.kept_honorific(cursor):
                return cursor
            cursor = found.end
        return None

    def add_person(self, first: int, last: int, honorific_first: int | None = None, cut: int = 0) -> Span:
        span = self.span(first, last, cut)
        self.found.mentions.append(Mention(span, "", PERSON, NAME_MENTION, source="name"))
        if honorific_first is not None:
            wide = self.span(honorific_first, last)
            self.found.mentions.append(Mention(wide, "", PERSON, NAME_MENTION, source="honorific+name"))
        self.covered.update(range(first, last))
        return span
