"""Scoring graphs against gold files, exactly as GUIDE section 5 defines it.

Only the RDF graph of GUIDE section 4 is read, never the internal Document, so
what is scored is exactly what a user gets:

- entities match by type and name: a label equal to a gold name after
  ``name_key``, or word sets with a Jaccard index of 0.75 or more; one to one,
  best first (more equal names, then the higher Jaccard index);
- events match by type and a shared matched participant (a gold event without
  participants: the same place and dates); one to one, best first (more shared
  participants, then more shared arguments);
- arguments are each participant, the place and each of date/start/end; a
  predicted argument is right when its event matched and its value matches
  (entities through the entity matching, dates equal as written); arguments of
  unmatched events are false alarms or misses;
- linking is the share of matched entities with a gold ``wikidata`` whose
  ``owl:sameAs`` names that item.

Optional gold events count neither when missed nor when found.  Counts are kept
by type (entities by type, events and arguments by event type) and summed over
articles (micro-averaging).  Nothing here prints: ``Evaluation.as_dict`` is what
the command line renders and what ``kg eval --json`` writes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import InputError
from kg.rdf.iris import wikidata_iri
from kg.rdf.namespace import HD
from kg.text.normalize import name_key

ENTITY_TYPES = ("Person", "Organisation", "Country", "City", "Venue")
EVENT_TYPES = ("Meeting", "Call", "Visit", "Conference", "Agreement", "Appointment", "HostingAward")
JACCARD = 0.75
# Each date field of a gold event, and the property that states it in the graph.
DATE_FIELDS = (("date", HD.date), ("start", HD.startDate), ("end", HD.endDate))
_TYPE_ORDER = {name: index for index, name in enumerate(ENTITY_TYPES + EVENT_TYPES)}
_QID = re.compile(r"Q[1-9][0-9]*")


# ---------------------------------------------------------------- counts

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Share:
    hits: int = 0
    total: int = 0

    def add(self, other: Share) -> None:
        self.hits += other.hits
        self.total += other.total

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"share": round(self.value, 4), "linked": self.hits, "linkable": self.total}


@dataclass
class _ByType:
    """Counts kept by type; the level's own counts are their sum."""

    by_type: dict = field(default_factory=dict)
    counter = Counts  # class attribute, not a field: what one type counts

    def of(self, type_name: str):
        return self.by_type.setdefault(type_name, self.counter())

    @property
    def total(self):
        total = self.counter()
        for counts in self.by_type.values():
            total.add(counts)
        return total

    def add(self, other: _ByType) -> None:
        for type_name, counts in other.by_type.items():
            self.of(type_name).add(counts)

    def as_dict(self) -> dict:
        types = sorted(self.by_type, key=lambda t: (_TYPE_ORDER.get(t, len(_TYPE_ORDER)), t))
        return {**self.total.as_dict(), "by_type": {t: self.by_type[t].as_dict() for t in types}}


class Level(_ByType):
    """Entities, events or arguments: precision, recall and F1 over all types."""

    @property
    def precision(self) -> float:
        return self.total.precision

    @property
    def recall(self) -> float:
        return self.total.recall

    @property
    def f1(self) -> float:
        return self.total.f1


class Linking(_ByType):
    """Matched entities with a gold Wikidata item, and how many the graph links to it."""

    counter = Share

    @property
    def value(self) -> float:
        return self.total.value


@dataclass
class Scores:
    entities: Level = field(default_factory=Level)
    events: Level = field(default_factory=Level)
    arguments: Level = field(default_factory=Level)
    linking: Linking = field(default_factory=Linking)

    def add(self, other: Scores) -> None:
        self.entities.add(other.entities)
        self.events.add(other.events)
        self.arguments.add(other.arguments)
        self.linking.add(other.linking)

    def as_dict(self) -> dict:
        return {"entities": self.entities.as_dict(), "events": self.events.as_dict(),
                "arguments": self.arguments.as_dict(), "linking": self.linking.as_dict()}


@dataclass(frozen=True)
class Finding:
    """One miss or false alarm, for a person to read."""

    level: str       # "entity", "event" or "argument"
    kind: str        # "missed" (in the gold file, not found) or "false alarm" (found, not in the gold file)
    type: str        # the entity's or event's type (an argument's: its event's)
    text: str        # the name, the event, or the argument
    event: str = ""  # an argument's gold event: its id and participants

    def as_dict(self) -> dict:
        out = {"level": self.level, "kind": self.kind, "type": self.type, "text": self.text}
        return out | ({"event": self.event} if self.event else {})


@dataclass
class ArticleResult:
    scores: Scores
    findings: list[Finding]
    gold: Path | None = None
    article: Path | None = None

    def as_dict(self) -> dict:
        return {"gold": str(self.gold) if self.gold else None,
                "article": str(self.article) if self.article else None,
                "scores": self.scores.as_dict(), "findings": [f.as_dict() for f in self.findings]}


@dataclass
class Evaluation:
    articles: list[ArticleResult]

    @property
    def total(self) -> Scores:
        total = Scores()
        for result in self.articles:
            total.add(result.scores)
        return total

    def as_dict(self) -> dict:
        return {"articles": len(self.articles), "total": self.total.as_dict(),
                "per_article": [result.as_dict() for result in self.articles]}


# ---------------------------------------------------------------- gold files

def gold_files(paths: Sequence[str | Path]) -> list[Path]:
    """Gold files from files and directories (a directory's *.json, sorted)."""
    if not paths:
        raise InputError("no gold file given")
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise InputError("no gold .json file in the directory", str(path))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such gold file or directory", str(path))
    return files


def load_gold(path: Path) -> dict:
    """A gold file (GUIDE section 3), checked so that scoring cannot trip over it."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read gold file ({error})", str(path)) from error
    _check_gold(gold, str(path))
    return gold


def _check_gold(gold: object, where: str) -> None:
    if not isinstance(gold, dict):
        raise InputError("a gold file must be a JSON object", where)
    for key, kind in (("article", str), ("entities", list), ("events", list)):
        if not isinstance(gold.get(key), kind):
            raise InputError(f"a gold file needs \"{key}\" ({kind.__name__})", where)
    ids = set()
    for entity in gold["entities"]:
        if not (isinstance(entity, dict) and isinstance(entity.get("id"), str)
                and isinstance(entity.get("names"), list) and all(isinstance(n, str) for n in entity["names"])):
            raise InputError("a gold entity needs an \"id\" and a list of \"names\"", where, str(entity)[:60])
        if entity.get("type") not in ENTITY_TYPES:
            raise InputError(f"gold entity {entity['id']} has an unknown type", where, str(entity.get("type")))
        if entity["id"] in ids:
            raise InputError("two gold entities have the same id", where, entity["id"])
        wikidata = entity.get("wikidata")
        if wikidata is not None and not (isinstance(wikidata, str) and _QID.fullmatch(wikidata)):
            raise InputError(f"gold entity {entity['id']} has a \"wikidata\" that is not Q…", where, str(wikidata))
        ids.add(entity["id"])
    for event in gold["events"]:
        if not (isinstance(event, dict) and isinstance(event.get("id"), str)):
            raise InputError("a gold event needs an \"id\"", where, str(event)[:60])
        if event.get("type") not in EVENT_TYPES:
            raise InputError(f"gold event {event['id']} has an unknown type", where, str(event.get("type")))
        participants = event.get("participants", [])
        if not isinstance(participants, list):
            raise InputError(f"gold event {event['id']} needs a list of \"participants\"", where)
        for entity_id in participants + ([event["place"]] if event.get("place") is not None else []):
            if not isinstance(entity_id, str) or entity_id not in ids:
                raise InputError(f"gold event {event['id']} names an unknown entity", where, str(entity_id))
        for key, _ in DATE_FIELDS:
            if event.get(key) is not None and not isinstance(event[key], str):
                raise InputError(f"gold event {event['id']} has a \"{key}\" that is not a string", where,
                                 str(event[key]))


def gold_published(path: Path, gold: dict) -> date | None:
    value = gold.get("published")
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise InputError("gold \"published\" is not a date (YYYY-MM-DD)", str(path), str(value)) from error


def gold_article(path: Path, gold: dict) -> Path:
    """The gold file's article: ``article`` is relative to the shared folder,
    the one that holds ``gold/`` (gold/dev/x.json -> ../../ + article)."""
    path = Path(path)
    # The path as given first, so that a relative path gives a relative article path.
    parents = [*path.parents, *path.absolute().parents]
    shared = next((parent.parent for parent in parents if parent.name == "gold"), path.parent)
    article = shared / gold["article"]
    # A gold file is data too: its article may not reach out of the shared folder.
    if not article.resolve().is_relative_to(shared.resolve()):
        raise InputError("the gold file's article is outside its shared folder", str(path), gold["article"])
    if not article.is_file():
        raise InputError("the gold file's article is missing", str(path), str(article))
    return article


def evaluate_gold(paths: Sequence[str | Path], build: Callable[[Path, date | None], Graph]) -> Evaluation:
    """Score every gold file against the graph ``build`` makes of its article with
    its publication date.  All gold files are checked before any article is built."""
    golds = []
    for path in gold_files(paths):
        gold = load_gold(path)
        golds.append((path, gold, gold_article(path, gold), gold_published(path, gold)))
    results = []
    for path, gold, article, published in golds:
        result = score_article(build(article, published), gold)
        result.gold, result.article = path, article
        results.append(result)
    return Evaluation(results)


# ---------------------------------------------------------------- the graph

@dataclass(frozen=True)
class _Entity:
    """A gold or predicted entity: its type, name keys, a name to show, its Wikidata items."""

    key: object  # gold id or graph node
    type: str
    names: frozenset[str]
    shown: str
    items: frozenset = frozenset()


@dataclass(frozen=True)
class _Event:
    type: str
    arguments: dict  # (slot, comparable value) -> what to show
    shown: str
    optional: bool = False
    short: str = ""  # gold id and participants, to say which event an argument belongs to


def _arabic(term) -> bool:
    return isinstance(term, Literal) and (term.language or "ar").lower().split("-")[0] == "ar"


def _label(graph: Graph, node) -> str:
    for prop in (RDFS.label, SKOS.altLabel):
        labels = sorted(str(o) for o in graph.objects(node, prop) if _arabic(o))
        if labels:
            return labels[0]
    return str(node).rsplit("/", 1)[-1]


def _typed(graph: Graph, types: Iterable[str]) -> list[tuple[str, object]]:
    """(type, node) of every node typed with one of ``types``, in a stable order."""
    return [(t, node) for t in types for node in sorted(set(graph.subjects(RDF.type, HD[t])), key=str)]


def predicted_entities(graph: Graph) -> list[_Entity]:
    entities = []
    for type_name, node in _typed(graph, ENTITY_TYPES):
        names = {name_key(str(o)) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(node, p) if _arabic(o)}
        items = frozenset(o for o in graph.objects(node, OWL.sameAs) if isinstance(o, URIRef))
        entities.append(_Entity(node, type_name, frozenset(names - {""}), _label(graph, node), items))
    return entities


def _gold_entities(gold: dict) -> list[_Entity]:
    return [_Entity(e["id"], e["type"], frozenset({name_key(n) for n in e["names"]} - {""}),
                    e["names"][0] if e["names"] else e["id"],
                    frozenset({wikidata_iri(e["wikidata"])} if e.get("wikidata") else ()))
            for e in gold["entities"]]


def _predicted_events(graph: Graph, shown: Callable[[object], str]) -> list[_Event]:
    events = []
    for type_name, node in _typed(graph, EVENT_TYPES):
        arguments = {("participant", p): shown(p) for p in sorted(graph.objects(node, HD.participant), key=str)}
        arguments |= {("place", p): shown(p) for p in sorted(graph.objects(node, HD.place), key=str)}
        for slot, prop in DATE_FIELDS:
            arguments |= {(slot, str(v)): str(v) for v in sorted(graph.objects(node, prop), key=str)}
        events.append(_Event(type_name, arguments, _describe(arguments)))
    return events


def _gold_events(gold: dict, node_of: dict, names: dict) -> list[_Event]:
    """Gold events with arguments keyed like predicted ones: an entity by the node it
    matched (an unmatched one by a key no node equals), a date as written."""
    events = []
    for event in gold["events"]:
        arguments = {}
        entity_slots = [("participant", p) for p in event.get("participants", [])]
        if event.get("place") is not None:
            entity_slots.append(("place", event["place"]))
        for slot, entity_id in entity_slots:
            arguments[(slot, node_of.get(entity_id, ("unmatched", entity_id)))] = names[entity_id]
        for slot, _ in DATE_FIELDS:
            if event.get(slot) is not None:
                arguments[(slot, event[slot])] = event[slot]
        shown = f"{event['id']}: {_describe(arguments)}"
        who = "، ".join(names[p] for p in event.get("participants", []))
        events.append(_Event(event["type"], arguments, shown, bool(event.get("optional")),
                             f"{event['id']} ({who})" if who else event["id"]))
    return events


def _describe(arguments: dict) -> str:
    """"participants: A، B; place: P; date: D" from an event's arguments."""
    by_slot: dict[str, list[str]] = {}
    for (slot, _), shown in arguments.items():
        by_slot.setdefault(slot, []).append(shown)
    parts = [f"participants: {'، '.join(by_slot.get('participant', [])) or '-'}",
             f"place: {'، '.join(by_slot.get('place', [])) or '-'}"]
    dates = [f"{slot}: {', '.join(by_slot[slot])}" for slot, _ in DATE_FIELDS if slot in by_slot]
    return "; ".join(parts + (dates or ["date: -"]))


# ---------------------------------------------------------------- matching

def _jaccard(a: str, b: str) -> float:
    x, y = set(a.split()), set(b.split())
    return len(x & y) / len(x | y) if x | y else 0.0


def entity_similarity(gold_names: frozenset[str], predicted_names: frozenset[str]) -> tuple[int, float] | None:
    """(equal names, best Jaccard index), or None when the names do not match:
    any equal name ranks before any Jaccard overlap."""
    equal = len(gold_names & predicted_names)
    jaccard = max((_jaccard(a, b) for a in gold_names for b in predicted_names), default=0.0)
    return (equal, jaccard) if equal or jaccard >= JACCARD else None


def best_first(candidates: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one matching, greedily by descending rank: {gold index: predicted index}.
    Ties go to the earlier gold, then the earlier prediction (stable sort)."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, gold_index, predicted_index in sorted(candidates, key=lambda c: c[0], reverse=True):
        if gold_index not in matched and predicted_index not in taken:
            matched[gold_index] = predicted_index
            taken.add(predicted_index)
    return matched


def _match_entities(gold: list[_Entity], predicted: list[_Entity]) -> dict[int, int]:
    candidates = []
    for g, gold_entity in enumerate(gold):
        for p, predicted_entity in enumerate(predicted):
            if gold_entity.type == predicted_entity.type:
                rank = entity_similarity(gold_entity.names, predicted_entity.names)
                if rank is not None:
                    candidates.append((rank, g, p))
    return best_first(candidates)


def _match_events(gold: list[_Event], predicted: list[_Event]) -> dict[int, int]:
    candidates = []
    for g, gold_event in enumerate(gold):
        gold_has_participants = any(slot == "participant" for slot, _ in gold_event.arguments)
        for p, predicted_event in enumerate(predicted):
            if gold_event.type != predicted_event.type:
                continue
            shared = gold_event.arguments.keys() & predicted_event.arguments.keys()
            participants = sum(1 for slot, _ in shared if slot == "participant")
            if gold_has_participants:
                matches = participants > 0
            else:  # the same place and dates
                matches = bool(gold_event.arguments) and predicted_event.arguments.keys() == gold_event.arguments.keys()
            if matches:
                # A tie between a required and an optional gold event goes to the required one.
                candidates.append(((participants, len(shared), not gold_event.optional), g, p))
    return best_first(candidates)


# ---------------------------------------------------------------- scoring

def score(graph: Graph, gold: dict) -> Scores:
    """The scores of one article's graph against its gold file."""
    return score_article(graph, gold).scores


def score_article(graph: Graph, gold: dict) -> ArticleResult:
    """Scores, misses and false alarms of one article's graph against its gold file."""
    scores, findings = Scores(), []
    gold_entities, predicted = _gold_entities(gold), predicted_entities(graph)
    entity_pairs = _match_entities(gold_entities, predicted)
    _count_entities(gold_entities, predicted, entity_pairs, scores, findings)

    node_of = {gold_entities[g].key: predicted[p].key for g, p in entity_pairs.items()}
    shown = {e.key: e.shown for e in predicted}
    names = {e.key: e.shown for e in gold_entities}
    gold_events = _gold_events(gold, node_of, names)
    predicted_events = _predicted_events(graph, lambda node: shown.get(node) or _label(graph, node))
    event_pairs = _match_events(gold_events, predicted_events)
    _count_events(gold_events, predicted_events, event_pairs, scores, findings)
    return ArticleResult(scores, findings)


def _count_entities(gold: list[_Entity], predicted: list[_Entity], pairs: dict[int, int],
                    scores: Scores, findings: list[Finding]) -> None:
    for g, entity in enumerate(gold):
        if g in pairs:
            scores.entities.of(entity.type).tp += 1
            if entity.items:
                linking = scores.linking.of(entity.type)
                linking.total += 1
                linking.hits += bool(entity.items & predicted[pairs[g]].items)
        else:
            scores.entities.of(entity.type).fn += 1
            findings.append(Finding("entity", "missed", entity.type, entity.shown))
    taken = set(pairs.values())
    for p, entity in enumerate(predicted):
        if p not in taken:
            scores.entities.of(entity.type).fp += 1
            findings.append(Finding("entity", "false alarm", entity.type, entity.shown))


def _count_events(gold: list[_Event], predicted: list[_Event], pairs: dict[int, int],
                  scores: Scores, findings: list[Finding]) -> None:
    for g, event in enumerate(gold):
        if event.optional:
            continue  # neither counted when missed nor when found, arguments included
        events, arguments = scores.events.of(event.type), scores.arguments.of(event.type)
        if g not in pairs:
            events.fn += 1
            arguments.fn += len(event.arguments)
            findings.append(Finding("event", "missed", event.type, event.shown))
            continue
        events.tp += 1
        found = predicted[pairs[g]].arguments
        arguments.tp += len(event.arguments.keys() & found.keys())
        for key in event.arguments:  # in dict order, so the findings come out in a stable order
            if key not in found:
                arguments.fn += 1
                findings.append(Finding("argument", "missed", event.type, _argument(key, event.arguments), event.short))
        for key in found:
            if key not in event.arguments:
                arguments.fp += 1
                findings.append(Finding("argument", "false alarm", event.type, _argument(key, found), event.short))
    taken = set(pairs.values())
    for p, event in enumerate(predicted):
        if p not in taken:
            scores.events.of(event.type).fp += 1
            scores.arguments.of(event.type).fp += len(event.arguments)
            findings.append(Finding("event", "false alarm", event.type, event.shown))


def _argument(key: tuple, arguments: dict) -> str:
    return f"{key[0]}: {arguments[key]}"
