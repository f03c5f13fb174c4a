"""The generated HD namespace and the ontology it is generated from agree."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, Namespace

from kg.errors import ResourceError
from kg.model import EntityType, EventType, Role
from kg.rdf.gen_namespace import regenerate, splice
from kg.rdf.namespace import HD, NIF

from ..conftest import ONTOLOGIES, ROOT

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
HD_TERMS = sorted(HD.__annotations__)


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        subject
        for kind in TERM_KINDS
        for subject in ontology.subjects(RDF.type, kind)
        if str(subject).startswith(str(HD))
    }


def languages(ontology: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted(o.language for o in ontology.objects(subject, predicate) if isinstance(o, Literal))


def test_namespace_terms_are_the_ontology_terms(ontology):
    assert set(dir(HD)) == declared_terms(ontology)


def test_namespace_is_generated_from_the_current_ontology():
    # the checkout's files, also when the tests run on an installed package (.ci/run)
    current, wanted = regenerate(ONTOLOGIES / "hadath.ttl", ROOT / "kg" / "rdf" / "namespace.py")
    assert current == wanted, "kg/rdf/namespace.py is stale: run python -m kg.rdf.gen_namespace"


def test_gen_namespace_refuses_a_file_without_one_generated_block():
    with pytest.raises(ResourceError):
        splice('"""No markers here."""\n', "# BEGIN GENERATED\n# END GENERATED\n")


@pytest.mark.parametrize("namespace, misspelt", [(HD, "Meting"), (HD, "participants"), (NIF, "anchor")])
def test_namespace_misspelt_term_raises(namespace, misspelt):
    with pytest.raises(AttributeError):
        getattr(namespace, misspelt)


def test_namespace_iris():
    assert HD.Meeting == URIRef("https://w3id.org/hadath/ontology#Meeting")
    assert NIF.beginIndex == URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")


@pytest.mark.parametrize("name", HD_TERMS)
def test_ontology_term_has_one_arabic_and_one_english_label(ontology, name):
    assert languages(ontology, HD[name], RDFS.label) == ["ar", "en"]


@pytest.mark.parametrize("name", HD_TERMS)
def test_ontology_term_has_arabic_and_english_definition(ontology, name):
    assert languages(ontology, HD[name], SKOS.definition) == ["ar", "en"]


def test_ontology_header(ontology):
    header = URIRef("https://w3id.org/hadath/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(header, DCTERMS.license) == URIRef("https://spdx.org/licenses/GPL-3.0-or-later.html")
    assert languages(ontology, header, DCTERMS.title) == ["ar", "en"]


# The alignments ontologies/README.md promises; schema.org in its https form (rdflib's SDO).
@pytest.mark.parametrize(
    "subject, predicate, obj",
    [
        (HD.Article, RDFS.subClassOf, SDO.NewsArticle),
        (HD.Article, RDFS.subClassOf, PROV.Entity),
        (HD.Article, RDFS.subClassOf, NIF.Context),
        (HD.Mention, RDFS.subClassOf, NIF.Phrase),
        (HD.Person, RDFS.subClassOf, FOAF.Person),
        (HD.Person, RDFS.subClassOf, SDO.Person),
        (HD.Organisation, RDFS.subClassOf, ORG.Organization),
        (HD.Organisation, RDFS.subClassOf, FOAF.Organization),
        (HD.Organisation, RDFS.subClassOf, SDO.Organization),
        (HD.Place, RDFS.subClassOf, SDO.Place),
        (HD.Place, RDFS.subClassOf, SEM.Place),
        (HD.Post, RDFS.subClassOf, ORG.Post),
        (HD.Event, RDFS.subClassOf, SEM.Event),
        (HD.Event, RDFS.subClassOf, SDO.Event),
        (HD.participant, RDFS.subPropertyOf, SEM.hasActor),
        (HD.place, RDFS.subPropertyOf, SEM.hasPlace),
        (HD.partOf, RDFS.subPropertyOf, SEM.subEventOf),
        (HD.holds, RDFS.subPropertyOf, ORG.holds),
        (HD.postIn, RDFS.subPropertyOf, ORG.postIn),
        (HD.subOrganisationOf, RDFS.subPropertyOf, ORG.subOrganizationOf),
    ],
)
def test_ontology_alignment(ontology, subject, predicate, obj):
    assert (subject, predicate, obj) in ontology


@pytest.mark.parametrize("entity_type", list(EntityType))
def test_ontology_entity_type_is_an_entity_class(ontology, entity_type):
    assert HD.Entity in ontology.transitive_objects(HD[entity_type.value], RDFS.subClassOf)


@pytest.mark.parametrize("event_type", list(EventType))
def test_ontology_event_type_is_an_event_class(ontology, event_type):
    assert (HD[event_type.value], RDFS.subClassOf, HD.Event) in ontology


@pytest.mark.parametrize("role", list(Role))
def test_ontology_role_is_a_participant_sub_property(ontology, role):
    assert (HD[role.value], RDFS.subPropertyOf, HD.participant) in ontology
