"""What a query worker does with one task: everything that costs time, so
that all of it runs under the timeout (kg.serve.workers).

A task is a tuple, ``("query", sparql, media_type, graph, max_rows,
max_bytes)``, ``("view", sparql, graph, form, title, max_nodes)`` or
``("size",)`` (the number of triples); the reply is ``("ok", body, headers)`` or ``("error", status, message)``.

Row limit: a solutions result of more than ``max_rows`` rows is cut to its
first ``max_rows`` and sent with ``X-SPARQL-MaxRows: <max_rows>`` (Virtuoso's
header for the same thing), so a client still gets a result it can read.
Rows are counted and cut in the serialised result itself (the store writes
it; JSON is re-read and re-written, XML, CSV and TSV are cut at a row
boundary), never by a round trip through rdflib, and only when the result is
longer than ``max_rows`` bytes, since a row takes at least one byte.
Byte limit: a result still longer than ``max_bytes`` (a graph, or rows of
long literals) is refused with 400 and its size, since a client cannot read
half a graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
from itertools import islice

from rdflib import Graph

from kg.errors import InputError, KgError, QueryError
from kg.serve.protocol import CSV, GRAPH_FORMS, NTRIPLES, RDFXML, RESULTS_JSON, RESULTS_XML, TSV
from kg.store import Store

Reply = tuple

MAX_ROWS_HEADER = "X-SPARQL-MaxRows"
# A SELECT drawn as a graph draws at most this many of the IRIs in its rows.
MAX_VIEW_IRIS = 300
# Characters that cannot be in an IRI written between < and > in a query.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def perform(store: Store, task: tuple) -> Reply:
    kind, *arguments = task
    try:
        if kind == "query":
            return answer_query(store, *arguments)
        if kind == "view":
            return ("ok", view_page(store, *arguments).encode("utf-8"), {})
        if kind == "size":
            return ("ok", str(len(store)).encode("ascii"), {})
    except (QueryError, InputError) as error:
        return ("error", 400, error.message)
    except KgError as error:  # StoreError: the store broke under the worker, or a remote one is down
        return ("error", 502 if store.location.startswith(("http://", "https://")) else 500, error.message)
    raise ValueError(f"unknown task {kind!r}")


def answer_query(store: Store, sparql: str, media_type: str, graph: str | None,
                 max_rows: int, max_bytes: int) -> Reply:
    if media_type == RDFXML:  # the stores write Turtle, N-Triples and JSON-LD; RDF/XML goes through rdflib
        body = _rdflib_graph(store.query_serialized(sparql, NTRIPLES, graph=graph)).serialize(format="xml",
                                                                                              encoding="utf-8")
    else:
        body = store.query_serialized(sparql, media_type, graph=graph)
    headers = {}
    if len(body) > max_rows:
        cut = limit_rows(body, media_type, max_rows)
        if cut is not None:
            body = cut
            headers[MAX_ROWS_HEADER] = str(max_rows)
    if len(body) > max_bytes:
        return ("error", 400, f"result too large: {len(body):,} bytes, more than the {max_bytes:,} this endpoint "
                              "sends; narrow the query or add LIMIT")
    return ("ok", body, headers)


def limit_rows(body: bytes, media_type: str, max_rows: int) -> bytes | None:
    """``body`` cut to its first ``max_rows`` solutions; None when it has no more
    (or is not a solutions result)."""
    cutter = {RESULTS_JSON: _cut_json, RESULTS_XML: _cut_xml, CSV: _cut_csv, TSV: _cut_tsv}.get(media_type)
    return cutter(body, max_rows) if cutter else None


def _cut_json(body: bytes, max_rows: int) -> bytes | None:
    data = json.loads(body)
    bindings = data.get("results", {}).get("bindings") if isinstance(data, dict) else None
    if bindings is None or len(bindings) <= max_rows:
        return None
    data["results"]["bindings"] = bindings[:max_rows]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _cut_xml(body: bytes, max_rows: int) -> bytes | None:
    # Text and attribute values escape "<", so "<result" only starts an element.
    first_dropped = next(islice(re.finditer(rb"<result[\s>/]", body), max_rows, None), None)
    if first_dropped is None:
        return None
    return body[:first_dropped.start()] + b"</results>\n</sparql>\n"


def _cut_tsv(body: bytes, max_rows: int) -> bytes | None:
    # SPARQL TSV escapes newlines in values: one line is one row, after the header.
    end = -1
    for _ in range(max_rows + 1):
        end = body.find(b"\n", end + 1)
        if end < 0:
            return None
    return body[:end + 1] if body[end + 1:].strip() else None


def _cut_csv(body: bytes, max_rows: int) -> bytes | None:
    if body.count(b"\n") <= max_rows + 1:  # each record ends in a newline: no more than max_rows of them
        return None
    records = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
    kept = list(islice(records, max_rows + 1))
    if next(records, None) is None:
        return None
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(kept)
    return out.getvalue().encode("utf-8")


# --- the graph view -----------------------------------------------------------

def view_page(store: Store, sparql: str, graph: str | None, form: str | None, title: str, max_nodes: int) -> str:
    """The graph view (kg.viz) of a CONSTRUCT or DESCRIBE result, or of what
    surrounds the IRIs in a SELECT's rows."""
    from kg.viz import render_html, select_view, view_model
    if form == "ASK":
        raise InputError("an ASK query answers true or false: there is no graph to draw")
    if form in GRAPH_FORMS:
        triples = store.query_serialized(sparql, NTRIPLES, graph=graph)
    else:
        iris = result_iris(store.query_serialized(sparql, RESULTS_JSON, graph=graph))
        if not iris:
            raise InputError("the query's rows hold no IRI to draw (select ?event or ?person, not only labels)")
        triples = store.query_serialized(neighbourhood_query(iris), NTRIPLES, graph=graph)
    model = select_view(view_model(_rdflib_graph(triples)), max_nodes=max_nodes)
    return render_html(model, title=title)


def result_iris(results_json: bytes, limit: int = MAX_VIEW_IRIS) -> list[str]:
    """The distinct IRIs in a SPARQL JSON result's rows, in order, at most ``limit``."""
    seen: dict[str, None] = {}
    for row in json.loads(results_json).get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "uri" and not _NOT_IRI.search(term["value"]):
                seen.setdefault(term["value"], None)
                if len(seen) == limit:
                    return list(seen)
    return list(seen)


def neighbourhood_query(iris: list[str]) -> str:
    """The triples of each IRI, in and out, with the types and literals of the
    nodes at their other end: what the view needs to name and place them."""
    values = " ".join(f"<{iri}>" for iri in iris)
    return ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            "CONSTRUCT { ?x ?p ?o . ?o ?q ?v . ?s ?r ?x . ?s ?t ?w } WHERE {\n"
            f"  VALUES ?x {{ {values} }}\n"
            "  { ?x ?p ?o OPTIONAL { ?o ?q ?v FILTER (isLiteral(?v) || ?q = rdf:type) } }\n"
            "  UNION { ?s ?r ?x OPTIONAL { ?s ?t ?w FILTER (isLiteral(?w) || ?t = rdf:type) } }\n"
            "}")


def _rdflib_graph(ntriples: bytes) -> Graph:
    graph = Graph()
    if ntriples:
        graph.parse(data=ntriples.decode("utf-8"), format="nt")
    return graph
