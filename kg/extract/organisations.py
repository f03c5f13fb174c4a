"""Organisations and venues named from their head nouns ("وزارة الداخلية",
"مطار القاهرة"), organs of one ("الجمعية العامة للمنظمة"), definite
descriptions ("المنظمة") and bare complements of a post ("للأمن الوطني")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kg.extract.lexicon import Match, function_word, function_words, read_tsv, word_key
from kg.extract.lexicons import DOMAIN_NOUNS, HYPHENS, NAME_PARTICLES
from kg.extract.walker import TokenTests, stop_word
from kg.model import ADJECTIVE_MENTION, CITY, COUNTRY, NAME_MENTION, NOMINAL_MENTION, ORGANISATION, VENUE, VISIT, EntityType, Mention
from kg.native import trait
from kg.text.clitics import (ARTICLE, ARTICLE_AFTER_LAM, CONJUNCTION_LAM, CONJUNCTION_WA, FEMININE_ENDING,
                             NISBA_ENDING, PREPOSITION_BA, PREPOSITION_LAM, PROCLITICS, PRONOUN_SUFFIXES, stem_set, stems,
                             strip_article)

MAX_COMPLEMENT_WORDS: Final = 5
DEMONSTRATIVES: Final = function_words("demonstrative")
NAME_ADJECTIVES: Final = function_words("name_adjective")
INSTITUTION_ADJECTIVES: Final = function_words("institution_adjective")
CITY_HEADS: Final = function_words("city_head")
_ORGAN_LINKS: Final = function_words("organ_link")   # "التابعة ل": an organ's link to its parent
COMPLEMENTIZERS: Final = function_words("complementizer")
TRAFFIC: Final = function_words("traffic")
OCCUPATIONS: Final = function_words("occupation")
GATHERING_PLACES: Final = function_words("gathering_place")
FACILITY_HEADS: Final = function_words("facility_head")
VISITED_REACH: Final = 5   # words between a verb of visiting and the facility visited (its subject's title and name)
MOVEMENT: Final = function_words("movement")   # "حركة"
SOURCE_LINE: Final = tuple(function_word("source_line").split())   # "رابط الخبر": a wire's line naming the paper it ran in
# a meeting's words before a forum that holds it: "الدورة الرابعة لمنتدى" is the forum itself, a gathering
_GATHERING_WORDS: Final = function_words("meeting_word")   # "اجتماع", "الوزاري"
MISSION_PLACES: Final = function_words("in_a") | function_words("at")   # "في", "لدى": "السفارة القطرية في واشنطن"
CITY_NAME_WORDS: Final = 3   # proper nouns a city's name may have ("مدينة سان خوسيه")
ORDINALS: Final = frozenset(word_key(row[0]) for row in read_tsv("ordinals.tsv", 3) if row[1] == "unit")


OPENING_QUOTES: Final = ('"', "«", "“")   # and the closing quote of each, in order
CLOSING_QUOTES: Final = ('"', "»", "”")
_NO_QUOTES: Final = str.maketrans("", "", "".join(OPENING_QUOTES + CLOSING_QUOTES))   # a label's form: "صحيفة ستريت تايمز"
_OFFICIAL: Final = function_words("official_adjective")   # "الرسمية": "وكالة الأنباء الرسمية (سانا)"
QUOTED_NAME_WORDS: Final = 5   # words of an outlet's name in quotes ("صحيفة \"وول ستريت جورنال\"")


@dataclass(slots=True)
class OrgName:
    """An organisation name being read from its head noun."""
    index: int              # the head's first token
    head: Match[str]
    kind: str               # the head's kind in org_heads.tsv: "org", "organ", "weak", ...
    definite_head: bool
    demonstrative: bool     # "هذه المنظمة"
    cursor: int             # end of the name so far
    seen_definite: bool
    parent: Mention | None = None   # the organisation an organ belongs to
    adjective_country: bool = False   # "وزارة الخارجية المغربية"
    linked: bool = False    # "الهيئة الوطنية للانتخابات": one ل-complement
    in_post: bool = False   # the complement of a post ("مدير الجهاز السوداني الجديد": the director is new)
    venue: bool = False     # a venue's name: "مقر حركة النهضة" holds an organisation the gazetteer knows
    proper: bool = False    # the construct closed on a proper noun ("متحف باردو")
    eponym: bool = False    # named after a royal ("جامعة الملك سعود")


def city_head(norm: str) -> bool:
    """A city head under any reading ("مدينة", "بمدينة", "وقرية")."""
    return any(stem in CITY_HEADS for _, stem in stems(norm))


# imperfect verbs of the derived forms V and VI ("تتعامل", "يتركز"), which no
# lexicon lists in full; no proper noun of Arabic news starts so
_VERB_STARTS: Final = ("تت", "يت", "وتت", "ويت")   # prefixes, و included


MINISTRY_SOURCE: Final = "ministry"   # a ministry named by its domain alone ("الخارجية الأمريكية"), kg.link.resolve


@trait
class OrganisationRules(TokenTests):
    """Rules for organisations and venues; each adds its mention and returns its end."""

    def definite(self, index: int) -> bool:
        norm = self.tokens[index].norm
        return norm.startswith(ARTICLE) or norm.startswith(ARTICLE_AFTER_LAM)

    def conjoined_definite(self, index: int) -> bool:
        """"والاستخبارات" continues a name; "ولمراقبة" starts a new complement."""
        norm = self.tokens[index].norm
        return norm.startswith(CONJUNCTION_WA + ARTICLE) and len(norm) > 4

    def org_phrase(self, index: int, entity_type: EntityType = ORGANISATION,
                   in_post: bool = False) -> int | None:
        """Parse an organisation (or venue) named from its head noun at ``index``;
        adds its mention and returns its end.

        The name follows Arabic definiteness: after an indefinite head comes a
        construct chain closed by a definite noun ("مصالح حماية الدولة"), then
        definite adjectives ("الأمنية"); after a definite head, only definite
        words.  "والاستخبارات" continues a name; "ولمراقبة" does not."""
        lexicon = self.lex.venue_heads if entity_type is VENUE else self.lex.org_heads
        head = lexicon.match_at(self.tokens, index, self.end)
        if head is None:
            return None
        kind = "org" if entity_type is VENUE else head.values[0]
        if kind == "weak" and not in_post:
            return None
        if kind == "forum":
            # "الاجتماع الوزاري لمنتدى التعاون العربي الصيني": a forum whose meeting is told is a
            # body; "منتدى الدوحة" alone, or a session of it, is a gathering (a trigger)
            if head.cut == 0 or index == self.start or not self.gathering_word(index - 1):
                return None
            kind = "org"
        if kind == "broadcaster":
            kind = "national" if self.definite(index) else "press"   # "التلفزيون السوري", "تلفزيون المستقبل"
        quoted = self.quoted_name_end(head.end) if kind in ("quoted", "press") and not self.definite(index) else None
        if kind == "quoted":
            if quoted is None:
                return None   # "مجلة الأحوال الشخصية": a code of law; "موقع الحادث": a place
            kind = "press"
        if kind == "press":
            # "صحيفة الشروق": named after the indefinite head; "الصحيفة البريطانية" describes
            # one named before, "صحيفة أمريكية" names none
            if quoted is not None:
                # "صحيفة "ستريت تايمز"", "قناة «روسيا اليوم»": the name in quotes, whatever its words
                self.covered.update(range(index, quoted))
                self.found.dropped += [self.known[i][1] for i in range(head.end, quoted) if i in self.known]
                span = self.span(index, quoted, head.cut)
                written = " ".join(self.source_text[span.start:span.end].translate(_NO_QUOTES).split())
                self.found.mentions.append(Mention(span, written, ORGANISATION, NAME_MENTION, source="head-noun"))
                return quoted
            if self.definite(index) or head.end >= self.end or head.end in self.known:
                return None
            inner = self.lex.org_heads.match_at(self.tokens, head.end, self.end)
            if self.is_verb(head.end) or inner is not None and inner.values[0] != "broadcaster":
                # "تحالف تقوده السعودية" describes; "تحالف شركة X" names the company; a channel
                # is in a broadcaster's name ("تلفزيون القناة الأولى")
                return None
            if index - 2 >= self.start and (self.key(index - 2), self.key(index - 1)) == SOURCE_LINE:
                return None   # "رابط الخبر بصحيفة الوئام:": the publisher's own line (GUIDE: no entity)
            kind = "org"
        if head.end < self.end and strip_article(self.tokens[index].norm[head.cut:]) in MOVEMENT \
                and self.key(head.end) in TRAFFIC:
            return None   # "حركة التجارة الدولية", "حركة الملاحة": traffic, no movement's name
        if kind == "national" and not in_post and not self.country_adjective_at(head.end):
            return None  # "الجيش السوري" is a state's army; "جيش" alone is any army
        if kind == "ministry" and (in_post or not self.ministry_by_domain(index, head.end)):
            return None
        # behind a conjunction too: "والاتحاد يقدران" is no construct of the union's
        definite_head = (self.definite(index) or self.tokens[index].norm[head.cut:].startswith(ARTICLE)) \
            and not self.tokens[index].norm.startswith(CONJUNCTION_LAM)
        demonstrative = index > self.start and not DEMONSTRATIVES.isdisjoint(stem_set(self.tokens[index - 1].norm))
        name = OrgName(index, head, kind, definite_head, demonstrative, cursor=head.end,
                       seen_definite=definite_head or self.definite(head.end - 1), in_post=in_post,
                       venue=entity_type is VENUE)
        while name.cursor < self.end and name.cursor - head.end < MAX_COMPLEMENT_WORDS:
            if not self.org_word(name):
                break
        if kind == "mission" and name.cursor > head.end:
            name.cursor = self.posted_in(name.cursor)
        if name.venue and not definite_head and head.end < self.end and head.end not in self.known \
                and self.lex.org_heads.match_at(self.tokens, head.end, self.end) is not None:
            # "بمقر المديرية العامة للأمن الوطني": the seat of a body, named whole
            body_end = self.org_phrase(head.end)
            if body_end is not None and body_end > name.cursor:
                name.cursor = body_end
                name.seen_definite = True   # the body's name closes the construct: a name, no description
        if name.venue and not definite_head and name.cursor > head.end and name.cursor in self.known:
            last, mention = self.known[name.cursor]
            if mention.type is CITY and mention.kind is NAME_MENTION \
                    and mention.span.start == self.tokens[name.cursor].span.start:
                name.cursor = last   # "فندق شيراتون الدوحة", "فندق ريتز كارلتون الرياض": the hotel's city is in its name
        return self.add_org(name, entity_type)

    def bracketed_after(self, index: int) -> bool:
        """An organisation's other name in brackets opens at ``index`` ("(سانا)")."""
        return index + 1 < self.end and self.tokens[index].text == "(" and index + 1 in self.known \
            and self.known[index + 1][1].type is ORGANISATION

    def quoted_name_end(self, index: int) -> int | None:
        """The end of a name in quotes opening at ``index`` ("\"ستريت تايمز\"",
        "«الشرق الأوسط»"): after its closing quote, within QUOTED_NAME_WORDS words; or None."""
        if index >= self.end or self.tokens[index].text not in OPENING_QUOTES:
            return None
        closing = CLOSING_QUOTES[OPENING_QUOTES.index(self.tokens[index].text)]
        for cursor in range(index + 2, min(self.end, index + QUOTED_NAME_WORDS + 2)):
            if self.tokens[cursor].text == closing:
                return cursor + 1
            if self.is_punct(cursor):
                return None
        return None

    def gathering_word(self, index: int) -> bool:
        """A meeting's word, or its adjective ("الوزاري"), maybe before its definite
        ordinal ("الاجتماع الوزاري العاشر")."""
        for at in (index, index - 1, index - 2):
            if at < self.start:
                return False
            if self.key(at) in _GATHERING_WORDS:
                return True
            if self.key(at) not in ORDINALS:
                return False
        return False

    def posted_in(self, cursor: int) -> int:
        """The end of the place an embassy or mission is in, named right after
        it ("سفارة تونس بفرنسا", "السفارة القطرية في واشنطن", "لدى المملكة"),
        else ``cursor``."""
        at = cursor + 1 if cursor < self.end and self.key(cursor) in MISSION_PLACES else cursor
        if at < self.end and at in self.known and self.known[at][1].type.is_place \
                and self.known[at][1].kind is NAME_MENTION \
                and (at > cursor or self.tokens[at].norm[:1] == PREPOSITION_BA):
            return self.known[at][0]
        return cursor

    def org_word(self, name: OrgName) -> bool:
        """Take the word at ``name.cursor`` into the name and return True, or
        return False where the name ends (past a parent or an adjective of a
        country, when one closes it)."""
        cursor = name.cursor
        norm = self.tokens[cursor].norm
        if name.kind in ("organ", "council") and norm[:1] == PREPOSITION_LAM:
            name.parent = self.organ_parent(cursor)
            if name.parent is not None:
                name.cursor = self.after_parent
                return False
            if name.kind == "organ":
                return False   # "المكتب السياسي للجماعة": an organ of a body told by a common noun
            # "المجلس الأعلى للقضاء": a council of no body after it, its own complement
        if cursor in self.known:
            return self.org_known_word(name)
        if cursor == name.head.end and not name.definite_head and self.eponym(name):
            return True
        if cursor == name.head.end and not name.definite_head and self.key(cursor) in DOMAIN_NOUNS:
            # "منتدى التعاون العربي الصيني": a domain in construct with the head, though no word of a name
            name.cursor, name.seen_definite = cursor + 1, True
            return True
        if cursor > name.head.end and self.key(cursor) in _OFFICIAL and self.bracketed_after(cursor + 1):
            # "وكالة الانباء الرسمية (سانا)": the adjective before the other name in brackets is
            # this name's (alone, "الرسمية" is no word of a name)
            name.cursor, name.seen_definite = cursor + 1, True
            return True
        if self.is_punct(cursor) or self.is_stop(cursor) or self.title_at(cursor) or self.is_trigger(cursor) or \
                norm.endswith(PRONOUN_SUFFIXES[:3]) or self.is_time_word(cursor) or self.honorific_at(cursor):
            return False  # "التزامها": a possessed noun is never part of a name; nor "الثلاثاء", "الدكتور"
        if self.describes_next_person(cursor):
            return False   # "عين مجلس الأمن الدولي الدبلوماسي الألماني هورست كوهلر": the object begins
        if self.conjoined_definite(cursor) and self.second_body(cursor):
            return False   # "الحركة والحكومة الأفغانية": a second body, not the first's name going on
        if self.conjoined_definite(cursor):
            name.seen_definite = True
        elif (name.definite_head or cursor > name.head.end) and self.name_opening(cursor):
            return False   # "عضو المكتب السياسي الهادي بن صالح": the holder's name, no adjective
        elif self.definite(cursor):
            if self.has_clitic_article(cursor):
                # "الهيئة الوطنية للانتخابات": one ل-complement makes a
                # definite description a name of its own
                if not (norm.startswith(ARTICLE_AFTER_LAM) and (name.definite_head or name.eponym or name.proper)
                        and not name.linked
                        and (cursor > name.head.end or name.head.end - name.index >= 2)):
                    return False
                name.linked = True
            name.seen_definite = True
        elif not self.plain_word(cursor):
            return False
        elif self.proper_noun(cursor) and (name.proper or not name.seen_definite):
            # "متحف باردو", "شركة أرامكو": a proper noun closes the construct, and
            # may take more words ("منظمة هيومن رايتس ووتش")
            name.seen_definite = name.proper = True
        elif name.seen_definite and self.conjoined_construct(cursor):
            name.cursor += 2   # "وزارة الخارجية وشؤون المغتربين": a second domain in construct
            return True
        elif not name.seen_definite and self.conjoined_before_place(cursor):
            name.cursor += 1   # "غرفة تجارة وصناعة أبوظبي": two domains in construct with the place
            return True
        elif name.seen_definite or norm[:1] in PROCLITICS:
            return False
        name.cursor += 1
        return True

    def conjoined_construct(self, index: int) -> bool:
        """An indefinite word behind و with a definite word right after it, its
        genitive ("وشؤون المغتربين"); not a name's start ("ومحمد") nor another body's
        head ("ووزارة الخارجية")."""
        following = index + 1
        return following < self.end and self.conjoined_common_noun(index) \
            and self.lex.venue_heads.match_at(self.tokens, index, self.end) is None \
            and self.tokens[following].norm.startswith(ARTICLE) and following not in self.known \
            and self.plain_word(following) and self.title_at(following) is None \
            and self.honorific_at(index) is None and self.honorific_at(following) is None

    def conjoined_before_place(self, index: int) -> bool:
        """An indefinite common noun behind و, right before a place's name, in an
        indefinite construct ("غرفة تجارة وصناعة أبوظبي"): the place closes both."""
        following = index + 1
        return following < self.end and self.conjoined_common_noun(index) \
            and following in self.known and self.known[following][1].type.is_place \
            and self.known[following][1].kind is NAME_MENTION and not self.has_clitic_article(following) \
            and self.tokens[following].norm[:1] not in PROCLITICS

    def conjoined_common_noun(self, index: int) -> bool:
        """An indefinite common noun behind و ("وشؤون", "وصناعة"), not a name's start
        ("ومحمد") nor another body's head ("ووزارة")."""
        norm = self.tokens[index].norm
        return norm.startswith(CONJUNCTION_WA) and len(norm) > 3 and not norm[1:].startswith(ARTICLE) \
            and self.key(index)[1:] in self.lex.common_words \
            and self.lex.org_heads.match_at(self.tokens, index, self.end) is None

    def describes_next_person(self, index: int) -> bool:
        """A noun of occupation, a country's adjective maybe, then a given name
        ("الدبلوماسي الألماني هورست"): a person described, not the adjectives of a name."""
        if self.key(index) not in OCCUPATIONS:
            return False
        following = index + 1
        if following in self.known and self.known[following][1].type is COUNTRY:
            following = self.known[following][0]
        return following < self.end and self.key(following) in self.lex.given_names

    def second_body(self, index: int) -> bool:
        """An organisation's head behind و with a definite word of its own after it
        ("والحكومة الأفغانية", "والاتحاد المصري"): another body named; a head that
        closes the name ("مصالح حماية الدولة والاستخبارات") is part of it."""
        head = self.lex.org_heads.match_at(self.tokens, index, self.end)
        # "اتحاد الإذاعة والتلفزيون المصري": radio and television go together in one name
        return head is not None and head.values[0] != "broadcaster" and head.end < self.end \
            and self.definite(head.end)

    def ministry_by_domain(self, index: int, head_end: int) -> bool:
        """"قالت الخارجية الأمريكية", "باسم الخارجية الفرنسية": a ministry by its domain
        alone, its state's feminine adjective after it; not a definite noun's adjective
        ("السياسة الخارجية الأمريكية", a policy) nor, inside a post, a minister's domain."""
        if not self.country_adjective_at(head_end) or not self.tokens[head_end].norm.endswith(FEMININE_ENDING):
            return False
        return index == self.start or not (self.tokens[index - 1].norm.startswith(ARTICLE)
                                           or self.has_clitic_article(index - 1))

    def name_opening(self, index: int) -> bool:
        """A given name written with the article, as the Maghreb writes many
        ("الهادي", "الحبيب"), that opens a name: a name particle follows it
        ("الهادي بن صالح") or a word no dictionary knows ("الحبيب الصيد")."""
        following = index + 1
        norm = self.tokens[index].norm
        if following >= self.end or not norm.startswith(ARTICLE) or self.key(index) not in self.lex.given_names:
            return False
        return self.key(following) in NAME_PARTICLES or (
            self.plain_word(following) and not self.is_common(following) and not self.has_clitic_article(following)
            and self.key(index) not in self.lex.common_names)

    def city_phrase(self, index: int) -> int | None:
        """"بمدينة تاورمينا", "في بلدة X": the proper nouns after an indefinite
        city head name a city or town; returns their end."""
        if not city_head(self.tokens[index].norm) or self.definite(index):
            return None   # "المدينة ووزارتي التجارة": the city named before
        first = cursor = index + 1
        while cursor < self.end and cursor - first < CITY_NAME_WORDS and cursor not in self.known \
                and self.plain_word(cursor) and self.proper_noun(cursor) \
                and (cursor == first or self.tokens[cursor].norm[:1] not in CONJUNCTION_WA):
            cursor += 1
        if cursor == first:
            return None
        self.found.mentions.append(Mention(self.span(first, cursor), "", CITY, NAME_MENTION,
                                           source="head-noun"))
        self.covered.update(range(index, cursor))
        return cursor

    def eponym(self, name: OrgName) -> bool:
        """"جامعة الملك سعود", "مطار الملك خالد الدولي", "جامعة الأميرة نورة بنت
        عبدالرحمن": an institution named after a royal, by a kept honorific
        (after the head, or ending it: "مدينة الملك عبدالعزيز") and the name
        after it, which the name takes in and reads on past."""
        cursor = name.cursor
        if name.venue and name.head.end - name.index == 1 and cursor < self.end \
                and self.key(cursor) in self.lex.given_names and (end := self.name_forward(cursor)) is not None \
                and end - cursor >= 2:
            # "مطار هواري بومدين الدولي", "ملعب محمد الخامس": a building named after a person
            name.cursor, name.seen_definite, name.eponym = end, True, True
            return True
        if self.kept_honorific(cursor) and name.head.end - name.index == 1:
            # (a head that names a building whole, "قصر الاتحادية", is named after no one: "في قصر
            # الاتحادية الرئيس X" is where X is)
            cursor = self.honorific_at(cursor).end
        elif not self.kept_honorific(cursor - 1):
            return False
        end = self.name_forward(cursor)
        if end is None and cursor < self.end and self.key(cursor) in self.lex.given_names:
            end = cursor + 1   # one given name is enough after a royal's honorific
        if end is None:
            return False
        name.cursor, name.seen_definite, name.eponym = end, True, True
        return True

    def proper_noun(self, index: int) -> bool:
        """An indefinite word no lexicon knows under any reading ("باردو",
        "تكنوفيا", "جورجتاون"), definite by itself as a proper noun is."""
        norm = self.tokens[index].norm
        lex = self.lex
        return len(norm) >= 3 and norm.isalpha() and not norm.startswith(_VERB_STARTS) \
            and not self.is_common(index) and not stop_word(lex, norm) and not self.is_verb(index) \
            and not lex.honorifics.opens(norm) and self.key(index) not in lex.given_names \
            and norm not in lex.person_words   # "حزب أردوغان", "مكتب ماكين": a person's, not a name

    def name_complement(self, name: OrgName, cursor: int) -> bool:
        """Whether the definite ل-word at ``cursor``, after a country's adjective,
        completes the name of a definite head ("الوكالة الأمريكية للتنمية
        الدولية", "الشركة السعودية لحماية البيئة"): when an adjective or
        punctuation follows it, or a definite noun closes its construct; not a
        purpose, whose verbal noun takes an object ("البرلمان الألماني للسفر إلى").
        The head of a state's own body ("الجيش السوري", "الحكومة المصرية") takes
        purposes only ("للسيطرة على المدينة")."""
        norm = self.tokens[cursor].norm
        if not (norm[:1] == PREPOSITION_LAM and name.definite_head and not name.linked and len(norm) > 4):
            return False
        following = cursor + 1
        closing = following < self.end and self.definite(following) and not self.has_clitic_article(following) \
            and following not in self.known and not self.is_stop(following)
        if not norm.startswith(ARTICLE_AFTER_LAM):
            return closing   # "لحماية البيئة": a construct closed by a definite noun
        # "تقرير الهيئة المصرية العامة للاستعلامات إن": what a body says follows its name
        return following >= self.end or self.is_punct(following) or closing or self.key(following) in COMPLEMENTIZERS

    def org_known_word(self, name: OrgName) -> bool:
        """A gazetteer mention inside the name: a country's adjective closes it;
        a city or country right after an indefinite head completes it, and so
        does an organisation after a venue's ("مقر الأمم المتحدة")."""
        cursor = name.cursor
        last, mention = self.known[cursor]
        if (mention.kind is ADJECTIVE_MENTION or self.adjective_form(name, cursor, mention)) \
                and not self.has_clitic_article(cursor):
            # "الجيش اللبناني", "وزارة الخارجية المغربية"; and what may still follow
            name.cursor, name.adjective_country = self.adjectives_after(last, name.in_post), True
            if name.cursor < self.end and name.kind not in ("national", "weak", "state", "ministry") \
                    and self.name_complement(name, name.cursor):
                # "الوكالة الأمريكية للتنمية الدولية": a ل-complement still names it
                name.cursor, name.linked = name.cursor + 1, True
                return True
            return False
        # right after the head, or closing an indefinite construct ("شركة نفط الكويت", "غرفة تجارة وصناعة أبوظبي")
        place_after_head = (cursor == name.head.end or not name.seen_definite and not name.venue) \
            and not name.definite_head and name.kind != "state" \
            and (mention.type in (CITY, COUNTRY)
                 or name.venue and mention.type is ORGANISATION)
        # a proclitic cut off the place ("وبغداد", "بالقاهرة"), not a first letter ("بغداد")
        clitic = self.tokens[cursor].text[:max(0, mention.span.start - self.tokens[cursor].span.start)]
        if place_after_head and not self.has_clitic_article(cursor) \
                and not any(letter in clitic for letter in CONJUNCTION_WA + PREPOSITION_BA):
            # "مطار القاهرة", "قصر قرطاج", "جامعة القاهرة", "مقر الأمم المتحدة"; "شركة قطر للاستثمار"
            name.cursor, name.seen_definite = last, True
            name.proper = mention.type is COUNTRY or mention.type is CITY
            return True
        return False

    def adjective_form(self, name: OrgName, cursor: int, mention: Mention) -> bool:
        """A country's name that is also its feminine adjective ("السعودية"),
        after a definite head or a construct closed by a definite noun: "الهيئة
        السعودية" is the Saudi authority, "وزارة الدفاع السعودية" its ministry."""
        norm = self.tokens[cursor].norm
        return name.seen_definite and mention.type is COUNTRY and self.known[cursor][0] == cursor + 1 \
            and norm.startswith(ARTICLE) and norm.endswith(NISBA_ENDING + FEMININE_ENDING)

    def country_adjective_at(self, index: int) -> bool:
        mention = self.known.get(index, (0, None))[1]
        return mention is not None and mention.kind is ADJECTIVE_MENTION and not self.has_clitic_article(index)

    def adjectives_after(self, cursor: int, in_post: bool = False) -> int:
        """The end of the adjectives after a country's adjective that still belong
        to the name: another country's ("مجلس الأعمال السوداني الإثيوبي"), one of
        a closed list or an ordinal ("المتحف المصري الجديد", "الخط المصري الثالث");
        in a post, only a country's: "مدير الجهاز السوداني الجديد" is a new director."""
        while cursor < self.end:
            if self.tokens[cursor].text in HYPHENS and cursor + 1 < self.end and self.country_adjective_at(cursor + 1) \
                    and cursor > 0 and self.country_adjective_at(cursor - 1):
                cursor += 1   # "اللجنة المشتركة الكبرى الجزائرية-الموريتانية"
                continue
            if cursor in self.known:
                last, mention = self.known[cursor]
                if mention.kind is not ADJECTIVE_MENTION or self.has_clitic_article(cursor) \
                        or self.tokens[cursor].span.start < mention.span.start:
                    break
                cursor = last
            elif not in_post and self.tokens[cursor].norm.startswith(ARTICLE) and (
                    self.key(cursor) in NAME_ADJECTIVES or self.key(cursor) in ORDINALS):
                cursor += 1
            else:
                break
        return cursor

    def add_org(self, name: OrgName, entity_type: EntityType) -> int | None:
        """Record the name read, unless it is an indefinite description; returns its end."""
        index, head, cursor = name.index, name.head, name.cursor
        extra = cursor - head.end
        # a head of two words or more is a name by itself ("مراقبة التراب الوطني")
        listed = extra == 0 and head.end - index >= 2 and name.kind not in ("organ", "council")
        if not name.definite_head and name.parent is None and not listed and (extra == 0 or not name.seen_definite):
            return None  # "هيئة إدارية": an indefinite description, not a name
        if name.kind == "state" and name.definite_head and name.adjective_country and not name.linked:
            return None  # "الحكومة الألمانية" stands for the state (GUIDE 1), named by its adjective
        if name.kind == "state" and not name.definite_head and head.end in self.known \
                and self.known[head.end][0] == cursor and self.known[head.end][1].type is COUNTRY:
            return None  # "حكومة سوريا" too: the state, named by its name
        # "المحكمة الدستورية", "الديوان الملكي": one institution, named so
        institution = name.definite_head and not name.demonstrative and cursor > head.end \
            and self.key(cursor - 1) in INSTITUTION_ADJECTIVES
        nominal = (name.definite_head or name.demonstrative) and name.parent is None \
            and not (name.adjective_country or listed or name.linked or institution)
        if name.parent is None and not name.in_post and not nominal and not name.demonstrative:
            if self.hosts_gatherings(index, cursor) or self.key(index) in FACILITY_HEADS and self.visited_at(index):
                # "المركز الدولي للمؤتمرات": a building where they are held; "زار مركز العمليات
                # الأمنية": a facility visited is the place of the visit
                entity_type = VENUE
            if name.linked and (entity_type is VENUE or self.key(index) in FACILITY_HEADS):
                cursor = self.eponym_after(cursor)   # "المركز الدولي للمؤتمرات عبد اللطيف رحال"
        first = index - 1 if name.demonstrative and not name.definite_head else index
        span = self.span(first, cursor, 0 if first < index else head.cut)
        self.found.mentions.append(Mention(
            span, self.article_restored(name, span), entity_type, NOMINAL_MENTION if nominal else NAME_MENTION,
            source="organ" if name.parent else ("nominal" if nominal else MINISTRY_SOURCE if name.kind == "ministry"
                                                 else "head-noun"),
            parent=name.parent.span if name.parent else None))
        self.covered.update(range(first, cursor))
        return cursor

    def hosts_gatherings(self, first: int, end: int) -> bool:
        """A name whose words name conferences or exhibitions ("المركز الدولي للمؤتمرات",
        "قصر المعارض"): a building where they are held."""
        return any(not GATHERING_PLACES.isdisjoint(stem_set(self.tokens[i].norm)) for i in range(first + 1, end))

    def visited_at(self, index: int) -> bool:
        """A verb or noun of visiting within VISITED_REACH words before the token at
        ``index``, no punctuation between ("زار الوزير مركز", "خلال زيارته لمركز")."""
        for before in range(index - 1, max(self.start, index - 1 - VISITED_REACH) - 1, -1):
            if self.is_punct(before):
                return False
            match = self.lex.triggers.match_at(self.tokens, before, self.end)
            if match is not None and VISIT.value in match.values:
                return True
        return False

    def eponym_after(self, cursor: int) -> int:
        """The end of a person's name of two words or more right after a facility's
        name, no comma between ("المركز الدولي للمؤتمرات عبد اللطيف رحال"): the person
        it is named after; else ``cursor``."""
        if cursor >= self.end or self.key(cursor) not in self.lex.given_names and self.compound_given_name_cut(cursor) != 0:
            return cursor
        end = self.name_forward(cursor)
        return end if end is not None and end - cursor >= 2 else cursor

    def article_restored(self, name: OrgName, span) -> str:
        """The name as it reads with its article, where "ل" wrote it away: in
        "للجنة العليا" the head is "اللجنة" (its adjective is definite), the
        article's alef and lam unwritten after the preposition; "" (the text as
        written) otherwise, "للجنة التشاور" among them (a construct)."""
        head = self.tokens[name.index].norm
        following = name.head.end
        if name.head.cut != 1 or not head.startswith(ARTICLE_AFTER_LAM) or following >= name.cursor:
            return ""
        adjective = self.key(following) in NAME_ADJECTIVES or self.key(following) in INSTITUTION_ADJECTIVES \
            or self.country_adjective_at(following) or self.nisba_agreeing(head, self.tokens[following].norm)
        return ARTICLE + self.source_text[span.start:span.end] if adjective else ""

    @staticmethod
    def nisba_agreeing(head: str, word: str) -> bool:
        """A definite relative adjective of the head's gender ("للجنة الأمنية": a
        feminine head, "الأمنية"), not a noun in construct ("للجنة التشاور")."""
        if not word.startswith(ARTICLE):
            return False
        feminine = head.endswith(FEMININE_ENDING)
        return word.endswith(NISBA_ENDING + FEMININE_ENDING) if feminine else word.endswith(NISBA_ENDING)

    def organ_parent(self, index: int) -> Mention | None:
        """The organisation after the ل of an organ: "للأنتربول", "لـ«أنتربول»",
        "لهذه المنظمة", "للمنظمة"; sets ``after_parent``."""
        cursor = index
        if self.tokens[cursor].norm == PREPOSITION_LAM:
            cursor += 1
            while cursor < self.end and self.is_punct(cursor):
                cursor += 1
        if cursor < self.end and cursor in self.known:
            last, mention = self.known[cursor]
            if mention.type is ORGANISATION:
                self.after_parent = last
                return mention
            return None
        if cursor < self.end and self.key(cursor) in _ORGAN_LINKS and len(self.key(cursor)) > 2:
            cursor += 1
        end = self.org_phrase(cursor) if cursor < self.end else None
        if end is None:
            return None
        self.after_parent = end
        return self.found.mentions[-1]

    def bare_org(self, index: int) -> int | None:
        """"للأمن الوطني" after "المدير العام": an organisation named without a head noun."""
        cursor = index + 1
        while cursor < self.end and cursor - index < MAX_COMPLEMENT_WORDS and cursor not in self.known and (
                self.definite(cursor) and self.plain_word(cursor) and not self.has_clitic_article(cursor)
                or self.conjoined_definite(cursor)):
            cursor += 1
        if cursor - index < 2:
            return None   # "رئيس للجمهورية": one word is the post's domain, not a name
        cut = 2 if self.tokens[index].norm.startswith(ARTICLE_AFTER_LAM) else 1
        if self.tokens[index].norm.startswith(CONJUNCTION_LAM):
            cut = 3 if self.tokens[index].norm.startswith(CONJUNCTION_WA + ARTICLE_AFTER_LAM) else 2
        span = self.span(index, cursor, cut)
        self.found.mentions.append(Mention(span, "", ORGANISATION, NAME_MENTION, source="post-complement"))
        self.covered.update(range(index, cursor))
        return cursor
