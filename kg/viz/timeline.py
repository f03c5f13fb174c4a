"""Events on a time axis: one self-contained page, grouped by participant or place.

First a plain model (a dict of lists of strings), then the page, as for the
graph view.  Each event carries its kind, its dates as the days they cover,
its participants with their roles, its place, and its sources: each article's
headline, date and address with the sentences the event was read from.  An
event dated after every article that reports it is ``scheduled``: the news
announced it, it had not happened yet.

The page follows the rules of kg.viz.page (inlined assets, strict CSP,
untrusted text only through JSON and textContent); links to articles are
made only for http(s) addresses.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, SDO

from kg.fileio import write_atomically
from kg.rdf.namespace import HD
from kg.viz.model import (DATE_FIELDS, GENERIC_ROLE, ROLE_RELATIONS, _headline, _sentences, _texts, node_kinds,
                          terms, view_model)
from kg.viz.page import asset, escape_text, fill_template, json_for_script

__all__ = ["render_timeline", "timeline_model", "write_timeline"]

DEFAULT_TITLE = "Hadath"
GROUPINGS = ("participant", "place")


def timeline_model(graph: Graph) -> dict:
    """Events, the lanes they fall in, and the days they span.

    ``events``: id, kind, label, span ([first day, last day] or [] when
    undated), dates (field -> values as written), scheduled, participants
    ([{id, role}]), place (an id or ""), sources ([{headline, published, url,
    sentences}]).  ``lanes``: id -> {label, label_latn, kind}, for every
    participant and place.  ``kinds``: the event kinds present, for the legend.
    """
    model = view_model(graph)
    kinds = {kind.name: kind for kind in node_kinds()}
    role_text = terms()
    events, lanes = [], {}
    for node, attributes in model.nodes(data=True):
        if attributes["group"] != "event":
            continue
        participants, place = [], ""
        for _, target, relation in model.out_edges(node, keys=True):
            if relation in (*ROLE_RELATIONS, GENERIC_ROLE):
                participants.append({"id": target, "role": role_text[relation].bilingual})
            elif relation == "place":
                place = place or target
            else:
                continue
            lane = model.nodes[target]
            lanes[target] = {"label": lane["label"], "label_latn": lane.get("label_latn", ""),
                             "kind": lane["kind"]}
        iri = URIRef(attributes["iri"])
        events.append({
            "id": node,
            "kind": attributes["kind"],
            "label": attributes["label"],
            "span": attributes["span"],
            "dates": {field: values for field in DATE_FIELDS if (values := _texts(graph, iri, HD[field]))},
            "scheduled": attributes["scheduled"],
            "participants": participants,
            "place": place,
            "sources": _sources(graph, iri),
        })
    events.sort(key=lambda event: (event["span"] or ["9999"], event["kind"], event["label"], event["id"]))
    present = {event["kind"] for event in events}
    days = sorted(day for event in events for day in event["span"])
    return {
        "events": events,
        "lanes": dict(sorted(lanes.items())),
        "kinds": [{"kind": name, "text": kinds[name].bilingual, "colour": kinds[name].colour,
                   "glyph": kinds[name].glyph} for name in kinds if name in present],
        "dates": [days[0], days[-1]] if days else [],
        "terms": {key: terms()[key].bilingual for key in ("@article", "@date", "@startDate", "@endDate",
                                                           "@scheduled", "place")},
    }


def _sources(graph: Graph, event) -> list[dict]:
    """Each article the event comes from, with the sentences of its trigger words."""
    sentences, articles = _sentences(graph, graph.objects(event, HD.trigger))
    articles.update((str(article), article) for article in graph.objects(event, PROV.wasDerivedFrom))
    found = []
    for key, article in sorted(articles.items()):
        urls = sorted(str(url) for url in graph.objects(article, SDO.url))
        found.append({
            "headline": _headline(graph, article),
            "published": (_texts(graph, article, SDO.datePublished) or [""])[0],
            "url": next((url for url in urls if url.lower().startswith(("http://", "https://"))), ""),
            "sentences": [" ".join(sentence.text.split()) for sentence in sentences if sentence.article == key],
        })
    return found


def render_timeline(data: dict, title: str = DEFAULT_TITLE) -> str:
    """The timeline page for ``data`` (a ``timeline_model``): one file, no external resource."""
    legend = "\n".join(
        f'<li><span class="kg-swatch" style="background:{escape_text(kind["colour"])}"></span>'
        f'<span dir="auto">{escape_text(kind["text"])}</span></li>' for kind in data["kinds"])
    return fill_template("timeline.html", {
        "title": escape_text(title),
        "legend": legend,
        "data": json_for_script(data),
        "timeline_css": asset("timeline.css"),
    }, {
        "normalize_js": asset("normalize.js"),
        "timeline_js": asset("timeline.js"),
    })


def write_timeline(graph: Graph, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write the timeline page of ``graph`` to ``path``, whole or not at all."""
    path = Path(path)
    page = render_timeline(timeline_model(graph), title=DEFAULT_TITLE if title is None else title)
    write_atomically(path, page.encode("utf-8"), "timeline")
    return path
