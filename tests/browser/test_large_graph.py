"""A 5,000-node view opens and stays usable.  Times are reported at the end of
the run (and by benchmarks/bench_view.py as a ratio), never asserted."""

from __future__ import annotations

import time

import pytest

from kg.viz import render_html, view_model
from kg.viz.select import MAX_NODES

from ..viz.synthetic import synthetic_graph
from .test_graph_page import hover


@pytest.fixture(scope="module")
def large_page(tmp_path_factory):
    started = time.perf_counter()
    # the view adds a node per day events are on: ask for fewer so the page has the most allowed
    days = sum(1 for _, group in view_model(synthetic_graph(MAX_NODES)).nodes(data="group") if group == "date")
    model = view_model(synthetic_graph(MAX_NODES - days))
    path = tmp_path_factory.mktemp("large") / "graph.html"
    path.write_text(render_html(model, title="5000"), encoding="utf-8")
    return path, model, time.perf_counter() - started


def test_browser_large_graph_opens_and_answers(open_page, large_page, timings):
    path, model, build_seconds = large_page
    assert MAX_NODES * 0.97 <= model.number_of_nodes() <= MAX_NODES
    opened = open_page(path)
    assert opened.evaluate("window.kgView.nodes.length") == model.number_of_nodes()
    assert opened.evaluate("window.kgView.shown") == model.number_of_nodes()
    first_draw = opened.evaluate("window.kgView.timings.firstDraw") / 1000

    started = time.perf_counter()
    opened.page.locator("#kg-search").fill("الحموشي")
    opened.page.locator("#kg-search").press("Enter")
    selected = opened.evaluate("window.kgView.network.getSelectedNodes()")
    opened.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    search_seconds = time.perf_counter() - started
    assert len(selected) == 1

    started = time.perf_counter()
    text = hover(opened, selected[0])
    hover_seconds = time.perf_counter() - started
    assert "الحموشي" in text

    timings.extend([
        (f"{MAX_NODES}-node graph: model, layout and page in Python", build_seconds),
        (f"{MAX_NODES}-node page: navigation to first drawing (performance.now)", first_draw),
        (f"{MAX_NODES}-node page: open until ready, as Playwright saw it", opened.seconds_to_ready),
        (f"{MAX_NODES}-node page: search, select, focus and redraw", search_seconds),
        (f"{MAX_NODES}-node page: hover until the tooltip shows", hover_seconds),
    ])
    opened.assert_quiet()
