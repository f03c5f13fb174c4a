"""The commands over a store: kg ingest, then query, view, timeline and export
with --store, as a user runs them."""

from __future__ import annotations

import io
import json
import shutil

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.progress import ProgressBar, describe
from kg.rdf.iris import article_iri

from .conftest import EXAMPLE, QUERIES
from .viz.conftest import parse_page  # noqa: F401  (a fixture)

runner = CliRunner()

SECOND = ("لقاء في تونس\n\n"
          "تونس - استقبل وزير الخارجية التونسي سامي الورتاني اليوم الخميس بمقر الوزارة في تونس "
          "سفير اليابان لدى تونس، وبحث معه سبل تطوير التعاون بين البلدين.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    articles = folder / "articles"
    articles.mkdir()
    shutil.copy(EXAMPLE, articles / "rabat.txt")
    (articles / "tunis.txt").write_text(SECOND, encoding="utf-8")
    location = folder / "kg-store"
    result = runner.invoke(app, ["ingest", str(articles), "--store", str(location), "--workers", "1",
                                 "--published", "2024-03-12"])
    assert result.exit_code == 0, result.output
    assert "2 article(s): 2 written, 0 unchanged, 0 failed" in result.stderr
    return location, articles


def test_ingest_twice_writes_nothing_the_second_time(store):
    location, articles = store
    result = runner.invoke(app, ["ingest", str(articles), "--store", str(location), "--workers", "1",
                                 "--published", "2024-03-12"])
    assert result.exit_code == 0, result.output
    assert "0 written, 2 unchanged" in result.stderr


def _rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"]["bindings"]


def test_query_store_sees_the_union_and_one_named_graph(store):
    location, _ = store
    count = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a hd:Article }"
    union = _rows(runner.invoke(app, ["query", "--store", str(location), count, "--format", "json"]))
    assert union[0]["n"]["value"] == "2"
    graphs = _rows(runner.invoke(app, ["query", "--store", str(location), "--format", "json",
                                       "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a hd:Article } }"]))
    one = graphs[0]["g"]["value"]
    alone = _rows(runner.invoke(app, ["query", "--store", str(location), "--graph", one, count, "--format", "json"]))
    assert alone[0]["n"]["value"] == "1"


def test_query_store_with_an_example_query_file(store):
    location, _ = store
    result = runner.invoke(app, ["query", "--store", str(location), "--file", str(QUERIES / "who-met-whom.rq"),
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "سليم حداد" in result.stdout and "الورتاني" in result.stdout


def test_views_and_exports_read_a_store(store, tmp_path, parse_page):
    location, _ = store
    view = tmp_path / "view.html"
    assert runner.invoke(app, ["view", "--store", str(location), "-o", str(view)]).exit_code == 0
    labels = {node["label"] for node in parse_page(view.read_text(encoding="utf-8")).data["nodes"]}
    assert {"سليم حداد", "تونس"} <= labels
    timeline = tmp_path / "timeline.html"
    assert runner.invoke(app, ["timeline", "--store", str(location), "-o", str(timeline)]).exit_code == 0
    assert len(parse_page(timeline.read_text(encoding="utf-8")).data["events"]) >= 2
    gexf = tmp_path / "graph.gexf"
    assert runner.invoke(app, ["export", "--store", str(location), "-o", str(gexf)]).exit_code == 0
    assert nx.read_gexf(gexf).number_of_nodes() > 5


def test_one_article_graph_of_a_store_can_be_viewed_alone(store, tmp_path, parse_page):
    location, articles = store
    from kg.api import read_articles
    tunis = next(doc for doc in read_articles([articles / "tunis.txt"]))
    view = tmp_path / "tunis.html"
    result = runner.invoke(app, ["view", "--store", str(location), "--graph", str(article_iri(tunis.id)),
                                 "-o", str(view)])
    assert result.exit_code == 0, result.output
    labels = {node["label"] for node in parse_page(view.read_text(encoding="utf-8")).data["nodes"]}
    assert "تونس" in labels and "سليم حداد" not in labels


@pytest.mark.parametrize(("arguments", "code", "message"), [
    (["query", "--store", "@missing", "ASK {}"], 6, "no store"),
    (["query", "ASK {}"], 2, "give graph files (or --store)"),
    (["query", "@graph", "--graph", "https://example.org/g", "ASK {}"], 2, "give --store"),
    (["view", "-o", "@out"], 2, "give graph files or --store"),
    (["query", "--store", "@store", "DELETE WHERE { ?s ?p ?o }"], 3, ""),
])
def test_store_errors_are_one_line(store, tmp_path, arguments, code, message):
    location, _ = store
    graph = tmp_path / "g.ttl"
    graph.write_text("", encoding="utf-8")
    names = {"missing": tmp_path / "nothing-here", "graph": graph, "out": tmp_path / "v.html", "store": location}
    result = runner.invoke(app, [str(names.get(argument[1:], argument)) if argument.startswith("@") else argument
                                 for argument in arguments])
    assert result.exit_code == code, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "v.html").exists()


def test_a_refused_update_leaves_the_store_whole(store):
    location, _ = store
    runner.invoke(app, ["query", "--store", str(location), "DELETE WHERE { ?s ?p ?o }"])
    rows = _rows(runner.invoke(app, ["query", "--store", str(location), "--format", "json",
                                     "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]))
    assert int(rows[0]["n"]["value"]) > 100


def test_progress_line_says_done_total_rate_and_time_left():
    assert describe(120, 480, 35210, 4.0) == "120/480 articles (25%) · 35,210 triples · 30.0 articles/s · 0:12 left"
    assert describe(7, None, 10, 0.0) == "7 articles · 10 triples · 0.0 articles/s"


def test_progress_bar_draws_on_a_terminal_only():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet, loud = io.StringIO(), Terminal()
    ticks = iter(range(100))
    for stream in (quiet, loud):
        with ProgressBar(stream, min_interval=0, clock=lambda: next(ticks)) as bar:
            bar.update(1, 2, 10)
            bar.update(2, 2, 20)
    assert quiet.getvalue() == ""
    drawn = loud.getvalue().split("\r")
    assert drawn[1].startswith("1/2 articles (50%)") and drawn[2].startswith("2/2 articles (100%)")
    assert drawn[-1] == ""  # the line is cleared at the end
