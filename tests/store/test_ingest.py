"""Ingest into a local store: idempotent, resumable after kill -9 or Ctrl-C to
the same store as one uninterrupted run, one label per entity, failures
reported without stopping the others."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.store.ingest import IngestReport, _Pool, article_digest, ingest
from kg.store.local import LocalStore

ROOT = Path(__file__).resolve().parents[2]

# Short articles written for these tests.  The minister's surname ends in yeh
# in one and in alef maqsura in the other: the same person, spelt two ways.
TUNIS = ("وزير الخارجية التونسي يستقبل السفير الياباني",
         "استقبل وزير الخارجية التونسي، نبيل العامري، اليوم بتونس، السفير الياباني، كينجي تاناكا، "
         "وبحثا سبل تعزيز التعاون بين البلدين.")
BUSINESS = ("العامرى يلتقي وفدا من رجال الأعمال",
            "التقى وزير الخارجية التونسي نبيل العامرى اليوم في تونس وفدا من رجال الأعمال، "
            "وبحث معهم فرص الاستثمار.")
AMIRI = "https://w3id.org/hadath/id/person/%D9%86%D8%A8%D9%8A%D9%84_%D8%B9%D8%A7%D9%85%D8%B1%D9%8A"

_HOSTS = [("الرباط", "المغربي", "يوسف بنعلي"), ("عمان", "الأردني", "فادي الخطيب"),
          ("القاهرة", "المصري", "هشام عبد الرحمن"), ("تونس", "التونسي", "منير الشابي"),
          ("الجزائر", "الجزائري", "رضا بوزيد")]
_GUESTS = [("الياباني", "هيرو ساتو"), ("الفرنسي", "لوك مارتان"), ("الإيطالي", "ماركو روسي"),
           ("الألماني", "يان فيشر")]
_TOPICS = ["التعاون الاقتصادي", "تبادل الخبرات في مجال التعليم", "مكافحة الهجرة غير النظامية",
           "الاستثمار في الطاقة المتجددة"]


def small_article(number: int) -> tuple[str, str]:
    """One of many short, distinct articles (headline, body)."""
    city, adjective, host = _HOSTS[number % len(_HOSTS)]
    guest_adjective, guest = _GUESTS[number % len(_GUESTS)]
    topic = _TOPICS[number % len(_TOPICS)]
    day = number % 27 + 1
    headline = f"وزير الخارجية {adjective} يستقبل السفير {guest_adjective} ({number})"
    body = (f"{city} في {day} أبريل 2024 - استقبل وزير الخارجية {adjective}، {host}، اليوم ب{city}، "
            f"السفير {guest_adjective}، {guest}، وبحث الجانبان {topic}.")
    return headline, body


def write_article(folder: Path, name: str, headline: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return path


def quads(store: LocalStore) -> set[tuple]:
    """The article graphs' quads; the union the store keeps in its default
    graph must be exactly their merge (checked here each time)."""
    named = {(q.subject, q.predicate, q.object, q.graph_name) for q in store._store
             if not isinstance(q.graph_name, ox.DefaultGraph)}
    union = [(q.subject, q.predicate, q.object) for q in store._store if isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(union) == len(set(union)) and set(union) == {q[:3] for q in named}
    return named


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_article(folder, "a-tunis.txt", *TUNIS)
    write_article(folder, "b-business.txt", *BUSINESS)
    for number in range(4):
        write_article(folder, f"c-{number}.txt", *small_article(number))
    return folder


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "store", create=True) as opened:
        yield opened


def test_ingest_twice_writes_nothing_the_second_time(corpus, store):
    first = ingest([corpus], store, workers=1, batch_size=4)
    assert (first.articles_seen, first.written, first.skipped_unchanged, first.failed) == (6, 6, 0, [])
    assert first.triples_written > 0
    held = quads(store)
    assert len({q[3] for q in held}) == 6
    second = ingest([corpus], store, workers=1, batch_size=4)
    assert (second.written, second.skipped_unchanged, second.triples_written) == (0, 6, 0)
    assert quads(store) == held


def test_ingest_changed_text_replaces_its_graph_and_nothing_else(corpus, store):
    ingest([corpus], store, workers=1, batch_size=4)
    before = quads(store)
    old_iris = set(store.digests())
    headline, body = small_article(2)
    write_article(corpus, "c-2.txt", headline, body.replace("أبريل", "مايو"))
    report = ingest([corpus], store, workers=1, batch_size=4)
    assert (report.written, report.skipped_unchanged, report.removed) == (1, 5, 1)
    new_iris = set(store.digests())
    (gone,), (added,) = old_iris - new_iris, new_iris - old_iris
    kept = {q for q in before if q[3].value != gone}
    assert {q for q in quads(store) if q[3].value != added} == kept
    article = store.query(f"SELECT ?t WHERE {{ <{added}> nif:isString ?t }}")
    assert "مايو" in str(next(iter(article)).t)


def test_ingest_new_date_is_a_changed_digest(corpus, store):
    ingest([corpus], store, workers=1)
    report = ingest([corpus], store, workers=1, published=__import__("datetime").date(2024, 5, 1))
    assert report.written == 6 and report.removed == 0
    dates = store.query("SELECT DISTINCT ?d WHERE { ?a a hd:Article ; schema:datePublished ?d }")
    assert [str(row.d) for row in dates] == ["2024-05-01"]


def test_ingest_union_and_named_graph_queries(corpus, store):
    ingest([corpus], store, workers=1, batch_size=2)
    articles = [row.a for row in store.query("SELECT ?a WHERE { ?a a hd:Article }")]
    assert len(articles) == 6
    one = store.query("SELECT ?a WHERE { ?a a hd:Article }", graph=str(articles[0]))
    assert [row.a for row in one] == [articles[0]]


@pytest.mark.parametrize("runs", [
    pytest.param(["both"], id="one-batch"),
    pytest.param(["both-apart"], id="two-batches"),
    pytest.param(["tunis", "business"], id="two-runs"),
    pytest.param(["business", "tunis"], id="two-runs-other-order"),
])
def test_ingest_one_label_per_entity(tmp_path, store, runs):
    folders = {}
    for name, article in (("tunis", TUNIS), ("business", BUSINESS)):
        folders[name] = tmp_path / name
        folders[name].mkdir()
        write_article(folders[name], f"{name}.txt", *article)
    for run in runs:
        paths = [folders["tunis"], folders["business"]] if run.startswith("both") else [folders[run]]
        ingest(paths, store, workers=1, batch_size=1 if run == "both-apart" else 8)
    union = store.graph()
    labels = list(union.objects(URIRef(AMIRI), RDFS.label))
    first = "نبيل العامري" if runs[0] != "business" else "نبيل العامرى"
    other = "نبيل العامرى" if first == "نبيل العامري" else "نبيل العامري"
    assert labels == [Literal(first, lang="ar")]
    assert Literal(other, lang="ar") in set(union.objects(URIRef(AMIRI), SKOS.altLabel))
    assert Literal(first, lang="ar") not in set(union.objects(URIRef(AMIRI), SKOS.altLabel))
    # every entity, not only this one
    many = store.query("SELECT ?e WHERE { ?e rdfs:label ?l } GROUP BY ?e HAVING (COUNT(DISTINCT ?l) > 1)")
    assert list(many) == []


def test_ingest_graph_conforms_to_the_shapes(corpus, store):
    """Oxigraph gives back nif:beginIndex as xsd:integer; the shapes take either."""
    pyshacl = pytest.importorskip("pyshacl")
    from rdflib import Graph
    ingest([corpus / "a-tunis.txt", corpus / "b-business.txt"], store, workers=1)
    shapes = Graph().parse(ROOT / "ontologies" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(store.graph(), shacl_graph=shapes, inference="none")
    assert conforms, text


def test_ingest_reports_failures_and_writes_the_others(corpus, store, monkeypatch):
    (corpus / "empty.txt").write_text("\n\n", encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"text": "نص"}\n{"text": 5}\n', encoding="utf-8")
    import kg.pipeline
    real = kg.pipeline.extract_corpus

    def fails_on_japan(docs):
        if any("الياباني" in doc.text for doc in docs):
            raise RuntimeError("a bug")
        return real(docs)

    monkeypatch.setattr(kg.pipeline, "extract_corpus", fails_on_japan)
    problems = []
    report = ingest([corpus, corpus / "absent.txt"], store, workers=1, batch_size=8, on_problem=problems.append)
    failed = {Path(source).name: message for source, message in report.failed}
    assert failed["empty.txt"] == "empty article"
    assert failed["broken.jsonl:2"].startswith('a JSONL record needs a non-empty "text" field')
    assert failed["absent.txt"] == "no such file"
    assert failed["a-tunis.txt"] == "extraction failed: RuntimeError: a bug"
    assert failed["c-0.txt"] == "extraction failed: RuntimeError: a bug"  # the Japanese ambassador again
    assert report.written == report.articles_seen - 2 == 5
    assert len(store.digests()) == 5
    assert {p.what for p in problems} >= {"empty article", "no such file"}


def test_ingest_progress_after_each_batch(corpus, store):
    calls = []
    report = ingest([corpus], store, workers=1, batch_size=4, progress=lambda *a: calls.append(a))
    assert calls == [(4, None, calls[0][2]), (6, None, report.triples_written)]


def test_ingest_digest_changes_with_each_part():
    from datetime import date
    from kg.reader import make_document
    base = make_document(TUNIS[1], TUNIS[0], date(2024, 3, 1), "https://example.org/a")
    variants = [make_document(TUNIS[1] + "!", TUNIS[0], date(2024, 3, 1), "https://example.org/a"),
                make_document(TUNIS[1], TUNIS[0] + "!", date(2024, 3, 1), "https://example.org/a"),
                make_document(TUNIS[1], TUNIS[0], date(2024, 3, 2), "https://example.org/a"),
                make_document(TUNIS[1], TUNIS[0], date(2024, 3, 1), "https://example.org/b")]
    digests = {article_digest(base, "1")} | {article_digest(doc, "1") for doc in variants}
    assert len(digests) == 5 and article_digest(base, "2") not in digests
    assert article_digest(base, "1") == article_digest(base, "1")


# Stopped runs: a real process, killed, then a re-run

RUNNER = textwrap.dedent("""
    import faulthandler, signal, sys
    faulthandler.register(signal.SIGUSR1, all_threads=True)   # the test asks for every thread's stack if it hangs
    from kg.store.ingest import ingest
    from kg.store.local import LocalStore
    with LocalStore(sys.argv[1], create=True) as store:
        ingest([sys.argv[2]], store, workers=2, batch_size=4,
               progress=lambda done, total, triples: print(done, flush=True))
    print("finished", flush=True)
""")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """Sixty short articles, and the store one uninterrupted run makes of them."""
    folder = tmp_path_factory.mktemp("many")
    for number in range(60):
        write_article(folder, f"{number:03d}.txt", *small_article(number))
    reference = tmp_path_factory.mktemp("reference") / "store"
    with LocalStore(reference, create=True) as store:
        report = ingest([folder], store, workers=1, batch_size=4)
        assert report.written == 60
        expected = quads(store)
    return folder, expected


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_ingest_stopped_then_rerun_equals_one_run(tmp_path, many, stop):
    folder, expected = many
    location = tmp_path / "store"
    process = subprocess.Popen([sys.executable, "-c", RUNNER, str(location), str(folder)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        first = process.stdout.readline().strip()
        assert first.isdigit(), process.stderr.read()
        workers = _children(process.pid)
        process.send_signal(stop)
        started = time.monotonic()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # a rare hang seen on loaded CI hosts: where every thread of the ingest stands
            process.send_signal(signal.SIGUSR1)
            time.sleep(1)
            process.kill()
            pytest.fail(f"the ingest did not end 30 s after {stop.name}; its threads:\n{process.stderr.read()[-6000:]}")
        assert time.monotonic() - started < 15  # Ctrl-C stops the workers, it does not wait for them
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode != 0
    # no worker outlives its ingest, even one killed outright
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), workers
    with LocalStore(location) as store:
        partial = quads(store)
        graphs = {q[3] for q in partial}
        assert 0 < len(graphs) < 60
        # every article held is whole: exactly its quads of the uninterrupted run
        assert partial == {q for q in expected if q[3] in graphs}
        report = ingest([folder], store, workers=1, batch_size=4)
        assert report.skipped_unchanged == len(graphs)
        assert report.written == 60 - len(graphs)
        assert quads(store) == expected


def _children(pid: int) -> list[int]:
    """The process ids of a process's children (Linux /proc), none elsewhere."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(child) for child in task.read_text().split()]
    return found


def test_ingest_report_is_frozen():
    report = IngestReport(1, 1, 0, [], 10, 0.5)
    with pytest.raises(AttributeError):
        report.written = 2
    assert report.triples_per_second == 20


HALF_SENT = textwrap.dedent("""
    import struct, time
    from kg.store.ingest import _Pool

    if __name__ == "__main__":
        pool = _Pool(1)
        pool.executor.submit(time.sleep, 0.1).result()
        # as a worker terminated while sending its results leaves it: half a message in the
        # results pipe, which the pool's manager thread then waits to read the rest of
        pool.executor._result_queue._writer._send(struct.pack("!i", 1 << 16) + b"half")
        time.sleep(0.5)
        pool.stop()
        print("stopped", flush=True)
""")


def test_ingest_stopped_pool_with_half_a_result_in_its_pipe_lets_the_process_end(tmp_path):
    # the hang seen after Ctrl-C on loaded hosts: the exit hook of concurrent.futures joined a
    # manager thread stuck reading half a message, for ever
    script = tmp_path / "half_sent.py"
    script.write_text(HALF_SENT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "stopped"


def test_ingest_stopped_pool_ends_a_running_worker_and_its_manager():
    """A stopped pool does not wait for the batch being extracted: its worker is
    terminated, and the pool's manager thread has ended (so nothing of the pool is
    left for the interpreter's exit hooks)."""
    pool = _Pool(1)
    pool.executor.submit(time.sleep, 60)
    deadline = time.monotonic() + 30
    while not pool.executor._processes and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = list(pool.executor._processes.values())
    manager = pool.executor._executor_manager_thread
    started = time.monotonic()
    pool.stop()
    assert time.monotonic() - started < 10
    assert workers and not any(worker.is_alive() for worker in workers)
    assert not manager.is_alive()
