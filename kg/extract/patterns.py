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

The rules live in modules of their own, each a layer of the walker:

    walker.TokenTests              state of the walk, tests on one token
    names.NameRules                personal names
    organisations.OrganisationRules  organisations and venues from head nouns
    posts.PostRules                titles, complements and their holders
    patterns.SentenceWalker        the walk: which rule a token starts
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final

from kg.extract.lexicon import MEMO_SIZE, function_words, word_key
from kg.extract.lexicons import NAME_PARTICLES, OPENING_PARTICLES, Lexicons
from kg.extract.names import MAX_NAME_WORDS, particle_behind_proclitic
from kg.extract.posts import PostRules
from kg.extract.organisations import city_head
from kg.extract.walker import (NEVER_PLAIN, OPENS_CLITIC_HONORIFIC, OPENS_GIVEN_NAME, OPENS_HEAD_NOUN, OPENS_HONORIFIC,
                               OPENS_KNOWN_NAME, OPENS_TITLE, PHRASE_OPENINGS, Found, stop_word, word_plainness)
from kg.model import ADJECTIVE_MENTION, NAME_MENTION, ORGANISATION, PERSON, VENUE, Mention, Span, Token
from kg.text.clitics import ARTICLE, ARTICLE_AFTER_LAM, CONJUNCTION_FA, CONJUNCTION_WA, NISBA_ENDING, stems, strip_article
from kg.text.normalize import normalize_for_matching
from kg.text.segment import acronym_spans

__all__ = ["NAME_PARTICLES", "Found", "Lexicons", "SentenceWalker", "find_names"]

PROFESSIONS: Final = function_words("profession")
LastPerson = tuple[int, Span] | None   # (end token, span) of the person named last


class SentenceWalker(PostRules):
    """One pass over the tokens [start, end) of a sentence."""

    def walk(self, text: str, acronyms: Sequence[tuple[int, int]] = ()) -> Found:
        """``acronyms``: the character spans ACRONYM matched in the sentence."""
        self.source_text = text
        if acronyms:
            self.acronyms(text, acronyms)
        index = self.start
        last_person: LastPerson = None
        # as locals: the loop steps over every token (the covered set grows in place)
        memo, tokens, known, covered, end = self.lex.memo, self.tokens, self.known, self.covered, self.end
        openings = self.openings
        while index < end:
            if index in known:
                index = known[index][0]
                continue
            if index in covered:
                index += 1
                continue
            if openings is not None:
                opens: int | None = openings[index] & PHRASE_OPENINGS
            else:
                opens = memo.get(tokens[index].norm)
                if opens is None:
                    opens = self.phrase_openings(index)
            if not opens:
                index += 1
                continue
            step = self.phrase_at(index, last_person, opens)
            if step is None:
                index += 1
            else:
                index, last_person = step
        return self.found

    def acronyms(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        """Organisations named by a Latin acronym in Arabic letters ("لشبكة (سي.بي.إس)",
        "شركة بي.دي.في.اس.ايه"): three letters or more, or two syllables ("أر.تي") that are
        not both function words; two letters alone are an abbreviation ("ق.م")."""
        starts = [token.span.start for token in self.tokens[self.start:self.end]]
        for start, end in spans:
            parts = text[start:end].split(".")
            if len(parts) < 3 and (min(map(len, parts)) < 2 or all(stop_word(self.lex, normalize_for_matching(part))
                                                                   for part in parts)):
                continue   # "ق.م", and two words with a space missing ("إنه.لم")
            first = self.start + bisect_left(starts, start)
            last = self.start + bisect_right(starts, end - 1)
            if any(i in self.known or i in self.covered for i in range(first, last)):
                continue
            self.found.mentions.append(Mention(Span(start, end), "", ORGANISATION,
                                               NAME_MENTION, source="acronym"))
            self.covered.update(range(first, last))

    def phrase_openings(self, index: int) -> int:
        """phrase_openings of the token's word, remembered per word: nine tokens
        in ten open none, and phrase_at tries only the readings a word can open."""
        norm = self.tokens[index].norm
        memo = self.lex.memo
        opens = memo.get(norm)
        if opens is None:
            opens = phrase_openings(self.lex, norm)
            if len(memo) >= MEMO_SIZE:
                memo.clear()   # a bound for very long or hostile input
            memo[norm] = opens
        return opens

    def phrase_at(self, index: int, last_person: LastPerson, opens: int) -> tuple[int, LastPerson] | None:
        """Read what starts at ``index``: an honorific and a name, a title and its
        holder, a venue or an organisation, a name opening on a given name, or a
        known person's one-word name.
        Returns (end, last person), or None when nothing does.  ``opens``: the
        word's phrase_openings; a reading it cannot open would give None."""
        if opens & OPENS_GIVEN_NAME and last_person and self.listed_after(index, last_person):
            step = self.listed_name(index)
            if step is not None:
                return step
        honorific = self.honorific_at(index) if opens & OPENS_HONORIFIC else None
        title = self.title_at(index) if opens & OPENS_TITLE else None
        if honorific and (title is None or honorific.end >= title.end or self.name_after(title.end) is None):
            step = self.honorific_name(index, honorific.end)
            if step is not None:
                return step
        if opens & OPENS_CLITIC_HONORIFIC and title is None:
            step = self.clitic_honorific_name(index)
            if step is not None:
                return step
        if title:
            return self.title_phrase(index, last_person)
        end = self.head_noun_phrase(index) if opens & OPENS_HEAD_NOUN else None
        if end is not None:
            return end, last_person
        step = self.given_name_phrase(index) if opens & OPENS_GIVEN_NAME else None
        if step is None and opens & OPENS_KNOWN_NAME:
            step = self.known_name_phrase(index)
        return step

    def honorific_name(self, first: int, cursor: int) -> tuple[int, LastPerson] | None:
        """"السيد خميس الجهيناوي": honorifics from ``first`` to ``cursor`` and more,
        then a name and the posts after it."""
        while (more := self.honorific_at(cursor)) is not None:
            cursor = more.end
        if cursor < self.end and self.country_adjective_at(cursor) and self.key(cursor - 1) in PROFESSIONS:
            cursor = self.known[cursor][0]   # "الإعلامية الجزائرية آنيا الأفندي": her country, then her name
        if cursor < self.end and self.title_at(cursor) is not None and self.title_at(cursor).end - cursor >= 2:
            return None   # "معالي الأمين العام لرابطة": a post of two words follows, read as one
        name_end = self.name_forward(cursor) if cursor < self.end else None
        if name_end is None or self.key(cursor - 1) in PROFESSIONS and self.tokens[cursor].norm.startswith(ARTICLE) \
                and self.key(cursor) not in self.lex.given_names:
            return None   # "المحامي الشخصي لترامب": an adjective of the profession, no name
        kept = self.first_kept_honorific(first, cursor)
        span = self.add_person(cursor, name_end, kept)
        return self.posts_after(name_end, span), (name_end, span)

    def clitic_honorific_name(self, index: int) -> tuple[int, LastPerson] | None:
        """"بالسيد خميس الجهيناوي", "للشيخ X", "والتقى بالأمير X": an honorific
        behind a proclitic, as listed once the proclitic is cut, and the name
        after it; a kept honorific ("الأمير") is also read with the name."""
        found = self.lex.honorifics.match_at(self.tokens, index, self.end)
        norm = self.tokens[index].norm
        # after ل the article's alef is not written: "للشيخ" is ل + "الشيخ"
        written = ARTICLE + norm[2:] if norm.startswith(ARTICLE_AFTER_LAM) else norm[found.cut:] if found else ""
        if found is None or found.cut == 0 or all(first != written for _, first in found.values):
            return None
        cursor = found.end
        while (more := self.honorific_at(cursor)) is not None:
            cursor = more.end
        if cursor < self.end and self.country_adjective_at(cursor) and strip_article(written) in PROFESSIONS:
            cursor = self.known[cursor][0]   # "للناشطة الفلسطينية عهد التميمي"
        if cursor >= self.end or self.title_at(cursor) is not None:
            return None   # "لمعالي الأمين العام": a post follows, read as one
        name_end = self.name_forward(cursor)
        if name_end is None:
            return None
        if found.values[0][0]:
            span = self.add_person(cursor, name_end)
            wide = self.span(index, name_end, found.cut)
            self.found.mentions.append(Mention(wide, "", PERSON, NAME_MENTION, source="honorific+name"))
        else:   # "وصاحب السمو الملكي الأمير مقرن": the kept honorific after the courtesy
            span = self.add_person(cursor, name_end, self.first_kept_honorific(found.end, cursor))
        self.covered.update(range(index, cursor))
        return self.posts_after(name_end, span), (name_end, span)

    def head_noun_phrase(self, index: int) -> int | None:
        """A venue ("مطار القاهرة"), an organisation ("وزارة الداخلية") or a city
        ("بمدينة تاورمينا") from its head noun."""
        venue = self.lex.venue_heads.match_at(self.tokens, index, self.end)
        if venue and (venue.values[0] or not self.definite(index)):
            end = self.org_phrase(index, VENUE)
            if end is not None:
                return end
            end = self.seat_of_organisation(index, venue.end, venue.cut)
            if end is not None:
                return end
        if self.lex.org_heads.match_at(self.tokens, index, self.end):
            return self.org_phrase(index)
        return self.city_phrase(index)

    def seat_of_organisation(self, index: int, head_end: int, cut: int) -> int | None:
        """"في مقر وزارة الخارجية المصرية": an indefinite venue head in construct with
        an organisation read from its own head noun is a venue, the organisation
        named inside it ("مقر الأمم المتحدة", a known one, is org_phrase's)."""
        if self.definite(index) or head_end >= self.end or head_end in self.known \
                or not self.lex.org_heads.match_at(self.tokens, head_end, self.end):
            return None
        end = self.org_phrase(head_end)
        if end is None:
            return None
        self.found.mentions.append(Mention(self.span(index, end, cut), "", VENUE, NAME_MENTION,
                                           source="head-noun"))   # "بمقر": without its proclitic
        self.covered.update(range(index, end))
        return end

    def listed_after(self, index: int, last_person: LastPerson) -> bool:
        """و glued to the word right after a person's name, or after the comma
        that ends it: the next person of a list ("X، وسلطان العتواني")."""
        return self.tokens[index].norm.startswith(CONJUNCTION_WA) and (
            last_person[0] == index or last_person[0] == index - 1 and self.is_comma(index - 1))

    def listed_name(self, index: int) -> tuple[int, LastPerson] | None:
        """A name behind و that opens on a given name or a compound name's head,
        listed after a person ("X، وعبد الوهاب الآنسي، ونبيل الحداد"): the list
        makes a name of what alone might be ordinary words."""
        lex = self.lex
        stem = self.tokens[index].norm[1:]
        if stem in lex.compound_heads:
            fewest = 3
        elif stem in lex.given_names:
            fewest = 2
        else:
            return None
        name_end = self.name_forward(index)
        if name_end is None or name_end - index < fewest:
            name_end = self.listed_name_end(index, fewest)
        if name_end - index < fewest:
            return None
        span = self.add_person(index, name_end, cut=1)
        return self.posts_after(name_end, span), (name_end, span)

    def listed_name_end(self, index: int, fewest: int) -> int:
        """Where a listed name ends that the name rules read not: the given name
        behind و taken as such, then the words that may be a name's, past
        ``fewest`` only a nisba ("الآنسي", an ordinary word alone) or a particle's."""
        name_end = index + 1
        while name_end < self.end and name_end - index < MAX_NAME_WORDS and not self.starts_with_conjunction(name_end) \
                and not self.is_verb(name_end) and not self.perfect_verb(name_end) \
                and (self.name_like(name_end) or name_end > index + 1 and self.family_nisba(name_end)):
            if name_end - index >= fewest and not (self.family_nisba(name_end) or self.particle(name_end)
                                                   or self.particle(name_end - 1)):
                break   # "وعوض خريص تعتبران"
            name_end += 1
        return name_end

    def family_nisba(self, index: int) -> bool:
        """A definite word ending like a nisba, not covered by another name ("الآنسي")."""
        norm = self.tokens[index].norm
        return index not in self.covered and norm.startswith(ARTICLE) and norm.endswith(NISBA_ENDING) and len(norm) >= 5

    def given_name_phrase(self, index: int) -> tuple[int, LastPerson] | None:
        """A name opening on a given name, with no title before it, and the
        posts after it (NameRules.given_name_at: how many words it needs)."""
        opening = self.given_name_at(index)
        if opening is None:
            return None
        cut, fewest = opening
        name_end = self.name_forward(index)
        if name_end is None or name_end - index < fewest:
            return None
        if fewest == 2 and name_end == index + 2 and self.opening_particle_cut(index) is not None:
            name_end = self.kunya_nisba(name_end)
        span = self.add_person(index, name_end, cut=cut)
        return self.posts_after(name_end, span), (name_end, span)

    def kunya_nisba(self, index: int) -> int:
        """Where a kunya's name ends: a nisba right after it is its bearer's
        by-name ("أبو عمر الكردي"), and a country's is no mention of the state
        ("أبو حمزة الفرنسي", "أبو أسامة العراقي", noms de guerre); ``index`` is
        the word after the kunya."""
        if index >= self.end or not self.tokens[index].norm.startswith(ARTICLE):
            return index
        placed = self.known.get(index)
        if placed is not None and placed[0] == index + 1 and placed[1].kind is ADJECTIVE_MENTION:
            self.found.dropped.append(placed[1])
            return index + 1
        span = self.tokens[index].span
        # dropped already as a family name after a particle (SentenceWalker.cut_short)
        if any(m.kind is ADJECTIVE_MENTION and m.span.start >= span.start and m.span.end <= span.end for m in self.found.dropped) \
                or self.family_nisba(index):
            return index + 1   # "أبو عمر الكردي"
        return index

    def known_name_phrase(self, index: int) -> tuple[int, LastPerson] | None:
        """A known person's one-word name standing alone ("وقال ترامب", "يهدد
        بوتين"), no title before it: his name, whether or not the article gives
        the whole of it.  The word alone: what follows is no part of it ("قمة ترمب-كيم")."""
        cut = next((cut for cut, stem in stems(self.tokens[index].norm) if stem in self.lex.lone_names), None)
        if cut is None or not self.plain_word(index) or CONJUNCTION_FA in self.tokens[index].norm[:cut]:
            return None   # "فكرتي" is "my idea", not ف + "كرتي"
        span = self.add_person(index, index + 1, cut=cut)
        return self.posts_after(index + 1, span), (index + 1, span)


def phrase_openings(lex: Lexicons, norm: str) -> int:
    """What the normalised word can open of what ``SentenceWalker.phrase_at``
    reads, as flags: an honorific, a title, a venue or organisation head noun, a
    given name, a known person's one-word name; 0 for none."""
    honorific = lex.honorifics.opens(norm, clitics=False)
    return (OPENS_HONORIFIC * honorific
            | OPENS_CLITIC_HONORIFIC * (not honorific and lex.honorifics.opens(norm))
            | OPENS_TITLE * lex.titles.opens(norm)
            | OPENS_HEAD_NOUN * (lex.venue_heads.opens(norm) or lex.org_heads.opens(norm) or city_head(norm))
            # a given name opens only on a word that may be plain ("على" is also "علي", "أن" "آن");
            # a compound name's head ("عبد") or a kunya's particle ("أبو") opens as well
            | OPENS_GIVEN_NAME * (any(
                (stem in lex.given_names and word_plainness(lex, norm) is not NEVER_PLAIN)
                or stem in lex.compound_heads or stem in OPENING_PARTICLES
                for _, stem in stems(norm))
                or particle_behind_proclitic(norm))   # "لبن سلمان"
            # a known person's one-word name ("ترامب", "ولبوتين"), which no ordinary word is
            | OPENS_KNOWN_NAME * any(stem in lex.lone_names for _, stem in stems(norm)))


def find_names(text: str, tokens: Sequence[Token], start: int, end: int,
               known: Sequence[tuple[int, int, Mention]], lex: Lexicons | None = None,
               family_names: frozenset[str] | set[str] = frozenset(),
               acronyms: Sequence[tuple[int, int]] | None = None, keys: Sequence[str] | None = None,
               openings: Sequence[int] | None = None) -> Found:
    """Persons, posts, organisations and venues in the sentence tokens[start:end];
    ``known`` are gazetteer mentions as (first token, end token, mention);
    ``family_names`` the word keys that end the names of persons read before;
    ``acronyms`` the spans ACRONYM matches in the sentence, matched here when
    None (a caller with many sentences matches its whole text at once); ``keys``
    every token's word key (kg.extract.openers), read here when None;
    ``openings`` every token's phrase_openings for the bundled lexicons
    (kg.extract.openers), asked here when None."""
    if acronyms is None and start < end:
        acronyms = acronym_spans(text, tokens[start].span.start, tokens[end - 1].span.end)
    lex = lex or Lexicons.bundled()
    walker = SentenceWalker(lex, tokens, start, end, known, family_names, keys,
                            openings if lex is Lexicons.bundled() else None)
    return walker.walk(text, acronyms or ())


def last_name_words(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The word keys that end the persons' names of two words or more among
    ``mentions`` ("صلاح" of "محمد صلاح"): find_names's ``family_names`` for the
    sentences after them."""
    return {word_key(text[m.span.start:m.span.end].split()[-1]) for m in mentions
            if m.type is PERSON and m.kind is NAME_MENTION and " " in text[m.span.start:m.span.end].strip()}
