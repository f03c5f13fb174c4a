"""Instance IRIs: the one place they are made.

IRIs are deterministic: the same article gives the same graph, and the same
real entity gets the same IRI in any article (its key comes from the gazetteer
or from its normalised name).  Text from articles is percent-encoded.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from kg.model import EntityType, Span
from kg.rdf.namespace import ID, WD

_TYPE_FOLDERS = {entity_type: entity_type.value.lower() for entity_type in EntityType}


def _segment(text: str) -> str:
    return quote(text.replace(" ", "_"), safe="")


def article_iri(doc_id: str) -> URIRef:
    return ID[f"article/{_segment(doc_id)}"]


def entity_iri(entity_id: str, entity_type: EntityType) -> URIRef:
    """``country:MA`` → id/country/MA; ``person:عبد لطيف حموشي`` → id/person/عبد_لطيف_حموشي (encoded)."""
    _, _, key = entity_id.partition(":")
    return ID[f"{_TYPE_FOLDERS[entity_type]}/{_segment(key or entity_id)}"]


def event_iri(doc_id: str, event_id: str) -> URIRef:
    return ID[f"event/{_segment(doc_id)}-{_segment(event_id.removeprefix('ev'))}"]


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
    """An article URL as an IRI, or None when it is not http(s)."""
    if not url.lower().startswith(("http://", "https://")):
        return None
    return URIRef(quote(url, safe=":/?#[]@!$&'()*+,;=%-._~"))
