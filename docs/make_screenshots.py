"""Regenerate the README's screenshots (docs/img/*.png) in headless Chromium.

    python docs/make_screenshots.py

Draws the bundled example (examples/rabat-meeting.ttl) and synthetic graphs
(tests/viz/synthetic.py), opens each page as the browser suite does, and
saves what a reader sees: the example with a tooltip, a search in a
300-node graph, and the timeline with an event's sources open.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402

from kg.viz import render_html, render_timeline, timeline_model, view_model  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, _chromium  # noqa: E402
from tests.viz.synthetic import synthetic_graph  # noqa: E402

OUT = ROOT / "docs" / "img"
VIEWPORT = {"width": 1100, "height": 640}


def node_point(page, node_id: str) -> tuple[float, float]:
    return page.evaluate("""(id) => {
        const view = window.kgView, box = document.querySelector('#kg-network canvas').getBoundingClientRect();
        const at = view.network.canvasToDOM(view.network.getPositions([id])[id]);
        return [box.left + at.x, box.top + at.y];
    }""", node_id)


def open_page(browser, html: str, folder: Path, name: str):
    path = folder / name
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport=VIEWPORT)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=120_000)
    return page


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    example = Graph().parse(ROOT / "examples" / "rabat-meeting.ttl")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)

        model = view_model(example)
        page = open_page(browser, render_html(model, title="kg view: rabat-meeting"), Path(folder), "view.html")
        person = next(node for node, label in model.nodes(data="label") if label == "سليم حداد")
        x, y = node_point(page, person)
        page.mouse.move(x - 20, y - 20)
        page.mouse.move(x, y, steps=3)
        page.locator("div.vis-tooltip").wait_for(state="visible")
        page.screenshot(path=OUT / "graph-view.png")

        page = open_page(browser, render_html(view_model(synthetic_graph(300, seed=3)), title="kg view: 300 nodes"),
                         Path(folder), "search.html")
        page.locator("#kg-search").fill("الحموشي")
        page.locator("#kg-search").press("Enter")
        page.locator("input.kg-kind[value=Post]").uncheck()
        page.wait_for_timeout(200)
        page.screenshot(path=OUT / "graph-search.png")

        data = timeline_model(synthetic_graph(120, seed=5))
        page = open_page(browser, render_timeline(data, title="kg timeline"), Path(folder), "timeline.html")
        page.locator("#kg-zoom").fill("52")
        scheduled = next(event for event in data["events"] if event["scheduled"] and event["span"])
        page.locator(f'.kg-event[data-event="{scheduled["id"]}"]').first.click()
        page.screenshot(path=OUT / "timeline.png")
        browser.close()
    for path in sorted(OUT.glob("*.png")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
