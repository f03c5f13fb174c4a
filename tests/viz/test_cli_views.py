"""kg view --focus, kg timeline and kg export as a user runs them."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app

from .conftest import ID, build_meeting_graph

runner = CliRunner()
HOST = str(ID["person/salem-harthi"])


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    build_meeting_graph().serialize(path, format="turtle")
    return path


def test_cli_view_focus_draws_the_neighbourhood(graph_file, tmp_path, parse_page):
    out = tmp_path / "focus.html"
    result = runner.invoke(app, ["view", str(graph_file), "-o", str(out), "--focus", "الحارثي", "--depth", "1"])
    assert result.exit_code == 0, result.output
    ids = {node["id"] for node in parse_page(out.read_text(encoding="utf-8")).data["nodes"]}
    assert ids == {HOST, str(ID["event/doc1-1"]), str(ID["post/oman-foreign-minister"])}


def test_cli_view_focus_to_stdout(graph_file):
    result = runner.invoke(app, ["view", str(graph_file), "-o", "-", "--focus", "مسقط", "--depth", "0"])
    assert result.exit_code == 0 and "مسقط" in result.stdout


@pytest.mark.parametrize(("arguments", "message"), [
    (["--focus", "زيد"], "no node has this name"),
    (["--max-nodes", "2"], "--focus NAME"),
    (["--max-nodes", "0"], "at least 1"),
    (["--depth", "2"], "--depth needs --focus"),
    (["--focus", "مسقط", "--depth", "-1"], "--depth must be 0 or more"),
])
def test_cli_view_selection_errors_are_one_line(graph_file, tmp_path, arguments, message):
    out = tmp_path / "view.html"
    result = runner.invoke(app, ["view", str(graph_file), "-o", str(out), *arguments])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_timeline_writes_a_page(graph_file, tmp_path, parse_page):
    out = tmp_path / "timeline.html"
    result = runner.invoke(app, ["timeline", str(graph_file), "-o", str(out), "--title", "خط زمني"])
    assert result.exit_code == 0, result.output
    data = parse_page(out.read_text(encoding="utf-8")).data
    assert [event["kind"] for event in data["events"]] == ["Meeting"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["graph.ttl", "timeline.html"]


def test_cli_timeline_to_stdout(graph_file):
    result = runner.invoke(app, ["timeline", str(graph_file), "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_cli_export_xml_formats_read_back_with_networkx(graph_file, tmp_path, name):
    out = tmp_path / name
    result = runner.invoke(app, ["export", str(graph_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    read = nx.read_graphml if name.endswith("graphml") else nx.read_gexf
    graph = read(out)
    assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 6  # with the meeting's day
    host = graph.nodes[HOST]
    assert (host["label"], host["kind"], host["mentions"]) == ("سالم الحارثي", "Person", 1)
    assert host["names"] == "سالم الحارثي | الحارثي | Salem Al-Harthi"
    meeting = graph.nodes[str(ID["event/doc1-1"])]
    assert (meeting["date_first"], meeting["date_last"]) == ("2024-03-05", "2024-03-05")
    assert {data["relation"] for _, _, data in graph.edges(data=True)} == {"host", "guest", "place", "holds", "postIn", "onDate"}


def test_cli_export_csv_zip_and_directory_hold_the_same_files(graph_file, tmp_path):
    assert runner.invoke(app, ["export", str(graph_file), "-o", str(tmp_path / "graph.zip")]).exit_code == 0
    assert runner.invoke(app, ["export", str(graph_file), "-o", str(tmp_path / "csv") + "/"]).exit_code == 0
    with zipfile.ZipFile(tmp_path / "graph.zip") as archive:
        assert archive.namelist() == ["nodes.csv", "edges.csv"]
        for name in archive.namelist():
            assert archive.read(name) == (tmp_path / "csv" / name).read_bytes()
    nodes = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "edges.csv").read_text(encoding="utf-8"))))
    assert {row["Id"] for row in nodes} >= {HOST, "date:2024-03-05"} and len(nodes) == 7
    assert {(row["Source"], row["relation"], row["Type"]) for row in edges} >= {(HOST, "holds", "Directed")}
    assert not (tmp_path / "csv" / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_export_is_deterministic(graph_file, tmp_path):
    for number in (1, 2):
        assert runner.invoke(app, ["export", str(graph_file), "-o", str(tmp_path / f"g{number}.zip")]).exit_code == 0
    assert (tmp_path / "g1.zip").read_bytes() == (tmp_path / "g2.zip").read_bytes()


@pytest.mark.parametrize(("target", "code", "message"), [
    ("graph.txt", 2, "unknown export format"),
    ("missing/graph.gexf", 5, "no such directory"),
])
def test_cli_export_bad_output_fails_before_reading(tmp_path, target, code, message):
    result = runner.invoke(app, ["export", str(tmp_path / "absent.ttl"), "-o", str(tmp_path / target)])
    assert result.exit_code == code and message in result.stderr


def test_cli_export_failure_keeps_the_previous_file(graph_file, tmp_path, monkeypatch):
    import kg.fileio

    out = tmp_path / "graph.gexf"
    out.write_text("old", encoding="utf-8")
    monkeypatch.setattr(kg.fileio.os, "replace", lambda *_: (_ for _ in ()).throw(OSError(28, "No space left")))
    assert runner.invoke(app, ["export", str(graph_file), "-o", str(out)]).exit_code == 5
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.gexf", "graph.ttl"]


def test_cli_view_aggregate_draws_entities_only(graph_file, tmp_path, parse_page):
    out = tmp_path / "folded.html"
    result = runner.invoke(app, ["view", str(graph_file), "-o", str(out), "--aggregate"])
    assert result.exit_code == 0, result.output
    data = parse_page(out.read_text(encoding="utf-8")).data
    assert {node["kind"] for node in data["nodes"]} == {"Person", "City", "Country"}
    assert data["aggregated"] == {"entities": 4, "shown": 4}
    assert "--aggregate" in runner.invoke(app, ["view", str(graph_file), "-o", str(out), "--max-nodes", "2"]).stderr


@pytest.mark.parametrize("label", ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cli_export_csv_never_starts_a_cell_with_a_formula(tmp_path, label):
    from rdflib import RDFS, Literal

    graph = build_meeting_graph()
    graph.set((ID["person/salem-harthi"], RDFS.label, Literal(label, lang="ar")))
    source = tmp_path / "graph.ttl"
    graph.serialize(source, format="turtle")
    assert runner.invoke(app, ["export", str(source), "-o", str(tmp_path / "csv") + "/"]).exit_code == 0
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    host = next(row for row in rows if row["Id"] == HOST)
    assert host["Label"] == "'" + label
    assert all(not cell[:1] in ("=", "+", "-", "@", "\t", "\r") for row in rows for cell in row.values())
