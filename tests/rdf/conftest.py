"""Fixtures for the RDF tests: the ontology, the SHACL shapes, and validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

ONTOLOGIES = Path(__file__).parents[2] / "ontologies"


@dataclass(frozen=True)
class ShaclReport:
    conforms: bool
    paths: frozenset  # sh:resultPath of every violation
    text: str  # pyshacl's report, for assertion messages


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGIES / "hadath.ttl", format="turtle")


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGIES / "shapes.ttl", format="turtle")


@pytest.fixture(scope="session")
def shacl_validate(shapes: Graph) -> Callable[[Graph], ShaclReport]:
    """Validate a data graph as kg writes it: without the ontology, without inference."""

    def validate(data: Graph) -> ShaclReport:
        conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
        paths = frozenset(
            report.value(result, SH.resultPath) for result in report.subjects(RDF.type, SH.ValidationResult)
        )
        return ShaclReport(conforms, paths, text)

    return validate
