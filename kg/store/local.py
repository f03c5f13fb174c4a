"""A store in a local directory: an Oxigraph (RocksDB) database through pyoxigraph.

The union.  Queries see the union of the article graphs as their default
graph, and it must be a set: an entity's label is written in every article
that names it, and pyoxigraph's own union (``use_default_graph_as_union``, up
to 0.5.13 at least) counts a triple once per graph that holds it (Oxigraph
issue 1919): over the 199 corpus articles the pattern of who-met-whom.rq
gave 199,009 rows instead of 681, and at 1M triples events-by-place-and-date
gave 15,081 rows instead of 33 (benchmarks/bench_store.py).  So the store keeps the union itself, in its default graph: writing
an article adds its triples there too (``ADD <a> TO DEFAULT``), and dropping
one deletes from it the triples no other article's graph holds, in the same
transaction.  A store written before this is filled when it is next opened
for writing.

Keeping the union costs disk and time: at 1M article triples the store
holds 1.86M quads, 409 MB once settled (RocksDB's write-ahead log, which
the writer leaves behind, is cleared at the next writable open: 1.5 GB just
after the ingest), and ``replace`` writes 13k triples/s against 61k for
``bulk_load`` of the graphs alone on the same loaded machine.

Writing.  ``replace`` sends one SPARQL update per call,
``DELETE {...} WHERE {...}; DROP SILENT GRAPH <a>; ... INSERT DATA { GRAPH <a>
{...} ... }; ADD <a> TO DEFAULT ...``, and
Oxigraph runs one update request as one transaction: the whole batch is
written or none of it, so every article is old or new, never half, whether the
writer is stopped by an exception, Ctrl-C or kill -9.  Measured
(``benchmarks/bench_ingest.py``, 2 shared CPUs): new articles go in at about
0.3 x ``bulk_load`` (45k against 147k triples/s), held ones, dropped and
written again, at about 0.2 x.  ``Store.extend`` of quads from
``pyoxigraph.parse`` was no faster (the RocksDB transaction, not the parse,
is the cost) and cannot drop the old graph in the same transaction;
``bulk_load``/``bulk_extend`` write SST files outside any transaction, so a
stopped run could leave half a batch: not used.

Oxigraph keeps a literal's value, not always its datatype: every integer
type (xsd:nonNegativeInteger among them) comes back as xsd:integer.

Reading.  A writer holds RocksDB's lock on the directory; a second writer,
in this or another process, gets a StoreError.  ``read_only=True`` opens with
``pyoxigraph.Store.read_only``, which takes no lock, so any number of readers
share a store.  What it can and cannot do (pyoxigraph 0.5.13, checked by
tests/store/test_local.py and by hand):

- it opens while a writer holds the store, and reads a snapshot of what was
  written when it opened: every article whole (a reader reopening over and
  over while another process wrote 3,000 articles always counted whole
  articles);
- it does not see what is written after it opened: reopen to refresh;
- pyoxigraph documents reading while another process writes as undefined
  behaviour, and an open can race the writer's compaction (RocksDB reports a
  missing .sst file: a StoreError here, "try again"), so ``kg serve`` over a
  store should reopen, or not run, while ``kg ingest`` writes it; between
  ingests any number of readers are safe.
"""

from __future__ import annotations

import gc
import io
import os
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.sparql.processor import SPARQLResult
from rdflib.query import Result

from kg.errors import QueryError, StoreError
from kg.rdf.build import bind_prefixes
from kg.rdf.namespace import HD
from kg.sparql import checked_store_query, one_line, query_namespaces, quick_form
from kg.store import ArticleGraph, Store

# Files every RocksDB database directory has; a directory holding other files
# but not these is someone else's.
_STORE_FILES = ("CURRENT", "IDENTITY")
_DIGEST = ox.NamedNode(str(HD.contentDigest))

_SOLUTION_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def is_store_directory(path: Path) -> bool:
    return all((path / name).is_file() for name in _STORE_FILES)


class LocalStore(Store):
    """The Oxigraph store in directory ``location`` (see the module docstring)."""

    def __init__(self, location: str | os.PathLike[str], *, create: bool = False, read_only: bool = False):
        self.location = str(location)
        self.read_only = read_only
        self._store: ox.Store | None = _open(Path(location), create=create, read_only=read_only)
        self._namespaces = query_namespaces()

    # ------------------------------------------------------------------ writing

    def replace(self, articles: Sequence[ArticleGraph]) -> int:
        """Write the articles in one transaction (see the module docstring):
        each one's old graph dropped, with what only it gave the union, and its
        new triples inserted, into its graph and the union."""
        if not articles:
            return 0
        store = self._writable()
        drops = "".join(_drop(store, article.iri) for article in articles)
        inserts = "".join(f"GRAPH <{article.iri}> {{\n{article.ntriples}\n}}\n" for article in articles)
        merges = "".join(f";\nADD SILENT <{article.iri}> TO DEFAULT" for article in articles)
        try:
            store.update(f"{drops}INSERT DATA {{\n{inserts}}}{merges}")
        except SyntaxError as error:  # N-Triples that SPARQL cannot take: a bug upstream, or bad IRIs
            raise StoreError("cannot write the articles' triples", self.location, one_line(error)) from error
        except OSError as error:
            raise StoreError("cannot write to the store", self.location, one_line(error)) from error
        return sum(_count_lines(article.ntriples) for article in articles)

    def remove(self, graph_iris: Sequence[str]) -> None:
        if not graph_iris:
            return
        store = self._writable()
        drops = "".join(_drop(store, iri) for iri in graph_iris)
        if not drops:
            return
        try:
            store.update(drops.removesuffix(" ;\n"))
        except (SyntaxError, OSError) as error:
            raise StoreError("cannot remove graphs from the store", self.location, one_line(error)) from error

    # ------------------------------------------------------------------ reading

    def digests(self) -> dict[str, str]:
        """Each article graph's digest: the ``hd:contentDigest`` its graph
        gives the article node, which is the graph's own name."""
        held = {}
        for quad in self._quads(None, _DIGEST, None, None):
            if quad.subject == quad.graph_name and isinstance(quad.object, ox.Literal):
                held[quad.subject.value] = quad.object.value
        return held

    def query(self, sparql: str, *, graph: str | None = None) -> Result:
        answer = self._evaluate(sparql, graph)
        if isinstance(answer, (ox.QuerySolutions, ox.QueryBoolean)):
            data = answer.serialize(format=ox.QueryResultsFormat.JSON)
            return Result.parse(io.BytesIO(data), format="json")
        return SPARQLResult({"type_": "CONSTRUCT",
                             "graph": _rdflib_graph(answer.serialize(format=ox.RdfFormat.N_TRIPLES))})

    def query_serialized(self, sparql: str, media_type: str, *, graph: str | None = None) -> bytes:
        wanted = media_type.split(";")[0].strip().lower()
        answer = self._evaluate(sparql, graph)
        solutions = isinstance(answer, (ox.QuerySolutions, ox.QueryBoolean))
        formats = _SOLUTION_TYPES if solutions else _GRAPH_TYPES
        if wanted not in formats:
            form = "SELECT or ASK" if solutions else "CONSTRUCT or DESCRIBE"
            raise QueryError(f"a {form} result cannot be given as {wanted}",
                             value=f"use one of {', '.join(formats)}")
        try:
            return answer.serialize(format=formats[wanted])
        except (ValueError, OSError) as error:
            raise QueryError(f"cannot run query: {one_line(error)}") from error

    def graph(self, graph: str | None = None) -> Graph | Dataset:
        store = self._open_store()
        try:
            if graph is None:
                data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            else:
                data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        except (ValueError, OSError) as error:
            raise StoreError("cannot read the store", self.location, one_line(error)) from error
        return _rdflib_graph(data, URIRef(graph) if graph else None)

    def __len__(self) -> int:
        """Triples in the article graphs (the union's own copies not counted)."""
        store = self._open_store()
        # counted by Oxigraph, not by walking the union's quads in Python
        union = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"]
        return len(store) - int(union.value)

    def close(self) -> None:
        """Flush and release the lock (pyoxigraph has no close: the database
        closes when its last reference goes, which is this one)."""
        store, self._store = self._store, None
        if store is None:
            return
        try:
            if not self.read_only:
                store.flush()
        except OSError as error:
            raise StoreError("cannot flush the store", self.location, one_line(error)) from error
        finally:
            del store
            # A pyoxigraph result still referenced (by a traceback's frame, say)
            # keeps the database, and its lock, open until it is collected.
            gc.collect()

    def __repr__(self) -> str:
        return f"LocalStore({self.location!r}{', read_only=True' if self.read_only else ''})"

    # ------------------------------------------------------------------ helpers

    def _open_store(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store is closed", self.location)
        return self._store

    def _writable(self) -> ox.Store:
        store = self._open_store()
        if self.read_only:
            raise StoreError("the store is open read-only", self.location)
        return store

    def _quads(self, *pattern):
        try:
            return list(self._open_store().quads_for_pattern(*pattern))
        except OSError as error:
            raise StoreError("cannot read the store", self.location, one_line(error)) from error

    def _check(self, sparql: str) -> None:
        """Refuse what a store query may not do: an update (LOAD among them),
        SERVICE, and text that does not parse.  Text that plainly does none of
        these (kg.sparql.quick_form) is left to Oxigraph's parser, which is
        far quicker than rdflib's; the rest is parsed with rdflib here."""
        if quick_form(sparql) is None:
            self._parse(sparql)

    def _parse(self, sparql: str) -> None:
        checked_store_query(sparql, self._namespaces)

    def _evaluate(self, sparql: str, graph: str | None):
        self._check(sparql)
        options: dict = {"prefixes": self._namespaces}
        if graph is not None:
            options["default_graph"] = ox.NamedNode(graph)
            options["named_graphs"] = [ox.NamedNode(graph)]
        try:
            return self._open_store().query(sparql, **options)
        except SyntaxError as error:
            self._parse(sparql)  # rdflib's message names the line and column
            raise QueryError(f"cannot run query: {one_line(error)}") from error
        except ValueError as error:
            raise QueryError(f"cannot run query: {one_line(error)}") from error
        except OSError as error:
            raise StoreError("cannot read the store", self.location, one_line(error)) from error


def _drop(store: ox.Store, iri: str) -> str:
    """The update that takes a held article out: first the triples of the
    union (the default graph) that no other article's graph holds, then its
    graph.  Nothing for an article the store does not hold."""
    if not store.contains_named_graph(ox.NamedNode(iri)):
        return ""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{iri}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{iri}> ;\n")


def _merge_if_needed(store: ox.Store) -> None:
    """A store written before the union was kept in the default graph: fill it."""
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        return
    graphs = [graph for graph in store.named_graphs() if isinstance(graph, ox.NamedNode)]
    if graphs:
        store.update(" ;\n".join(f"ADD SILENT <{graph.value}> TO DEFAULT" for graph in graphs))


def _open(path: Path, *, create: bool, read_only: bool) -> ox.Store:
    where = str(path)
    if path.exists() and not path.is_dir():
        raise StoreError("not a store: a file, not a directory", where)
    if not path.exists():
        if not create or read_only:
            raise StoreError("no store at this location", where)
    elif not is_store_directory(path):
        if any(path.iterdir()):
            raise StoreError("not a store: the directory holds other files", where)
        if not create or read_only:
            raise StoreError("no store at this location (an empty directory)", where)
    try:
        if read_only:
            return ox.Store.read_only(where)
        store = ox.Store(where)
        _merge_if_needed(store)
        return store
    except OSError as error:
        raise _open_error(where, error) from error
    except RuntimeError as error:  # RocksDB "Corruption": a read-only open racing a writer's compaction
        if read_only:
            raise StoreError("cannot open the store read-only while another process writes it "
                             "(try again when it is done)", where, one_line(error)) from error
        raise StoreError("cannot open the store (corrupt)", where, one_line(error)) from error


def _open_error(where: str, error: OSError) -> StoreError:
    text = str(error)
    if "LOCK" in text and ("Resource temporarily unavailable" in text or "lock hold by current process" in text):
        if "current process" in text:
            return StoreError("store is already open in this process", where)
        return StoreError("store is in use by another process", where)
    if isinstance(error, PermissionError) or "Permission denied" in text:
        return StoreError("cannot open the store: permission denied", where)
    return StoreError("cannot open the store", where, one_line(text))


def _rdflib_graph(ntriples: bytes, identifier: URIRef | None = None) -> Graph:
    graph = Graph(identifier=identifier)
    bind_prefixes(graph)
    if ntriples:
        graph.parse(data=ntriples.decode("utf-8"), format="nt")
    return graph


def _count_lines(ntriples: str) -> int:
    """Triples in N-Triples text: one a line (blank and comment lines aside)."""
    return sum(1 for line in ntriples.splitlines() if line.strip() and not line.lstrip().startswith("#"))

