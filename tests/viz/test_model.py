"""The view model: which nodes and edges a graph gives, and what they say."""

from __future__ import annotations

import random

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import PROV, SDO, SKOS

import kg.viz
from kg.viz.model import MAX_EVIDENCE, node_kinds, terms, view_model

from .conftest import HD, HEADLINE, ID, NIF, SENTENCE

HOST = str(ID["person/salem-harthi"])
GUEST = str(ID["person/youssef-omari"])
CITY = str(ID["city/muscat"])
COUNTRY = str(ID["country/oman"])
POST = str(ID["post/oman-foreign-minister"])
MEETING = str(ID["event/doc1-1"])
DAY = "date:2024-03-05"


def test_viz_exports_the_public_api():
    assert sorted(kg.viz.__all__) == ["export_graph", "render_html", "render_timeline", "select_view",
                                      "timeline_model", "view_model", "write_timeline", "write_view"]


def test_model_has_one_node_per_entity_post_and_event(meeting_graph):
    model = view_model(meeting_graph)
    assert {node: kind for node, kind in model.nodes(data="kind")} == {
        HOST: "Person", GUEST: "Person", CITY: "City", COUNTRY: "Country", POST: "Post", MEETING: "Meeting",
        DAY: "Day",
    }
    assert model.graph["kinds"] == ["Person", "Country", "City", "Post", "Meeting", "Day"]


def test_model_leaves_out_mentions_sentences_and_articles(meeting_graph):
    model = view_model(meeting_graph)
    assert not [node for node in model if "/article/" in node]


@pytest.mark.parametrize(
    ("node", "label", "label_en", "names"),
    [
        (HOST, "سالم الحارثي", "Salem Al-Harthi", ["سالم الحارثي", "الحارثي", "Salem Al-Harthi"]),
        (GUEST, "يوسف العمري", "", ["يوسف العمري"]),
        (CITY, "مسقط", "Muscat", ["مسقط", "Muscat"]),
        (COUNTRY, "Oman", "Oman", ["Oman"]),  # no Arabic label: English
        (POST, "وزير الخارجية", "", ["وزير الخارجية"]),
        (MEETING, "لقاء 2024-03-05", "", []),  # no label: kind in Arabic and date
    ],
)
def test_model_labels_prefer_arabic_then_english_then_kind_and_date(meeting_graph, node, label, label_en, names):
    attributes = view_model(meeting_graph).nodes[node]
    assert (attributes["label"], attributes["label_en"], attributes["names"]) == (label, label_en, names)


def test_model_edges_carry_roles_in_arabic_and_english(meeting_graph):
    model = view_model(meeting_graph)
    assert sorted((source, target, data["label"]) for source, target, data in model.edges(data=True)) == sorted([
        (MEETING, HOST, "مضيف / host"),
        (MEETING, GUEST, "ضيف / guest"),
        (MEETING, CITY, "المكان / place"),
        (HOST, POST, "يشغل / holds"),
        (POST, COUNTRY, "منصب في / post in"),
        (MEETING, DAY, "بتاريخ / on date"),
    ])
    assert model.edges[MEETING, HOST, "host"]["label_ar"] == "مضيف"
    assert model.edges[MEETING, HOST, "host"]["label_en"] == "host"


def test_model_keeps_a_participant_without_a_role(meeting_graph):
    meeting_graph.remove((ID["event/doc1-1"], HD.guest, None))
    model = view_model(meeting_graph)
    assert model.edges[MEETING, GUEST, "participant"]["label"] == "مشارك / participant"
    assert not model.has_edge(MEETING, HOST, "participant")


@pytest.mark.parametrize(
    ("relation", "source", "target"),
    [("partOf", "event/doc1-2", "event/doc1-1"), ("subOrganisationOf", "organisation/a", "organisation/b")],
)
def test_model_draws_structural_relations(relation, source, target):
    graph = Graph()
    kind = HD.Meeting if relation == "partOf" else HD.Organisation
    for node in (source, target):
        graph.add((ID[node], RDF.type, kind))
    graph.add((ID[source], HD[relation], ID[target]))
    (edge,) = view_model(graph).edges(keys=True, data=True)
    assert edge[:3] == (str(ID[source]), str(ID[target]), relation)
    assert edge[3]["label"] == terms()[relation].bilingual


def test_model_tooltip_is_plain_text_with_kind_names_dates_and_source(meeting_graph):
    host = view_model(meeting_graph).nodes[HOST]["tooltip"]
    meeting = view_model(meeting_graph).nodes[MEETING]["tooltip"]
    assert host.splitlines()[:3] == ["شخص / Person", "سالم الحارثي", "أسماء أخرى / other names: الحارثي، Salem Al-Harthi"]
    assert f"المقال / article: {HEADLINE}" in host.splitlines()
    assert f"\u00ab{SENTENCE}\u00bb" in host.splitlines()
    assert meeting.splitlines()[0] == "لقاء / Meeting"
    assert "التاريخ / date: 2024-03-05" in meeting.splitlines()
    assert "<" not in host + meeting


def test_model_tooltip_caps_the_evidence():
    graph = Graph()
    city = ID["city/muscat"]
    graph.add((city, RDF.type, HD.City))
    for number in range(20):
        article = ID[f"article/doc{number}"]
        sentence = ID[f"article/doc{number}/sentence/0-4"]
        mention = ID[f"article/doc{number}/mention/0-4"]
        graph.add((sentence, NIF.anchorOf, Literal(f"جملة {number}")))
        graph.add((sentence, NIF.referenceContext, article))
        graph.add((mention, NIF.sentence, sentence))
        graph.add((city, HD.mention, mention))
    attributes = view_model(graph).nodes[str(city)]
    lines = [line for line in attributes["tooltip"].splitlines()[2:] if line]
    assert len(lines) == MAX_EVIDENCE + 1
    assert lines[-1] == f"\u2026 (+{40 - MAX_EVIDENCE})"
    assert attributes["mentions"] == 20


def test_model_counts_mentions_and_triggers(meeting_graph):
    model = view_model(meeting_graph)
    assert model.nodes[HOST]["mentions"] == 1
    assert model.nodes[MEETING]["mentions"] == 1  # the trigger
    assert model.nodes[POST]["mentions"] == 0


def test_model_undated_event_falls_back_to_kind_and_iri():
    graph = Graph()
    graph.add((ID["event/doc7-3"], RDF.type, HD.Visit))
    assert view_model(graph).nodes[str(ID["event/doc7-3"])]["label"] == "زيارة doc7-3"


def test_model_uses_an_event_label_when_there_is_one(meeting_graph):
    meeting_graph.add((ID["event/doc1-1"], RDFS.label, Literal("لقاء الحارثي والعمري", lang="ar")))
    assert view_model(meeting_graph).nodes[MEETING]["label"] == "لقاء الحارثي والعمري"


def test_model_is_deterministic_whatever_the_triple_order(meeting_graph):
    triples = sorted(meeting_graph)
    random.Random(3).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    first, second = view_model(meeting_graph), view_model(shuffled)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


def test_model_sorts_nodes_by_kind_then_label(meeting_graph):
    assert list(view_model(meeting_graph)) == [HOST, GUEST, COUNTRY, CITY, POST, MEETING, DAY]


def test_model_links_events_to_a_node_for_each_day():
    """Two events on one day meet at its node; a span links its first and last day."""
    from tests.viz.conftest import build_meeting_graph
    graph = build_meeting_graph()
    second = ID["event/doc1-2"]
    graph.add((second, RDF.type, HD.Visit))
    graph.add((second, HD.startDate, Literal("2024-03-05", datatype=XSD.date)))
    graph.add((second, HD.endDate, Literal("2024-03", datatype=XSD.gYearMonth)))
    model = view_model(graph)
    assert sorted(source for source, _ in model.in_edges(DAY)) == [MEETING, str(second)]
    assert model.has_edge(str(second), "date:2024-03", "onDate")
    day = model.nodes[DAY]
    assert (day["group"], day["label"], day["span"], day["mentions"]) == ("date", "2024-03-05",
                                                                          ["2024-03-05", "2024-03-05"], 2)
    assert day["tooltip"].splitlines()[:2] == ["تاريخ / Date", "2024-03-05"]
    assert model.nodes["date:2024-03"]["span"] == ["2024-03-01", "2024-03-31"]
    assert "dates" not in model.nodes[MEETING]


def test_model_of_an_empty_graph_is_empty():
    model = view_model(Graph())
    assert (model.number_of_nodes(), model.graph["kinds"]) == (0, [])


def test_model_vocabulary_names_every_kind_and_relation():
    assert {kind.name for kind in node_kinds()} >= {
        "Person", "Organisation", "Country", "City", "Venue", "Post", "Meeting", "Call", "Visit",
        "Conference", "Agreement", "Appointment", "HostingAward",
    }
    assert all(term.ar and term.en for term in terms().values())


def test_model_reads_headline_through_derived_from_without_sentences():
    graph = Graph()
    post, article = ID["post/x"], ID["article/doc9"]
    graph.add((post, RDF.type, HD.Post))
    graph.add((post, PROV.wasDerivedFrom, article))
    graph.add((article, ID["unused"], Literal(1, datatype=XSD.integer)))
    assert view_model(graph).nodes[str(post)]["tooltip"].splitlines()[-1] == "المقال / article: doc9"


def test_model_uses_the_closed_ontology_namespaces():
    """A misspelt term must fail, not mint a new IRI the graph never holds."""
    import kg.viz.model as model
    from kg.rdf import namespace

    assert (model.HD, model.NIF) == (namespace.HD, namespace.NIF)
    with pytest.raises(AttributeError):
        model.HD.Meting


def test_model_kinds_and_relations_are_ontology_terms():
    from kg.rdf.namespace import HD as closed

    assert all(kind.name in closed for kind in node_kinds() if kind.group != "date")
    assert all(key in closed for key in terms() if not key.startswith("@") and key != "onDate")


def test_model_rejects_a_kind_the_ontology_lacks(monkeypatch):
    import kg.viz.model as model
    from kg.errors import ResourceError

    table = "name\tgroup\tar\ten\tcolour\tshape\tglyph\nMeting\tevent\tلقاء\tMeeting\t#76b7b2\tbox\t▬\n"
    monkeypatch.setattr(model, "_table_text", lambda name: table)
    model.node_kinds.cache_clear()
    try:
        with pytest.raises(ResourceError, match="not hd: classes"):
            model.node_kinds()
    finally:
        model.node_kinds.cache_clear()


def test_model_tooltip_lists_posts_with_where_they_are_held(meeting_graph):
    lines = view_model(meeting_graph).nodes[HOST]["tooltip"].splitlines()
    assert "المناصب / posts: وزير الخارجية (Oman)" in lines


def test_model_tooltip_gives_each_article_its_date(meeting_graph):
    meeting_graph.add((ID["article/doc1"], SDO.datePublished, Literal("2024-03-04", datatype=XSD.date)))
    attributes = view_model(meeting_graph).nodes[MEETING]
    assert f"المقال / article: {HEADLINE}، 2024-03-04" in attributes["tooltip"].splitlines()
    assert attributes["published"] == ["2024-03-04"]


@pytest.mark.parametrize(("published", "date", "scheduled"), [
    ("2024-03-04", "2024-03-05", True),
    ("2024-03-05", "2024-03-05", False),
    ("2024-03-06", "2024-03-05", False),
    ("2024-02-20", "2024-03", True),     # a month after the article's
    ("2024-03-20", "2024-03", False),    # the article's own month: maybe past already
])
def test_model_event_dated_after_its_article_is_scheduled(meeting_graph, published, date, scheduled):
    event = ID["event/doc1-1"]
    meeting_graph.add((ID["article/doc1"], SDO.datePublished, Literal(published, datatype=XSD.date)))
    meeting_graph.set((event, HD.date, Literal(date)))
    attributes = view_model(meeting_graph).nodes[MEETING]
    assert attributes["scheduled"] is scheduled
    assert ("مقرَّر (بعد تاريخ نشر المقال) / scheduled (after the article's date)" in attributes["tooltip"]) is scheduled


def test_model_event_span_covers_start_to_end(meeting_graph):
    event = ID["event/doc1-1"]
    meeting_graph.remove((event, HD.date, None))
    meeting_graph.add((event, HD.startDate, Literal("2024-03-05", datatype=XSD.date)))
    meeting_graph.add((event, HD.endDate, Literal("2024-04", datatype=XSD.gYearMonth)))
    assert view_model(meeting_graph).nodes[MEETING]["span"] == ["2024-03-05", "2024-04-30"]


def test_model_latin_label_is_english_else_the_transliteration_never_the_arabic(meeting_graph):
    host = ID["person/salem-harthi"]
    meeting_graph.add((host, SKOS.prefLabel, Literal("Sālim al-Ḥārithī", lang="ar-Latn")))
    attributes = view_model(meeting_graph).nodes[HOST]
    assert (attributes["label"], attributes["label_latn"]) == ("سالم الحارثي", "Salem Al-Harthi")
    meeting_graph.remove((host, SKOS.prefLabel, Literal("Salem Al-Harthi", lang="en")))
    assert view_model(meeting_graph).nodes[HOST]["label_latn"] == "Sālim al-Ḥārithī"
    assert view_model(meeting_graph).nodes[GUEST]["label_latn"] == ""


def test_model_search_keys_are_name_keys_of_every_name(meeting_graph):
    assert view_model(meeting_graph).nodes[HOST]["keys"] == ["Salem Al Harthi", "حارثي", "سالم حارثي"]


def test_model_event_when_is_its_dates_as_written(meeting_graph):
    event = ID["event/doc1-1"]
    assert view_model(meeting_graph).nodes[MEETING]["when"] == "2024-03-05"
    meeting_graph.remove((event, HD.date, None))
    meeting_graph.add((event, HD.startDate, Literal("2024-03-05", datatype=XSD.date)))
    meeting_graph.add((event, HD.endDate, Literal("2024-04", datatype=XSD.gYearMonth)))
    assert view_model(meeting_graph).nodes[MEETING]["when"] == "2024-03-05 \u2013 2024-04"
    assert view_model(meeting_graph).nodes[HOST]["when"] == ""
