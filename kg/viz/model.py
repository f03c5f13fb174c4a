"""Turn a Hadath RDF graph into a view model: the plain graph a reader looks at.

Entities, posts and events become nodes of a ``networkx.MultiDiGraph`` keyed by
their IRI; mentions, sentences and articles do not: they only feed each node's
tooltip (the sentences a fact came from and the headline of their article).
The model holds only strings, integers and lists, so any renderer can draw it;
``kg.viz.html`` is one.  As in spaCy's displacy: first a plain structure, then
the drawing.

Node attributes
    iri, kind ("Person", "Meeting", ..., "Day"), group ("entity" | "post" | "event" | "date"),
    label, label_en, label_latn (label_en, else a transliteration @ar-Latn, else ""),
    names, keys (the names' comparison keys, kg.text.normalize.name_key),
    tooltip (plain text, one fact per line), mentions,
    span (events: [first day, last day] of their dates as ISO strings, or []),
    published (the publication dates of the node's articles, sorted),
    scheduled (events: dated after every article reporting them),
    when (events: their dates as written, "" when undated)
Edge attributes (the edge key is the relation)
    relation ("host", "place", ...), label ("مضيف / host"), label_ar, label_en
Graph attributes
    kinds: the node kinds present, in legend order

Nodes, edges and every list come out in a fixed order, so the same graph always
gives the same model and the same page.  The Arabic and English names of kinds,
relations and tooltip fields are data: ``kinds.tsv`` and ``terms.tsv``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.namespace import PROV, SDO
from rdflib.term import Node, URIRef

from kg.errors import ResourceError
from kg.rdf.namespace import HD, NIF
from kg.text.normalize import name_key
from kg.viz.dates import date_span

# A participant linked by a role property is drawn with its role only, even when
# the graph also states the inferred hd:participant.
ROLE_RELATIONS = ("host", "guest", "organiser", "visitor", "signatory", "appointee")
GENERIC_ROLE = "participant"
OTHER_RELATIONS = ("place", "partOf", "holds", "postIn", "subOrganisationOf")
RELATIONS = (*ROLE_RELATIONS, GENERIC_ROLE, *OTHER_RELATIONS)
DATE_FIELDS = ("date", "startDate", "endDate")
# Events are linked to a node for each day they are on (hd:date, hd:startDate,
# hd:endDate), so the events of one day meet; those nodes have no IRI of their
# own in the graph and are keyed "date:" + the value.
DATE_GROUP = "date"
DATE_RELATION = "onDate"
DATE_NODE_PREFIX = "date:"
# Relations of a folded view (kg.viz.aggregate): events become "with" and "at".
FOLDED_RELATIONS = ("@with", "@at")
TOOLTIP_FIELDS = ("@names", "@posts", "@date", "@startDate", "@endDate", "@session", "@article", "@scheduled")
# HD is closed: a relation or field the ontology lacks fails here, at import.
_PROPERTIES: dict[str, URIRef] = {name: HD[name] for name in (*RELATIONS, *DATE_FIELDS)}

# Headlines and sentences shown per tooltip: a country named in fifty articles
# would otherwise fill the screen.
MAX_EVIDENCE = 8

ARABIC_COMMA = "\u060c"
LEFT_GUILLEMET = "\u00ab"
RIGHT_GUILLEMET = "\u00bb"
ELLIPSIS = "\u2026"
EN_DASH = "\u2013"

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Kind:
    """A kind of node: its hd: class, names and how it is drawn."""

    name: str
    group: str
    ar: str
    en: str
    colour: str
    shape: str
    glyph: str

    @property
    def bilingual(self) -> str:
        return f"{self.ar} / {self.en}"


@dataclass(frozen=True)
class Term:
    """The Arabic and English name of a relation or a tooltip field."""

    key: str
    ar: str
    en: str

    @property
    def bilingual(self) -> str:
        return f"{self.ar} / {self.en}"


def _table_text(name: str) -> str:
    try:
        return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except OSError as error:
        raise ResourceError("cannot read the view vocabulary", f"kg/viz/{name}") from error


def _read_table(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    where = f"kg/viz/{name}"
    text = _table_text(name)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != columns:
        raise ResourceError("unexpected columns in the view vocabulary", where, "\t".join(rows[0] if rows else []))
    for number, row in enumerate(rows[1:], start=1):
        if len(row) != len(columns):
            raise ResourceError("wrong number of fields", f"{where} row {number}", "\t".join(row))
    return [dict(zip(columns, row)) for row in rows[1:]]


@lru_cache(maxsize=None)
def node_kinds() -> tuple[Kind, ...]:
    """Every kind of node, in order of precedence (and of the legend)."""
    found = tuple(Kind(**row) for row in _read_table("kinds.tsv", ("name", "group", "ar", "en", "colour", "shape", "glyph")))
    bad = [kind.name for kind in found
           if not _COLOUR.fullmatch(kind.colour) or kind.group not in ("entity", "post", "event", DATE_GROUP)]
    if bad:
        raise ResourceError("bad colour or group in the view vocabulary", "kg/viz/kinds.tsv", ", ".join(bad))
    unknown = [kind.name for kind in found if kind.group != DATE_GROUP and kind.name not in HD]
    if unknown:
        raise ResourceError("kinds that are not hd: classes in the view vocabulary", "kg/viz/kinds.tsv",
                            ", ".join(unknown))
    return found


@lru_cache(maxsize=None)
def terms() -> dict[str, Term]:
    """Names of the relations drawn as edges and of the tooltip fields, by key."""
    found = {row["key"]: Term(**row) for row in _read_table("terms.tsv", ("key", "ar", "en"))}
    missing = [key for key in (*RELATIONS, DATE_RELATION, *TOOLTIP_FIELDS, *FOLDED_RELATIONS) if key not in found]
    if missing:
        raise ResourceError("names missing from the view vocabulary", "kg/viz/terms.tsv", ", ".join(missing))
    return found


def view_model(graph: Graph) -> nx.MultiDiGraph:
    """The nodes and edges to draw for ``graph``, with labels and tooltips."""
    kinds = _kinds_of(graph)
    nodes = sorted((_node(graph, node, kind) for node, kind in kinds.items()), key=_node_order)
    model = nx.MultiDiGraph()
    for attributes in nodes:
        model.add_node(attributes["iri"], **attributes)
    days = _day_nodes(nodes)
    for attributes in days:
        model.add_node(attributes["iri"], **attributes)
    rank = {attributes["iri"]: number for number, attributes in enumerate(nodes)}
    edges = _edges(graph, rank)
    edges += [(attributes["iri"], DATE_NODE_PREFIX + value, DATE_RELATION)
              for attributes in nodes if attributes["group"] == "event" for value in attributes["dates"]]
    for source, target, relation in edges:
        term = terms()[relation]
        model.add_edge(source, target, key=relation, relation=relation,
                       label=term.bilingual, label_ar=term.ar, label_en=term.en)
    for attributes in nodes:
        del model.nodes[attributes["iri"]]["dates"]
    present = {attributes["kind"] for attributes in (*nodes, *days)}
    model.graph["kinds"] = [kind.name for kind in node_kinds() if kind.name in present]
    return model


def _node_order(attributes: dict) -> tuple[int, str, str]:
    return _kind_rank()[attributes["kind"]], attributes["label"], attributes["iri"]


@lru_cache(maxsize=None)
def _kind_rank() -> dict[str, int]:
    return {kind.name: number for number, kind in enumerate(node_kinds())}


def _kinds_of(graph: Graph) -> dict[Node, Kind]:
    """The view nodes: every subject typed with a kind's hd: class, first kind wins."""
    found: dict[Node, Kind] = {}
    for kind in node_kinds():
        if kind.group == DATE_GROUP:
            continue
        for subject in graph.subjects(RDF.type, HD[kind.name]):
            found.setdefault(subject, kind)
    return found


def _node(graph: Graph, node: Node, kind: Kind) -> dict:
    names = _names(graph, node)
    arabic = _texts(graph, node, RDFS.label, "ar")
    english = _texts(graph, node, SKOS.prefLabel, "en") or _texts(graph, node, RDFS.label, "en")
    latin = [*_texts(graph, node, RDFS.label, LATIN), *_texts(graph, node, SKOS.prefLabel, LATIN),
             *_texts(graph, node, SKOS.altLabel, LATIN)]
    dates = {field: _texts(graph, node, _PROPERTIES[field]) for field in DATE_FIELDS}
    label_en = english[0] if english else ""
    label = arabic[0] if arabic else label_en or (names[0] if names else _fallback_label(node, kind, dates))
    mentions = set(graph.objects(node, HD.mention)) | set(graph.objects(node, HD.trigger))
    span = _span(dates)
    published = sorted({value for article in _articles(graph, node, mentions)
                        for value in _texts(graph, article, SDO.datePublished)})
    scheduled = bool(span and published and all(span[0] > day for day in published))
    return {
        "iri": str(node),
        "kind": kind.name,
        "group": kind.group,
        "label": label,
        "label_en": label_en,
        # the gazetteer's English name reads better than a letter-by-letter transliteration ("Morocco", "al-Mghrb")
        "label_latn": label_en or (latin[0] if latin else ""),
        "names": names,
        "keys": sorted({key for key in map(name_key, [label, *names]) if key}),
        "tooltip": _tooltip(graph, node, kind, label, names, dates, mentions, scheduled),
        "mentions": len(mentions),
        "span": span,
        "published": published,
        "scheduled": scheduled,
        "when": _when(dates),
        "dates": sorted({value for values in dates.values() for value in values}) if kind.group == "event" else [],
    }


def _day_nodes(nodes: list[dict]) -> list[dict]:
    """A node for each date an event is on, in date order."""
    events: dict[str, list[str]] = {}
    for attributes in nodes:
        for value in attributes["dates"]:
            events.setdefault(value, []).append(attributes["label"])
    kind = next(kind for kind in node_kinds() if kind.group == DATE_GROUP)
    found = []
    for value in sorted(events):
        span = date_span(value)
        labels = sorted(set(events[value]))
        shown = labels[:MAX_EVIDENCE] + ([f"{ELLIPSIS} (+{len(labels) - MAX_EVIDENCE})"]
                                         if len(labels) > MAX_EVIDENCE else [])
        found.append({
            "iri": DATE_NODE_PREFIX + value, "kind": kind.name, "group": DATE_GROUP, "label": value,
            "label_en": value, "label_latn": value, "names": [], "keys": [],
            "tooltip": "\n".join([kind.bilingual, value, "", *shown]),
            "mentions": len(events[value]), "span": [day.isoformat() for day in span] if span else [],
            "published": [], "scheduled": False, "when": value,
        })
    return found


# The language tag of a transliteration into Latin letters, as _language gives it.
LATIN = "ar-latn"


def _language(literal: Literal) -> str:
    """The primary language, lower case; a Latin-script transliteration keeps
    its script ("ar-latn"), so it is never taken for Arabic."""
    parts = (literal.language or "").lower().split("-")
    return f"{parts[0]}-latn" if "latn" in parts[1:] else parts[0]


def _when(dates: dict[str, list[str]]) -> str:
    """An event's dates as written: the date, else "start - end" (an en dash)."""
    if dates["date"]:
        return " / ".join(dates["date"])
    return f" {EN_DASH} ".join(value for value in (*dates["startDate"][:1], *dates["endDate"][:1]))


def _span(dates: dict[str, list[str]]) -> list[str]:
    """[first day, last day] covered by an event's dates (ISO strings), or []."""
    spans = [span for values in dates.values() for span in map(date_span, values) if span]
    if not spans:
        return []
    return [min(first for first, _ in spans).isoformat(), max(last for _, last in spans).isoformat()]


def _articles(graph: Graph, node: Node, mentions: Iterable[Node]) -> set[Node]:
    """The articles a node comes from: prov:wasDerivedFrom, and its mentions' context."""
    found = set(graph.objects(node, PROV.wasDerivedFrom))
    for mention in mentions:
        found.update(graph.objects(mention, NIF.referenceContext))
    return found


def _texts(graph: Graph, node: Node, predicate: Node, language: str | None = None) -> list[str]:
    """Distinct non-blank literal values, sorted; ``language`` None takes any tag."""
    values = {
        str(value) for value in graph.objects(node, predicate)
        if isinstance(value, Literal) and str(value).strip()
        and (language is None or _language(value) == language)
    }
    return sorted(values)


def _names(graph: Graph, node: Node) -> list[str]:
    """All labels: Arabic first, then English, then anything else."""
    ordered = [
        *_texts(graph, node, RDFS.label, "ar"),
        *_texts(graph, node, SKOS.altLabel, "ar"),
        *_texts(graph, node, SKOS.prefLabel, "en"),
        *_texts(graph, node, RDFS.label, "en"),
        *_texts(graph, node, RDFS.label),
        *_texts(graph, node, SKOS.altLabel),
        *_texts(graph, node, SKOS.prefLabel),
    ]
    return list(dict.fromkeys(ordered))


def _local_name(node: Node) -> str:
    return re.split(r"[/#]", str(node).rstrip("/#"))[-1]


def _fallback_label(node: Node, kind: Kind, dates: dict[str, list[str]]) -> str:
    """The kind in Arabic and the date, or the end of the IRI when undated."""
    when = (dates["date"] or dates["startDate"] or [_local_name(node)])[0]
    return f"{kind.ar} {when}"


@dataclass(frozen=True, order=True)
class _Sentence:
    article: str  # IRI of the article, "" when unknown
    begin: int
    text: str


def _first(graph: Graph, node: Node, predicate: Node) -> Node | None:
    values = sorted(graph.objects(node, predicate), key=str)
    return values[0] if values else None


def _offset(value: Node | None) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def _sentences(graph: Graph, mentions: Iterable[Node]) -> tuple[list[_Sentence], dict[str, Node]]:
    """The sentences the mentions stand in (mention -> nif:sentence -> nif:anchorOf)
    and their articles by IRI."""
    found = set()
    articles: dict[str, Node] = {}
    for mention in mentions:
        for sentence in graph.objects(mention, NIF.sentence):
            text = _first(graph, sentence, NIF.anchorOf)
            if text is None:
                continue
            article = _first(graph, sentence, NIF.referenceContext) or _first(graph, mention, NIF.referenceContext)
            if article is not None:
                articles[str(article)] = article
            found.add(_Sentence(str(article or ""), _offset(_first(graph, sentence, NIF.beginIndex)), str(text)))
    return sorted(found), articles


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tooltip(graph: Graph, node: Node, kind: Kind, label: str, names: list[str],
             dates: dict[str, list[str]], mentions: set[Node], scheduled: bool = False) -> str:
    """Plain text, one fact per line: kind, names, posts, dates, then the evidence."""
    term = terms()
    lines = [kind.bilingual, _one_line(label)]
    others = [_one_line(name) for name in names if name != label]
    if others:
        lines.append(f"{term['@names'].bilingual}: {(ARABIC_COMMA + ' ').join(others)}")
    posts = _posts(graph, node)
    if posts:
        lines.append(f"{term['@posts'].bilingual}: {(ARABIC_COMMA + ' ').join(posts)}")
    if scheduled:
        lines.append(term["@scheduled"].bilingual)
    for field in DATE_FIELDS:
        lines.extend(f"{term['@' + field].bilingual}: {value}" for value in dates[field])
    lines.extend(f"{term['@session'].bilingual}: {value}" for value in _texts(graph, node, HD.session))
    lines.extend(_evidence(graph, node, mentions))
    return "\n".join(lines)


def _posts(graph: Graph, node: Node) -> list[str]:
    """The posts a person holds, each with where it is held: "وزير الخارجية (عُمان)"."""
    found = []
    for post in graph.objects(node, HD.holds):
        title = _display_name(graph, post)
        if not title:
            continue
        places = sorted(filter(None, (_display_name(graph, place) for place in graph.objects(post, HD.postIn))))
        found.append(f"{title} ({(ARABIC_COMMA + ' ').join(places)})" if places else title)
    return sorted(set(found))


def _display_name(graph: Graph, node: Node) -> str:
    names = _names(graph, node)
    return _one_line(names[0]) if names else ""


def _evidence(graph: Graph, node: Node, mentions: set[Node]) -> list[str]:
    """Each article's headline followed by the sentences quoted from it, capped."""
    sentences, articles = _sentences(graph, mentions)
    articles.update((str(article), article) for article in graph.objects(node, PROV.wasDerivedFrom))
    headlines = {key: _headline(graph, article) for key, article in articles.items()}
    headlines[""] = ""
    keys = {*articles, *(sentence.article for sentence in sentences)}
    items: list[tuple[bool, str]] = []  # (is a headline, text)
    published = {key: _texts(graph, article, SDO.datePublished) for key, article in articles.items()}
    for key in sorted(keys, key=lambda key: (key == "", headlines[key], key)):
        if key:
            # not in parentheses: at the end of a right-to-left line a closing
            # parenthesis is drawn apart from the date it closes
            when = f"{ARABIC_COMMA} {published[key][0]}" if published[key] else ""
            items.append((True, f"{terms()['@article'].bilingual}: {headlines[key]}{when}"))
        items.extend((False, f"{LEFT_GUILLEMET}{_one_line(sentence.text)}{RIGHT_GUILLEMET}")
                     for sentence in sentences if sentence.article == key)
    lines: list[str] = []
    shown = 0
    for is_headline, text in items:
        # a headline needs room for at least one sentence after it
        if shown >= MAX_EVIDENCE or (is_headline and shown >= MAX_EVIDENCE - 1):
            break
        if is_headline or shown == 0:
            lines.append("")
        lines.append(text)
        shown += 1
    if shown < len(items):
        lines.append(f"{ELLIPSIS} (+{len(items) - shown})")
    return lines


def _headline(graph: Graph, article: Node) -> str:
    """The article's Arabic headline, else any headline, else the end of its IRI."""
    headline = (_texts(graph, article, SDO.headline, "ar") or _texts(graph, article, SDO.headline)
                or [_local_name(article)])
    return _one_line(headline[0])


def _edges(graph: Graph, rank: dict[str, int]) -> list[tuple[str, str, str]]:
    """(source, target, relation) between view nodes, in node then relation order."""
    found = set()
    for relation in RELATIONS:
        for subject, target in graph.subject_objects(_PROPERTIES[relation]):
            if str(subject) in rank and str(target) in rank:
                found.add((str(subject), str(target), relation))
    with_role = {(source, target) for source, target, relation in found if relation in ROLE_RELATIONS}
    found = {edge for edge in found if not (edge[2] == GENERIC_ROLE and edge[:2] in with_role)}
    order = {relation: number for number, relation in enumerate(RELATIONS)}
    return sorted(found, key=lambda edge: (rank[edge[0]], order[edge[2]], rank[edge[1]]))
