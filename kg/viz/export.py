"""The view model written for the tools people use: GraphML, GEXF (Gephi), CSV.

The same nodes and edges as the graph view, through networkx, with the kind,
labels, names, mentions, dates and source as attributes.  The format follows
the output's name:

    graph.graphml     GraphML (yEd, Cytoscape, Gephi, networkx)
    graph.gexf        GEXF 1.2 with each node's colour, size and position
                      from the graph view, so Gephi opens it looking the same
    graph.zip         nodes.csv and edges.csv in one archive
    a directory       nodes.csv and edges.csv in it (an existing directory, or
                      a name ending in "/", made if missing)

The CSV files are UTF-8 without a byte-order mark, with the column names
Gephi's spreadsheet import recognises (Id, Label; Source, Target, Type).  A
text cell that a spreadsheet would run as a formula (one starting with
= + - @, a tab or a carriage return: a graph from elsewhere may hold such a
label) is written after an apostrophe, which spreadsheets show as text.
Every file is written whole or not at all (kg.fileio.write_atomically).

Attribute values are text, integers or booleans: lists are joined with
" | ", and dates are ISO strings (date_first and date_last: the days an
event's dates cover; published: its articles' dates).
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.errors import InputError, OutputError
from kg.fileio import check_writable, write_atomically
from kg.viz.layout import layout_positions
from kg.viz.model import node_kinds, view_model

FORMATS = {".graphml": "GraphML", ".gexf": "GEXF", ".zip": "CSV in a zip"}
JOIN = " | "
NODE_COLUMNS = ("Id", "Label", "kind", "group", "label_en", "label_latn", "names", "mentions",
                "date_first", "date_last", "published", "scheduled", "tooltip")
EDGE_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "relation", "label_ar", "label_en")
# A fixed time for the archive's entries: the same graph gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def export_format(path: str | os.PathLike[str]) -> str:
    """"graphml", "gexf", "zip" or "directory", from the output's name."""
    text = str(path)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return "directory"
    suffix = Path(text).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        raise InputError(f"unknown export format (use {known}, or a directory for CSV files)", value=text)
    return suffix[1:]


def check_export_target(path: str | os.PathLike[str]) -> str:
    """The format for ``path``, after checking it can be written (before any work)."""
    fmt = export_format(path)
    if fmt == "directory":
        directory = Path(path)
        if not directory.exists():
            check_writable(directory, "export directory")  # its parent exists and is writable
        elif not os.access(directory, os.W_OK | os.X_OK):
            raise OutputError("cannot write the export", str(path), "directory not writable")
    else:
        check_writable(path, "export")
    return fmt


def export_graph(graph: Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write the view of ``graph`` to ``path`` in the format its name asks for;
    the files written."""
    fmt = check_export_target(path)
    model = export_model(view_model(graph))
    if fmt == "graphml":
        return [_write(path, _graphml(model))]
    if fmt == "gexf":
        return [_write(path, _gexf(model))]
    nodes, edges = _csv_tables(model)
    if fmt == "zip":
        return [_write(path, _zip({"nodes.csv": nodes, "edges.csv": edges}))]
    directory = Path(path)
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError("cannot make the export directory", str(path), error.strerror or str(error)) from error
    return [_write(directory / "nodes.csv", nodes), _write(directory / "edges.csv", edges)]


def export_model(model: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The view model with scalar attributes only and unique edge keys, as
    GraphML, GEXF and CSV need."""
    flat = nx.MultiDiGraph()
    for node, attributes in model.nodes(data=True):
        span = attributes.get("span") or ["", ""]
        flat.add_node(node, label=attributes["label"], kind=attributes["kind"], group=attributes["group"],
                      label_en=attributes.get("label_en", ""), label_latn=attributes.get("label_latn", ""),
                      names=JOIN.join(attributes.get("names", [])), mentions=attributes["mentions"],
                      date_first=span[0], date_last=span[1],
                      published=JOIN.join(attributes.get("published", [])),
                      scheduled=bool(attributes.get("scheduled", False)), tooltip=attributes["tooltip"])
    for number, (source, target, attributes) in enumerate(model.edges(data=True)):
        flat.add_edge(source, target, key=f"e{number}", relation=attributes["relation"],
                      label=attributes["label"], label_ar=attributes["label_ar"], label_en=attributes["label_en"])
    return flat


def _graphml(model: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(model, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def _gexf(model: nx.MultiDiGraph) -> bytes:
    colours = {kind.name: kind.colour for kind in node_kinds()}
    positions = layout_positions(model)
    drawn = model.copy()
    for node, attributes in drawn.nodes(data=True):
        colour = colours[attributes["kind"]]
        x, y = positions[node]
        attributes["viz"] = {
            "color": {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0},
            "size": 10.0 + 2.0 * min(attributes["mentions"], 13),
            "position": {"x": float(x), "y": float(-y), "z": 0.0},  # GEXF's y axis points up
        }
    buffer = io.BytesIO()
    nx.write_gexf(drawn, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    return buffer.getvalue()


def _csv_tables(model: nx.MultiDiGraph) -> tuple[bytes, bytes]:
    nodes = [[node, attributes["label"], *(attributes[column] for column in NODE_COLUMNS[2:])]
             for node, attributes in model.nodes(data=True)]
    edges = [[source, target, "Directed", key, attributes["label"],
              *(attributes[column] for column in EDGE_COLUMNS[5:])]
             for source, target, key, attributes in model.edges(keys=True, data=True)]
    return _csv(NODE_COLUMNS, nodes), _csv(EDGE_COLUMNS, edges)


def _csv(header: tuple[str, ...], rows: list[list]) -> bytes:
    buffer = io.StringIO(newline="")
    # RFC 4180 line ends: with "\n" alone, csv would leave a field holding "\r" unquoted
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


# What opens a formula in Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A CSV cell: booleans as true/false, and text that a spreadsheet would run
    as a formula after an apostrophe (shown, not run)."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return buffer.getvalue()


def _write(path: str | os.PathLike[str], data: bytes) -> Path:
    write_atomically(path, data, "export")
    return Path(path)
