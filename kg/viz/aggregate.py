"""A graph too large to draw, folded: entities only, events and posts as edges.

Most nodes of a news graph are events and posts.  Folded, every event becomes
an edge "with" between each two of its participants and an edge "at" from
each participant to its place, counted across events; a person's post
becomes an edge "holds" to where the post is held, labelled with the title.
Entity-to-entity relations (sub-organisation of) stay.  Each folded edge's
tooltip lists the events behind it.  If the entities alone are still too
many, the most mentioned are kept.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kg.viz.model import ELLIPSIS, GENERIC_ROLE, ROLE_RELATIONS, node_kinds, terms

# Events listed in a folded edge's tooltip.
MAX_LISTED = 8


def aggregate_view(model: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """``model`` with events and posts folded into edges between entities, and
    at most ``max_nodes`` entities (the most mentioned, then the most linked)."""
    entities = [node for node, group in model.nodes(data="group") if group == "entity"]
    folded: dict[tuple[str, str, str], list[str]] = defaultdict(list)  # (source, target, relation) -> labels
    for node, attributes in model.nodes(data=True):
        if attributes["group"] == "event":
            _fold_event(model, node, attributes["label"], folded)
        elif attributes["group"] == "post":
            _fold_post(model, node, attributes["label"], folded)
    for source, target, relation in model.edges(keys=True):
        if model.nodes[source]["group"] == model.nodes[target]["group"] == "entity":
            folded[(source, target, relation)].append("")

    degree: dict[str, int] = defaultdict(int)
    for source, target, _ in folded:
        degree[source] += 1
        degree[target] += 1
    order = {node: number for number, node in enumerate(model)}
    kept = sorted(entities, key=lambda node: (-model.nodes[node]["mentions"], -degree[node], order[node]))[:max_nodes]
    kept_set = set(kept)

    result = nx.MultiDiGraph()
    for node in sorted(kept, key=order.__getitem__):
        result.add_node(node, **model.nodes[node])
    term = terms()
    for (source, target, relation), labels in sorted(folded.items(), key=lambda item: (
            order[item[0][0]], item[0][2], order[item[0][1]])):
        if source not in kept_set or target not in kept_set:
            continue
        name = term.get(relation) or term[f"@{relation}"]
        count = len(labels)
        listed = [label for label in labels if label]
        shown = listed[:MAX_LISTED] + ([f"{ELLIPSIS} (+{len(listed) - MAX_LISTED})"] if len(listed) > MAX_LISTED else [])
        suffix = f" \u00d7{count}" if count > 1 else ""
        result.add_edge(source, target, key=relation, relation=relation, label=f"{name.bilingual}{suffix}",
                        label_ar=name.ar, label_en=name.en, value=count,
                        tooltip="\n".join([f"{name.bilingual}{suffix}", *shown]))
    present = {kind for _, kind in result.nodes(data="kind")}
    result.graph.update(model.graph)
    result.graph["kinds"] = [kind.name for kind in node_kinds() if kind.name in present]
    result.graph["aggregated"] = {"entities": len(entities), "shown": len(kept)}
    return result


def _fold_event(model: nx.MultiDiGraph, event: str, label: str, folded: dict) -> None:
    participants = sorted({target for _, target, relation in model.out_edges(event, keys=True)
                           if relation in (*ROLE_RELATIONS, GENERIC_ROLE)
                           and model.nodes[target]["group"] == "entity"})
    places = sorted({target for _, target, relation in model.out_edges(event, keys=True) if relation == "place"})
    for first, second in combinations(participants, 2):
        folded[(first, second, "with")].append(label)
    for participant in participants:
        for place in places:
            if place != participant:
                folded[(participant, place, "at")].append(label)


def _fold_post(model: nx.MultiDiGraph, post: str, title: str, folded: dict) -> None:
    holders = [source for source, _, relation in model.in_edges(post, keys=True) if relation == "holds"]
    where = [target for _, target, relation in model.out_edges(post, keys=True) if relation == "postIn"]
    for holder in holders:
        for place in where:
            folded[(holder, place, "holds")].append(title)
