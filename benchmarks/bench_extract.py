"""Extraction speed, as a ratio to a tokenise-only pass measured in the same run.

    python benchmarks/bench_extract.py [ARTICLES_DIR] [--repeat N]

Reads every article once, then times, on one core, medians of N runs of:
  tokenise  - segmentation only (normalisation, sentences, tokens): the baseline
  extract   - the whole pipeline, text to the document model
  build     - extract plus the RDF graph of each article
and prints CPU ms per article (process time: steadier than wall time on a
shared machine), articles per second and each ratio to the baseline.
Speed is reported, never asserted: machines differ, ratios travel better.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

from kg.pipeline import extract, segment_stage
from kg.rdf.build import document_graph
from kg.reader import read_path

from bench_build import print_rows, timed  # the same timing loop (its script folder is on the path)

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = [doc for path in sorted(args.corpus.glob("*.txt")) for doc in read_path(path)]
    extract(docs[0])  # load lexicons once, outside the timings
    baseline = timed(segment_stage, docs, args.repeat)
    rows = [("tokenise", baseline), ("extract", timed(extract, docs, args.repeat)),
            ("build", timed(lambda d: document_graph(extract(d)), docs, args.repeat))]
    print(f"{len(docs)} articles, median of {args.repeat} runs, one core; "
          f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
    print_rows(rows, baseline, width=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
