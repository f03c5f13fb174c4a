"""``kg serve``: a read-only SPARQL 1.1 endpoint over a store, with a query page.

    serve(location, host=..., port=...)   blocking: the server until Ctrl-C
    create_app(location, ...)             the ASGI application (tests, other servers)

Server.  uvicorn running a Starlette application: both are small, pure
Python (h11), and ASGI lets one process hold thousands of waiting clients
while queries run elsewhere; waitress (WSGI) would tie a thread to every
request for the whole of its query.  The server binds 127.0.0.1 unless a
host is given; any other address is served with a warning, since the
endpoint has no authentication.

Queries.  pyoxigraph cannot cancel a query, and a thread running one cannot
be stopped, so queries run in worker processes, each with the store open
read-only, and a query past the timeout has its worker killed and replaced
(kg.serve.workers).  The server process itself never evaluates, parses with
rdflib or serialises: it reads the request, picks the media type and hands
the query over.  Measured (2 shared CPUs under load): the pipe to a worker
and back costs 0.2 ms; a killed worker is replaced in 30-50 ms (forked from
the fork server; the first start takes about a second); a query's rdflib
check in LocalStore (20-70 ms for the example queries) costs more than
HTTP and the pipe together.  benchmarks/bench_serve.py compares the endpoint
with raw pyoxigraph under load.  Evaluating in the server's own threads would
be no faster, and a timeout would leave the thread running.

Read-only.  Updates are refused with 403 whichever way they come
(application/sparql-update, an ``update=`` parameter, an update as a
query); LOAD is an update; SERVICE and text that does not parse are 400 with
the parser's line and column (the store's own checks, kg.sparql).

Limits (each a keyword of ``create_app`` and ``serve``): ``timeout`` seconds
a query may run (503 after); ``max_rows`` rows a result may have (more are
cut, with ``X-SPARQL-MaxRows``); ``max_result_bytes`` (a larger result is
refused, 400); ``max_body_bytes`` of a request body (413) or query string
(414); ``max_view_nodes`` nodes the graph view draws.

A store opened read-only reads a snapshot of the store as it was when the
worker opened it; before each query a worker compares the store's files
(names, sizes, times) with those it opened, and opens it again when a writer
changed them, so articles ``kg ingest`` adds are served without a restart.
An open that races the writer's compaction keeps the old snapshot for that
query (kg.store.local says what RocksDB allows).
"""

from __future__ import annotations

import ipaddress
import socket
import sys

from kg.errors import InputError
from kg.serve.app import (DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_RESULT_BYTES, DEFAULT_MAX_ROWS,
                          DEFAULT_MAX_VIEW_NODES, DEFAULT_TIMEOUT, create_app)

__all__ = ["create_app", "is_loopback", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(location: str, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, timeout: float = DEFAULT_TIMEOUT,
          max_rows: int = DEFAULT_MAX_ROWS, max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
          max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, max_view_nodes: int = DEFAULT_MAX_VIEW_NODES,
          workers: int | None = None, access_log: bool = True) -> None:
    """Serve the store at ``location`` until interrupted.  The address is
    taken before the store is opened, so a port in use is an InputError at
    once; a store that cannot be opened is a StoreError."""
    import uvicorn
    listener = bind(host, port)
    try:
        app = create_app(location, timeout=timeout, max_rows=max_rows, max_result_bytes=max_result_bytes,
                         max_body_bytes=max_body_bytes, max_view_nodes=max_view_nodes, workers=workers)
        if not is_loopback(host):
            print(f"kg: warning: serving on {host}, reachable from other machines; the endpoint has no "
                  "authentication", file=sys.stderr)
        address = _url(host, listener.getsockname()[1])
        print(f"kg: serving {location} at {address}/ (SPARQL: {address}/sparql); Ctrl-C stops", file=sys.stderr)
        config = uvicorn.Config(app, log_level="info" if access_log else "warning", access_log=access_log,
                                server_header=False, timeout_keep_alive=5, lifespan="on")
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        listener.close()


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise InputError("cannot serve on this host (unknown name)", value=host) from error
    family, kind, protocol, _, address = infos[0]
    listener = socket.socket(family, kind, protocol)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
        listener.listen(2048)
    except OSError as error:
        listener.close()
        raise InputError(f"cannot serve on {host} port {port} ({error.strerror}); choose another with --port",
                         value=f"{host}:{port}") from error
    listener.set_inheritable(True)
    return listener


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
