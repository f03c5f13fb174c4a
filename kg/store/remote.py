"""A store behind a SPARQL 1.1 Query + Update endpoint, over HTTP (urllib).

Where it is.  ``RemoteStore(location)``: ``location`` is the query endpoint
(``http://127.0.0.1:8890/sparql``).  Updates go to the same URL unless an
update endpoint is given (argument ``update_url``, else the environment
variable ``KG_STORE_UPDATE_URL``): Virtuoso takes anonymous queries on
``/sparql`` and authenticated updates on ``/sparql-auth``.  Articles are
written through a SPARQL 1.1 Graph Store HTTP Protocol endpoint instead when
one is given (argument ``graph_store_url``, else ``KG_STORE_GSP_URL``),
which then takes every write (``replace`` and ``remove``).  Virtuoso's is
``/sparql-graph-crud-auth`` (Digest, as dba or a user granted
SPARQL_UPDATE), or ``/sparql-graph-crud`` anonymously once ``GRANT
SPARQL_UPDATE TO "SPARQL"`` lets anyone write (as its anonymous ``/sparql``
updates need); Fuseki's is ``/DATASET/data``, Oxigraph server's ``/store``.
It is not guessed from ``location``: an endpoint that is not a graph store
may take a PUT and write nothing (Virtuoso's ``/sparql`` does not answer
one).  Credentials come, first found wins, from ``user:password@`` in the
URL they serve, the ``user``/``password`` arguments, or ``KG_STORE_USER``
and ``KG_STORE_PASSWORD``; they are answered to an HTTP Basic or Digest
challenge (Virtuoso's ``/sparql-auth`` asks for Digest) of the endpoint's
own host only, and are never printed: messages and ``location`` show the URL
without its password.  Redirects are never followed: urllib would turn a
redirected update into a GET that writes nothing, and a redirect to another
host could be sent the credentials; the error names the target to use.

What a query sees.  Queries are checked here first (``kg.sparql``: syntax,
SERVICE refused, updates refused) and sent with the project's prefixes
declared, so ``hd:`` works without a PREFIX line.  The union of all graphs
is the endpoint's default graph: true of Virtuoso (whose union also holds
its own system graphs, which hd: queries never meet); Fuseki needs
``tdb2:unionDefaultGraph true`` and Oxigraph server ``--union-default-graph``.
A query on one graph sends it as ``default-graph-uri`` and
``named-graph-uri`` (SPARQL Protocol), so the query's FROM is overridden.
A result the endpoint cut short (Virtuoso's ``ResultSetMaxRows``, 10000 by
default, announced in the ``X-SPARQL-MaxRows`` header) is a StoreError, not
a silently partial answer.  The store's own reads (``digests``, ``graph``)
page and check counts so they are whole under any such limit.

Writing through a graph store.  ``replace`` sends one ``PUT
?graph=<article IRI>`` per article, its body the article as N-Triples (the
digest triple last), which replaces the graph whatever its size: no update
to compile, so Virtuoso writes ten to fifty times faster this way (some
thousands of triples/s against some hundreds through SPARQL Update).  ``remove`` sends a ``DELETE`` per
graph (404, a graph the store does not hold, is fine).  Whether a PUT is
atomic is the endpoint's business: the protocol asks only that the graph's
content be replaced.  Virtuoso (7.2) runs two transactions: it clears the
graph and commits, then loads the body and commits (one transaction up to a
million triples; a body that fails to parse keeps what came before the
error).  So a reader may see the article missing for that moment, and a
server stopped between the two leaves it missing, or, after a bad body,
partly written without its digest triple (which comes last); either way
``digests()`` does not list it and the next ingest writes it again whole.
Virtuoso ignores the Content-Type and guesses the format from the body's
first 64 KB; literals are therefore written with ``<`` and ``>`` escaped
(``\\u003C``), lest one holding ``<html>`` make the body a web page it
refuses.  Virtuoso's graph store takes one graph per request (no N-Quads or
TriG), so a batch is one PUT per article.

Writing through SPARQL Update.  Without a graph store, ``replace`` sends,
per article, ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``
in one request: a SPARQL endpoint runs one request as one update (Virtuoso:
one transaction), so the article is old or new, never half.  Small articles
share a request.  Virtuoso compiles an update to SQL in time that grows
with the square of its length and refuses one whose SQL passes 10000 lines
(about 1300 triples: "SP031 ... exceeded 10000 lines of code"), so an
article above ``SPLIT_TRIPLES`` triples is sent in several requests: the
first drops the old graph, the last carries the article's
``hd:contentDigest``.  Such an article is then not atomic: a run stopped
between its requests leaves part of its triples and no digest, so
``digests()`` does not list it and the next ingest writes it again whole.
Terms are written as N-Triples terms re-escaped for SPARQL: quotes,
backslashes and line ends as ``\\"`` ``\\\\`` ``\\n``, other control
characters as ``\\uXXXX`` (Virtuoso rejects a raw NUL), everything else,
Arabic and bidi controls included, as UTF-8.  Blank nodes keep their
identity within one request only, so an article holding any must fit in one
(kg's graphs have none: every node has an IRI).

Errors.  A connection refused, a timeout (``timeout``, default 60 s), an
HTTP error, a redirect or a body that does not parse: StoreError in one line
naming the endpoint and the status and reason.  A query the endpoint rejects
with 400 (the endpoint's own SPARQL dialect disagreeing with rdflib's): a
QueryError.
"""

from __future__ import annotations

import io
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.client import HTTPException

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.ntriples import W3CNTriplesParser
from rdflib.query import Result, ResultException

from kg.errors import QueryError, StoreError
from kg.rdf.build import PREFIXES
from kg.rdf.namespace import HD
from kg.sparql import checked_store_query, one_line, query_form, query_namespaces
from kg.store import ArticleGraph, Store

# Several small articles share an update request up to this many triples;
# past it a request costs more than two (Virtuoso's compile time is quadratic).
PACK_TRIPLES = 300
# An article larger than this is split over several requests (module docstring),
# of CHUNK_TRIPLES each: atomicity is lost anyway, so the fastest size.
SPLIT_TRIPLES = 1000
SPLIT_BYTES = 1 << 20
CHUNK_TRIPLES = 100
# Rows the store's own paged reads ask for at once: under Virtuoso's default cap.
PAGE_ROWS = 5000
# Article graphs read by graph() in one request, halved while a batch comes back short.
GRAPH_BATCH = 32

_SOLUTIONS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"
_SOLUTION_TYPES = frozenset({_SOLUTIONS, "application/sparql-results+xml", "text/csv",
                             "text/tab-separated-values"})
_GRAPH_TYPES = frozenset({"text/turtle", _TRIPLES, "application/ld+json"})
_RDF_FORMATS = {"text/turtle": "turtle", _TRIPLES: "nt", "text/plain": "nt", "text/ntriples": "nt",
                "text/rdf+n3": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml"}

# Characters an IRIREF may not hold (SPARQL 1.1 grammar [139]).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# A backslash before u or U: some parsers replace \\uXXXX before parsing
# (SPARQL 1.1 section 19.2; rdflib's takes up to 8 hex digits even after a
# small u), others (Virtuoso) only inside strings.  So the u and the hex
# digits after it are escaped one by one, and every reading gives them back.
_NEEDS_ESCAPE = re.compile(r'\\[uU][0-9A-Fa-f]{0,8}|["\\\x00-\x1f\x7f\ud800-\udfff]')
_NEEDS_ESCAPE_OR_MARKUP = re.compile(r'\\[uU][0-9A-Fa-f]{0,8}|["\\<>\x00-\x1f\x7f\ud800-\udfff]')


@dataclass(frozen=True)
class Endpoint:
    """One HTTP endpoint: its URL without credentials, and the credentials."""

    url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def shown(self) -> str:
        """The URL as messages show it: with the user, never the password."""
        if not self.user:
            return self.url
        parts = urllib.parse.urlsplit(self.url)
        return parts._replace(netloc=f"{urllib.parse.quote(self.user, safe='')}@{parts.netloc}").geturl()


def endpoint(url: str, user: str | None = None, password: str | None = None) -> Endpoint:
    """``url`` with any ``user:password@`` taken out into the credentials (which
    then win over ``user``/``password``)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError("not an http(s) endpoint URL", url.split("@")[-1])
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        netloc = parts.netloc.rsplit("@", 1)[1]
        url = parts._replace(netloc=netloc).geturl()
    return Endpoint(url, user or None, password if user else None)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise StoreError(f"the endpoint redirects (HTTP {code}): give the URL it names", req.full_url,
                         newurl)


def _opener(*endpoints: Endpoint) -> urllib.request.OpenerDirector:
    """No auth handler without credentials (urllib's Basic handler raises on a
    Digest challenge it has nothing to answer with)."""
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    for end in endpoints:
        if end.user:
            # the password manager answers only URLs under this one: same scheme, host and port
            passwords.add_password(None, end.url, end.user, end.password or "")
    if not any(end.user for end in endpoints):
        return urllib.request.build_opener(_NoRedirects)
    return urllib.request.build_opener(_NoRedirects, urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


class RemoteStore(Store):
    """The SPARQL endpoint at ``location`` (see the module docstring)."""

    def __init__(self, location: str, *, update_url: str | None = None, graph_store_url: str | None = None,
                 user: str | None = None, password: str | None = None, timeout: float = 60.0,
                 environ: Mapping[str, str] = os.environ):
        user = user or environ.get("KG_STORE_USER")
        password = password if password is not None else environ.get("KG_STORE_PASSWORD")
        self._query = endpoint(location, user, password)
        self._update = endpoint(update_url or environ.get("KG_STORE_UPDATE_URL") or location, user, password)
        graph_store = graph_store_url or environ.get("KG_STORE_GSP_URL")
        self._graph_store = endpoint(graph_store, user, password) if graph_store else None
        self.location = self._query.shown
        self.timeout = timeout
        self._opener = _opener(self._query, self._update, *filter(None, [self._graph_store]))
        self._namespaces = query_namespaces()
        self._prologue = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in self._namespaces.items())

    # ------------------------------------------------------------------ writing

    def replace(self, articles: Sequence[ArticleGraph]) -> int:
        """Each article's graph dropped and written again: one PUT per article
        to the graph store when there is one, else SPARQL updates (module
        docstring)."""
        if self._graph_store is not None:
            written = 0
            for article in articles:
                lines = article_lines(article, hide_markup=True)
                self._put_graph(article.iri, "".join(lines))
                written += len(lines)
            return written
        written = 0
        for request in update_requests(articles):
            self._send_update(request.text)
            written += request.triples
        return written

    def remove(self, graph_iris: Sequence[str]) -> None:
        if self._graph_store is not None:
            for iri in graph_iris:
                self._delete_graph(iri)
            return
        for start in range(0, len(graph_iris), 100):
            self._send_update(" ;\n".join(f"DROP SILENT GRAPH {iri_term(iri)}"
                                          for iri in graph_iris[start:start + 100]))

    def _send_update(self, text: str) -> None:
        self._request(self._update, {"update": text}, "*/*", update=True)

    def _put_graph(self, iri: str, ntriples: str) -> None:
        store = self._graph_store
        body, headers = self._send(store, graph_url(store.url, iri), "PUT",
                                   ntriples.encode("utf-8", "surrogatepass"), _TRIPLES, "*/*", "write")
        # a graph store answers a PUT with nothing or a short status; a web
        # page means a server that wrote nothing (Virtuoso's graph store sends
        # its upload form when it misses the graph parameter)
        if body.strip() and headers.get_content_type() == "text/html":
            raise StoreError("the graph store answered a PUT with a web page and wrote nothing: "
                             "is it a Graph Store Protocol endpoint (Virtuoso: /sparql-graph-crud)?",
                             store.shown)

    def _delete_graph(self, iri: str) -> None:
        store = self._graph_store
        self._send(store, graph_url(store.url, iri), "DELETE", None, None, "*/*", "write", absent_ok=True)

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, *, graph: str | None = None) -> Result:
        form = self._checked_form(sparql)
        if form in ("SELECT", "ASK"):
            body, _ = self._run(sparql, _SOLUTIONS, graph)
            return _parse_solutions(body, self._query.shown)
        result = Result(form)
        result.graph = self._run_graph(sparql, graph)
        return result

    def query_serialized(self, sparql: str, media_type: str, *, graph: str | None = None) -> bytes:
        form = self._checked_form(sparql)
        fitting = _SOLUTION_TYPES if form in ("SELECT", "ASK") else _GRAPH_TYPES
        if media_type not in fitting:
            raise QueryError(f"a {form} result cannot be written as {media_type} "
                             f"(use one of {', '.join(sorted(fitting))})")
        body, _ = self._run(sparql, media_type, graph)
        return body

    def digests(self) -> dict[str, str]:
        """Paged by graph IRI (keyset, not OFFSET: Virtuoso refuses a sorted
        OFFSET past its sort limit), until a page comes back empty."""
        digests: dict[str, str] = {}
        after = ""
        while True:
            rows = self._select(f"""SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g <{HD.contentDigest}> ?d }}
                FILTER (STR(?g) > {literal_term(Literal(after))}) }} ORDER BY STR(?g) LIMIT {PAGE_ROWS}""",
                                allow_cut=True)
            for row in rows:
                digests[str(row["g"])] = str(row["d"])
            if not rows:
                return digests
            after = str(rows[-1]["g"])

    def graph(self, graph: str | None = None) -> Graph:
        """Read as SELECT ?s ?p ?o over batches of article graphs, each batch's
        row count checked against a COUNT: Virtuoso cuts a CONSTRUCT short
        without saying so."""
        union = Graph()
        for prefix, namespace in PREFIXES.items():
            union.bind(prefix, namespace)
        pending = [[iri] for iri in [graph]] if graph else _batches(sorted(self.digests()), GRAPH_BATCH)
        while pending:
            batch = pending.pop()
            values = " ".join(iri_term(iri) for iri in batch)
            pattern = f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}"
            expected = self._count(pattern)
            rows = self._select(f"SELECT ?s ?p ?o WHERE {{ {pattern} }}", allow_cut=True)
            if len(rows) == expected:
                for row in rows:
                    union.add((row["s"], row["p"], row["o"]))
            elif len(batch) > 1:
                pending.extend(_batches(batch, (len(batch) + 1) // 2))
            else:
                raise StoreError(f"the endpoint returns at most {len(rows)} rows and the graph holds "
                                 f"{expected} triples: raise its limit (Virtuoso: ResultSetMaxRows)",
                                 self._query.shown, batch[0])
        return union

    def __len__(self) -> int:
        return self._count(f"GRAPH ?g {{ ?s ?p ?o }} FILTER EXISTS {{ GRAPH ?g {{ ?g <{HD.contentDigest}> ?d }} }}")

    # ------------------------------------------------------------------ helpers

    def _checked_form(self, sparql: str) -> str:
        return query_form(checked_store_query(sparql, self._namespaces))

    def _select(self, sparql: str, *, allow_cut: bool = False) -> list[dict]:
        body, _ = self._run(sparql, _SOLUTIONS, None, allow_cut=allow_cut)
        return [row.asdict() for row in _parse_solutions(body, self._query.shown)]

    def _count(self, pattern: str) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(rows[0]["n"]) if rows else 0

    def _run(self, sparql: str, accept: str, graph: str | None, *, allow_cut: bool = False) -> tuple[bytes, bool]:
        fields = {"query": self._prologue + sparql}
        if graph is not None:
            fields["default-graph-uri"] = graph
            fields["named-graph-uri"] = graph
        body, headers = self._request(self._query, fields, accept)
        cut = headers.get("X-SPARQL-MaxRows")
        if cut and not allow_cut:
            raise StoreError(f"the endpoint cut the result at {cut} rows (Virtuoso: ResultSetMaxRows): "
                             "add a LIMIT, or page with OFFSET", self._query.shown)
        return body, bool(cut)

    def _run_graph(self, sparql: str, graph: str | None) -> Graph:
        body, headers = self._request_graph(sparql, graph)
        media_type = headers.get_content_type()
        rdf_format = _RDF_FORMATS.get(media_type)
        if rdf_format is None:
            raise StoreError(f"the endpoint answered a graph query with {media_type}", self._query.shown)
        result = Graph()
        try:
            result.parse(data=body, format=rdf_format)
        except (SyntaxError, ValueError, IndexError) as error:
            raise StoreError(f"cannot parse the endpoint's {media_type} answer ({one_line(error)})",
                             self._query.shown) from error
        return result

    def _request_graph(self, sparql: str, graph: str | None):
        fields = {"query": self._prologue + sparql}
        if graph is not None:
            fields["default-graph-uri"] = graph
            fields["named-graph-uri"] = graph
        return self._request(self._query, fields, f"{_TRIPLES}, text/turtle;q=0.9")

    def _request(self, end: Endpoint, fields: dict[str, str], accept: str, *, update: bool = False):
        """POST the form ``fields``; the body and headers of a 2xx answer."""
        data = urllib.parse.urlencode(fields, errors="surrogatepass").encode("ascii")
        return self._send(end, end.url, "POST", data, "application/x-www-form-urlencoded", accept,
                          "update" if update else "query")

    def _send(self, end: Endpoint, url: str, method: str, data: bytes | None, content_type: str | None,
              accept: str, kind: str, *, absent_ok: bool = False):
        """One HTTP request to ``end`` (at ``url``, under it); the body and
        headers of a 2xx answer (or, when ``absent_ok``, of a 404).  ``kind``
        (query, update, write) names the request in errors."""
        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read(), response.headers
        except urllib.error.HTTPError as error:
            if absent_ok and error.code == 404:
                with error:
                    return error.read(), error.headers
            raise _http_error(error, end, kind) from error
        except urllib.error.URLError as error:
            reason = error.reason
            text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
            raise StoreError(f"cannot reach the endpoint ({one_line(text)})", end.shown) from error
        except ValueError as error:  # urllib's Basic handler on a challenge of another scheme
            raise StoreError(f"the endpoint asks for an authentication urllib cannot give ({one_line(error)})",
                             end.shown) from error
        except (TimeoutError, socket.timeout) as error:
            raise StoreError(f"the endpoint did not answer within {self.timeout:g} s", end.shown) from error
        except (HTTPException, OSError) as error:
            raise StoreError(f"the connection to the endpoint failed ({one_line(error) or type(error).__name__})",
                             end.shown) from error


def _http_error(error: urllib.error.HTTPError, end: Endpoint, kind: str):
    try:
        detail = error.read(4000).decode("utf-8", "replace")
    except (OSError, HTTPException):
        detail = ""
    first = _first_line(detail)
    what = f"HTTP {error.code} {error.reason}" + (f": {one_line(first)}" if first else "")
    if error.code in (401, 403):
        grant = (" (Virtuoso's anonymous /sparql-graph-crud also needs GRANT SPARQL_UPDATE TO \"SPARQL\")"
                 if kind == "write" else "")
        return StoreError(f"the endpoint refuses the {kind} ({what}); give a user and password "
                          f"(user:password@ in the URL, or KG_STORE_USER and KG_STORE_PASSWORD){grant}",
                          end.shown)
    if error.code == 400 and kind == "query":
        return QueryError(f"the endpoint rejects the query ({what})", end.shown)
    return StoreError(f"the endpoint failed ({what})", end.shown)


def _first_line(detail: str) -> str:
    """The first line of an error body that says something: Virtuoso's graph
    store wraps its message in an HTML page, inside <xmp>."""
    quoted = re.search(r"<xmp>(.*?)</xmp>", detail, re.IGNORECASE | re.DOTALL)
    if quoted:
        detail = quoted.group(1)
    elif re.match(r"\s*<(!doctype|html)", detail, re.IGNORECASE):
        body = re.search(r"<body[^>]*>(.*)", detail, re.IGNORECASE | re.DOTALL)
        detail = re.sub(r"<[^>]*>", "\n", body.group(1) if body else detail)
    return next((line.strip() for line in detail.splitlines() if line.strip()), "")


def _parse_solutions(body: bytes, where: str) -> Result:
    try:
        return Result.parse(io.BytesIO(body), format="json")
    except (ResultException, ValueError, KeyError, TypeError) as error:
        raise StoreError(f"cannot parse the endpoint's SPARQL JSON answer ({one_line(error)})", where) from error


def _batches(items: list, size: int) -> list[list]:
    return [items[start:start + size] for start in range(0, len(items), size)]


# ---------------------------------------------------------------------- update text

@dataclass
class UpdateRequest:
    text: str
    triples: int


def update_requests(articles: Sequence[ArticleGraph]) -> Iterator[UpdateRequest]:
    """The update requests that write ``articles``: whole small articles packed
    together, a large one split with its digest in its last request."""
    parts: list[str] = []
    packed = 0
    for article in articles:
        lines = article_lines(article)
        size = sum(len(line) for line in lines)
        if len(lines) > SPLIT_TRIPLES or size > SPLIT_BYTES:
            if parts:
                yield UpdateRequest(" ;\n".join(parts), packed)
                parts, packed = [], 0
            yield from _split_article(article, lines)
            continue
        if parts and packed + len(lines) > PACK_TRIPLES:
            yield UpdateRequest(" ;\n".join(parts), packed)
            parts, packed = [], 0
        graph = iri_term(article.iri)
        parts.append(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{''.join(lines)}}} }}")
        packed += len(lines)
    if parts:
        yield UpdateRequest(" ;\n".join(parts), packed)


def _split_article(article: ArticleGraph, lines: list[str]) -> Iterator[UpdateRequest]:
    if any("_:" in line for line in lines) and _has_blank_node(article):
        raise StoreError(f"an article of {len(lines)} triples with blank nodes cannot be written in "
                         "one request", article.iri)
    graph = iri_term(article.iri)
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if len(chunks[-1]) >= CHUNK_TRIPLES or (chunks[-1] and size + len(line) > SPLIT_BYTES):
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line)
    for number, chunk in enumerate(chunks):
        insert = f"INSERT DATA {{ GRAPH {graph} {{\n{''.join(chunk)}}} }}"
        text = f"DROP SILENT GRAPH {graph} ;\n{insert}" if number == 0 else insert
        yield UpdateRequest(text, len(chunk))


def _has_blank_node(article: ArticleGraph) -> bool:
    return any(isinstance(term, BNode) for triple in parse_ntriples(article) for term in triple)


def article_lines(article: ArticleGraph, *, hide_markup: bool = False) -> list[str]:
    """The article's triples as lines that are SPARQL and N-Triples alike, its
    digest triple last (so a split article's digest is written only with its
    last part, and a load stopped part way leaves no digest).  ``hide_markup``:
    see :func:`literal_term`."""
    lines, digest = [], []
    article_node = URIRef(article.iri)
    for s, p, o in parse_ntriples(article):
        line = f"{term(s)} {term(p)} {term(o, hide_markup)} .\n"
        (digest if p == HD.contentDigest and s == article_node else lines).append(line)
    return lines + digest


class _Sink:
    def __init__(self):
        self.triples: list[tuple] = []

    def triple(self, s, p, o):
        self.triples.append((s, p, o))


def parse_ntriples(article: ArticleGraph) -> list[tuple]:
    sink = _Sink()
    try:
        W3CNTriplesParser(sink).parsestring(article.ntriples)
    except (ParserError, ValueError) as error:
        raise StoreError(f"the article's N-Triples do not parse ({one_line(error)})", article.iri) from error
    return sink.triples


def graph_url(store_url: str, iri: str) -> str:
    """The graph store URL of the graph ``iri`` (indirect identification:
    ``?graph=``, percent-encoded whole, so an IRI's own %XX, & and + survive)."""
    separator = "&" if urllib.parse.urlsplit(store_url).query else "?"
    return f"{store_url}{separator}graph={urllib.parse.quote(iri, safe='', errors='surrogatepass')}"


def term(node, hide_markup: bool = False) -> str:
    if isinstance(node, URIRef):
        return iri_term(node)
    if isinstance(node, Literal):
        return literal_term(node, hide_markup=hide_markup)
    if isinstance(node, BNode):
        return f"_:b{re.sub(r'[^A-Za-z0-9]', '', str(node))}"
    raise StoreError("a term that cannot be written", value=repr(node))


def iri_term(iri: str) -> str:
    if _BAD_IRI.search(iri):
        raise StoreError("an IRI with a character SPARQL does not allow in <...>", value=str(iri))
    return f"<{iri}>"


def literal_term(literal: Literal, *, hide_markup: bool = False) -> str:
    """The literal as a SPARQL (and N-Triples) term.  ``hide_markup`` also
    escapes < and > (``\\u003C``, ``\\u003E``): Virtuoso's graph store ignores the
    Content-Type and guesses a body's format from its first 64 KB, and takes
    one holding "<html>" for a web page it refuses."""
    escape = _NEEDS_ESCAPE_OR_MARKUP if hide_markup else _NEEDS_ESCAPE
    text = '"' + escape.sub(_escape_char, str(literal)) + '"'
    if literal.language:
        return f"{text}@{literal.language}"
    if literal.datatype is not None:
        return f"{text}^^{iri_term(literal.datatype)}"
    return text


def _escape_char(match: re.Match) -> str:
    char = match.group()
    if len(char) > 1:
        return "\\\\" + "".join(f"\\u{ord(c):04X}" for c in char[1:])
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"
