"""Hostile and broken input, as a new user meets it, through the real command line.

Nothing crashes: every problem is one line, ``kg: error: ...`` or
``kg: warning: ...``, and a documented exit code; nothing is lost: a failed or
interrupted run leaves the previous output as it was; nothing runs that should
not: text from articles never becomes markup.

Every input is made here, in tmp_path, from invented Arabic text.  The table in
docs/bad-input.md is checked row by row against what the command does
(``test_hostile_docs_table_row``), so the documentation stays true; the other
tests look closer at what the table cannot say.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import random
import re
import shlex
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SDO
from typer.testing import CliRunner

from kg.cli import app

from .conftest import EXAMPLE, ROOT

DOC = ROOT / "docs" / "bad-input.md"
PREVIOUS = "# the previous graph, which a failed run must leave as it was\n"
MESSAGE = re.compile(r"kg: (error|warning): \S.*")
# Lines kg prints on stderr besides problems: the summary of a build or a view.
SUMMARY = re.compile(r"kg: (\d+ article\(s\), \d+ triples|\d+ article\(s\): .*|view|timeline|export) -> \S.*")
SLOW = os.environ.get("KG_SLOW") == "1"

runner = CliRunner()

# ---------------------------------------------------------------- the articles

HEADLINE = "وزير الخارجية يزور القاهرة"
VISIT = (f"{HEADLINE}\n\nزار وزير الخارجية، سعيد العلوي، القاهرة أمس في زيارة رسمية، "
         "والتقى نظيره المصري لبحث التعاون الثنائي.\n")
MEETING = ("لقاء في الرباط\n\nاستقبل رئيس الحكومة في الرباط يوم ١٢ مارس ٢٠٢٤ وزير الخارجية التونسي "
           "كمال بن يوسف، وبحث الجانبان سبل تعزيز التعاون.\n")
ENGLISH = (b"Foreign minister visits Cairo\n\nThe foreign minister met his Egyptian counterpart in Cairo "
           b"yesterday to discuss trade.\n")
SENTENCES = (
    "زار وزير الخارجية، سعيد العلوي، القاهرة أمس في زيارة رسمية.",
    "والتقى الرئيس المصري بنظيره التونسي في القاهرة لبحث التعاون الثنائي.",
    "ووقع الجانبان اتفاقية للتعاون في مجال الطاقة بحضور رئيس الوزراء.",
    "وأكد الأمين العام لجامعة الدول العربية أهمية تعزيز العمل العربي المشترك.",
    "واستقبل الملك في الرباط وفدا من رجال الأعمال.",
)


def long_article(size: int, seed: int = 7) -> str:
    """An article of about ``size`` UTF-8 bytes: the sentences above in a fixed
    random order, a paragraph break now and then."""
    pick = random.Random(seed)
    parts, length = [f"{HEADLINE}\n\n"], 0
    while length < size:
        sentence = pick.choice(SENTENCES) + ("\n" if pick.random() < 0.2 else " ")
        parts.append(sentence)
        length += len(sentence.encode("utf-8"))
    return "".join(parts)


# ---------------------------------------------------------------- the inputs
# Each maker writes the named file or directory under the working directory.

Maker = Callable[[Path], None]
INPUTS: dict[str, Maker] = {}
SLOW_INPUTS = {"big.txt"}


def makes(name: str):
    def register(maker: Maker) -> Maker:
        INPUTS[name] = maker
        return maker
    return register


def _bytes(name: str, data: bytes) -> None:
    INPUTS[name] = lambda path: path.write_bytes(data)


_bytes("visit.txt", VISIT.encode("utf-8"))
_bytes("empty.txt", b"")
_bytes("blank.txt", b"  \n\t\n   \n")
_bytes("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
_NOISE = random.Random(3)
_bytes("noise.txt", bytes(_NOISE.randrange(1, 256) for _ in range(6000)))  # random bytes, no NUL
_bytes("english.txt", ENGLISH)
_bytes("headline.txt", f"{HEADLINE}\n".encode("utf-8"))
_bytes("cp1256.txt", VISIT.encode("windows-1256"))
_bytes("iso-8859-6.txt", VISIT.encode("iso-8859-6"))
_bytes("utf16-bom.txt", VISIT.encode("utf-16"))  # little-endian, with its byte-order mark
_bytes("utf8-bom.txt", codecs.BOM_UTF8 + VISIT.encode("utf-8"))
_bytes("utf16-nobom.txt", VISIT.encode("utf-16-le"))
_bytes("damaged.txt", VISIT.encode("utf-8")[:60] + b"\xff\xfe" + VISIT.encode("utf-8")[60:])
# cut inside the two bytes of the last letter
_bytes("truncated.txt", VISIT.rstrip().rstrip(".").encode("utf-8")[:-1])
_bytes("nul.txt", VISIT.encode("utf-8").replace(" ".encode(), b"\x00", 1))
_bytes("latin1.txt", "Le ministre est arrivé au Caire, où il a rencontré son homologue.".encode("latin-1"))
_bytes("mixed.txt", ("زيارة رسمية إلى القاهرة\n\nزار وزير الخارجية، سعيد العلوي، القاهرة (Cairo) أمس "
                     "ضمن جولة تشمل Paris و London، وقال إن الزيارة \"a success\".\n").encode("utf-8"))
_bytes("digits.txt", f"{HEADLINE}\n\nزار وزير الخارجية، سعيد العلوي، القاهرة يوم ۱۲ مارس ٢٠٢٤ في زيارة رسمية.\n"
       .encode("utf-8"))  # Persian digits for the day, Arabic-Indic for the year
_bytes("superscript.txt", f"{HEADLINE}\n\nزار وزير الخارجية، سعيد العلوي، القاهرة يوم ²٠٢٤-3-12 في زيارة رسمية.\n"
       .encode("utf-8"))
_bytes("invisible.txt", ("وزير الخارجية\u200f يزور القاهرة\u202e\n\nزار وزير\u200b الخار\u200cجية، "
                         "سعيد\u2067 العلوي\u2069، القاهرة\u200d أمس\ufeff في زيارة رسمية\u00ad.\n").encode("utf-8"))
_bytes("controls.txt", ("\x1b]0;title\x07" + HEADLINE + "\x1b[31m\n\nزار وزير الخارجية،\x0b سعيد العلوي،"
                        "\x9b القاهرة أمس\x7f في زيارة رسمية.\n").encode("utf-8"))
_bytes("page.html", f"""<!doctype html><html><head><title>موقع الأخبار</title>
<style>p {{ color: red }} /* وزير الداخلية */</style>
<script>document.write("<p>التقى الملك بالرئيس</p>")</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">الرياضة</a></nav>
<!-- تعليق: استقبل الرئيس وزير الدفاع -->
<header>أخبار عاجلة من كل مكان</header>
<article><h1>{HEADLINE}</h1><p>{VISIT.split(chr(10))[2]}</p>
<script>var secret = "استقبل الرئيس وزير الدفاع";</script><noscript>فعّل جافاسكربت</noscript></article>
<footer>جميع الحقوق محفوظة</footer></body></html>""".encode("utf-8"))
_bytes("menu.html", b"<html><head><title>x</title><script>var a = 1;</script></head>"
                    + "<body><nav>الرئيسية الأخبار الرياضة</nav></body></html>".encode("utf-8"))
_bytes("nested.html", ("<html><body><h1>" + HEADLINE + "</h1>" + "<div>" * 50_000 + "<p>" + VISIT.split("\n")[2]
                       + "</p>" + "</div>" * 50_000 + "</body></html>").encode("utf-8"))
_bytes("unending.html", (f"<html><body><h1>{HEADLINE}</h1><p>{VISIT.split(chr(10))[2]}</p></body></html>"
                         + "</" * 100_000 + "<?" * 30_000 + "<!--" * 30_000).encode("utf-8"))
_bytes("conditional.html", (f"<html><body><![if !IE]><h1>{HEADLINE}</h1><![endif]><p>{VISIT.split(chr(10))[2]}</p>"
                            "<![CDATA[ x ]]><![<</body></html>").encode("utf-8"))
_bytes("declared.html", (f'<html><head><meta charset="windows-1256"></head><body><h1>{HEADLINE}</h1>'
                         f'<p>{VISIT.split(chr(10))[2]}</p></body></html>').encode("windows-1256"))
_bytes("news.jsonl", "\n".join([
    json.dumps({"title": HEADLINE, "text": VISIT.split("\n")[2]}, ensure_ascii=False),
    "{not json}",
    json.dumps({"text": 5}),
    json.dumps({"text": "زار الوزير القاهرة.", "published": "2 May"}, ensure_ascii=False),
    json.dumps({"title": "لقاء", "text": MEETING.split("\n")[2], "published": "2024-03-12"}, ensure_ascii=False),
]).encode("utf-8") + b"\n")
_bytes("junk.jsonl", b"{not json}\n[1, 2]\n")
_bytes("broken.ttl", b"@prefix hd: <https://w3id.org/hadath/ontology#> .\n<a> hd:x \"unterminated .\n")


@makes("big.txt")
def _big(path: Path) -> None:
    path.write_text(long_article(10 * 1024 * 1024), encoding="utf-8")


@makes("example.ttl")
def _example_graph(path: Path) -> None:
    assert runner.invoke(app, ["build", str(EXAMPLE), "-o", str(path)]).exit_code == 0


@makes("readonly.ttl")
def _read_only(path: Path) -> None:
    path.write_text(PREVIOUS, encoding="utf-8")
    path.chmod(0o444)


@makes("notastore")
def _not_a_store(path: Path) -> None:
    path.mkdir()
    (path / "notes.txt").write_text("a folder of someone else's", encoding="utf-8")


@makes("store")
def _store(path: Path) -> None:
    from kg.store import open_store
    from kg.store.ingest import ingest
    (path.parent / "visit.txt").write_bytes(VISIT.encode("utf-8"))
    with open_store(str(path), create=True) as store:
        assert not ingest([path.parent / "visit.txt"], store, workers=1).failed


@makes("no-articles")
def _no_articles(path: Path) -> None:
    path.mkdir()
    (path / "notes.md").write_text("# not an article\n", encoding="utf-8")


# A directory of 1,000 files: three cannot be read, one is not Arabic.
CORPUS_SIZE = 1000
CORPUS_BROKEN = {"0100-empty.txt": b"", "0250-image.txt": b"\x00\x01\x02\x03 binary",
                 "0500-damaged.txt": VISIT.encode("utf-8")[:30] + b"\xc0\xaf" + VISIT.encode("utf-8")[30:]}
CORPUS_ENGLISH = "0750-english.txt"


@makes("corpus")
def _corpus(path: Path) -> None:
    path.mkdir()
    for number in range(CORPUS_SIZE):
        name = next((n for n in [*CORPUS_BROKEN, CORPUS_ENGLISH] if n.startswith(f"{number:04d}-")),
                    f"{number:04d}.txt")
        if name in CORPUS_BROKEN:
            (path / name).write_bytes(CORPUS_BROKEN[name])
        elif name == CORPUS_ENGLISH:
            (path / name).write_bytes(ENGLISH)
        else:
            (path / name).write_text(f"خبر رقم {number}\n\nزار وزير الخارجية القاهرة أمس.\n", encoding="utf-8")


@makes("all-broken")
def _all_broken(path: Path) -> None:
    path.mkdir()
    (path / "a.txt").write_bytes(b"")
    (path / "b.txt").write_bytes(b"\x00binary")


# Gold files for kg eval: the article path is relative to the folder that holds gold/.
GOLD = {"article": "articles/visit.txt", "published": "2024-03-12",
        "entities": [{"id": "e1", "type": "Person", "names": ["سعيد العلوي"]},
                     {"id": "e2", "type": "City", "names": ["القاهرة"], "wikidata": "Q85"}],
        "events": [{"id": "v1", "type": "Visit", "participants": ["e1"], "place": "e2"}]}


def _gold(name: str, gold: dict | None, raw: bytes | None = None) -> None:
    def make(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        article = path.parents[2] / GOLD["article"]
        article.parent.mkdir(parents=True, exist_ok=True)
        article.write_text(VISIT, encoding="utf-8")
        path.write_bytes(raw if raw is not None else json.dumps(gold, ensure_ascii=False).encode("utf-8"))
    INPUTS[name] = make


_gold("gold/dev/not-json.json", None, b'{"article": ')
_gold("gold/dev/bad-type.json", {**GOLD, "entities": [{"id": "e1", "type": "Alien", "names": ["x"]}], "events": []})
_gold("gold/dev/unknown-entity.json", {**GOLD, "events": [{"id": "v1", "type": "Visit", "participants": ["e9"]}]})
_gold("gold/dev/no-article.json", {**GOLD, "article": "articles/missing.txt"})
_gold("gold/dev/bad-date.json", {**GOLD, "published": "yesterday"})
_gold("gold/dev/participant-list.json", {**GOLD, "events": [{"id": "v1", "type": "Visit", "participants": [["e1"]]}]})


def make_inputs(args: list[str], where: Path) -> None:
    for arg in args:
        if arg in INPUTS and not (where / arg).exists():
            INPUTS[arg](where / arg)


# ---------------------------------------------------------------- running kg

@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if MESSAGE.fullmatch(line)]


def kg(*args: str) -> Run:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback: the test fails showing it
    return Run(result.exit_code, result.stdout, result.stderr)


def assert_one_line_messages(stderr: str) -> None:
    """Every line on stderr is a problem or a summary, and nothing else."""
    for line in stderr.splitlines():
        assert MESSAGE.fullmatch(line) or SUMMARY.fullmatch(line), f"unexpected stderr line: {line!r}"


def no_temporary_files(where: Path) -> list[Path]:
    return [p for p in where.rglob(".*.tmp")]


# ---------------------------------------------------------------- the table in docs/bad-input.md

@dataclass(frozen=True)
class Row:
    number: str
    input: str
    command: str
    does: str
    messages: tuple[str, ...]
    exit: int
    output: str  # kept, replaced or none

    @property
    def args(self) -> list[str]:
        words = shlex.split(self.command)
        assert words[0] == "kg", self.command
        return words[1:]

    @property
    def output_path(self) -> str | None:
        args = self.args
        return args[args.index("-o") + 1] if "-o" in args else None


def _code_spans(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def doc_rows() -> list[Row]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not re.match(r"\|\s*\d+\s*\|", line):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        assert len(cells) == 7, f"a row of docs/bad-input.md needs 7 cells: {line}"
        number, what, command, does, messages, code, output = cells
        [command] = _code_spans(command)
        rows.append(Row(number, what, command, does, tuple(_code_spans(messages)), int(code), output.strip("*")))
    return rows


def _message_matches(documented: str, actual: str) -> bool:
    """The printed line is the documented one, where each "…" stands for any
    text (wording that comes from a library: the SPARQL or Turtle parser)."""
    pattern = ".*".join(re.escape(part) for part in documented.split("…"))
    return re.fullmatch(pattern, actual) is not None


def _row_param(row: Row):
    marks = []
    if any(name in SLOW_INPUTS for name in row.args):
        marks.append(pytest.mark.skipif(not SLOW, reason="a 10 MB article takes minutes: run with KG_SLOW=1"))
    if row.does.startswith("Not yet"):
        marks.append(pytest.mark.xfail(strict=True, reason=row.does))
    return pytest.param(row, id=f"{row.number}-{row.input}", marks=marks)


@pytest.mark.parametrize("row", [_row_param(row) for row in doc_rows()])
def test_hostile_docs_table_row(row: Row, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_inputs(row.args, tmp_path)
    output = row.output_path
    if output and output not in INPUTS:
        (tmp_path / output).write_text(PREVIOUS, encoding="utf-8")
    run = kg(*row.args)
    assert_one_line_messages(run.stderr)
    assert run.code == row.exit, run.stderr
    assert len(run.problems) == len(row.messages), run.stderr
    for documented, actual in zip(row.messages, run.problems):
        assert _message_matches(documented, actual), f"documented {documented!r}, printed {actual!r}"
    if row.output == "kept":
        assert (tmp_path / output).read_text(encoding="utf-8") == PREVIOUS
    elif row.output == "replaced":
        assert len(Graph().parse(tmp_path / output)) > 0
    else:
        assert row.output == "none", row.output
    assert no_temporary_files(tmp_path) == []


def test_hostile_docs_table_lists_every_input_tried():
    named = {arg for row in doc_rows() for arg in row.args}
    assert set(INPUTS) - {"example.ttl", "visit.txt"} <= named


# ---------------------------------------------------------------- what the table cannot say

def test_hostile_html_furniture_never_reaches_the_article(tmp_path):
    make_inputs(["page.html"], tmp_path)
    from kg.reader import read_path
    [doc] = read_path(tmp_path / "page.html")
    assert doc.title == HEADLINE and "سعيد العلوي" in doc.text
    for furniture in ("التقى الملك", "وزير الداخلية", "الرئيسية", "استقبل الرئيس", "أخبار عاجلة",
                      "الحقوق", "جافاسكربت", "color", "document.write"):
        assert furniture not in doc.text


@pytest.mark.parametrize("name", ["cp1256.txt", "iso-8859-6.txt", "utf16-bom.txt", "utf8-bom.txt"])
def test_hostile_encodings_give_the_same_article(tmp_path, name):
    make_inputs([name], tmp_path)
    from kg.reader import read_path
    problems = []
    [doc] = read_path(tmp_path / name, problems.append)
    assert doc.text == VISIT.strip()


def test_hostile_invisible_characters_do_not_hide_names(tmp_path):
    make_inputs(["invisible.txt"], tmp_path)
    run = kg("extract", str(tmp_path / "invisible.txt"))
    assert run.code == 0 and run.problems == []
    assert "Person" in run.stdout and "العلوي" in run.stdout and "Visit" in run.stdout


def test_hostile_persian_and_arabic_indic_digits_give_dates(tmp_path):
    make_inputs(["digits.txt"], tmp_path)
    run = kg("extract", str(tmp_path / "digits.txt"))
    assert run.code == 0 and "2024-03-12" in run.stdout


def test_hostile_directory_keeps_the_good_articles(tmp_path, monkeypatch):
    """The 1,000-file directory of the table: the graph holds every readable
    article, the broken ones are named with their reason, the exit code is 2."""
    monkeypatch.chdir(tmp_path)
    make_inputs(["corpus"], tmp_path)
    run = kg("build", "corpus", "-o", "graph.nt")
    assert run.code == 2
    warned = {line.rsplit(", ", 1)[-1] for line in run.problems if line.startswith("kg: warning: ")}
    assert warned == {f"corpus/{name}" for name in [*CORPUS_BROKEN, CORPUS_ENGLISH]}
    graph = Graph().parse(tmp_path / "graph.nt", format="nt")
    headlines = {str(headline) for headline in graph.objects(None, SDO.headline)}
    assert len(headlines) == CORPUS_SIZE - len(CORPUS_BROKEN)
    assert {f"خبر رقم {number}" for number in (0, 99, 101, 249, 251, 499, 501, 999)} <= headlines


def test_hostile_failed_write_keeps_the_previous_output(tmp_path, monkeypatch):
    """The disk fills while the graph is written: exit 5, the old file as it was, no temporary file."""
    out = tmp_path / "graph.ttl"
    out.write_text(PREVIOUS, encoding="utf-8")
    make_inputs(["visit.txt"], tmp_path)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    run = kg("build", str(tmp_path / "visit.txt"), "-o", str(out))
    assert run.code == 5 and run.problems == [f"kg: error: cannot write the graph, {out}, 'No space left on device'"]
    assert out.read_text(encoding="utf-8") == PREVIOUS and no_temporary_files(tmp_path) == []


def test_hostile_interrupted_write_keeps_the_previous_output(tmp_path, monkeypatch):
    from kg import api
    out = tmp_path / "graph.ttl"
    out.write_text(PREVIOUS, encoding="utf-8")
    make_inputs(["visit.txt"], tmp_path)

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        api.build([tmp_path / "visit.txt"], out)
    assert out.read_text(encoding="utf-8") == PREVIOUS and no_temporary_files(tmp_path) == []


def test_hostile_output_pipe_is_written_through(tmp_path):
    """-o naming a FIFO (or /dev/stdout into a pipe) writes into it; it stays a FIFO."""
    make_inputs(["visit.txt"], tmp_path)
    fifo = tmp_path / "graph.ttl"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = kg("build", str(tmp_path / "visit.txt"), "-o", str(fifo))
    reader.join(timeout=30)
    assert run.code == 0 and stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(Graph().parse(data=received[0].decode("utf-8"), format="turtle")) > 10


# ---------------------------------------------------------------- in a real process

def _kg_process(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("args, code", [
    (["build", "image.txt", "-o", "graph.ttl"], 2),
    (["build", "damaged.txt", "-o", "graph.ttl"], 2),
    (["build", "all-broken", "-o", "graph.ttl"], 2),
    (["build", "junk.jsonl", "-o", "graph.ttl"], 2),
    (["extract", "controls.txt", "nested.html", "news.jsonl"], 2),
    (["query", "broken.ttl", "ASK {}"], 2),
    (["eval", "gold/dev/bad-type.json"], 2),
])
def test_hostile_no_traceback_reaches_stderr(tmp_path, args, code):
    """In a real process, as a user runs it: one-line messages only, and no
    control character from the input reaches the terminal."""
    make_inputs(args, tmp_path)
    (tmp_path / "graph.ttl").write_text(PREVIOUS, encoding="utf-8")
    process = _kg_process(args, tmp_path)
    stdout, stderr = process.communicate(timeout=120)
    text = stderr.decode("utf-8")
    assert process.returncode == code, text
    assert "Traceback" not in text
    assert_one_line_messages(text)
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == PREVIOUS
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", stdout.decode("utf-8") + text)


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_hostile_interrupted_run_keeps_the_previous_output(tmp_path, sent):
    """A long build stopped by Ctrl-C or kill: the old graph is as it was and
    no temporary file is left; Ctrl-C prints no traceback."""
    (tmp_path / "long.txt").write_text(long_article(1024 * 1024), encoding="utf-8")  # many seconds of work
    out = tmp_path / "graph.ttl"
    out.write_text(PREVIOUS, encoding="utf-8")
    process = _kg_process(["build", "long.txt", "-o", "graph.ttl"], tmp_path)
    time.sleep(3)  # past the imports, into the work
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=60)
    assert out.read_text(encoding="utf-8") == PREVIOUS and no_temporary_files(tmp_path) == []
    if sent == signal.SIGINT:
        assert process.returncode == 130 and stderr.decode("utf-8") == ""
    else:
        assert process.returncode == -sent


# ---------------------------------------------------------------- nothing runs that should not

class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))


def _markup(page: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = _Markup()
    parser.feed(page)
    parser.close()
    return parser.tags


HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script></script><!--'


def _graph_of(tmp_path: Path, name: str, noise: str) -> Path:
    """The graph of an article with ``noise`` in its headline, URL and a sentence."""
    article = tmp_path / f"{name}.jsonl"
    article.write_text(json.dumps({"title": f"{HEADLINE}{noise}", "url": f"https://example.org/{noise}",
                                   "text": VISIT.split("\n")[2].replace("القاهرة أمس", f"القاهرة{noise} أمس")},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    graph = tmp_path / f"{name}.ttl"
    assert kg("build", str(article), "-o", str(graph)).code == 0
    return graph


@pytest.mark.parametrize("command", ["view", "timeline"])
def test_hostile_article_markup_is_never_live_in_a_page(tmp_path, command):
    """Markup in a headline, a URL, a sentence and the title reaches the page
    only as text: the page has exactly the elements of the page for a clean article."""
    pages = {}
    for name, noise in (("clean", ""), ("hostile", HOSTILE)):
        run = kg(command, str(_graph_of(tmp_path, name, noise)), "-o", "-", "--title", f"عنوان{noise}")
        assert run.code == 0, run.stderr
        pages[name] = run.stdout
    assert "onerror" in pages["hostile"]  # the text is there, as data
    assert _markup(pages["hostile"]) == _markup(pages["clean"])


def test_hostile_export_has_no_spreadsheet_formula(tmp_path):
    """Labels starting like a formula (a graph from elsewhere may hold them)
    never start a CSV cell: a spreadsheet opening the file would run them."""
    path = _graph_of(tmp_path, "formula", "")
    graph = Graph().parse(path)
    for number, (node, label) in enumerate(sorted(graph.subject_objects(RDFS.label))):
        graph.set((node, RDFS.label, Literal(f'{"=+-@"[number % 4]}HYPERLINK("http://x","y")', lang="ar")))
    graph.serialize(path, format="turtle")
    assert kg("export", str(path), "-o", str(tmp_path / "csv") + "/").code == 0
    for table in (tmp_path / "csv").glob("*.csv"):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))):
            assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@")], (table.name, row)


def test_hostile_article_text_is_encoded_in_every_iri(tmp_path):
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"title": HEADLINE, "url": 'https://example.org/a b"<>{}|\\^`',
                                   "text": VISIT.split("\n")[2]}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "graph.nt"
    assert kg("build", str(article), "-o", str(out)).code == 0
    graph = Graph().parse(out, format="nt")  # N-Triples refuses a raw space, quote or bracket in an IRI
    for term in {t for triple in graph for t in triple if not isinstance(t, Literal)}:
        assert not re.search(r'[\s"<>{}|\\^`]', str(term)), term
