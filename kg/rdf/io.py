"""Graph files: formats by extension, loading and atomic saving."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

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


def load_graphs(paths: Sequence[str | Path]) -> Dataset:
    """Every file in one dataset; triples of plain-graph files go to the default
    graph, and queries see the union of all graphs."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for path in paths:
        path = Path(path)
        rdf_format = format_for(path)
        if not path.is_file():
            raise InputError("no such graph file", str(path))
        try:
            if rdf_format in QUAD_FORMATS:
                dataset.parse(path, format=rdf_format)
            else:
                dataset.default_graph.parse(path, format=rdf_format)
        except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise InputError(f"cannot parse graph ({first_line})", str(path)) from error
    return dataset


def serialize(graph: Graph | Dataset, rdf_format: str) -> bytes:
    if rdf_format in QUAD_FORMATS and not isinstance(graph, Dataset):
        raise OutputError("a quad format needs a dataset", rdf_format)
    return graph.serialize(format=rdf_format, encoding="utf-8")


def save(graph: Graph | Dataset, path: str | Path) -> None:
    path = Path(path)
    write_atomically(path, serialize(graph, format_for(path)), "graph")
