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

Speed.  The builder writes into a ``Triples`` (IRIs as str, literals as
``Lit``), not into an rdflib Graph: rdflib's Memory store costs about 0.1 ms a
triple (indexes, term hashing in Python) and its Literal parses every value,
ten times what extracting an article costs.  ``document_ntriples`` and
``corpus_quads`` never make a Graph; ``document_graph``, ``corpus_graph`` and
``corpus_dataset`` fill one in a single pass at the end; ``add_document``
writes into a graph the caller holds, triple by triple, as it always did.
The N-Triples written are rdflib's own, byte for byte (``Lit.n3``;
tests/rdf/test_ntriples.py compares them on hostile text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Union

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
LATIN = "ar-Latn"   # a transliteration's language tag (BCP 47: Arabic in Latin script)


class _Plain:
    """A namespace's terms as plain str, looked up once: the builder's IRIs are
    str because rdflib's URIRef hashes in Python, and a misspelt term still fails."""

    def __init__(self, namespace):
        self._namespace = namespace
        self._items: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> str:
        if name not in self._items:
            self._items[name] = str(self._namespace[name])
        return self._items[name]


_HD, _NIF, _RDF, _RDFS, _SKOS, _OWL, _PROV, _SDO = map(_Plain, (HD, NIF, RDF, RDFS, SKOS, OWL, PROV, SDO))
_XSD_DATE, _XSD_INTEGER = str(XSD.date), str(XSD.integer)
_XSD_NON_NEGATIVE, _XSD_BOOLEAN = str(XSD.nonNegativeInteger), str(XSD.boolean)
_DATE_TYPES = {10: _XSD_DATE, 7: str(XSD.gYearMonth), 4: str(XSD.gYear)}
_ENTITY_CLASSES = {t: str(HD[t.value]) for t in EntityType}
_POST_ORGS = (EntityType.ORGANISATION, EntityType.COUNTRY)


class Lit(NamedTuple):
    """A literal as the builder writes it: its lexical form and a language tag or
    a datatype IRI.  rdflib's Literal would parse and normalise the value on
    every creation; ``to_rdflib`` makes one when a Graph is asked for."""

    lexical: str
    language: str | None = None
    datatype: str | None = None

    def n3(self) -> str:
        """The literal as rdflib's N-Triples serialiser writes it
        (rdflib.plugins.serializers.nt._quoteLiteral): only backslash, newline,
        double quote and carriage return are escaped, in that order."""
        quoted = self.lexical.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
        if self.language:
            return f'"{quoted}"@{self.language}'
        if self.datatype:
            return f'"{quoted}"^^<{self.datatype}>'
        return f'"{quoted}"'


Term = Union[str, Lit]   # an IRI (str) or a literal
Triple = tuple[str, str, Term]


def to_rdflib(term: Term) -> Node:
    if isinstance(term, Lit):
        return Literal(term.lexical, lang=term.language, datatype=URIRef(term.datatype) if term.datatype else None)
    return URIRef(term)


def from_rdflib(node: Node) -> Term:
    if isinstance(node, Literal):
        return Lit(str(node), node.language, str(node.datatype) if node.datatype else None)
    return str(node)


class Triples:
    """A set of triples, indexed by subject and predicate: all the builder needs
    of a graph.  Iteration goes by (subject, predicate) in the order each pair
    was first written."""

    __slots__ = ("_index", "_name", "_holders")

    def __init__(self, name: str | None = None, holders: dict[tuple[str, str], dict[str, None]] | None = None):
        self._index: dict[tuple[str, str], dict[Term, None]] = {}
        self._name = name          # in a _Quads: this graph's name,
        self._holders = holders    # and the dataset's record of which graphs hold a (subject, predicate)

    def add(self, triple: Triple) -> None:
        subject, predicate, value = triple
        values = self._index.get((subject, predicate))
        if values is None:
            self._index[(subject, predicate)] = {value: None}
            if self._holders is not None:
                self._holders.setdefault((subject, predicate), {})[self._name] = None
        else:
            values[value] = None

    def remove(self, triple: Triple) -> None:
        values = self._index.get(triple[:2])
        if values is not None:
            values.pop(triple[2], None)

    def objects(self, subject: str, predicate: str) -> list[Term]:
        return list(self._index.get((subject, predicate), ()))

    def held(self, subject: str, predicate: str) -> list[tuple[Term, Triples]]:
        """Each value for (subject, predicate), with the graph holding it (for the builder)."""
        return [(value, self) for value in self._index.get((subject, predicate), ())]

    def __iter__(self) -> Iterator[Triple]:
        for (subject, predicate), values in self._index.items():
            for value in values:
                yield subject, predicate, value

    def __len__(self) -> int:
        return sum(map(len, self._index.values()))

    def lines(self, end: str = " .\n") -> list[str]:
        """One N-Triples line a triple, as rdflib writes it, each closed by ``end``."""
        lines = []
        for (subject, predicate), values in self._index.items():
            start = f"<{subject}> <{predicate}> "
            for value in values:
                lines.append(start + (value.n3() if value.__class__ is Lit else f"<{value}>") + end)
        return lines

    def ntriples(self) -> str:
        """The triples as N-Triples, as rdflib serialises a graph (format="nt"), up to
        the order of lines; like rdflib, a lone surrogate raises UnicodeEncodeError."""
        text = "".join(self.lines())
        text.encode("utf-8")   # what rdflib's serialiser does with the text: refuse what UTF-8 cannot hold
        return text

    def nquads(self, graph: str) -> str:
        """The triples as N-Quads in the named graph ``graph``, lines sorted so the
        same triples always give the same text."""
        text = "".join(sorted(self.lines(f" <{graph}> .\n")))
        text.encode("utf-8")
        return text

    def fill(self, graph: Graph) -> Graph:
        """Add the triples to an rdflib graph, in one pass, each term made once."""
        made: dict[Term, Node] = {}

        def node(term: Term) -> Node:
            found = made.get(term)
            if found is None:
                found = made[term] = to_rdflib(term)
            return found

        graph.addN((node(subject), node(predicate), node(value), graph) for subject, predicate, value in self)
        return graph


class _Quads:
    """Named graphs of Triples, and which of them hold each (subject, predicate):
    the builder's view of a dataset."""

    def __init__(self):
        self.graphs: dict[str, Triples] = {}
        self._holders: dict[tuple[str, str], dict[str, None]] = {}

    def graph(self, name: str) -> Triples:
        if name not in self.graphs:
            self.graphs[name] = Triples(name, self._holders)
        return self.graphs[name]

    def held(self, subject: str, predicate: str) -> list[tuple[Term, Triples]]:
        held = []
        for name in self._holders.get((subject, predicate), ()):
            held.extend(self.graphs[name].held(subject, predicate))
        return held


class _RdflibGraph:
    """An rdflib Graph or Dataset as the builder sees a Triples, for add_document:
    each triple converted and written at once."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def add(self, triple: Triple) -> None:
        self.graph.add(tuple(map(to_rdflib, triple)))

    def remove(self, triple: Triple) -> None:
        self.graph.remove(tuple(map(to_rdflib, triple)))

    def held(self, subject: str, predicate: str) -> list[tuple[Term, _RdflibGraph]]:
        """For a Dataset, the values in any of its graphs."""
        pattern = (URIRef(subject), URIRef(predicate), None)
        if isinstance(self.graph, Dataset):
            return [(from_rdflib(value), _RdflibGraph(self.graph.graph(name)))
                    for _, _, value, name in self.graph.quads((*pattern, None))]
        return [(from_rdflib(value), self) for value in self.graph.objects(*pattern[:2])]


@lru_cache(maxsize=1)
def _event_type_rows() -> list[list[str]]:
    text = resources.files("kg.rdf").joinpath("labels.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def event_type_labels() -> dict[str, str]:
    """EventType value -> its Arabic name."""
    return {row[0]: row[1] for row in _event_type_rows()}


def event_type_english() -> dict[str, str]:
    """EventType value -> its English name."""
    return {row[0]: row[2] for row in _event_type_rows()}


def date_literal(value: str) -> Lit:
    return Lit(value, None, _DATE_TYPES[len(value)])


def _count(value: int, datatype: str = _XSD_NON_NEGATIVE) -> Lit:
    return Lit(str(value), None, datatype)


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def _tagged(held: list[tuple[Term, object]], language: str) -> list[tuple[Lit, object]]:
    return [(value, graph) for value, graph in held if isinstance(value, Lit) and value.language == language]


def _from_gazetteer(entity: Entity) -> bool:
    """Only the gazetteer gives an entity a Wikidata item or an English name."""
    return bool(entity.wikidata or entity.label_en)


def _personal_name(entity: Entity) -> bool:
    """Whether the entity's label is a personal name: a named person's, or the
    people gazetteer's name for a role-only person it identifies (kg.link.people)."""
    return entity.type is EntityType.PERSON and (not entity.role_only or _from_gazetteer(entity))


class _Builder:
    """Writes one document into ``graph``, reading ``corpus`` (the graph itself,
    or the dataset whose named graph it is) for what earlier articles wrote.
    Both are Triples, _Quads or _RdflibGraph: ``add``, and ``held`` (each value
    of a subject's predicate, with the graph holding it)."""

    def __init__(self, doc: Document, graph, corpus):
        self.doc = doc
        self.graph = graph
        self.corpus = corpus
        self.article = str(iris.article_iri(doc.id))
        self.entity_iris = {e.id: str(iris.entity_iri(e.id, e.type)) for e in doc.entities}
        self.types = {e.id: e.type for e in doc.entities}
        self.sentences: dict[Span, str] = {}   # sentence IRIs written so far: each written once
        self.readable: dict[str, str] = {}     # entity id -> its name in Latin letters, as written (for event labels)

    def add(self, subject: str, predicate: str, value: Term) -> None:
        self.graph.add((subject, predicate, value))

    def build(self) -> None:
        if self.corpus.held(self.article, _RDF.type):
            return  # the same text (same id) from another file or a second pass: written once
        self.article_node()
        for entity in self.doc.entities:
            self.entity(entity)
        for event in self.doc.events:
            self.event(event)

    def article_node(self) -> None:
        doc, article = self.doc, self.article
        self.add(article, _RDF.type, _HD.Article)
        self.add(article, _NIF.isString, Lit(doc.text))
        if doc.title:
            self.add(article, _SDO.headline, Lit(doc.title, "ar"))
        if doc.published:
            self.add(article, _SDO.datePublished, Lit(doc.published.isoformat(), None, _XSD_DATE))
        if doc.url and (url := iris.web_iri(doc.url)) is not None:
            self.add(article, _SDO.url, str(url))
        if doc.source:
            self.add(article, _HD.sourceFile, Lit(doc.source))

    def mention(self, span: Span) -> str:
        node = str(iris.mention_iri(self.doc.id, span))
        self.add(node, _RDF.type, _HD.Mention)
        self.anchor(node, span)
        sentence = self.doc.sentence_at(span.start)
        if sentence is not None:
            self.add(node, _NIF.sentence, self.sentence(sentence.span))
        return node

    def sentence(self, span: Span) -> str:
        node = self.sentences.get(span)
        if node is None:
            node = self.sentences[span] = str(iris.sentence_iri(self.doc.id, span))
            self.add(node, _RDF.type, _NIF.Sentence)
            self.anchor(node, span)
        return node

    def anchor(self, node: str, span: Span) -> None:
        self.add(node, _NIF.anchorOf, Lit(self.doc.text[span.start:span.end]))
        self.add(node, _NIF.beginIndex, _count(span.start))
        self.add(node, _NIF.endIndex, _count(span.end))
        self.add(node, _NIF.referenceContext, self.article)

    def entity(self, entity: Entity) -> None:
        node = self.entity_iris[entity.id]
        self.add(node, _RDF.type, _ENTITY_CLASSES[entity.type])
        label = self.entity_label(node, entity)
        for name in (entity.label, *entity.names):
            if Lit(name, "ar") != label:
                self.add(node, _SKOS.altLabel, Lit(name, "ar"))
        english = self.english_label(node, entity)
        latin = latin_label(label.lexical, _personal_name(entity))
        self.latin_label(node, latin)
        if english or latin:
            self.readable[entity.id] = english.lexical if english else latin
        self.identity_evidence(node, entity)
        if entity.wikidata:
            self.add(node, _OWL.sameAs, str(iris.wikidata_iri(entity.wikidata)))
        if entity.role_only:
            self.add(node, _HD.roleOnly, Lit("true", None, _XSD_BOOLEAN))
        if entity.part_of and entity.part_of in self.entity_iris:
            self.add(node, _HD.subOrganisationOf, self.entity_iris[entity.part_of])
        self.add(node, _PROV.wasDerivedFrom, self.article)
        for mention in entity.mentions:
            self.add(node, _HD.mention, self.mention(mention.span))
        for post in entity.posts:
            post_node = str(iris.post_iri(entity.id, name_key(post.title), post.org))
            self.add(post_node, _RDF.type, _HD.Post)
            self.add(post_node, _RDFS.label, Lit(post.title, "ar"))
            self.latin_label(post_node, latin_label(post.title, False))
            if post.org in self.entity_iris and self.types[post.org] in _POST_ORGS:
                self.add(post_node, _HD.postIn, self.entity_iris[post.org])
            self.add(post_node, _PROV.wasDerivedFrom, self.article)
            if self.doc.published:  # the article attests the post held on its day
                self.add(post_node, _HD.heldOn, Lit(self.doc.published.isoformat(), None, _XSD_DATE))
            self.add(node, _HD.holds, post_node)

    def entity_label(self, node: str, entity: Entity) -> Lit:
        """Write and return the entity's one rdfs:label@ar: the label the corpus
        already gives it, unless that came from an article that did not know the
        entity and this one takes its label from the gazetteer."""
        own = Lit(entity.label, "ar")
        held = _tagged(self.corpus.held(node, _RDFS.label), "ar")
        if not held:
            self.add(node, _RDFS.label, own)
            return own
        known_before = self.corpus.held(node, _OWL.sameAs) or _tagged(self.corpus.held(node, _SKOS.prefLabel), "en")
        label = own if _from_gazetteer(entity) and not known_before else min(value for value, _ in held)
        for value, graph in held:  # in a dataset, every earlier article's graph
            if value != label:
                graph.remove((node, _RDFS.label, value))
                graph.add((node, _RDFS.label, label))
                graph.add((node, _SKOS.altLabel, value))
            graph.remove((node, _SKOS.altLabel, label))
        self.add(node, _RDFS.label, label)
        return label

    def english_label(self, node: str, entity: Entity) -> Lit | None:
        """Write and return the one skos:prefLabel@en: the first written (the
        gazetteer's, unless it changed between runs)."""
        held = _tagged(self.corpus.held(node, _SKOS.prefLabel), "en")
        english = min(value for value, _ in held) if held else Lit(entity.label_en, "en") if entity.label_en else None
        if english is not None:
            self.add(node, _SKOS.prefLabel, english)
        return english

    def latin_label(self, node: str, latin: str | None) -> None:
        """One skos:prefLabel@ar-Latn, the transliteration of the node's rdfs:label@ar:
        when a later article changes the label, every graph holding the old one follows."""
        if not latin:
            return
        new = Lit(latin, LATIN)
        for value, graph in self.corpus.held(node, _SKOS.prefLabel):
            if isinstance(value, Lit) and (value.language or "").lower() == LATIN.lower() and value != new:
                graph.remove((node, _SKOS.prefLabel, value))
                graph.add((node, _SKOS.prefLabel, new))
        self.add(node, _SKOS.prefLabel, new)

    def identity_evidence(self, node: str, entity: Entity) -> None:
        """Why this article's names were taken for an entity of other articles or a
        gazetteer: its names, the article and the rules (kg.link.corpus, kg.link.people)."""
        if not entity.identity:
            return
        evidence = str(iris.identity_iri(self.doc.id, entity.id))
        self.add(node, _HD.identityEvidence, evidence)
        self.add(evidence, _RDF.type, _HD.IdentityEvidence)
        for name in (entity.label, *entity.names):
            self.add(evidence, _HD.surfaceForm, Lit(name, "ar"))
        for rule in entity.identity:
            self.add(evidence, _HD.identityRule, Lit(rule))
        self.add(evidence, _PROV.wasDerivedFrom, self.article)

    def event(self, event: Event) -> None:
        node = str(iris.event_iri(self.doc.id, event.id))
        self.add(node, _RDF.type, _HD[event.type.value])
        names = [self.label_of(p.entity) for p in event.participants]
        label = event_type_labels()[event.type.value] + (": " + "، ".join(names) if names else "")
        self.add(node, _RDFS.label, Lit(label, "ar"))
        self.add(node, _SKOS.prefLabel, Lit(self.english_event_label(event), "en"))
        for participant in event.participants:
            target = self.entity_iris[participant.entity]
            self.add(node, _HD.participant, target)
            if participant.role is not None:
                self.add(node, _HD[participant.role.value], target)
        if event.place:
            self.add(node, _HD.place, self.entity_iris[event.place])
        if event.date:
            self.add(node, _HD.date, date_literal(event.date))
        if event.start:
            self.add(node, _HD.startDate, date_literal(event.start))
        if event.end:
            self.add(node, _HD.endDate, date_literal(event.end))
        if event.part_of:
            self.add(node, _HD.partOf, str(iris.event_iri(self.doc.id, event.part_of)))
        if event.cameo:
            self.add(node, _HD.cameoCode, Lit(event.cameo))
        if event.session is not None:
            self.add(node, _HD.session, _count(event.session, _XSD_INTEGER))
        for span in event.evidence:
            self.add(node, _HD.trigger, self.mention(span))
        self.add(node, _PROV.wasDerivedFrom, self.article)

    def english_event_label(self, event: Event) -> str:
        """"Meeting: Abdullah II – Emmanuel Macron": the type and the participants'
        English names or transliterations, for a reader without Arabic; a
        participant with neither is left out rather than written in Arabic."""
        names = [self.readable[p.entity] for p in event.participants if p.entity in self.readable]
        return event_type_english()[event.type.value] + (": " + " \u2013 ".join(names) if names else "")

    def label_of(self, entity_id: str) -> str:
        return next(e.label for e in self.doc.entities if e.id == entity_id)


def document_triples(doc: Document) -> Triples:
    """The triples of one article on its own."""
    triples = Triples()
    _Builder(doc, triples, triples).build()
    return triples


def document_ntriples(doc: Document) -> str:
    """The graph of one article as N-Triples text, without an rdflib Graph: the
    lines ``document_graph(doc).serialize(format="nt")`` writes, in another order."""
    return document_triples(doc).ntriples()


def document_graph(doc: Document) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    return document_triples(doc).fill(graph)


def add_document(graph: Graph, doc: Document, corpus: Graph | None = None) -> Graph:
    """Write ``doc`` into ``graph``.  ``corpus`` is everything written so far
    (default: ``graph`` itself; the Dataset when ``graph`` is one of its named
    graphs): labels are checked against it, and an article it holds is skipped."""
    _Builder(doc, _RdflibGraph(graph), _RdflibGraph(graph if corpus is None else corpus)).build()
    return graph


def corpus_triples(docs: Iterable[Document]) -> Triples:
    """All articles' triples in one set (entities shared across articles are one node)."""
    triples = Triples()
    for doc in docs:
        _Builder(doc, triples, triples).build()
    return triples


def corpus_graph(docs: Iterable[Document]) -> Graph:
    """All articles in one graph (entities shared across articles are one node)."""
    graph = Graph()
    bind_prefixes(graph)
    return corpus_triples(docs).fill(graph)


def corpus_quads(docs: Iterable[Document]) -> dict[str, Triples]:
    """Each article's triples, by article IRI, in the order the articles came:
    what ``corpus_dataset`` holds, without rdflib."""
    quads = _Quads()
    for doc in docs:
        article = str(iris.article_iri(doc.id))
        _Builder(doc, quads.graph(article), quads).build()
    return quads.graphs


def corpus_dataset(docs: Iterable[Document]) -> Dataset:
    """Each article's triples in its own named graph, named by the article IRI."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for article, triples in corpus_quads(docs).items():
        triples.fill(dataset.graph(URIRef(article)))
    return dataset
