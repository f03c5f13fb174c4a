"""Ingest speed into a local store, as ratios to pyoxigraph's bulk loader
measured in the same run.

    python benchmarks/bench_ingest.py [--copies N] [--batch-size B] [--workers W]

Makes N copies of examples/rabat-meeting.txt, each with a different session
number (so a different text and article IRI), then times, wall clock:
  bulk_load - pyoxigraph Store.bulk_load of all the articles' N-Quads into a
              fresh store in one call: the baseline, the fastest way in and
              not transactional
  bulk_load with the union - the same, each triple also in the default
              graph, as the local store keeps it: what the writer has to write
  extract   - reading, extraction and N-Triples in this one process, no store
  replace   - LocalStore.replace of the same graphs in batches of B (the ingest
              writer without extraction): new articles, through the bulk
              loader behind a marker; then all of them again, held, each
              batch one transaction writing what changed: first with a new
              digest (one triple changed, as after a new tool version), then
              with every triple changed (each graph given another's triples)
  ingest    - kg.store.ingest end to end: reading, extraction in W worker
              processes, labels settled against the store, writing
and prints triples per second and each ratio to the baseline.  Speed is
reported, never asserted: machines differ, ratios travel better.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.store import ArticleGraph
from kg.store.ingest import article_digest, extract_batch, ingest, settle_labels
from kg.store.local import LocalStore
from kg.reader import read_path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "rabat-meeting.txt"


def make_corpus(folder: Path, copies: int) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for number in range(copies):
        (folder / f"{number:05d}.txt").write_text(text.replace("الـ41", f"الـ{number + 1}"), encoding="utf-8")


def article_graphs(folder: Path, batch_size: int) -> list[ArticleGraph]:
    docs = list(read_path(folder))
    graphs: list[ArticleGraph] = []
    for start in range(0, len(docs), batch_size):
        batch = docs[start:start + batch_size]
        extracted = extract_batch(batch, [article_digest(doc) for doc in batch], [True] * len(batch))
        graphs.extend(settle_labels(extracted, {}))
    return graphs


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        corpus = scratch / "corpus"
        corpus.mkdir()
        make_corpus(corpus, options.copies)
        started = time.perf_counter()
        graphs = article_graphs(corpus, options.batch_size)
        extract = time.perf_counter() - started
        triples = sum(graph.ntriples.count("\n") for graph in graphs)
        nquads = "".join(graph.ntriples.replace(" .\n", f" <{graph.iri}> .\n") for graph in graphs).encode()
        union = "".join(graph.ntriples for graph in graphs).encode()

        bulk = timed(lambda: ox.Store(str(scratch / "bulk")).bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS))
        bulk_union = timed(lambda: ox.Store(str(scratch / "bulk-union")).bulk_load(
            input=union + nquads, format=ox.RdfFormat.N_QUADS))

        with LocalStore(scratch / "replace", create=True) as store:
            def replace_all() -> None:
                for start in range(0, len(graphs), options.batch_size):
                    store.replace(graphs[start:start + options.batch_size])
            replace = timed(replace_all)
            # every article held, with a new digest (a new tool version): one triple changed
            graphs = [ArticleGraph(graph.iri, "f" * 64, graph.ntriples.replace(graph.digest, "f" * 64))
                      for graph in graphs]
            again = timed(replace_all)
            # every article held, every triple changed: each graph gets the next one's triples
            graphs = [ArticleGraph(graph.iri, "e" * 64, other.ntriples.replace(other.digest, "e" * 64))
                      for graph, other in zip(graphs, graphs[1:] + graphs[:1])]
            changed = timed(replace_all)

        with LocalStore(scratch / "ingest", create=True) as store:
            report = ingest([corpus], store, workers=options.workers, batch_size=options.batch_size)
            rerun = ingest([corpus], store, workers=options.workers, batch_size=options.batch_size)

    print(f"python {platform.python_version()}, pyoxigraph {ox.__version__}, {os.cpu_count()} CPUs, "
          f"{options.copies} articles, {triples} triples, batches of {options.batch_size}, "
          f"{options.workers} workers")
    rows = [("bulk_load (baseline)", bulk), ("bulk_load with the union", bulk_union),
            ("extract, one process", extract), ("replace, new articles", replace),
            ("replace, held, new digest", again), ("replace, held, all changed", changed),
            ("ingest, end to end", report.seconds)]
    for name, seconds in rows:
        print(f"{name:<26} {seconds:7.2f} s  {triples / seconds:>10,.0f} triples/s  {bulk / seconds:5.2f} x baseline")
    print(f"{'ingest, second run':<26} {rerun.seconds:7.2f} s  (writes {rerun.written}, skips {rerun.skipped_unchanged})")


if __name__ == "__main__":
    sys.exit(main())
