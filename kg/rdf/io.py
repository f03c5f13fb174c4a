"""Graph files: formats by extension, loading and atomic saving."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from xml.sax import SAXException

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError

from kg.errors import InputError, OutputError
from kg.fileio import write_atomically
from kg.rdf.build import bind_prefixes

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig",
           ".nq": "nquads", ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".n3": "n3"}
QUAD_FORMATS = frozenset({"trig", "nquads"})


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"unknown graph format (use one of {', '.join(sorted(FORMATS))})", str(path))
    return FORMATS[suffix]


# What rdflib's parsers raise on a malformed file.  IndexError: the Turtle
# family on a truncated file; TypeError, AttributeError, KeyError: the JSON-LD
# parser on well-formed JSON of the wrong shape.  The parse call runs only
# rdflib's code on the user's file, so these name the file, not a bug of ours.
_PARSE_FAILURES = (ParserError, SyntaxError, ValueError, IndexError, TypeError, AttributeError, KeyError,
                   SAXException)


def load_graphs(paths: Sequence[str | Path]) -> Dataset:
    """Every file in one dataset; triples of plain-graph files go to the default
    graph, and queries see the union of all graphs.  Nothing but the named files
    is read: a JSON-LD @context that names another document is refused."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for path in paths:
        path = Path(path)
        rdf_format = format_for(path)
        if not path.is_file():
            raise InputError("no such graph file", str(path))
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read graph file ({error.strerror or error})", str(path)) from error
        if rdf_format == "json-ld":
            _refuse_remote_contexts(data, str(path))
        target = dataset if rdf_format in QUAD_FORMATS else dataset.default_graph
        try:
            # publicID: the base IRI rdflib gives a parsed file, so relative IRIs resolve as before
            target.parse(data=data, format=rdf_format, publicID=path.resolve().as_uri())
        except _PARSE_FAILURES as error:
            raise InputError(f"cannot parse graph ({_first_line(error)})", str(path)) from error
    return dataset


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return " ".join(text.splitlines()[0].split())[:200] if text else type(error).__name__


def _refuse_remote_contexts(data: bytes, source: str) -> None:
    """rdflib fetches a JSON-LD context given by IRI (over the network, or a
    local file for a relative one): refuse any, and any JSON that is not an
    object or array, before rdflib sees it."""
    try:
        document = json.loads(data)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise InputError(f"cannot parse graph ({_first_line(error)})", source) from error
    if not isinstance(document, (dict, list)):
        raise InputError("cannot parse graph (JSON-LD must be an object or an array)", source)
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import") and _names_a_document(value):
                    raise InputError("remote JSON-LD @context is not fetched (inline it)", source,
                                     _context_iri(value))
                stack.append(value)


def _names_a_document(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and any(isinstance(v, str) for v in value))


def _context_iri(value: object) -> str:
    return value if isinstance(value, str) else next(v for v in value if isinstance(v, str))


def serialize(graph: Graph | Dataset, rdf_format: str) -> bytes:
    if rdf_format in QUAD_FORMATS and not isinstance(graph, Dataset):
        raise OutputError("a quad format needs a dataset", rdf_format)
    return graph.serialize(format=rdf_format, encoding="utf-8")


def save(graph: Graph | Dataset, path: str | Path) -> None:
    path = Path(path)
    write_atomically(path, serialize(graph, format_for(path)), "graph")
