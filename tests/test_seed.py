"""The worked example of the guide: the seed article scored against its gold file
(GUIDE section 5).  Skipped where ../shared is absent."""

import re
from io import BytesIO

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.evaluate import load_gold, score

from .conftest import ONTOLOGIES, SEED_GOLD, needs_shared

pytestmark = needs_shared(SEED_GOLD)


@pytest.fixture(scope="module")
def seed_scores(seed_graph):
    return score(seed_graph, load_gold(SEED_GOLD))


def test_seed_entities_f1(seed_scores):
    assert seed_scores.entities.f1 >= 0.8


def test_seed_events_f1(seed_scores):
    assert seed_scores.events.f1 >= 0.8


def test_seed_arguments_f1(seed_scores):
    assert seed_scores.arguments.f1 >= 0.7


def test_seed_conforms_to_shapes(seed_graph):
    from pyshacl import validate
    conforms, _, report = validate(seed_graph, shacl_graph=Graph().parse(ONTOLOGIES / "shapes.ttl"))
    assert conforms, report


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt", "xml"])
def test_seed_round_trips(seed_graph, fmt):
    back = Graph().parse(BytesIO(seed_graph.serialize(format=fmt, encoding="utf-8")), format=fmt)
    assert isomorphic(seed_graph, back)


def test_seed_view_is_offline_with_arabic_labels(seed_graph, tmp_path):
    from kg.viz import write_view
    page = write_view(seed_graph, tmp_path / "seed.html").read_text(encoding="utf-8")
    assert "عبد اللطيف الحموشي" in page and "فيينا" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
