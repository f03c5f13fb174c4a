"""Instance IRIs: the one place they are made.

IRIs are deterministic: the same article gives the same graph, and the same
real entity gets the same IRI in any article (its key comes from the gazetteer
or from its normalised name; a person known only to one article has that
article in its key, kg.link.scope).  Text from articles is percent-encoded,
one-to-one: different keys never share an IRI (tests/rdf/test_iris.py checks it
with hypothesis).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from kg.model import EntityType, Span
from kg.rdf.namespace import ID, WD

_TYPE_FOLDERS = {entity_type: entity_type.value.lower() for entity_type in EntityType}


_SPACE = "%20"
_UNDERSCORE = "%5F"  # quote() keeps "_", so a written "_" is encoded to free it for spaces
_DOT = "%2E"
_HYPHEN = "%2D"
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _segment(text: str) -> str:
    """``text`` as one IRI path segment, reversibly.

    Everything but ASCII letters, digits and ``-._~`` is UTF-8 percent-encoded
    (a lone surrogate too, so any str is accepted); a space becomes ``_`` for
    readability, so a written ``_`` becomes ``%5F``; a segment of dots alone
    would be a dot-segment that resolvers collapse ("/person/.." is "/"), so
    its dots are encoded.  Each step only uses codes the step before never
    writes, which keeps the whole one-to-one.
    """
    if not text:
        raise ValueError("an IRI segment needs at least one character")
    encoded = quote(text, safe="", errors="surrogatepass")
    encoded = encoded.replace("_", _UNDERSCORE).replace(_SPACE, "_")
    if not encoded.strip("."):
        encoded = encoded.replace(".", _DOT)
    return encoded


def article_iri(doc_id: str) -> URIRef:
    return ID[f"article/{_segment(doc_id)}"]


def entity_iri(entity_id: str, entity_type: EntityType) -> URIRef:
    """``country:MA`` → id/country/MA; ``person:عبد لطيف حموشي`` → id/person/عبد_لطيف_حموشي (encoded).

    The key is what follows the first colon (the whole id when there is none);
    the folder comes from ``entity_type``.  An empty key is a bug upstream and
    raises ValueError rather than naming the folder itself.
    """
    _, colon, key = entity_id.partition(":")
    return ID[f"{_TYPE_FOLDERS[entity_type]}/{_segment(key if colon else entity_id)}"]


def event_iri(doc_id: str, event_id: str) -> URIRef:
    """id/event/{doc}-{n}: a "-" in the article id is encoded, so the first
    unencoded "-" always ends it."""
    article = _segment(doc_id).replace("-", _HYPHEN)
    return ID[f"event/{article}-{_segment(event_id.removeprefix('ev'))}"]


def identity_iri(doc_id: str, entity_id: str) -> URIRef:
    """The evidence, from one article, of an entity's identity across the corpus."""
    digest = hashlib.sha256(f"{doc_id}\n{entity_id}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return ID[f"article/{_segment(doc_id)}/identity/{digest}"]


def post_iri(holder_id: str, title_key: str, org_id: str | None) -> URIRef:
    digest = hashlib.sha256(f"{holder_id}\n{title_key}\n{org_id or ''}".encode("utf-8")).hexdigest()[:16]
    return ID[f"post/{digest}"]


def mention_iri(doc_id: str, span: Span) -> URIRef:
    return ID[f"article/{_segment(doc_id)}/mention/{span.start}-{span.end}"]


def sentence_iri(doc_id: str, span: Span) -> URIRef:
    return ID[f"article/{_segment(doc_id)}/sentence/{span.start}-{span.end}"]


def wikidata_iri(qid: str) -> URIRef:
    if not (qid.startswith("Q") and qid[1:].isdigit()):
        raise ValueError(f"not a Wikidata item: {qid!r}")
    return WD[qid]


def web_iri(url: str) -> URIRef | None:
    """An article URL as an IRI, or None when it is not http(s).

    A URL that is already valid is kept as it is; other characters are
    percent-encoded, and so is a "%" that does not start an escape."""
    if not url.lower().startswith(("http://", "https://")):
        return None
    encoded = quote(url, safe=":/?#[]@!$&'()*+,;=%-._~", errors="surrogatepass")
    return URIRef(_STRAY_PERCENT.sub("%25", encoded))
