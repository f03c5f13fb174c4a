"""Build speed: extraction, the RDF of each article and ingest, as ratios to a
tokenise-only pass measured in the same run.

    python benchmarks/bench_build.py [ARTICLES_DIR] [--repeat N] [--ingest-repeat M]

Reads every article of ARTICLES_DIR (default ../shared/corpus/articles; without
it, examples/rabat-meeting.txt 50 times, each with another session number so
each is its own article), then times, on one core, medians of N runs of:
  tokenise   - segmentation only: the baseline
  extract    - the whole pipeline, text to the document model
  graph      - the rdflib Graph of each extracted article (document_graph)
  ntriples   - the N-Triples of each extracted article, no Graph (document_ntriples)
  romanise   - the Latin labels alone, every name new (the cache emptied each run)
  build      - extract + ntriples, every name new: a fresh process's first pass
  build warm - extract + ntriples, names already romanised: a long run's steady state
and, medians of M runs, ingest into a fresh LocalStore in this process (one
worker): articles and triples per second.  CPU time of this process
(steadier than wall time on a shared machine; RocksDB's own threads count).
Speed is reported, never asserted: machines differ, ratios travel better.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.link.romanize import latin_label, package_transliterator
from kg.model import EntityType
from kg.pipeline import extract, segment_stage
from kg.rdf.build import document_graph, document_ntriples
from kg.reader import make_document, read_path
from kg.store.ingest import ingest
from kg.store.local import LocalStore

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
EXAMPLE = ROOT / "examples" / "rabat-meeting.txt"


def corpus_parser(description: str, repeat: int) -> argparse.ArgumentParser:
    """The arguments the corpus benchmarks share: the articles' folder and the passes per timing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=repeat)
    return parser


def articles(corpus: Path) -> tuple[list, str]:
    if corpus.is_dir():
        return [doc for path in sorted(corpus.glob("*.txt")) for doc in read_path(path)], str(corpus)
    title, _, body = EXAMPLE.read_text(encoding="utf-8").partition("\n")
    docs = [make_document(body.replace("الـ41", f"الـ{n + 1}"), title) for n in range(50)]
    return docs, f"{EXAMPLE.name} x50"


def print_rows(rows: list[tuple[str, float]], baseline: float, width: int = 12) -> None:
    """The table of passes: seconds per article, as ms, articles/s and a ratio to the baseline."""
    print(f"{'pass':<{width}}{'ms/article':>12}{'articles/s':>12}{'x tokenise':>12}")
    for name, seconds in rows:
        print(f"{name:<{width}}{seconds * 1000:>12.2f}{1 / seconds:>12.0f}{seconds / baseline:>12.1f}")


def timed(function, items, repeat: int, before=None) -> float:
    """Median CPU seconds per item over ``repeat`` passes; ``before`` runs untimed before each."""
    return statistics.median(passes_of(function, items, repeat, before))


def passes_of(function, items, repeat: int, before=None) -> list[float]:
    """CPU seconds per item of each of ``repeat`` passes over ``items``; ``before`` runs untimed before each."""
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.process_time()
        for item in items:
            function(item)
        runs.append((time.process_time() - start) / len(items))
    return runs


def romanise(doc) -> None:
    """What the builder asks kg.link.romanize for, one article."""
    for entity in doc.entities:
        latin_label(entity.label, entity.type is EntityType.PERSON and not entity.role_only)
        for post in entity.posts:
            latin_label(post.title, False)


def timed_ingest(folder: Path, repeat: int) -> tuple[float, int, int]:
    """Median CPU seconds of an ingest of ``folder`` into a new store, articles, triples."""
    runs, report = [], None
    for _ in range(repeat):
        latin_label.cache_clear()
        with tempfile.TemporaryDirectory() as scratch, LocalStore(Path(scratch) / "store", create=True) as store:
            start = time.process_time()
            report = ingest([folder], store, workers=1)
            runs.append(time.process_time() - start)
    return statistics.median(runs), report.written, report.triples_written


def main() -> int:
    parser = corpus_parser(__doc__.splitlines()[0], repeat=5)
    parser.add_argument("--ingest-repeat", type=int, default=3)
    args = parser.parse_args()
    docs, where = articles(args.corpus)
    extract(docs[0])  # lexicons loaded once, outside the timings
    package_transliterator()  # so is the name model (about 0.1 s)
    extracted = [extract(doc) for doc in docs]
    document_ntriples(extracted[0])
    triples = sum(document_ntriples(doc).count("\n") for doc in extracted)

    baseline = timed(segment_stage, docs, args.repeat)
    rows = [("tokenise", baseline),
            ("extract", timed(extract, docs, args.repeat)),
            ("graph", timed(document_graph, extracted, args.repeat)),
            ("ntriples", timed(document_ntriples, extracted, args.repeat)),
            ("romanise", timed(romanise, extracted, args.repeat, latin_label.cache_clear)),
            ("build", timed(lambda d: document_ntriples(extract(d)), docs, args.repeat, latin_label.cache_clear)),
            ("build warm", timed(lambda d: document_ntriples(extract(d)), docs, args.repeat))]
    print(f"{len(docs)} articles ({where}), {triples / len(docs):.0f} triples each, median of {args.repeat} runs, "
          f"one core, CPU time; {platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
    print_rows(rows, baseline)

    if args.corpus.is_dir():
        seconds, written, stored = timed_ingest(args.corpus, args.ingest_repeat)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            for number, doc in enumerate(docs):
                (folder / f"{number:05d}.txt").write_text(doc.text, encoding="utf-8")
            seconds, written, stored = timed_ingest(folder, args.ingest_repeat)
    print(f"{'ingest':<12}{seconds / written * 1000:>12.2f}{written / seconds:>12.0f}"
          f"{seconds / written / baseline:>12.1f}   {stored / seconds:,.0f} triples/s "
          f"({written} articles, {stored} triples, median of {args.ingest_repeat}, one worker, names new)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
