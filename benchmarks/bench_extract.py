"""Extraction speed, as a ratio to a tokenise-only pass measured in the same run.

    python benchmarks/bench_extract.py [ARTICLES_DIR] [--repeat N]

Reads every article once, then times, on one core, medians of N runs of:
  tokenise  - segmentation only (normalisation, sentences, tokens): the baseline
  extract   - the whole pipeline, text to the document model
  build     - extract plus the RDF graph of each article
and prints CPU ms per article (process time: steadier than wall time on a
shared machine), articles per second and each ratio to the baseline; then the
best pass of each (other work on the machine only ever adds time, so the best
pass is the nearest to the code's own cost), the interpreter it ran on (an
optimised build, such as Debian's python3, runs the same code faster than an
unoptimised one built from source) and whether kg ran compiled: it measures the
kg the interpreter imports, compiled by mypyc when installed with `pip install .`
(setup.py), plain Python when installed editable or taken from the checkout.
Speed is reported, never asserted: machines differ, ratios travel better.
"""

from __future__ import annotations

import platform
import statistics
import sys

from kg.native import compiled
from kg.pipeline import extract, segment_stage
from kg.rdf.build import document_graph
from kg.reader import read_path

from bench_build import corpus_parser, passes_of, print_rows  # the same timing and table (its script folder is on the path)


def main() -> int:
    args = corpus_parser(__doc__.splitlines()[0], repeat=5).parse_args()
    if not args.corpus.is_dir():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = [doc for path in sorted(args.corpus.glob("*.txt")) for doc in read_path(path)]
    extract(docs[0])  # load lexicons once, outside the timings
    passes = [("tokenise", segment_stage), ("extract", extract), ("build", lambda d: document_graph(extract(d)))]
    runs = {name: passes_of(function, docs, args.repeat) for name, function in passes}
    print(f"{len(docs)} articles, {args.repeat} runs each, one core; {interpreter()}")
    print("median of the runs:")
    print_rows([(name, statistics.median(times)) for name, times in runs.items()],
               statistics.median(runs["tokenise"]), width=10)
    print("best run:")
    print_rows([(name, min(times)) for name, times in runs.items()], min(runs["tokenise"]), width=10)
    return 0


def interpreter() -> str:
    """The Python that ran and the kg it ran: the same code runs faster on an
    optimised build (Debian's python3) than on one built from source without
    optimisation, and faster compiled by mypyc (an installed package, setup.py)
    than read from source (an editable install, or the checkout on PYTHONPATH)."""
    kind = "compiled (mypyc)" if compiled() else "as plain Python"
    return (f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()} "
            f"({sys.executable}); kg {kind}")

if __name__ == "__main__":
    sys.exit(main())
