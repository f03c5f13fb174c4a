"""Ingest: articles from files into a store, in parallel, resumable, one writer.

    read (main)  ->  batches  ->  extract + build (worker processes)  ->  write (main, input order)

Articles are read lazily and grouped, in input order, into batches of
``batch_size``.  A batch is the unit of everything else:

- extraction: a worker runs ``kg.pipeline.extract_corpus`` on the whole batch,
  so a person named in full in one article and by surname in the next is one
  person, then builds each article's graph on its own and serialises it;
- skipping: an article whose ``hd:contentDigest`` (:func:`article_digest`:
  its text, title, date, URL and the tool version) the store already holds
  is not written again; a batch with nothing new is not even extracted, and
  a batch with something new is extracted whole, the held articles as context;
- writing: the main process writes a batch's new articles with one
  ``Store.replace``, which writes each article whole or not at all (the
  local store: all the batch's new articles in one bulk load behind a
  marker, its changed ones in one transaction; kg.store.local), so a run
  stopped at any point (Ctrl-C, kill -9, a crash) leaves whole articles
  written or not, and the next run writes those missing.  Since batches are
  made the same way on every run, a re-run extracts the missing batches
  exactly as an uninterrupted run would have: the store ends the same.

Labels.  The builder gives each entity one ``rdfs:label``; another article may
spell it otherwise.  Before writing a batch, the writer asks the store, in one
query of the union, for the labels its entities already have:
a stored ``rdfs:label@ar`` wins (the new spelling becomes a
``skos:altLabel``), as does a stored ``skos:prefLabel@en`` (the new one is
dropped: the shapes allow Arabic alternative labels only), so the union keeps
one label per entity, as ``kg.rdf.build.corpus_dataset`` does for files.

Replaced articles.  An article's IRI comes from its text, so a file whose text
changed gives a new article.  After the batches, the graph of a held article
that came from a source read in this run (a file, or a JSONL file's line) but
that this run did not give again is removed: the changed text replaces the old
one.  A run stopped before that step leaves both until the next run.

Failures.  An article that cannot be read, or whose extraction raises, is
reported in ``IngestReport.failed`` and the others go on: a batch that fails
is retried article by article, and so is a batch whose worker process died.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDFS, SKOS

from kg.errors import InputError, InputWarning
from kg.model import Document
from kg.rdf import iris
from kg.rdf.namespace import HD
from kg.reader import OnProblem, read_path
from kg.store import ArticleGraph, Store

DEFAULT_BATCH_SIZE = 32
# Progress: articles done, articles in all (None: not known while reading), triples written.
Progress = Callable[[int, "int | None", int], None]


@dataclass(frozen=True)
class IngestReport:
    """What a run did.  ``articles_seen`` counts every article read (a text
    read twice, from two files, once); each is ``written``,
    ``skipped_unchanged`` or ``failed`` (with the files that could not be
    read: (source, message) pairs); ``removed`` counts the old graphs of
    articles whose text changed."""

    articles_seen: int
    written: int
    skipped_unchanged: int
    failed: list[tuple[str, str]]
    triples_written: int
    seconds: float
    removed: int = 0

    @property
    def triples_per_second(self) -> float:
        return self.triples_written / self.seconds if self.seconds else 0.0


def tool_version() -> str:
    try:
        return metadata.version("hadath")
    except metadata.PackageNotFoundError:
        from kg import __version__
        return __version__


def article_digest(doc: Document, version: str | None = None) -> str:
    """The SHA-256 of what an article's graph is built from: a change in any
    part, or a new version of the tool, makes the store write it again."""
    parts = (version or tool_version(), doc.text, doc.title or "",
             doc.published.isoformat() if doc.published else "", doc.url or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


_RDFS_LABEL = str(RDFS.label)
_PREF_LABEL = str(SKOS.prefLabel)
_ALT_LABEL = str(SKOS.altLabel)
_CONTENT_DIGEST = str(HD.contentDigest)


# ---------------------------------------------------------------- worker side

@dataclass(frozen=True)
class EntityLabels:
    """An entity's labels as its article's builder wrote them."""

    entity: str
    label: str
    label_en: str | None
    alt_labels: tuple[str, ...]


@dataclass(frozen=True)
class Extracted:
    """One article built in a worker: its triples but the entity labels, which
    the writer settles against the store."""

    source: str
    iri: str
    digest: str
    body: str
    labels: tuple[EntityLabels, ...]


@dataclass(frozen=True)
class Failed:
    source: str
    message: str


@dataclass
class _Batch:
    docs: list[Document]
    digests: list[str]
    write: list[bool]  # which docs are new or changed (the others are context)
    results: list[Extracted | Failed] = field(default_factory=list)


def extract_batch(docs: Sequence[Document], digests: Sequence[str], write: Sequence[bool]) -> list[Extracted | Failed]:
    """Extract the batch together and build the graphs of the docs to write.
    An exception in the batch makes each article be extracted alone, so one
    bad article fails alone."""
    from kg.pipeline import extract_corpus
    try:
        extracted = extract_corpus(docs)
    except Exception:  # noqa: BLE001 - a bug in one article's extraction: found below, article by article
        outcomes: list[Extracted | Failed] = []
        for doc, digest, wanted in zip(docs, digests, write):
            if wanted:
                outcomes.extend(_alone(doc, digest))
        return outcomes
    return [_built(doc, digest) for doc, digest, wanted in zip(extracted, digests, write) if wanted]


def _alone(doc: Document, digest: str) -> list[Extracted | Failed]:
    from kg.pipeline import extract_corpus
    try:
        return [_built(extract_corpus([doc])[0], digest)]
    # A bug in extraction, not a user's error; it is reported with its type for a bug report
    # and the other articles are still written.
    except Exception as error:  # noqa: BLE001
        return [Failed(_source(doc), f"extraction failed: {type(error).__name__}: {error}")]


def _built(doc: Document, digest: str) -> Extracted:
    """The article's triples as N-Triples (kg.rdf.build's fast path: no rdflib
    Graph), its entities' labels taken out for the writer to settle."""
    from kg.rdf.build import Lit, document_triples
    triples = document_triples(doc)
    article = str(iris.article_iri(doc.id))
    triples.add((article, _CONTENT_DIGEST, Lit(digest)))
    labels = []
    for entity in doc.entities:
        node = str(iris.entity_iri(entity.id, entity.type))
        label = next(iter(triples.objects(node, _RDFS_LABEL)), None)
        if label is None:
            continue
        english = [value for value in triples.objects(node, _PREF_LABEL)
                   if isinstance(value, Lit) and value.language == "en"]
        alternatives = tuple(sorted(_text(value) for value in triples.objects(node, _ALT_LABEL)))
        for predicate, values in ((_RDFS_LABEL, triples.objects(node, _RDFS_LABEL)),
                                  (_ALT_LABEL, triples.objects(node, _ALT_LABEL)), (_PREF_LABEL, english)):
            for value in values:
                triples.remove((node, predicate, value))
        labels.append(EntityLabels(node, _text(label), english[0].lexical if english else None, alternatives))
    return Extracted(_source(doc), article, digest, triples.ntriples(), tuple(labels))


def _text(term) -> str:
    """A term's text, as str() of the rdflib term would give it."""
    return term if isinstance(term, str) else term.lexical


def _source(doc: Document) -> str:
    return doc.source or f"article {doc.id}"


PARENT_CHECK = 0.5   # seconds between a worker's looks at whether its ingest still runs


def _quiet_worker() -> None:
    """Ctrl-C reaches every process of the terminal's group: the main process
    stops the workers itself, so they ignore it rather than print tracebacks.
    A main process killed outright (kill -9) stops no one: each worker watches
    for it and ends itself, rather than wait forever on a queue no one reads."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()


def _end_with_parent(parent: int) -> None:
    """End this worker once its parent process is gone (it is then another's child)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


# ---------------------------------------------------------------- writer side



def stored_labels(store: Store, entities: Iterable[str], excluded_graphs: Iterable[str]) -> dict[tuple[str, str], str]:
    """(entity, "ar" | "en") -> the label the store holds for it in graphs other
    than ``excluded_graphs`` (held ones about to be replaced): the least, should
    a store written otherwise hold several.  One query, on the union (the
    default graph of every store, kg.store): asked of each article graph, the
    answer grew with the number of articles naming an entity, and ingest time
    with the square of the corpus."""
    entities = sorted(set(entities))
    if not entities:
        return {}
    excluded = sorted(set(excluded_graphs))
    values = " ".join(f"<{iri}>" for iri in entities)
    elsewhere = (f"FILTER EXISTS {{ GRAPH ?g {{ ?e ?p ?l }} FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in excluded)})) }}"
                 if excluded else "")
    # One pattern a predicate, not VALUES ?p: Oxigraph answers this form four times faster.
    union = " UNION ".join(f"{{ ?e <{p}> ?l BIND(<{p}> AS ?p) }}" for p in (_RDFS_LABEL, _PREF_LABEL))
    sparql = f"SELECT DISTINCT ?e ?p ?l WHERE {{ VALUES ?e {{ {values} }} {union} {elsewhere} }}"
    held: dict[tuple[str, str], str] = {}
    for row in store.query(sparql):
        language = {_RDFS_LABEL: "ar", _PREF_LABEL: "en"}[str(row.p)]
        if getattr(row.l, "language", None) != language:
            continue
        key = (str(row.e), language)
        if key not in held or str(row.l) < held[key]:
            held[key] = str(row.l)
    return held


def settle_labels(articles: Sequence[Extracted], held: dict[tuple[str, str], str]) -> list[ArticleGraph]:
    """Each article's N-Triples with its entities' labels settled: the stored
    one, else the first this batch wrote, else its own."""
    chosen = dict(held)
    graphs = []
    for article in articles:
        lines = [article.body.rstrip("\n")]
        for entity in article.labels:
            label = chosen.setdefault((entity.entity, "ar"), entity.label)
            node = str(ox.NamedNode(entity.entity))
            lines.append(f"{node} <{_RDFS_LABEL}> {ox.Literal(label, language='ar')} .")
            for alternative in sorted((set(entity.alt_labels) | {entity.label}) - {label}):
                lines.append(f"{node} <{_ALT_LABEL}> {ox.Literal(alternative, language='ar')} .")
            english = chosen.setdefault((entity.entity, "en"), entity.label_en) if entity.label_en else \
                chosen.get((entity.entity, "en"))
            if english is not None:
                lines.append(f"{node} <{_PREF_LABEL}> {ox.Literal(english, language='en')} .")
        graphs.append(ArticleGraph(article.iri, article.digest, "\n".join(lines) + "\n"))
    return graphs


# ---------------------------------------------------------------- the run

def ingest(paths: Sequence[str | Path], store: Store, *, workers: int | None = None,
           batch_size: int = DEFAULT_BATCH_SIZE, published: date | None = None,
           on_problem: OnProblem | None = None, progress: Progress | None = None) -> IngestReport:
    """Extract the articles in ``paths`` (files or directories) and write each
    new or changed one to ``store`` (see the module docstring).  ``workers``:
    extraction processes (default: one a CPU; 1 extracts in this process);
    ``published`` overrides every article's date; ``on_problem`` hears every
    input warning and error (errors also go to the report's ``failed``);
    ``progress`` is called after each batch.  A KeyboardInterrupt stops the
    workers and propagates; every batch written so far stays."""
    if not paths:
        raise InputError("no article given")
    if batch_size < 1:
        raise InputError("the batch size must be at least 1", value=str(batch_size))
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    run = _Run(store, published, on_problem, progress)
    pool = _Pool(workers) if workers > 1 else None
    try:
        run.go(paths, batch_size, pool)
    finally:
        if pool is not None:
            pool.stop()
    return run.report()


class _Pool:
    """A process pool that can be stopped at once and made again after a worker died."""

    def __init__(self, workers: int):
        self.workers = workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # spawn, not fork: the main process holds the store's RocksDB threads
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_quiet_worker)

    def submit(self, batch: _Batch) -> Future:
        return self.executor.submit(extract_batch, batch.docs, batch.digests, batch.write)

    def renew(self) -> None:
        self.stop()
        self.executor = self._new()

    def stop(self) -> None:
        """Cancel what has not started and end the workers now (a batch being
        extracted is thrown away; it was not written)."""
        executor = self.executor
        # ProcessPoolExecutor (before 3.14) has no terminate: its processes and manager
        # thread are private, and shutdown() forgets them, so they are taken first
        processes = list((getattr(executor, "_processes", None) or {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)
        calls = getattr(executor, "_call_queue", None)
        results = getattr(executor, "_result_queue", None)
        if calls is not None:
            # a batch still being fed to a worker about to be terminated would block the
            # queue's feeder on a pipe no one reads, and the pool's shutdown on that feeder
            calls.cancel_join_thread()
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)
        if results is not None:
            # a worker terminated while sending its results leaves half a message in the
            # results pipe, and the manager thread reading it waits for the rest for ever;
            # the exit hook of concurrent.futures then joins that thread without a timeout
            # and the process never ends (seen after Ctrl-C on loaded hosts). With the
            # workers gone, this process holds the pipe's only writing end: closing it ends
            # the read, which the manager takes for a broken pool, and it returns.
            results._writer.close()
        if manager is not None:
            # the manager thread, seeing its workers gone, closes its wake-up pipe; waiting
            # for it keeps the exit hook of concurrent.futures from writing to the pipe as it
            # closes ("OSError: Bad file descriptor" at exit, CPython 3.11)
            manager.join(timeout=5)


class _Run:
    def __init__(self, store: Store, published: date | None, on_problem: OnProblem | None,
                 progress: Progress | None):
        self.store = store
        self.published = published
        self.on_problem = on_problem
        self.progress = progress
        self.version = tool_version()
        self.started = time.perf_counter()
        self.held = store.digests()
        self.seen: set[str] = set()
        self.sources: set[str] = set()
        self.failed: list[tuple[str, str]] = []
        self.written = self.skipped = self.triples = self.done = self.removed = 0

    def report(self) -> IngestReport:
        return IngestReport(len(self.seen), self.written, self.skipped, list(self.failed), self.triples,
                            time.perf_counter() - self.started, self.removed)

    # reading

    def problem(self, issue: InputError | InputWarning) -> None:
        if isinstance(issue, InputError):
            what = issue.what if issue.value is None else f"{issue.what}, {issue.value!r}"
            self.failed.append((issue.where or "", what))
        if self.on_problem is not None:
            self.on_problem(issue)
        elif isinstance(issue, InputWarning):
            warnings.warn(issue, stacklevel=2)

    def articles(self, paths: Sequence[str | Path]) -> Iterator[Document]:
        """Each article once (by IRI), sources as absolute paths (a store
        outlives the directory a run started in); an unreadable file is a
        failure, not the end of the run."""
        for path in paths:
            path = Path(os.path.abspath(path))
            try:
                for doc in read_path(path, self.problem):
                    if self.published:
                        doc = _with_date(doc, self.published)
                    if doc.source:
                        self.sources.add(doc.source)
                    iri = str(iris.article_iri(doc.id))
                    if iri not in self.seen:
                        self.seen.add(iri)
                        yield doc
            except InputError as error:
                self.problem(error)

    def batches(self, paths: Sequence[str | Path], size: int) -> Iterator[_Batch]:
        batch = _Batch([], [], [])
        for doc in self.articles(paths):
            digest = article_digest(doc, self.version)
            batch.docs.append(doc)
            batch.digests.append(digest)
            batch.write.append(self.held.get(str(iris.article_iri(doc.id))) != digest)
            if len(batch.docs) == size:
                yield batch
                batch = _Batch([], [], [])
        if batch.docs:
            yield batch

    # extracting and writing

    def go(self, paths: Sequence[str | Path], size: int, pool: _Pool | None) -> None:
        window: deque[tuple[_Batch, Future | None]] = deque()
        depth = 2 * pool.workers if pool else 1
        for batch in self.batches(paths, size):
            if not any(batch.write):
                window.append((batch, None))
            elif pool is None:
                batch.results = extract_batch(batch.docs, batch.digests, batch.write)
                window.append((batch, None))
            else:
                window.append((batch, pool.submit(batch)))
            while len(window) > depth or (window and window[0][1] is None):
                self.finish(window, pool)
        while window:
            self.finish(window, pool)
        self.remove_replaced()

    def finish(self, window: deque[tuple[_Batch, Future | None]], pool: _Pool | None) -> None:
        batch, future = window.popleft()
        if future is not None:
            try:
                batch.results = future.result()
            except BrokenProcessPool:
                self.after_crash(batch, window, pool)
            except Exception as error:  # noqa: BLE001 - raised by the worker's extraction: see extract_batch
                batch.results = [Failed(_source(doc), f"extraction failed: {type(error).__name__}: {error}")
                                 for doc, wanted in zip(batch.docs, batch.write) if wanted]
        self.write(batch)

    def after_crash(self, batch: _Batch, window: deque, pool: _Pool) -> None:
        """A worker died (killed, out of memory, a crash in native code): every
        batch in flight was lost.  This batch is extracted again article by
        article, each in a fresh pool if need be, then the others resubmitted."""
        pool.renew()
        for doc, digest, wanted in zip(batch.docs, batch.digests, batch.write):
            if not wanted:
                continue
            single = _Batch([doc], [digest], [True])
            try:
                batch.results.extend(pool.submit(single).result())
            except BrokenProcessPool:
                pool.renew()
                batch.results.append(Failed(_source(doc), "extraction failed: the worker process died"))
            except Exception as error:  # noqa: BLE001 - see extract_batch
                batch.results.append(Failed(_source(doc), f"extraction failed: {type(error).__name__}: {error}"))
        for index, (other, future) in enumerate(window):
            if future is not None:
                window[index] = (other, pool.submit(other))

    def write(self, batch: _Batch) -> None:
        articles = [result for result in batch.results if isinstance(result, Extracted)]
        for result in batch.results:
            if isinstance(result, Failed):
                self.failed.append((result.source, result.message))
        if articles:
            held = stored_labels(self.store, (e.entity for a in articles for e in a.labels),
                                 (a.iri for a in articles if a.iri in self.held))
            self.triples += self.store.replace(settle_labels(articles, held))
            for article in articles:
                self.held[article.iri] = article.digest
        self.written += len(articles)
        self.skipped += sum(1 for wanted in batch.write if not wanted)
        self.done += len(batch.docs)
        if self.progress is not None:
            self.progress(self.done, None, self.triples)

    def remove_replaced(self) -> None:
        """Drop the graphs of held articles whose source was read in this run
        but gave another article (its text changed)."""
        if not self.sources:
            return
        stale = [iri for iri, source in self.held_sources().items()
                 if source in self.sources and iri not in self.seen]
        if stale:
            self.store.remove(stale)
            self.removed = len(stale)

    def held_sources(self) -> dict[str, str]:
        sparql = f"SELECT ?g ?s WHERE {{ GRAPH ?g {{ ?g <{HD.sourceFile}> ?s }} }}"
        return {str(row.g): str(row.s) for row in self.store.query(sparql)}


def _with_date(doc: Document, published: date) -> Document:
    from dataclasses import replace
    return replace(doc, published=published)

