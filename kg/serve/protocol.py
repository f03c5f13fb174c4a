"""The SPARQL 1.1 Protocol, as plain functions of a request's parts: which
query, over which graph, answered in which media type.  Nothing here touches
the network or a store, so every rule is testable on its own.

Media types (first of each list is the default of its query form):

    SELECT, ASK           application/sparql-results+json, application/sparql-results+xml,
                          text/csv, text/tab-separated-values
    CONSTRUCT, DESCRIBE   text/turtle, application/n-triples, application/ld+json,
                          application/rdf+xml

A ``format`` parameter (json, xml, csv, tsv, turtle, nt, jsonld, rdfxml, or a
media type) wins over Accept, as Virtuoso, Fuseki and SPARQLWrapper expect;
``json`` and ``xml`` mean the results formats for solutions and JSON-LD and
RDF/XML for graphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from kg.sparql import blank_opaque

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"

SOLUTION_TYPES = (RESULTS_JSON, RESULTS_XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, NTRIPLES, JSONLD, RDFXML)
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")

# Other names clients send for the same media types.
_ALIASES = {
    "application/json": RESULTS_JSON, "text/javascript": RESULTS_JSON, "application/javascript": RESULTS_JSON,
    "application/xml": RESULTS_XML, "text/xml": RESULTS_XML,
    "application/turtle": TURTLE, "application/x-turtle": TURTLE, "text/n3": TURTLE, "text/rdf+n3": TURTLE,
    "text/plain": NTRIPLES, "application/x-json+ld": JSONLD,
}
# ``format`` values: form-independent ones, then the two that depend on the form.
_FORMAT_NAMES = {
    "csv": CSV, "tsv": TSV, "turtle": TURTLE, "ttl": TURTLE, "n3": TURTLE, "nt": NTRIPLES,
    "ntriples": NTRIPLES, "n-triples": NTRIPLES, "jsonld": JSONLD, "json-ld": JSONLD, "rdfxml": RDFXML,
    "rdf+xml": RDFXML, "rdf": RDFXML,
}
_FORM_FORMAT_NAMES = {"json": (RESULTS_JSON, JSONLD), "xml": (RESULTS_XML, RDFXML)}

FORM_CONTENT = "application/x-www-form-urlencoded"
QUERY_CONTENT = "application/sparql-query"
UPDATE_CONTENT = "application/sparql-update"


class ProtocolError(Exception):
    """A request the protocol refuses: ``status`` and a one-line ``message``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class QueryRequest:
    """What a client asked: the query text, the named graph to read as the
    default graph (None: the union of all graphs), its Accept header and
    ``format`` parameter values."""

    sparql: str
    graph: str | None
    accept: str
    formats: tuple[str, ...] = ()


def query_request(method: str, content_type: str, query_string: str, body: bytes, accept: str) -> QueryRequest:
    """The query of a GET, a form POST or a direct POST (SPARQL 1.1 Protocol
    section 2.1), refusing updates (403) and what the store cannot honour."""
    params = _parameters(query_string)
    media = content_type.split(";")[0].strip().lower()
    if method == "POST":
        if media == UPDATE_CONTENT:
            raise read_only()
        if media == FORM_CONTENT:
            params += _parameters(_text(body))
        elif media == QUERY_CONTENT:
            if any(name == "query" for name, _ in params):
                raise ProtocolError(400, "a direct POST carries its query in the body, not also in a query= parameter")
            params.append(("query", _text(body)))
        else:
            raise ProtocolError(415, f"POST a query as {FORM_CONTENT} or {QUERY_CONTENT}, not '{media or 'nothing'}'")
    elif method != "GET":
        raise ProtocolError(405, "use GET or POST", {"Allow": "GET, POST"})
    if any(name in ("update", "using-graph-uri", "using-named-graph-uri") for name, _ in params):
        raise read_only()
    queries = [value for name, value in params if name == "query"]
    if len(queries) != 1:
        raise ProtocolError(400, "give exactly one query parameter" if queries else "no query given (query=...)")
    return QueryRequest(queries[0], _default_graph(params), accept,
                        tuple(value for name, value in params if name == "format"))


def read_only() -> ProtocolError:
    return ProtocolError(403, "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) "
                              "are refused; write with kg ingest")


def _parameters(encoded: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(encoded, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, "a %-escaped parameter is not UTF-8") from error


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"the request body is not UTF-8 (byte {error.start})") from error


def _default_graph(params: list[tuple[str, str]]) -> str | None:
    # A blank one is what an empty form field sends: no graph chosen.
    defaults = [value for name, value in params if name == "default-graph-uri" and value.strip()]
    if any(name == "named-graph-uri" for name, _ in params):
        raise ProtocolError(400, "named-graph-uri is not supported: every graph of the store is a named graph "
                                 "already (GRAPH ?g { ... })")
    if len(defaults) > 1:
        raise ProtocolError(400, "give at most one default-graph-uri (without one the default graph is the "
                                 "union of all graphs)")
    return defaults[0] if defaults else None


# --- the query form, read without a parser -----------------------------------

# A keyword, not a variable (?select), a prefix (select:) or a local name (ex:select).
_KEYWORD = re.compile(r"(?<![\w?$:.-])(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|"
                      r"MOVE|ADD|WITH)(?![\w:-])", re.IGNORECASE)
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT, DESCRIBE, or the update keyword the text starts
    with; None when there is none (the parser will say what is wrong).  Only
    BASE and PREFIX may come before the form, and their IRIs are blanked."""
    match = _KEYWORD.search(blank_opaque(sparql))
    return match.group(1).upper() if match else None


# --- content negotiation ------------------------------------------------------

def choose_media_type(form: str | None, accept: str, formats: tuple[str, ...] = ()) -> str:
    """The media type to answer a query of ``form`` in; 406 when the client
    accepts none the endpoint writes."""
    offered = GRAPH_TYPES if form in GRAPH_FORMS else SOLUTION_TYPES
    if formats:
        for value in formats:
            chosen = _format_value(value.strip().lower(), form)
            if chosen in offered:
                return chosen
        raise not_acceptable(offered, f"format={formats[0]!r}")
    for media, _ in _accepted(accept):
        if media in ("*/*", "*"):
            return offered[0]
        if media.endswith("/*"):
            match = next((o for o in offered if o.startswith(media[:-1])), None)
            if match:
                return match
            continue
        media = _ALIASES.get(media, media)
        if media in offered:
            return media
    if not accept.strip():
        return offered[0]
    raise not_acceptable(offered, f"Accept: {accept}")


def not_acceptable(offered: tuple[str, ...], asked: str) -> ProtocolError:
    return ProtocolError(406, f"cannot answer this query in {asked[:200]}; acceptable: {', '.join(offered)}")


def _format_value(value: str, form: str | None) -> str:
    if value in _FORM_FORMAT_NAMES:
        solutions, graph = _FORM_FORMAT_NAMES[value]
        return graph if form in GRAPH_FORMS else solutions
    return _ALIASES.get(value, _FORMAT_NAMES.get(value, value))


def _accepted(accept: str) -> list[tuple[str, float]]:
    """Accept's media ranges, best first (a stable sort keeps the client's order
    among equals); q=0 ranges dropped."""
    ranges = []
    for part in accept.split(","):
        media, *parameters = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((media.lower(), quality))
    return sorted(ranges, key=lambda item: -item[1])
