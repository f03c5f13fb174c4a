"""Posts: a title with its complement ("المدير العام للأمن الوطني"), coordinated
complements (two posts), chains of posts after a name, and the person holding
them, named before or after ("عمر حيجاوي، المدير العام ...", "وزير الداخلية
عبد الوافي لفتيت"); a counterpart ("نظيره المصري") is a reference, not a post."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Final

from kg.extract.lexicon import Match, function_word, function_words, read_tsv, word_key
from kg.extract.lexicons import COUNTERPART_BODIES, DOMAIN_NOUNS
from kg.extract.names import NameRules
from kg.extract.organisations import OrganisationRules
from kg.extract.triggers import IN
from kg.extract.walker import COUNTERPART_SOURCE, DESCRIPTOR_SOURCE
from kg.model import ADJECTIVE_MENTION, CITY, COUNTRY, NAME_MENTION, ORGANISATION, PERSON, ROLE_MENTION, Mention, PostMention, Span
from kg.native import trait
from kg.text.normalize import name_key
from kg.text.clitics import ARTICLE, ARTICLE_AFTER_LAM, PREPOSITION_BA, CONJUNCTION_LAM, CONJUNCTION_WA, FEMININE_ENDING, PREPOSITION_LAM, PREPOSITIONS, conjunction_stems, definite, stems

DESTINATIONS: Final = function_words("destination")
POSSESSIVE_DOMAINS: Final = function_words("possessive_domain")
ENVOYS: Final = function_words("envoy")
_POST_AFTER_STATE: Final = function_words("post_after_state")
_SIDE_NOUNS: Final = function_words("side_noun")
_OFFICE_HEADS: Final = function_words("office_head")
_SPAN_START: Final = attrgetter("span.start")
_SUBDIVISIONS: Final = function_words("subdivision_noun")   # "إمارة", "ولاية": "حاكم إمارة أبوظبي", "والي ولاية وهران"
_AFFAIRS: Final = function_words("affairs_noun")   # "شؤون", "شئون": a domain's citizens' affairs ("وشؤون المصريين بالخارج")
_ABROAD_NOUN: Final = word_key(function_word("abroad")[1:])   # "خارج", the word key of "الخارج" ("في الخارج")
_ABROAD: Final = function_word("abroad")   # normalised, "بالخارج": "abroad", the citizens' a domain serves ("وشؤون المصريين بالخارج")
COUNCIL: Final = tuple(function_word("council_of_ministers").split())   # "مجلس الوزراء": the council of ministers a title may name whole
_STATE_FORMS: Final = function_words("state_form")
PEOPLE_ENDINGS: Final = ("ين", "ون")   # suffixes of a plural: a state's adjective in the plural names its people ("المصريين")
SHORT_DOMAIN_WORDS: Final = 4   # words of a minister's domain ("الشؤون الخارجية والتعاون الدولي")
STATE_AFTER_TITLE: Final = 3   # words after a title in which its state's adjective stands ("وزير الخارجية السعودي")
DOMAIN_WORDS: Final = 8   # words of a minister's domain ("الشؤون الخارجية والجالية الوطنية بالخارج والشؤون الإفريقية")
MEETING_REACH: Final = 4   # words between a meeting word and its subject's name (titles, honorifics); and a post's country


_CLITIC_LAM: Final = "\u0644\u0640"  # lam and tatweel: what is left of "لل" or "لـ" before an organisation's name


def title_without_org(text: str, post: PostMention) -> str:
    """A post's title without the organisation or country written inside it
    ("رئيس" of "رئيس المنظمة", "وزير الخارجية" of "وزير الخارجية المصري"); ``text``
    is the text the post's spans index."""
    if post.org is None or not post.span.start <= post.org.start < post.span.end:
        return post.title
    head = text[post.span.start:post.org.start].split()
    if not head:
        # a second complement of a title ("وزيرا خارجية تونس وليبيا": the post of Libya) opens on
        # its organisation; its title is the written one without it
        org = text[post.org.start:post.org.end]
        return post.title[:-len(org)].strip() if post.title.endswith(org) and post.title != org else post.title
    # the preposition's letters the organisation's word began with ("للأمن"), not a
    # title's own last letter ("العاهل")
    while len(head) > 1 and not head[-1].strip(_CLITIC_LAM):
        head.pop()
    if len(head) > 1 and word_key(head[-1]) in IN:
        head.pop()   # "وزير الخارجية في جمهورية باكستان": the state after في
    return " ".join(head)


@lru_cache(maxsize=1)
def post_qualifiers() -> frozenset[str]:
    """The name keys of the words that, right after a post phrase, make it
    another person's (post_qualifiers.tsv): "الرئيس الأمريكي السابق" is not the
    president of the day.  The feminine ending is folded ("السابقة")."""
    words = {name_key(row[0]) for row in read_tsv("post_qualifiers.tsv", 2)}
    return frozenset(words | {word + FEMININE_ENDING for word in words})


@trait
class PostRules(NameRules, OrganisationRules):
    """Rules for posts and their holders, built on the name and organisation rules."""

    def title_phrase(self, index: int, last_person: tuple[int, Span] | None):
        """A title at ``index`` with its holder: the person just named before it
        ("عمر حيجاوي، المدير العام ..."), or named after it, possibly after a chain
        of posts and honorifics ("نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي
        الشيخ محمد بن راشد"); a counterpart ("نظيره المصري") is a reference, not a
        post.  Returns (end, last person) or None."""
        title = self.title_at(index)
        if title.values[0] == "counterpart":
            return self.counterpart(index, title), last_person
        if title.values[0] == "descriptor":
            end = self.descriptor(index, title)
            return (end, last_person) if end is not None else None
        holder = self.holder_before(index, last_person)
        posts_before = len(self.found.posts)
        end = self.post(index, holder)
        if end is None:
            return None
        if holder is not None:
            return self.posts_after(end, holder), last_person
        if end < self.end and self.title_at(end) is not None and self.bare_subject_title(self.found.posts[-1]):
            return end, last_person   # "استقبل الرئيس المبعوث الفرنسي X": the one who received, told before
        return self.holder_after(self.post_chain(end), posts_before, last_person)

    def holder_before(self, index: int, last_person: tuple[int, Span] | None) -> Span | None:
        """The person a title at ``index`` is in apposition to: the one just
        named, or a name read backward that opens on a given name."""
        if last_person and last_person[0] in (index, index - 1) and (
                last_person[0] == index or self.is_comma(index - 1)) and not self.conjoined(index) \
                and not self.behind_preposition(index) \
                and not (last_person[0] == index and (self.object_post(index, last_person[1])
                                                      or self.title_of_next_name(self.title_at(index)))):
            return last_person[1]
        if self.behind_preposition(index):
            return None   # "التعليمات السامية للملك": the king's, not a name before him ("سامية")
        stop = index - 1 if self.is_comma(index - 1) else index
        start_name = self.name_backward(stop)
        if start_name is None:
            return None
        if self.key(start_name) in self.lex.given_names:
            if start_name == stop - 1 == index - 1 and (self.verb_form_iv(start_name) or self.opening_verb(start_name)):
                return None   # "أشرف وزير الصحة X على افتتاح": a verb, its subject after the title
            return self.add_person(start_name, stop)
        # set off by a comma ("جوديث ساندرلاند، مديرة"), or right after a verb ("وقالت توكيني
        # بيتيرسيدي مديرة المركز"): a foreign name no dictionary knows
        first = next((i for i in range(start_name, stop - 1) if self.unusual_name(i, stop)
                      and (stop < index or self.is_verb(i - 1) or self.perfect_verb(i - 1) or self.is_stop(i - 1))),
                     None)
        return self.add_person(first, stop) if first is not None else None

    def opening_verb(self, index: int) -> bool:
        """A given name that is also a frequent verb of ordinary news ("شهد",
        "حضر"), opening its sentence or clause: "شهد خادم الحرمين الشريفين
        توقيع ..." is "witnessed", its subject the title after it."""
        norm = self.tokens[index].norm
        opens = index == self.start or self.is_punct(index - 1)
        return opens and norm in self.lex.verb_stems and norm in self.lex.common_words

    def behind_preposition(self, index: int) -> bool:
        """The title carries a preposition ("بوزير خارجية مصر", "لرئيس الحكومة"): the
        object of what comes before, never in apposition to the name before it."""
        title = self.title_at(index)
        return title is not None and title.cut > 0 and self.tokens[index].norm[:1] in PREPOSITIONS

    def unusual_name(self, first: int, end: int) -> bool:
        """Two or three words no dictionary knows, set off by a comma before a
        post ("جوديث ساندرلاند، مديرة ..."), after a word that ends a phrase (a
        verb, a function word, punctuation): a foreign name."""
        if not 2 <= end - first <= 3 or first <= self.start:
            return False
        before = first - 1
        opened = self.is_punct(before) or self.is_stop(before) or self.perfect_verb(before) or self.is_verb(before) \
            or self.starts_with_conjunction(before)   # "ونبهت جوديث ساندرلاند، مديرة"
        return opened and not any(self.is_common(i) or self.tokens[i].norm.startswith(ARTICLE) or self.is_verb(i)
                                  for i in range(first, end))

    def post_chain(self, end: int) -> int:
        """More posts after the one ending at ``end``, before the name of their holder."""
        while (following := end + 1 if self.is_comma(end) else end) < self.end and self.title_at(following) \
                and self.title_at(following).values[0] not in ("counterpart", "descriptor") and not self.honorific_name_at(following):
            state = self.state_after_title(following)
            if state is not None and self.state_of_post_before(following) not in (None, state):
                break   # "التقى الوزير الياباني وزير الخارجية السعودي X": two states' ministers, two persons
            end = self.post(following, None) or end  # a chain of posts before the name
            if end < following:
                break
        return end

    def bare_subject_title(self, post: PostMention) -> bool:
        """A one-word definite title right after a verb ("التقى الوزير", "استقبل
        الرئيس"): the verb's subject, told before, no first post of a chain."""
        index = bisect_right(self.tokens, post.span.start, self.start, self.end, key=_SPAN_START) - 1
        if index <= self.start or self.tokens[index].span.end != post.span.end or not definite(self.tokens[index].norm):
            return False
        before = index - 1
        meeting = self.lex.triggers.match_at(self.tokens, before, self.end)
        return self.is_verb(before) or self.perfect_verb(before) or meeting is not None and "Meeting" in meeting.values

    def state_of_post_before(self, index: int) -> str | None:
        """The state (its key) of the post read last, when it ends right before ``index``."""
        post = self.found.posts[-1] if self.found.posts else None
        if post is None or post.org is None or post.span.end > self.tokens[index].span.start:
            return None
        return self.state_key(post.org)

    def state_after_title(self, index: int) -> str | None:
        """The state named by the first country mention within a title's few words at ``index``."""
        title = self.title_at(index)
        if title is None:
            return None
        for cursor in range(title.end, min(self.end, title.end + STATE_AFTER_TITLE)):
            if cursor in self.known:
                mention = self.known[cursor][1]
                return mention.key if mention.type is COUNTRY else None
        return None

    def honorific_name_at(self, index: int) -> bool:
        """An honorific that is also a title ("الأمير", "الملك") opens the name
        after it: "ولي العهد الأمير الحسين" holds one post, not two."""
        honorific = self.honorific_at(index)
        return honorific is not None and self.name_after(honorific.end) is not None

    def rank_and_name_at(self, index: int) -> bool:
        """An honorific and a full name after it, which no complement of a post
        is: a name of two words or more, or a given name ("الفريق ركن سالم
        الدوسري"); not "الفريق الروماني", a team."""
        honorific = self.honorific_at(index)
        if honorific is None or honorific.end >= self.end:
            return False
        if honorific.end - index == 1 and self.lex.org_heads.match_at(self.tokens, index, self.end):
            return False   # "قائد الفريق محمد نور": the team's captain; "الفريق ركن" is a rank only
        name_end = self.name_after(honorific.end)
        return name_end is not None and (name_end - honorific.end >= 2 or self.key(honorific.end) in self.lex.given_names)

    def holder_after(self, end: int, posts_before: int, last_person: tuple[int, Span] | None):
        """The name after the posts (and honorifics) ending at ``end``: it holds
        the posts found since ``posts_before``.  Returns (end, last person)."""
        name_start = end + 1 if self.is_comma(end) else end
        if name_start < self.end and name_key(self.tokens[name_start].text) in post_qualifiers():
            name_start += 1   # "رئيس الديوان الملكي المكلف الأستاذ X": the acting holder, named after the qualifier
        honorific_start = name_start
        while (more := self.honorific_at(name_start)) is not None:
            name_start = more.end
        if name_start < self.end and self.conjoined_given_name(name_start):
            return end, last_person   # "نائبا للرئيس وأحمد بن عبدالمجيد": a new item, not the post's holder
        name_end = self.name_forward(name_start) if name_start < self.end else None
        if name_end is None:
            name_end = self.name_on_unusual_word(name_start)
        if name_end is None and honorific_start == name_start:
            name_end = self.foreign_name_after(name_start)
        if name_end is None:
            return end, last_person
        span = self.add_person(name_start, name_end, self.first_kept_honorific(honorific_start, name_start))
        self.found.posts[posts_before:] = [self.with_holder(p, span) for p in self.found.posts[posts_before:]]
        return self.posts_after(name_end, span), (name_end, span)

    def foreign_name_after(self, index: int) -> int | None:
        """The end of a name of two words no dictionary knows, right after a post
        and closed by punctuation, the sentence's end or a word on و ("ووزيرة
        الأمن الداخلي كرستين نيلسن وصهر ..."): a foreign name, else None."""
        end = index + 2
        if end > self.end or any(i in self.known or i in self.covered for i in (index, index + 1)):
            return None
        if end < self.end and not (self.is_punct(end) or self.starts_with_conjunction(end)):
            return None
        if not all(self.unknown_word(i) for i in (index, index + 1)):
            return None
        return end

    def unknown_word(self, index: int) -> bool:
        """A word of letters no dictionary knows under any reading: no common word,
        function word, given name or verb, without the article or a proclitic."""
        norm = self.tokens[index].norm
        return len(norm) >= 3 and norm.isalpha() and not norm.startswith(ARTICLE) and not self.starts_with_conjunction(index) \
            and not self.is_common(index) and not self.is_stop(index) and not self.is_verb(index) \
            and not self.perfect_verb(index) and self.title_at(index) is None and self.honorific_at(index) is None \
            and not any(stem in self.lex.common_words or stem in self.lex.given_names for _, stem in stems(norm))

    def name_on_unusual_word(self, index: int) -> int | None:
        """The end of a holder's name that opens on a word a dictionary knows
        in another sense, right after the post, when a name of two words or more
        opening on a given name follows it ("وزير الدفاع خواجه محمد آصف"); the
        word must be bare: no article, proclitic, suffix or verb form ("وزير
        الخارجية الجديد محمد", "رئيس الحكومة حاليا يوسف")."""
        following = index + 1
        if following >= self.end or index in self.known or self.key(following) not in self.lex.given_names:
            return None
        if any(cut and stem in self.lex.common_words for cut, stem in stems(self.tokens[index].norm)):
            return None   # "المدرب بتسجيل أسماء اللاعبين": an ordinary word behind a proclitic
        if not self.plain_word(index) or self.tokens[index].norm.startswith(ARTICLE) or self.has_clitic_article(index) \
                or self.starts_with_conjunction(index) or self.inflected(index) or self.perfect_verb(index) \
                or self.written_accusative(index) or self.adverb(index) or self.honorific_at(index) is not None:
            return None
        name_end = self.name_forward(following)
        return name_end if name_end is not None and name_end - following >= 2 else None

    def counterpart(self, index: int, title) -> int:
        """"نظيره المصري سامح شكري" names a person; "نظيره المصري" alone is a
        reference resolved later to the Egyptian holder of a post."""
        cursor = title.end
        country: Span | None = None
        if cursor in self.known and self.known[cursor][1].type is COUNTRY:
            cursor, country = self.known[cursor][0], self.known[cursor][1].span
        name_start = cursor + 1 if self.is_comma(cursor) else cursor
        while (more := self.honorific_at(name_start)) is not None:
            name_start = more.end
        name_end = self.name_forward(name_start) if name_start < self.end else None
        if name_end is not None:
            holder = self.add_person(name_start, name_end)
            anchor = self.counterpart_anchor(index, country) if country is not None else None
            if anchor is not None:
                # "وزير الخارجية سامح شكري ... نظيره الأردني أيمن الصفدي": the one named holds the
                # same post in his country ("وزير الخارجية الأردني" later names him)
                # its span the counterpart's word alone, the country outside it: the title is the anchor's
                self.found.posts.append(PostMention(self.span(index, title.end, title.cut), title_without_org(self.source_text, anchor),
                                                    holder, country))
            return name_end
        if self.body_before(index):
            return title.end   # "بين المديرية العامة للأمن الوطني ونظيرتها الموريتانية": the body's, no person
        self.found.mentions.append(Mention(self.span(index, cursor, title.cut), "", PERSON,
                                           ROLE_MENTION, source=COUNTERPART_SOURCE, parent=country))
        self.covered.update(range(index, cursor))
        return cursor

    def body_before(self, index: int) -> bool:
        """A body's counterpart word ("ونظيرتها") right after an organisation's name."""
        if index == 0 or COUNTERPART_BODIES.isdisjoint(conjunction_stems(self.tokens[index].norm)):
            return False
        end = self.tokens[index - 1].span.end
        return any(m.type is ORGANISATION and m.span.end == end
                   for m in [*self.found.mentions[-2:], *(m for _, _, m in self.known_items)])

    def descriptor(self, index: int, title) -> int | None:
        """"الضيف الإيطالي", "المسؤول الإيطالي": the one person named before it holding a
        post in Italy (kg.link.resolve); without a state's adjective after it, none."""
        cursor = title.end
        if cursor not in self.known or self.known[cursor][1].type is not COUNTRY \
                or self.known[cursor][1].kind is not ADJECTIVE_MENTION:
            return None
        last, country = self.known[cursor][0], self.known[cursor][1].span
        self.found.mentions.append(Mention(self.span(index, last, title.cut), "", PERSON,
                                           ROLE_MENTION, source=DESCRIPTOR_SOURCE, parent=country))
        self.covered.update(range(index, last))
        return last

    def counterpart_anchor(self, index: int, country: Span | None = None) -> PostMention | None:
        """The post of the one whose counterpart is named at ``index``: the last
        person named before it in the sentence, not one it is joined to by و ("للقاء
        أمير قطر X ونظيره القطري Y": the subject's counterpart), when that person's
        post here is a title alone or in a country ("وزير الخارجية المصري"), not in an
        organisation ("رئيس مجلس النواب": its counterpart heads another body)."""
        start = self.tokens[index].span.start
        # the names read so far, one span each (a name and its honorific+name form share an end)
        ends = sorted({m.span.end: m.span for m in self.found.mentions
                       if m.type is PERSON and m.span.end <= start}.items())
        persons = [span for _, span in ends]
        if persons and self.tokens[index].norm.startswith(CONJUNCTION_WA):
            joined = self.post_held(persons[-1])
            # "ووقع وزير الخارجية الأردني X ونظيره القبرصي Y": a post of another state than the
            # counterpart's is the one he is the counterpart of
            other_state = joined is not None and joined.org is not None and country is not None \
                and self.state_key(joined.org) not in (None, self.state_key(country))
            if (joined is None or joined.org is not None) and not other_state:
                persons = persons[:-1]
            # else "برئاسة وزير الداخلية X ونظيره الموريتاني Y": a post of no state named
            # (the article's own state's) has its counterpart joined to it
        if not persons:
            return None
        post = self.post_held(persons[-1])
        if post is None or post.org is not None and not any(
                m.span == post.org and m.type is COUNTRY for m in self.known_mentions(post.org)):
            return None
        return post

    def state_key(self, span: Span) -> str | None:
        """The key of the country named at ``span``, if one is."""
        return next((m.key for m in self.known_mentions(span) if m.type is COUNTRY), None)

    def post_held(self, person: Span) -> PostMention | None:
        """The last post read for the person named at ``person``."""
        return next((p for p in reversed(self.found.posts) if p.holder is not None
                     and person.start <= p.holder.start and p.holder.end <= person.end), None)

    def known_mentions(self, span: Span) -> list[Mention]:
        """The country or organisation mentions read at ``span``."""
        return [m for _, m in self.known.values() if m.span == span] + \
            [m for m in self.found.mentions if m.span == span]

    def posts_after(self, index: int, holder: Span) -> int:
        """Posts in apposition after a name, with or without commas."""
        cursor = index
        while cursor < self.end:
            start = cursor + 1 if self.is_comma(cursor) else cursor
            title = self.title_at(start)
            # "X، رئيس مجلس الوزراء ووزير الخارجية في كينيا،": a second post joined to the first, no name after it
            joined_post = title is not None and start == cursor and self.post_ends_at(start) and title.cut == 1 \
                and self.tokens[start].norm.startswith(CONJUNCTION_WA) and self.nameless_until_comma(start)
            if not joined_post and (title is None or self.conjoined(start)
                                    or title.values[0] in ("counterpart", "descriptor") or title.cut > 0):
                break  # "البشير ورئيس الوزراء", "بنظيره", "الضيف الإيطالي": another person, not a post of the first
            if start == cursor and (self.object_post(start, holder) or self.title_of_next_name(title)):
                break
            end = self.post(start, holder)
            if end is None:
                break
            cursor = end
        return cursor

    def post_ends_at(self, index: int) -> bool:
        """The post read last ends right before token ``index``."""
        return bool(self.found.posts) and index > self.start \
            and self.found.posts[-1].span.end == self.tokens[index - 1].span.end

    def nameless_until_comma(self, index: int) -> bool:
        """No given name or honorific from ``index`` to the next punctuation: no one else is named there."""
        for cursor in range(index + 1, self.end):
            if self.is_punct(cursor):
                return True
            if self.key(cursor) in self.lex.given_names or self.honorific_at(cursor) is not None:
                return False
        return True

    def title_of_next_name(self, title: Match) -> bool:
        """A complete title right after a name with no comma, a name after it, is
        that name's: "التقى الوزير X السفير Y", "السيناتور كلوديو مارتيني"."""
        # honorifics and ranks between ("قائد الجيش العماد رودولف هيكل")
        start = title.end
        while start < self.end and (more := self.honorific_at(start)) is not None:
            start = more.end
        return "alone" in title.values and start < self.end and start not in self.known \
            and start not in self.covered and self.name_forward(start) is not None

    def object_post(self, index: int, holder: Span) -> bool:
        """Whether the post at ``index``, right after the name of a host or of
        one who meets, is the person met: "استقبل الرئيس عبد العزيز بوتفليقة
        السفير الأمريكي".  So when a meeting word comes just before the name and
        the post names a country by its adjective; the subject's own posts read
        on after his name without one ("الأمير محمد بن سلمان ولي العهد وزير
        الدفاع")."""
        cursor = index
        while cursor > self.start and self.tokens[cursor - 1].span.start >= holder.start:
            cursor -= 1   # the name's first word
        own = next((p for p in self.found.posts if p.holder == holder and p.span.end <= holder.start), None)
        if own is not None:
            # the subject's own posts before his name, however long ("واستقبل وزير الخارجية
            # والهجرة والتونسيين بالخارج X السفير"): the meeting word is before the first
            while cursor > self.start and self.tokens[cursor - 1].span.start >= own.span.start:
                cursor -= 1
        for before in range(cursor - 1, max(self.start, cursor - 1 - MEETING_REACH) - 1, -1):
            if self.is_punct(before):
                return False
            meeting = self.lex.triggers.match_at(self.tokens, before, self.end)
            if meeting is not None and "Meeting" in meeting.values:
                break
        else:
            return False
        title = self.title_at(index)
        if title is not None and title.end - index == 1 and definite(self.tokens[index].norm):
            # "التقى الرئيس X المبعوث الأممي": one definite word, a description of the one met;
            # the subject's own post is told in construct ("ولي العهد", "وزير الدفاع")
            return True
        cursor = title.end if title is not None else index
        for _ in range(MEETING_REACH):
            if cursor >= self.end or self.is_punct(cursor) or self.title_at(cursor) is not None:
                return False   # the next post of a chain ("ولي العهد وزير الدفاع") is no country
            if cursor in self.known:
                last, mention = self.known[cursor]
                # a people ("وشئون المصريين بالخارج") is the domain's, no post's state
                return mention.kind is ADJECTIVE_MENTION and mention.type is COUNTRY \
                    and not self.tokens[cursor].norm.endswith(PEOPLE_ENDINGS)
            cursor += 1
        return False

    @staticmethod
    def with_holder(post: PostMention, holder: Span) -> PostMention:
        return PostMention(post.span, post.title, holder, post.org)

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
        envoy = not ENVOYS.isdisjoint(conjunction_stems(self.tokens[index].norm))   # "وسفير باكستان لدى المملكة" too
        if self.tokens[index].norm.startswith(ARTICLE) and title.end - index == 1 and cursor in self.known \
                and self.known[cursor][1].kind is NAME_MENTION and not self.has_clitic_article(cursor) \
                and self.known[cursor][1].type is COUNTRY:
            # "اتهم الوزير إيران": a definite title takes no bare state for its complement; the
            # state is the verb's object
            org_span, cursor = None, cursor
        elif (kind == "head" or kind == "alone" and not definite(self.tokens[title.end - 1].norm)) \
                and title.end - index >= 2 and self.key(title.end - 1) in _OFFICE_HEADS \
                and (office := self.office_in_title(title.end - 1)) is not None:
            # "رئيس ديوان الرئاسة": the office is named whole; "رئيس الديوان الملكي المكلف": its qualifiers after it
            org_span, cursor = office[0], self.domain(office[1])
        else:
            org_span, cursor = self.complement(cursor, kind, envoy)
        if org_span is None:
            org_span = self.side_before(index)   # "وعن الجانب الموريتاني وزير الداخلية X"
        complements.append((first, cursor, org_span))
        while cursor < self.end and self.tokens[cursor].norm.startswith(CONJUNCTION_LAM) \
                and kind in ("head", "domain"):
            second_start = cursor
            org_span, after = self.complement(cursor, kind, envoy)
            if after == second_start:
                break
            complements.append((second_start, after, org_span))
            cursor = after
        if not self.council_in_title(index, title.end, complements[0][2]) and cursor > title.end:
            # "ولي العهد رئيس مجلس الوزراء": the council named by the post inside the complement
            self.council_in_title(title.end, cursor, complements[0][2], [org for _, _, org in complements])
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

    def state_formally_in(self, index: int) -> tuple[Span | None, int]:
        """"في" and a state named formally ("في جمهورية باكستان الإسلامية", "في دولة
        الكويت") after a minister's post: the minister's state, as Gulf wires write
        it; a state's short name after في is more often where he is.  So is one behind
        ل or ب ("للجمهورية الإيطالية", "بالمملكة العربية السعودية")."""
        norm = self.tokens[index].norm if index < self.end else ""
        if index in self.known and norm[:1] in (PREPOSITION_LAM, PREPOSITION_BA) \
                and word_key(ARTICLE + norm[2:] if norm.startswith(ARTICLE_AFTER_LAM) else norm[1:]) in _STATE_FORMS:
            # "وزير الشؤون الخارجية للجمهورية الإيطالية", "وزير الصحة بالمملكة العربية السعودية"
            last, mention = self.known[index]
            if mention.type is COUNTRY and mention.kind is NAME_MENTION:
                return mention.span, last
        following = index + 1
        if following >= self.end or self.key(index) not in IN or following not in self.known:
            return None, index
        last, mention = self.known[following]
        if mention.type is not COUNTRY or mention.kind is not NAME_MENTION \
                or self.key(following) not in _STATE_FORMS:
            return None, index
        return mention.span, last

    def office_in_title(self, head: int) -> tuple[Span, int] | None:
        """The office a title ending on its head noun heads, named whole from that
        noun ("رئيس ديوان الرئاسة", "مدير ديوان رئاسة الجمهورية"): an organisation
        named inside a post (GUIDE 1), when the words after the title read as one
        name with the noun; not the office of a person's post ("مدير ديوان رئيس
        الجمهورية" names no organisation).  Returns its span and end, else None."""
        found = len(self.found.mentions)
        end = self.org_phrase(head, in_post=True)
        if end is None or end <= head + 1:
            del self.found.mentions[found:]
            return None
        return self.found.mentions[-1].span, end

    def council_in_title(self, first: int, end: int, org: Span | None, named: Sequence[Span | None] = ()) -> bool:
        """The council a title names whole ("رئيس مجلس الوزراء", "النائب الأول لرئيس
        مجلس الوزراء"): an organisation named inside a post (GUIDE 1), with the state's
        adjective after the title when there is one ("مجلس الوزراء العراقي").  Not
        when one of the organisations ``named`` already holds it.  Whether it is one."""
        at = next((i for i in range(first, end - 1) if (self.key(i), self.key(i + 1)) == COUNCIL), None)
        if at is None or any(span is not None and span.start <= self.tokens[at].span.start < span.end for span in named):
            return False
        last = at + 2
        if org is not None and last < self.end and self.tokens[last].span.start == org.start:
            while last < self.end and self.tokens[last].span.end <= org.end:
                last += 1   # "مجلس الوزراء العراقي"
        self.found.mentions.append(Mention(self.span(at, last), "", ORGANISATION, NAME_MENTION,
                                           source="post-council"))
        return True

    def side_before(self, index: int) -> Span | None:
        """The state whose adjective follows "الجانب" right before the title at
        ``index`` ("وقعها عن الجانب المغربي وزير الداخلية X"): the post is in that state."""
        adjective = index - 1
        if adjective - 1 < self.start or adjective not in self.known:
            return None
        last, mention = self.known[adjective]
        if last != index or mention.type is not COUNTRY or mention.kind is not ADJECTIVE_MENTION \
                or self.key(adjective - 1) not in _SIDE_NOUNS:
            return None
        return mention.span

    def text_of(self, first: int, last: int, cut: int = 0) -> str:
        return self.source_text[self.span(first, last, cut).start:self.tokens[last - 1].span.end]

    def complement(self, index: int, kind: str = "head", envoy: bool = False) -> tuple[Span | None, int]:
        """What follows a title: an organisation or country (returned as the span
        of its mention), or for a minister a domain ("الشؤون الخارجية"); then an
        optional country ("الإسباني", "المغربية") and destination ("إلى اليمن").
        An envoy's unknown definite complement is a territory, its domain
        ("مبعوثا للصحراء"), not an organisation."""
        if index >= self.end:
            return None, index
        org: Span | None = None
        cursor = index
        if self.rank_and_name_at(cursor):
            return None, cursor   # "رئيس هيئة الأركان الفريق ركن X": a rank and the holder's name, no complement
        # "مبعوث أمين عام الأمم المتحدة", "المبعوث الخاص للأمين العام": a title in construct with
        # another or behind ل; a definite one is in construct with none ("التقى الوزير نائب رئيس
        # البنك": the one met follows)
        inner = self.title_at(cursor) if kind in ("head", "domain") and (
            not definite(self.tokens[cursor - 1].norm) or self.tokens[cursor].norm[:1] in PREPOSITIONS) else None
        if inner is not None and inner.values[0] in ("head", "domain", "alone"):
            return self.complement(inner.end, inner.values[0], envoy)  # "مبعوث أمين عام الأمم المتحدة"
        after_state = None   # the token after a state's name or adjective read
        if kind != "alone" and cursor in self.known and \
                self.known[cursor][1].type in (ORGANISATION, COUNTRY):
            last, mention = self.known[cursor]
            org, cursor = mention.span, last
            # a state's or a body's adjective ("الأمريكي", "الأممي"), not a body's name
            after_state = cursor if mention.type is COUNTRY or mention.kind is ADJECTIVE_MENTION \
                else None
        elif kind == "head" and (seat := self.seat_city(cursor)) is not None:
            cursor = seat   # "ولي عهد دبي", "حاكم إمارة أبوظبي": the city the post is of
        elif kind != "alone":
            org_end = self.org_phrase(cursor, in_post=True)
            if org_end is None and self.state_head(cursor):
                cursor += 1   # "المتحدث باسم الحكومة البريطانية": the post is the state's
            elif org_end is None and kind == "head" and not envoy and self.has_clitic_article(cursor) \
                    and self.tokens[cursor].norm[:2] in (ARTICLE_AFTER_LAM, CONJUNCTION_LAM):
                org_end = self.bare_org(cursor)
            if org_end is not None:
                org, cursor = self.found.mentions[-1].span, org_end
            elif kind == "domain" and self.domain_of_country(cursor):
                cursor += 1   # "وزير خارجية مصر": the domain in construct with the country named after it
                if self.known[cursor][1].type is ORGANISATION:
                    last, mention = self.known[cursor]   # "وزيرة خارجية الاتحاد الأوروبي"
                    org, cursor = mention.span, last
            else:
                cursor = self.domain(cursor)
        if cursor in self.known and self.known[cursor][1].type is COUNTRY and \
                not self.has_clitic_article(cursor) and (org is None or self.known[cursor][1].kind is ADJECTIVE_MENTION):
            last, mention = self.known[cursor]
            org, cursor = org or mention.span, last
            after_state = cursor
        if org is None and kind == "domain":
            org, cursor = self.state_formally_in(cursor)   # "وزير الخارجية في جمهورية باكستان الإسلامية"
        if cursor == after_state and cursor < self.end and self.key(cursor) in _POST_AFTER_STATE:
            cursor += 1   # "المبعوث الأمريكي الخاص X", "المبعوث الأممي الخاص X": after its state or body
        if org is not None and self.domain_after_country(cursor):
            # "مساعد وزير الخارجية الكويتي للشؤون القنصلية"; after another title, the brief only
            # when its holder's name follows ("المفوض السامي للحكومة الإيطالية للأشخاص المفقودين X")
            brief = self.domain(cursor)
            if kind == "domain" or self.name_forward(brief) is not None:
                cursor = brief
        if envoy and cursor + 1 < self.end and self.key(cursor) in DESTINATIONS and cursor + 1 in self.known:
            cursor = self.known[cursor + 1][0]  # "مبعوث الأمم المتحدة إلى اليمن"
        elif envoy and cursor in self.known and self.known[cursor][1].type.is_place \
                and self.tokens[cursor].norm[:1] in (PREPOSITION_LAM, PREPOSITION_BA):
            cursor = self.known[cursor][0]   # "مبعوث الأمم المتحدة لليمن", "السفير الأمريكي بتونس"
        elif envoy and cursor + 1 < self.end and self.key(cursor) in DESTINATIONS:
            cursor = self.domain(cursor + 1) if self.definite(cursor + 1) else cursor  # "المبعوث إلى الساحل"
        return org, cursor

    def seat_city(self, index: int) -> int | None:
        """A city right after an indefinite title, or after a word of a state's
        subdivision ("إمارة", "ولاية", "محافظة"): the seat of the post ("حاكم دبي",
        "والي ولاية وهران"), no organisation.  Returns where it ends, or None."""
        if index <= self.start or definite(self.tokens[index - 1].norm):
            return None
        if self.key(index) in _SUBDIVISIONS and index + 1 < self.end:
            index += 1
        if index not in self.known or self.has_clitic_article(index) or self.tokens[index].norm[:1] in PREPOSITIONS:
            return None
        last, mention = self.known[index]
        return last if mention.type is CITY and mention.kind is NAME_MENTION else None

    def domain_after_country(self, index: int) -> bool:
        """A minister's domain after his country's adjective: a ل-word and a
        definite adjective ("للشؤون القنصلية"), not the one he speaks to
        ("وزير الخارجية المصري للصحفيين إن")."""
        following = index + 1
        return following < self.end and self.tokens[index].norm.startswith(ARTICLE_AFTER_LAM) \
            and self.tokens[following].norm.startswith(ARTICLE) and not self.is_stop(following)

    def domain_of_country(self, index: int) -> bool:
        """One indefinite word right before a country's or an organisation's name
        ("خارجية مصر", "دفاع فرنسا", "خارجية الاتحاد الأوروبي"): a minister's domain in
        construct with his country or union."""
        following = index + 1
        if following >= self.end or following not in self.known or index in self.known:
            return False
        mention = self.known[following][1]
        norm = self.tokens[index].norm
        # the country's name with no proclitic ("لدولة الكويت" is what the words before go to)
        return mention.type in (COUNTRY, ORGANISATION) and mention.kind is NAME_MENTION \
            and mention.span.start == self.tokens[following].span.start and not norm.startswith(ARTICLE) \
            and self.plain_word(index) and self.key(index) not in self.lex.given_names

    def state_head(self, index: int) -> bool:
        """A state's own body named by the state's adjective ("الحكومة الإيطالية")."""
        head = self.lex.org_heads.match_at(self.tokens, index, self.end)
        return head is not None and head.values[0] == "state" and head.end < self.end \
            and self.country_adjective_at(head.end)

    def domain(self, index: int) -> int:
        """A minister's domain: definite words ("الشؤون الخارجية والتعاون
        الدولي") up to a country, an honorific or a given name; or one word with a
        possessive pronoun ("وزير خارجيته"), which is never the start of a name."""
        if index < self.end and self.key(index) in POSSESSIVE_DOMAINS:
            return index + 1
        cursor, coordinated = index, False
        # past four words only a domain of several ("الشؤون الخارجية والجالية الوطنية بالخارج والشؤون الإفريقية")
        while cursor < self.end and cursor - index < (DOMAIN_WORDS if coordinated else SHORT_DOMAIN_WORDS):
            if cursor in self.known:
                abroad = self.citizens_abroad(cursor) if cursor > index else None
                if abroad is None:
                    break
                cursor, coordinated = abroad, True
                continue
            if not self.domain_word(cursor, cursor == index):
                # "وزير الخارجية والهجرة وشؤون المصريين بالخارج": the citizens' affairs
                abroad = self.citizens_abroad(cursor + 1) \
                    if cursor > index and cursor + 1 in self.known and self.tokens[cursor].norm[:1] == CONJUNCTION_WA \
                    and self.key(cursor)[1:] in _AFFAIRS else None
                if abroad is None:
                    break
                cursor, coordinated = abroad, True
                continue
            coordinated = coordinated or cursor > index and self.conjoined_definite(cursor)
            cursor += 1
        return cursor

    def citizens_abroad(self, index: int) -> int | None:
        """A state's citizens abroad behind و, a domain's last part ("وزير الشؤون
        الخارجية والتعاون والموريتانيين في الخارج", "والتونسيين بالخارج"): where it
        ends, or None."""
        mention = self.known[index][1]
        after = self.known[index][0]
        behind_affairs = self.key(index - 1)[1:] in _AFFAIRS   # "وشؤون المصريين": no و of its own
        if mention.type is not COUNTRY or mention.kind is not ADJECTIVE_MENTION or after != index + 1 \
                or (self.tokens[index].norm[:1] != CONJUNCTION_WA) == (not behind_affairs) or after >= self.end:
            return None
        if self.tokens[after].norm == _ABROAD:
            return after + 1
        if after + 1 < self.end and self.tokens[after].norm in IN and self.key(after + 1) == _ABROAD_NOUN:
            return after + 2
        return None

    def domain_noun(self, index: int, first: bool) -> bool:
        """A common noun no name holds that opens or continues a domain ("وزيرة
        التعاون الاقتصادي", "والتعاون الدولي")."""
        norm = self.tokens[index].norm
        if first:
            return norm.startswith(ARTICLE) and self.key(index) in DOMAIN_NOUNS   # "وزيرة التعاون الاقتصادي"
        return self.conjoined_definite(index) and word_key(norm[1:]) in DOMAIN_NOUNS

    def domain_word(self, index: int, first: bool) -> bool:
        """A word of a minister's domain: definite, the first maybe behind ل ("وزيرا
        للخارجية"), the next maybe behind و ("والتعاون"); no given name or honorific."""
        norm = self.tokens[index].norm
        if not first and norm == _ABROAD:
            return True   # "والجالية الوطنية بالخارج والشؤون الإفريقية"
        if self.key(index) in _SIDE_NOUNS:
            return False   # "دعا وزير الخارجية الجانب الروسي": the side is the verb's object
        definite = norm.startswith(ARTICLE) or not first and self.conjoined_definite(index) \
            or first and norm.startswith(ARTICLE_AFTER_LAM)
        # nor a family name read before ("ويزور الوزير الصالحي مصر")
        return definite and (self.plain_word(index) or self.domain_noun(index, first)) \
            and self.key(index) not in self.lex.given_names \
            and self.key(index) not in self.family_names \
            and not self.honorific_at(index) and (first or not self.has_clitic_article(index)
                                                  or self.conjoined_definite(index))
