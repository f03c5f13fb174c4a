"""The HTML page: self-contained, escaped, written whole or not at all."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from importlib import resources

import pytest

import kg.viz.html
from kg.errors import OutputError
from kg.viz import render_html, view_model, write_view
from kg.viz.html import LARGE_GRAPH, json_for_script, vis_data

from .conftest import ID

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">انقر</a>',
    "href",
    "\"'; alert(1); //",
    "</style><svg onload=alert(1)>",
    "سالم \u202eالحارثي\u202c",
    "&lt;b&gt; & \u2028",
]
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "main", "aside", "h2",
             "ul", "li", "span", "p", "div", "script", "label", "input", "button", "fieldset", "legend"}
URL_ATTRIBUTES = {"src", "href", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background"}


@pytest.fixture
def page(meeting_graph):
    return render_html(view_model(meeting_graph), title="لقاء في مسقط")


def test_html_parses_and_embeds_arabic_labels(page, parse_page):
    parsed = parse_page(page)
    labels = {node["label"] for node in parsed.data["nodes"]}
    assert {"سالم الحارثي", "يوسف العمري", "مسقط", "وزير الخارجية", "لقاء 2024-03-05"} <= labels
    assert "سالم الحارثي" in page  # readable in the source, not \u-escaped
    assert '<meta charset="utf-8">' in page
    assert parsed.tags[0] == ("html", {"lang": "ar", "dir": "rtl"})


def test_html_has_no_external_resource(page, parse_page):
    parsed = parse_page(page)
    assert not [tag for tag, _ in parsed.tags if tag in ("link", "iframe", "img", "object", "embed", "base")]
    assert all("src" not in attributes for attributes, _ in parsed.scripts)
    for _, attributes in parsed.tags:
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                assert not re.match(r"\s*(https?:)?//", value or ""), (name, value)
    for style in parsed.styles:
        assert all(url.startswith(("data:", '"data:', "'data:")) for url in re.findall(r"url\(\s*([^)]*)\)", style))
    assert "<script src" not in page and "<link" not in page


def test_html_forbids_fetches_and_allows_only_its_own_scripts(page, parse_page):
    parsed = parse_page(page)
    (policy,) = [attrs["content"] for tag, attrs in parsed.tags
                 if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy
    executable = [text for attributes, text in parsed.scripts if attributes.get("type") != "application/json"]
    assert len(executable) == 3
    for text in executable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_html_has_a_legend_of_the_kinds_present(page, parse_page):
    parsed = parse_page(page)
    text = " ".join(parsed.text)
    for entry in ("شخص / Person", "مدينة / City", "دولة / Country", "منصب / Post", "لقاء / Meeting"):
        assert entry in text
    assert "Venue" not in text
    assert ("aside", {"id": "kg-legend"}) in parsed.tags


def test_html_edges_are_labelled_with_the_relation(page, parse_page):
    data = parse_page(page).data
    edges = data["edges"]
    assert {edge["label"] for edge in edges} == {
        "مضيف / host", "ضيف / guest", "المكان / place", "يشغل / holds", "منصب في / post in", "بتاريخ / on date"}
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_html_nodes_are_coloured_and_shaped_by_kind(page, parse_page):
    nodes = {node["kind"]: node for node in parse_page(page).data["nodes"]}
    assert nodes["Person"]["shape"] != nodes["City"]["shape"]
    assert len({node["color"] for node in nodes.values()}) == len(nodes)


def test_html_tooltips_never_reach_the_page_as_markup(page, parse_page):
    data = parse_page(page).data
    assert all("title" not in item for item in data["nodes"] + data["edges"])
    assert all(item["tooltip"] for item in data["nodes"] + data["edges"])
    view_js = resources.files("kg.viz").joinpath("view.js").read_text(encoding="utf-8")
    assert "textContent" in view_js
    assert "innerHTML" not in view_js and "insertAdjacentHTML" not in view_js


def test_html_nodes_come_laid_out_and_physics_is_off(meeting_graph):
    data = vis_data(view_model(meeting_graph))
    assert data["options"]["physics"] == {"enabled": False}
    assert all(isinstance(node["x"], int) and isinstance(node["y"], int) for node in data["nodes"])
    assert len({(node["x"], node["y"]) for node in data["nodes"]}) == len(data["nodes"])
    assert data["large"] is False and "hideEdgesOnDrag" not in data["options"]["interaction"]


def test_html_large_graph_draws_straight_edges_hidden_while_moving():
    from .synthetic import synthetic_graph

    model = view_model(synthetic_graph(LARGE_GRAPH + 50))
    data = vis_data(model, positions={node: (0, 0) for node in model})
    assert data["large"] is True
    assert data["options"]["edges"]["smooth"] == {"enabled": False, "type": "continuous", "roundness": 0.3}
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True


def test_html_data_carries_search_keys_spans_and_latin_labels(meeting_graph):
    data = vis_data(view_model(meeting_graph))
    nodes = {node["id"]: node for node in data["nodes"]}
    host = nodes[str(ID["person/salem-harthi"])]
    assert host["keys"] == ["Salem Al Harthi", "حارثي", "سالم حارثي"]
    assert host["label_latn"] == "Salem Al-Harthi"
    assert nodes[str(ID["event/doc1-1"])]["span"] == ["2024-03-05", "2024-03-05"]
    assert data["dates"] == ["2024-03-05", "2024-03-05"] and data["latin"] is True
    assert {entry["kind"]: entry["group"] for entry in data["legend"]}["Meeting"] == "event"


def test_html_legend_entries_are_kind_filters(page, parse_page):
    boxes = [attrs for tag, attrs in parse_page(page).tags if tag == "input" and attrs.get("class") == "kg-kind"]
    assert [box["value"] for box in boxes] == ["Person", "Country", "City", "Post", "Meeting", "Day"]
    assert all("checked" in box for box in boxes)


@pytest.mark.parametrize("label", HOSTILE)
def test_html_hostile_label_is_escaped_and_round_trips(graph_with_host_label, parse_page, label):
    page = render_html(view_model(graph_with_host_label(label)), title=label)
    parsed = parse_page(page)
    assert {tag for tag, _ in parsed.tags} <= PAGE_TAGS
    assert len(parsed.scripts) == 4 and len(parsed.styles) == 2
    assert not [attrs for _, attrs in parsed.tags if any(name.startswith("on") for name in attrs)]
    host = next(node for node in parsed.data["nodes"] if node["id"] == str(ID["person/salem-harthi"]))
    assert host["label"] == label
    assert " ".join(label.split()) in host["tooltip"]  # tooltips put each fact on one line
    assert label in parsed.text  # the <title> and <h1>, as text
    for dangerous in ("<script>alert", "<img", "<svg", "<a href", "\u202e", "\u2028", "</style><"):
        if dangerous in label:
            assert dangerous not in page


@pytest.mark.parametrize("label", HOSTILE)
def test_html_json_for_script_round_trips(label):
    encoded = json_for_script({"label": label})
    assert not set("<>&\u202e\u2028") & set(encoded)
    assert json.loads(encoded) == {"label": label}


def test_html_render_is_deterministic(meeting_graph):
    assert render_html(view_model(meeting_graph)) == render_html(view_model(meeting_graph))


def test_html_render_writes_nothing(meeting_graph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    render_html(view_model(meeting_graph))
    assert list(tmp_path.iterdir()) == []


def test_write_view_writes_one_complete_file(meeting_graph, tmp_path, parse_page):
    target = tmp_path / "graph.html"
    assert write_view(meeting_graph, target, title="لقاء") == target
    assert [path.name for path in tmp_path.iterdir()] == ["graph.html"]
    assert parse_page(target.read_text(encoding="utf-8")).data["nodes"]


def test_write_view_to_a_missing_directory_raises_and_leaves_nothing(meeting_graph, tmp_path):
    with pytest.raises(OutputError) as raised:
        write_view(meeting_graph, tmp_path / "missing" / "graph.html")
    assert "missing" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_write_view_failing_rename_keeps_the_old_file(meeting_graph, tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old page", encoding="utf-8")

    def fail(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.viz.html.os, "replace", fail)
    with pytest.raises(OutputError):
        write_view(meeting_graph, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [path.name for path in tmp_path.iterdir()] == ["graph.html"]


def test_write_view_failing_render_keeps_the_old_file(meeting_graph, tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old page", encoding="utf-8")

    def fail(model, title, positions=None):
        raise RuntimeError("render failed")

    monkeypatch.setattr(kg.viz.html, "render_html", fail)
    with pytest.raises(RuntimeError):
        write_view(meeting_graph, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [path.name for path in tmp_path.iterdir()] == ["graph.html"]


def test_write_view_onto_a_directory_raises_and_leaves_no_temporary(meeting_graph, tmp_path):
    (tmp_path / "graph.html").mkdir()
    with pytest.raises(OutputError):
        write_view(meeting_graph, tmp_path / "graph.html")
    assert [path.name for path in tmp_path.iterdir()] == ["graph.html"]


def test_write_view_gives_the_usual_file_mode(meeting_graph, tmp_path):
    umask = os.umask(0o022)
    try:
        write_view(meeting_graph, tmp_path / "graph.html")
    finally:
        os.umask(umask)
    assert (tmp_path / "graph.html").stat().st_mode & 0o777 == 0o644


def test_html_event_shows_its_date_under_its_name(meeting_graph):
    from rdflib import RDFS, Literal

    meeting_graph.add((ID["event/doc1-1"], RDFS.label, Literal("لقاء الحارثي والعمري", lang="ar")))
    nodes = {node["id"]: node for node in vis_data(view_model(meeting_graph))["nodes"]}
    assert nodes[str(ID["event/doc1-1"])]["label"] == "لقاء الحارثي والعمري\n2024-03-05"
    assert nodes[str(ID["person/salem-harthi"])]["label"] == "سالم الحارثي"
