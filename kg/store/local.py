"""A store in a local directory: an Oxigraph (RocksDB) database through pyoxigraph.

The union.  Queries see the union of the article graphs as their default
graph, and it must be a set: an entity's label is written in every article
that names it, and pyoxigraph's own union (``use_default_graph_as_union``, up
to 0.5.13 at least) counts a triple once per graph that holds it (Oxigraph
issue 1919): over the 199 corpus articles the pattern of who-met-whom.rq
gave 199,009 rows instead of 681, and at 1M triples events-by-place-and-date
gave 15,081 rows instead of 33 (benchmarks/bench_store.py).  So the store
keeps the union itself, in its default graph: writing an article adds its
triples there too, and dropping one deletes from it the triples no other
article's graph holds.  A store written before this is filled when it is
next opened for writing.

Keeping the union costs disk and time: at 1M article triples the store
holds 1.86M quads, and every new article is written twice.

Writing.  Articles the store does not hold yet, which is nearly all of an
ingest, go in through Oxigraph's bulk loader (``Store.bulk_load`` of N-Quads
holding each triple in the article's graph and in the default graph): it
builds sorted files and hands them to RocksDB, which is 3-4x the speed of a
transaction (``benchmarks/bench_ingest.py``) and leaves no write-ahead log
behind.  The loader is not a transaction: pyoxigraph documents that a failed
load may leave part of its data written.  (As pyoxigraph 0.5 builds it, a
call of under a million quads is one RocksDB file ingestion, which RocksDB
records atomically, so in practice a batch is whole or absent; that is not a
promise.)  So ``replace`` first names the graphs it loads in a marker file
in the store directory, written and synced before the load and removed once
it is done; a run stopped in between (an exception, Ctrl-C, kill -9) leaves
the marker, and the next writable open drops those graphs and deletes every
union triple no article graph holds, in one transaction (a scan of the
union, done only then).  The articles are then missing from ``digests()`` and
the next ingest writes them whole.

Articles the store holds, whose digest changed (the text names the
article, so this is a new tool version, title, date or URL), are replaced in
one SPARQL update that writes only what changed: ``DELETE DATA`` of the
triples the new graph lacks, from the graph and, where no other article's
graph holds them, from the union; ``INSERT DATA`` of the new ones into both.
Oxigraph runs one update as one transaction: such an article is old or new,
never half, and never missing.  With one triple changed an article (the
digest) this runs at about 0.8 x ``bulk_load``; with every triple changed at
about 0.13 x (``benchmarks/bench_ingest.py``).  A graph holding blank nodes,
which ``DELETE DATA`` cannot name, is dropped and written again whole.

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
# Names the graphs a bulk load is writing, while it writes (LocalStore._load_new).
_PENDING_MARKER = "hadath-pending-write"

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
        """Write the articles, each whole or not at all (see the module
        docstring): articles the store does not hold go in through Oxigraph's
        bulk loader, with their union, behind a pending-write marker; held
        ones in one transaction that writes what changed, in their graphs and
        the union."""
        if not articles:
            return 0
        store = self._writable()
        new, held = [], []
        for article in articles:
            (held if store.contains_named_graph(ox.NamedNode(article.iri)) else new).append(article)
        if new:
            self._load_new(store, new)
        if held:
            self._replace_held(store, held)
        return sum(_count_lines(article.ntriples) for article in articles)

    def _load_new(self, store: ox.Store, articles: Sequence[ArticleGraph]) -> None:
        """Bulk-load new articles' graphs and their union.  The loader writes
        files outside any transaction, so the graphs are named in a marker file
        first and the marker goes once they are in: a run stopped in between
        leaves the marker, and the next writable open takes those graphs out
        again (_recover_pending), so they are written anew."""
        data = "".join(_nquads(article) for article in articles).encode("utf-8")
        marker = _pending_marker(self.location)
        try:
            _write_atomically(marker, "".join(f"{article.iri}\n" for article in articles))
            store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        except (SyntaxError, ValueError) as error:  # N-Quads that do not parse: a bug upstream, or bad IRIs
            _recover_pending(store, marker)
            raise StoreError("cannot write the articles' triples", self.location, one_line(error)) from error
        except OSError as error:
            raise StoreError("cannot write to the store", self.location, one_line(error)) from error
        marker.unlink()

    def _replace_held(self, store: ox.Store, articles: Sequence[ArticleGraph]) -> None:
        """Held articles, in one transaction: only what changed is written.  An
        article held is written again when its digest changed without its text
        (a new tool version, title, date or URL: the text names the article),
        so most of its triples are the ones the store holds, and deleting and
        writing all of them again ran at a tenth of the bulk loader's speed.
        Old and new are compared as N-Triples lines the way Oxigraph stores
        them (it keeps an integer's value and says xsd:integer for all its
        subtypes), the new ones passed through an in-memory store."""
        try:
            new = _lines_as_stored(articles)
        except SyntaxError as error:  # N-Triples that do not parse: a bug upstream, or bad IRIs
            raise StoreError("cannot write the articles' triples", self.location, one_line(error)) from error
        try:
            old = {iri: _lines(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri)))
                   for iri in new}
        except OSError as error:
            raise StoreError("cannot read the store", self.location, one_line(error)) from error
        changes = {iri: (old[iri] - lines, lines - old[iri]) for iri, lines in new.items()}
        gone = _triples(line for removed, _ in changes.values() for line in removed)
        came = {line for _, added in changes.values() for line in added}
        if any(isinstance(term, ox.BlankNode) for triple in (*gone.values(), *_triples(came).values())
               for term in triple):
            self._update(store, _rewrite_whole(store, articles))  # DELETE DATA cannot name a blank node
            return
        kept = set().union(*new.values())
        replaced = {ox.NamedNode(iri) for iri in new}
        orphans = [line for line, triple in gone.items()
                   if line not in kept and not self._held_elsewhere(store, triple, replaced)]
        update = ""
        if gone:
            deletes = "".join(_graph_block(iri, removed) for iri, (removed, _) in changes.items())
            update += f"DELETE DATA {{\n{deletes}{_block(orphans)}}} ;\n"
        if came:
            inserts = "".join(_graph_block(iri, added) for iri, (_, added) in changes.items())
            update += f"INSERT DATA {{\n{inserts}{_block(came)}}}"
        if update:
            self._update(store, update.removesuffix(" ;\n"))

    @staticmethod
    def _held_elsewhere(store: ox.Store, triple: tuple, replaced: set) -> bool:
        """Whether an article graph other than ``replaced`` holds the triple."""
        return any(not isinstance(quad.graph_name, ox.DefaultGraph) and quad.graph_name not in replaced
                   for quad in store.quads_for_pattern(*triple, None))

    def _update(self, store: ox.Store, update: str) -> None:
        """Run one SPARQL update that writes articles: one transaction."""
        try:
            store.update(update)
        except SyntaxError as error:  # N-Triples that SPARQL cannot take: a bug upstream, or bad IRIs
            raise StoreError("cannot write the articles' triples", self.location, one_line(error)) from error
        except OSError as error:
            raise StoreError("cannot write to the store", self.location, one_line(error)) from error

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
            # keeps the database, and its lock, open until it is collected.  A
            # read-only open holds no lock, and a collection costs every
            # `kg query --store` tens of ms in a large process: none for it.
            if not self.read_only:
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


def _rewrite_whole(store: ox.Store, articles: Sequence[ArticleGraph]) -> str:
    """The update that drops held articles, with what only they gave the union,
    and writes them again whole, into their graphs and the union."""
    drops = "".join(_drop(store, article.iri) for article in articles)
    inserts = "".join(f"GRAPH <{article.iri}> {{\n{article.ntriples}\n}}\n" for article in articles)
    merges = "".join(f";\nADD SILENT <{article.iri}> TO DEFAULT" for article in articles)
    return f"{drops}INSERT DATA {{\n{inserts}}}{merges}"


def _nquads(article: ArticleGraph) -> str:
    """The article's triples as N-Quads, each line twice: in the default graph
    (the union) and in the article's graph.  N-Triples has one triple a line
    and no raw line break inside a term, so a line is cut at its closing dot."""
    graph = f" <{article.iri}> .\n"
    text = article.ntriples if article.ntriples.endswith("\n") else article.ntriples + "\n"
    if text.count(" .\n") == text.count("\n"):  # as kg.rdf.build writes it: the quick way
        return text + text.replace(" .\n", graph)  # (a comment line stays a comment in both copies)
    lines = []
    for line in text.split("\n"):
        triple = line.strip()
        if not triple or triple.startswith("#"):
            continue
        if triple.endswith("."):
            triple = triple[:-1].rstrip()
        lines.append(f"{triple} .\n")  # a line without its dot fails to parse, and nothing is written
        lines.append(triple + graph)
    return "".join(lines)


def _lines_as_stored(articles: Sequence[ArticleGraph]) -> dict[str, set[str]]:
    """Each article's triples as the N-Triples lines Oxigraph gives back once it
    has stored them (an in-memory store in between)."""
    memory = ox.Store()
    for article in articles:
        memory.load(input=article.ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES,
                    to_graph=ox.NamedNode(article.iri))
    return {article.iri: _lines(memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(article.iri)))
            for article in articles}


def _lines(ntriples: bytes) -> set[str]:
    return {line for line in ntriples.decode("utf-8").split("\n") if line}


def _triples(lines) -> dict[str, tuple]:
    """N-Triples lines -> their (subject, predicate, object) terms."""
    lines = list(lines)
    if not lines:
        return {}
    parsed = ox.parse(input="\n".join(lines).encode("utf-8") + b"\n", format=ox.RdfFormat.N_TRIPLES)
    return {line: (quad.subject, quad.predicate, quad.object) for line, quad in zip(lines, parsed)}


def _block(lines) -> str:
    """N-Triples lines as SPARQL data: SPARQL reads an N-Triples term as written."""
    return "".join(f"{line}\n" for line in lines)


def _graph_block(iri: str, lines) -> str:
    return f"GRAPH <{iri}> {{\n{_block(lines)}}}\n" if lines else ""


def _pending_marker(location: str) -> Path:
    return Path(location) / _PENDING_MARKER


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _recover_pending(store: ox.Store, marker: Path) -> None:
    """Take out the graphs a bulk load was writing when it stopped, whole or
    in part, and every triple of the union that no article graph holds any
    more (a scan of the union: only after a stopped run), in one transaction;
    then drop the marker.  Idempotent, so a recovery stopped is done again."""
    if not marker.is_file():
        return
    graphs = [line.strip() for line in marker.read_text(encoding="utf-8").splitlines() if line.strip()]
    drops = "".join(f"DROP SILENT GRAPH <{graph}> ;\n" for graph in graphs)
    store.update(f"{drops}DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o "
                 f"FILTER NOT EXISTS {{ GRAPH ?any {{ ?s ?p ?o }} }} }}")
    store.flush()
    marker.unlink()


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
        _recover_pending(store, _pending_marker(where))
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
    if ntriples.count(" .\n") == ntriples.count("\n") and "\n#" not in ntriples and ntriples[:1] != "#":
        return ntriples.count("\n") + bool(ntriples.rpartition("\n")[2].strip())
    return sum(1 for line in ntriples.splitlines() if line.strip() and not line.lstrip().startswith("#"))
