"""Documents to RDF: the graph of GUIDE section 4 plus posts and provenance.

Every entity and event is ``prov:wasDerivedFrom`` its article; every mention and
trigger is a NIF phrase with offsets into the article text (``nif:isString``),
so any fact can be traced to the exact words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO

from kg.model import Document, Entity, EntityType, Event, Span
from kg.rdf import iris
from kg.rdf.namespace import HD, NIF
from kg.text.normalize import name_key

PREFIXES = {"hd": HD._NS, "nif": NIF._NS, "schema": SDO._NS, "skos": SKOS._NS, "prov": PROV._NS,
            "owl": OWL._NS, "wd": iris.WD, "id": iris.ID}
_ENTITY_CLASSES = {t: HD[t.value] for t in EntityType}
_POST_ORGS = (EntityType.ORGANISATION, EntityType.COUNTRY)


@lru_cache(maxsize=1)
def event_type_labels() -> dict[str, str]:
    text = resources.files("kg.rdf").joinpath("labels.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


def date_literal(value: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


class _Builder:
    def __init__(self, doc: Document, graph: Graph):
        self.doc = doc
        self.graph = graph
        self.article = iris.article_iri(doc.id)
        self.entity_iris = {e.id: iris.entity_iri(e.id, e.type) for e in doc.entities}
        self.types = {e.id: e.type for e in doc.entities}

    def add(self, *triple) -> None:
        self.graph.add(triple)

    def build(self) -> None:
        self.article_node()
        for entity in self.doc.entities:
            self.entity(entity)
        for event in self.doc.events:
            self.event(event)

    def article_node(self) -> None:
        doc, article = self.doc, self.article
        self.add(article, RDF.type, HD.Article)
        self.add(article, NIF.isString, Literal(doc.text))
        if doc.title:
            self.add(article, SDO.headline, Literal(doc.title, lang="ar"))
        if doc.published:
            self.add(article, SDO.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date))
        if doc.url and (url := iris.web_iri(doc.url)) is not None:
            self.add(article, SDO.url, url)
        if doc.source:
            self.add(article, HD.sourceFile, Literal(doc.source))

    def mention(self, span: Span) -> URIRef:
        node = iris.mention_iri(self.doc.id, span)
        self.add(node, RDF.type, HD.Mention)
        self.add(node, NIF.anchorOf, Literal(self.doc.text[span.start:span.end]))
        self.add(node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.referenceContext, self.article)
        sentence = self.doc.sentence_at(span.start)
        if sentence is not None:
            self.add(node, NIF.sentence, self.sentence(sentence.span))
        return node

    def sentence(self, span: Span) -> URIRef:
        node = iris.sentence_iri(self.doc.id, span)
        self.add(node, RDF.type, NIF.Sentence)
        self.add(node, NIF.anchorOf, Literal(self.doc.text[span.start:span.end]))
        self.add(node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.referenceContext, self.article)
        return node

    def entity(self, entity: Entity) -> None:
        node = self.entity_iris[entity.id]
        self.add(node, RDF.type, _ENTITY_CLASSES[entity.type])
        self.add(node, RDFS.label, Literal(entity.label, lang="ar"))
        for name in entity.names:
            self.add(node, SKOS.altLabel, Literal(name, lang="ar"))
        if entity.label_en:
            self.add(node, SKOS.prefLabel, Literal(entity.label_en, lang="en"))
        if entity.wikidata:
            self.add(node, OWL.sameAs, iris.wikidata_iri(entity.wikidata))
        if entity.role_only:
            self.add(node, HD.roleOnly, Literal(True))
        if entity.part_of and entity.part_of in self.entity_iris:
            self.add(node, HD.subOrganisationOf, self.entity_iris[entity.part_of])
        self.add(node, PROV.wasDerivedFrom, self.article)
        for mention in entity.mentions:
            self.add(node, HD.mention, self.mention(mention.span))
        for post in entity.posts:
            post_node = iris.post_iri(entity.id, name_key(post.title), post.org)
            self.add(post_node, RDF.type, HD.Post)
            self.add(post_node, RDFS.label, Literal(post.title, lang="ar"))
            if post.org in self.entity_iris and self.types[post.org] in _POST_ORGS:
                self.add(post_node, HD.postIn, self.entity_iris[post.org])
            self.add(post_node, PROV.wasDerivedFrom, self.article)
            self.add(node, HD.holds, post_node)

    def event(self, event: Event) -> None:
        node = iris.event_iri(self.doc.id, event.id)
        self.add(node, RDF.type, HD[event.type.value])
        names = [self.label_of(p.entity) for p in event.participants]
        label = event_type_labels()[event.type.value] + (": " + "، ".join(names) if names else "")
        self.add(node, RDFS.label, Literal(label, lang="ar"))
        for participant in event.participants:
            target = self.entity_iris[participant.entity]
            self.add(node, HD.participant, target)
            if participant.role is not None:
                self.add(node, HD[participant.role.value], target)
        if event.place:
            self.add(node, HD.place, self.entity_iris[event.place])
        if event.date:
            self.add(node, HD.date, date_literal(event.date))
        if event.start:
            self.add(node, HD.startDate, date_literal(event.start))
        if event.end:
            self.add(node, HD.endDate, date_literal(event.end))
        if event.part_of:
            self.add(node, HD.partOf, iris.event_iri(self.doc.id, event.part_of))
        if event.session is not None:
            self.add(node, HD.session, Literal(event.session, datatype=XSD.integer))
        for span in event.evidence:
            self.add(node, HD.trigger, self.mention(span))
        self.add(node, PROV.wasDerivedFrom, self.article)

    def label_of(self, entity_id: str) -> str:
        return next(e.label for e in self.doc.entities if e.id == entity_id)


def add_document(graph: Graph, doc: Document) -> Graph:
    _Builder(doc, graph).build()
    return graph


def document_graph(doc: Document) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    return add_document(graph, doc)


def corpus_graph(docs: Iterable[Document]) -> Graph:
    """All articles in one graph (entities shared across articles are one node)."""
    graph = Graph()
    bind_prefixes(graph)
    for doc in docs:
        add_document(graph, doc)
    return graph


def corpus_dataset(docs: Iterable[Document]) -> Dataset:
    """Each article's triples in its own named graph, named by the article IRI."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for doc in docs:
        add_document(dataset.graph(iris.article_iri(doc.id)), doc)
    return dataset
