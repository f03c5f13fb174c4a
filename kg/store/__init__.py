"""Triple stores: where a corpus graph lives once it outgrows one file.

A store holds one named graph per article, named by the article IRI
(``kg.rdf.iris.article_iri``); the article node in it carries
``hd:contentDigest``, the SHA-256 of what the graph was built from, so a
store knows which articles it holds and whether they changed.  Entities are
shared across the graphs by IRI; a query sees the union of all graphs as its
default graph unless it names one.

Two kinds, chosen by the location a user gives:

    DIR                     kg.store.local.LocalStore: an on-disk Oxigraph
                            store (pyoxigraph), the default where one machine
                            serves
    http(s)://host/sparql   kg.store.remote.RemoteStore: any SPARQL 1.1
                            Query + Update endpoint (Virtuoso, Fuseki,
                            GraphDB, QLever, Oxigraph server)

Every store offers the methods of :class:`Store`.  An article's
``hd:contentDigest`` is written with its last triples, so an article a
stopped run left missing or half written is not in :meth:`Store.digests` and
the next run writes it again.  How much is one write depends on the
store: the local store bulk-loads a batch's new articles behind a marker
that the next open acts on if the load was stopped, and replaces a batch's
changed articles in one transaction (kg.store.local); a SPARQL
Update endpoint each article in one request (a very large one in several); a
Graph Store Protocol endpoint one PUT per article, which Virtuoso runs as a
clear and then a load (kg.store.remote).

The union a query sees is a set in the local store (it keeps the merge of the
article graphs in its default graph).  A remote endpoint's union is its own:
Virtuoso, like pyoxigraph's union option, gives a triple held by k article
graphs k times, so over a remote store write SELECT DISTINCT (the example
queries do).
Errors a user can act on are :class:`kg.errors.StoreError` (exit 6); a
malformed or refused query is a :class:`kg.errors.QueryError`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Dataset, Graph
from rdflib.query import Result


@dataclass(frozen=True)
class ArticleGraph:
    """One article's graph, ready to be written: ``iri`` names the graph (the
    article IRI), ``digest`` is its ``hd:contentDigest`` (also inside
    ``ntriples``), ``ntriples`` the triples as N-Triples text."""

    iri: str
    digest: str
    ntriples: str


class Store(ABC):
    """What every store offers; ``location`` is how the user named it."""

    location: str

    @abstractmethod
    def digests(self) -> dict[str, str]:
        """Article graph IRI -> hd:contentDigest, for every article held."""

    @abstractmethod
    def replace(self, articles: Sequence[ArticleGraph]) -> int:
        """Write each article's graph in place of the one it had (if any), each
        article atomically; the number of triples written."""

    @abstractmethod
    def remove(self, graph_iris: Sequence[str]) -> None:
        """Drop these articles' graphs (an IRI the store does not hold is ignored)."""

    @abstractmethod
    def query(self, sparql: str, *, graph: str | None = None) -> Result:
        """A read-only SPARQL query over the union of all graphs (over the named
        graph ``graph`` alone when given), fully evaluated, as an rdflib Result.
        Updates, SERVICE and graph loading are refused with a QueryError."""

    @abstractmethod
    def query_serialized(self, sparql: str, media_type: str, *, graph: str | None = None) -> bytes:
        """The same query, its result serialised by the store itself in
        ``media_type`` (application/sparql-results+json, +xml, text/csv,
        text/tab-separated-values for solutions and booleans; text/turtle,
        application/n-triples, application/ld+json for graphs): the fast path
        for ``kg serve`` and large results.  A media type that does not fit
        the query form is a QueryError."""

    @abstractmethod
    def graph(self, graph: str | None = None) -> Graph | Dataset:
        """The union of all graphs as one rdflib Graph (``graph``: that named
        graph alone), for the views and exports."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of triples (quads) held."""

    def close(self) -> None:
        """Release the store (a local store's lock); idempotent."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def open_store(location: str, *, create: bool = False, read_only: bool = False) -> Store:
    """The store at ``location``: an http(s) URL is a remote SPARQL endpoint,
    anything else a local store directory (made when ``create``; otherwise a
    missing or non-store directory is a StoreError).  ``read_only`` opens a
    local store without taking its write lock, so several readers (``kg
    serve``, ``kg query``) can share it while nothing writes."""
    if is_remote(location):
        from kg.store.remote import RemoteStore
        return RemoteStore(location)
    from kg.store.local import LocalStore
    return LocalStore(location, create=create, read_only=read_only)
