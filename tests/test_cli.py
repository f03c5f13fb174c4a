"""The kg command as a user runs it: outputs parsed and checked, errors one line."""

import csv
import io
import json
import re

import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from kg.cli import app

from .conftest import EXAMPLE, QUERIES

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "graph.ttl"
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def run_query(graph, name, fmt):
    result = runner.invoke(app, ["query", str(graph), "--file", str(QUERIES / name), "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_build_writes_parsable_turtle(built):
    graph = Graph().parse(built)
    assert len(graph) > 100


@pytest.mark.parametrize("suffix, fmt", [(".nt", "nt"), (".jsonld", "json-ld"), (".rdf", "xml")])
def test_cli_build_format_follows_extension(tmp_path, built, suffix, fmt):
    out = tmp_path / f"graph{suffix}"
    assert runner.invoke(app, ["build", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    assert len(Graph().parse(out, format=fmt)) == len(Graph().parse(built))


def test_cli_build_trig_has_one_named_graph_per_article(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("زيارة\n\nزار وزير الخارجية، سعيد العلوي، القاهرة أمس.", encoding="utf-8")
    out = tmp_path / "corpus.trig"
    assert runner.invoke(app, ["build", str(EXAMPLE), str(second), "-o", str(out), "--published", "2024-03-12"]).exit_code == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert len([n for n in names if "/article/" in n]) == 2


def test_cli_build_to_stdout():
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", "-"])
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout, format="turtle")) > 100


def test_cli_query_who_met_whom(built):
    rows = list(csv.DictReader(io.StringIO(run_query(built, "who-met-whom.rq", "csv"))))
    assert {frozenset((r["a"], r["b"])) for r in rows} == {frozenset(("كريم الصالحي", "سليم حداد"))}
    assert rows[0]["place"] == "الرباط" and rows[0]["date"] == "2024-03-12"


def test_cli_query_events_by_place_and_date(built):
    data = json.loads(run_query(built, "events-by-place-and-date.rq", "json"))
    found = {(b["type"]["value"], b["place"]["value"], b["when"]["value"]) for b in data["results"]["bindings"]}
    assert ("Meeting", "الرباط", "2024-03-12") in found
    assert ("Visit", "الرباط", "2024-03-11") in found


def test_cli_query_officials_and_posts(built):
    rows = list(csv.DictReader(io.StringIO(run_query(built, "officials-and-posts.rq", "csv"))))
    assert {"person": "سليم حداد", "post": "الأمين العام لمجلس وزراء الداخلية العرب",
            "in": "مجلس وزراء الداخلية العرب"} in rows
    assert any(r["person"] == "كريم الصالحي" and r["in"] == "المغرب" for r in rows)


def test_cli_query_about_one_entity(built):
    rows = list(csv.DictReader(io.StringIO(run_query(built, "about-one-entity.rq", "csv"))))
    types = {r["type"] for r in rows}
    assert {"Meeting", "Visit", "Agreement"} <= types
    assert any(r["type"] == "Meeting" and r["role"] == "guest" and r["other"] == "كريم الصالحي" for r in rows)


def test_cli_query_table_and_ask(built):
    table = run_query(built, "who-met-whom.rq", "table")
    assert "كريم الصالحي" in table and table.rstrip().endswith("(1 row)")
    result = runner.invoke(app, ["query", str(built), "ASK { ?s a <https://w3id.org/hadath/ontology#Visit> }"])
    assert result.exit_code == 0 and result.stdout.strip() == "true"


def test_cli_query_construct_gives_turtle(built):
    sparql = ("PREFIX hd: <https://w3id.org/hadath/ontology#> "
              "CONSTRUCT { ?e hd:place ?p } WHERE { ?e hd:place ?p }")
    result = runner.invoke(app, ["query", str(built), sparql])
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout, format="turtle")) >= 3


def test_cli_view_writes_offline_page(tmp_path, built):
    out = tmp_path / "view.html"
    assert runner.invoke(app, ["view", str(built), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "كريم الصالحي" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
    assert list(tmp_path.iterdir()) == [out]


def test_cli_extract_prints_what_was_found():
    result = runner.invoke(app, ["extract", str(EXAMPLE)])
    assert result.exit_code == 0
    assert "سليم حداد" in result.stdout and "Meeting" in result.stdout and "الأمين العام" in result.stdout


@pytest.mark.parametrize("args, code, message", [
    (["build", "missing.txt", "-o", "x.ttl"], 2, "no such file"),
    (["build", str(EXAMPLE), "-o", "x.docx"], 2, "unknown graph format"),
    (["build", str(EXAMPLE), "-o", "x.ttl", "--published", "12/03/2024"], 2, "not a date"),
    (["query", "missing.ttl", "SELECT * {}"], 2, "no such graph file"),
    # -o is checked before any article is read: the missing article is not what fails
    (["build", "missing.txt", "-o", "x.docx"], 2, "unknown graph format"),
    (["build", "missing.txt", "-o", "no-such-dir/x.ttl"], 5, "no such directory"),
    (["view", "missing.ttl", "-o", "no-such-dir/x.html"], 5, "no such directory"),
])
def test_cli_errors_are_one_line(tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kg: error: ") and message in result.stderr
    assert not list(tmp_path.iterdir())


def test_cli_malformed_query_names_position(built):
    result = runner.invoke(app, ["query", str(built), "SELECT ?x WHERE { ?x ?y }"])
    assert result.exit_code == 3
    assert "SPARQL syntax error at line 1" in result.stderr and result.stderr.count("\n") == 1


def test_cli_failed_build_keeps_previous_output(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("# previous graph\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", str(EXAMPLE), str(empty), "-o", str(out)])
    assert result.exit_code == 2 and "empty article" in result.stderr
    assert out.read_text(encoding="utf-8") == "# previous graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "graph.ttl"]


def test_cli_reads_html_and_jsonl(tmp_path):
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>موقع</title><script>var x='وزير';</script></head><body>"
                    "<nav>الرئيسية الأخبار الرياضة</nav><h1>زيارة رسمية إلى القاهرة</h1>"
                    "<p>زار وزير الخارجية، سعيد العلوي، القاهرة أمس في زيارة رسمية.</p><footer>حقوق</footer></body></html>",
                    encoding="utf-8")
    lines = tmp_path / "articles.jsonl"
    lines.write_text(json.dumps({"title": "لقاء", "text": "التقى سعيد العلوي مع كمال بن يوسف في تونس.",
                                 "published": "2024-05-02"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(html), str(lines)])
    assert result.exit_code == 0, result.output
    assert "زيارة رسمية إلى القاهرة" in result.stdout and "الرئيسية" not in result.stdout
    assert "published: 2024-05-02" in result.stdout


def test_cli_malformed_jsonl_line_is_reported(tmp_path):
    lines = tmp_path / "bad.jsonl"
    lines.write_text('{"text": "خبر"}\n{not json}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(lines)])
    assert result.exit_code == 2 and f"{lines}:2" in result.stderr


@pytest.mark.parametrize("sparql, code, message", [
    ("SELECT ?x WHERE { ?x foo:bar ?y }", 3, "unknown prefix 'foo:' at line 1"),
    ('SELECT ?o WHERE { ?s ?p ?o FILTER regex(str(?o), "(") }', 3, "bad regular expression"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 3, "SERVICE is not allowed"),
    ("SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }", 3, "FROM names a graph"),
])
def test_cli_query_errors_are_one_line(built, sparql, code, message):
    result = runner.invoke(app, ["query", str(built), sparql])
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stdout == ""


def test_cli_query_file_not_utf8_is_one_line(tmp_path, built):
    query = tmp_path / "q.rq"
    query.write_bytes("SELECT * WHERE { ?s ?p \"caf\u00e9\" }".encode("latin-1"))
    result = runner.invoke(app, ["query", str(built), "--file", str(query)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "not UTF-8" in result.stderr and str(query) in result.stderr


def test_cli_query_malformed_graph_file_is_one_line(tmp_path):
    graph = tmp_path / "bad.rdf"
    graph.write_text("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><x", encoding="utf-8")
    result = runner.invoke(app, ["query", str(graph), "ASK {}"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "cannot parse graph" in result.stderr and str(graph) in result.stderr


def test_cli_view_to_stdout_writes_no_file(tmp_path, monkeypatch, built):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["view", str(built), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().lower().startswith("<!doctype html") and "كريم الصالحي" in result.stdout
    assert not list(tmp_path.iterdir())


def test_cli_build_checks_output_before_reading(tmp_path, monkeypatch):
    import kg.api
    read = []
    monkeypatch.setattr(kg.api, "read_path", lambda path, *args, **kwargs: read.append(path) or iter(()))
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(tmp_path / "graph.docx")])
    assert result.exit_code == 2 and "unknown graph format" in result.stderr and read == []


def test_cli_jsonl_bad_records_are_warnings_and_the_rest_is_processed(tmp_path):
    lines = tmp_path / "news.jsonl"
    lines.write_text("\n".join([
        json.dumps({"title": "لقاء", "text": "التقى سعيد العلوي مع كمال بن يوسف في تونس."}, ensure_ascii=False),
        '{"text": "خبر", "published": 20240502}',
        "{not json}",
        json.dumps({"title": "زيارة", "text": "زار وزير الخارجية، سعيد العلوي، القاهرة أمس."}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    result = runner.invoke(app, ["build", str(lines), "-o", str(out)])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert [line.split(", ")[-1] for line in errors if line.startswith("kg: warning: ")] == [f"{lines}:2", f"{lines}:3"]
    assert errors[-1].startswith("kg: error: 2 unusable record(s) skipped")
    titles = {str(o) for o in Graph().parse(out).objects(None, None) if str(o) in ("لقاء", "زيارة")}
    assert titles == {"لقاء", "زيارة"}


def test_cli_extract_prints_no_control_characters(tmp_path):
    article = tmp_path / "x\x1b[2Jname.txt"
    article.write_text("\x1b]0;title\x07زيارة\x1b[31m رسمية\n\nزار وزير الخارجية، سعيد\x9b العلوي، القاهرة أمس.",
                       encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout + result.stderr)
    assert "العلوي" in result.stdout and "Visit" in result.stdout


def test_cli_error_messages_print_no_control_characters(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing\x1b[2J.txt")])
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


def test_cli_error_messages_show_bidi_controls_as_escapes(tmp_path):
    """An override in a file name could make the line read otherwise than it is."""
    result = runner.invoke(app, ["extract", str(tmp_path / "invoice\u202etxt.exe\u2066.txt")])
    assert result.exit_code == 2
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", result.stderr)
    assert "\\u202e" in result.stderr and "\\u2066" in result.stderr


def test_cli_legacy_arabic_file_is_a_warning(tmp_path):
    article = tmp_path / "old.txt"
    article.write_bytes("زيارة\n\nزار وزير الخارجية، سعيد العلوي، القاهرة أمس.".encode("windows-1256"))
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"kg: warning: not UTF-8, read as windows-1256 (legacy Arabic), {article}\n"
    assert "سعيد العلوي" in result.stdout
