"""The ASGI application: routes, limits and the mapping of every refusal to
an HTTP status with a one-line plain-text message.

    GET, POST /sparql    the SPARQL 1.1 Protocol (kg.serve.protocol)
    GET, POST /view      the graph view (kg.viz) of a query's result
    GET /                the query page (kg.serve.page)

Statuses: 400 malformed query (with the parser's line and column), SERVICE,
a result over the byte limit; 403 an update; 406 no acceptable media type;
413 a body over the limit; 414 a query string over it; 415 a POST of another
content type; 503 a query stopped at the timeout (as Fuseki answers) or
every worker busy (with Retry-After); 500 a worker that died mid-query.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.serve.page import render_page, view_policy
from kg.serve.protocol import (CSV, NTRIPLES, TSV, TURTLE, UPDATE_KEYWORDS, ProtocolError, choose_media_type,
                               query_form, query_request, read_only)
from kg.serve.workers import Busy, TimedOut, WorkerDied, WorkerPool

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_MAX_RESULT_BYTES = 32 * 1024 * 1024
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_MAX_VIEW_NODES = 2000
# A body over the limit is read and dropped up to this many times the limit
# before the 413, so a client still sending it reads the answer instead of a
# reset connection; past that the connection is closed.
_DRAIN_FACTOR = 8
_TEXT_TYPES = (CSV, TSV, TURTLE, NTRIPLES)
_SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                     "X-Frame-Options": "DENY", "Cache-Control": "no-store"}


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_view_nodes: int = DEFAULT_MAX_VIEW_NODES


def default_workers() -> int:
    """Two at least, so a query stopped at the timeout never leaves the server
    without one while its replacement starts; at most four (each holds a
    RocksDB cache)."""
    return max(2, min(4, os.cpu_count() or 1))


def create_app(location: str, *, timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
               max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
               max_view_nodes: int = DEFAULT_MAX_VIEW_NODES, workers: int | None = None,
               opener=None) -> Starlette:
    """The endpoint over the store at ``location``, its query workers started
    (a store that cannot be opened is a StoreError here, before any request);
    they stop when the application's lifespan ends, or with ``app.state.pool.close()``.
    ``opener(location, read_only=True)`` opens the store in each worker
    (default kg.store.open_store; it must be importable by name)."""
    limits = Limits(timeout, max_rows, max_result_bytes, max_body_bytes, max_view_nodes)
    pool = WorkerPool(location, size=workers or default_workers(), timeout=timeout, opener=opener)
    try:
        triples = int(_reply(pool.run(("size",))).decode("ascii"))
    except BaseException:
        pool.close()
        raise

    @asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            pool.close()

    async def sparql(request: Request) -> Response:
        try:
            parsed = query_request(request.method, request.headers.get("content-type", ""),
                                   _query_string(request, limits), await _body(request, limits),
                                   request.headers.get("accept", ""))
            form = query_form(parsed.sparql)
            if form in UPDATE_KEYWORDS:
                raise read_only()
            media_type = choose_media_type(form, parsed.accept, parsed.formats)
            task = ("query", parsed.sparql, media_type, parsed.graph, limits.max_rows, limits.max_result_bytes)
            body, headers = await _perform(pool, task, limits)
        except ProtocolError as refusal:
            return _refusal(refusal)
        content_type = f"{media_type}; charset=utf-8" if media_type in _TEXT_TYPES else media_type
        return Response(body, headers={"Content-Type": content_type, "Vary": "Accept", **headers,
                                       **_SECURITY_HEADERS})

    async def view(request: Request) -> Response:
        try:
            parsed = query_request(request.method, request.headers.get("content-type", ""),
                                   _query_string(request, limits), await _body(request, limits), "")
            form = query_form(parsed.sparql)
            if form in UPDATE_KEYWORDS:
                raise read_only()
            title = request.query_params.get("title") or "Hadath"
            task = ("view", parsed.sparql, parsed.graph, form, title, limits.max_view_nodes)
            body, _ = await _perform(pool, task, limits)
        except ProtocolError as refusal:
            return _refusal(refusal)
        page = body.decode("utf-8")
        return HTMLResponse(page, headers={"Content-Security-Policy": view_policy(page), **_SECURITY_HEADERS})

    async def home(request: Request) -> Response:
        page, policy = render_page(store=location, triples=triples, timeout=timeout, max_rows=max_rows)
        return HTMLResponse(page, headers={"Content-Security-Policy": policy, **_SECURITY_HEADERS})

    app = Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"]),
                            Route("/view", view, methods=["GET", "POST"]),
                            Route("/", home, methods=["GET"])],
                    lifespan=lifespan)
    app.state.pool = pool
    app.state.limits = limits
    return app


async def _perform(pool: WorkerPool, task: tuple, limits: Limits) -> tuple[bytes, dict[str, str]]:
    try:
        reply = await run_in_threadpool(pool.run, task)
    except TimedOut:
        raise ProtocolError(503, f"query stopped: it ran longer than the {limits.timeout:g} s limit") from None
    except Busy:
        raise ProtocolError(503, f"every query worker stayed busy for {limits.timeout:g} s; try again",
                            {"Retry-After": "1"}) from None
    except WorkerDied:
        raise ProtocolError(500, "the query's worker process ended before it answered (out of memory?)") from None
    return _reply(reply), reply[2]


def _reply(reply: tuple) -> bytes:
    if reply[0] == "error":
        raise ProtocolError(reply[1], reply[2])
    return reply[1]


def _refusal(refusal: ProtocolError) -> Response:
    return PlainTextResponse(refusal.message + "\n", status_code=refusal.status,
                             headers={**refusal.headers, **_SECURITY_HEADERS})


def _query_string(request: Request, limits: Limits) -> str:
    query_string = request.scope.get("query_string", b"")
    if len(query_string) > limits.max_body_bytes:
        raise ProtocolError(414, f"the query string is longer than {limits.max_body_bytes:,} bytes")
    try:
        return query_string.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, "the query string is not UTF-8") from error


async def _body(request: Request, limits: Limits) -> bytes:
    """The request body, refused (413) past ``max_body_bytes``."""
    if request.method != "POST":
        return b""
    limit = limits.max_body_bytes
    too_large = ProtocolError(413, f"the request body is larger than {limit:,} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit * _DRAIN_FACTOR:
        raise ProtocolError(413, too_large.message, {"Connection": "close"})
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit * _DRAIN_FACTOR:
            raise ProtocolError(413, too_large.message, {"Connection": "close"})
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        raise too_large
    return b"".join(chunks)
