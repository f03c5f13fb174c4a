"""The timeline in Chromium: lanes, grouping, details with sources, scheduled events."""

from __future__ import annotations

import pytest

from kg.viz import render_timeline, timeline_model

from ..viz.synthetic import synthetic_graph


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    data = timeline_model(synthetic_graph(200, seed=5))
    path = tmp_path_factory.mktemp("timeline") / "timeline.html"
    path.write_text(render_timeline(data, title="خط زمني"), encoding="utf-8")
    return path, data


def test_browser_timeline_draws_a_lane_per_participant(open_page, timeline):
    path, data = timeline
    opened = open_page(path)
    participants = {p["id"] for event in data["events"] if event["span"] for p in event["participants"]}
    assert opened.page.locator(".kg-lane").count() == len(participants)
    appearances = sum(len({p["id"] for p in event["participants"]}) for event in data["events"] if event["span"])
    assert opened.page.locator(".kg-event").count() == appearances
    assert opened.page.locator(".kg-tick").count() > 0
    opened.assert_quiet()


def test_browser_timeline_groups_by_place(open_page, timeline):
    path, data = timeline
    opened = open_page(path)
    opened.page.locator("input[name=kg-group][value=place]").check()
    places = {event["place"] for event in data["events"] if event["span"] and event["place"]}
    assert opened.page.locator(".kg-lane").count() == len(places)
    assert opened.page.locator(".kg-event").count() == sum(1 for e in data["events"] if e["span"] and e["place"])


def test_browser_timeline_details_link_the_article_and_quote_the_sentence(open_page, timeline):
    path, data = timeline
    opened = open_page(path)
    event = data["events"][0]
    opened.page.locator(f'.kg-event[data-event="{event["id"]}"]').first.click()
    details = opened.page.locator("#kg-details")
    source = event["sources"][0]
    link = details.locator("a")
    assert link.inner_text() == source["headline"] and link.get_attribute("href") == source["url"]
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert details.locator("blockquote").all_inner_texts() == source["sentences"]
    for participant in event["participants"]:
        assert data["lanes"][participant["id"]]["label"] in details.inner_text()
    opened.assert_quiet()


def test_browser_timeline_marks_scheduled_events(open_page, timeline):
    path, data = timeline
    opened = open_page(path)
    scheduled = [event for event in data["events"] if event["scheduled"] and event["span"]]
    assert scheduled
    item = opened.page.locator(f'.kg-event[data-event="{scheduled[0]["id"]}"]').first
    assert "kg-scheduled" in item.get_attribute("class")
    assert "scheduled" in item.get_attribute("title")
    item.click()
    assert opened.page.locator("#kg-details .kg-flag").count() == 1
    unscheduled = next(event for event in data["events"] if not event["scheduled"] and event["span"])
    assert "kg-scheduled" not in opened.page.locator(
        f'.kg-event[data-event="{unscheduled["id"]}"]').first.get_attribute("class")


def test_browser_timeline_search_keeps_matching_lanes(open_page, timeline):
    path, data = timeline
    opened = open_page(path)
    opened.page.locator("#kg-search").fill("الحمّوشي")
    names = opened.page.locator(".kg-lane-name").all_inner_texts()
    assert names and all("الحموشي" in name for name in names)
