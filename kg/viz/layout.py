"""Node positions, computed once in Python so the page opens already laid out.

vis-network draws nothing until its physics has settled, which takes about a
minute for a thousand nodes; a page given positions, with physics off, draws
thousands of nodes at once.  The layout here is force-directed
(Fruchterman-Reingold springs and repulsion, with a pull to the centre that
keeps small components near the large one) and approximates the repulsion the
way Barnes-Hut does, with one level of grid: nodes in the same or a
neighbouring cell repel exactly, farther cells repel as one body at their
centroid.  An iteration costs O(n + m) rather than O(n^2): 5,000 nodes lay out
in a few seconds, where networkx's ``spring_layout`` takes most of a minute.

numpy does the arithmetic.  Without numpy the nodes are placed on a spiral in
breadth-first order from the busiest node, so neighbours still sit together.

Positions are deterministic (a fixed seed) and rounded to whole pixels.
"""

from __future__ import annotations

import math
from collections import deque

import networkx as nx

# Pixels per unit of the layout, about the length an edge settles to: longer in
# small graphs, where every label is read, shorter in large ones, which are
# seen whole first.
EDGE_LENGTH = 110
SMALL_EDGE_LENGTH = 190
SMALL_GRAPH = 100
SEED = 7
# A pull to the component's centre, proportional to the distance, as in
# vis-network's "central gravity": chains fold up instead of stretching the
# drawing into a line that the page must zoom far out to show.
GRAVITY = 0.5


def layout_positions(model: nx.MultiDiGraph, iterations: int | None = None) -> dict[str, tuple[int, int]]:
    """``{node: (x, y)}`` in pixels for every node of ``model``."""
    nodes = list(model)
    if not nodes:
        return {}
    index = {node: number for number, node in enumerate(nodes)}
    edges = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in model.edges() if a != b})
    try:
        import numpy  # noqa: F401  (optional: the spiral below needs nothing)
    except ImportError:
        points = _spiral(len(nodes), edges)
    else:
        points = _force_directed(len(nodes), edges, iterations)
    scale = SMALL_EDGE_LENGTH if len(nodes) <= SMALL_GRAPH else EDGE_LENGTH
    return {node: (round(x * scale), round(y * scale)) for node, (x, y) in zip(nodes, points)}


def _force_directed(count: int, edges: list[tuple[int, int]], iterations: int | None) -> list[tuple[float, float]]:
    """Each connected component laid out on its own, then the components packed
    in rows, largest first, like words on a page."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    pieces = []
    for members, local_edges in _components(count, edges):
        position = _component_layout(len(members), local_edges, iterations, rng, np)
        pieces.append((members, position - position.min(axis=0)))
    points = [(0.0, 0.0)] * count
    for (members, position), (left, top) in zip(pieces, _pack([position.max(axis=0) for _, position in pieces])):
        for node, (x, y) in zip(members, position.tolist()):
            points[node] = (x + left, y + top)
    centre_x = sum(x for x, _ in points) / count
    centre_y = sum(y for _, y in points) / count
    return [(x - centre_x, y - centre_y) for x, y in points]


def _components(count: int, edges: list[tuple[int, int]]) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Connected components, largest first, each with its edges in local numbering."""
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from(edges)
    found = sorted((sorted(component) for component in nx.connected_components(graph)),
                   key=lambda members: (-len(members), members[0]))
    result = []
    for members in found:
        local = {node: number for number, node in enumerate(members)}
        result.append((members, [(local[a], local[b]) for a, b in graph.subgraph(members).edges()]))
    return result


# Components up to this size repel exactly (n^2 pairs); larger ones through the grid.
_EXACT = 150


def _component_layout(count: int, edges: list[tuple[int, int]], iterations: int | None, rng, np):
    if count == 1:
        return np.zeros((1, 2))
    side = math.sqrt(count)
    position = (rng.random((count, 2)) - 0.5) * side
    pairs = np.array(sorted(edges), dtype=np.int64).reshape(-1, 2)
    if iterations is None:
        iterations = 300 if count <= _EXACT else 100 if count <= 2000 else 60
    repulsion = _exact_repulsion if count <= _EXACT else _repulsion
    temperature = max(1.0, side / 4)
    for step in range(iterations):
        force = repulsion(position, np) + _attraction(position, pairs, np) - GRAVITY * position
        length = np.sqrt((force * force).sum(axis=1))
        cap = temperature * (1 - step / iterations) + 0.02
        position += force * np.minimum(1.0, cap / np.maximum(length, 1e-9))[:, None]
    return position


def _exact_repulsion(position, np):
    delta = position[:, None, :] - position[None, :, :]
    distance2 = np.maximum((delta * delta).sum(axis=2), _CLOSE)
    return (delta / distance2[:, :, None]).sum(axis=1)


# Space between packed components, in edge lengths.
_GAP = 1.5


def _pack(sizes) -> list[tuple[float, float]]:
    """Top-left corners for boxes of ``sizes`` (largest first), in rows about as
    wide as the whole is tall."""
    area = sum((width + _GAP) * (height + _GAP) for width, height in sizes)
    row_width = max(math.sqrt(area) * 1.2, float(sizes[0][0]) + _GAP)
    corners = []
    x = y = row_height = 0.0
    for width, height in sizes:
        if x and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + _GAP, 0.0
        corners.append((x, y))
        x += float(width) + _GAP
        row_height = max(row_height, float(height))
    return corners


# Grid cells are at least this many edge lengths wide (small enough that a
# cell holds a handful of nodes, large enough that the exact part covers the
# forces that matter), and at most _GRID cells span the drawing, so the
# far field costs at most _GRID^4 whatever the number of nodes.
_CELL = 2.0
_GRID = 40
_CLOSE = 1e-4


def _repulsion(position, np):
    """k^2/d repulsion (k = 1): exact within neighbouring cells; beyond, each
    cell's nodes feel the other cells as bodies at their centroids."""
    count = len(position)
    low = position.min(axis=0)
    size = max(_CELL, float((position.max(axis=0) - low).max()) / _GRID)
    cell = np.floor((position - low) / size).astype(np.int64) + 1  # a margin of one cell all round
    width = int(cell[:, 0].max()) + 2
    height = int(cell[:, 1].max()) + 2
    key = cell[:, 1] * width + cell[:, 0]
    order = np.argsort(key, kind="stable")
    cells, starts, sizes = np.unique(key[order], return_index=True, return_counts=True)
    slot = np.searchsorted(cells, key)

    # far field, cell to cell, from each cell's centroid
    centroid = _sum_by(slot, position, len(cells), np) / sizes[:, None]
    cell_x, cell_y = cells % width, cells // width
    far = (np.abs(cell_x[:, None] - cell_x[None, :]) > 1) | (np.abs(cell_y[:, None] - cell_y[None, :]) > 1)
    delta = centroid[:, None, :] - centroid[None, :, :]
    distance2 = np.maximum((delta * delta).sum(axis=2), _CLOSE)
    weight = np.where(far, sizes[None, :] / distance2, 0.0)
    force = (delta * weight[:, :, None]).sum(axis=1)[slot]

    # near field: every pair in the same or an adjacent cell, exactly
    dense_start = np.zeros(width * height, dtype=np.int64)
    dense_size = np.zeros(width * height, dtype=np.int64)
    dense_start[cells] = starts
    dense_size[cells] = sizes
    for offset in (-width - 1, -width, -width + 1, -1, 0, 1, width - 1, width, width + 1):
        neighbour = key + offset
        begin, length = dense_start[neighbour], dense_size[neighbour]
        total = int(length.sum())
        if not total:
            continue
        source = np.repeat(np.arange(count), length)
        within = np.arange(total) - np.repeat(np.cumsum(length) - length, length)
        target = order[np.repeat(begin, length) + within]
        keep = source != target
        source, target = source[keep], target[keep]
        delta = position[source] - position[target]
        distance2 = np.maximum((delta * delta).sum(axis=1), _CLOSE)
        force += _sum_by(source, delta / distance2[:, None], count, np)
    return force


def _sum_by(index, values, count, np):
    """Rows of ``values`` summed by ``index`` (np.add.at, ten times faster)."""
    return np.stack([np.bincount(index, values[:, 0], count), np.bincount(index, values[:, 1], count)], axis=1)


def _attraction(position, pairs, np):
    """d^2/k springs along the edges."""
    if not len(pairs):
        return np.zeros_like(position)
    delta = position[pairs[:, 1]] - position[pairs[:, 0]]
    distance = np.sqrt((delta * delta).sum(axis=1))
    pull = delta * distance[:, None]
    return _sum_by(pairs[:, 0], pull, len(position), np) - _sum_by(pairs[:, 1], pull, len(position), np)


def _spiral(count: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Nodes on a sunflower spiral in breadth-first order from the busiest node
    of each component, largest component first: neighbours end up close."""
    neighbours: list[list[int]] = [[] for _ in range(count)]
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    seen = [False] * count
    order: list[int] = []
    for start in sorted(range(count), key=lambda node: (-len(neighbours[node]), node)):
        if seen[start]:
            continue
        seen[start] = True
        queue = deque([start])
        while queue:
            node = queue.popleft()
            order.append(node)
            for other in sorted(neighbours[node], key=lambda n: (-len(neighbours[n]), n)):
                if not seen[other]:
                    seen[other] = True
                    queue.append(other)
    golden = math.pi * (3 - math.sqrt(5))
    points = [(0.0, 0.0)] * count
    for rank, node in enumerate(order):
        radius = 0.6 * math.sqrt(rank)
        points[node] = (radius * math.cos(rank * golden), radius * math.sin(rank * golden))
    return points
