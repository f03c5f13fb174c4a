"""Load test of ``kg serve`` on loopback, against raw pyoxigraph in-process.

    python benchmarks/bench_serve.py [--copies 200] [--clients 8] [--requests 100] [--seconds 30]

Builds a store of the bundled example article copied ``--copies`` times
under distinct IRIs, starts the endpoint on 127.0.0.1 (a free port) in a
child process (``kg.serve.serve``, the function ``kg serve`` calls), then:

1. baseline: each example query (kg/rdf/queries) on ``pyoxigraph.Store.read_only``
   in this process, result serialised as SPARQL JSON, one at a time;
2. one client: the same queries over HTTP (keep-alive, http.client), one at a time;
3. ``--clients`` threads, each sending ``--requests`` queries in turn (bounded
   by ``--seconds`` too).

It prints p50/p99 per query and overall, throughput, errors, and the ratio of
one client's p50 to the baseline's: the cost of HTTP, the protocol, the
checks (an rdflib parse per query) and the worker pipe.  No timing is
asserted; the server only ever listens on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "examples" / "rabat-meeting.txt"
ID = "https://w3id.org/hadath/id/"
ACCEPT = "application/sparql-results+json"


def build_store(location: str, copies: int) -> int:
    """The example article's graph ``copies`` times, each copy's instance IRIs
    moved under its own path, so every copy is its own article and entities."""
    from kg.store import ArticleGraph, open_store
    from kg.store.ingest import ingest
    with open_store(location, create=True) as store:
        ingest([EXAMPLE], store, workers=1)
        (iri, digest), = store.digests().items()
        ntriples = store.graph(iri).serialize(format="nt")
        batch = []
        for copy in range(1, copies):
            batch.append(ArticleGraph(iri.replace(ID, f"{ID}c{copy}/"), digest, ntriples.replace(ID, f"{ID}c{copy}/")))
            if len(batch) == 50:
                store.replace(batch)
                batch = []
        store.replace(batch)
        return len(store)


def example_queries() -> dict[str, str]:
    from kg.serve.page import example_queries
    queries = {example.name: example.text for example in example_queries()}
    queries["ask"] = 'ASK { ?s rdfs:label "الرباط"@ar }'
    return queries


def baseline(location: str, queries: dict[str, str], rounds: int) -> dict[str, list[float]]:
    import pyoxigraph as ox

    from kg.sparql import query_namespaces
    store = ox.Store.read_only(location)
    prefixes = query_namespaces()
    times: dict[str, list[float]] = {name: [] for name in queries}
    for _ in range(rounds):
        for name, query in queries.items():
            started = time.perf_counter()
            store.query(query, use_default_graph_as_union=True, prefixes=prefixes).serialize(
                format=ox.QueryResultsFormat.JSON)
            times[name].append(time.perf_counter() - started)
    return times


def start_server(location: str) -> tuple[subprocess.Popen, int]:
    code = f"from kg.serve import serve; serve({location!r}, port=0, access_log=False)"
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
        if match:
            threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
            return process, int(match.group(1))
    raise SystemExit(f"the server did not start (exit {process.wait()})")


def client(port: int, queries: list[tuple[str, str]], requests: int, deadline: float,
           times: dict[str, list[float]], errors: list[str], offset: int = 0) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for number in range(requests):
        if time.monotonic() > deadline:
            break
        name, query = queries[(number + offset) % len(queries)]
        body = urllib.parse.urlencode({"query": query})
        started = time.perf_counter()
        try:
            connection.request("POST", "/sparql", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT})
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{name}: {error}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        times.setdefault(name, []).append(time.perf_counter() - started)
        if response.status != 200:
            errors.append(f"{name}: HTTP {response.status}")
    connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="per client")
    parser.add_argument("--seconds", type=float, default=30.0, help="bound on the concurrent phase")
    parser.add_argument("--rounds", type=int, default=10, help="of each query, baseline and one client")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        location = str(Path(folder) / "store")
        started = time.perf_counter()
        triples = build_store(location, options.copies)
        print(f"store: {options.copies} articles, {triples:,} triples, built in {time.perf_counter() - started:.1f} s")
        queries = example_queries()
        base = baseline(location, queries, options.rounds)
        process, port = start_server(location)
        try:
            items = list(queries.items())
            single: dict[str, list[float]] = {}
            errors: list[str] = []
            client(port, items, options.rounds * len(items), time.monotonic() + options.seconds, single, errors)
            loaded: dict[str, list[float]] = {}
            deadline = time.monotonic() + options.seconds
            threads = [threading.Thread(target=client, args=(port, items, options.requests, deadline, loaded,
                                                             errors, number)) for number in range(options.clients)]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(10)

    ms = 1000
    print(f"\n{'query':28} {'pyoxigraph p50':>14} {'1 client p50':>12} {'ratio':>6} "
          f"{f'{options.clients} clients p50':>16} {'p99':>8}")
    for name in queries:
        b, s, c = statistics.median(base[name]), statistics.median(single[name]), loaded.get(name, [])
        print(f"{name:28} {b * ms:11.2f} ms {s * ms:9.2f} ms {s / b:6.1f} {percentile(c, 0.5) * ms:13.2f} ms "
              f"{percentile(c, 0.99) * ms:5.1f} ms")
    everything = [value for values in loaded.values() for value in values]
    print(f"\n{options.clients} clients: {len(everything)} queries in {elapsed:.2f} s = "
          f"{len(everything) / elapsed:.0f} queries/s; p50 {percentile(everything, 0.5) * ms:.1f} ms, "
          f"p99 {percentile(everything, 0.99) * ms:.1f} ms; errors: {len(errors)}")
    for error in errors[:10]:
        print("  ", error)


if __name__ == "__main__":
    main()
