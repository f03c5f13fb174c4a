"""The Python API: what each command does, callable without the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from pyparsing import ParseBaseException
from rdflib import Dataset, Graph
from rdflib.query import Result

from kg.errors import InputError, QueryError
from kg.evaluate import Evaluation, evaluate_gold
from kg.model import Document
from kg.pipeline import extract
from kg.rdf.build import corpus_dataset, corpus_graph
from kg.rdf.io import QUAD_FORMATS, format_for, load_graphs, save, serialize
from kg.reader import read_path


def read_articles(paths: Sequence[str | Path], published: date | None = None) -> Iterator[Document]:
    """Documents from files and directories; ``published`` overrides every article's date."""
    if not paths:
        raise InputError("no article given")
    for path in paths:
        for doc in read_path(Path(path)):
            yield replace(doc, published=published) if published else doc


def extract_articles(paths: Sequence[str | Path], published: date | None = None) -> list[Document]:
    return [extract(doc) for doc in read_articles(paths, published)]


def build(paths: Sequence[str | Path], output: str | Path | None = None,
          published: date | None = None) -> tuple[Graph | Dataset, list[Document]]:
    """Extract every article and build its graph; write it to ``output`` when given
    (format by extension; TriG and N-Quads keep one named graph per article)."""
    docs = extract_articles(paths, published)
    quads = output is not None and str(output) != "-" and format_for(output) in QUAD_FORMATS
    graph = corpus_dataset(docs) if quads else corpus_graph(docs)
    if output is not None and str(output) != "-":
        save(graph, output)
    return graph, docs


def turtle(graph: Graph | Dataset) -> str:
    return serialize(graph, "trig" if isinstance(graph, Dataset) else "turtle").decode("utf-8")


def query(graph_paths: Sequence[str | Path], sparql: str) -> Result:
    """Run a SPARQL SELECT, ASK or CONSTRUCT over the union of the graph files."""
    dataset = load_graphs(graph_paths)
    try:
        return dataset.query(sparql)
    except ParseBaseException as error:
        raise QueryError(f"SPARQL syntax error at line {error.lineno}, column {error.col}: {error.msg}") from error
    except (ValueError, TypeError, KeyError, NotImplementedError) as error:
        raise QueryError(f"cannot run query: {error}") from error


def format_result(result: Result, fmt: str = "table") -> str:
    """A query result as a terminal table, CSV or SPARQL JSON (graphs as Turtle)."""
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        return "true" if result.askAnswer else "false"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        if fmt == "json":
            return graph.serialize(format="json-ld")
        return graph.serialize(format="turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [["" if value is None else _short(value) for value in row] for row in result]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    return _table(names, rows)


def _short(value) -> str:
    from kg.rdf.build import PREFIXES
    text = str(value)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)) and value.__class__.__name__ == "URIRef":
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def _width(text: str) -> int:
    import unicodedata
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf" else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(names: list[str], rows: list[list[str]]) -> str:
    """Columns padded by display width; each cell is isolated (FSI..PDI) so Arabic
    text does not reorder its neighbours in a bidi terminal."""
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells: Iterable[str]) -> str:
        return " | ".join(f"\u2068{c}\u2069" + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(row) for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def view(graph_paths: Sequence[str | Path], output: str | Path, title: str | None = None) -> Path:
    """Write the interactive HTML view of the graph files."""
    from kg.viz import write_view
    dataset = load_graphs(graph_paths)
    graph = Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return write_view(graph, output, title=title)


def describe(doc: Document) -> str:
    """What was found in one article, for a person to read."""
    names = {e.id: e.label for e in doc.entities}
    lines = [f"# {doc.title or doc.source or doc.id}", f"published: {doc.published or 'unknown'}", "", "entities:"]
    for entity in doc.entities:
        forms = "، ".join(entity.names)
        extra = f"  ({forms})" if forms else ""
        flag = " [role only]" if entity.role_only else ""
        link = f" wikidata:{entity.wikidata}" if entity.wikidata else ""
        lines.append(f"  {entity.type.value:<12} {entity.label}{extra}{flag}{link}")
        for post in entity.posts:
            org = f" — {names.get(post.org, post.org)}" if post.org else ""
            lines.append(f"  {'':<12}   post: {post.title}{org}")
    lines += ["", "events:"]
    for event in doc.events:
        who = "، ".join(f"{names[p.entity]}" + (f" ({p.role.value})" if p.role else "") for p in event.participants)
        when = event.date or (f"{event.start} .. {event.end}" if event.start else "date unknown")
        where = names.get(event.place, "place unknown") if event.place else "place unknown"
        extra = f"; session {event.session}" if event.session else ""
        extra += f"; part of {event.part_of}" if event.part_of else ""
        lines.append(f"  {event.id} {event.type.value}: {who}; {where}; {when}{extra}")
    return "\n".join(lines)


def evaluate(gold_paths: Sequence[str | Path]) -> Evaluation:
    """Score the graph of each gold file's article, built with the gold file's
    ``published`` date, against the gold file (GUIDE sections 3 and 5).  Gold
    paths are files or directories of *.json; the result's ``as_dict()`` is
    what ``kg eval`` prints."""

    def article_graph(article: Path, published: date | None) -> Graph:
        return corpus_graph(extract_articles([article], published))

    return evaluate_gold(gold_paths, article_graph)
