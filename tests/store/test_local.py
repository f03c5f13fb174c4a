"""The local (Oxigraph) store: opening rules, atomic replacement, reading the
union or one article's graph, and the queries it refuses."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.api import format_result
from kg.errors import QueryError, StoreError
from kg.store import ArticleGraph, open_store
from kg.store.local import LocalStore

ID = "https://w3id.org/hadath/id/"
HD = "https://w3id.org/hadath/ontology#"
RDFS_LABEL = str(RDFS.label)


def article(name: str, digest: str = "0" * 64, extra: str = "") -> ArticleGraph:
    """A small article graph: the article node with its digest, and one entity
    it derives."""
    iri = f"{ID}article/{name}"
    lines = [
        f'<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{HD}Article> .',
        f'<{iri}> <{HD}contentDigest> "{digest}" .',
        f'<{ID}country/MA> <{RDFS_LABEL}> "المغرب"@ar .',
        f'<{ID}country/MA> <http://www.w3.org/ns/prov#wasDerivedFrom> <{iri}> .',
    ]
    return ArticleGraph(iri, digest, "\n".join(lines) + "\n" + extra)


def quads(store: LocalStore) -> set[tuple]:
    """The quads of the article graphs (the union the store keeps in its
    default graph is checked by assert_union_is_the_merge)."""
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store._store
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def assert_union_is_the_merge(store: LocalStore) -> None:
    """The default graph holds each triple of any article graph once, and nothing else."""
    union = [(q.subject, q.predicate, q.object) for q in store._store if isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(union) == len(set(union))
    assert set(union) == {q[:3] for q in quads(store)}


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "store", create=True) as opened:
        yield opened


# Opening

def test_local_missing_directory_is_made_only_on_create(tmp_path):
    with pytest.raises(StoreError, match="no store at this location"):
        LocalStore(tmp_path / "absent")
    assert not (tmp_path / "absent").exists()
    with LocalStore(tmp_path / "absent", create=True) as made:
        assert len(made) == 0
    with LocalStore(tmp_path / "absent") as reopened:
        assert len(reopened) == 0


def test_local_directory_of_other_files_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("مسودة", encoding="utf-8")
    with pytest.raises(StoreError, match="not a store: the directory holds other files"):
        LocalStore(tmp_path, create=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_local_file_is_not_a_store(tmp_path):
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    with pytest.raises(StoreError, match="a file, not a directory"):
        LocalStore(tmp_path / "graph.ttl", create=True)


def test_local_empty_directory_needs_create(tmp_path):
    with pytest.raises(StoreError, match="empty directory"):
        LocalStore(tmp_path)
    with LocalStore(tmp_path, create=True) as made:
        made.replace([article("a")])
    with open_store(str(tmp_path)) as reopened:
        assert len(reopened) == 4


def test_local_store_locked_by_another_process_is_one_line_error(tmp_path):
    location = tmp_path / "store"
    LocalStore(location, create=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from kg.store.local import LocalStore
            store = LocalStore({str(location)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as caught:
            LocalStore(location)
        assert caught.value.message == f"store is in use by another process, {location}"
        # a reader takes no lock: it opens beside the writer and reads what was written
        with LocalStore(location, read_only=True) as reader:
            assert len(reader) == 0
    finally:
        holder.communicate("")
    with LocalStore(location) as free_again:
        assert len(free_again) == 0


def test_local_close_is_idempotent_and_releases_the_lock(tmp_path, store):
    store.replace([article("a")])
    store.query("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError):
        store.query("SELECT ?x WHERE { ?x")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        len(store)
    with LocalStore(store.location) as reopened:
        assert len(reopened) == 4


def test_local_read_only_stores_share_and_refuse_writes(tmp_path):
    location = tmp_path / "store"
    with LocalStore(location, create=True) as writer:
        writer.replace([article("a"), article("b")])
    with LocalStore(location, read_only=True) as one, LocalStore(location, read_only=True) as two:
        assert len(one) == len(two) == 8
        with pytest.raises(StoreError, match="read-only"):
            one.replace([article("c")])
        with pytest.raises(StoreError, match="read-only"):
            one.remove([f"{ID}article/a"])
    with pytest.raises(StoreError, match="no store"):
        LocalStore(tmp_path / "absent", read_only=True, create=True)


# Writing

def test_local_replace_twice_leaves_the_same_quads(store):
    articles = [article("a"), article("b")]
    assert store.replace(articles) == 8
    first = quads(store)
    assert store.replace(articles) == 8
    assert quads(store) == first
    assert len(store) == 8  # quads: the country's label is held in each article's graph


def test_local_replace_changes_one_graph_and_nothing_else(store):
    store.replace([article("a"), article("b")])
    before = quads(store)
    changed = article("b", "1" * 64, f'<{ID}city/Rabat> <{RDFS_LABEL}> "الرباط"@ar .\n')
    store.replace([changed])
    after = quads(store)
    graph_b = URIRef(changed.iri)
    assert {q for q in after if str(q[3].value) != changed.iri} == {q for q in before if str(q[3].value) != changed.iri}
    assert store.digests() == {f"{ID}article/a": "0" * 64, changed.iri: "1" * 64}
    labels = store.graph(changed.iri).objects(URIRef(f"{ID}city/Rabat"), RDFS.label)
    assert list(labels) == [Literal("الرباط", lang="ar")]
    assert graph_b == store.graph(changed.iri).identifier
    assert_union_is_the_merge(store)


def test_local_union_counts_a_shared_triple_once(store):
    """An entity named in two articles has its label in both graphs; the union a
    query sees holds it once (pyoxigraph's own union graph would count it twice)."""
    store.replace([article("a"), article("b")])
    assert_union_is_the_merge(store)
    rows = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ID}country/MA> ?p ?o }}"))
    per_graph = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{ID}country/MA> ?p ?o }} }}"))
    # each graph: its label and its wasDerivedFrom; the union: one label, two wasDerivedFrom
    assert (int(per_graph[0][0]), int(rows[0][0])) == (4, 3)
    store.remove([f"{ID}article/a"])
    assert_union_is_the_merge(store)
    left = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ID}country/MA> ?p ?o }}"))
    assert int(left[0][0]) == 2  # the label, still in b's graph, and b's wasDerivedFrom
    store.remove([f"{ID}article/b"])
    assert_union_is_the_merge(store)
    assert len(store) == 0 and not list(store._store)


def test_local_store_written_without_the_union_gets_it_when_opened(tmp_path):
    location = tmp_path / "old"
    old = ox.Store(str(location))
    old.update(f"INSERT DATA {{ GRAPH <{ID}article/a> {{ <{ID}country/MA> <{RDFS_LABEL}> \"المغرب\"@ar }} }}")
    del old
    with LocalStore(location) as store:
        assert_union_is_the_merge(store)
        assert len(list(store.query("SELECT * WHERE { ?s ?p ?o }"))) == 1


def test_local_remove_drops_only_the_named_graphs(store):
    store.replace([article("a"), article("b")])
    store.remove([f"{ID}article/a", f"{ID}article/never-written"])
    assert store.digests() == {f"{ID}article/b": "0" * 64}
    assert len(store) == 4


def test_local_replace_of_bad_triples_writes_nothing(store):
    store.replace([article("a")])
    before = quads(store)
    broken = ArticleGraph(f"{ID}article/b", "0" * 64, "<not an iri> <p> .\n")
    with pytest.raises(StoreError, match="cannot write"):
        store.replace([article("c"), broken])
    assert quads(store) == before  # the whole call is one transaction




XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("extra", [
    "",
    f'<{ID}event/e> <{HD}participantCount> "5"^^<{XSD}nonNegativeInteger> .\n',  # read back as xsd:integer
    f'_:b1 <{RDFS_LABEL}> "مجهول"@ar .\n',  # no DELETE DATA for blank nodes: the whole graph is rewritten
], ids=["iris", "integer-subtype", "blank-node"])
def test_local_held_articles_written_again_change_only_what_changed(store, extra):
    shared = f'<{ID}org/un> <{RDFS_LABEL}> "الأمم المتحدة"@ar .\n'
    only_a = f'<{ID}city/Fes> <{RDFS_LABEL}> "فاس"@ar .\n'
    store.replace([article("a", extra=shared + only_a + extra), article("b", extra=shared), article("c")])
    # a keeps the shared label and loses Fes; b loses the shared label; both get new digests
    a, b = article("a", "1" * 64, shared + extra), article("b", "1" * 64)
    store.replace([a, b])
    assert store.digests() == {a.iri: "1" * 64, b.iri: "1" * 64, f"{ID}article/c": "0" * 64}
    assert_union_is_the_merge(store)
    labels = {str(row[0]) for row in store.query(f"SELECT ?l WHERE {{ ?s <{RDFS_LABEL}> ?l }}")}
    assert "فاس" not in labels and "الأمم المتحدة" in labels
    store.replace([a, b])  # the same again: nothing to write
    assert_union_is_the_merge(store)
    store.replace([article("a", "2" * 64, extra), b])  # the last graph holding the shared label drops it
    assert_union_is_the_merge(store)
    labels = {str(row[0]) for row in store.query(f"SELECT ?l WHERE {{ ?s <{RDFS_LABEL}> ?l }}")}
    assert "الأمم المتحدة" not in labels


def test_local_held_article_of_bad_triples_changes_nothing(store):
    store.replace([article("a"), article("b")])
    before = quads(store)
    with pytest.raises(StoreError, match="cannot write"):
        store.replace([article("a", "1" * 64), ArticleGraph(f"{ID}article/b", "1" * 64, "<not an iri> <p> .\n")])
    assert quads(store) == before
    assert_union_is_the_merge(store)


def test_local_new_articles_leave_no_pending_marker(tmp_path, store):
    store.replace([article("a"), article("b")])
    assert not (tmp_path / "store" / "hadath-pending-write").exists()
    assert_union_is_the_merge(store)
    broken = ArticleGraph(f"{ID}article/c", "0" * 64, "<not an iri> <p> .\n")
    with pytest.raises(StoreError, match="cannot write"):
        store.replace([broken])
    assert not (tmp_path / "store" / "hadath-pending-write").exists()
    assert set(store.digests()) == {f"{ID}article/a", f"{ID}article/b"}


def test_local_bulk_load_stopped_midway_is_taken_out_at_the_next_open(tmp_path):
    """A run stopped while the bulk loader wrote new articles leaves their
    marker and whatever part was written: the next writable open drops those
    graphs and the union triples no other article holds, keeps the rest, and
    the articles are then missing from digests(), so an ingest writes them again."""
    location = tmp_path / "store"
    with LocalStore(location, create=True) as store:
        store.replace([article("a")])
    half = f"{ID}article/half"
    raw = ox.Store(str(location))
    raw.update(f"""INSERT DATA {{
        GRAPH <{half}> {{ <{half}> <{HD}contentDigest> "{"2" * 64}" }}
        <{half}> <{HD}contentDigest> "{"2" * 64}" .
        <{ID}city/Fes> <{RDFS_LABEL}> "فاس"@ar .
        <{ID}country/MA> <{RDFS_LABEL}> "المغرب"@ar .
    }}""")  # the graph in part, the union of more than the graph (as if its quads were still to come)
    del raw
    (location / "hadath-pending-write").write_text(f"{half}\n{ID}article/never-begun\n", encoding="utf-8")
    with LocalStore(location, read_only=True) as reader:  # a reader neither recovers nor fails
        assert half in reader.digests()
    assert (location / "hadath-pending-write").exists()
    with LocalStore(location) as store:
        assert not (location / "hadath-pending-write").exists()
        assert store.digests() == {f"{ID}article/a": "0" * 64}
        assert_union_is_the_merge(store)
        labels = {str(row[0]) for row in store.query(f"SELECT ?l WHERE {{ ?s <{RDFS_LABEL}> ?l }}")}
        assert labels == {"المغرب"}  # a's label stays in the union; Fes's, held by no graph, is gone
        store.replace([article("half", "2" * 64)])
        assert set(store.digests()) == {f"{ID}article/a", half}
        assert_union_is_the_merge(store)


# Reading

def test_local_union_query_sees_every_article(store):
    store.replace([article("a"), article("b"), article("c")])
    result = store.query("SELECT ?a WHERE { ?a a hd:Article } ORDER BY ?a")
    assert result.type == "SELECT"
    assert [str(v) for v in result.vars] == ["a"]
    assert [str(row.a) for row in result] == [f"{ID}article/{n}" for n in "abc"]
    # the union has one label for the shared entity, as one graph would
    labels = store.query("SELECT DISTINCT ?l WHERE { <%scountry/MA> rdfs:label ?l }" % ID)
    assert [row.l for row in labels] == [Literal("المغرب", lang="ar")]


def test_local_named_graph_query_sees_one_article(store):
    store.replace([article("a"), article("b")])
    result = store.query("SELECT ?a WHERE { ?a a hd:Article }", graph=f"{ID}article/b")
    assert [str(row.a) for row in result] == [f"{ID}article/b"]
    hidden = store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", graph=f"{ID}article/b")
    assert {str(row.g) for row in hidden} == {f"{ID}article/b"}


def test_local_results_format_like_file_queries(store):
    store.replace([article("a")])
    ask = store.query("ASK { ?a a hd:Article }")
    assert ask.type == "ASK" and ask.askAnswer is True
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    select = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert json.loads(format_result(select, "json"))["results"]["bindings"][0]["n"]["value"] == "4"
    assert "(1 row)" in format_result(select)
    construct = store.query("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e rdfs:label ?l }")
    assert construct.type == "CONSTRUCT"
    assert set(construct.graph) == {(URIRef(f"{ID}country/MA"), RDFS.label, Literal("المغرب", lang="ar"))}
    assert "@prefix" in format_result(construct)


@pytest.mark.parametrize("sparql, message", [
    ("INSERT DATA { <http://example.org/a> <http://example.org/p> 1 }", "updates are not allowed"),
    ("DELETE WHERE { ?s ?p ?o }", "updates are not allowed"),
    ("LOAD <http://example.org/data.ttl>", "updates are not allowed"),
    ("DROP ALL", "updates are not allowed"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://example.org/s> { ?s ?p ?o } } }", "SERVICE is not allowed"),
    ("SELECT ?x WHERE {\n ?x", "syntax error at line 2"),
    ("SELECT ?x WHERE { ?x nope:p ?y }", "unknown prefix 'nope:' at line 1"),
])
def test_local_refused_queries(store, sparql, message):
    store.replace([article("a")])
    before = quads(store)
    with pytest.raises(QueryError, match=message):
        store.query(sparql)
    with pytest.raises(QueryError, match=message):
        store.query_serialized(sparql, "application/sparql-results+json")
    assert quads(store) == before


@pytest.mark.parametrize("sparql, media_type, check", [
    ("SELECT ?a WHERE { ?a a hd:Article }", "application/sparql-results+json",
     lambda data: json.loads(data)["results"]["bindings"][0]["a"]["value"].endswith("article/a")),
    ("SELECT ?a WHERE { ?a a hd:Article }", "text/csv", lambda data: data.splitlines()[0] == b"a"),
    ("SELECT ?a WHERE { ?a a hd:Article }", "text/tab-separated-values", lambda data: data.startswith(b"?a\n")),
    ("ASK { ?a a hd:Article }", "application/sparql-results+xml", lambda data: b"<boolean>true</boolean>" in data),
    ("CONSTRUCT WHERE { ?a a hd:Article }", "application/n-triples", lambda data: data.count(b"\n") == 1),
    ("CONSTRUCT WHERE { ?a a hd:Article }", "text/turtle; charset=utf-8", lambda data: b"article/a>" in data),
    ("DESCRIBE <%sarticle/a>" % ID, "application/ld+json", lambda data: isinstance(json.loads(data), list)),
])
def test_local_query_serialized(store, sparql, media_type, check):
    store.replace([article("a")])
    assert check(store.query_serialized(sparql, media_type))


@pytest.mark.parametrize("sparql, media_type", [
    ("ASK { ?s ?p ?o }", "text/turtle"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv"),
    ("SELECT * WHERE { ?s ?p ?o }", "text/html"),
])
def test_local_query_serialized_media_type_must_fit(store, sparql, media_type):
    with pytest.raises(QueryError, match="cannot be given as"):
        store.query_serialized(sparql, media_type)


def test_local_graph_is_union_or_one_article(store):
    store.replace([article("a"), article("b")])
    union = store.graph()
    assert len(union) == 7  # the shared label once
    one = store.graph(f"{ID}article/a")
    assert len(one) == 4 and one.identifier == URIRef(f"{ID}article/a")
    assert dict(union.namespaces())["hd"] == URIRef(HD)
