"""The graph view in Chromium: drawn, searchable, filterable, hoverable, offline."""

from __future__ import annotations

import pytest

from kg.viz import render_html, view_model

from ..viz.conftest import ID, build_meeting_graph
from ..viz.synthetic import synthetic_graph

HOST = str(ID["person/salem-harthi"])
HAMMOUCHI = "عبد اللطيف الحموشي"


def write_page(tmp_path, graph, name="graph.html", title="Hadath"):
    path = tmp_path / name
    path.write_text(render_html(view_model(graph), title=title), encoding="utf-8")
    return path


@pytest.fixture
def meeting(tmp_path, open_page):
    return open_page(write_page(tmp_path, build_meeting_graph(HAMMOUCHI)))


@pytest.fixture(scope="module")
def synthetic_page(tmp_path_factory):
    graph = synthetic_graph(300, seed=3)
    model = view_model(graph)
    path = tmp_path_factory.mktemp("synthetic") / "graph.html"
    path.write_text(render_html(model, title="synthetic"), encoding="utf-8")
    return path, model


def canvas_ink(opened) -> int:
    """Pixels of the network's canvas that are not blank."""
    return opened.evaluate("""() => {
        const canvas = document.querySelector('#kg-network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 0 && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) ink++;
        }
        return ink;
    }""")


def hover(opened, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    x, y = opened.evaluate("""(id) => {
        const view = window.kgView, box = document.querySelector('#kg-network canvas').getBoundingClientRect();
        const at = view.network.canvasToDOM(view.network.getPositions([id])[id]);
        return [box.left + at.x, box.top + at.y];
    }""", node_id)
    opened.page.mouse.move(x - 30, y - 30)
    opened.page.mouse.move(x, y, steps=4)
    tooltip = opened.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip.inner_text()


def test_browser_graph_draws_every_node(meeting):
    # five entities and posts, the meeting, and the day it was on
    assert meeting.evaluate("window.kgView.nodes.length") == 7
    assert meeting.evaluate("Object.keys(window.kgView.network.getPositions()).length") == 7
    assert canvas_ink(meeting) > 2000
    assert meeting.page.locator("#kg-legend li").count() == 6
    meeting.assert_quiet()


def test_browser_graph_search_finds_a_name_by_part_and_without_diacritics(meeting):
    search = meeting.page.locator("#kg-search")
    for typed in ("الحموشي", "الحَمّوشى", "عبد اللطيف"):
        search.fill(typed)
        assert meeting.page.locator("#kg-results button").all_inner_texts() == [HAMMOUCHI], typed
    search.press("Enter")
    assert meeting.evaluate("window.kgView.network.getSelectedNodes()") == [HOST]
    search.fill("زيد")
    assert meeting.page.locator("#kg-results button").count() == 0
    meeting.assert_quiet()


def test_browser_graph_kind_filter_hides_and_shows(meeting):
    box = meeting.page.locator("input.kg-kind[value=Person]")
    box.uncheck()
    assert meeting.evaluate("window.kgView.shown") == 5
    assert meeting.evaluate(f"window.kgView.nodes.get({HOST!r}).hidden") is True
    box.check()
    assert meeting.evaluate("window.kgView.shown") == 7
    # a day with none of its events shown is hidden with them
    meetings = meeting.page.locator("input.kg-kind[value=Meeting]")
    meetings.uncheck()
    assert meeting.evaluate("window.kgView.nodes.get({filter: n => n.id.startsWith('date:')})"
                            ".every(n => n.hidden)") is True
    meetings.check()


def test_browser_graph_date_filter_keeps_events_in_range(open_page, synthetic_page):
    path, model = synthetic_page
    opened = open_page(path)
    low, high = "2023-06-01", "2023-07-31"
    opened.page.locator("#kg-from").fill(low)
    opened.page.locator("#kg-to").fill(high)
    shown = set(opened.evaluate("window.kgView.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    events = {node for node, group in model.nodes(data="group") if group == "event"}
    expected = {node for node in events if model.nodes[node]["span"]
                and model.nodes[node]["span"][0] <= high and model.nodes[node]["span"][1] >= low}
    assert expected and shown & events == expected
    people = {node for node, kind in model.nodes(data="kind") if kind == "Person"}
    for person in people & shown:  # a person stays only through an event in range
        assert set(model.predecessors(person)) & expected
    opened.page.locator("#kg-dates-reset").click()
    assert opened.evaluate("window.kgView.shown") == model.number_of_nodes()
    opened.assert_quiet()


def test_browser_graph_hover_shows_the_plain_text_tooltip(meeting):
    text = hover(meeting, HOST)
    assert text.splitlines()[:2] == ["شخص / Person", HAMMOUCHI]
    assert "المناصب / posts: وزير الخارجية (Oman)" in text
    assert "وزير الخارجية يستقبل نظيره في مسقط" in text
    meeting.assert_quiet()


def test_browser_graph_switches_to_latin_labels(meeting):
    meeting.page.locator("input[name=kg-labels][value=latn]").check()
    assert meeting.evaluate(f"window.kgView.nodes.get({HOST!r}).label") == "Salem Al-Harthi"
    meeting.page.locator("input[name=kg-labels][value=ar]").check()
    assert meeting.evaluate(f"window.kgView.nodes.get({HOST!r}).label") == HAMMOUCHI


def test_browser_graph_page_makes_no_request(meeting):
    meeting.page.locator("#kg-search").fill("مسقط")
    meeting.page.locator("#kg-search").press("Enter")
    meeting.page.mouse.wheel(0, 300)
    assert meeting.requests == []
    assert meeting.evaluate("performance.getEntriesByType('resource').length") == 0


def test_browser_graph_aggregated_view_draws_entities_and_counted_edges(tmp_path, open_page):
    from kg.viz import select_view

    model = select_view(view_model(synthetic_graph(300, seed=3)), aggregate=True, max_nodes=80)
    path = tmp_path / "aggregated.html"
    path.write_text(render_html(model, title="aggregated"), encoding="utf-8")
    opened = open_page(path)
    assert opened.evaluate("window.kgView.nodes.length") == 80
    assert opened.page.locator("#kg-dates").is_hidden()
    assert "80 / " in opened.page.locator("#kg-aggregated").inner_text()
    widths = opened.evaluate("window.kgView.edges.get().map(e => e.value)")
    assert max(widths) > 1
    opened.assert_quiet()


def test_browser_graph_focus_is_selected_on_opening(tmp_path, open_page):
    from kg.viz import select_view

    model = select_view(view_model(build_meeting_graph(HAMMOUCHI)), focus="الحموشي", depth=1)
    path = tmp_path / "focus.html"
    path.write_text(render_html(model), encoding="utf-8")
    opened = open_page(path)
    assert opened.evaluate("window.kgView.network.getSelectedNodes()") == [HOST]
    opened.page.locator("#kg-fit").click()
    opened.assert_quiet()


def test_browser_pages_of_an_empty_graph_open(tmp_path, open_page):
    from rdflib import Graph

    from kg.viz import render_timeline, timeline_model

    graph_page, timeline_page = tmp_path / "graph.html", tmp_path / "timeline.html"
    graph_page.write_text(render_html(view_model(Graph())), encoding="utf-8")
    timeline_page.write_text(render_timeline(timeline_model(Graph())), encoding="utf-8")
    opened = open_page(graph_page)
    assert opened.page.locator("#kg-count").inner_text() == "0 / 0"
    assert opened.page.locator("#kg-status").is_hidden()
    opened.assert_quiet()
    opened = open_page(timeline_page)
    assert opened.evaluate("window.kgTimeline.lanes") == 0
    opened.assert_quiet()
