"""Graph view speed in Chromium, as a ratio to a small page measured in the same run.

    python benchmarks/bench_view.py [--nodes 5000] [--baseline 50] [--repeat 3]

Builds two synthetic graphs (tests/viz/synthetic.py: no ../shared needed),
writes their pages, and opens each in headless Chromium (Debian's, through
Playwright's Python library) ``--repeat`` times in a fresh browser context:
  baseline  - a page of --baseline nodes: loading vis-network and the page's
              own script dominate
  large     - a page of --nodes nodes
For each it prints the medians of: navigation to the first drawing
(performance.now() when vis-network first draws), open until ready as the
driver sees it, and a search with select-and-focus; the large page's times
are also given as ratios to the baseline's.  It prints the Python side too:
the view model, the layout and the page, and their sizes.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.viz import render_html, view_model  # noqa: E402
from kg.viz.layout import layout_positions  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, VIEWPORT, _chromium  # noqa: E402
from tests.viz.synthetic import synthetic_graph  # noqa: E402


def build(nodes: int, folder: Path) -> tuple[Path, dict[str, float]]:
    """The page of a synthetic graph of ``nodes`` nodes, and what each step took."""
    steps = {}
    start = time.perf_counter()
    graph = synthetic_graph(nodes)
    steps["synthetic graph"] = time.perf_counter() - start
    start = time.perf_counter()
    model = view_model(graph)
    steps["view model"] = time.perf_counter() - start
    start = time.perf_counter()
    positions = layout_positions(model)
    steps["layout"] = time.perf_counter() - start
    start = time.perf_counter()
    page = render_html(model, title=f"{nodes} nodes", positions=positions)
    steps["page"] = time.perf_counter() - start
    path = folder / f"graph-{nodes}.html"
    path.write_text(page, encoding="utf-8")
    steps["page MB"] = path.stat().st_size / 1e6
    return path, steps


def open_times(browser, path: Path, repeat: int) -> dict[str, float]:
    """Medians over ``repeat`` fresh contexts: first drawing, ready, search."""
    runs: dict[str, list[float]] = {"first drawing": [], "ready": [], "search": []}
    for _ in range(repeat):
        context = browser.new_context(viewport=VIEWPORT)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        page = context.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=300_000)
        runs["ready"].append(time.perf_counter() - start)
        runs["first drawing"].append(page.evaluate("window.kgView.timings.firstDraw") / 1000)
        start = time.perf_counter()
        page.locator("#kg-search").fill("الحموشي")
        page.locator("#kg-search").press("Enter")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        runs["search"].append(time.perf_counter() - start)
        context.close()
    return {name: statistics.median(values) for name, values in runs.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--baseline", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    chromium = _chromium()
    if chromium is None:
        print("bench_view: Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        pages = {name: build(nodes, Path(folder)) for name, nodes in
                 (("baseline", arguments.baseline), ("large", arguments.nodes))}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
            version = browser.version
            times = {name: open_times(browser, path, arguments.repeat) for name, (path, _) in pages.items()}
            browser.close()

    print(f"# graph view, {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, Chromium {version}, medians of {arguments.repeat}")
    for name, (_, steps) in pages.items():
        nodes = arguments.baseline if name == "baseline" else arguments.nodes
        print(f"{name:<9} {nodes:>6} nodes  python: " +
              ", ".join(f"{step} {value:.2f}{'' if step.endswith('MB') else ' s'}" for step, value in steps.items()))
    for measure in ("first drawing", "ready", "search"):
        small, large = times["baseline"][measure], times["large"][measure]
        print(f"{measure:<14} baseline {small:6.2f} s   large {large:6.2f} s   ratio {large / small:5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
