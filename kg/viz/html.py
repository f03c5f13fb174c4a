"""View model -> one self-contained interactive HTML page.  The only pyvis import.

The page works with no network.  vis-network's script and stylesheet, bundled
with pyvis, are inlined, and a Content-Security-Policy forbids every fetch and
runs only the page's own three scripts (by hash), so markup smuggled in through
article text could not run a handler even if escaping failed.

pyvis builds the node, edge and option dicts; its template is not used: it links
bootstrap from a CDN even with ``cdn_resources="in_line"``, writes a ``lib/``
folder in "local" mode, does not escape the heading, and switches every tooltip
to innerHTML as soon as one title contains "href".

Untrusted text (labels, tooltips, the title) reaches the page only
- as JSON in a ``<script type="application/json">`` block, with ``<``, ``>``,
  ``&``, line separators and bidi controls written as ``\\u`` escapes; the page
  reads it with JSON.parse and shows it on the canvas or through textContent;
- as HTML text escaped by ``escape_text``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.errors import ResourceError
from kg.fileio import write_atomically
from kg.viz.model import node_kinds, view_model

DEFAULT_TITLE = "Hadath"
VIS_DIRECTORY = "templates/lib/vis-9.1.2"  # inside the pyvis package

# Enough for a few hundred nodes to settle in a second or two; physics is then
# switched off by view.js.
STABILIZATION_ITERATIONS = 200

# Characters that must not appear raw in the page: "<", ">" and "&" could close
# the script block or start markup; the rest reorder or break displayed text.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_SEPARATORS = "\u2028\u2029"
_JSON_ESCAPES = {ord(char): f"\\u{ord(char):04x}" for char in "<>&" + _LINE_SEPARATORS + _BIDI_CONTROLS}
_TEXT_ESCAPES = {ord(char): f"&#x{ord(char):x};" for char in _LINE_SEPARATORS + _BIDI_CONTROLS}

_PLACEHOLDER = re.compile(r"@@(\w+)@@")


def escape_text(text: str) -> str:
    """``text`` as HTML text or attribute value: markup and bidi controls escaped."""
    return html.escape(text, quote=True).translate(_TEXT_ESCAPES)


def json_for_script(value: object) -> str:
    """``value`` as JSON that cannot end or confuse the script block holding it.

    The escaped characters can only occur inside JSON strings, where ``\\uXXXX``
    decodes to the same character.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def vis_data(model: nx.MultiDiGraph) -> dict:
    """The plain dict the page draws: vis-network nodes, edges and options, and the legend."""
    network = _network(model)
    options = json.loads(network.options.to_json())
    _merge(options, _EXTRA_OPTIONS)
    kinds = {kind.name: kind for kind in node_kinds()}
    legend = [
        {"kind": name, "glyph": kinds[name].glyph, "colour": kinds[name].colour, "text": kinds[name].bilingual}
        for name in model.graph.get("kinds", [])
    ]
    return {"nodes": network.nodes, "edges": network.edges, "options": options, "legend": legend}


def render_html(model: nx.MultiDiGraph, title: str = DEFAULT_TITLE) -> str:
    """The page for ``model``: one file, no external resource."""
    data = vis_data(model)
    legend = data.pop("legend")
    scripts = {"vis_js": _asset(f"pyvis:{VIS_DIRECTORY}/vis-network.min.js"), "view_js": _asset("view.js")}
    values = {
        "title": escape_text(title),
        "legend": "\n".join(_legend_item(entry) for entry in legend),
        "data": json_for_script(data),
        "vis_css": _asset(f"pyvis:{VIS_DIRECTORY}/vis-network.css"),
        "view_css": _asset("view.css"),
        "csp": _content_security_policy(scripts.values()),
        **scripts,
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _asset("template.html"))


def write_view(graph: Graph, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Draw ``graph`` into the page at ``path``, replacing it whole or not at all."""
    path = Path(path)
    page = render_html(view_model(graph), title=DEFAULT_TITLE if title is None else title)
    write_atomically(path, page.encode("utf-8"), "graph view")
    return path


def _network(model: nx.MultiDiGraph):
    # Imported here: pyvis imports IPython (half a second), which commands that
    # draw nothing should not pay for.
    from pyvis.network import Network

    kinds = {kind.name: kind for kind in node_kinds()}
    network = Network(directed=True, cdn_resources="in_line")
    for node, attributes in model.nodes(data=True):
        kind = kinds[attributes["kind"]]
        network.add_node(
            node,
            label=attributes["label"],
            shape=kind.shape,
            color=kind.colour,
            value=1 + attributes["mentions"],
            kind=kind.name,
            tooltip=attributes["tooltip"],
        )
    for source, target, attributes in model.edges(data=True):
        network.add_edge(source, target, label=attributes["label"], relation=attributes["relation"],
                         tooltip=attributes["label"])
    network.barnes_hut(gravity=-6000, central_gravity=0.3, spring_length=140,
                       spring_strength=0.04, damping=0.09, overlap=0.1)
    network.options.physics.stabilization.iterations = STABILIZATION_ITERATIONS
    network.options.physics.stabilization.updateInterval = 25
    network.set_edge_smooth("continuous")
    network.inherit_edge_colors(False)
    return network


_EXTRA_OPTIONS = {
    "physics": {"minVelocity": 0.75, "maxVelocity": 50, "timestep": 0.5},
    # a fixed seed and no Kamada-Kawai pass: the same page lays out the same way, fast
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "nodes": {
        "font": {"size": 14, "face": "Tahoma, Noto Naskh Arabic, sans-serif"},
        "scaling": {"min": 10, "max": 36, "label": {"enabled": True, "min": 12, "max": 22}},
        "widthConstraint": {"maximum": 220},
    },
    "edges": {
        "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#333333", "inherit": False},
        "font": {"size": 11, "align": "middle", "face": "Tahoma, Noto Naskh Arabic, sans-serif"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
    },
}


def _merge(target: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _legend_item(entry: dict) -> str:
    return (f'<li><span class="kg-glyph" style="color:{escape_text(entry["colour"])}">{escape_text(entry["glyph"])}'
            f'</span><span dir="auto">{escape_text(entry["text"])}</span></li>')


def _content_security_policy(scripts) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """A file of kg.viz, or of pyvis when ``name`` starts with "pyvis:", ready to inline.

    Line ends are normalised as an HTML parser would, so the script hashes in the
    Content-Security-Policy match what the browser sees.
    """
    package, _, path = name.rpartition(":")
    try:
        text = resources.files(package or __package__).joinpath(path).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as error:
        raise ResourceError("cannot read a file the graph view inlines", name) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    closing = {".css": "</style", ".js": "</script"}.get(Path(path).suffix)
    if closing and (closing in text.lower() or "<!--" in text):
        raise ResourceError("a file the graph view inlines would end its own block", name)
    return text


