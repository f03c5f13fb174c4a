"""RemoteStore: against a fake endpoint (always), and against a real Virtuoso
started by .ci/virtuoso (skipped without virtuoso-t, a failure when
KG_REQUIRE_VIRTUOSO=1; KG_TEST_VIRTUOSO names a running one instead, with
KG_TEST_VIRTUOSO_AUTH, KG_TEST_VIRTUOSO_GSP and KG_TEST_VIRTUOSO_GSP_AUTH as
.ci/virtuoso prints them).  The Virtuoso tests of reading and writing run
once per write path: SPARQL Update and the Graph Store Protocol."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.errors import QueryError, StoreError
from kg.rdf.namespace import HD
from kg.store import ArticleGraph
from kg.store.remote import RemoteStore, graph_url, literal_term, update_requests

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "https://w3id.org/hadath/id/article/"
EMPTY_JSON = b'{"head": {"vars": ["n"]}, "results": {"bindings": []}}'

NASTY = [
    'قال "الوزير": \\ لا',
    "سطر أول\nسطر ثان\r\nثالث\tمع جدولة",
    "\u202eمعكوس\u202c \u2066معزول\u2069 \u200f\u200e\ufeff",
    "NUL\x00 BEL\x07 ESC\x1b DEL\x7f",
    "'''\"\"\"} } } ; DROP ALL ; INSERT DATA {",
    "\\u0022 not an escape \\U0001F600",
    "حدث 😀 ﷽ ـــــ",
    "<html><body>ليست صفحة</body></html>",  # Virtuoso's graph store sniffs a body for HTML and RDF/XML
    '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
]


def article(name: str, labels: list[str], digest: str) -> ArticleGraph:
    """A small article graph: its digest and one rdfs:label per string."""
    iri = URIRef(ARTICLE + name)
    dataset = Dataset()
    graph = dataset.graph(iri)
    graph.add((iri, HD.contentDigest, Literal(digest)))
    for label in labels:
        graph.add((iri, RDFS.label, Literal(label, lang="ar")))
    return ArticleGraph(str(iri), digest, graph.serialize(format="nt"))


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------------- a fake endpoint

class FakeEndpoint:
    """An HTTP server on loopback that records each request (method, path,
    headers, raw body, and the form of a form-encoded one) and answers with
    ``respond(handler) -> (status, headers, body)``."""

    def __init__(self, respond):
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                form = {}
                if self.headers.get("Content-Type") == "application/x-www-form-urlencoded":
                    form = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "surrogatepass")).items()}
                fake.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                      "body": body, "form": form})
                status, headers, answer = respond(self)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                try:
                    self.wfile.write(answer)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up: a timeout test
                    pass

            do_PUT = do_DELETE = do_POST

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.gsp_url = self.url + "-graph-crud"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    endpoints = []

    def make(respond=lambda handler: (200, {"Content-Type": "application/sparql-results+json"}, EMPTY_JSON)):
        endpoints.append(FakeEndpoint(respond))
        return endpoints[-1]

    yield make
    for endpoint in endpoints:
        endpoint.close()


@pytest.mark.parametrize("text", NASTY)
def test_remote_literal_escaping_round_trips_through_a_sparql_parser(text):
    update = f"INSERT DATA {{ GRAPH <{ARTICLE}x> {{ <{ARTICLE}x> <{RDFS.label}> {literal_term(Literal(text, lang='ar'))} }} }}"
    dataset = Dataset(default_union=True)
    dataset.update(update)
    assert [str(o) for o in dataset.objects(None, RDFS.label)] == [text]
    assert "\x00" not in update and "\n" not in literal_term(Literal(text))


def test_remote_replace_sends_drop_and_insert_per_article_in_one_request(fake):
    endpoint = fake()
    store = RemoteStore(endpoint.url, environ={})
    written = store.replace([article("a", NASTY, "d1"), article("b", ["ب"], "d2")])
    assert written == len(NASTY) + 1 + 2
    assert len(endpoint.requests) == 1
    text = endpoint.requests[0]["form"]["update"]
    assert text.index(f"DROP SILENT GRAPH <{ARTICLE}a>") < text.index(f"GRAPH <{ARTICLE}a> {{")
    dataset = Dataset()
    dataset.update(text)
    assert sorted(str(o) for o in dataset.graph(URIRef(ARTICLE + "a")).objects(None, RDFS.label)) == sorted(NASTY)


def test_remote_large_article_is_split_with_its_digest_last():
    labels = [f"عنوان {i}" for i in range(2500)]
    requests = list(update_requests([article("big", labels, "digest-big")]))
    assert len(requests) == 26 and sum(r.triples for r in requests) == 2501
    assert requests[0].text.startswith("DROP SILENT GRAPH")
    assert not any("DROP" in r.text for r in requests[1:])
    assert all(str(HD.contentDigest) not in r.text for r in requests[:-1])
    assert str(HD.contentDigest) in requests[-1].text


def test_remote_small_articles_share_requests_and_none_is_split():
    articles = [article(f"a{i}", [f"نص {j}" for j in range(99)], f"d{i}") for i in range(7)]
    requests = list(update_requests(articles))
    assert 1 < len(requests) < 7
    for one in articles:
        assert sum(one.iri in r.text for r in requests) == 1


def test_remote_credentials_from_url_answer_a_basic_challenge_and_are_never_shown(fake):
    def respond(handler):
        expected = "Basic " + base64.b64encode("محرر:s3cr:et".encode()).decode()
        if handler.headers.get("Authorization") != expected:
            return 401, {"WWW-Authenticate": 'Basic realm="SPARQL"'}, b""
        return 200, {"Content-Type": "application/sparql-results+json"}, EMPTY_JSON
    endpoint = fake(respond)
    url = endpoint.url.replace("http://", f"http://{urllib.parse.quote('محرر')}:s3cr%3Aet@")
    store = RemoteStore(url, environ={})
    assert "s3cr" not in store.location and "s3cr" not in repr(store._query)
    assert store.digests() == {}
    assert endpoint.requests[-1]["headers"]["Authorization"].startswith("Basic ")


def test_remote_credentials_and_update_url_from_the_environment(fake):
    queries, updates = fake(), fake(lambda handler: (
        (401, {"WWW-Authenticate": 'Basic realm="x"'}, b"") if "Authorization" not in handler.headers
        else (200, {}, b"")))
    store = RemoteStore(queries.url, environ={"KG_STORE_UPDATE_URL": updates.url.replace("/sparql", "/sparql-auth"),
                                              "KG_STORE_USER": "dba", "KG_STORE_PASSWORD": "pw"})
    store.replace([article("a", ["أ"], "d")])
    assert updates.requests[-1]["path"] == "/sparql-auth" and "update" in updates.requests[-1]["form"]
    assert not queries.requests


def test_remote_refused_update_says_how_to_give_credentials(fake):
    endpoint = fake(lambda handler: (401, {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="n", qop="auth"'}, b""))
    with pytest.raises(StoreError, match="KG_STORE_USER") as caught:
        RemoteStore(endpoint.url, environ={}).replace([article("a", ["أ"], "d")])
    assert "\n" not in caught.value.message and endpoint.url in caught.value.message


def test_remote_redirect_is_refused_and_sends_no_credentials_on(fake):
    other = fake()
    endpoint = fake(lambda handler: (307, {"Location": other.url.replace("127.0.0.1", "localhost")}, b""))
    url = endpoint.url.replace("http://", "http://dba:pw@")
    with pytest.raises(StoreError, match="redirects"):
        RemoteStore(url, environ={}).digests()
    assert not other.requests


@pytest.mark.parametrize("status, body, error", [
    (400, b"Virtuoso 37000 Error SP030: SPARQL compiler, line 3: syntax error\nmore", QueryError),
    (500, b"Virtuoso 42000 Error: out of memory\ndetails", StoreError),
    (503, b"", StoreError),
])
def test_remote_http_errors_map_to_one_line(fake, status, body, error):
    endpoint = fake(lambda handler: (status, {"Content-Type": "text/plain"}, body))
    with pytest.raises(error) as caught:
        RemoteStore(endpoint.url, environ={}).query("SELECT * WHERE { ?s ?p ?o }")
    assert "\n" not in caught.value.message and f"HTTP {status}" in caught.value.message
    assert endpoint.url in caught.value.message


def test_remote_result_cut_by_the_endpoint_is_an_error(fake):
    endpoint = fake(lambda handler: (200, {"Content-Type": "application/sparql-results+json",
                                           "X-SPARQL-MaxRows": "10000"}, EMPTY_JSON))
    with pytest.raises(StoreError, match="cut the result at 10000 rows"):
        RemoteStore(endpoint.url, environ={}).query("SELECT * WHERE { ?s ?p ?o }")


def test_remote_timeout_is_a_store_error(fake):
    def slow(handler):
        time.sleep(1.5)
        return 200, {}, EMPTY_JSON
    endpoint = fake(slow)
    with pytest.raises(StoreError, match="did not answer within 0.3 s"):
        RemoteStore(endpoint.url, timeout=0.3, environ={}).query("ASK {}")


def test_remote_down_endpoint_is_one_line():
    url = f"http://127.0.0.1:{closed_port()}/sparql"
    with pytest.raises(StoreError) as caught:
        len(RemoteStore(url, environ={}))
    assert caught.value.message.startswith("cannot reach the endpoint") and url in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("sparql, message", [
    ("SELECT * WHERE { ?s ?p }", "syntax error"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("DROP ALL", "updates are not allowed"),
    ("SELECT * WHERE { ?s nope:p ?o }", "unknown prefix"),
])
def test_remote_bad_query_is_refused_before_any_request(fake, sparql, message):
    endpoint = fake()
    with pytest.raises(QueryError, match=message):
        RemoteStore(endpoint.url, environ={}).query(sparql)
    assert not endpoint.requests


def test_remote_media_type_must_fit_the_query_form(fake):
    with pytest.raises(QueryError, match="cannot be written as text/turtle"):
        RemoteStore(fake().url, environ={}).query_serialized("SELECT * WHERE { ?s ?p ?o }", "text/turtle")


# ---------------------------------------------------------------------- the graph store path (fake)

VIRTUOSO_PAGE = ('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html>\n  <head>\n    <title>SPARQL Graph '
                 'Protocol request failed</title>\n  </head>\n  <body>\n    <h1>HTTP/1.1 {status}</h1>\n    '
                 '<h3>Error {code}</h3>\n<xmp>{message}</xmp></body></html>')


def graph_of(request) -> str:
    """The graph a graph store request names (its one ``graph`` parameter)."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
    assert list(query) == ["graph"] and len(query["graph"]) == 1
    return query["graph"][0]


def test_remote_gsp_replace_puts_each_article_as_ntriples_in_one_request(fake):
    endpoint = fake(lambda handler: (201, {"Content-Type": "text/html; charset=UTF-8"}, b""))
    store = RemoteStore(endpoint.url, graph_store_url=endpoint.gsp_url, environ={})
    articles = [article("a", NASTY, "d1"), article("big", [f"عنوان {i}" for i in range(2600)], "d2")]
    assert store.replace(articles) == len(NASTY) + 1 + 2601
    assert [r["method"] for r in endpoint.requests] == ["PUT", "PUT"]
    for request, one in zip(endpoint.requests, articles):
        assert request["path"].startswith("/sparql-graph-crud?graph=") and graph_of(request) == one.iri
        assert request["headers"]["Content-Type"] == "application/n-triples"
        sent, expected = Graph().parse(data=request["body"], format="nt"), Graph().parse(data=one.ntriples, format="nt")
        assert set(sent) == set(expected)
        assert str(HD.contentDigest) in request["body"].splitlines()[-1].decode()
        assert b"<html>" not in request["body"] and b"<?xml" not in request["body"]  # escaped: Virtuoso sniffs
        assert b"\x00" not in request["body"]


def test_remote_gsp_is_chosen_by_the_environment_and_remove_deletes_each_graph(fake):
    endpoint = fake(lambda handler: (404, {}, b"") if "missing" in handler.path else (200, {}, b""))
    store = RemoteStore(endpoint.url, environ={"KG_STORE_GSP_URL": endpoint.gsp_url})
    store.replace([article("a", ["أ"], "d")])
    store.remove([ARTICLE + "a", ARTICLE + "missing"])  # a graph the store does not hold is ignored
    assert [(r["method"], graph_of(r)) for r in endpoint.requests] == [
        ("PUT", ARTICLE + "a"), ("DELETE", ARTICLE + "a"), ("DELETE", ARTICLE + "missing")]
    assert not any(r["form"] for r in endpoint.requests)


@pytest.mark.parametrize("iri", [
    ARTICLE + "%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7",
    ARTICLE + "a&graph=other+x=1;y",
    ARTICLE + "a?b=c#frag",
])
def test_remote_gsp_graph_parameter_survives_percent_signs_ampersands_and_plus(fake, iri):
    endpoint = fake()
    RemoteStore(endpoint.url, graph_store_url=endpoint.gsp_url, environ={}).remove([iri])
    assert graph_of(endpoint.requests[0]) == iri
    assert graph_url("http://h/crud?x=1", iri).startswith("http://h/crud?x=1&graph=")


def test_remote_gsp_answers_a_digest_challenge_for_the_put(fake):
    realm, nonce = "SPARQL", "5ebe2294ecd0e0f08eab7690d2a6ee69"

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    def respond(handler):
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', handler.headers.get("Authorization", "")))
        if fields.get("username") == "dba":
            expected = md5(":".join([md5(f"dba:{realm}:pw"), nonce, fields["nc"], fields["cnonce"], "auth",
                                     md5(f"{handler.command}:{fields['uri']}")]))
            if fields["response"] == expected and fields["uri"] == handler.path:
                return 201, {}, b""
        return 401, {"WWW-Authenticate": f'Digest realm="{realm}", nonce="{nonce}", qop="auth", algorithm="MD5"'}, b""
    endpoint = fake(respond)
    gsp = endpoint.gsp_url.replace("http://", "http://dba:pw@") + "-auth"
    store = RemoteStore(endpoint.url, graph_store_url=gsp, environ={})
    assert store.replace([article("a", ["محمي"], "d")]) == 2
    assert [r["method"] for r in endpoint.requests] == ["PUT", "PUT"]  # challenged, then answered
    assert endpoint.requests[-1]["body"] == endpoint.requests[0]["body"] != b""
    assert "pw" not in repr(store._graph_store)


@pytest.mark.parametrize("status, code, message, expected", [
    (403, "42000", "SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)",
     r"refuses the write \(HTTP 403 Forbidden: SQ110:SECURITY: Permission denied .*GRANT SPARQL_UPDATE"),
    (500, "22023", "The PUT request for graph <x> is rejected: the submitted resource is of unsupported type text/html",
     r"the endpoint failed \(HTTP 500 .*: The PUT request for graph <x> is rejected: .* type text/html\)"),
])
def test_remote_gsp_errors_map_to_one_line_with_virtuoso_s_message(fake, status, code, message, expected):
    page = VIRTUOSO_PAGE.format(status=status, code=code, message=message).encode()
    endpoint = fake(lambda handler: (status, {"Content-Type": "text/html; charset=UTF-8"}, page))
    with pytest.raises(StoreError, match=expected) as caught:
        RemoteStore(endpoint.url, graph_store_url=endpoint.gsp_url, environ={}).replace([article("a", ["أ"], "d")])
    assert "\n" not in caught.value.message and endpoint.gsp_url in caught.value.message


def test_remote_gsp_endpoint_answering_with_a_web_page_is_an_error(fake):
    page = b"<!DOCTYPE html><html><body><form>Upload the resource</form></body></html>"
    endpoint = fake(lambda handler: (200, {"Content-Type": "text/html; charset=UTF-8"}, page))
    with pytest.raises(StoreError, match="answered a PUT with a web page"):
        RemoteStore(endpoint.url, graph_store_url=endpoint.gsp_url, environ={}).replace([article("a", ["أ"], "d")])


def test_remote_gsp_failed_delete_is_an_error(fake):
    endpoint = fake(lambda handler: (500, {"Content-Type": "text/plain"}, b"Virtuoso 40001 Error: deadlock"))
    with pytest.raises(StoreError, match="HTTP 500 .*deadlock"):
        RemoteStore(endpoint.url, graph_store_url=endpoint.gsp_url, environ={}).remove([ARTICLE + "a"])


# ---------------------------------------------------------------------- a real Virtuoso

VIRTUOSO_URLS = {"query": "KG_TEST_VIRTUOSO", "auth": "KG_TEST_VIRTUOSO_AUTH", "gsp": "KG_TEST_VIRTUOSO_GSP",
                 "gsp_auth": "KG_TEST_VIRTUOSO_GSP_AUTH"}


@pytest.fixture(scope="module")
def virtuoso():
    """The URLs of a running Virtuoso: query, and (None when not given) auth
    (updates, Digest), gsp (graph store, anonymous), gsp_auth (graph store, Digest)."""
    if os.environ.get("KG_TEST_VIRTUOSO"):
        yield {key: os.environ.get(name) for key, name in VIRTUOSO_URLS.items()}
        return
    missing = [name for name in ("virtuoso-t", "isql-vt") if not shutil.which(name)]
    if missing:
        reason = f"{' and '.join(missing)} not found (apt-get install virtuoso-opensource)"
        if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(f"KG_REQUIRE_VIRTUOSO=1 but {reason}")
        pytest.skip(reason)
    started = subprocess.run([str(ROOT / ".ci" / "virtuoso"), "start"], capture_output=True, text=True,
                             timeout=120)
    if started.returncode != 0:
        pytest.fail(f".ci/virtuoso start failed: {started.stderr.strip()}")
    env = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines())
    try:
        yield {key: env.get(name) for key, name in VIRTUOSO_URLS.items()}
    finally:
        subprocess.run([str(ROOT / ".ci" / "virtuoso"), "stop", env["KG_TEST_VIRTUOSO_DIR"]], timeout=60)


def virtuoso_store(urls: dict, path: str) -> RemoteStore:
    """A store on the Virtuoso writing by ``path``: "update" (anonymous SPARQL
    Update on /sparql) or "gsp" (anonymous Graph Store Protocol)."""
    if path == "update":
        return RemoteStore(urls["query"], environ={})
    if not urls["gsp"]:
        pytest.skip("KG_TEST_VIRTUOSO_GSP (the graph store URL) is not given")
    return RemoteStore(urls["query"], graph_store_url=urls["gsp"], environ={})


@pytest.fixture(params=["update", "gsp"])
def store(virtuoso, request):
    """The Virtuoso store, emptied of articles, writing by each path in turn."""
    remote = virtuoso_store(virtuoso, request.param)
    remote.remove(list(remote.digests()))
    return remote


@pytest.fixture
def gsp_store(virtuoso):
    """The Virtuoso store writing through its graph store, emptied of articles."""
    remote = virtuoso_store(virtuoso, "gsp")
    remote.remove(list(remote.digests()))
    return remote


def labels(result) -> list[str]:
    return sorted(str(row[0]) for row in result)


def test_remote_virtuoso_replace_and_query_union_and_one_graph(store):
    written = store.replace([article("a", ["الرباط", "تونس"], "da"), article("b", ["القاهرة"], "db")])
    assert written == 5 and len(store) == 5
    assert store.digests() == {ARTICLE + "a": "da", ARTICLE + "b": "db"}
    assert labels(store.query("SELECT ?l WHERE { ?s rdfs:label ?l }")) == ["الرباط", "القاهرة", "تونس"]
    assert labels(store.query("SELECT ?l WHERE { ?s rdfs:label ?l }", graph=ARTICLE + "b")) == ["القاهرة"]
    assert store.query("ASK { ?s rdfs:label 'تونس'@ar }").askAnswer
    constructed = store.query("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }", graph=ARTICLE + "a")
    assert len(constructed.graph) == 2
    assert "القاهرة".encode() in store.query_serialized("SELECT ?l WHERE { ?s rdfs:label ?l }", "text/csv")


def test_remote_virtuoso_re_replace_drops_old_triples_only_of_that_article(store):
    store.replace([article("a", ["قديم 1", "قديم 2"], "d1"), article("b", ["باق"], "d2")])
    store.replace([article("a", ["جديد"], "d3")])
    assert labels(store.query("SELECT ?l WHERE { ?s rdfs:label ?l }")) == ["باق", "جديد"]
    assert store.digests() == {ARTICLE + "a": "d3", ARTICLE + "b": "d2"}
    assert len(store) == 4


def test_remote_virtuoso_graph_is_the_union_and_one_graph(store):
    a, b = article("a", ["أ", "مشترك"], "da"), article("b", ["ب"], "db")
    store.replace([a, b])
    expected = Dataset()
    for one in (a, b):
        expected.graph(URIRef(one.iri)).parse(data=one.ntriples, format="nt")
    assert set(store.graph()) == {triple for one in (a, b) for triple in expected.graph(URIRef(one.iri))}
    assert set(store.graph(a.iri)) == set(expected.graph(URIRef(a.iri)))


def test_remote_virtuoso_nasty_literals_round_trip(store):
    store.replace([article("nasty", NASTY, "d")])
    assert labels(store.query("SELECT ?l WHERE { ?s rdfs:label ?l }")) == sorted(NASTY)
    assert sorted(str(o) for o in store.graph().objects(None, RDFS.label)) == sorted(NASTY)


def test_remote_virtuoso_large_article_split_over_requests(virtuoso):
    store = virtuoso_store(virtuoso, "update")
    store.remove(list(store.digests()))
    labels_ = [f"عنوان رقم {i}" for i in range(2600)]
    start = time.perf_counter()
    assert store.replace([article("big", labels_, "dbig")]) == 2601
    seconds = time.perf_counter() - start
    print(f"\nSPARQL Update into Virtuoso: 2601 triples in {seconds:.2f} s ({2601 / seconds:.0f} triples/s)")
    assert len(store) == 2601 and store.digests() == {ARTICLE + "big": "dbig"}
    assert len(store.graph()) == 2601
    store.replace([article("big", ["صغير"], "dsmall")])
    assert len(store) == 2


def test_remote_virtuoso_gsp_large_article_in_one_request(gsp_store, monkeypatch):
    sent = []
    send = gsp_store._send
    monkeypatch.setattr(gsp_store, "_send", lambda *args: sent.append(args[2]) or send(*args))
    labels_ = [f"عنوان رقم {i} <b>" for i in range(2600)]
    start = time.perf_counter()
    assert gsp_store.replace([article("big", labels_, "dbig")]) == 2601
    seconds = time.perf_counter() - start
    print(f"\nGraph Store PUT into Virtuoso: 2601 triples in {seconds:.2f} s ({2601 / seconds:.0f} triples/s)")
    assert sent == ["PUT"]
    assert len(gsp_store) == 2601 and gsp_store.digests() == {ARTICLE + "big": "dbig"}
    assert sorted(str(o) for o in gsp_store.graph().objects(None, RDFS.label)) == sorted(labels_)
    gsp_store.replace([article("big", ["صغير"], "dsmall")])
    assert len(gsp_store) == 2 and gsp_store.digests() == {ARTICLE + "big": "dsmall"}


def test_remote_virtuoso_malformed_and_service_queries(store):
    with pytest.raises(QueryError, match="syntax error"):
        store.query("SELECT ?s WHERE { ?s }")
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        store.query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")


@pytest.mark.parametrize("path, kind", [("auth", "update"), ("gsp_auth", "write")])
def test_remote_virtuoso_digest_auth_write(virtuoso, path, kind):
    if not virtuoso[path]:
        pytest.skip(f"{VIRTUOSO_URLS[path]} (an authenticated write URL) is not given")
    option = "update_url" if path == "auth" else "graph_store_url"
    store = RemoteStore(virtuoso["query"], environ={}, **{option: virtuoso[path]})
    store.replace([article("auth", ["محمي"], "dauth")])
    assert store.digests()[ARTICLE + "auth"] == "dauth"
    wrong = urllib.parse.urlsplit(virtuoso[path])
    wrong = wrong._replace(netloc=f"dba:wrong@{wrong.hostname}:{wrong.port}").geturl()
    with pytest.raises(StoreError, match=f"refuses the {kind}"):
        RemoteStore(virtuoso["query"], environ={}, **{option: wrong}).remove([ARTICLE + "auth"])
    store.remove([ARTICLE + "auth"])
    assert ARTICLE + "auth" not in store.digests()


INGEST_ARTICLES = {
    "aqaba.txt": "وزير الخارجية الأردني يستقبل نظيره العماني في عمّان\n\n"
                 "عمّان في 3 فبراير 2024 - استقبل وزير الخارجية الأردني، ماهر العدوان، اليوم السبت "
                 "في عمّان نظيره العماني، خالد البوسعيدي، وبحث معه التعاون بين البلدين.",
    "tunis.txt": "رئيس الحكومة التونسية يزور الجزائر\n\n"
                 "الجزائر في 5 فبراير 2024 - وصل رئيس الحكومة التونسية، سامي الورتاني، اليوم الاثنين "
                 "إلى الجزائر في زيارة رسمية يلتقي خلالها الرئيس الجزائري.",
    "doha.txt": "توقيع اتفاقية تعاون بين قطر والكويت في الدوحة\n\n"
                "الدوحة في 7 فبراير 2024 - وقعت قطر والكويت اليوم الأربعاء في الدوحة اتفاقية للتعاون "
                "في مجال النقل البحري.",
}


def test_remote_virtuoso_ingest_twice_writes_nothing_the_second_time(store, tmp_path):
    ingest = pytest.importorskip("kg.store.ingest").ingest
    for name, text in INGEST_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    question = (f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), '{ARTICLE}') "
                "&& ?p != hd:contentDigest) }")
    first = ingest([tmp_path], store, workers=1)
    assert first.written == 3 and not first.failed
    answer, size, digests = set(map(tuple, store.query(question))), len(store), store.digests()
    assert len(digests) == 3 and size == first.triples_written
    second = ingest([tmp_path], store, workers=1)
    assert second.written == 0 and second.skipped_unchanged == 3 and second.triples_written == 0
    assert set(map(tuple, store.query(question))) == answer
    assert len(store) == size and store.digests() == digests
