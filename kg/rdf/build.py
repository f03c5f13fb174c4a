"""Documents to RDF: the graph of GUIDE section 4 plus posts and provenance.

Every entity and event is ``prov:wasDerivedFrom`` its article; every mention and
trigger is a NIF phrase with offsets into the article text (``nif:isString``),
so any fact can be traced to the exact words.

Articles share entity IRIs (the same real entity is one node), so the builder
reads what the corpus already holds before it writes: an entity keeps one
``rdfs:label`` (the first written by a gazetteer entity, else the first
written; any other spelling becomes a ``skos:altLabel``) and one English
``skos:prefLabel``, and an article already in the corpus is not written again.
In a Dataset each article's named graph repeats the entity's label, so every
named graph and their union conform to the shapes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO
from rdflib.term import Node

from kg.link.romanize import latin_label
from kg.model import Document, Entity, EntityType, Event, Span
from kg.rdf import iris
from kg.rdf.namespace import HD, NIF
from kg.text.normalize import name_key

PREFIXES = {"hd": HD._NS, "nif": NIF._NS, "schema": SDO._NS, "skos": SKOS._NS, "prov": PROV._NS,
            "owl": OWL._NS, "wd": iris.WD, "id": iris.ID}
_ENTITY_CLASSES = {t: HD[t.value] for t in EntityType}
_POST_ORGS = (EntityType.ORGANISATION, EntityType.COUNTRY)
LATIN = "ar-Latn"   # a transliteration's language tag (BCP 47: Arabic in Latin script)


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


def _held(corpus: Graph, subject: Node, predicate: Node) -> list[tuple[Node, Graph]]:
    """Each value ``corpus`` holds for (subject, predicate), with the graph that
    holds it: for a Dataset, any of its graphs."""
    if isinstance(corpus, Dataset):
        return [(value, corpus.graph(name)) for _, _, value, name in corpus.quads((subject, predicate, None, None))]
    return [(value, corpus) for value in corpus.objects(subject, predicate)]


def _tagged(held: list[tuple[Node, Graph]], language: str) -> list[tuple[Node, Graph]]:
    return [(value, graph) for value, graph in held if isinstance(value, Literal) and value.language == language]


def _from_gazetteer(entity: Entity) -> bool:
    """Only the gazetteer gives an entity a Wikidata item or an English name."""
    return bool(entity.wikidata or entity.label_en)


class _Builder:
    """Writes one document into ``graph``, reading ``corpus`` (the graph itself,
    or the Dataset whose named graph it is) for what earlier articles wrote."""

    def __init__(self, doc: Document, graph: Graph, corpus: Graph):
        self.doc = doc
        self.graph = graph
        self.corpus = corpus
        self.article = iris.article_iri(doc.id)
        self.entity_iris = {e.id: iris.entity_iri(e.id, e.type) for e in doc.entities}
        self.types = {e.id: e.type for e in doc.entities}

    def add(self, *triple) -> None:
        self.graph.add(triple)

    def build(self) -> None:
        if _held(self.corpus, self.article, RDF.type):
            return  # the same text (same id) from another file or a second pass: written once
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
        label = self.entity_label(node, entity)
        for name in (entity.label, *entity.names):
            if Literal(name, lang="ar") != label:
                self.add(node, SKOS.altLabel, Literal(name, lang="ar"))
        self.english_label(node, entity)
        self.latin_label(node, latin_label(str(label), entity.type is EntityType.PERSON and not entity.role_only))
        self.identity_evidence(node, entity)
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
            self.latin_label(post_node, latin_label(post.title, False))
            if post.org in self.entity_iris and self.types[post.org] in _POST_ORGS:
                self.add(post_node, HD.postIn, self.entity_iris[post.org])
            self.add(post_node, PROV.wasDerivedFrom, self.article)
            if self.doc.published:  # the article attests the post held on its day
                self.add(post_node, HD.heldOn, Literal(self.doc.published.isoformat(), datatype=XSD.date))
            self.add(node, HD.holds, post_node)

    def entity_label(self, node: URIRef, entity: Entity) -> Literal:
        """Write and return the entity's one rdfs:label@ar: the label the corpus
        already gives it, unless that came from an article that did not know the
        entity and this one takes its label from the gazetteer."""
        own = Literal(entity.label, lang="ar")
        held = _tagged(_held(self.corpus, node, RDFS.label), "ar")
        if not held:
            self.add(node, RDFS.label, own)
            return own
        known_before = _held(self.corpus, node, OWL.sameAs) or _tagged(_held(self.corpus, node, SKOS.prefLabel), "en")
        label = own if _from_gazetteer(entity) and not known_before else min(value for value, _ in held)
        for value, graph in held:  # in a Dataset, every earlier article's graph
            if value != label:
                graph.remove((node, RDFS.label, value))
                graph.add((node, RDFS.label, label))
                graph.add((node, SKOS.altLabel, value))
            graph.remove((node, SKOS.altLabel, label))
        self.add(node, RDFS.label, label)
        return label

    def english_label(self, node: URIRef, entity: Entity) -> None:
        """One skos:prefLabel@en: the first written (the gazetteer's, unless it changed between runs)."""
        held = _tagged(_held(self.corpus, node, SKOS.prefLabel), "en")
        if held:
            self.add(node, SKOS.prefLabel, min(value for value, _ in held))
        elif entity.label_en:
            self.add(node, SKOS.prefLabel, Literal(entity.label_en, lang="en"))

    def latin_label(self, node: URIRef, latin: str | None) -> None:
        """One skos:prefLabel@ar-Latn, the transliteration of the node's rdfs:label@ar:
        when a later article changes the label, every graph holding the old one follows."""
        if not latin:
            return
        new = Literal(latin, lang=LATIN)
        for value, graph in _held(self.corpus, node, SKOS.prefLabel):
            if isinstance(value, Literal) and (value.language or "").lower() == LATIN.lower() and value != new:
                graph.remove((node, SKOS.prefLabel, value))
                graph.add((node, SKOS.prefLabel, new))
        self.add(node, SKOS.prefLabel, new)

    def identity_evidence(self, node: URIRef, entity: Entity) -> None:
        """Why this article's names were taken for an entity of other articles or a
        gazetteer: its names, the article and the rules (kg.link.corpus, kg.link.people)."""
        if not entity.identity:
            return
        evidence = iris.identity_iri(self.doc.id, entity.id)
        self.add(node, HD.identityEvidence, evidence)
        self.add(evidence, RDF.type, HD.IdentityEvidence)
        for name in (entity.label, *entity.names):
            self.add(evidence, HD.surfaceForm, Literal(name, lang="ar"))
        for rule in entity.identity:
            self.add(evidence, HD.identityRule, Literal(rule))
        self.add(evidence, PROV.wasDerivedFrom, self.article)

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
        if event.cameo:
            self.add(node, HD.cameoCode, Literal(event.cameo))
        if event.session is not None:
            self.add(node, HD.session, Literal(event.session, datatype=XSD.integer))
        for span in event.evidence:
            self.add(node, HD.trigger, self.mention(span))
        self.add(node, PROV.wasDerivedFrom, self.article)

    def label_of(self, entity_id: str) -> str:
        return next(e.label for e in self.doc.entities if e.id == entity_id)


def add_document(graph: Graph, doc: Document, corpus: Graph | None = None) -> Graph:
    """Write ``doc`` into ``graph``.  ``corpus`` is everything written so far
    (default: ``graph`` itself; the Dataset when ``graph`` is one of its named
    graphs): labels are checked against it, and an article it holds is skipped."""
    _Builder(doc, graph, graph if corpus is None else corpus).build()
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
        add_document(dataset.graph(iris.article_iri(doc.id)), doc, corpus=dataset)
    return dataset
