"""The query page at / and the Content-Security-Policy of every HTML answer.

The page follows kg.viz.page's rules (untrusted text escaped or carried as
script-safe JSON, assets inlined, scripts allowed by hash) with one
difference: it fetches from its own server, so its policy allows
``connect-src 'self'`` and ``form-action 'self'``, and it is sent as a header
(with ``frame-ancestors 'none'``, which a <meta> policy cannot carry) rather
than in the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.errors import ResourceError
from kg.viz.page import asset, escape_text, fill_template, json_for_script

QUERIES_PACKAGE = "kg.rdf"
QUERIES_DIRECTORY = "queries"


@dataclass(frozen=True)
class ExampleQuery:
    """A query shipped in kg/rdf/queries: its file name without ``.rq``, the
    first line of its leading comment, and its text."""

    name: str
    title: str
    text: str


@lru_cache(maxsize=1)
def example_queries() -> tuple[ExampleQuery, ...]:
    try:
        folder = resources.files(QUERIES_PACKAGE).joinpath(QUERIES_DIRECTORY)
        files = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".rq")), key=lambda e: e.name)
        return tuple(_example(entry.name[:-3], entry.read_text(encoding="utf-8")) for entry in files)
    except OSError as error:
        raise ResourceError("cannot read the example queries", "kg/rdf/queries") from error


def _example(name: str, text: str) -> ExampleQuery:
    comment = next((line for line in text.splitlines() if line.startswith("#")), "")
    return ExampleQuery(name, comment.lstrip("# ").strip(), text)


def render_page(*, store: str, triples: int, timeout: float, max_rows: int) -> tuple[str, str]:
    """The query page and its Content-Security-Policy."""
    examples = example_queries()
    options = "\n".join(
        f'<option value="{escape_text(example.name)}"{" selected" if number == 0 else ""}>'
        f"{escape_text(example.name)}{' — ' + escape_text(example.title) if example.title else ''}</option>"
        for number, example in enumerate(examples))
    css, script = asset("kg.serve:page.css"), asset("kg.serve:page.js")
    page = fill_template("kg.serve:page.html", {
        "page_css": css,
        "store": escape_text(store),
        "triples": f"{triples:,}",
        "endpoint": "/sparql",
        "options": options,
        "first_query": escape_text(examples[0].text) if examples else "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
        "timeout": f"{timeout:g}",
        "max_rows": f"{max_rows:,}",
        "examples": json_for_script([{"name": e.name, "title": e.title, "text": e.text} for e in examples]),
    }, {"page_js": script})
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(css)}; connect-src 'self'; "
              "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    return page, policy


def view_policy(page: str) -> str:
    """The policy a kg.viz page carries in its <meta>, as a header, framing refused too."""
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    policy = match.group(1) if match else "default-src 'none'"
    return f"{policy}; frame-ancestors 'none'"


def _hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"
