"""The bundled example's graph and view, kept as golden files in examples/.

A change in extraction shows up here as a graph difference to review; the
golden files are rewritten only on purpose:  KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

import os

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.rdf.io import save
from kg.rdf.namespace import HD
from kg.viz import write_view

from .conftest import ROOT

GOLDEN_GRAPH = ROOT / "examples" / "rabat-meeting.ttl"
GOLDEN_VIEW = ROOT / "examples" / "rabat-meeting.html"
UPDATE = os.environ.get("KG_UPDATE_GOLDEN") == "1"


def without_source_file(graph: Graph) -> Graph:
    """The graph less hd:sourceFile: the path the example was read from depends on the checkout."""
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for triple in graph:
        if triple[1] != HD.sourceFile:
            copy.add(triple)
    return copy


def test_golden_example_graph(example_graph):
    actual = without_source_file(example_graph)
    if UPDATE:
        save(actual, GOLDEN_GRAPH)
        write_view(actual, GOLDEN_VIEW, title="Hadath: rabat-meeting")
    expected = without_source_file(Graph().parse(GOLDEN_GRAPH))
    if not isomorphic(expected, actual):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lines = [f"- {t}" for t in sorted(missing)][:20] + [f"+ {t}" for t in sorted(extra)][:20]
        pytest.fail("example graph differs from examples/rabat-meeting.ttl "
                    "(review, then KG_UPDATE_GOLDEN=1 to accept):\n" + "\n".join(lines))


def test_golden_example_view_is_current(example_graph, tmp_path):
    fresh = write_view(without_source_file(example_graph), tmp_path / "view.html", title="Hadath: rabat-meeting").read_text(encoding="utf-8")
    assert GOLDEN_VIEW.read_text(encoding="utf-8") == fresh
