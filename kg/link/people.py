"""Linking persons to the people gazetteer (resources/people.tsv).

Resolution (kg.link.resolve) decides which persons an article names; this step
only says who some of them are.  A person whose name is one the gazetteer gives
an office holder takes that holder's key as its id, its Wikidata item and its
English name.  It never finds a new person, and it never guesses:

- names are compared as resolution compares them (honorifics dropped, "عبد
  العزيز" = "عبدالعزيز"), then, failing that, by their skeletons (kg.link.corpus:
  "ترمب" = "ترامب") when the skeleton names exactly one holder;
- a full name (two words or more) names whoever carries it; a lone family name
  ("ماكرون") links only when the article's date falls in a period its one
  bearer held a post (or the article is undated);
- when a name fits several holders, the publication date against the periods
  held and the countries of the posts the article gives decide; if more than
  one is left, or a post puts the person in a country the holder never served,
  the person stays unlinked;
- a person the article knows only by a post ("الرئيس الروسي", a role-only
  person) is the one holder the file gives that post on the article's date.
  Each post of the file is read by the article pipeline itself, so it has the
  key an article's role phrase would have ("رئيس روسيا الاتحادية" and "الرئيس
  الروسي" are both the head of state of Russia).  An undated article, a day
  two holders share (a year of transition written as a year), a qualified post
  ("السابق", kg.link.resolve) or a day past what the file can know (an open
  period after the last year it states) leaves the person unlinked;
- a named person whose name alone decides nothing ("الملك عبد الله": two
  kings, or none in the file by that form) is the holder of a post the article
  gives them ("العاهل الأردني") on its date, when that post has one holder
  then and the name is part of one of the holder's ("عبد الله الثاني"): its
  opening words, or its last words where they are no father's name ("الملك
  حسين" is not "عبد الله الثاني ابن الحسين").

Finding (``PeopleIndex.identify``) is apart from writing (``link_people``).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Final

from kg.errors import ResourceError
from kg.extract.lexicon import read_tsv
from kg.link.corpus import (with_rule, name_skeleton, name_words, rename_entities, skeleton, variant_word,
                            variant_words)
from kg.link.resolve import PATRONYMIC, canonical_title, ordinal_words
from kg.model import PERSON, ROLE_MENTION, Document, Entity, Post, replace_document

PEOPLE_FILE: Final = "people.tsv"
PEOPLE_RULE: Final = "people-gazetteer"   # the evidence a link leaves (kg.rdf.build, hd:identityRule)
POST_RULE: Final = "post-holder-on-date"  # a role-only person linked to the one holder of its post that day
NAME_POST_RULE: Final = "name-and-post-on-date"  # a part of a name, confirmed by the one holder of its post that day
LINK_RULES: Final = frozenset({PEOPLE_RULE, POST_RULE, NAME_POST_RULE})  # what a person linked to the file records
_COLUMNS: Final = 8
_COUNTRY: Final = "country:"


@dataclass(frozen=True, slots=True)
class Tenure:
    post: str
    org: str | None     # gazetteer id of the country or organisation
    start: date
    end: date           # date.max while still held


@dataclass(frozen=True, slots=True)
class Holder:
    """One person of people.tsv with every post and period the file gives."""

    id: str
    label: str                  # canonical Arabic name
    label_en: str | None
    wikidata: str | None
    forms: tuple[str, ...]
    tenures: tuple[Tenure, ...]

    def held_on(self, day: date) -> bool:
        return any(t.start <= day <= t.end for t in self.tenures)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(t.org for t in self.tenures if t.org and t.org.startswith(_COUNTRY))


def period_start(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(*parts[:3])


def period_end(value: str) -> date:
    """The last day a period names: a year ends on 31 December, a month on its last day."""
    if not value:
        return date.max
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


OfficeKey = tuple[str, str]   # (canonical title key, organisation or country id) of a role-only person's post


def office_key(post: Post) -> OfficeKey | None:
    return (canonical_title(post.title), post.org) if post.org else None


def read_office(phrase: str) -> OfficeKey | None:
    """The key an article's role phrase would get for ``phrase`` (a post as
    people.tsv writes it): the phrase is read by the article pipeline's own
    stages, so both sides are read alike.  None unless the phrase is one
    role-only person whose one role mention is the whole phrase."""
    # imported here: kg.pipeline imports this module for its link stage
    from kg.pipeline import STAGES, Pipeline
    from kg.reader import make_document
    doc = Pipeline(tuple(s for s in STAGES if s.name in _READING_STAGES))(make_document(phrase))
    persons = [e for e in doc.entities if e.type is PERSON]
    if len(persons) != 1 or not persons[0].role_only or len(persons[0].posts) != 1:
        return None
    spans = [m.span for m in persons[0].mentions if m.kind is ROLE_MENTION]
    if len(spans) != 1 or doc.text[spans[0].start:spans[0].end] != doc.text.strip():
        return None
    return office_key(persons[0].posts[0])


_READING_STAGES: Final = ("segment", "mentions", "resolve")


@lru_cache(maxsize=4096)
def held_office(post: Post) -> OfficeKey | None:
    """The office key of a post a named person holds: its title is the whole
    phrase ("العاهل الأردني", "ملك الأردن"), read as people.tsv's posts are
    (``read_office``); None unless it names the same organisation or country."""
    key = read_office(post.title) if post.org else None
    return key if key is not None and key[1] == post.org else None


class PeopleIndex:
    def __init__(self, holders: Iterable[Holder]):
        self.holders = {holder.id: holder for holder in holders}
        self._offices: dict[OfficeKey, list[tuple[str, Tenure]]] | None = None
        # the last day the file can speak of, the end of the last year it states:
        # a period still open then may have closed since
        stated = [day for h in self.holders.values() for t in h.tenures for day in (t.start, t.end) if day != date.max]
        self.horizon = date(max(stated).year, 12, 31) if stated else date.min
        self.exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.skeletons: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for holder in self.holders.values():
            for form in holder.forms:
                if key := name_words(form):
                    self.exact[key].add(holder.id)
                if skeleton := name_skeleton(form):
                    self.skeletons[skeleton].add(holder.id)

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> PeopleIndex:
        rows: dict[str, list[list[str]]] = defaultdict(list)
        for row in read_tsv(PEOPLE_FILE, _COLUMNS):
            if not row[0] or not row[3]:
                raise ResourceError("row without id or names", PEOPLE_FILE, row[0])
            rows[row[0]].append(row)
        holders = []
        for key, group in rows.items():
            _, wikidata, label_en, names, *_ = group[0]
            forms = tuple(dict.fromkeys(form for row in group for form in row[3].split("|") if form))
            try:
                tenures = tuple(Tenure(post, org or None, period_start(start), period_end(end))
                                for _, _, _, _, post, org, start, end in group if start)
            except ValueError as error:
                raise ResourceError("a period is not an ISO date", PEOPLE_FILE, key) from error
            holders.append(Holder(key, names.split("|")[0], label_en or None, wikidata or None, forms, tenures))
        return cls(holders)

    def holder(self, entity: Entity, published: date | None) -> Holder | None:
        """The one office holder ``entity`` is, or None when none or several fit."""
        if entity.type is not PERSON or entity.role_only:
            return None
        names = (entity.label, *entity.names)
        keys = {k for k in map(name_words, names) if k}
        countries = frozenset(p.org for p in entity.posts if p.org and p.org.startswith(_COUNTRY))
        if not any(len(k) >= 2 for k in keys):
            # a family name alone: its one bearer, in office on the article's day
            candidates = set().union(*(self.exact.get(k, ()) for k in keys))
            return self._decide(candidates, published, countries, date_required=True)
        found = [self.exact[k] for k in keys if len(k) >= 2 and k in self.exact]
        if found:
            return self._decide(_common(found), published, countries, date_required=False)
        # a spelling variant stands for a name only when it is no other holder's, and only in office
        found = [ids for words in {name_words(n) for n in names} if len(words) >= 2
                 if len(ids := self._variants(words)) == 1]
        return self._decide(_common(found), published, countries, date_required=True) if found else None

    @property
    def offices(self) -> dict[OfficeKey, list[tuple[str, Tenure]]]:
        """Office key -> (holder id, period) for each post of the file the
        pipeline reads as one role phrase; read on the first role-only person."""
        if self._offices is None:
            keys = {post: read_office(post) for post in {t.post for h in self.holders.values() for t in h.tenures}}
            self._offices = defaultdict(list)
            for holder in self.holders.values():
                for tenure in holder.tenures:
                    if (key := keys[tenure.post]) is not None:
                        self._offices[key].append((holder.id, tenure))
        return self._offices

    def post_holder(self, entity: Entity, published: date | None) -> Holder | None:
        """The one holder, on ``published``, of the post a role-only person is known by."""
        if entity.type is not PERSON or not entity.role_only or published is None:
            return None
        return self._office_holder({key for post in entity.posts if (key := office_key(post)) is not None}, published)

    def name_on_post(self, entity: Entity, published: date | None) -> Holder | None:
        """The one holder, on ``published``, of a post a named person holds in
        the article, when the person's every name is part of one of the holder's
        (``part_of_name``): "الملك عبد الله", "العاهل الأردني", in 2018."""
        if entity.type is not PERSON or entity.role_only or published is None:
            return None
        holder = self._office_holder({key for post in entity.posts if (key := held_office(post)) is not None},
                                     published)
        if holder is None:
            return None
        forms = [name_words(form) for form in holder.forms]
        names = [words for words in map(name_words, (entity.label, *entity.names)) if words]
        return holder if names and all(any(part_of_name(n, f) for f in forms) for n in names) else None

    def _office_holder(self, keys: set[OfficeKey], published: date) -> Holder | None:
        if not keys or published > self.horizon:
            return None
        ids = {holder_id for key in keys for holder_id, tenure in self.offices.get(key, ())
               if tenure.start <= published <= tenure.end}
        return self.holders[ids.pop()] if len(ids) == 1 else None

    def identify(self, entity: Entity, published: date | None) -> tuple[Holder, str] | None:
        """The holder ``entity`` is and the rule that says so, or None."""
        for find, rule in ((self.holder, PEOPLE_RULE), (self.post_holder, POST_RULE),
                           (self.name_on_post, NAME_POST_RULE)):
            if (found := find(entity, published)) is not None:
                return found, rule
        return None

    def _variants(self, words: tuple[str, ...]) -> set[str]:
        """Holders with a form spelt as ``words`` up to inner long vowels ("ترمب", "ترامب")."""
        ids = self.skeletons.get(tuple(map(skeleton, words)), set())
        return {i for i in ids if any(variant_words(words, name_words(f)) for f in self.holders[i].forms)}

    def _decide(self, candidates: set[str], published: date | None, countries: frozenset[str],
                date_required: bool) -> Holder | None:
        holders = [self.holders[c] for c in sorted(candidates)]
        if published is not None and (date_required or len(holders) > 1):
            holders = [h for h in holders if h.held_on(published)]
        # a post the article gives in another country than any the holder served
        holders = [h for h in holders if not (countries and h.countries and not countries & h.countries)]
        return holders[0] if len(holders) == 1 else None


def part_of_name(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a name (comparison words, kg.link.corpus.name_words) is part of a
    longer one, up to spelling variants: its opening words with others left out
    ("عبد الله" or "عبد الله الحسين" of "عبد الله الثاني ابن الحسين"), or its
    last words, unless they follow "بن" (the father's name) or are an ordinal
    ("الثاني" alone names no one)."""
    if not words or len(words) > len(full):
        return False
    if variant_word(words[0], full[0]):
        at: int | None = 1
        for word in words[1:]:
            at = next((i + 1 for i in range(at, len(full)) if variant_word(word, full[i])), None)
            if at is None:
                return False
        return True
    tail = full[-len(words):]
    return len(words) < len(full) and variant_words(words, tail) and full[-len(words) - 1] not in PATRONYMIC \
        and not (len(words) == 1 and words[0] in ordinal_words())


def _common(found: list[set[str]]) -> set[str]:
    """The holders every matched name fits: two names of one entity that fit two
    different holders ("محمد بن سلمان", "سلمان بن عبدالعزيز") are a resolution error, not a link."""
    return set.intersection(*found)


def link_people(doc: Document, index: PeopleIndex | None = None) -> Document:
    """The document with each person the people gazetteer knows linked to it:
    its id becomes the holder's key (so every article names it alike), and it
    takes the holder's Wikidata item and English name.  A role-only person
    linked by its post on the article's date is labelled with the holder's
    name, its post phrases kept as its other names.  Two persons of one
    article linked to one holder become one entity; a role-only one then adds
    its mentions and posts to the named one, not its post phrases as names."""
    index = index or PeopleIndex.bundled()
    links = {e.id: found for e in doc.entities if (found := index.identify(e, doc.published)) is not None}
    if not links:
        return doc
    entities: list[Entity] = []
    at: dict[str, int] = {}
    for entity in doc.entities:
        if entity.id not in links:
            entities.append(entity)
            continue
        holder, rule = links[entity.id]
        linked = _linked(entity, holder, rule)
        if holder.id in at:
            entities[at[holder.id]] = _merged(entities[at[holder.id]], linked)
        else:
            at[holder.id] = len(entities)
            entities.append(linked)
    renamed = {old: holder.id for old, (holder, _) in links.items()}
    return rename_entities(replace_document(doc, entities=tuple(entities)), renamed)


def _linked(entity: Entity, holder: Holder, rule: str) -> Entity:
    if not entity.role_only:
        return replace(entity, id=holder.id, wikidata=holder.wikidata, label_en=holder.label_en,
                       identity=with_rule(entity.identity, rule))
    names = tuple(dict.fromkeys(n for n in (entity.label, *entity.names) if n != holder.label))
    return replace(entity, id=holder.id, label=holder.label, names=names, wikidata=holder.wikidata,
                   label_en=holder.label_en, identity=with_rule(entity.identity, rule))


def _merged(first: Entity, second: Entity) -> Entity:
    if first.role_only and not second.role_only:
        first, second = second, first
    if second.role_only and not first.role_only:
        names = first.names  # "الرئيس الروسي" is no name of Putin's
    else:
        names = tuple(dict.fromkeys(n for n in (*first.names, second.label, *second.names) if n != first.label))
    mentions = tuple(sorted({*first.mentions, *second.mentions}, key=lambda m: m.span))
    return replace(first, names=names, mentions=mentions, posts=tuple(dict.fromkeys((*first.posts, *second.posts))),
                   identity=with_rule(first.identity, *second.identity))
