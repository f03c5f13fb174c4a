"""Drawing part of a graph: the neighbourhood of a name, and the size limit."""

import pytest

from kg.errors import InputError
from kg.viz.model import view_model
from kg.viz.select import find_nodes, neighbourhood, select_view

from .conftest import ID

HOST = str(ID["person/salem-harthi"])
MEETING = str(ID["event/doc1-1"])


@pytest.mark.parametrize("name", ["سالم الحارثي", "الحارثي", "حارثي", "سالِم الحارثيّ", "Salem Al-Harthi"])
def test_select_finds_a_node_by_any_name_normalised(meeting_graph, name):
    assert find_nodes(view_model(meeting_graph), name) == [HOST]


def test_select_finds_whole_words_inside_a_longer_name(meeting_graph):
    meeting_graph.remove((ID["person/salem-harthi"], None, None))
    model = view_model(meeting_graph)
    assert find_nodes(model, "العمري") == [str(ID["person/youssef-omari"])]
    assert find_nodes(model, "عمر") == []  # a word, not a part of one


def test_select_neighbourhood_by_depth(meeting_graph):
    model = view_model(meeting_graph)
    assert set(neighbourhood(model, "الحارثي", 0)) == {HOST}
    assert set(neighbourhood(model, "الحارثي", 1)) == {HOST, MEETING, str(ID["post/oman-foreign-minister"])}
    assert "date:2024-03-05" in neighbourhood(model, "الحارثي", 2)
    part = neighbourhood(model, "الحارثي", 2)
    assert str(ID["country/oman"]) in part and str(ID["city/muscat"]) in part
    assert part.graph["kinds"] == ["Person", "Country", "City", "Post", "Meeting", "Day"]
    assert part.graph["focus"] == [HOST]
    assert set(part.edges(keys=True)) <= set(model.edges(keys=True))


def test_select_unknown_focus_is_an_input_error(meeting_graph):
    with pytest.raises(InputError, match="no node has this name"):
        select_view(view_model(meeting_graph), focus="زيد")
    with pytest.raises(InputError, match="no letters"):
        select_view(view_model(meeting_graph), focus="...")


def test_select_refuses_a_view_past_the_limit_and_says_what_to_do(meeting_graph):
    model = view_model(meeting_graph)
    with pytest.raises(InputError, match="--focus NAME") as raised:
        select_view(model, max_nodes=5)
    assert raised.value.exit_code == 2 and "7 nodes" in str(raised.value)
    assert select_view(model, focus="الحارثي", depth=1, max_nodes=5).number_of_nodes() == 3


def test_select_aggregate_folds_events_and_posts_into_counted_edges(meeting_graph):
    model = select_view(view_model(meeting_graph), aggregate=True)
    assert {kind for _, kind in model.nodes(data="kind")} == {"Person", "City", "Country"}
    edges = {(source, target, relation): data for source, target, relation, data in model.edges(keys=True, data=True)}
    guest, city, country = str(ID["person/youssef-omari"]), str(ID["city/muscat"]), str(ID["country/oman"])
    together = edges[(HOST, guest, "with")]
    assert together["label"] == "مع / with" and together["value"] == 1
    assert together["tooltip"].splitlines() == ["مع / with", "لقاء 2024-03-05"]
    assert edges[(HOST, city, "at")]["label"] == "في / at"
    assert edges[(HOST, country, "holds")]["tooltip"].splitlines()[1] == "وزير الخارجية"
    assert model.graph["aggregated"] == {"entities": 4, "shown": 4}


def test_select_aggregate_keeps_the_most_mentioned_entities():
    from .synthetic import synthetic_graph

    model = view_model(synthetic_graph(400))
    folded = select_view(model, aggregate=True, max_nodes=50)
    assert folded.number_of_nodes() == 50 and folded.graph["aggregated"]["shown"] == 50
    least_kept = min(folded.nodes[node]["mentions"] for node in folded)
    dropped = [node for node, group in model.nodes(data="group") if group == "entity" and node not in folded]
    assert all(model.nodes[node]["mentions"] <= least_kept for node in dropped)
    counts = [data["value"] for _, _, data in folded.edges(data=True)]
    assert max(counts) > 1 and any("\u00d7" in data["label"] for _, _, data in folded.edges(data=True))
