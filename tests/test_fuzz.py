"""Property tests over the whole path, text to page: no exception escapes, every
offset is valid, every graph round-trips and conforms, no label becomes markup.

Bounded for CI: a fixed number of examples each (fewer where one example is
slow: SHACL validation, the HTML page) and no deadline, about 20 seconds in
all; KG_FUZZ_SCALE=20 runs twenty times as many.  The strategies are in
tests/strategies.py.  When atheris is installed, benchmarks/fuzz_atheris.py
also runs, for KG_ATHERIS_SECONDS (20) of fuzzing, about 30 seconds in all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import InputError, InputWarning
from kg.pipeline import extract
from kg.rdf.build import document_graph
from kg.reader import decode, make_document, read_html_article, read_jsonl

from .conftest import ONTOLOGIES, ROOT
from .strategies import SCALE, any_text, headline, news_text

FAST = settings(max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(max_examples=120 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------- reading

@FAST
@given(st.one_of(st.binary(max_size=300), news_text().map(lambda text: text.encode("utf-8", "surrogatepass")),
                 news_text().map(lambda text: text.encode("windows-1256", "replace")),
                 news_text().map(lambda text: text.encode("iso-8859-6", "replace"))))
def test_fuzz_decode_gives_text_or_an_input_error(data):
    problems: list = []
    try:
        text = decode(data, "a.txt", problems.append)
    except InputError as error:
        assert error.message.endswith("a.txt") and "\n" not in error.message
        return
    assert isinstance(text, str)
    assert all(isinstance(problem, InputWarning) for problem in problems)


_TAGS = ["p", "div", "article", "h1", "nav", "script", "style", "br", "section", "title", "span", "aside",
         "header", "footer", "li", "main", "template", "svg", "meta", "!--", "![CDATA[", "!doctype html", "?xml"]


@st.composite
def html_pages(draw) -> str:
    """Fragments of markup, well formed or not, around news-like text."""
    parts = draw(st.lists(st.one_of(
        st.sampled_from(_TAGS).map(lambda tag: f"<{tag}>"),
        st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
        st.sampled_from(["<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&#1576;", "-->", "--!>", "]]>", "<![",
                         "<![if !IE]>", "<![endif]>", "<![<", "<a href='x", "\"",
                         '<meta property="article:published_time" content="2024-13-45">', "<p class=x", "</"]),
        news_text(max_pieces=5)), max_size=30))
    return "".join(parts)


@FAST
@given(html_pages())
def test_fuzz_html_gives_an_article_or_an_input_error(page):
    try:
        doc = read_html_article(page, "page.html")
    except InputError as error:
        assert error.where == "page.html"
        return
    assert doc.text[doc.body_start:].strip()
    assert "<script" not in doc.text.lower() or "<script" in page.lower()


_PUBLISHED = st.one_of(st.none(), st.sampled_from(["2024-03-12", "2 May", "", "2024-02-30"]))
_RECORD = st.builds(lambda text, title, published: json.dumps({"text": text, "title": title, "published": published},
                                                              ensure_ascii=False),
                    news_text(), headline(), _PUBLISHED)
_BAD_LINE = st.sampled_from(['{"text": 5}', "[]", "null", '{"text": "\\ud800"}', '{"text": "a", "url": {}}'])


@FAST
@given(st.lists(st.one_of(_RECORD, st.text(max_size=30), _BAD_LINE), max_size=6))
def test_fuzz_jsonl_reports_each_bad_line_and_reads_the_rest(lines):
    problems: list = []
    try:
        docs = list(read_jsonl("\n".join(lines), "news.jsonl", problems.append))
    except InputError as error:
        assert error.message == "no usable record in the JSONL file, news.jsonl"
        return
    assert all(problem.where.startswith("news.jsonl:") for problem in problems)
    assert all(doc.text.strip() for doc in docs)


# ---------------------------------------------------------------- extracting

def _document(body: str, title: str | None):
    """The document the reader makes, or None for an empty article."""
    try:
        return make_document(body, title, source="a.txt")
    except InputError as error:
        assert error.message == "empty article, a.txt"
        return None


def _valid(text: str, span) -> bool:
    return 0 <= span.start < span.end <= len(text) and bool(text[span.start:span.end].strip())


@PIPELINE
@given(news_text(controls=True), headline())
def test_fuzz_extraction_spans_are_valid(body, title):
    doc = _document(body, title)
    if doc is None:
        return
    doc = extract(doc)
    text = doc.text
    assert all(_valid(text, token.span) for token in doc.tokens)
    assert all(_valid(text, sentence.span) for sentence in doc.sentences)
    for mention in doc.mentions:
        assert _valid(text, mention.span), mention
        assert mention.parent is None or _valid(text, mention.parent)
    for post in doc.posts:
        assert _valid(text, post.span), post
        assert all(_valid(text, span) for span in (post.holder, post.org) if span is not None)
    assert all(_valid(text, time.span) for time in doc.times)
    ids = {entity.id for entity in doc.entities}
    for entity in doc.entities:
        assert entity.label.strip() and all(_valid(text, mention.span) for mention in entity.mentions)
    for event in doc.events:
        assert _valid(text, event.trigger) and _valid(text, event.sentence)
        assert all(_valid(text, span) for span in event.evidence)
        assert {participant.entity for participant in event.participants} <= ids
        assert event.place is None or event.place in ids


# ---------------------------------------------------------------- the graph

def _graph(body: str, title: str | None) -> Graph | None:
    doc = _document(body, title)
    return None if doc is None else document_graph(extract(doc))


@PIPELINE
@given(news_text(controls=True), headline())
def test_fuzz_graph_round_trips_through_turtle_and_ntriples(body, title):
    graph = _graph(body, title)
    if graph is None:
        return
    for fmt in ("turtle", "nt"):
        parsed = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        if not isomorphic(graph, parsed):
            _, only_built, only_parsed = graph_diff(to_isomorphic(graph), to_isomorphic(parsed))
            pytest.fail(f"{fmt} round trip differs:\nonly built:\n{only_built.serialize(format='nt')}\n"
                        f"only parsed:\n{only_parsed.serialize(format='nt')}")


@SLOW
@given(news_text(max_pieces=25, controls=True), headline())
def test_fuzz_graph_conforms_to_the_shapes(shacl_validate, body, title):
    graph = _graph(body, title)
    if graph is None:
        return
    report = shacl_validate(graph)
    assert report.conforms, report.text


@pytest.fixture(scope="module")
def shacl_validate():
    from tests.rdf.conftest import ShaclReport  # the same validation the RDF tests use
    import pyshacl
    from rdflib.namespace import RDF, SH

    shapes = Graph().parse(ONTOLOGIES / "shapes.ttl", format="turtle")

    def validate(data: Graph) -> ShaclReport:
        conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
        paths = frozenset(report.value(r, SH.resultPath) for r in report.subjects(RDF.type, SH.ValidationResult))
        return ShaclReport(conforms, paths, text)

    return validate


# ---------------------------------------------------------------- the page

class _Markup(HTMLParser):
    """The elements and attributes of a page, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._script: str | None | bool = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        if tag == "script":
            self._script, self._buffer = dict(attrs).get("id"), []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not False:
            self.scripts.append((self._script, "".join(self._buffer)))
            self._script = False

    def handle_data(self, data):
        if self._script is not False:
            self._buffer.append(data)


def _page_markup(label: str, title: str) -> _Markup:
    from kg.viz import render_html, view_model

    from .viz.conftest import build_meeting_graph
    parser = _Markup()
    parser.feed(render_html(view_model(build_meeting_graph(label)), title=title))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def clean_page() -> _Markup:
    return _page_markup("سالم الحارثي", "Hadath")


_MARKUP = st.sampled_from(["<script>alert(1)</script>", "</script><script>alert(2)//", "<img src=x onerror=alert(3)>",
                           "<!--", "-->", "<![CDATA[", "]]>", "&lt;b&gt;", "\" onmouseover=\"x", "' autofocus '",
                           "<style>*{}</style>", "</title><title>", "javascript:alert(4)", "\u2028", "\u202e"])


@SLOW
@given(st.lists(st.one_of(_MARKUP, any_text(max_size=20)), min_size=1, max_size=6).map("".join),
       st.one_of(st.just("Hadath"), st.lists(st.one_of(_MARKUP, news_text(max_pieces=3)), max_size=3).map("".join)))
def test_fuzz_view_has_no_live_markup_from_a_label(clean_page, label, title):
    """The page for any label and title has exactly the elements, attributes
    and scripts of the page for a plain one; the label is in the data, as data."""
    if not label.strip():
        return
    page = _page_markup(label, title)
    assert page.tags == clean_page.tags
    assert [name for name, _ in page.scripts] == [name for name, _ in clean_page.scripts]
    for (name, text), (_, clean_text) in zip(page.scripts, clean_page.scripts):
        if name == "kg-data":
            data = json.loads(text)
            assert label in [node.get("label") for node in data["nodes"]], "the label is not in the page's data"
        else:
            assert text == clean_text


# ---------------------------------------------------------------- coverage-guided

ATHERIS_SECONDS = int(os.environ.get("KG_ATHERIS_SECONDS", "20"))


def test_fuzz_atheris_finds_no_crash(tmp_path):
    """benchmarks/fuzz_atheris.py for a bounded time, when atheris is installed:
    libFuzzer exits 0 unless an input crashed the reader, normalisation,
    segmentation or extraction, and then its stderr names the input saved."""
    pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fuzz_atheris.py"),
                           f"-max_total_time={ATHERIS_SECONDS}", "-timeout=30", "-rss_limit_mb=2048"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=ATHERIS_SECONDS + 120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-3000:]
