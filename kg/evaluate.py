"""Scoring a graph against a gold file, exactly as GUIDE section 5 defines it.

Entities match by type and name (equal normalised name, or word-set Jaccard
>= 0.75), one to one; events by type and a shared matched participant (or, with
no gold participant, the same place and date); arguments are participants,
place and dates of matched events.  Scores are micro-averaged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal

from kg.errors import InputError
from kg.rdf.namespace import HD
from kg.text.normalize import name_key

ENTITY_TYPES = ("Person", "Organisation", "Country", "City", "Venue")
EVENT_TYPES = ("Meeting", "Call", "Visit", "Conference", "Agreement", "Appointment", "HostingAward")
JACCARD = 0.75


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


@dataclass
class Scores:
    entities: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    arguments: Counts = field(default_factory=Counts)
    linked: int = 0
    linkable: int = 0

    def add(self, other: Scores) -> None:
        self.entities.add(other.entities)
        self.events.add(other.events)
        self.arguments.add(other.arguments)
        self.linked += other.linked
        self.linkable += other.linkable

    @property
    def linking(self) -> float:
        return self.linked / self.linkable if self.linkable else 0.0


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read gold file ({error})", str(path)) from error
    if not isinstance(gold, dict) or "entities" not in gold or "events" not in gold:
        raise InputError("a gold file needs \"entities\" and \"events\"", str(path))
    return gold


def _names_match(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    return any(_jaccard(x, y) >= JACCARD for x in a for y in b)


def _jaccard(a: str, b: str) -> float:
    x, y = set(a.split()), set(b.split())
    return len(x & y) / len(x | y) if x | y else 0.0


def predicted_entities(graph: Graph) -> dict:
    out = {}
    for type_name in ENTITY_TYPES:
        for node in graph.subjects(RDF.type, HD[type_name]):
            labels = {name_key(str(o)) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(node, p)
                      if isinstance(o, Literal) and (o.language or "ar") == "ar"}
            same = {str(o).rsplit("/", 1)[-1] for o in graph.objects(node, OWL.sameAs)}
            out[node] = (type_name, labels - {""}, same)
    return out


def score(graph: Graph, gold: dict) -> Scores:
    scores = Scores()
    predicted = predicted_entities(graph)
    gold_entities = {e["id"]: (e["type"], {name_key(n) for n in e["names"]} - {""}, e.get("wikidata"))
                     for e in gold["entities"]}
    mapping: dict[str, object] = {}  # gold id -> predicted node
    used = set()
    for gold_id, (gold_type, gold_names, _) in gold_entities.items():
        for node, (pred_type, labels, _) in predicted.items():
            if node not in used and pred_type == gold_type and _names_match(labels, gold_names):
                mapping[gold_id] = node
                used.add(node)
                break
    scores.entities = Counts(len(mapping), len(predicted) - len(mapping), len(gold_entities) - len(mapping))
    for gold_id, node in mapping.items():
        wikidata = gold_entities[gold_id][2]
        if wikidata:
            scores.linkable += 1
            scores.linked += wikidata in predicted[node][2]
    node_of = mapping
    predicted_events = []
    for type_name in EVENT_TYPES:
        for node in graph.subjects(RDF.type, HD[type_name]):
            predicted_events.append((node, type_name))
    gold_events = [e for e in gold["events"]]
    event_map: dict[str, object] = {}
    used_events = set()
    for event in gold_events:
        participants = {node_of[p] for p in event.get("participants", []) if p in node_of}
        for node, type_name in predicted_events:
            if node in used_events or type_name != event["type"]:
                continue
            pred_participants = set(graph.objects(node, HD.participant))
            if event.get("participants"):
                ok = bool(participants & pred_participants)
            else:
                ok = _same(graph.value(node, HD.place), node_of.get(event.get("place"))) and \
                    _date(graph, node, "date") == event.get("date")
            if ok:
                event_map[event["id"]] = node
                used_events.add(node)
                break
    optional = {e["id"] for e in gold_events if e.get("optional")}
    tp = sum(1 for gid in event_map if gid not in optional)
    optional_found = sum(1 for gid in event_map if gid in optional)
    scores.events = Counts(tp, len(predicted_events) - tp - optional_found,
                           sum(1 for e in gold_events if e["id"] not in optional) - tp)
    arguments = Counts()
    matched_nodes = {node: gid for gid, node in event_map.items()}
    for node, _ in predicted_events:
        gid = matched_nodes.get(node)
        if gid in optional:
            continue
        predicted_args = _predicted_arguments(graph, node)
        gold_args = _gold_arguments(next(e for e in gold_events if e["id"] == gid), node_of) if gid else set()
        arguments.tp += len(predicted_args & gold_args)
        arguments.fp += len(predicted_args - gold_args)
    for event in gold_events:
        if event["id"] in optional:
            continue
        gold_args = _gold_arguments(event, node_of)
        gold_total = _gold_argument_count(event)
        node = event_map.get(event["id"])
        found = len(_predicted_arguments(graph, node) & gold_args) if node is not None else 0
        arguments.fn += gold_total - found
    scores.arguments = arguments
    return scores


def _same(a, b) -> bool:
    return a is not None and a == b


def _date(graph: Graph, node, prop: str) -> str | None:
    value = graph.value(node, HD[prop])
    return str(value) if value is not None else None


def _predicted_arguments(graph: Graph, node) -> set:
    args = {("participant", p) for p in graph.objects(node, HD.participant)}
    place = graph.value(node, HD.place)
    if place is not None:
        args.add(("place", place))
    for prop in ("date", "startDate", "endDate"):
        value = _date(graph, node, prop)
        if value:
            args.add((prop, value))
    return args


def _gold_arguments(event: dict, node_of: dict) -> set:
    args = {("participant", node_of[p]) for p in event.get("participants", []) if p in node_of}
    if event.get("place") in node_of:
        args.add(("place", node_of[event["place"]]))
    for key, prop in (("date", "date"), ("start", "startDate"), ("end", "endDate")):
        if event.get(key):
            args.add((prop, event[key]))
    return args


def _gold_argument_count(event: dict) -> int:
    return (len(event.get("participants", [])) + (1 if event.get("place") else 0)
            + sum(1 for key in ("date", "start", "end") if event.get(key)))
