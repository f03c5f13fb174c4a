"""Store speed at 1M (and 10M) triples: SPARQL latency through our query path
against raw pyoxigraph and rdflib, and ingest speed, size and memory.

    python benchmarks/bench_store.py [--sizes 1e6,1e7] [--repeat N] [--rdflib-cap S] [--bag-cap S]

The data are the project's own graphs: examples/rabat-meeting.txt and the
articles of ../shared/corpus (when present) are extracted once and each
article's graph (labels settled, as ``kg ingest`` writes it) becomes a
template.  Copies of the templates fill the store up to each size: every copy
renames its article, mention, sentence and event IRIs; in a share of the
copies (``--renamed``, spread evenly) persons, organisations and their posts
get a per-copy IRI and label too, so the graph grows new people as a news
archive does, while countries, cities and the other copies' people stay
shared.  Extraction is not timed (bench_extract.py and bench_ingest.py do).

For each size, each in a fresh process (its VmHWM is that build's peak RSS):
  replace   - LocalStore.replace in batches of B articles (the ingest writer,
              which also keeps the union in the default graph), timed around
              the calls only; the store kept for the queries
  bulk_load - pyoxigraph Store.bulk_load of the article quads (no union) from
              an N-Quads file: the ingest baseline (fastest, not transactional)
then, on the replace store, medians of N runs after one warm-up, of four
queries written over the union as a user writes them (no GRAPH), each through:
  raw       - pyoxigraph Store.read_only on the same directory, Store.query on
              its default graph (the union, what our paths read), result
              serialised to SPARQL JSON: the baseline
  served    - LocalStore.query_serialized(..., application/sparql-results+json)
              (what ``kg serve`` answers with)
  Result    - LocalStore.query, an rdflib Result, iterated to the end
              (what the library uses on an open store)
  kg query  - kg.api.query(store=...), what ``kg query --store`` runs: the
              read-only open, the query, the close
  check     - the text check our paths run before Oxigraph sees the query
              (part of the three above): kg.sparql.quick_form, and the rdflib
              parse kg.sparql.prepare_query when that cannot decide
and two baselines on the same data:
  bag union - raw pyoxigraph with use_default_graph_as_union=True on the
              bulk_load store (the named graphs only: on our store that union
              takes the default graph in as well), each query in its own
              process, stopped after ``--bag-cap`` seconds or ``--bag-memory``
              MB; its rows are shown because that union is a bag, not a set
              (Oxigraph issue 1919): a triple held by k article graphs, an
              entity's label say, can match k times
  rdflib    - an in-memory rdflib Dataset (default_union, a set) of the
              article quads, at the smallest size only, one run per query,
              each stopped after ``--rdflib-cap`` seconds ("> S s")
Last, the replace store's size on disk as written, after it is opened for
writing and closed again, and after pyoxigraph Store.optimize() (timed).

Prints markdown tables with the machine.  Speed is reported, never asserted:
machines differ, ratios travel better.  Stores and files go to a temporary
directory, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import resource
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.api import query as kg_query
from kg.rdf.namespace import ID
from kg.reader import read_path
from kg.sparql import prepare_query, quick_form
from kg.store import ArticleGraph
from kg.store.ingest import DEFAULT_BATCH_SIZE, Extracted, article_digest, extract_batch, settle_labels
from kg.sparql import query_namespaces
from kg.store.local import LocalStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "rabat-meeting.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
QUERY_FILES = ROOT / "kg" / "rdf" / "queries"
JSON = "application/sparql-results+json"

# Markers in a template, replaced in each copy; no N-Triples text holds a NUL.
_ARTICLE, _ENTITY, _LABEL = "\x00A", "\x00E", "\x00L"
_RENAMED = "person|organisation|post"
_LABELLED = "person|organisation"
_LABEL_PREDICATES = ("http://www.w3.org/2000/01/rdf-schema#label",
                     "http://www.w3.org/2004/02/skos/core#altLabel",
                     "http://www.w3.org/2004/02/skos/core#prefLabel")

_PREFIXES = """PREFIX hd: <https://w3id.org/hadath/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_EVENT_CLASSES = "hd:Meeting hd:Call hd:Visit hd:Conference hd:Agreement hd:Appointment hd:HostingAward"
_SHIPPED_PERSON, _CORPUS_PERSON = "سليم حداد", "محمد بن سلمان"


def queries() -> dict[str, str]:
    """The four queries, written over the union as a user writes them (no
    GRAPH): who-met-whom.rq and posts-of-person.rq as shipped (the latter with
    a person of the corpus, as its comment invites), events-by-place-and-date.rq
    narrowed to one place and a range of years, and a 2-hop join from a person
    found by the people gazetteer's English name, whatever spelling the
    articles use (by the Arabic label "ترمب" it found no one once names were
    read whole)."""
    posts = (QUERY_FILES / "posts-of-person.rq").read_text(encoding="utf-8")
    if f'"{_SHIPPED_PERSON}"@ar' not in posts:
        raise SystemExit(f"bench: {QUERY_FILES / 'posts-of-person.rq'} no longer names {_SHIPPED_PERSON}: update the bench")
    return {
        "who-met-whom": (QUERY_FILES / "who-met-whom.rq").read_text(encoding="utf-8"),
        "events by place and dates": _PREFIXES + f"""
SELECT ?type ?when ?event WHERE {{
  ?place rdfs:label "روسيا"@ar .
  VALUES ?class {{ {_EVENT_CLASSES} }}
  ?e a ?class ; hd:place ?place ; rdfs:label ?event .
  OPTIONAL {{ ?e hd:date ?date }}
  OPTIONAL {{ ?e hd:startDate ?start }}
  BIND (COALESCE(STR(?date), STR(?start)) AS ?when)
  FILTER (?when >= "2015" && ?when < "2019")
  BIND (STRAFTER(STR(?class), "#") AS ?type)
}}
ORDER BY ?when ?type
""",
        "posts of a person": posts.replace(f'"{_SHIPPED_PERSON}"@ar', f'"{_CORPUS_PERSON}"@ar'),
        "2 hops: met who met X": _PREFIXES + """
SELECT DISTINCT ?other WHERE {
  ?x skos:prefLabel "Donald Trump"@en .
  ?m1 a hd:Meeting ; hd:participant ?x, ?middle .
  ?m2 a hd:Meeting ; hd:participant ?middle, ?c .
  ?c rdfs:label ?other .
  FILTER (?middle != ?x && ?c != ?middle && ?c != ?x)
}
ORDER BY ?other
""",
    }


def bag_on_one_copy(templates: Sequence[Template], named: dict[str, str]) -> str:
    """who-met-whom.rq on one copy of the articles, in memory: over the union
    as the store keeps it (a set, in the default graph) and over pyoxigraph's
    union of the named graphs (a bag, Oxigraph issue 1919)."""
    graphs = list(copies(templates, sum(t.triples for t in templates), 0))
    store = ox.Store()
    store.load("".join(graph.ntriples.replace(" .\n", f" <{graph.iri}> .\n") for graph in graphs).encode(),
               format=ox.RdfFormat.N_QUADS)
    named_only = len(store)
    store.update(" ;\n".join(f"ADD <{graph.iri}> TO DEFAULT" for graph in graphs))
    union = len(store) - named_only
    bag = ox.Store()
    bag.bulk_extend(q for q in store.quads_for_pattern(None, None, None, None)
                    if not isinstance(q.graph_name, ox.DefaultGraph))
    shipped = named["who-met-whom"]
    star = re.sub(r"SELECT [^{]*WHERE", "SELECT * WHERE", shipped)
    lines = []
    for what, sparql in (("who-met-whom.rq", shipped), ("its pattern with SELECT *", star)):
        measured = []
        for target, options in ((store, {}), (bag, {"use_default_graph_as_union": True})):
            start = time.perf_counter()
            data = target.query(sparql, **options).serialize(format=ox.QueryResultsFormat.JSON)
            measured.append((_rows(data), time.perf_counter() - start))
        (rows, seconds), (bag_rows, bag_seconds) = measured
        lines.append(f"{what}: {rows:,} rows in {_ms(seconds)} ms over the default graph as the store keeps it, "
                     f"{bag_rows:,} rows in {_ms(bag_seconds)} ms with use_default_graph_as_union=True over the "
                     "named graphs")
    return (f"On one copy of the articles ({named_only:,} quads in {len(graphs)} graphs, a union of {union:,} "
            f"distinct triples), raw pyoxigraph in memory, one run each: {'; '.join(lines)}.")


# ---------------------------------------------------------------- the data

@dataclass(frozen=True)
class Template:
    iri: str
    digest: str
    text: str
    triples: int


def article_graphs(paths: Sequence[Path]) -> list[ArticleGraph]:
    """Each article's graph as kg ingest writes it, labels settled across all."""
    docs = [doc for path in paths for doc in read_path(path)]
    extracted = extract_batch(docs, [article_digest(doc) for doc in docs], [True] * len(docs))
    return settle_labels([result for result in extracted if isinstance(result, Extracted)], {})


def template(graph: ArticleGraph) -> Template:
    """The graph with markers where a copy renames: after the article's own
    IRIs (mentions, sentences, identity evidence and events start with them),
    after person, organisation and post IRIs, and inside their labels."""
    base = str(ID)
    article = graph.iri.removeprefix(f"{base}article/")
    event = article.replace("-", "%2D")  # as kg.rdf.iris.event_iri writes it
    entity = re.compile(rf"<({re.escape(base)}(?:{_RENAMED})/[^>]*)>")
    label = re.compile(rf'^(<{re.escape(base)}(?:{_LABELLED})/[^>]*> <(?:{"|".join(map(re.escape, _LABEL_PREDICATES))})> '
                       r'"(?:[^"\\]|\\.)*)(")')
    lines = []
    for line in dict.fromkeys(graph.ntriples.splitlines()):
        if not line.strip():
            continue
        line = label.sub(rf"\1{_LABEL}\2", line)
        line = entity.sub(rf"<\1{_ENTITY}>", line)
        line = (line.replace(f"{base}article/{article}>", f"{base}article/{article}{_ARTICLE}>")
                .replace(f"{base}article/{article}/", f"{base}article/{article}{_ARTICLE}/")
                .replace(f"{base}event/{event}-", f"{base}event/{event}{_ARTICLE}-"))
        lines.append(line)
    return Template(graph.iri, graph.digest, "\n".join(lines) + "\n", len(lines))


def copies(templates: Sequence[Template], triples: int, renamed: float) -> Iterator[ArticleGraph]:
    """Article graphs, copy after copy of the templates, until ``triples``."""
    made = copy = 0
    while True:
        own = copy > 0 and int((copy + 1) * renamed) > int(copy * renamed)
        article = f"c{copy}" if copy else ""
        entity, label = (f"-{copy}", f" {copy}") if own else ("", "")
        for item in templates:
            if made >= triples:
                return
            text = item.text.replace(_ARTICLE, article).replace(_ENTITY, entity).replace(_LABEL, label)
            made += item.triples
            yield ArticleGraph(item.iri + article, item.digest, text)
        copy += 1


def batches(graphs: Iterator[ArticleGraph], size: int) -> Iterator[list[ArticleGraph]]:
    batch: list[ArticleGraph] = []
    for graph in graphs:
        batch.append(graph)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---------------------------------------------------------------- building (each in its own process)

def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    """This process's peak RSS.  Not ru_maxrss: Linux carries it over exec from
    the forked copy of the parent, so a spawned child would report the parent's."""
    peak = _status_mb("VmHWM")
    return peak if peak == peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_with_replace(templates, triples, renamed, folder, batch_size) -> dict:
    before = _rss_mb()
    seconds = 0.0
    articles = 0
    with LocalStore(folder, create=True) as store:
        for batch in batches(copies(templates, triples, renamed), batch_size):
            start = time.perf_counter()
            store.replace(batch)
            seconds += time.perf_counter() - start
            articles += len(batch)
        quads = len(store)
        start = time.perf_counter()
    seconds += time.perf_counter() - start  # the flush on close
    stored = len(ox.Store.read_only(str(folder)))  # the article graphs and the union
    return {"seconds": seconds, "articles": articles, "quads": quads, "stored": stored,
            "rss_before": before, "peak": _peak_mb()}


def reopen(folder) -> None:
    """Open the store for writing and close it, as the next ``kg ingest``
    would (the log written before is flushed to table files then)."""
    store = ox.Store(str(folder))
    store.flush()
    del store


def optimize(folder) -> float:
    """Seconds of pyoxigraph Store.optimize (a full RocksDB compaction) on the
    store, flushed and closed."""
    store = ox.Store(str(folder))
    start = time.perf_counter()
    store.optimize()
    store.flush()
    del store
    return time.perf_counter() - start


def build_with_bulk_load(templates, triples, renamed, folder, nquads_path) -> dict:
    with open(nquads_path, "w", encoding="utf-8") as out:
        for graph in copies(templates, triples, renamed):
            out.write(graph.ntriples.replace(" .\n", f" <{graph.iri}> .\n"))
    before = _rss_mb()
    start = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_load(path=str(nquads_path), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - start
    quads = len(store)
    del store
    return {"seconds": seconds, "quads": quads, "rss_before": before, "peak": _peak_mb()}


class _Capped(Exception):
    pass


def _stop(*_):
    raise _Capped


def rdflib_queries(nquads_path, named: dict[str, str], cap: float) -> dict:
    """Load the quads into an rdflib Dataset, then run each query once, stopped
    after ``cap`` seconds (rdflib evaluates in Python, so an alarm stops it)."""
    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(nquads_path), format="nquads")
    load = time.perf_counter() - start
    signal.signal(signal.SIGALRM, _stop)
    times: dict[str, tuple[float | None, int | None]] = {}
    for name, sparql in named.items():
        signal.setitimer(signal.ITIMER_REAL, cap)
        start = time.perf_counter()
        try:
            data = dataset.query(sparql).serialize(format="json")
            seconds = time.perf_counter() - start
            signal.setitimer(signal.ITIMER_REAL, 0)
            times[name] = (seconds, _rows(data))
        except _Capped:
            times[name] = (None, None)
    return {"load": load, "quads": len(dataset), "queries": times, "peak": _peak_mb()}


def in_child(function, *args):
    """``function(*args)`` in a fresh process (spawned: no RocksDB threads forked)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


def capped_child(function, args: tuple, seconds: float, memory_mb: float) -> tuple[object, str]:
    """``function(send, *args)`` in a fresh process, which reports by calling
    ``send``; killed after ``seconds`` (counted from when it reports ready)
    or once its RSS passes ``memory_mb``: a query inside Oxigraph cannot be
    interrupted from Python.  Returns its last report and why it stopped
    ("done", "> S s", "> M MB")."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_report_to, args=(send, function, args))
    process.start()
    send.close()
    last, deadline, why = None, None, "died"
    try:
        while True:
            if receive.poll(0.1):
                try:
                    message = receive.recv()
                except EOFError:
                    break
                if message == "ready":
                    deadline = time.monotonic() + seconds
                elif message == "done":
                    why = "done"
                    break
                else:
                    last = message
            elif not process.is_alive() and not receive.poll(0):
                break
            elif deadline is not None and time.monotonic() > deadline:
                why = f"> {seconds:g} s"
                break
            elif _child_rss_mb(process.pid) > memory_mb:
                why = f"> {memory_mb:,.0f} MB"
                break
    finally:
        if process.is_alive() and why != "done":
            process.kill()
        process.join()
    return last, why


def _report_to(send, function, args) -> None:
    send.send("ready")
    function(send.send, *args)
    send.send("done")


def _child_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def bag_query(send, folder, sparql: str, repeat: int) -> None:
    """Raw pyoxigraph with use_default_graph_as_union=True on a store of the
    named graphs only: sends (rows, seconds of the first run, runs), then
    (rows, median of the runs after it, runs) as they come."""
    store = ox.Store.read_only(str(folder))
    start = time.perf_counter()
    data = store.query(sparql, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON)
    first = time.perf_counter() - start
    rows = _rows(data)
    del data
    send((rows, first, 1))
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        store.query(sparql, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON)
        runs.append(time.perf_counter() - start)
        send((rows, statistics.median(runs), len(runs)))


# ---------------------------------------------------------------- querying

def _rows(data: bytes) -> int:
    return len(json.loads(data)["results"]["bindings"])


def time_queries(folder: Path, named: dict[str, str], repeat: int) -> dict[str, dict]:
    """Median seconds of each path per query; the paths take turns in each
    round, so a busy moment of the machine does not fall on one alone."""
    local = LocalStore(folder, read_only=True)
    raw = ox.Store.read_only(str(folder))
    namespaces = query_namespaces()
    paths = {
        "raw": lambda q: raw.query(q).serialize(format=ox.QueryResultsFormat.JSON),
        "served": lambda q: local.query_serialized(q, JSON),
        "Result": lambda q: sum(1 for _ in local.query(q)),
        "kg query": lambda q: sum(1 for _ in kg_query([], q, store=str(folder))),
        "check": lambda q: quick_form(q) or prepare_query(q, namespaces),
    }
    measured = {}
    try:
        for name, sparql in named.items():
            rows = {"raw": _rows(paths["raw"](sparql)), "served": _rows(paths["served"](sparql)),
                    "Result": paths["Result"](sparql), "kg query": paths["kg query"](sparql)}  # also the warm-up
            if not rows["raw"]:  # a query that finds nothing times nothing: say so rather than report it
                print(f"bench: warning: {name} gives no rows on these data", file=sys.stderr)
            runs: dict[str, list[float]] = {path: [] for path in paths}
            for _ in range(repeat):
                for path, run in paths.items():
                    start = time.perf_counter()
                    run(sparql)
                    runs[path].append(time.perf_counter() - start)
            measured[name] = {"rows": rows, **{path: statistics.median(r) for path, r in runs.items()}}
    finally:
        local.close()
    return measured


def time_bag_queries(folder: Path, named: dict[str, str], repeat: int, cap: float, memory_mb: float) -> dict:
    """Each query through bag_query, in its own capped process."""
    measured = {}
    for name, sparql in named.items():
        last, why = capped_child(bag_query, (folder, sparql, repeat), cap, memory_mb)
        measured[name] = {"report": last, "why": why}
    return measured


# ---------------------------------------------------------------- reporting

def du_mb(path: Path) -> float:
    """Disk used, as du counts it (allocated blocks)."""
    return sum(entry.stat().st_blocks * 512 for entry in path.rglob("*") if entry.is_file()) / 2**20


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    load = ", load average %.1f at start" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return (f"{cpu}, {os.cpu_count()} cores{load}; {platform.python_implementation()} "
            f"{platform.python_version()}, pyoxigraph {ox.__version__}, rdflib {rdflib.__version__}")


def _size(triples: int) -> str:
    return f"{triples / 1e6:g}M" if triples >= 1e6 else f"{triples / 1e3:g}k"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}" if seconds < 10 else f"{seconds * 1000:,.0f}"


def print_report(options, started: float, sources: int, results: list[dict]) -> None:
    print(f"\n**Machine**: {machine()}.  ")
    print(f"Command: `python benchmarks/bench_store.py {' '.join(sys.argv[1:])}`.  ")
    print(f"Data: {sources} articles extracted once, copied to each size ({options.renamed:.0%} of copies "
          f"with their own persons and organisations); queries: median of {options.repeat} runs after a warm-up; "
          f"total run {time.perf_counter() - started:,.0f} s.\n")
    print("| size | articles | article triples (stored quads, with the union) | replace s | replace triples/s"
          " | bulk_load triples/s | replace ÷ bulk_load | peak RSS replace (before writing) | peak RSS bulk_load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        replace, bulk = result["replace"], result["bulk"]
        print(f"| {_size(result['size'])} | {replace['articles']:,} | {replace['quads']:,} ({replace['stored']:,}) "
              f"| {replace['seconds']:,.1f} | {replace['quads'] / replace['seconds']:,.0f} "
              f"| {bulk['quads'] / bulk['seconds']:,.0f} | {bulk['seconds'] / replace['seconds']:.2f} "
              f"| {replace['peak']:,.0f} MB ({replace['rss_before']:,.0f} MB) | {bulk['peak']:,.0f} MB |")
    print("\n| size | replace store on disk | reopened and closed | after Store.optimize() | optimize s"
          " | bulk_load store (graphs only) |")
    print("|---|---:|---:|---:|---:|---:|")
    for result in results:
        print(f"| {_size(result['size'])} | {result['disk']:,.0f} MB | {result['reopened_disk']:,.0f} MB "
              f"| {result['optimized_disk']:,.0f} MB | {result['optimize']:,.2f} | {result['bulk_disk']:,.0f} MB |")
    print("\n| query | size | rows (raw/served/Result/kg query/rdflib) | raw ms | served ms (x raw) | Result ms (x raw)"
          " | kg query ms (x raw) | check ms | bag union: rows, ms (x raw) | rdflib ms (x raw) |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        rdf = result.get("rdflib")
        for name, row in result["queries"].items():
            rows = "/".join(f"{row['rows'][path]:,}" for path in ("raw", "served", "Result", "kg query"))
            rdflib_cell = "not run"
            if rdf is not None:
                seconds, count = rdf["queries"][name]
                rows += f"/{count:,}" if count is not None else "/?"
                rdflib_cell = (f"> {options.rdflib_cap * 1000:,.0f} (capped)" if seconds is None
                               else f"{_ms(seconds)} ({seconds / row['raw']:,.0f}x)")
            print(f"| {name} | {_size(result['size'])} | {rows} | {_ms(row['raw'])} "
                  f"| {_ms(row['served'])} ({_ratio(row['served'], row['raw'])}) "
                  f"| {_ms(row['Result'])} ({_ratio(row['Result'], row['raw'])}) "
                  f"| {_ms(row['kg query'])} ({_ratio(row['kg query'], row['raw'])}) | {_ms(row['check'])} "
                  f"| {_bag_cell(result['bag'][name], row['raw'])} | {rdflib_cell} |")
    print("\nraw: pyoxigraph Store.query on the store's default graph (the union, as our paths read it), "
          "result serialised to SPARQL JSON.  bag union: pyoxigraph with use_default_graph_as_union=True on the "
          "bulk_load store (the named graphs only), one process a query, stopped after "
          f"{options.bag_cap:g} s or {options.bag_memory:,.0f} MB (* one run only, no warm-up).")
    for result in results:
        if result.get("rdflib"):
            print(f"\nrdflib Dataset at {_size(result['size'])}: {result['rdflib']['quads']:,} distinct triples (the union) loaded in "
                  f"{result['rdflib']['load']:,.0f} s, peak RSS {result['rdflib']['peak']:,.0f} MB; one run per query.")


def _ratio(seconds: float, raw: float) -> str:
    return f"{seconds / raw:.2f}x"


def _bag_cell(bag: dict, raw: float) -> str:
    report, why = bag["report"], bag["why"]
    if report is None:
        return f"?, {why} (stopped)"
    rows, seconds, runs = report
    stopped = "" if why == "done" else f", stopped {why}"
    return f"{rows:,}, {_ms(seconds)}{'*' if runs == 1 else ''} ({seconds / raw:,.1f}x){stopped}"


# ---------------------------------------------------------------- the run

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e6", help="triples per store, comma-separated (e.g. 1e6,1e7)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--renamed", type=float, default=0.5, help="share of copies with their own people")
    parser.add_argument("--rdflib-cap", type=float, default=30.0, help="seconds per rdflib query; 0 skips rdflib")
    parser.add_argument("--bag-cap", type=float, default=30.0,
                        help="seconds per query for pyoxigraph's union of the named graphs")
    parser.add_argument("--bag-memory", type=float, default=4096, help="MB of RSS at which that query is stopped")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    options = parser.parse_args()
    sizes = sorted(int(float(size)) for size in options.sizes.split(","))
    started = time.perf_counter()

    sources = [EXAMPLE] + (sorted(options.corpus.glob("*.txt")) if options.corpus.is_dir() else [])
    print(f"bench: extracting {len(sources)} articles", file=sys.stderr)
    templates = [template(graph) for graph in article_graphs(sources)]
    named = queries()
    bag_note = bag_on_one_copy(templates, named)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-store-") as scratch:
        scratch = Path(scratch)
        for size in sizes:
            folder, bulk_folder, nquads = scratch / f"store-{size}", scratch / f"bulk-{size}", scratch / f"{size}.nq"
            _step(started, size, "replace")
            result = {"size": size, "replace": in_child(build_with_replace, templates, size, options.renamed,
                                                        folder, options.batch_size)}
            result["disk"] = du_mb(folder)
            _step(started, size, "bulk_load")
            result["bulk"] = in_child(build_with_bulk_load, templates, size, options.renamed, bulk_folder, nquads)
            result["bulk_disk"] = du_mb(bulk_folder)
            _step(started, size, "queries")
            result["queries"] = time_queries(folder, named, options.repeat)
            _step(started, size, "queries over the bag union")
            result["bag"] = time_bag_queries(bulk_folder, named, options.repeat, options.bag_cap, options.bag_memory)
            _remove(bulk_folder)
            if options.rdflib_cap > 0 and size == sizes[0]:
                _step(started, size, "rdflib")
                result["rdflib"] = in_child(rdflib_queries, nquads, named, options.rdflib_cap)
            nquads.unlink()
            _step(started, size, "optimize")
            in_child(reopen, folder)
            result["reopened_disk"] = du_mb(folder)
            result["optimize"] = in_child(optimize, folder)
            result["optimized_disk"] = du_mb(folder)
            _remove(folder)
            results.append(result)
    print_report(options, started, len(sources), results)
    print(f"\n{bag_note}")
    return 0


def _step(started: float, size: int, what: str) -> None:
    print(f"bench: {time.perf_counter() - started:,.0f} s: {_size(size)}: {what}", file=sys.stderr)


def _remove(folder: Path) -> None:
    import shutil
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
