"""View model -> one self-contained interactive graph page (vis-network).

vis-network comes from the pyvis package, whose script and stylesheet are
inlined (kg.viz.page holds the rules every page follows: escaping, CSP).
Nothing else of pyvis is used.  Its template links bootstrap from a CDN even
with ``cdn_resources="in_line"``, writes a ``lib/`` folder in "local" mode,
does not escape the heading, and switches every tooltip to innerHTML as soon
as one title contains "href"; its ``Network`` checks membership in lists, so
5,000 nodes cost seconds.  The node, edge and option dicts are built here,
with positions from kg.viz.layout: vis-network's own physics draws nothing
until it settles, which takes a minute for a thousand nodes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.fileio import write_atomically
from kg.viz.layout import layout_positions
from kg.viz.model import Kind, node_kinds, view_model
from kg.viz.page import asset, escape_text, fill_template, json_for_script
from kg.viz.select import DEFAULT_DEPTH, MAX_NODES, select_view

__all__ = ["escape_text", "json_for_script", "render_html", "vis_data", "write_view"]

DEFAULT_TITLE = "Hadath"
VIS_DIRECTORY = "templates/lib/vis-9.1.2"  # inside the pyvis package

# Past this many nodes the page trades looks for speed: straight edges, and
# edges hidden while the view is dragged or zoomed.
LARGE_GRAPH = 1000

_FONT = "Tahoma, Noto Naskh Arabic, Noto Sans Arabic, sans-serif"
_OPTIONS = {
    # positions come from kg.viz.layout: no physics, no layout pass in the page
    "physics": {"enabled": False},
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "nodes": {
        "font": {"size": 14, "face": _FONT},
        "scaling": {"min": 10, "max": 36, "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 6}},
        "widthConstraint": {"maximum": 220},
        "borderWidth": 1,
    },
    "edges": {
        "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#333333", "inherit": False},
        "font": {"size": 11, "align": "middle", "face": _FONT},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
        "width": 1,
        "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
    },
}
_LARGE_OPTIONS = {
    "edges": {"smooth": {"enabled": False}, "font": {"size": 9}},
    "interaction": {"hideEdgesOnDrag": True, "hideEdgesOnZoom": True, "tooltipDelay": 250},
}


def vis_data(model: nx.MultiDiGraph, positions: dict[str, tuple[int, int]] | None = None) -> dict:
    """The plain dict the page draws: vis-network nodes, edges and options, the
    kinds for the legend and filters, and the days the date filter spans.

    Nodes are placed at ``positions`` (by default, kg.viz.layout's) and physics
    is off: the page draws at once and nothing moves unless dragged.
    """
    if positions is None:
        positions = layout_positions(model)
    kinds = {kind.name: kind for kind in node_kinds()}
    nodes = [_vis_node(node, attributes, kinds[attributes["kind"]], positions[node])
             for node, attributes in model.nodes(data=True)]
    edges = [_vis_edge(number, source, target, attributes)
             for number, (source, target, attributes) in enumerate(model.edges(data=True))]
    large = len(nodes) > LARGE_GRAPH
    options = json.loads(json.dumps(_OPTIONS))
    if large:
        _merge(options, _LARGE_OPTIONS)
    legend = [{"kind": name, "group": kinds[name].group, "glyph": kinds[name].glyph,
               "colour": kinds[name].colour, "text": kinds[name].bilingual}
              for name in model.graph.get("kinds", [])]
    days = sorted(day for node in nodes for day in node["span"])
    return {"nodes": nodes, "edges": edges, "options": options, "legend": legend,
            "dates": [days[0], days[-1]] if days else [],
            "latin": any(node["label_latn"] for node in nodes), "large": large,
            "focus": model.graph.get("focus", []), "aggregated": model.graph.get("aggregated")}


def _vis_edge(number: int, source: str, target: str, attributes: dict) -> dict:
    item = {"id": f"e{number}", "from": source, "to": target, "label": attributes["label"],
            "relation": attributes["relation"], "tooltip": attributes.get("tooltip", attributes["label"])}
    if "value" in attributes:  # a folded edge: as wide as the events behind it are many
        item["value"] = attributes["value"]
    return item


def _vis_node(node: str, attributes: dict, kind: Kind, position: tuple[int, int]) -> dict:
    label = attributes["label"]
    when = attributes.get("when", "")
    if when and when not in label:  # an event shows its date under its name
        label = f"{label}\n{when}"
    item = {
        "id": node,
        "label": label,
        "label_latn": attributes.get("label_latn", ""),
        "shape": kind.shape,
        "color": kind.colour,
        "value": 1 + attributes["mentions"],
        "kind": kind.name,
        "x": position[0],
        "y": position[1],
        "keys": attributes.get("keys", []),
        "span": attributes.get("span", []),
        "tooltip": attributes["tooltip"],
    }
    if attributes.get("scheduled"):
        item["scheduled"] = True
        item["shapeProperties"] = {"borderDashes": [6, 4]}
        item["borderWidth"] = 2
    return item


def render_html(model: nx.MultiDiGraph, title: str = DEFAULT_TITLE,
                positions: dict[str, tuple[int, int]] | None = None) -> str:
    """The page for ``model``: one file, no external resource."""
    data = vis_data(model, positions)
    return fill_template("template.html", {
        "title": escape_text(title),
        "legend": "\n".join(_legend_item(entry) for entry in data["legend"]),
        "data": json_for_script(data),
        "vis_css": asset(f"pyvis:{VIS_DIRECTORY}/vis-network.css"),
        "view_css": asset("view.css"),
    }, {
        "vis_js": asset(f"pyvis:{VIS_DIRECTORY}/vis-network.min.js"),
        "normalize_js": asset("normalize.js"),
        "view_js": asset("view.js"),
    })


def write_view(graph: Graph, path: str | os.PathLike[str], *, title: str | None = None,
               focus: str | None = None, depth: int = DEFAULT_DEPTH, max_nodes: int = MAX_NODES,
               aggregate: bool = False) -> Path:
    """Draw ``graph`` into the page at ``path``, replacing it whole or not at all.

    ``focus`` draws only the neighbourhood, ``depth`` steps wide, of the nodes
    with that name; ``aggregate`` folds events and posts into edges between
    entities (kg.viz.aggregate); a view of more than ``max_nodes`` nodes is
    refused with an InputError that says how to draw part of it."""
    path = Path(path)
    model = select_view(view_model(graph), focus=focus, depth=depth, max_nodes=max_nodes, aggregate=aggregate)
    page = render_html(model, title=DEFAULT_TITLE if title is None else title)
    write_atomically(path, page.encode("utf-8"), "graph view")
    return path


def _merge(target: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _legend_item(entry: dict) -> str:
    """A legend line that is also the filter for its kind."""
    kind = escape_text(entry["kind"])
    return (f'<li><label><input type="checkbox" class="kg-kind" value="{kind}" checked> '
            f'<span class="kg-glyph" style="color:{escape_text(entry["colour"])}">{escape_text(entry["glyph"])}'
            f'</span><span dir="auto">{escape_text(entry["text"])}</span></label></li>')
