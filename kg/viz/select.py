"""Which part of the view model to draw: a neighbourhood, and a size limit.

A page of more than ``MAX_NODES`` nodes would open slowly and show a
hairball; rather than write it, the tool asks for a focus: the neighbourhood of
one entity, found by any of its names as kg.text.normalize.name_key compares
them ("الحموشي" finds "عبد اللطيف الحموشي").
"""

from __future__ import annotations

import networkx as nx

from kg.errors import InputError
from kg.text.normalize import name_key
from kg.viz.aggregate import aggregate_view
from kg.viz.model import node_kinds

# Measured in headless Chromium on a 2-core machine (benchmarks/bench_view.py):
# 5,000 nodes open in about a second; ten times that would not.
MAX_NODES = 5000
DEFAULT_DEPTH = 2


def select_view(model: nx.MultiDiGraph, *, focus: str | None = None, depth: int = DEFAULT_DEPTH,
                max_nodes: int = MAX_NODES, aggregate: bool = False) -> nx.MultiDiGraph:
    """``model`` cut to the neighbourhood of ``focus`` when given, folded to its
    entities when ``aggregate`` (kg.viz.aggregate: at most ``max_nodes`` kept),
    then checked against ``max_nodes``."""
    if focus is not None:
        model = neighbourhood(model, focus, depth)
    if aggregate:
        model = aggregate_view(model, max_nodes)
    if model.number_of_nodes() > max_nodes:
        raise InputError(
            f"the view would have {model.number_of_nodes()} nodes, more than the {max_nodes} a page "
            "stays quick with; draw the neighbourhood of one entity with --focus NAME [--depth N], "
            "fold events into edges with --aggregate, or raise --max-nodes")
    return model


def find_nodes(model: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes one of whose names has the comparison key of ``name``; failing
    that, nodes one of whose keys contains it as whole words."""
    key = name_key(name)
    if not key:
        raise InputError("the focus name has no letters", value=name)
    exact = [node for node, keys in model.nodes(data="keys") if key in (keys or ())]
    if exact:
        return exact
    padded = f" {key} "
    return [node for node, keys in model.nodes(data="keys") if any(padded in f" {k} " for k in keys or ())]


def neighbourhood(model: nx.MultiDiGraph, name: str, depth: int = DEFAULT_DEPTH) -> nx.MultiDiGraph:
    """The nodes named ``name`` and every node at most ``depth`` edges from one
    of them, whatever the edges' direction."""
    if depth < 0:
        raise InputError("--depth must be 0 or more", value=str(depth))
    centres = find_nodes(model, name)
    if not centres:
        raise InputError("no node has this name", "--focus", name)
    undirected = model.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    part = model.subgraph(node for node in model if node in keep).copy()
    present = {kind for _, kind in part.nodes(data="kind")}
    part.graph["kinds"] = [kind.name for kind in node_kinds() if kind.name in present]
    part.graph["focus"] = sorted(centres)
    return part
