"""Positions computed once: every node placed, apart, the same every time."""

import math
import sys

import pytest

from kg.viz.layout import EDGE_LENGTH, layout_positions
from kg.viz.model import view_model

from .synthetic import synthetic_graph


@pytest.fixture(scope="module")
def model():
    return view_model(synthetic_graph(400))


def test_layout_places_every_node_at_whole_pixels(model):
    positions = layout_positions(model)
    assert set(positions) == set(model)
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in positions.values())


def test_layout_is_deterministic(model):
    assert layout_positions(model) == layout_positions(model)


def test_layout_keeps_neighbours_closer_than_strangers(model):
    positions = layout_positions(model)

    def distance(a, b):
        return math.dist(positions[a], positions[b])

    edges = [distance(a, b) for a, b in model.edges()]
    nodes = list(model)
    strangers = [distance(nodes[i], nodes[(i * 7 + 13) % len(nodes)]) for i in range(len(nodes))]
    assert sorted(edges)[len(edges) // 2] < sorted(strangers)[len(strangers) // 2] / 2
    assert sorted(edges)[len(edges) // 2] > EDGE_LENGTH / 4  # not collapsed either


def test_layout_spreads_nodes_apart(model):
    positions = sorted(layout_positions(model).values())
    assert len(set(positions)) == len(positions)


def test_layout_without_numpy_falls_back_to_a_spiral(model, monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy raises ImportError
    positions = layout_positions(model)
    assert set(positions) == set(model) and len(set(positions.values())) == len(positions)


def test_layout_of_tiny_graphs():
    from networkx import MultiDiGraph

    assert layout_positions(MultiDiGraph()) == {}
    one = MultiDiGraph()
    one.add_node("a")
    assert layout_positions(one) == {"a": (0, 0)}
