"""Cross-article identity: the same person is one entity across a corpus.

Within an article kg.link.resolve already joins "حموشي" to "عبد اللطيف
الحموشي".  Across articles the same person is written in other ways: a joined
"عبداللطيف", a foreign name spelt two ways ("ترامب", "ترمب"; "بوتين", "بوتن"),
or only the family name.  Names are compared by a skeleton that drops long
vowels inside words, so spelling variants meet; a short name joins a longer one
only when exactly one person in the corpus carries it; and two people are kept
apart when their posts put them in different countries or organisations, or
when their given names differ ("الملك سلمان" is not "محمد بن سلمان").

A name of one word ("العلوي", "أسد") joins a person of another article only
where its own article supports it (``_Support``): the article also gives the
full name, or a post in the same country or organisation, or names a country,
organisation or city of one of that person's posts; or the name is one the
people gazetteer gives that person alone, in office on the article's date
("ترمب" in 2018).  Two people of one family name in the corpus, or a word
that is also a family name, are not joined on the word alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final, NamedTuple

from kg.extract.lexicon import function_word, function_words
from kg.extract.gazetteer import Gazetteer, token_offset
from kg.extract.patterns import Lexicons
from kg.model import NAME_MENTION, PERSON, Document, Entity, Mention, Participant, Post, Span, replace_document
from kg.text.clitics import ARTICLE, NISBA_ENDING, readings, strip_article
from kg.link.resolve import person_words
from kg.text.normalize import name_key, normalize_for_matching
from kg.text.memo import remembered

_VOWELS: Final = "اوي"   # the long vowels alef, waw and ya, which spellings of one name add or drop
_LONG_VOWELS: Final = str.maketrans("", "", _VOWELS)
ABD: Final = function_word("servant")  # "عبد اللطيف" and "عبداللطيف" are one name
# Why persons of several articles are one (hd:identityRule in the graph):
SAME_NAME: Final = "same-name"             # the same full name
VARIANT: Final = "spelling-variant"        # the same full name up to inner long vowels ("ترمب", "ترامب")
SHORTER_NAME: Final = "shorter-name"       # a shorter form that only one longer name of the corpus ends or opens with
FAMILY_NAME: Final = "family-name"         # the family name alone, carried by one person of the corpus


def skeleton(word: str) -> str:
    """A word without its inner long vowels: "ترامب" and "ترمب" give "ترمب"."""
    return word[:1] + word[1:].translate(_LONG_VOWELS) if len(word) > 2 else word


_PATRONYMIC_SKELETONS: Final = frozenset(skeleton(word) for word in function_words("patronymic"))   # "بن", as compared


@remembered
def name_words(name: str) -> tuple[str, ...]:
    """A name's comparison words, without leading honorifics ("الملك") and with
    "عبد" joined to the word after it as many write it.  Remembered: linking
    and scoping ask it of every name of every person, and names recur."""
    joined: list[str] = []
    for word in person_words(name):
        if joined and joined[-1] == ABD:
            joined[-1] += word
        elif word.startswith(ABD + ARTICLE) and len(word) > len(ABD) + 2:
            joined.append(ABD + word[len(ABD) + len(ARTICLE):])  # "عبداللطيف" as "عبد اللطيف"
        else:
            joined.append(word)
    return tuple(joined)


def name_skeleton(name: str) -> tuple[str, ...]:
    """The skeletons of a name's words (``name_words``): a key under which spelling
    variants meet, to be confirmed word by word with ``variant_words``."""
    return tuple(skeleton(word) for word in name_words(name))


def variant_word(a: str, b: str) -> bool:
    """One word spelt two ways: the shorter is the longer without some of its inner
    long vowels ("ترمب" of "ترامب", "بوتن" of "بوتين").  A vowel letter written for
    another ("ظروف" is not "ظريف") or a final one ("روحاني" is not "روحان") makes another word."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if not short or short[0] != long[0] or short[-1] != long[-1]:
        return False
    at = 0
    for char in long:
        if at < len(short) and char == short[at]:
            at += 1
        elif char not in _VOWELS:
            return False
    return at == len(short)


def variant_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(map(variant_word, a, b))


class _Person:
    def __init__(self, doc_index: int, entity: Entity):
        self.doc_index = doc_index
        self.entity = entity
        self.words = max((name_words(n) for n in (entity.label, *entity.names)), key=len)
        self.full = tuple(map(skeleton, self.words))
        self.forms = {name_skeleton(n) for n in (entity.label, *entity.names)}
        self.orgs = {post.org for post in entity.posts if post.org}
        # linked to the people gazetteer (kg.link.people): only it gives a person these
        self.link = entity.id if entity.wikidata or entity.label_en else None


def _compatible(a: _Person, b: _Person) -> bool:
    """No post in different places, and no two different full names."""
    if a.orgs and b.orgs and not (a.orgs & b.orgs):
        return False
    if len(a.full) >= 2 and len(b.full) >= 2 and a.full != b.full:
        shorter, longer = sorted((a.full, b.full), key=len)
        return longer[-len(shorter):] == shorter and len(shorter) >= 2
    return True


def _patronymic(full: tuple[str, ...]) -> bool:
    return not _PATRONYMIC_SKELETONS.isdisjoint(full)


class _Support:
    """What an article says that lets a name of one word in it stand for a
    person of other articles (see the module's docstring)."""

    def __init__(self, docs: Sequence[Document], people: list[_Person]):
        # imported here: kg.link.people imports this module
        from kg.link.people import PeopleIndex
        self.docs = docs
        self.index = PeopleIndex.bundled()
        entries = Gazetteer.bundled().entries
        self.named: list[set[str]] = []   # per article: the countries and organisations it names, and its cities' countries
        for doc in docs:
            ids = {e.id for e in doc.entities if e.type is not PERSON}
            ids |= {f"country:{entries[i].country}" for i in ids if i in entries and entries[i].country}
            self.named.append(ids)
        self.people = people

    def orgs(self, members: list[_Person]) -> set[str]:
        """Where the person's posts are: as the articles give them, and as the people gazetteer does."""
        found = set().union(*(m.orgs for m in members))
        for link in {m.link for m in members if m.link}:
            holder = self.index.holders.get(link)
            found |= {t.org for t in holder.tenures if t.org} if holder else set()
        return found

    def __call__(self, doc_index: int, word: str, members: list[_Person], orgs: set[str] | frozenset[str] = frozenset()) -> bool:
        """Whether ``word`` (one word, as article ``doc_index`` writes it, or
        the short person ``orgs`` hold posts in) stands for the person ``members`` are."""
        if any(m.doc_index == doc_index for m in members):
            return True   # the article gives the full name too
        where = self.orgs(members)
        if orgs & where or self.named[doc_index] & where:
            return True   # a post, or a country, organisation or city, of the person's
        published = self.docs[doc_index].published
        words = name_words(word)
        for link in {m.link for m in members if m.link}:
            holder = self.index.holders.get(link)
            # a form of one word as the file writes it: "الرئيس الأسد" does not make "الأسد" one
            if holder is not None and published is not None and holder.held_on(published) and any(
                    len(form.split()) == 1 and variant_words(words, name_words(form)) for form in holder.forms):
                return True   # the gazetteer's own short form of a holder in office
        return False


def resolve_corpus(docs: Sequence[Document]) -> list[Document]:
    """The documents with each person's entity id shared across articles: a
    group of joined persons takes its canonical member's id (a linked one, else
    the longest name), an article-scoped one (kg.link.scope) where every member
    is known only to its article, so the articles share that node and no other."""
    people = [_Person(i, e) for i, doc in enumerate(docs) for e in doc.entities
              if e.type is PERSON and not e.role_only]
    parent = list(range(len(people)))
    links = {i: person.link for i, person in enumerate(people) if person.link}  # root -> its group's link
    rules: dict[int, set[str]] = defaultdict(set)  # root -> the rules that joined its group

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, rule: str) -> None:
        """Join two groups, unless they are linked to two different office holders."""
        a, b = find(i), find(j)
        if a == b or (a in links and b in links and links[a] != links[b]):
            return
        parent[b] = a
        if b in links:
            links.setdefault(a, links.pop(b))
        rules[a] |= rules.pop(b, set()) | {rule}

    support = _Support(docs, people)

    def one_word_supported(a: _Person, b: _Person) -> bool:
        """Two names of one word ("يوسف") are one person only where one's article supports the other."""
        return a.doc_index == b.doc_index or support(a.doc_index, a.words[0], [b], a.orgs) or \
            support(b.doc_index, b.words[0], [a], b.orgs)

    by_full: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        by_full[person.full].append(index)
    for members in by_full.values():  # the same full name, spelt alike
        for at, index in enumerate(members):
            for other in members[at + 1:]:
                a, b = people[index], people[other]
                if variant_words(a.words, b.words) and _compatible(a, b) and (len(a.full) > 1 or one_word_supported(a, b)):
                    union(index, other, SAME_NAME if a.words == b.words else VARIANT)
    # a short name (one word, or a tail of a longer name) joins the one person who ends so
    for index, person in enumerate(people):
        if len(person.full) >= 2 and not (len(person.full) == 2 and person.full in by_full and
                                          len(by_full) == 1):
            continue
        candidates = {find(i) for i, other in enumerate(people) if len(other.full) > len(person.full)
                      and other.full[-len(person.full):] == person.full and not _patronymic(other.full)
                      and _compatible(person, other)}
        if len(person.full) == 1 and not candidates:
            # "الملك سلمان" is "سلمان بن عبدالعزيز": one word opening exactly one longer name
            candidates = {find(i) for i, other in enumerate(people) if len(other.full) > 1
                          and other.full[0] == person.full[0] and _compatible(person, other)}
        if len(candidates) != 1:
            continue
        root = candidates.pop()
        grouped = [other for i, other in enumerate(people) if find(i) == root]
        if len(person.full) == 1 and not support(person.doc_index, person.words[0], grouped, person.orgs):
            continue   # a word of one article is not a family name of another on its own
        union(root, index, SHORTER_NAME)
    groups: dict[int, list[_Person]] = defaultdict(list)
    for index, person in enumerate(people):
        groups[find(index)].append(person)
    renamed: dict[tuple[int, str], str] = {}
    joined_by: dict[tuple[int, str], set[str]] = {}
    for root, group in groups.items():
        canonical = max(group, key=lambda p: (bool(p.link), len(p.full), len(p.entity.label), p.entity.id)).entity.id
        for person in group:
            renamed[(person.doc_index, person.entity.id)] = canonical
            if len({p.doc_index for p in group}) > 1:
                joined_by[(person.doc_index, canonical)] = rules.get(root, set())
    linked = {p.entity.id: p.entity for p in people if p.link}
    members_of = {renamed[(group[0].doc_index, group[0].entity.id)]: group for group in groups.values()}
    docs = [rename_entities(doc, {old: new for (d, old), new in renamed.items() if d == i and old != new})
            for i, doc in enumerate(docs)]
    family = _family_names(groups.values(), renamed)
    docs = [_with_identity(doc, {e: r for (d, e), r in joined_by.items() if d == i}) for i, doc in enumerate(docs)]
    return [_with_links(_add_family_mentions(doc, family, lambda word, person, i=i: support(i, word, members_of[person])),
                        linked) for i, doc in enumerate(docs)]


def with_rule(identity: tuple[str, ...], *rules: str) -> tuple[str, ...]:
    return tuple(sorted({*identity, *rules}))


def _with_identity(doc: Document, joined_by: dict[str, set[str]]) -> Document:
    """Each person joined to persons of other articles records the rules that joined them."""
    if not joined_by:
        return doc
    return replace(doc, entities=tuple(replace(e, identity=with_rule(e.identity, *joined_by[e.id]))
                                       if e.id in joined_by else e for e in doc.entities))


def _with_links(doc: Document, linked: dict[str, Entity]) -> Document:
    """A person joined to a linked one across articles takes its Wikidata item and English name."""
    entities = tuple(replace(e, wikidata=linked[e.id].wikidata, label_en=linked[e.id].label_en)
                     if e.id in linked and not (e.wikidata or e.label_en) else e for e in doc.entities)
    return replace(doc, entities=entities)


class _Family(NamedTuple):
    person: str                # the one person of the corpus who carries the family name
    written: frozenset[str]    # the family name as the corpus writes it (comparison words)
    definite: bool             # written with the article ("بشار الأسد"): only "الأسد" stands alone for it


def _family_names(groups, renamed: dict[tuple[int, str], str]) -> dict[str, _Family]:
    """Family-name skeleton -> the one person of the corpus who carries it."""
    lex = Lexicons.bundled()
    owners: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[str]] = defaultdict(set)
    definite: set[str] = set()
    for members in groups:
        for person in members:
            full = person.full
            if len(full) < 2 or _patronymic(full) or len(full[-1]) < 3:
                continue
            last_word = name_key(person.entity.label).split()[-1]
            if last_word in lex.common_words or last_word in lex.given_names:
                continue
            owners[full[-1]].add(renamed[(person.doc_index, person.entity.id)])
            written[full[-1]].add(person.words[-1])
            if _written_definite(person):
                definite.add(full[-1])
    return {word: _Family(ids.pop(), frozenset(written[word]), word in definite)
            for word, ids in owners.items() if len(ids) == 1}


def _written_definite(person: _Person) -> bool:
    """As kg.link.resolve's rule in an article: a family name written with the
    article in a full name ("بشار الأسد") stands alone only with it ("أسد" is a
    lion); a nisba sheds it in much of the press ("حموشي")."""
    if person.words[-1].endswith(NISBA_ENDING):
        return False
    last = [normalize_for_matching(n).split()[-1] for n in (person.entity.label, *person.entity.names)
            if len(n.split()) >= 2]
    return any(word.startswith(ARTICLE) and name_key(strip_article(word)) == person.words[-1] for word in last)


def _family_word(stem: str, written: frozenset[str], common_words: frozenset[str]) -> bool:
    """A word is the family name as the corpus writes it, or a spelling variant of
    it that is no common word ("الأسود" is not "الأسد")."""
    word = name_key(stem)
    return word in written or (word not in common_words and any(variant_word(word, w) for w in written))


def _add_family_mentions(doc: Document, family: dict[str, _Family],
                         supported: Callable[[str, str], bool] = lambda word, person: True) -> Document:
    """"قال ترمب": a family name that names one person of the corpus is a mention
    of that person, in an article that never gave the full name, where the
    article supports it (``supported(word, person)``, see ``_Support``)."""
    if not family:
        return doc
    common_words = Lexicons.bundled().common_words
    covered = doc.covered_tokens([m.span for m in doc.mentions])
    found: dict[str, list[Mention]] = defaultdict(list)
    for index, token in enumerate(doc.tokens):
        if index in covered:
            continue
        for cut, rest in readings(token.norm):
            stem = strip_article(rest)
            entry = family.get(skeleton(stem))
            if entry is None or (entry.definite and not rest.startswith(ARTICLE)):
                continue
            if _family_word(stem, entry.written, common_words) and supported(stem, entry.person):
                span = Span(token_offset(token, cut), token.span.end)
                found[entry.person].append(Mention(span, doc.text[span.start:span.end], PERSON,
                                                   NAME_MENTION, source="corpus-family-name"))
                break
    if not found:
        return doc
    entities = list(doc.entities)
    for person, mentions in found.items():
        at = next((i for i, e in enumerate(entities) if e.id == person), None)
        if at is None:
            label = mentions[0].text
            names = tuple(dict.fromkeys(m.text for m in mentions if m.text != label))
            entities.append(Entity(person, PERSON, label, names, tuple(mentions), identity=(FAMILY_NAME,)))
        else:
            entity = entities[at]
            # a role-only person of this article (kg.link.people) is now named: post phrases are no names
            kept = () if entity.role_only else entity.names
            names = tuple(dict.fromkeys((*kept, *(m.text for m in mentions if m.text != entity.label))))
            identity = with_rule(entity.identity, FAMILY_NAME) if entity.role_only else entity.identity
            entities[at] = replace(entity, names=names, mentions=entity.mentions + tuple(mentions), role_only=False,
                                   identity=identity)
    return replace(doc, entities=tuple(entities), mentions=doc.mentions + tuple(m for ms in found.values() for m in ms))


def rename_entities(doc: Document, mapping: dict[str, str]) -> Document:
    """``doc`` with entity ids renamed wherever they are used (entities, posts, events)."""
    if not mapping:
        return doc

    def new(entity_id: str | None) -> str | None:
        return mapping.get(entity_id, entity_id) if entity_id else entity_id

    # a record that names no renamed id is kept as it is: rebuilding it gave an
    # equal one, at a dataclasses.replace each, for every entity of every article
    entities = tuple(replace(e, id=new(e.id), part_of=new(e.part_of),
                             posts=tuple(Post(p.title, new(p.org)) for p in e.posts))
                     if e.id in mapping or e.part_of in mapping or any(p.org in mapping for p in e.posts) else e
                     for e in doc.entities)
    events = tuple(replace(ev, participants=tuple(Participant(new(p.entity), p.role) for p in ev.participants),
                           place=new(ev.place))
                   if ev.place in mapping or any(p.entity in mapping for p in ev.participants) else ev
                   for ev in doc.events)
    return replace_document(doc, entities=entities, events=events)
