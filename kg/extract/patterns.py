"""Names no gazetteer knows: officials and their posts, organisations and
venues from their head nouns.

Finding is split from deciding: ``find_names`` walks one sentence's tokens and
returns the mentions and post mentions it sees; which of them are the same
entity is decided later (kg.link.resolve).  The walk recognises

- honorific + name ("السيد خميس الجهيناوي", "الملك سلمان بن عبدالعزيز"),
- title + complement + name ("المدير العام للأمن الوطني، عبد اللطيف الحموشي"),
- name + title apposition ("عمر حيجاوي بيرشنر، المدير العام لمصالح ..."),
- chains of posts after a name ("... ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية"),
- coordinated posts ("المدير العام للأمن الوطني ولمراقبة التراب الوطني": two posts),
- role-only officials ("رئيس المنظمة") and organisations named inside posts,
- organisations from head nouns ("وزارة الداخلية"), organs of one
  ("الجمعية العامة للمنظمة") and definite descriptions ("المنظمة").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.gazetteer import token_offset
from kg.extract.lexicon import PhraseLexicon, function_words, read_tsv, word_key
from kg.model import EntityType, Mention, MentionKind, PostMention, Span, Token
from kg.text.clitics import ARTICLE, ARTICLE_AFTER_LAM, FEMININE_ENDING, NISBA_ENDING, PLURAL_ENDING, PRONOUN_SUFFIXES, readings, stems, strip_article
from kg.text.normalize import normalize_for_matching

NAME_PARTICLES = function_words("name_particle")
MAX_NAME_WORDS = 4
MAX_COMPLEMENT_WORDS = 5
IMPERFECT_PREFIX = "ي"
FUTURE_PREFIXES = ("سي", "ست", "سن")
DESTINATIONS = function_words("destination")
# endings that inflect an ordinary word: feminine, plurals, duals, pronouns, adverbial ا (رسميا)
# (not ون or ان, which end many names: ماكرون، عثمان)
INFLECTIONS = ("ه", "ات", "ين", "تين", "ها", "هم", "ا")
DEMONSTRATIVES = function_words("demonstrative")


@dataclass(frozen=True)
class Lexicons:
    titles: PhraseLexicon[str]
    honorifics: PhraseLexicon[tuple[bool, str]]
    org_heads: PhraseLexicon[str]
    venue_heads: PhraseLexicon[bool]
    triggers: PhraseLexicon[str]
    stopwords: frozenset[str]
    given_names: frozenset[str]
    common_names: frozenset[str]
    common_words: frozenset[str]
    frequent_words: frozenset[str]
    time_words: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> Lexicons:
        return cls(
            titles=PhraseLexicon((row[0], row[1]) for row in read_tsv("titles.tsv", 2)),
            honorifics=PhraseLexicon((row[0], (row[1] == "1", normalize_for_matching(row[0].split()[0])))
                                     for row in read_tsv("honorifics.tsv", 2)),
            org_heads=PhraseLexicon((row[0], row[1]) for row in read_tsv("org_heads.tsv", 2)),
            venue_heads=PhraseLexicon((row[0], True) for row in read_tsv("venue_heads.tsv", 1)),
            triggers=PhraseLexicon((row[0], row[1]) for row in read_tsv("triggers.tsv", 3)),
            stopwords=frozenset(word_key(row[0]) for row in read_tsv("stopwords.tsv", 1)),
            given_names=frozenset(key for row in read_tsv("given_names.tsv", 3) if row[1] in ("m", "f", "u")
                                  for key in (word_key(row[0]), word_key(row[0].replace(" ", "")))),
            # given names that are also common words ("سعيد", "أمين") start a name only after a title
            common_names=frozenset(word_key(row[0]) for row in read_tsv("given_names.tsv", 3) if row[2] == "1"),
            common_words=frozenset(row[0] for row in read_tsv("common_words.tsv", 2)),
            # ordinals are frequent words that do follow a given name ("محمد السادس")
            frequent_words=frozenset(row[0] for row in read_tsv("common_words.tsv", 2) if row[1] == "1")
            - frozenset(word_key(row[0]) for row in read_tsv("ordinals.tsv", 3)),
            # months by key; weekdays only with their article ("الخميس"): "خميس" is a name
            time_words=frozenset(word_key(row[0]) for row in read_tsv("months.tsv", 2))
            | frozenset(normalize_for_matching(row[0]) for row in read_tsv("weekdays.tsv", 2)),
        )


@dataclass
class Found:
    mentions: list[Mention]
    posts: list[PostMention]
    dropped: list[Mention]   # gazetteer mentions that proved part of a longer name


class SentenceWalker:
    """One pass over the tokens [start, end) of a sentence."""

    def __init__(self, lex: Lexicons, tokens: Sequence[Token], start: int, end: int,
                 known: Sequence[tuple[int, int, Mention]]):
        self.lex = lex
        self.tokens = tokens
        self.start = start
        self.end = end
        self.found = Found([], [], [])
        self.after_parent = start
        self.known_items = list(known)
        self.known, self.covered = {}, set()
        self.reset_memo()
        known = [item for item in known if not self.cut_short(item) and not self.ambiguous_country(item)]
        for first, last, mention in known:  # the outermost mention starting at a token
            if first not in self.known or last > self.known[first][0]:
                self.known[first] = (last, mention)
        self.covered = {index for first, last, _ in known for index in range(first, last)}
        self.reset_memo()  # the token tests depend on what is known

    def reset_memo(self) -> None:
        self._keys: dict[int, str] = {}
        self._plain: dict[int, bool] = {}
        self._titles: dict[int, object] = {}
        self._honorifics: dict[int, object] = {}
        self._triggers: dict[int, bool] = {}
        self._common: dict[int, bool] = {}

    def cut_short(self, item: tuple[int, int, Mention]) -> bool:
        """A gazetteer organisation followed by an adjective of its own is the
        start of another name: "مجلس الأمن الوطني" is not the Security Council;
        a city right after a given name is a family name."""
        first, last, mention = item
        if mention.type is EntityType.CITY and mention.kind is MentionKind.NAME and first > self.start \
                and self.key(first - 1) in self.lex.given_names and self.tokens[first].span.start == mention.span.start:
            self.found.dropped.append(mention)  # "جو هاجن": a family name, not the city of Hagen
            return True
        if mention.type is not EntityType.ORGANISATION or mention.kind is not MentionKind.NAME or last >= self.end:
            return False
        if any(f <= last < l for f, l, _ in self.known_items) or not self.tokens[last].norm.startswith(ARTICLE):
            return False
        following = self.tokens[last].norm
        if self.plain_word(last) and self.is_common(last) and not self.has_clitic_article(last) \
                and following.endswith((NISBA_ENDING, NISBA_ENDING + FEMININE_ENDING)):
            self.found.dropped.append(mention)  # "الوطني", "القومية": an adjective of its own; not "الحصول"
            return True
        return False

    def ambiguous_country(self, item: tuple[int, int, Mention]) -> bool:
        """"دعم مالي": a country name that is also an ordinary word is a country only
        with a preposition or after a locative word ("في مالي", "بمالي")."""
        first, last, mention = item
        if mention.type is not EntityType.COUNTRY or self.key(first) not in function_words("ambiguous_country"):
            return False
        if self.tokens[first].span.start < mention.span.start:
            return False  # a proclitic preposition: "بمالي"
        if first > self.start and self.key(first - 1) in function_words("locative"):
            return False
        self.found.dropped.append(mention)
        return True

    # -- token tests -------------------------------------------------------
    def key(self, index: int) -> str:
        """The token as lexicons compare it (kg.extract.lexicon.word_key)."""
        key = self._keys.get(index)
        if key is None:
            key = self._keys[index] = strip_article(self.tokens[index].norm)
        return key

    def is_punct(self, index: int) -> bool:
        return not self.tokens[index].norm[:1].isalnum()

    def is_comma(self, index: int) -> bool:
        return index < self.end and self.tokens[index].text in ("،", ",")

    def has_clitic_article(self, index: int) -> bool:
        """"بالعاصمة", "للأمن", "والاستخبارات": a proclitic glued to a definite word."""
        return any(cut > 0 and (rest.startswith("ال") or cut >= 2 and self.tokens[index].norm.startswith("لل"))
                   for cut, rest in readings(self.tokens[index].norm))

    def starts_with_conjunction(self, index: int) -> bool:
        norm = self.tokens[index].norm
        return norm[:1] in "وف" and len(norm) > 3 and self.key(index) not in self.lex.given_names

    def conjoined(self, index: int) -> bool:
        """The word carries the conjunction و: "ورئيس الوزراء" starts a new item."""
        return index < self.end and self.tokens[index].norm.startswith("و") and \
            self.lex.titles.match_at(self.tokens, index, self.end, clitics=False) is None

    def is_stop(self, index: int) -> bool:
        if self.key(index) in self.lex.stopwords:
            return True
        return any(stem in self.lex.stopwords for cut, stem in stems(self.tokens[index].norm) if cut > 0)

    def honorific_at(self, index: int):
        """An honorific written as listed: "الرئيس" is one, "رئيس" is a title."""
        if index not in self._honorifics:
            self._honorifics[index] = self._honorific_at(index)
        return self._honorifics[index]

    def _honorific_at(self, index: int):
        if index >= self.end:
            return None
        found = self.lex.honorifics.match_at(self.tokens, index, self.end, clitics=False)
        if found is None or all(first != self.tokens[index].norm for _, first in found.values):
            return None
        return found

    def plain_word(self, index: int) -> bool:
        """A word that can be part of a name of any kind: not punctuation, a
        number, a function word, a date word, a title or a trigger."""
        if index in self.covered:
            return False
        if index not in self._plain:
            self._plain[index] = self._plain_word(index)
        return self._plain[index]

    def _plain_word(self, index: int) -> bool:
        token = self.tokens[index]
        if self.is_punct(index) or token.norm.isdigit() or len(token.norm) < 2 or index in self.covered \
                or self.is_stop(index):
            return False
        if self.key(index) in self.lex.given_names:
            return True
        return not (self.is_time_word(index) or self.title_at(index)
                    or self.is_trigger(index))

    def is_trigger(self, index: int) -> bool:
        if index not in self._triggers:
            self._triggers[index] = self.lex.triggers.match_at(self.tokens, index, self.end) is not None
        return self._triggers[index]

    def is_time_word(self, index: int) -> bool:
        return self.key(index) in self.lex.time_words or any(
            rest in self.lex.time_words for _, rest in readings(self.tokens[index].norm))

    def name_like(self, index: int) -> bool:
        """Whether the token can be part of a personal name: a plain word, not
        glued to a proclitic and article ("بالعاصمة"), nor an ordinary word
        ("مدرب", "التسوية"), unless it is a known given name ("خميس", not
        Thursday) or a family name right after one ("فؤاد معصوم", "بشار الأسد")."""
        if not self.plain_word(index):
            return False
        if self.key(index) in self.lex.given_names:
            return True
        if self.has_clitic_article(index) or self.inflected(index):
            return False
        after_given = index > self.start and self.key(index - 1) in self.lex.given_names | NAME_PARTICLES
        norm = self.tokens[index].norm
        if after_given and norm.startswith(ARTICLE) and norm.endswith((FEMININE_ENDING, PLURAL_ENDING)):
            return False  # "كيم التاريخية": a feminine or plural adjective is no family name
        if after_given and self.key(index) in self.lex.frequent_words:
            return False  # "الملك سلمان دعم": too ordinary a word for a family name
        return after_given or not self.is_common(index)

    def inflected(self, index: int) -> bool:
        """A word with a pronoun suffix ("قوله", "تعزيزه": written with ه, not ة)
        or a verb's future prefix ("سيجريان") is not part of a name."""
        text = self.tokens[index].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        norm = self.tokens[index].norm
        suffix = next((s for s in PRONOUN_SUFFIXES if norm.endswith(s)), None)
        if suffix and len(norm) >= 4 and text.endswith(suffix) and not self.after_particle(index) \
                and strip_article(norm[: -len(suffix)]) in self.lex.common_words:
            return True  # "قوله", "تعزيزه", "ناديه"; not "ديدييه"
        if self.after_particle(index) or index > self.start and self.key(index - 1) in self.lex.given_names:
            return False
        # an imperfect or future verb: "ينال", "يبحث", "سيجريان"
        return len(norm) >= 4 and norm.startswith(IMPERFECT_PREFIX) or len(norm) >= 5 and norm.startswith(FUTURE_PREFIXES)

    def after_particle(self, index: int) -> bool:
        return index > self.start and self.key(index - 1) in NAME_PARTICLES

    def is_common(self, index: int) -> bool:
        """An ordinary word of Arabic news, inflected or not: "الشاملة" (شامل),
        "اللاعبين" (لاعب), "بخصوص" (خصوص)."""
        if index not in self._common:
            self._common[index] = self._is_common(index)
        return self._common[index]

    def _is_common(self, index: int) -> bool:
        common = self.lex.common_words
        for _, stem in stems(self.tokens[index].norm):
            if stem in common:
                return True
            for suffix in INFLECTIONS:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3 and stem[: -len(suffix)] in common:
                    return True
        return False

    # -- names ---------------------------------------------------------------
    def name_forward(self, index: int) -> int | None:
        """End of a personal name starting at ``index``, or None."""
        words = 0
        cursor = index
        while cursor < self.end and words < MAX_NAME_WORDS:
            after_particle = cursor > index and self.key(cursor - 1) in NAME_PARTICLES
            if after_particle and not self.is_punct(cursor):
                cursor += 1
                continue
            if cursor > index and self.key(cursor) in NAME_PARTICLES and not self.is_punct(cursor):
                cursor += 1  # "بن", "آل" inside a name; the word after it is taken too
                continue
            if cursor == index and not self.name_like(cursor) and self.first_name_word(cursor):
                words, cursor = 1, cursor + 1  # "خميس الجهيناوي": a word, then a name
                continue
            if not self.name_like(cursor) or (cursor > index and self.starts_with_conjunction(cursor)):
                break
            if words >= 2 and self.is_common(cursor) and self.key(cursor) not in self.lex.given_names:
                break  # a third word must not be an ordinary one: "سامح شكري الوضع"
            if self.key(cursor) not in NAME_PARTICLES:
                words += 1
            cursor += 1
        while cursor > index and self.key(cursor - 1) in NAME_PARTICLES:
            cursor -= 1
        if cursor - index == 1 and not self.lone_name(index):
            return None
        return cursor if cursor > index else None

    def lone_name(self, index: int) -> bool:
        """Whether one word alone can be a name ("ترامب" after "الرئيس"): a known
        given name, or a word that does not look like a common noun (definite,
        feminine ة, plural ات, accusative ا as in "وفدا")."""
        norm = self.tokens[index].norm
        if self.key(index) in self.lex.given_names:
            return True
        return not (norm.startswith("ال") or norm.endswith(("ه", "ات", "ا", "ي")) and len(norm) <= 5
                    or norm.endswith(("ه", "ات")))

    def first_name_word(self, index: int) -> bool:
        """An ordinary word opens a name when an unusual word follows it
        ("خميس الجهيناوي", "سلامة" would not open one alone)."""
        following = index + 1
        if not (self.plain_word(index) and not self.has_clitic_article(index) and not self.inflected(index)
                and following < self.end and self.plain_word(following) and not self.inflected(following)
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
        readings = ((0, self.key(index)), *stems(self.tokens[index].norm))
        if not any(stem in self.lex.given_names for _, stem in readings):
            return None
        if index in self.covered or not self.plain_word(index):
            return None
        following = self.tokens[index + 1].norm if index + 1 < self.end else ""
        for cut, stem in readings:
            if stem not in self.lex.given_names:
                continue
            family_like = following.startswith(ARTICLE) and following.endswith(NISBA_ENDING)
            if (stem in self.lex.common_names or cut) and not family_like:
                continue  # "وأسماء الأشخاص" is no name; "لنبيل القاسمي" is
            if cut == 0 and not self.name_like(index):
                continue
            return cut
        return None

    def add_person(self, first: int, last: int, honorific_first: int | None = None, cut: int = 0) -> Span:
        span = self.span(first, last, cut)
        self.found.mentions.append(Mention(span, "", EntityType.PERSON, MentionKind.NAME, source="name"))
        if honorific_first is not None:
            wide = self.span(honorific_first, last)
            self.found.mentions.append(Mention(wide, "", EntityType.PERSON, MentionKind.NAME, source="honorific+name"))
        self.covered.update(range(first, last))
        return span

    def span(self, first: int, last: int, cut: int = 0) -> Span:
        return Span(token_offset(self.tokens[first], cut), self.tokens[last - 1].span.end)

    # -- organisations ---------------------------------------------------------
    def definite(self, index: int) -> bool:
        norm = self.tokens[index].norm
        return norm.startswith("ال") or norm.startswith("لل")

    def org_phrase(self, index: int, entity_type: EntityType = EntityType.ORGANISATION,
                   in_post: bool = False) -> int | None:
        """Parse an organisation (or venue) named from its head noun at ``index``;
        adds its mention and returns its end.

        The name follows Arabic definiteness: after an indefinite head comes a
        construct chain closed by a definite noun ("مصالح حماية الدولة"), then
        definite adjectives ("الأمنية"); after a definite head, only definite
        words.  "والاستخبارات" continues a name; "ولمراقبة" does not."""
        lexicon = self.lex.venue_heads if entity_type is EntityType.VENUE else self.lex.org_heads
        head = lexicon.match_at(self.tokens, index, self.end)
        if head is None:
            return None
        kind = "org" if entity_type is EntityType.VENUE else head.values[0]
        if kind == "weak" and not in_post:
            return None
        definite_head = self.definite(index) and not self.tokens[index].norm.startswith("ول")
        demonstrative = index > self.start and any(
            stem in DEMONSTRATIVES for _, stem in stems(self.tokens[index - 1].norm))
        cursor = head.end
        seen_definite = definite_head or self.definite(head.end - 1)
        parent: Mention | None = None
        adjective_country = False
        linked = False
        while cursor < self.end and cursor - head.end < MAX_COMPLEMENT_WORDS:
            norm = self.tokens[cursor].norm
            if kind == "organ" and norm[:1] == "ل":
                parent = self.organ_parent(cursor)
                if parent is not None:
                    cursor = self.after_parent
                break
            if cursor in self.known:
                last, mention = self.known[cursor]
                if mention.kind is MentionKind.ADJECTIVE and not self.has_clitic_article(cursor):
                    cursor, adjective_country = last, True  # "الجيش اللبناني", "وزارة الخارجية المغربية"
                elif cursor == head.end and not definite_head and mention.type in (EntityType.CITY, EntityType.COUNTRY) \
                        and not self.has_clitic_article(cursor) and not self.tokens[cursor].norm[:1] in "وب":
                    cursor, seen_definite = last, True  # "مطار القاهرة", "قصر قرطاج", "جامعة القاهرة"
                    continue
                break
            if self.is_punct(cursor) or self.is_stop(cursor) or self.title_at(cursor) or self.is_trigger(cursor) or \
                    norm.endswith(PRONOUN_SUFFIXES[:3]):
                break  # "التزامها": a possessed noun is never part of a name
            if self.conjoined_definite(cursor):
                seen_definite = True
            elif self.definite(cursor):
                if self.has_clitic_article(cursor):
                    # "الهيئة الوطنية للانتخابات": one ل-complement makes a
                    # definite description a name of its own
                    if not (norm.startswith("لل") and definite_head and not linked and cursor > head.end):
                        break
                    linked = True
                seen_definite = True
            elif seen_definite or norm[:1] in "وفبلك" or not self.plain_word(cursor):
                break
            cursor += 1
        extra = cursor - head.end
        # a head of two words or more is a name by itself ("مراقبة التراب الوطني")
        listed = extra == 0 and head.end - index >= 2 and kind != "organ"
        if not definite_head and parent is None and not listed and (extra == 0 or not seen_definite):
            return None  # "هيئة إدارية": an indefinite description, not a name
        nominal = (definite_head or demonstrative) and parent is None and not (adjective_country or listed or linked)
        first = index - 1 if demonstrative and not definite_head else index
        span = self.span(first, cursor, 0 if first < index else head.cut)
        self.found.mentions.append(Mention(
            span, "", entity_type, MentionKind.NOMINAL if nominal else MentionKind.NAME,
            source="organ" if parent else ("nominal" if nominal else "head-noun"),
            parent=parent.span if parent else None))
        self.covered.update(range(first, cursor))
        return cursor

    def organ_parent(self, index: int) -> Mention | None:
        """The organisation after the ل of an organ: "للأنتربول", "لـ«أنتربول»",
        "لهذه المنظمة", "للمنظمة"; sets ``after_parent``."""
        cursor = index
        if self.tokens[cursor].norm == "ل":
            cursor += 1
            while cursor < self.end and self.is_punct(cursor):
                cursor += 1
        if cursor < self.end and cursor in self.known:
            last, mention = self.known[cursor]
            if mention.type is EntityType.ORGANISATION:
                self.after_parent = last
                return mention
            return None
        if cursor < self.end and self.key(cursor) in function_words("organ_link") and len(self.key(cursor)) > 2:
            cursor += 1
        end = self.org_phrase(cursor) if cursor < self.end else None
        if end is None:
            return None
        self.after_parent = end
        return self.found.mentions[-1]

    def conjoined_definite(self, index: int) -> bool:
        """"والاستخبارات" continues a name; "ولمراقبة" starts a new complement."""
        norm = self.tokens[index].norm
        return norm.startswith("وال") and len(norm) > 4

    # -- posts -----------------------------------------------------------------
    def title_phrase(self, index: int, last_person: tuple[int, Span] | None):
        """A title at ``index`` with its holder: the person just named before it
        ("عمر حيجاوي، المدير العام ..."), or named after it, possibly after a chain
        of posts and honorifics ("نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي
        الشيخ محمد بن راشد"); a counterpart ("نظيره المصري") is a reference, not a
        post.  Returns (end, last person) or None."""
        title = self.title_at(index)
        if title.values[0] == "counterpart":
            return self.counterpart(index, title), last_person
        holder = None
        if last_person and last_person[0] in (index, index - 1) and (
                last_person[0] == index or self.is_comma(index - 1)) and not self.conjoined(index):
            holder = last_person[1]
        if holder is None:
            stop = index - 1 if self.is_comma(index - 1) else index
            start_name = self.name_backward(stop)
            if start_name is not None and self.key(start_name) in self.lex.given_names:
                holder = self.add_person(start_name, stop)
        posts_before = len(self.found.posts)
        end = self.post(index, holder)
        if end is None:
            return None
        if holder is not None:
            return self.posts_after(end, holder), last_person
        while (following := end + 1 if self.is_comma(end) else end) < self.end and self.title_at(following) \
                and self.title_at(following).values[0] not in ("counterpart",):
            end = self.post(following, None) or end  # a chain of posts before the name
            if end < following:
                break
        name_start = end + 1 if self.is_comma(end) else end
        honorific_start = name_start
        while (more := self.honorific_at(name_start)) is not None:
            name_start = more.end
        name_end = self.name_forward(name_start) if name_start < self.end else None
        if name_end is None:
            return end, last_person
        span = self.add_person(name_start, name_end, self.first_kept_honorific(honorific_start, name_start))
        self.found.posts[posts_before:] = [self.with_holder(p, span) for p in self.found.posts[posts_before:]]
        return self.posts_after(name_end, span), (name_end, span)

    def counterpart(self, index: int, title) -> int:
        """"نظيره المصري سامح شكري" names a person; "نظيره المصري" alone is a
        reference resolved later to the Egyptian holder of a post."""
        cursor = title.end
        country: Span | None = None
        if cursor in self.known and self.known[cursor][1].type is EntityType.COUNTRY:
            cursor, country = self.known[cursor][0], self.known[cursor][1].span
        name_start = cursor + 1 if self.is_comma(cursor) else cursor
        while (more := self.honorific_at(name_start)) is not None:
            name_start = more.end
        name_end = self.name_forward(name_start) if name_start < self.end else None
        if name_end is not None:
            self.add_person(name_start, name_end)
            return name_end
        self.found.mentions.append(Mention(self.span(index, cursor, title.cut), "", EntityType.PERSON,
                                           MentionKind.ROLE, source="counterpart", parent=country))
        self.covered.update(range(index, cursor))
        return cursor

    def title_at(self, index: int):
        """The title at ``index``; a prefix ("نائب", "مساعد") joins the title after it.
        A given name before a name particle is a name ("سلطان بن صالح")."""
        if index not in self._titles:
            self._titles[index] = self._title_at(index)
        return self._titles[index]

    def _title_at(self, index: int):
        if index >= self.end:
            return None
        if index + 1 < self.end and self.key(index + 1) in NAME_PARTICLES and self.key(index) in self.lex.given_names:
            return None
        found = self.lex.titles.match_at(self.tokens, index, self.end)
        if found is not None:
            # "رئيس الجمهورية العراقية": the country the gazetteer knows is the complement
            inside = next((i for i in range(found.start + 1, found.end) if i in self.known), None)
            if inside is not None:
                found = type(found)(found.start, inside, found.cut, ("head",))
        if found is None or found.values[0] != "prefix":
            return found
        following = self.lex.titles.match_at(self.tokens, found.end, self.end)
        if following is None or following.values[0] in ("prefix", "counterpart"):
            return type(found)(found.start, found.end, found.cut, ("head",))
        return type(found)(found.start, following.end, found.cut, following.values)

    def post(self, index: int, holder: Span | None) -> int | None:
        """Parse a post at ``index`` (title + complement, coordinated complements);
        adds PostMentions and returns the end."""
        title = self.title_at(index)
        if title is None:
            return None
        kind = title.values[0]
        cursor = title.end
        complements: list[tuple[int, int, Span | None]] = []
        first = cursor
        org_span, cursor = self.complement(cursor, kind)
        complements.append((first, cursor, org_span))
        while cursor < self.end and self.tokens[cursor].norm.startswith("ول") and kind in ("head", "domain"):
            second_start = cursor
            org_span, after = self.complement(cursor, kind)
            if after == second_start:
                break
            complements.append((second_start, after, org_span))
            cursor = after
        title_text = " ".join(token.text for token in self.tokens[index:title.end])
        for number, (first, last, org_span) in enumerate(complements):
            if number == 0:
                span = self.span(index, last, title.cut)
                written = self.text_of(index, last, title.cut)
            else:
                span = self.span(first, last, 1)
                written = f"{title_text} {self.text_of(first, last, 1)}"
            self.found.posts.append(PostMention(span, written, holder, org_span))
        self.covered.update(range(index, cursor))
        return cursor

    def text_of(self, first: int, last: int, cut: int = 0) -> str:
        return self.source_text[self.span(first, last, cut).start:self.tokens[last - 1].span.end]

    def complement(self, index: int, kind: str = "head") -> tuple[Span | None, int]:
        """What follows a title: an organisation or country (returned as the span
        of its mention), or for a minister a domain ("الشؤون الخارجية"); then an
        optional country ("الإسباني", "المغربية") and destination ("إلى اليمن")."""
        if index >= self.end:
            return None, index
        org: Span | None = None
        cursor = index
        inner = self.title_at(cursor) if kind in ("head", "domain") else None
        if inner is not None and inner.values[0] in ("head", "domain", "alone"):
            return self.complement(inner.end, inner.values[0])  # "مبعوث أمين عام الأمم المتحدة"
        if kind != "alone" and cursor in self.known and \
                self.known[cursor][1].type in (EntityType.ORGANISATION, EntityType.COUNTRY):
            last, mention = self.known[cursor]
            org, cursor = mention.span, last
        elif kind != "alone":
            org_end = self.org_phrase(cursor, in_post=True)
            if org_end is None and kind == "head" and self.has_clitic_article(cursor) \
                    and self.tokens[cursor].norm[:2] in ("لل", "ول"):
                org_end = self.bare_org(cursor)
            if org_end is not None:
                org, cursor = self.found.mentions[-1].span, org_end
            else:
                cursor = self.domain(cursor)
        if cursor in self.known and self.known[cursor][1].type is EntityType.COUNTRY and \
                not self.has_clitic_article(cursor) and (org is None or self.known[cursor][1].kind is MentionKind.ADJECTIVE):
            last, mention = self.known[cursor]
            org, cursor = org or mention.span, last
        if cursor + 1 < self.end and self.key(cursor) in DESTINATIONS and cursor + 1 in self.known:
            cursor = self.known[cursor + 1][0]  # "مبعوث الأمم المتحدة إلى اليمن"
        return org, cursor

    def domain(self, index: int) -> int:
        """A minister's domain: definite words ("الشؤون الخارجية والتعاون
        الدولي") up to a country, an honorific or a given name."""
        cursor = index
        while cursor < self.end and cursor - index < 4 and cursor not in self.known and (
                self.tokens[cursor].norm.startswith(ARTICLE) or cursor > index and self.conjoined_definite(cursor)
                or cursor == index and self.tokens[cursor].norm.startswith(ARTICLE_AFTER_LAM)) \
                and self.plain_word(cursor) and self.key(cursor) not in self.lex.given_names \
                and not self.honorific_at(cursor) and (cursor == index or not self.has_clitic_article(cursor)):
            cursor += 1  # "وزيرا للخارجية": the first word may carry ل
        return cursor

    def bare_org(self, index: int) -> int | None:
        """"للأمن الوطني" after "المدير العام": an organisation named without a head noun."""
        cursor = index + 1
        while cursor < self.end and cursor - index < MAX_COMPLEMENT_WORDS and cursor not in self.known and (
                self.definite(cursor) and self.plain_word(cursor) and not self.has_clitic_article(cursor)
                or self.conjoined_definite(cursor)):
            cursor += 1
        cut = 2 if self.tokens[index].norm.startswith("لل") else 1
        if self.tokens[index].norm.startswith("ول"):
            cut = 3 if self.tokens[index].norm.startswith("ولل") else 2
        span = self.span(index, cursor, cut)
        self.found.mentions.append(Mention(span, "", EntityType.ORGANISATION, MentionKind.NAME, source="post-complement"))
        self.covered.update(range(index, cursor))
        return cursor

    # -- the walk --------------------------------------------------------------
    def walk(self, text: str) -> Found:
        self.source_text = text
        index = self.start
        last_person: tuple[int, Span] | None = None  # (end token, span)
        while index < self.end:
            if index in self.covered and index not in self.known:
                index += 1
                continue
            if index in self.known:
                index = self.known[index][0]
                continue
            honorific = self.honorific_at(index)
            title = self.title_at(index)
            if honorific and (title is None or honorific.end >= title.end or self.name_after(title.end) is None):
                first = index
                cursor = honorific.end
                while (more := self.honorific_at(cursor)) is not None:
                    cursor = more.end
                name_end = self.name_forward(cursor)
                if name_end is not None:
                    kept = self.first_kept_honorific(first, cursor)
                    span = self.add_person(cursor, name_end, kept)
                    last_person = (name_end, span)
                    index = self.posts_after(name_end, span)
                    continue
            if title:
                end = self.title_phrase(index, last_person)
                if end is None:
                    index += 1
                    continue
                index, last_person = end
                continue
            if self.lex.venue_heads.match_at(self.tokens, index, self.end):
                end = self.org_phrase(index, EntityType.VENUE)
                if end is not None:
                    index = end
                    continue
            if self.lex.org_heads.match_at(self.tokens, index, self.end):
                end = self.org_phrase(index)
                if end is not None:
                    index = end
                    continue
            cut = self.given_name_cut(index)
            if cut is not None:
                name_end = self.name_forward(index)
                if name_end is not None and name_end - index >= 2:
                    span = self.add_person(index, name_end, cut=cut)
                    last_person = (name_end, span)
                    index = self.posts_after(name_end, span)
                    continue
            index += 1
        return self.found

    def name_after(self, index: int) -> int | None:
        return self.name_forward(index) if index < self.end else None

    def first_kept_honorific(self, first: int, name_start: int) -> int | None:
        cursor = first
        while cursor < name_start:
            found = self.honorific_at(cursor)
            if found is None:
                return None
            if found.values[0][0]:
                return cursor
            cursor = found.end
        return None

    def posts_after(self, index: int, holder: Span) -> int:
        """Posts in apposition after a name, with or without commas."""
        cursor = index
        while cursor < self.end:
            start = cursor + 1 if self.is_comma(cursor) else cursor
            title = self.title_at(start)
            if title is None or self.conjoined(start) or title.values[0] == "counterpart" or title.cut > 0:
                break  # "البشير ورئيس الوزراء", "بنظيره": another person, not a post of the first
            end = self.post(start, holder)
            if end is None:
                break
            cursor = end
        return cursor

    @staticmethod
    def with_holder(post: PostMention, holder: Span) -> PostMention:
        return PostMention(post.span, post.title, holder, post.org)


def find_names(text: str, tokens: Sequence[Token], start: int, end: int,
               known: Sequence[tuple[int, int, Mention]], lex: Lexicons | None = None) -> Found:
    """Persons, posts, organisations and venues in the sentence tokens[start:end];
    ``known`` are gazetteer mentions as (first token, end token, mention)."""
    walker = SentenceWalker(lex or Lexicons.bundled(), tokens, start, end, known)
    return walker.walk(text)
