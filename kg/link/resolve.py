"""In-document resolution: mentions become entities.

- Gazetteer mentions are the gazetteer's entity, adjectives included.
- Personal names cluster when one is a shorter form of another ("حموشي",
  "الحموشي", "عبد اللطيف الحموشي"); the short form is then found wherever else
  the article uses it.
- Definite descriptions ("المنظمة", "هذه المنظمة الأمنية الدولية") refer to the
  nearest earlier organisation with the same head noun (or, in a headline, to
  the one the body names).
- A post without a named holder is the named person who holds the same post
  ("المدير العام للأمن الوطني" again, later), else a role-only person keyed by
  title and organisation, so "رئيس المنظمة" and "رئيس الإنتربول" are one person.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, count, repeat
from typing import Final

from kg.extract.gazetteer import Gazetteer, token_offset
from kg.extract.lexicon import function_word, function_words, read_tsv, word_key
from kg.extract.patterns import NAME_PARTICLES, Lexicons
from kg.extract.openers import openings_of
from kg.extract.organisations import MINISTRY_SOURCE
from kg.extract.posts import post_qualifiers, title_without_org
from kg.extract.walker import COMMAS, COUNTERPART_SOURCE, DESCRIPTOR_SOURCE, LOCATIVES
from kg.model import ADJECTIVE_MENTION, COUNTRY, NAME_MENTION, NOMINAL_MENTION, ORGANISATION, PERSON, ROLE_MENTION, SPAN_ORDER, Document, Entity, EntityType, Mention, Post, Span, Token, replace_document
from kg.text.clitics import ARTICLE, ARTICLE_AFTER_LAM, NISBA_ENDING, conjunction_stems, readings, strip_article
from kg.text.clitics import ACCUSATIVE_ENDING, CONJUNCTION_WA, PREPOSITION_BA, PREPOSITION_LAM
from kg.text.normalize import name_key, normalize_for_matching, readable_name
from kg.text.segment import tokenize
from kg.text.memo import remembered

_LINKING: Final = function_words("organ_link")
_PATRONYMICS: Final = function_words("patronymic")   # "بن": a name after it is a father's
_FAMILY_FIRST: Final = function_words("family_first")   # "كيم": a Korean family name, written first
_DEMONSTRATIVES: Final = function_words("demonstrative")
_RANKS: Final = function_words("rank")   # "الأمير السعودي": a rank, no unique post
_HOME_POSTS: Final = frozenset(name_key(title) for title in function_words("home_post"))
_OBJECT_VERBS: Final = function_words("object_verb")   # "استقبل الرئيس اليوم الوزير X": the object is a person
HOLDER_AFTER_POST: Final = 8   # words after a post in which its holder's name may follow the rest of it
_QUOTES: Final = frozenset('"«»“”')
_OUTLET_HEADS: Final = function_words("outlet_head")   # "صحيفة", "قناة", "نادي": what the name after them is
_POST_LINKS: Final = function_words("post_link")   # "لدى الأمم المتحدة", "في الشرق الأوسط"
_GLUED: Final = frozenset(CONJUNCTION_WA + PREPOSITION_BA + PREPOSITION_LAM)   # "بالسكك", "للاتحاد", "والتعاون"
HOME_POST_NAME_REACH: Final = 4   # words after a unique post in which a name makes it that person's (adjectives, another post)
_MINISTRY: Final = function_word("ministry_head")   # "وزارة"
PATRONYMIC: Final = function_words("patronymic") - {ARTICLE}  # "آل نهيان" is a family name; its key is "ال", the article's letters


class HeldPosts:
    """The posts held by named people in one article, (canonical title, org,
    holder) in text order, indexed by title, by a title's first word and by
    organisation, so that looking a post up does not scan them all (a long
    article names thousands)."""

    def __init__(self, held: list[tuple[str, str | None, str]], shorter: list[tuple[str, str | None, str]] | tuple[()] = ()):
        """``shorter``: the posts held again under their first domain (``_first_domain``)."""
        self.by_title: dict[str, list[tuple[str | None, str]]] = {}
        self.by_head: dict[str, list[tuple[str | None, str]]] = {}
        self.by_org: dict[str | None, set[str]] = {}
        self.titles_of: dict[str, set[str]] = {}
        # "وزير الخارجية والهجرة وشؤون المصريين بالخارج" answers to "وزير الخارجية" too
        self.by_first_domain: dict[str, list[tuple[str | None, str]]] = {}
        for title, org, holder in shorter:
            self.by_first_domain.setdefault(title, []).append((org, holder))
        for title, org, holder in held:
            self.by_title.setdefault(title, []).append((org, holder))
            self.titles_of.setdefault(holder, set()).add(title)
            words = title.split()
            if words:
                self.by_head.setdefault(_head(words[0]), []).append((org, holder))
            self.by_org.setdefault(org, set()).add(holder)

    def holders_in(self, org: str) -> set[str]:
        return self.by_org.get(org, set())

    def holder_of(self, title: str, org_id: str | None, told_before: Callable[[str], bool] | None = None) -> str | None:
        """The one named holder of the same post: same title, and the same
        organisation or country where both are known; a bare head ("الوزير
        الفرنسي") matches a fuller title ("وزير الخارجية") of the same country,
        and of several such, the one ``told_before`` the bare head says (the one a
        reference can point back to: "وكان الوزير الجزائري قد ترأس" before the
        article names another Algerian minister)."""
        full, first = self.by_title.get(title, []), self.by_first_domain.get(title, [])
        # the same post first; a post of the article's own state ("وزير الخارجية" in Egypt's
        # press) also the one it is the first domain of ("وزير الخارجية والهجرة")
        holders = _exact(full, org_id) or (_exact(first, org_id) if org_id is None else []) or _matching(full, org_id)
        if not holders and len(title.split()) == 1:
            holders = _matching(self.by_head.get(_head(title), []), org_id)
            if len(set(holders)) > 1 and told_before is not None:
                holders = [holder for holder in holders if told_before(holder)]
        return holders[-1] if len(set(holders)) == 1 else None


def _head(word: str) -> str:
    """A title's first word as posts are indexed by it: a one-word variant folded
    ("موفد الرئيس" answers to "المبعوث"), not one whose canonical is a whole post
    ("رئيس" stays "رئيس", though alone it is "رئيس الجمهورية")."""
    canonical = title_equivalents().get(word, word)
    return canonical if " " not in canonical else word


def _exact(entries: list[tuple[str | None, str]], org_id: str | None) -> list[str]:
    return [holder for org, holder in entries if org == org_id]


def _matching(entries: list[tuple[str | None, str]], org_id: str | None) -> list[str]:
    return _exact(entries, org_id) or [holder for org, holder in entries if org is None or org_id is None]


@dataclass
class _Cluster:
    id: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    role_only: bool = False
    part_of: str | None = None
    label: str | None = None


@lru_cache(maxsize=1)
def title_equivalents() -> dict[str, str]:
    return {name_key(row[0]): name_key(row[1]) for row in read_tsv("title_equivalents.tsv", 2)}


def canonical_title(title: str) -> str:
    """A post title's key, variants folded ("رئيس الحكومة" is "رئيس الوزراء")."""
    key = name_key(title)
    return title_equivalents().get(key, key)


@lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    return frozenset(name_key(row[0]) for row in read_tsv("honorifics.tsv", 2) if len(row[0].split()) == 1)


@lru_cache(maxsize=1)
def ordinal_words() -> frozenset[str]:
    """"السادس" of "محمد السادس" is no family name to stand alone."""
    return frozenset(word_key(row[0]) for row in read_tsv("ordinals.tsv", 3) if row[1] == "unit")


def accusative(title: str) -> bool:
    """A title in the accusative ("رئيسا", "وزيرا"): the predicate of an appointment."""
    first = normalize_for_matching(title.split()[0]) if title.split() else ""
    return first.endswith(ACCUSATIVE_ENDING) and len(first) > 3


@remembered
def name_norms(text: str) -> tuple[str, ...]:
    """The normalised words of a name as the tokeniser reads them.  Remembered:
    the same names recur in an article and across articles, and tokenising one
    builds its tokens only to read their words."""
    return tuple(token.norm for token in tokenize(text))


def person_words(text: str) -> tuple[str, ...]:
    """Comparison words of a personal name, without leading honorifics."""
    words = name_key(text).split()
    while len(words) > 1 and words[0] in honorific_words():
        words = words[1:]
    return tuple(words)


class Resolver:
    def __init__(self, doc: Document, gazetteer: Gazetteer, lex: Lexicons):
        self.doc = doc
        self.gazetteer = gazetteer
        self.lex = lex
        self.clusters: dict[str, _Cluster] = {}
        self.by_span: dict[Span, str] = {}

    def add(self, entity_id: str, entity_type: EntityType, mention: Mention) -> _Cluster:
        cluster = self.clusters.get(entity_id)
        if cluster is None:   # not setdefault: it would build a cluster for every mention
            cluster = self.clusters[entity_id] = _Cluster(entity_id, entity_type)
        cluster.mentions.append(mention)
        self.by_span[mention.span] = entity_id
        return cluster

    # -- passes --------------------------------------------------------------
    def run(self) -> tuple[Entity, ...]:
        mentions = sorted(self.doc.mentions, key=lambda m: (m.span.start, -m.span.end))
        persons = [m for m in mentions if m.type is PERSON]
        persons += self.repeated_names(persons)
        others = [m for m in mentions if m.type is not PERSON]
        names = sorted((m.span.start, m.span.end) for m in persons if m.kind is NAME_MENTION)
        name_starts = [start for start, _ in names]
        for mention in others:
            if mention.key and _inside(mention.span, names, name_starts):
                continue  # a place name inside a personal name
            if mention.key and mention.kind is not NOMINAL_MENTION:
                self.add(mention.key, mention.type, mention)
            elif mention.kind is NAME_MENTION and mention.parent is None:
                key = f"{mention.type.value.lower()}:{name_key(mention.text)}"
                if mention.source == MINISTRY_SOURCE:
                    key = self.ministry_key(mention.text)
                self.add(key, mention.type, mention)
        self.join_states_qualified()
        self.join_bracketed_names()
        for mention in others:
            if mention.parent is not None and mention.kind is NAME_MENTION:
                self.resolve_organ(mention)
        for mention in others:
            if mention.kind is NOMINAL_MENTION:
                self.resolve_nominal(mention)
        self.resolve_persons(persons)
        self.resolve_posts()
        return tuple(self.entities())

    def join_states_qualified(self) -> None:
        """A body named without the states' adjectives that another body's name adds
        ("اللجنة الأمنية المشتركة" in a headline, "اللجنة الأمنية المشتركة المغربية
        الموريتانية" in the body) is that body, when it is the one such."""
        prefix = f"{ORGANISATION.value.lower()}:"
        adjectives = {name_key(m.text) for m in self.doc.mentions
                      if m.type is COUNTRY and m.kind is ADJECTIVE_MENTION}
        names = {cluster_id: tuple(cluster_id[len(prefix):].split()) for cluster_id in self.clusters
                 if cluster_id.startswith(prefix)}
        for short, words in names.items():
            if len(words) < 2:
                continue
            longer = [other for other, more in names.items() if len(more) > len(words) and more[:len(words)] == words
                      and all(word in adjectives for word in more[len(words):])]
            if len(longer) == 1:
                self.merge(short, longer[0])

    def join_bracketed_names(self) -> None:
        """An organisation's other name in brackets right after it ("وكالة أنباء
        كوريا الجنوبية (يونهاب)", "المنظمة الدولية للشرطة الجنائية (الإنتربول)")
        names the same body: one entity, the gazetteer's when one of the two is
        its entry; two entries of the gazetteer stay two bodies."""
        text = self.doc.text
        named = sorted((m for m in self.doc.mentions if m.type is ORGANISATION and m.kind is NAME_MENTION
                        and m.span in self.by_span), key=lambda m: m.span.start)
        for first, second in zip(named, named[1:]):
            if text[first.span.end:second.span.start].strip() != "(" or not text[second.span.end:].lstrip().startswith(")"):
                continue
            ids = [self.by_span[first.span], self.by_span[second.span]]
            if ids[0] == ids[1] or all(i in self.gazetteer.entries for i in ids):
                continue
            into, short = (ids[1], ids[0]) if ids[1] in self.gazetteer.entries else (ids[0], ids[1])
            self.merge(short, into)

    def merge(self, short: str, into: str) -> None:
        """The cluster ``short`` is the cluster ``into``: its mentions move there."""
        cluster = self.clusters[into]
        for mention in self.clusters.pop(short).mentions:
            cluster.mentions.append(mention)
            self.by_span[mention.span] = into

    def ministry_key(self, short: str) -> str:
        """The id of a ministry told by its domain alone ("الخارجية الأمريكية"): its full
        name's ("وزارة الخارجية الأمريكية"), the gazetteer's entry when it lists it."""
        full = f"{_MINISTRY} {short}"
        tokens = tokenize(full)
        match = self.gazetteer.lexicon.match_at(tokens, 0, len(tokens))
        if match is not None and match.end == len(tokens):
            return match.values[0].entry.id
        return f"{ORGANISATION.value.lower()}:{name_key(full)}"

    def repeated_names(self, persons: list[Mention]) -> list[Mention]:
        """A name of two words or more, found once where a title or a given name
        opened it, is the same person wherever the article writes it again
        ("وتولى أبى أحمد المنصب", "يلتقي رسميا بياسر عرفات"), a proclitic glued to
        its first word or not, unless a found mention already covers the words or
        a name particle before them makes them the end of another name ("محمد بن
        سلمان بن عبد العزيز" does not repeat "سلمان بن عبد العزيز")."""
        forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for mention in persons:
            if mention.kind is NAME_MENTION:
                words = name_norms(mention.text)
                if len(words) >= 2 and all(word[:1].isalnum() for word in words):
                    forms.setdefault(words[0], []).append((words, mention.source))
        if not forms:
            return []
        for entries in forms.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest form first
        # form_at compares the words after the first as they are written, so a form
        # is written again only before its second word: a set lookup a token finds
        # the few places where the readings of the word before are worth trying
        seconds = {words[1] for entries in forms.values() for words, _ in entries}
        tokens = self.doc.tokens
        covered = self.doc.covered_tokens([m.span for m in self.doc.mentions])
        found = []
        after = 0   # the first token after the last name found again
        # (the tokens before a form's second word, picked in C over the words: a scan of every token)
        for index in [at - 1 for at in compress(count(), map(seconds.__contains__, openings_of(tokens).norms)) if at]:
            match = None if index < after or index in covered else self.form_at(index, forms, covered)
            if match is None:
                continue
            cut, length, source = match
            span = Span(token_offset(tokens[index], cut), tokens[index + length - 1].span.end)
            found.append(Mention(span, self.doc.text[span.start:span.end], PERSON, NAME_MENTION,
                                 source=source))
            after = index + length
        return found

    def form_at(self, index: int, forms: dict[str, list[tuple[tuple[str, ...], str]]],
                covered: set[int]) -> tuple[int, int, str] | None:
        """(proclitic length, words, source) of the longest known form written at ``index``."""
        tokens = self.doc.tokens
        if index > 0 and strip_article(tokens[index - 1].norm) in NAME_PARTICLES:
            return None
        for cut, rest in readings(tokens[index].norm):
            for words, source in forms.get(rest, ()):
                end = index + len(words)
                if end <= len(tokens) and all(tokens[i].norm == words[i - index] and i not in covered
                                              for i in range(index + 1, end)):
                    return cut, len(words), source
        return None

    def resolve_organ(self, mention: Mention) -> None:
        parent_id = self.by_span.get(mention.parent) or self.nominal_target(self.mention_at(mention.parent))
        if parent_id is None:
            return
        head = name_key(self.doc.text[mention.span.start:mention.parent.start]).split()
        while head and head[-1] in _LINKING:
            head.pop()
        head_key = " ".join(head)
        # the gazetteer may know the organ itself ("الجمعية العامة للأمم المتحدة")
        known = next((c.id for c in self.clusters.values() if c.id in self.gazetteer.entries
                      and c.type is ORGANISATION and c.part_of in (None, parent_id)
                      and any(name_key(m.text).startswith(head_key) for m in c.mentions)), None)
        organ = self.add(known or f"org:{head_key}@{parent_id}", ORGANISATION, mention)
        organ.part_of = parent_id

    def mention_at(self, span: Span) -> Mention | None:
        return next((m for m in self.doc.mentions if m.span == span), None)

    def resolve_nominal(self, mention: Mention) -> None:
        """A description refers to an entity the article names: "العاصمة المصرية"
        to Cairo only where Cairo is named (the gazetteer's key), "المنظمة" to the
        organisation named before."""
        target = (mention.key if mention.key in self.clusters else None) if mention.key \
            else self.nominal_target(mention)
        if target is not None:
            self.add(target, mention.type, mention)

    def nominal_target(self, mention: Mention | None) -> str | None:
        """The organisation a definite description refers to."""
        if mention is None:
            return None
        words = [w for w in name_key(mention.text).split() if w not in _DEMONSTRATIVES]
        if not words:
            return None
        head = words[0]
        candidates = []
        for cluster in self.clusters.values():
            if cluster.type is not mention.type:
                continue
            names = [m.text for m in cluster.mentions if m.kind is not NOMINAL_MENTION]
            if cluster.id in self.gazetteer.entries:
                names.append(self.gazetteer.entries[cluster.id].label)
            if any(name_key(n).split()[:1] == [head] for n in names if name_key(n)):
                first = min(m.span.start for m in cluster.mentions)
                candidates.append((first, cluster.id))
        if not candidates:
            return None
        before = [c for c in candidates if c[0] < mention.span.start]
        if before:
            return max(before)[1]
        # A headline may name what only the body introduces; the body refers back.
        return min(candidates)[1] if mention.span.start < self.doc.body_start else None

    def resolve_persons(self, persons: list[Mention]) -> None:
        clusters: list[tuple[tuple[str, ...], str]] = []
        folded: list[tuple[str, ...]] = []   # each cluster's words, hamza seats folded once, as compared
        for mention in sorted(persons, key=lambda m: -len(person_words(m.text))):
            words = person_words(mention.text)
            if not words:
                continue
            loose = _hamza_folded(words)
            matches = [cluster for cluster, loose_full in zip(clusters, folded) if _shorter_form(loose, loose_full)]
            target = matches[0][1] if matches else None
            if len({cid for _, cid in matches}) > 1 and len(words) == 1:
                # "ميلانيا ترامب" ... "الرئيس دونالد ترامب" ... "وأكد ترامب": the known person's
                target = self.short_form_owner(words[0], matches) or target
            if target is None and len(words) == 1:
                # "الرئيس شي" is "شي جين بينغ": one word opening exactly one longer name
                openers = [cid for full, cid in clusters if len(full) >= 2 and full[0] == words[0]]
                target = openers[0] if len(openers) == 1 else None
            if target is None:
                target = "person:" + " ".join(words)
                clusters.append((words, target))
                folded.append(loose)
            self.add(target, PERSON, mention)
        self.find_short_forms(clusters)
        self.find_patronymic_forms(clusters)

    def find_patronymic_forms(self, clusters: list[tuple[tuple[str, ...], str]]) -> None:
        """A name ending in "بن X" is told again by those two words alone ("بن الشيخ" of
        "فريد زين الدين بن الشيخ", "بن سلمان" of "محمد بن سلمان"): the one person here
        whose name ends so, where no mention holds the words already."""
        owners: dict[tuple[str, str], set[str]] = {}
        name_words: set[str] = set()   # the words of those names: one before the particle means the whole name
        for full, cluster_id in clusters:
            if len(full) >= 3 and full[-2] in PATRONYMIC:
                owners.setdefault((full[-2], full[-1]), set()).add(cluster_id)
                name_words.update(full[:-2])
        pairs = {pair: next(iter(ids)) for pair, ids in owners.items() if len(ids) == 1}
        if not pairs:
            return
        tokens, keys = self.doc.tokens, openings_of(self.doc.tokens).keys
        particles = {particle for particle, _ in pairs}
        covered: set[int] | None = None
        for index in _ending_with(tokens, tuple(particles)):   # (the candidates picked in C)
            if index + 1 >= len(tokens) or index and keys[index - 1] in name_words:
                continue   # "محمد بن سلمان" written whole
            particle = next((stem for _, stem in readings(tokens[index].norm) if stem in particles), None)
            if particle is None or (particle, keys[index + 1]) not in pairs:
                continue
            if covered is None:   # (read once, when a pair is met: most articles have none)
                covered = self.doc.covered_tokens([m.span for m in self.doc.mentions] + list(self.by_span))
            if index in covered or index + 1 in covered:
                continue
            cut = len(tokens[index].norm) - len(particle)
            span = Span(token_offset(tokens[index], cut), tokens[index + 1].span.end)
            self.add(pairs[(particle, keys[index + 1])], PERSON,
                     Mention(span, self.doc.text[span.start:span.end], PERSON, NAME_MENTION, source="short-form"))

    def find_short_forms(self, clusters: list[tuple[tuple[str, ...], str]]) -> None:
        """Where a person's family name stands alone elsewhere ("حموشي"), it is a
        mention; a Korean family name comes first ("كيم" of "كيم جونغ أون").  Of
        several persons with the name, a known one's one-word name decides, else none."""
        candidates: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for full, cluster_id in clusters:
            content = [w for w in full if w not in NAME_PARTICLES]
            if len(content) >= 2 and not set(full) & _PATRONYMICS and full[-1] not in ordinal_words():
                candidates.setdefault(full[-1], []).append((full, cluster_id))
            if len(content) >= 2 and full[0] in _FAMILY_FIRST:
                # a Korean family name is written first: "كيم" of "كيم جونغ أون"
                candidates.setdefault(full[0], []).append((full, cluster_id))
        short = {key: cluster_id for key, cluster_id in
                 ((key, self.short_form_owner(key, found)) for key, found in candidates.items())
                 if cluster_id and key not in self.lex.stopwords}
        definite = {key for key, cluster_id in short.items() if self.written_definite(key, cluster_id)}
        # the mentions found so far, names found again included (``repeated_names``)
        if not short:
            return
        # a post someone holds is no name: "الأمين" of "الأمين العام" is not Mr al-Amin
        covered = self.doc.covered_tokens([m.span for m in self.doc.mentions] + list(self.by_span)
                                          + [post.span for post in self.doc.posts if post.holder is not None])
        ends = tuple(short)  # a word holds a family name only if it ends with it: one C-level test
        for index in _ending_with(self.doc.tokens, ends):
            if index in covered:
                continue
            token = self.doc.tokens[index]
            for cut, rest in readings(token.norm):
                stem = strip_article(rest)
                if stem in definite and not rest.startswith(ARTICLE):
                    continue  # "الأسد" names al-Assad; "أسد" is a lion
                if stem in short:
                    if stem in self.lex.time_words and self.dated(index):
                        break  # "14 ماي 2018", "في مايو الماضي": the month, not Theresa May
                    span = Span(token_offset(token, cut), token.span.end)
                    mention = Mention(span, self.doc.text[span.start:span.end], PERSON,
                                      NAME_MENTION, source="short-form")
                    self.add(short[stem], PERSON, mention)
                    break

    def short_form_owner(self, key: str, found: list[tuple[tuple[str, ...], str]]) -> str:
        """The cluster a family name standing alone names: the one person here
        with it, or of several ("دونالد ترامب", "ميلانيا ترامب") the known
        person whose one-word name it is (people.tsv); else none ("")."""
        owners = {cluster_id for _, cluster_id in found}
        if len(owners) == 1:
            return next(iter(owners))
        known = self.lex.lone_names.get(key, frozenset())
        famous = {cluster_id for full, cluster_id in found if set(full) <= known}
        return next(iter(famous)) if len(famous) == 1 else ""

    def dated(self, index: int) -> bool:
        """Whether the word at ``index`` stands where a month's name does: after
        a number or "في", before a number or a date word ("الماضي")."""
        tokens = self.doc.tokens
        before = tokens[index - 1].norm if index > 0 else ""
        after = strip_article(tokens[index + 1].norm) if index + 1 < len(tokens) else ""
        return before.isdigit() or any(rest in LOCATIVES for _, rest in readings(before)) \
            or after.isdigit() or after in self.lex.time_words

    def written_definite(self, key: str, cluster_id: str) -> bool:
        """Whether the family name ``key`` is written with the article in the
        full names of the cluster ("بشار الأسد"): then only "الأسد" stands alone
        for it ("أسد" is a lion).  A nisba sheds its article in much of the press
        ("عبد اللطيف الحموشي", then "حموشي"), so it may stand alone without."""
        if key.endswith(NISBA_ENDING):
            return False
        last_words = [normalize_for_matching(m.text).split()[-1:] for m in self.clusters[cluster_id].mentions]
        return any(word and word[0].startswith(ARTICLE) and strip_article(word[0]) == key for word in last_words)

    def resolve_posts(self) -> None:
        """Posts go to their holders; a post phrase with no named holder is a
        mention of the person who holds that post here ("الرئيس العراقي" after
        "فؤاد معصوم رئيس الجمهورية العراقية"), else a role-only person."""
        held: list[tuple[str, str | None, str]] = []  # (canonical title, org, holder)
        shorter: list[tuple[str, str | None, str]] = []   # the same, of a first domain
        pending = []
        for post in sorted(self.doc.posts, key=lambda p: p.span.start):
            org_id = self.by_span.get(post.org) if post.org else None
            if org_id is None and post.org is not None:
                org_id = self.nominal_target(self.mention_at(post.org))
            title = self.title_text(post)
            if post.holder is not None and post.holder in self.by_span:
                holder = self.clusters[self.by_span[post.holder]]
                qualifier = self.qualifier_after(post.span)
                if qualifier is not None:
                    # "الرئيس الأمريكي السابق بيل كلينتون": his post, qualified; no post phrase
                    # of the article ("الرئيس") names him by it
                    holder.posts.append(Post(f"{post.title} {self.doc.text[qualifier.start:qualifier.end]}", org_id))
                    continue
                holder.posts.append(Post(post.title, org_id))
                held.append((canonical_title(title), org_id, holder.id))
                if _first_domain(title) != title:
                    shorter.append((canonical_title(_first_domain(title)), org_id, holder.id))
            else:
                pending.append((post, title, org_id))
        home_holders = self.home_posts_by_honorific({holder for _, _, holder in held})
        held_titles = [name_key(self.title_text(post)) for post in self.doc.posts if post.holder is not None]
        index = HeldPosts(held, shorter)
        for post, title, org_id in pending:
            if accusative(title):
                continue  # "انتخابه رئيسا للصين": the post given, not a person named by it
            if self.generic_post(post):
                continue  # "أول زيارة لرئيس فرنسي": any French president, no one named by it
            span = post.span
            qualifier = self.qualifier_after(span)
            if qualifier is not None:
                # "الرئيس الأمريكي السابق": another person than the president of the day
                span = Span(span.start, qualifier.end)
                title = f"{title} {self.doc.text[qualifier.start:qualifier.end]}"
            role = Mention(span, self.doc.text[span.start:span.end], PERSON,
                           ROLE_MENTION, source="post")
            holder_id = None if qualifier is not None else index.holder_of(
                canonical_title(title), org_id, lambda holder, start=post.span.start: self.named_before(holder, start)) \
                or index.holder_of(canonical_title(_first_domain(title)), org_id)
            home = qualifier is None and org_id is None and self.home_post(post, title)
            if holder_id is None and home:
                holder_id = home_holders.get(canonical_title(title))   # "الرئيس قيس سعيد" ... "رئيس الجمهورية"
            named_after = self.name_after_post(post) if holder_id is None and qualifier is None else None
            if named_after is not None:
                # "نائب مندوب روسيا الدائم لدى الأمم المتحدة، فلاديمير سافرونكوف،": the name
                # after the rest of the post holds it
                self.clusters[named_after].posts.append(Post(post.title, org_id))
                holder_id = named_after
            if holder_id is not None:
                self.add(holder_id, PERSON, role)
            elif org_id is not None and word_key(title.split()[0]) not in _RANKS \
                    or home and not any(name_key(title) in held_title for held_title in held_titles):
                # "قال رئيس الحكومة", no one named holding it, nor a fuller post of it ("رئيس
                # الحكومة الليبية"): the state's own in its own press, a role-only person
                cluster = self.add(f"person:{name_key(title)}@{org_id or 'home'}", PERSON, role)
                cluster.role_only = True
                if not cluster.posts:
                    cluster.posts.append(Post(title, org_id))
        # after the posts' holders: "نظيره التونسي" of "الوزير الجزائري" once that is someone
        self.resolve_counterparts(index)

    def generic_post(self, post) -> bool:
        """A post written indefinite with a state's indefinite adjective ("رئيس فرنسي",
        "وزير عربي"): one of a kind, no one in particular."""
        if post.org is None:
            return False
        org = self.mention_at(post.org)
        words = normalize_for_matching(self.doc.text[post.span.start:post.span.end]).split()
        return org is not None and org.type is COUNTRY and org.kind is ADJECTIVE_MENTION \
            and not self.doc.text[org.span.start:org.span.end].startswith(ARTICLE) \
            and bool(words) and not words[0].startswith(ARTICLE) and not words[0].startswith(ARTICLE_AFTER_LAM)

    def name_after_post(self, post) -> str | None:
        """The person whose name follows a post with no holder, past the rest of
        the post (its seat, its place, its body: prepositions, definite words,
        places and organisations) within HOLDER_AFTER_POST words, a comma or a
        quote between or not; None at any other word (a verb, "أن")."""
        tokens, starts = self.doc.tokens, self.doc.token_starts
        at = bisect_left(starts, post.span.end)
        # "عين الرئيس اليوم السيدة X سفيرة": after a verb taking a person for object, the post its
        # subject, a day after the post ends the subject, and the name after is the object's
        first = bisect_left(starts, post.span.start)
        object_verb = first > 0 and not _OBJECT_VERBS.isdisjoint(conjunction_stems(tokens[first - 1].norm))
        for index in range(at, min(len(tokens), at + HOLDER_AFTER_POST)):
            token = tokens[index]
            holder = self.person_name_starts.get(token.span.start)
            if holder is not None:
                return holder
            if object_verb and any(time.span.start <= token.span.start < time.span.end for time in self.doc.times):
                return None
            norm = token.norm
            if not (norm in COMMAS or norm in _QUOTES or strip_article(norm) in _POST_LINKS
                    or norm.startswith(ARTICLE) or norm[:1] in _GLUED and norm[1:].startswith(ARTICLE)
                    or self.in_place_or_body(token.span)):
                return None
        return None

    @cached_property
    def person_name_starts(self) -> dict[int, str]:
        return {m.span.start: self.by_span[m.span] for m in self.doc.mentions
                if m.type is PERSON and m.kind is NAME_MENTION and m.span in self.by_span}

    def in_place_or_body(self, span: Span) -> bool:
        return any(m.span.start <= span.start and span.end <= m.span.end for m in self.place_and_body_mentions)

    @cached_property
    def place_and_body_mentions(self) -> list[Mention]:
        return [m for m in self.doc.mentions if m.type is not PERSON]

    def home_posts_by_honorific(self, with_posts: set[str]) -> dict[str, str]:
        """Of the state's unique posts ("رئيس الجمهورية"), the one holder each
        that the title of a name stands for ("الرئيس قيس سعيد", no post given)."""
        found: dict[str, set[str]] = {}
        for cluster in self.clusters.values():
            if cluster.type is not PERSON or cluster.id in with_posts:
                continue
            for mention in cluster.mentions:
                words = name_key(mention.text).split()
                title = canonical_title(words[0]) if mention.source == "honorific+name" and words else ""
                if title in _HOME_POSTS:
                    found.setdefault(title, set()).add(cluster.id)
        return {title: next(iter(holders)) for title, holders in found.items() if len(holders) == 1}

    def home_post(self, post, title: str) -> bool:
        """A unique post of a state written whole and definite, standing alone: not
        "رئيسا للحكومة", "رئيس حكومة", nor one of a chain of posts after a name
        ("الشيخ X نائب رئيس الدولة رئيس مجلس الوزراء")."""
        words = normalize_for_matching(title).split()
        if name_key(title) not in _HOME_POSTS or len(words) < 2 or not words[-1].startswith(ARTICLE):
            return False
        at = bisect_left(self.doc.token_starts, post.span.start)
        if at > 0:
            before = self.doc.tokens[at - 1].span
            if any(other.span.end == before.end for other in self.doc.posts) \
                    or any(span.end == before.end for span in self.by_span):
                return False
        # nor a post the article writes before a name elsewhere ("رئيس مجلس الوزراء القومي
        # السوداني معتز موسى", "رئيس الوزراء بالإنابة ووزير الخارجية الشيخ X"): his
        key = name_key(title)
        name_starts = sorted(m.span.start for m in self.doc.mentions
                             if m.type is PERSON and m.kind is NAME_MENTION)
        for other in self.doc.posts:
            if name_key(self.title_text(other)) != key:
                continue
            end = bisect_left(self.doc.token_starts, other.span.end)
            reach = self.doc.tokens[min(end + HOME_POST_NAME_REACH, len(self.doc.tokens)) - 1].span.end
            at = bisect_left(name_starts, other.span.end)
            if at < len(name_starts) and name_starts[at] < reach:
                return False
        return True

    def resolve_counterparts(self, held: HeldPosts) -> None:
        """"نظيره المصري" is the one person here who holds a post in Egypt; "الضيف
        الإيطالي" the one named before it who holds a post in Italy."""
        for mention in self.doc.mentions:
            if mention.source not in (COUNTERPART_SOURCE, DESCRIPTOR_SOURCE) or mention.parent is None:
                continue
            country = self.by_span.get(mention.parent)
            holders = held.holders_in(country) if country is not None else set()
            if mention.source == DESCRIPTOR_SOURCE:
                holders = {holder for holder in holders if self.named_before(holder, mention.span.start)}
            elif len(holders) > 1:
                # "الرئيس تبون بنظيره التونسي": of several in Tunisia, the one in the same post
                # the post written right before it ("وزير الداخلية ونظيره العراقي"), else the last person's
                titles = self.title_right_before(mention) \
                    or held.titles_of.get(self.person_before(mention.span.start), set())
                same = {holder for holder in holders if held.titles_of.get(holder, set()) & titles}
                holders = same if len(same) == 1 else holders
            elif not holders and country is not None:
                # none holds a post there: the one other holder of the same post, his state
                # unwritten ("وزير الشؤون الخارجية أحمد عطاف" in Algiers' press)
                # the one he is the counterpart of named in his sentence, not only before it
                opening = max((sentence.span.start for sentence in self.doc.sentences
                               if sentence.span.start <= mention.span.start), default=0)
                before = self.person_before(mention.span.start, opening)
                titles = held.titles_of.get(before, set())
                holders = {holder for title in titles for org, holder in held.by_title.get(title, [])
                           if org is None and holder != before}
            if len(holders) == 1:
                self.add(next(iter(holders)), PERSON, mention)

    def title_right_before(self, mention: Mention) -> set[str]:
        """The title of the post written right before a counterpart, "و" between
        ("وزير الداخلية ونظيره العراقي"), as a key."""
        for post in self.doc.posts:
            gap = self.doc.text[post.span.end:mention.span.start]
            if post.span.end <= mention.span.start and gap.strip() in ("", CONJUNCTION_WA, "\u060c"):
                return {canonical_title(self.title_text(post))}
        return set()

    def named_before(self, cluster_id: str, offset: int) -> bool:
        return any(m.span.end <= offset for m in self.clusters[cluster_id].mentions)

    def person_before(self, offset: int, start: int = 0) -> str | None:
        """The person named last before ``offset`` (and from ``start`` on), by name or
        by a reference resolved before ("الضيف الإيطالي")."""
        # the clusters' mentions: a family name told again alone is one the resolver found
        before = [m for cluster in self.clusters.values() if cluster.type is PERSON and not cluster.role_only
                  for m in cluster.mentions if (m.kind is not ROLE_MENTION or start > 0
                                                or m.source in (COUNTERPART_SOURCE, DESCRIPTOR_SOURCE))
                  and start <= m.span.start and m.span.end <= offset and m.span in self.by_span]
        return self.by_span[max(before, key=lambda m: m.span.end).span] if before else None

    def title_text(self, post) -> str:
        """The title without the organisation it is in ("رئيس" of "رئيس المنظمة")."""
        return title_without_org(self.doc.text, post)

    def qualifier_after(self, span: Span) -> Span | None:
        """The span of a qualifier written right after a post phrase ("السابق")."""
        at = bisect_left(self.doc.token_starts, span.end)
        if at < len(self.doc.tokens):
            token = self.doc.tokens[at]
            if self.doc.text[span.end:token.span.start].isspace() and name_key(token.text) in post_qualifiers():
                return token.span
        return None

    # -- output ------------------------------------------------------------------
    def entities(self) -> Iterable[Entity]:
        # each cluster's mentions by (start, end), Span's own order without a Python
        # __lt__ call per comparison; the clusters by their first mentions' starts
        ordered = [(tuple(sorted(cluster.mentions, key=SPAN_ORDER)), cluster)
                   for cluster in self.clusters.values()]
        ordered.sort(key=lambda pair: pair[0][0].span.start)
        for mentions, cluster in ordered:
            entry = self.gazetteer.entries.get(cluster.id)
            # labels read as a reader sees them: "#عمر_الرزاز" and "عمر الرزاز" are one form
            if cluster.role_only:
                forms = [readable_name(m.text) for m in mentions]
            else:
                # role phrases are not names of a named person; a bare "المنظمة" is not a name
                forms = [readable_name(m.text) for m in mentions if m.kind is not ROLE_MENTION
                         and not (m.kind is NOMINAL_MENTION and len(m.text.split()) < 2)]
                if not forms:
                    continue
            if entry is not None:
                label = entry.label
            elif cluster.role_only:
                label = max(forms, key=len)
            else:
                # the longest proper name, never a description ("الحركة" of حركة النهضة)
                names: list[str] | tuple[str, ...] = [readable_name(m.text) for m in mentions
                         if m.kind is NAME_MENTION and m.source != "honorific+name"]
                label = max(names or forms, key=len)
            if cluster.type is ORGANISATION:
                forms += outlets_own_names(forms)
            names = tuple(dict.fromkeys(f for f in forms if f != label))
            yield Entity(cluster.id, cluster.type, label, names, mentions, tuple(dict.fromkeys(cluster.posts)),
                         cluster.role_only, entry.wikidata if entry else None, entry.label_en if entry else None,
                         cluster.part_of)


def outlets_own_names(forms: Sequence[str]) -> list[str]:
    """The name of a paper, channel or club without the word that says what it is
    ("صحيفة ستريت تايمز": "ستريت تايمز", "نادي الهلال": "الهلال"), a form the
    article uses inside the longer one and the one readers know it by."""
    own = []
    for form in forms:
        head, _, rest = form.partition(" ")
        if rest and word_key(head) in _OUTLET_HEADS:
            own.append(rest.strip("«»\"() "))
    return [name for name in own if name]


def _ending_with(tokens: Sequence[Token], ends: tuple[str, ...]) -> list[int]:
    """Indices of the tokens whose normalised word ends with one of ``ends``: the
    scans for names found again test every token of the article, each test
    mapped in C over the document's words (kg.extract.openers), a fifth less
    time than a comprehension over the tokens."""
    return list(compress(count(), map(str.endswith, openings_of(tokens).norms, repeat(ends))))


def _inside(span: Span, sorted_spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether one of the (sorted, hardly overlapping) (start, end) spans contains
    ``span``; ``starts`` are their starts, bisected as plain integers (a key
    function would be a Python call per step, for some 25 mentions an article)."""
    index = bisect_right(starts, span.start) - 1
    for first, last in sorted_spans[max(0, index - 2):index + 1]:
        if first <= span.start and span.end <= last:
            return True
    return False


# a hamza on a seat is often written as the bare seat in names: "قايد" is "قائد", "فايز" "فائز"
_HAMZA_SEATS: Final = str.maketrans({"ئ": "ي", "ؤ": "و"})   # characters: ئ to ي, ؤ to و
_NG, _NG_EGYPTIAN = "نغ", "نج"   # "سونج كيم" is "سونغ كيم", "بينج" "بينغ"


def _first_domain(title: str) -> str:
    """A minister's title up to its first domain ("وزيرة السياحة" of "وزيرة السياحة
    والصناعات التقليدية"): the holder told with the one is the holder of the other."""
    words = title.split()
    cut = next((n for n, word in enumerate(words[2:], 2) if word.startswith(CONJUNCTION_WA + ARTICLE)), len(words))
    return " ".join(words[:cut])


def _hamza_folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words as compared: hamza seats bare, and a foreign name's final "ng" one way
    ("سونج" and "سونغ", written with ج in Egypt and غ elsewhere)."""
    return tuple(_ng_one_way(word.translate(_HAMZA_SEATS)) for word in words)


def _ng_one_way(word: str) -> str:
    return word[:-len(_NG_EGYPTIAN)] + _NG if word.endswith(_NG_EGYPTIAN) else word


def _shorter_form(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"حموشي" and "عبد لطيف حموشي": a name that is the end, or a contiguous part, of a longer one.
    The end after "بن" names the father, not the person: "سلمان" and "سلمان بن عبدالعزيز"
    are not "محمد بن سلمان" nor "محمد بن سلمان بن عبدالعزيز"."""
    if len(words) > len(full):
        return False
    if words == full[:len(words)] and len(words) >= 2:
        return True
    return words == full[-len(words):] and not (len(words) < len(full) and full[-len(words) - 1] in PATRONYMIC)


def resolve(doc: Document, gazetteer: Gazetteer | None = None, lex: Lexicons | None = None) -> Document:
    entities = Resolver(doc, gazetteer or Gazetteer.bundled(), lex or Lexicons.bundled()).run()
    return replace_document(doc, entities=entities)
