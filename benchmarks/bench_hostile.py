"""Time and peak memory of `kg build` on large and hostile inputs.

    python benchmarks/bench_hostile.py            # 100 KB and 1 MB articles, deep HTML, 1,000 files
    python benchmarks/bench_hostile.py --10mb     # and 3 MB and 10 MB articles (minutes)

Each input is made in a temporary directory and built by a fresh
``python -m kg.cli build`` process, which reports its own peak resident memory;
times are wall clock, one run each.  Speed is reported, never asserted.

Measured on this project's 2-core x86_64 machine (CPython 3.11), November 2026,
one run each (times include starting Python, about 0.5 s); "before" is the
code before the fixes of that month:

    input                                   now                 before
    100 KB article (18k triples)            1.5 s, 83 MB        2.7 s
    1 MB article (178k triples)             8.7 s, 340 MB       47 s
    3 MB article                            40 s, 900 MB
    10 MB article (1.8M triples)            4 min 55 s, 2.9 GB  more than 15 min
    HTML nested 10,000 deep (130 KB)        0.6 s, 57 MB        15 s, 800 MB
    HTML nested 100,000 deep (1.3 MB)       1.4 s, 100 MB       hours
    HTML, markup never ending               0.5 s, 58 MB        20 s
    1,000 one-sentence files                1.7 s, 96 MB

The table predates two changes: the posts held in an article are now indexed
by title and by organisation (kg.link.resolve.HeldPosts; measured on a copy
before it landed, 3 MB took 28 s and 10 MB 3 min 21 s with it), and
extraction got faster (a 1 MB article now extracts in about 2 s of CPU).
Memory is rdflib's in-memory graph, about 1.6 KB a triple.

The articles are the ones tests/test_hostile.py builds (its long_article).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_hostile import HEADLINE, SENTENCES, long_article  # noqa: E402
# Run kg in this process and report its peak memory: ru_maxrss of the process itself.
RUNNER = ("import resource, runpy, sys\n"
          "sys.argv = ['kg', *sys.argv[1:]]\n"
          "try:\n    runpy.run_module('kg.cli', run_name='__main__')\n"
          "except SystemExit as exit:\n    code = exit.code\n"
          "print('peak-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")


def nested_html(depth: int) -> str:
    return (f"<html><body><h1>{HEADLINE}</h1>" + "<div>" * depth + f"<p>{SENTENCES[0]}</p>" + "</div>" * depth
            + "</body></html>")


def build(source: Path, work: Path) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUNNER, "build", str(source), "-o", str(work / "graph.nt")],
                          capture_output=True, text=True, cwd=work, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - started
    peak = next((int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("peak-kb")), 0)
    summary = next((line for line in done.stderr.splitlines() if line.startswith("kg: ")), done.stderr[-200:])
    return elapsed, peak, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--10mb", dest="ten", action="store_true", help="also build 3 MB and 10 MB articles")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        inputs: list[tuple[str, Path]] = []
        for label, size in [("100 KB article", 100 * 1024), ("1 MB article", 1024 * 1024)] + \
                [("3 MB article", 3 * 1024 * 1024), ("10 MB article", 10 * 1024 * 1024)] * options.ten:
            path = work / f"{size}.txt"
            path.write_text(long_article(size), encoding="utf-8")
            inputs.append((label, path))
        for depth in (10_000, 100_000):
            path = work / f"nested-{depth}.html"
            path.write_text(nested_html(depth), encoding="utf-8")
            inputs.append((f"HTML nested {depth:,} deep", path))
        unending = work / "unending.html"
        unending.write_text(nested_html(1) + "</" * 100_000 + "<?" * 30_000 + "<!--" * 30_000, encoding="utf-8")
        inputs.append(("HTML, markup never ending", unending))
        corpus = work / "corpus"
        corpus.mkdir()
        for number in range(1000):
            (corpus / f"{number:04d}.txt").write_text(f"خبر رقم {number}\n\n{SENTENCES[number % 5]}\n",
                                                      encoding="utf-8")
        inputs.append(("1,000 one-sentence files", corpus))
        print(f"{'input':<28} {'seconds':>8} {'peak MB':>8}  kg said")
        for label, path in inputs:
            elapsed, peak, summary = build(path, work)
            print(f"{label:<28} {elapsed:>8.1f} {peak / 1024:>8.0f}  {summary}", flush=True)


if __name__ == "__main__":
    main()
