"""The Python API: what each command does, callable without the command line."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import rdflib.plugins.sparql
from rdflib import Dataset, Graph
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.processor import SPARQLResult
from rdflib.plugins.sparql.sparql import Query, SPARQLError
from rdflib.query import Result

from kg.errors import InputError, OutputError, QueryError
from kg.evaluate import Evaluation, evaluate_gold
from kg.fileio import check_writable, write_atomically
from kg.model import Document
from kg.pipeline import extract_corpus
from kg.rdf.build import corpus_dataset, corpus_graph, corpus_quads
from kg.rdf.iris import article_iri
from kg.sparql import one_line, prepare_query, refuse_service
from kg.rdf.io import QUAD_FORMATS, format_for, load_graphs, save, serialize
from kg.reader import OnProblem, read_path


def read_articles(paths: Sequence[str | Path], published: date | None = None,
                  on_problem: OnProblem | None = None) -> Iterator[Document]:
    """Documents from files and directories; ``published`` overrides every article's
    date.  ``on_problem`` receives warnings and the errors of single records,
    which are then skipped (see kg.errors); without it such errors are raised."""
    if not paths:
        raise InputError("no article given")
    for path in paths:
        for doc in read_path(Path(path), on_problem):
            yield replace(doc, published=published) if published else doc


def extract_articles(paths: Sequence[str | Path], published: date | None = None,
                     on_problem: OnProblem | None = None) -> list[Document]:
    """Every article extracted, with the same person one entity across them
    (kg.pipeline.extract_corpus)."""
    return extract_corpus(read_articles(paths, published, on_problem))


def build(paths: Sequence[str | Path], output: str | Path | None = None,
          published: date | None = None,
          on_problem: OnProblem | None = None) -> tuple[Graph | Dataset, list[Document]]:
    """Extract every article and build its graph; write it to ``output`` when given
    (format by extension; TriG and N-Quads keep one named graph per article).
    The output's format and directory are checked before any article is read."""
    to_file = output is not None and str(output) != "-"
    quads = False
    if to_file:
        quads = format_for(output) in QUAD_FORMATS
        check_writable(output, "graph")
    docs = extract_articles(paths, published, on_problem)
    graph = corpus_dataset(docs) if quads else corpus_graph(docs)
    if to_file:
        save(graph, output)
    return graph, docs


def shard_of(article_id: str, shards: int) -> int:
    """The shard an article goes to: a stable hash of its id, so rebuilding one
    article rewrites one shard and the same corpus always splits the same way."""
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def build_shards(paths: Sequence[str | Path], output_dir: str | Path, shards: int,
                 published: date | None = None,
                 on_problem: OnProblem | None = None) -> tuple[list[Path], list[Document]]:
    """Extract every article and write its named graph to one of ``shards``
    N-Quads files in ``output_dir`` (made if missing), ``part-00000-of-00004.nq``
    and so on: what cluster stores bulk-load in parallel.  Every shard is
    written, empty or not, each atomically; the directory is checked before any
    article is read.  Identity and labels are resolved over the whole input, as
    for one file."""
    if shards < 1:
        raise InputError("--shards must be at least 1", value=str(shards))
    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputError("cannot write the shards", str(output_dir), "not a directory")
    names = [output_dir / f"part-{i:05d}-of-{shards:05d}.nq" for i in range(shards)]
    if output_dir.is_dir():
        for name in names:
            check_writable(name, "shard")
    else:
        check_writable(output_dir, "shard directory")
    docs = extract_articles(paths, published, on_problem)
    graphs = corpus_quads(docs)  # what corpus_dataset holds, without filling an rdflib Dataset
    parts: list[list[str]] = [[] for _ in range(shards)]
    for doc in docs:
        name = str(article_iri(doc.id))
        parts[shard_of(doc.id, shards)].append(graphs[name].nquads(name))
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError("cannot write the shards", str(output_dir), error.strerror or str(error)) from error
    for name, part in zip(names, parts):
        write_atomically(name, "".join(part).encode("utf-8"), "shard")
    return names, docs


def partition_nquads(paths: Sequence[str | Path], published: date | None = None) -> str:
    """A partition of a corpus (some article files) as N-Quads text, one named
    graph per article: the unit of work for running the pipeline on a cluster
    (README, "A corpus on a cluster").  Identity is resolved within the
    partition; a file that cannot be read raises its InputError."""
    graphs = corpus_quads(extract_articles(paths, published))
    return "".join(graphs[name].nquads(name) for name in sorted(graphs) if len(graphs[name]))


def turtle(graph: Graph | Dataset) -> str:
    return serialize(graph, "trig" if isinstance(graph, Dataset) else "turtle").decode("utf-8")


def ingest(paths: Sequence[str | Path], store: str, *, workers: int | None = None,
           batch_size: int | None = None, published: date | None = None,
           on_problem: OnProblem | None = None, progress=None):
    """Extract the articles and write each new or changed one to the store at
    ``store`` (a directory, made if missing, or a SPARQL endpoint URL), one
    named graph per article; see kg.store.ingest.  Returns its IngestReport."""
    from kg.store import open_store
    from kg.store.ingest import DEFAULT_BATCH_SIZE
    from kg.store.ingest import ingest as ingest_into
    if not paths:
        raise InputError("no article given")
    with open_store(str(store), create=True) as opened:
        return ingest_into(paths, opened, workers=workers,
                           batch_size=DEFAULT_BATCH_SIZE if batch_size is None else batch_size,
                           published=published, on_problem=on_problem, progress=progress)


def query(graph_paths: Sequence[str | Path], sparql: str, *, store: str | None = None,
          graph: str | None = None) -> Result:
    """Run a SPARQL SELECT, ASK or CONSTRUCT over the union of the graph files,
    or over the store at ``store`` (the union of its article graphs; the named
    graph ``graph`` alone when given).

    The query reads those files and nothing else: SERVICE, and FROM or FROM
    NAMED of a graph that is not in them, are refused.  The result is fully
    evaluated here, so a query that fails does so as a QueryError from this
    call, never later while its rows are read."""
    if store is not None:
        if graph_paths:
            raise InputError("give graph files or --store, not both")
        from kg.store import open_store
        with open_store(str(store), read_only=True) as opened:
            return opened.query(sparql, graph=graph)
    if graph is not None:
        raise InputError("--graph names a graph of a store: give --store")
    dataset = load_graphs(graph_paths)
    prepared = prepare_query(sparql, dict(dataset.namespaces()))
    _refuse_outside_reads(prepared, dataset)
    try:
        with _graphs_not_loaded():
            # What dataset.query does, but with the solutions, which rdflib
            # yields lazily, evaluated here where their errors are caught.
            answer = dict(evalQuery(dataset, prepared))
            if answer.get("bindings") is not None:
                answer["bindings"] = list(answer["bindings"])
    except re.error as error:
        raise QueryError(f"bad regular expression in the query ({error})") from error
    except SPARQLError as error:
        raise QueryError(f"cannot run query: {one_line(error)}") from error
    # Only rdflib's evaluation runs above; its aggregates raise AttributeError on
    # an IRI where they expect a literal (SUM over IRIs).
    except (ValueError, TypeError, KeyError, AttributeError, NotImplementedError) as error:
        raise QueryError(f"cannot run query: {one_line(error)}") from error
    return SPARQLResult(answer)


def _refuse_outside_reads(prepared: Query, dataset: Dataset) -> None:
    """SERVICE reaches the network; FROM <iri> of a graph rdflib does not hold
    makes it fetch the IRI (a local file or a URL)."""
    refuse_service(prepared)
    known = {graph.identifier for graph in dataset.graphs() if len(graph)}
    for clause in prepared.algebra.get("datasetClause") or ():
        iri = clause.get("default") or clause.get("named")
        if iri not in known:
            keyword = "FROM" if clause.get("default") else "FROM NAMED"
            raise QueryError(f"{keyword} names a graph that is not in the given graph files", value=str(iri))


@contextmanager
def _graphs_not_loaded() -> Iterator[None]:
    """rdflib's switch for loading FROM graphs is a module global: off for our
    queries, then back to what it was."""
    previous = rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
    try:
        yield
    finally:
        rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = previous


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
    if fmt == "table":  # for a terminal: a graph from elsewhere may hold escape sequences
        rows = [[printable(cell) for cell in row] for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    return _table(names, rows)


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters other than newline and
    tab (escape sequences), bidi embeddings, overrides and isolates (which
    could reorder what the line shows), and lone surrogates (undecodable file
    names), shown as Python-style escapes."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if m.group() < "\u0100"
                            else f"\\u{ord(m.group()):04x}", text)


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


def view(graph_paths: Sequence[str | Path], output: str | Path, title: str | None = None, *,
         store: str | None = None, graph: str | None = None) -> Path:
    """Write the interactive HTML view of the graph files (``view_html`` gives
    the page as text; "-" is refused rather than taken as a file name)."""
    from kg.viz import write_view
    if str(output) == "-":
        raise OutputError("'-' is not a file name for the view (use view_html for the page as text)")
    check_writable(output, "graph view")
    return write_view(_union_graph(graph_paths, store, graph), output, title=title)


def view_html(graph_paths: Sequence[str | Path], title: str | None = None, *,
              store: str | None = None, graph: str | None = None) -> str:
    """The interactive HTML view of the graph files, as one page of text."""
    from kg.viz import render_html, view_model
    model = view_model(_union_graph(graph_paths, store, graph))
    return render_html(model) if title is None else render_html(model, title=title)


def _union_graph(graph_paths: Sequence[str | Path], store: str | None = None,
                 named: str | None = None) -> Graph:
    """The graph files' triples, and those of the store at ``store`` (all its
    article graphs, or the one named ``named``), in one graph."""
    if not graph_paths and store is None:
        raise InputError("give graph files or --store")
    if named is not None and store is None:
        raise InputError("--graph names a graph of a store: give --store")
    graph = Graph()
    if store is not None:
        from kg.store import open_store
        with open_store(str(store), read_only=True) as opened:
            graph = opened.graph(named)
    if graph_paths:
        dataset = load_graphs(graph_paths)
        for triple in dataset.triples((None, None, None)):
            graph.add(triple)
    return graph


def describe(doc: Document) -> str:
    """What was found in one article, for a person to read (on a terminal: no
    control characters, even from a file name)."""
    return printable(_describe(doc))


def _describe(doc: Document) -> str:
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


def graph_view(graph_paths: Sequence[str | Path], output: str | Path, *, title: str | None = None,
               focus: str | None = None, depth: int | None = None, max_nodes: int | None = None,
               aggregate: bool = False, store: str | None = None, graph: str | None = None) -> Path:
    """``view`` with a choice of what to draw: the neighbourhood of the entity
    named ``focus``, ``depth`` edges wide (default 2); with ``aggregate``,
    entities only, events and posts folded into edges; and the most nodes a
    page may have (default 5,000; past it an InputError asks for a focus or
    aggregation, and an aggregated view keeps the most mentioned entities)."""
    from kg.viz import write_view
    if str(output) == "-":
        raise OutputError("'-' is not a file name for the view (use graph_view_html for the page as text)")
    check_writable(output, "graph view")
    return write_view(_union_graph(graph_paths, store, graph), output, title=title,
                      **_selection(focus, depth, max_nodes, aggregate))


def graph_view_html(graph_paths: Sequence[str | Path], *, title: str | None = None, focus: str | None = None,
                    depth: int | None = None, max_nodes: int | None = None, aggregate: bool = False,
                    store: str | None = None, graph: str | None = None) -> str:
    """The page ``graph_view`` writes, as text."""
    from kg.viz import render_html, select_view, view_model
    model = select_view(view_model(_union_graph(graph_paths, store, graph)),
                        **_selection(focus, depth, max_nodes, aggregate))
    return render_html(model) if title is None else render_html(model, title=title)


def _selection(focus: str | None, depth: int | None, max_nodes: int | None, aggregate: bool) -> dict:
    from kg.viz.select import DEFAULT_DEPTH, MAX_NODES
    if max_nodes is not None and max_nodes < 1:
        raise InputError("--max-nodes must be at least 1", value=str(max_nodes))
    return {"focus": focus, "depth": DEFAULT_DEPTH if depth is None else depth,
            "max_nodes": MAX_NODES if max_nodes is None else max_nodes, "aggregate": aggregate}


def timeline(graph_paths: Sequence[str | Path], output: str | Path, title: str | None = None, *,
             store: str | None = None, graph: str | None = None) -> Path:
    """Write the timeline page of the graph files: events on a time axis, by
    participant or place, scheduled events marked."""
    from kg.viz import write_timeline
    if str(output) == "-":
        raise OutputError("'-' is not a file name for the timeline (use timeline_html for the page as text)")
    check_writable(output, "timeline")
    return write_timeline(_union_graph(graph_paths, store, graph), output, title=title)


def timeline_html(graph_paths: Sequence[str | Path], title: str | None = None, *,
                  store: str | None = None, graph: str | None = None) -> str:
    """The timeline page of the graph files, as text."""
    from kg.viz import render_timeline, timeline_model
    data = timeline_model(_union_graph(graph_paths, store, graph))
    return render_timeline(data) if title is None else render_timeline(data, title=title)


def export(graph_paths: Sequence[str | Path], output: str | Path, *, store: str | None = None,
           graph: str | None = None) -> list[Path]:
    """Write the graph view's nodes and edges as GraphML (.graphml), GEXF
    (.gexf), or CSV node and edge files in a .zip or a directory; the files
    written.  The output is checked before the graphs are read."""
    from kg.viz.export import check_export_target, export_graph
    check_export_target(output)
    return export_graph(_union_graph(graph_paths, store, graph), output)
