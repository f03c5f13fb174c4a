"""Extraction cost in instructions, as a ratio to a tokenise-only pass counted
the same way: a measure that a busy machine does not disturb.

    python benchmarks/bench_instructions.py [ARTICLES_DIR] [--repeat N]

Times taken on a shared machine wander by a fifth from run to run, more than
most changes to the finders are worth.  Instructions executed do not: this
script runs two child processes under valgrind's callgrind (Debian's
``valgrind`` package), one tokenising the articles and one extracting them,
each with the instrumentation off while it loads the articles and the
lexicons and warms its caches on one pass, then on for N more passes, and
prints the instructions per article of each and their ratio.  A change that
halves the instructions of a loop shows as such, whatever else the machine
is doing.  Instructions are not time (a cache miss costs no instruction), so
bench_extract.py stays the measure of speed; this one says whether a change
to the code made it do less.  The two children run in parallel (two cores).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"
ROOT = Path(__file__).resolve().parents[1]

# What each child runs: load and warm up uninstrumented, then ask callgrind
# (through callgrind_control, on its own process) to instrument the passes.
_CHILD = """
import os, subprocess, sys
from pathlib import Path
from kg.pipeline import extract, segment_stage
from kg.reader import read_path
run = {"tokenise": segment_stage, "extract": extract}[sys.argv[1]]
docs = [doc for path in sorted(Path(sys.argv[2]).glob("*.txt")) for doc in read_path(path)]
for doc in docs:
    run(doc)
subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], stdout=subprocess.DEVNULL, check=True)
for _ in range(int(sys.argv[3])):
    for doc in docs:
        run(doc)
print(len(docs))
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("bench: needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        children = {name: _start(name, args.corpus, args.repeat, Path(work)) for name in ("tokenise", "extract")}
        counts = {name: _collected(name, child) for name, child in children.items()}
    if None in counts.values():
        return 1
    baseline = counts["tokenise"]
    print(f"{counts['extract'][1]} articles, {args.repeat} pass(es) each, instructions counted by callgrind; "
          f"{_measured()}")
    print(f"{'pass':10} {'kinstr/article':>15} {'x tokenise':>11}")
    for name, (instructions, articles) in counts.items():
        per_article = instructions / (articles * args.repeat)
        print(f"{name:10} {per_article / 1000:15.0f} {instructions / baseline[0]:11.1f}")
    return 0


def _kg_home() -> Path:
    """Where the kg measured lives: the one this interpreter imports (an installed
    package, compiled or not), else this checkout's source."""
    spec = importlib.util.find_spec("kg")
    return Path(spec.origin).parents[1] if spec is not None and spec.origin else ROOT


def _measured() -> str:
    home = _kg_home()
    sys.path.insert(0, str(home))
    from kg.native import compiled
    return f"kg {'compiled (mypyc)' if compiled() else 'as plain Python'} from {home}"


def _start(name: str, corpus: Path, repeat: int, work: Path) -> subprocess.Popen[str]:
    # the interpreter itself, not a launcher script (pyenv's shims are shell scripts)
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(_kg_home())}
    return subprocess.Popen(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={work / name}.out",
         sys.executable, "-P", "-c", _CHILD, name, str(corpus), str(repeat)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _collected(name: str, child: subprocess.Popen[str]) -> tuple[int, int] | None:
    out, err = child.communicate()
    found = _COLLECTED.search(err)
    if child.returncode != 0 or found is None or not out.strip().isdigit():
        # the child's own last words, not valgrind's summary lines ("==pid== ...")
        said = [line for line in err.splitlines() if line.strip() and not line.startswith("==")]
        print(f"bench: the {name} pass failed under valgrind: {said[-1] if said else out.strip()}", file=sys.stderr)
        return None
    return int(found.group(1)), int(out.strip())


if __name__ == "__main__":
    sys.exit(main())
