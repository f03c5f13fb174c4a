"""The timeline model and page: events with dates, roles, places and sources."""

from rdflib import XSD, Literal
from rdflib.namespace import SDO

from kg.viz.timeline import render_timeline, timeline_model

from .conftest import HD, HEADLINE, ID, SENTENCE
from .test_html import HOSTILE, PAGE_TAGS

HOST = str(ID["person/salem-harthi"])
GUEST = str(ID["person/youssef-omari"])
CITY = str(ID["city/muscat"])


def test_timeline_event_has_kind_dates_roles_place_and_source(meeting_graph):
    meeting_graph.add((ID["article/doc1"], SDO.datePublished, Literal("2024-03-04", datatype=XSD.date)))
    meeting_graph.add((ID["article/doc1"], SDO.url, Literal("https://news.example/1")))
    (event,) = timeline_model(meeting_graph)["events"]
    assert (event["kind"], event["span"], event["dates"]) == ("Meeting", ["2024-03-05", "2024-03-05"],
                                                             {"date": ["2024-03-05"]})
    assert sorted((p["id"], p["role"]) for p in event["participants"]) == [(HOST, "مضيف / host"), (GUEST, "ضيف / guest")]
    assert event["place"] == CITY
    assert event["scheduled"] is True
    assert event["sources"] == [{"headline": HEADLINE, "published": "2024-03-04", "url": "https://news.example/1",
                                 "sentences": [SENTENCE]}]


def test_timeline_lanes_are_participants_and_places(meeting_graph):
    lanes = timeline_model(meeting_graph)["lanes"]
    assert set(lanes) == {HOST, GUEST, CITY}
    assert lanes[HOST] == {"label": "سالم الحارثي", "label_latn": "Salem Al-Harthi", "kind": "Person"}


def test_timeline_link_only_for_web_addresses(meeting_graph):
    meeting_graph.add((ID["article/doc1"], SDO.url, Literal("javascript:alert(1)")))
    (event,) = timeline_model(meeting_graph)["events"]
    assert event["sources"][0]["url"] == ""


def test_timeline_undated_events_come_last_without_a_span(meeting_graph):
    meeting_graph.add((ID["event/doc1-2"], HD.date, Literal("soon")))
    meeting_graph.add((ID["event/doc1-2"], HD.participant, ID["person/salem-harthi"]))
    from rdflib import RDF
    meeting_graph.add((ID["event/doc1-2"], RDF.type, HD.Visit))
    events = timeline_model(meeting_graph)["events"]
    assert [event["span"] for event in events] == [["2024-03-05", "2024-03-05"], []]


def test_timeline_page_is_self_contained_and_escaped(graph_with_host_label, parse_page):
    for label in HOSTILE:
        page = render_timeline(timeline_model(graph_with_host_label(label)), title=label)
        parsed = parse_page(page)
        assert {tag for tag, _ in parsed.tags} <= PAGE_TAGS | {"section", "input"}
        assert not [attrs for _, attrs in parsed.tags if any(name.startswith("on") for name in attrs)]
        assert parsed.data["lanes"][HOST]["label"] == label
        assert all("src" not in attributes for attributes, _ in parsed.scripts)
        for dangerous in ("<script>alert", "<img", "<svg", "\u202e"):
            if dangerous in label:
                assert dangerous not in page
