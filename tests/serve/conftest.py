"""A store built once for the endpoint's tests, and a real server over it on
127.0.0.1 (uvicorn in a thread, a free port), stopped at the end.

The store holds the bundled example article (through kg.store.ingest), one
article whose labels are markup and bidi controls (article text is
untrusted), and one of long generated literals, so that a cross join is slow
and a CONSTRUCT of everything passes the byte limit."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from tests.conftest import EXAMPLE

ID = "https://w3id.org/hadath/id/"
HD = "https://w3id.org/hadath/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
HOSTILE_ARTICLE = f"{ID}article/hostile"
LONG_ARTICLE = f"{ID}article/long"
HOSTILE_LABEL = '<img src=x onerror="alert(1)">اجتماع\u202e</script>'
# Small limits, so that each is reached by small data and quickly.
TIMEOUT = 3.0  # long enough for any ordinary query on a loaded CI machine; SLOW runs for hours
MAX_ROWS = 50
MAX_RESULT_BYTES = 256 * 1024
MAX_BODY_BYTES = 64 * 1024
LONG_TRIPLES = 120
LONG_LITERAL = 3000


def _hostile_article():
    from kg.store import ArticleGraph
    person = f"{ID}person/hostile"
    lines = [
        f"<{HOSTILE_ARTICLE}> <{RDF_TYPE}> <{HD}Article> .",
        f'<{HOSTILE_ARTICLE}> <{HD}contentDigest> "{"1" * 64}" .',
        f"<{person}> <{RDF_TYPE}> <{HD}Person> .",
        f"<{person}> <{RDFS_LABEL}> {_literal(HOSTILE_LABEL)}@ar .",
    ]
    return ArticleGraph(HOSTILE_ARTICLE, "1" * 64, "\n".join(lines) + "\n")


def _long_article():
    from kg.store import ArticleGraph
    lines = [f"<{LONG_ARTICLE}> <{RDF_TYPE}> <{HD}Article> .",
             f'<{LONG_ARTICLE}> <{HD}contentDigest> "{"2" * 64}" .']
    lines += [f'<{ID}note/{n}> <{RDFS_LABEL}> "{"ن" * LONG_LITERAL} {n}"@ar .' for n in range(LONG_TRIPLES)]
    return ArticleGraph(LONG_ARTICLE, "2" * 64, "\n".join(lines) + "\n")


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> str:
    from kg.store import open_store
    from kg.store.ingest import ingest
    location = str(tmp_path_factory.mktemp("serve") / "store")
    with open_store(location, create=True) as store:
        report = ingest([EXAMPLE], store, workers=1)
        assert not report.failed
        store.replace([_hostile_article(), _long_article()])
    return location


@dataclass
class Endpoint:
    base: str
    app: object

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"


@contextmanager
def serving(store_dir: str, **limits):
    """A real uvicorn serving ``store_dir`` on a free loopback port, in a thread."""
    import uvicorn

    from kg.serve import bind, create_app
    options = {"timeout": TIMEOUT, "max_rows": MAX_ROWS, "max_result_bytes": MAX_RESULT_BYTES,
               "max_body_bytes": MAX_BODY_BYTES, "workers": 2} | limits
    app = create_app(store_dir, **options)
    listener = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield Endpoint(f"http://127.0.0.1:{listener.getsockname()[1]}", app)
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()
        app.state.pool.close()


@pytest.fixture(scope="session")
def endpoint(store_dir):
    with serving(store_dir) as running:
        yield running
