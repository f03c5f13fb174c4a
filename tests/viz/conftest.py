"""Fixtures for the graph view: a hand-built article graph and a page inspector."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal
from rdflib.namespace import PROV, SDO

from kg.rdf.namespace import HD, ID, NIF  # closed: a misspelt term in a test graph fails too

# An invented article: two officials meet in a city.
HEADLINE = "وزير الخارجية يستقبل نظيره في مسقط"
SENTENCE = "استقبل وزير الخارجية سالم الحارثي في مسقط، الثلاثاء، نظيره يوسف العمري لبحث التعاون الثنائي."
ARTICLE_TEXT = SENTENCE + "\nوأكد الجانبان أهمية تعزيز العلاقات."


def _mention(graph: Graph, article, sentence, words: str):
    start = ARTICLE_TEXT.index(words)
    end = start + len(words)
    mention = ID[f"article/doc1/mention/{start}-{end}"]
    graph.add((mention, RDF.type, HD.Mention))
    graph.add((mention, NIF.anchorOf, Literal(words)))
    graph.add((mention, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((mention, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((mention, NIF.referenceContext, article))
    graph.add((mention, NIF.sentence, sentence))
    return mention


def build_meeting_graph(host_label: str = "سالم الحارثي") -> Graph:
    graph = Graph()
    article = ID["article/doc1"]
    graph.add((article, RDF.type, HD.Article))
    graph.add((article, SDO.headline, Literal(HEADLINE, lang="ar")))
    graph.add((article, NIF.isString, Literal(ARTICLE_TEXT)))

    sentence = ID[f"article/doc1/sentence/0-{len(SENTENCE)}"]
    graph.add((sentence, RDF.type, NIF.Sentence))
    graph.add((sentence, NIF.anchorOf, Literal(SENTENCE)))
    graph.add((sentence, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((sentence, NIF.endIndex, Literal(len(SENTENCE), datatype=XSD.nonNegativeInteger)))
    graph.add((sentence, NIF.referenceContext, article))

    host, guest = ID["person/salem-harthi"], ID["person/youssef-omari"]
    city, country = ID["city/muscat"], ID["country/oman"]
    post, meeting = ID["post/oman-foreign-minister"], ID["event/doc1-1"]

    graph.add((host, RDF.type, HD.Person))
    graph.add((host, RDFS.label, Literal(host_label, lang="ar")))
    graph.add((host, SKOS.altLabel, Literal("الحارثي", lang="ar")))
    graph.add((host, SKOS.prefLabel, Literal("Salem Al-Harthi", lang="en")))
    graph.add((host, HD.mention, _mention(graph, article, sentence, "سالم الحارثي")))
    graph.add((host, HD.holds, post))
    graph.add((host, PROV.wasDerivedFrom, article))

    graph.add((guest, RDF.type, HD.Person))
    graph.add((guest, RDFS.label, Literal("يوسف العمري", lang="ar")))
    graph.add((guest, HD.mention, _mention(graph, article, sentence, "يوسف العمري")))

    graph.add((city, RDF.type, HD.City))
    graph.add((city, RDFS.label, Literal("مسقط", lang="ar")))
    graph.add((city, SKOS.prefLabel, Literal("Muscat", lang="en")))
    graph.add((city, HD.mention, _mention(graph, article, sentence, "مسقط")))

    graph.add((country, RDF.type, HD.Country))
    graph.add((country, SKOS.prefLabel, Literal("Oman", lang="en")))

    graph.add((post, RDF.type, HD.Post))
    graph.add((post, RDFS.label, Literal("وزير الخارجية", lang="ar")))
    graph.add((post, HD.postIn, country))

    graph.add((meeting, RDF.type, HD.Meeting))
    graph.add((meeting, RDF.type, HD.Event))  # a materialised superclass must not win
    graph.add((meeting, HD.host, host))
    graph.add((meeting, HD.guest, guest))
    graph.add((meeting, HD.participant, host))  # inferred from hd:host: drawn once, as host
    graph.add((meeting, HD.participant, guest))
    graph.add((meeting, HD.place, city))
    graph.add((meeting, HD.date, Literal("2024-03-05", datatype=XSD.date)))
    graph.add((meeting, HD.trigger, _mention(graph, article, sentence, "استقبل")))
    graph.add((meeting, PROV.wasDerivedFrom, article))
    return graph


@pytest.fixture
def meeting_graph() -> Graph:
    return build_meeting_graph()


@pytest.fixture
def graph_with_host_label():
    """The meeting graph with the host's Arabic label replaced."""
    return build_meeting_graph


@dataclass
class Page:
    """What an HTML parser sees in a page."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def data(self) -> dict:
        (text,) = [text for attrs, text in self.scripts if attrs.get("id") == "kg-data"]
        return json.loads(text)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.page.tags.append((tag, attributes))
        if tag in ("script", "style"):
            self._open = (tag, attributes)
            self._buffer: list[str] = []

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            body = "".join(self._buffer)
            if tag == "script":
                self.page.scripts.append((self._open[1], body))
            else:
                self.page.styles.append(body)
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._buffer.append(data)
        else:
            self.page.text.append(data)


@pytest.fixture
def parse_page():
    def parse(page: str) -> Page:
        parser = _PageParser()
        parser.feed(page)
        parser.close()
        return parser.page

    return parse
