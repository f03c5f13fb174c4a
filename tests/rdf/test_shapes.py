"""ontologies/shapes.ttl accepts a graph written as ontologies/README.md says, and nothing else."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, PROV, RDFS, SH

from kg.rdf.namespace import HD, NIF

# An invented article: a Moroccan minister receives his Spanish counterpart in
# Rabat on the sidelines of a joint committee's 13th session. Offsets count
# code points of TEXT below; the sentence anchors repeat it.
#   استقبل وزير الشؤون الخارجية يوسف بنمنصور، اليوم الجمعة بالرباط، وزير الخارجية الإسباني،
#   على هامش الدورة الـ13 للجنة المشتركة المغربية الإسبانية. وبحث الطرفان سبل تعزيز التعاون.
PREFIXES = """
BASE <https://w3id.org/hadath/id/>
PREFIX hd: <https://w3id.org/hadath/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

CONFORMING = PREFIXES + """
<article/demo> a hd:Article ;
    schema:headline "بنمنصور يستقبل نظيره الإسباني بالرباط"@ar ;
    schema:datePublished "2023-12-01"^^xsd:date ;
    schema:url <https://example.org/news/demo> ;
    hd:sourceFile "corpus/articles/demo.txt" ;
    nif:isString "استقبل وزير الشؤون الخارجية يوسف بنمنصور، اليوم الجمعة بالرباط، وزير الخارجية الإسباني، على هامش الدورة الـ13 للجنة المشتركة المغربية الإسبانية. وبحث الطرفان سبل تعزيز التعاون." .

<article/demo/sentence/0-144> a nif:Sentence ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "144"^^xsd:nonNegativeInteger ;
    nif:anchorOf "استقبل وزير الشؤون الخارجية يوسف بنمنصور، اليوم الجمعة بالرباط، وزير الخارجية الإسباني، على هامش الدورة الـ13 للجنة المشتركة المغربية الإسبانية." ;
    nif:referenceContext <article/demo> .

<article/demo/sentence/145-176> a nif:Sentence ;
    nif:beginIndex "145"^^xsd:nonNegativeInteger ; nif:endIndex "176"^^xsd:nonNegativeInteger ;
    nif:anchorOf "وبحث الطرفان سبل تعزيز التعاون." ;
    nif:referenceContext <article/demo> .

<article/demo/mention/0-6> a hd:Mention ; nif:anchorOf "استقبل" ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "6"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/28-40> a hd:Mention ; nif:anchorOf "يوسف بنمنصور" ;
    nif:beginIndex "28"^^xsd:nonNegativeInteger ; nif:endIndex "40"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/56-62> a hd:Mention ; nif:anchorOf "الرباط" ;
    nif:beginIndex "56"^^xsd:nonNegativeInteger ; nif:endIndex "62"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/64-86> a hd:Mention ; nif:anchorOf "وزير الخارجية الإسباني" ;
    nif:beginIndex "64"^^xsd:nonNegativeInteger ; nif:endIndex "86"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/97-109> a hd:Mention ; nif:anchorOf "الدورة الـ13" ;
    nif:beginIndex "97"^^xsd:nonNegativeInteger ; nif:endIndex "109"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/110-143> a hd:Mention ; nif:anchorOf "للجنة المشتركة المغربية الإسبانية" ;
    nif:beginIndex "110"^^xsd:nonNegativeInteger ; nif:endIndex "143"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/125-133> a hd:Mention ; nif:anchorOf "المغربية" ;
    nif:beginIndex "125"^^xsd:nonNegativeInteger ; nif:endIndex "133"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .
<article/demo/mention/134-143> a hd:Mention ; nif:anchorOf "الإسبانية" ;
    nif:beginIndex "134"^^xsd:nonNegativeInteger ; nif:endIndex "143"^^xsd:nonNegativeInteger ;
    nif:referenceContext <article/demo> ; nif:sentence <article/demo/sentence/0-144> .

<person/yusuf-benmansour> a hd:Person ;
    rdfs:label "يوسف بنمنصور"@ar ; skos:altLabel "بنمنصور"@ar ;
    hd:holds <post/moroccan-foreign-minister> ;
    hd:mention <article/demo/mention/28-40> ;
    prov:wasDerivedFrom <article/demo> .

<person/spanish-foreign-minister> a hd:Person ;
    rdfs:label "وزير الخارجية الإسباني"@ar ;
    hd:roleOnly true ;
    hd:holds <post/spanish-foreign-minister> ;
    hd:mention <article/demo/mention/64-86> ;
    prov:wasDerivedFrom <article/demo> .

<organisation/moroccan-spanish-joint-committee> a hd:Organisation ;
    rdfs:label "اللجنة المشتركة المغربية الإسبانية"@ar ;
    hd:mention <article/demo/mention/110-143> ;
    prov:wasDerivedFrom <article/demo> .

<country/morocco> a hd:Country ;
    rdfs:label "المغرب"@ar ; skos:altLabel "المغربية"@ar ; skos:prefLabel "Morocco"@en ;
    owl:sameAs wd:Q1028 ;
    hd:mention <article/demo/mention/125-133> ;
    prov:wasDerivedFrom <article/demo> .

<country/spain> a hd:Country ;
    rdfs:label "إسبانيا"@ar ; skos:altLabel "الإسبانية"@ar , "الإسباني"@ar ; skos:prefLabel "Spain"@en ;
    owl:sameAs wd:Q29 ;
    hd:mention <article/demo/mention/134-143> ;
    prov:wasDerivedFrom <article/demo> .

<city/rabat> a hd:City ;
    rdfs:label "الرباط"@ar ;
    owl:sameAs wd:Q3551 ;
    hd:mention <article/demo/mention/56-62> ;
    prov:wasDerivedFrom <article/demo> .

<post/moroccan-foreign-minister> a hd:Post ;
    rdfs:label "وزير الشؤون الخارجية"@ar ;
    hd:postIn <country/morocco> ;
    prov:wasDerivedFrom <article/demo> .

<post/spanish-foreign-minister> a hd:Post ;
    rdfs:label "وزير الخارجية الإسباني"@ar ;
    hd:postIn <country/spain> ;
    prov:wasDerivedFrom <article/demo> .

<event/demo-1> a hd:Meeting ;
    rdfs:label "استقبال بنمنصور لوزير الخارجية الإسباني"@ar ;
    hd:participant <person/yusuf-benmansour> , <person/spanish-foreign-minister> ;
    hd:host <person/yusuf-benmansour> ;
    hd:guest <person/spanish-foreign-minister> ;
    hd:place <city/rabat> ;
    hd:date "2023-12-01"^^xsd:date ;
    hd:partOf <event/demo-2> ;
    hd:trigger <article/demo/mention/0-6> ;
    prov:wasDerivedFrom <article/demo> .

<event/demo-2> a hd:Conference ;
    rdfs:label "الدورة الـ13 للجنة المشتركة المغربية الإسبانية"@ar ;
    hd:participant <organisation/moroccan-spanish-joint-committee> , <country/morocco> , <country/spain> ;
    hd:organiser <organisation/moroccan-spanish-joint-committee> ;
    hd:place <city/rabat> ;
    hd:startDate "2023-11"^^xsd:gYearMonth ;
    hd:endDate "2023-12"^^xsd:gYearMonth ;
    hd:session 13 ;
    hd:trigger <article/demo/mention/97-109> ;
    prov:wasDerivedFrom <article/demo> .
"""


def conforming_graph() -> Graph:
    return Graph().parse(data=CONFORMING, format="turtle")


def test_shapes_are_well_formed_shacl(shapes):
    conforms, _, text = pyshacl.validate(shapes, meta_shacl=True, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_shapes_use_only_ontology_terms(shapes):
    hd_terms = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(str(HD))}
    assert {t for t in hd_terms if t not in HD} == set()


def test_shapes_target_every_event_and_entity_class(ontology, shapes):
    for root, shape in [(HD.Event, "EventShape"), (HD.Entity, "EntityShape")]:
        subclasses = set(ontology.transitive_subjects(RDFS.subClassOf, root))
        abstract = {HD.Event, HD.Entity, HD.Place}  # never an instance's only type
        targets = set(shapes.objects(URIRef("https://w3id.org/hadath/shapes#" + shape), SH.targetClass))
        assert subclasses - abstract <= targets


def test_shapes_accept_a_conforming_graph(shacl_validate):
    report = shacl_validate(conforming_graph())
    assert report.conforms, report.text


@pytest.mark.parametrize("date", ['"2023-12-01"^^xsd:date', '"2023-12"^^xsd:gYearMonth', '"2023"^^xsd:gYear'])
def test_shapes_accept_a_date_of_any_precision(shacl_validate, date):
    graph = conforming_graph()
    graph.update(PREFIXES + f"DELETE {{ <event/demo-1> hd:date ?d }} INSERT {{ <event/demo-1> hd:date {date} }} "
                 "WHERE { <event/demo-1> hd:date ?d }")
    report = shacl_validate(graph)
    assert report.conforms, report.text


# Each update breaks one rule of ontologies/README.md; the path is where the
# violation must be reported, so a variant cannot pass by failing elsewhere.
@pytest.mark.parametrize(
    "update, path",
    [
        pytest.param(
            'INSERT DATA { <person/yusuf-benmansour> rdfs:label "بنمنصور"@ar }',
            RDFS.label, id="person-with-two-arabic-labels",
        ),
        pytest.param(
            'DELETE { ?l rdfs:label ?n } INSERT { ?l rdfs:label "Rabat"@en } '
            "WHERE { BIND (<city/rabat> AS ?l) ?l rdfs:label ?n }",
            RDFS.label, id="label-not-arabic",
        ),
        pytest.param(
            "DELETE { <event/demo-1> hd:place ?p } INSERT { <event/demo-1> hd:place <person/yusuf-benmansour> } "
            "WHERE { <event/demo-1> hd:place ?p }",
            HD.place, id="place-is-a-person",
        ),
        pytest.param(
            'DELETE { <event/demo-1> hd:date ?d } INSERT { <event/demo-1> hd:date "2023-12-01" } '
            "WHERE { <event/demo-1> hd:date ?d }",
            HD.date, id="date-as-plain-string",
        ),
        pytest.param(
            'INSERT DATA { <event/demo-1> hd:date "2023-11-30"^^xsd:date }',
            HD.date, id="two-dates",
        ),
        pytest.param(
            'INSERT DATA { <event/demo-2> hd:session "13" }',
            HD.session, id="session-as-string",
        ),
        pytest.param(
            "INSERT DATA { <country/morocco> owl:sameAs <http://dbpedia.org/resource/Morocco> }",
            OWL.sameAs, id="same-as-not-wikidata",
        ),
        pytest.param(
            "INSERT DATA { <country/morocco> owl:sameAs <http://www.wikidata.org/entity/P17> }",
            OWL.sameAs, id="same-as-wikidata-property",
        ),
        pytest.param(
            "DELETE WHERE { <article/demo/mention/28-40> nif:beginIndex ?b }",
            NIF.beginIndex, id="mention-without-begin-index",
        ),
        pytest.param(
            "DELETE { ?m nif:endIndex ?e } INSERT { ?m nif:endIndex -1 } "
            "WHERE { BIND (<article/demo/mention/28-40> AS ?m) ?m nif:endIndex ?e }",
            NIF.endIndex, id="end-index-negative",
        ),
        pytest.param(
            "DELETE { ?m nif:endIndex ?e } INSERT { ?m nif:endIndex 41.0 } "
            "WHERE { BIND (<article/demo/mention/28-40> AS ?m) ?m nif:endIndex ?e }",
            NIF.endIndex, id="end-index-not-an-integer",
        ),
        pytest.param(
            'DELETE { ?m nif:endIndex ?e } INSERT { ?m nif:endIndex "41"^^xsd:nonNegativeInteger } '
            "WHERE { BIND (<article/demo/mention/28-40> AS ?m) ?m nif:endIndex ?e }",
            NIF.anchorOf, id="anchor-not-the-text-at-the-offsets",
        ),
        pytest.param(
            'DELETE { ?m nif:beginIndex ?b } INSERT { ?m nif:beginIndex "50"^^xsd:nonNegativeInteger } '
            "WHERE { BIND (<article/demo/mention/28-40> AS ?m) ?m nif:beginIndex ?b }",
            NIF.beginIndex, id="begin-index-after-end-index",
        ),
        pytest.param(
            "DELETE DATA { <event/demo-1> hd:participant <person/spanish-foreign-minister> }",
            HD.guest, id="role-without-participant-triple",
        ),
        pytest.param(
            "DELETE WHERE { <city/rabat> prov:wasDerivedFrom ?a }",
            PROV.wasDerivedFrom, id="entity-without-provenance",
        ),
        pytest.param(
            "DELETE { ?p hd:postIn ?o } INSERT { ?p hd:postIn <city/rabat> } "
            "WHERE { BIND (<post/spanish-foreign-minister> AS ?p) ?p hd:postIn ?o }",
            HD.postIn, id="post-in-a-city",
        ),
    ],
)
def test_shapes_reject_a_broken_graph(shacl_validate, update, path):
    graph = conforming_graph()
    graph.update(PREFIXES + update)
    report = shacl_validate(graph)
    assert not report.conforms
    assert path in report.paths, report.text
