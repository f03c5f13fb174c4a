"""Article text that tries to run script: the pages show it as text, run nothing."""

from __future__ import annotations

import pytest

from kg.viz import render_html, render_timeline, timeline_model, view_model

from ..viz.synthetic import synthetic_graph
from .test_graph_page import hover

PAYLOADS = [
    '<script>window.__kgPwned = 1; alert(1)</script>',
    '<img src=x onerror="window.__kgPwned = 1; alert(1)">',
    '"\'><svg onload="window.__kgPwned = 1">',
    '<a href="javascript:window.__kgPwned = 1">href</a>',
    'سالم \u202eالحارثي\u202c \u2066<b>\u2069 "quoted" \'single\'',
]
PERSON = "https://w3id.org/hadath/id/person/n0"


def assert_nothing_ran(opened):
    assert opened.evaluate("window.__kgPwned") is None
    assert opened.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert opened.evaluate("""Array.from(document.querySelectorAll('*')).some(
        e => Array.from(e.attributes).some(a => a.name.startsWith('on')))""") is False
    opened.assert_quiet()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_browser_hostile_names_in_the_graph_view_stay_text(tmp_path, open_page, payload):
    path = tmp_path / "graph.html"
    path.write_text(render_html(view_model(synthetic_graph(40, hostile=payload)), title=payload), encoding="utf-8")
    opened = open_page(path)
    assert opened.page.title() == payload
    text = hover(opened, PERSON)
    assert payload.split("\u202e")[0].strip() in text
    opened.page.locator("#kg-search").fill(payload)
    opened.page.locator("#kg-search").press("Enter")
    assert opened.page.locator("#kg-results button").first.inner_text() == payload
    opened.page.locator("input[name=kg-labels][value=latn]").check()
    assert_nothing_ran(opened)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_browser_hostile_names_in_the_timeline_stay_text(tmp_path, open_page, payload):
    path = tmp_path / "timeline.html"
    path.write_text(render_timeline(timeline_model(synthetic_graph(40, hostile=payload)), title=payload),
                    encoding="utf-8")
    opened = open_page(path)
    lane = opened.page.locator(f'.kg-lane[data-lane="{PERSON}"]')
    assert payload in lane.locator(".kg-lane-name").inner_text()
    item = lane.locator(".kg-event").first
    item.hover()
    item.click()
    details = opened.page.locator("#kg-details").inner_text()
    assert payload in details
    opened.page.locator("input[name=kg-group][value=place]").check()
    opened.page.locator("#kg-search").fill(payload)
    assert_nothing_ran(opened)


def test_browser_the_watch_sees_what_it_must(tmp_path, open_page):
    """The instruments above work: markup put into the page by script is caught
    by the CSP and recorded, and so is the request it tries."""
    path = tmp_path / "graph.html"
    path.write_text(render_html(view_model(synthetic_graph(10))), encoding="utf-8")
    opened = open_page(path)
    opened.evaluate("""() => { const img = document.createElement('img');
        img.src = 'https://news.example/pixel.png'; document.body.appendChild(img); }""")
    opened.page.wait_for_function("window.__kgViolations.length > 0")
    assert opened.violations()[0].startswith("img-src")
