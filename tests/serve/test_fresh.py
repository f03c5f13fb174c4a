"""The endpoint serves what an ingest adds while it runs, without a restart."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

from kg.store import ArticleGraph, open_store
from kg.serve.workers import store_signature

from .conftest import HD, RDF_TYPE, serving

COUNT = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a hd:Article }"


def _article(number: int) -> ArticleGraph:
    iri = f"https://example.org/fresh/article/{number}"
    digest = f"{number:064d}"
    text = f'<{iri}> <{RDF_TYPE}> <{HD}Article> .\n<{iri}> <{HD}contentDigest> "{digest}" .\n'
    return ArticleGraph(iri, digest, text)


def _articles(endpoint) -> int:
    url = endpoint.sparql + "?" + urllib.parse.urlencode({"query": COUNT})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def test_endpoint_sees_articles_written_after_it_started(tmp_path):
    location = str(tmp_path / "store")
    with open_store(location, create=True) as store:
        store.replace([_article(1)])
    with serving(location, workers=1) as endpoint:
        assert _articles(endpoint) == 1
        with open_store(location) as store:  # a writer beside the endpoint's read-only workers
            store.replace([_article(2), _article(3)])
        assert _articles(endpoint) == 3
        with open_store(location) as store:
            store.remove([_article(1).iri])
        assert _articles(endpoint) == 2


def test_store_signature_changes_with_a_write_and_is_none_for_a_remote(tmp_path):
    location = str(tmp_path / "store")
    with open_store(location, create=True) as store:
        before = store_signature(location)
        store.replace([_article(1)])
        store.close()
    assert before is not None and store_signature(location) != before
    assert store_signature("http://127.0.0.1:9/sparql") is None
