"""CAMEO codes for events, so event-data users can read Hadath's graphs.

A meeting is 043 (host a visit) when its host meets the guest at home, 044
(meet at a third location) when it happens where none of the sides is at home,
else 040 (consult); a call is 041, a visit 042, a signed agreement 057.  The
country of a side is the country its posts are in ("وزير الخارجية المغربي");
the country of a place is the place itself or, for a city, the gazetteer's.  A
visit to Vienna by Morocco's chief hosted by Interpol's president is 044: the
host has no country of his own.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Final

from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import read_tsv
from kg.model import COUNTRY, HOST, Document, Entity, Event, replace_document

COUNTRY_PREFIX: Final = "country:"


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[2] for row in read_tsv("cameo.tsv", 3)}


INTERNATIONAL: Final = "international"  # an official of an international organisation is at home nowhere


def side_homes(entity: Entity) -> set[str]:
    """Where a participant is at home: a country itself, the countries its posts
    are in, or nowhere ("international") for an official of an organisation
    the gazetteer knows; empty when the text does not say."""
    if entity.type is COUNTRY:
        return {entity.id}
    homes = {post.org for post in entity.posts if post.org and post.org.startswith(COUNTRY_PREFIX)}
    known_orgs = Gazetteer.bundled().entries
    if not homes and any(post.org in known_orgs and not post.org.startswith(COUNTRY_PREFIX) for post in entity.posts):
        homes.add(INTERNATIONAL)
    return homes


def place_country(doc: Document, place_id: str | None) -> str | None:
    if place_id is None:
        return None
    if place_id.startswith(COUNTRY_PREFIX):
        return place_id
    entry = Gazetteer.bundled().entries.get(place_id)
    return f"{COUNTRY_PREFIX}{entry.country}" if entry is not None and entry.country else None


def situation(doc: Document, event: Event) -> str:
    """host_home, third_place or any; a side whose home the text does not give
    is never taken to be away from home."""
    where = place_country(doc, event.place)
    if where is None:
        return "any"
    entities = {entity.id: entity for entity in doc.entities}
    homes = {p.entity: side_homes(entities[p.entity]) for p in event.participants if p.entity in entities}
    hosts = [p.entity for p in event.participants if p.role is HOST]
    if hosts:
        host_home = homes.get(hosts[0], set())
        if where in host_home:
            return "host_home"
        return "third_place" if host_home and not any(where in h for h in homes.values()) else "any"
    if homes and all(homes.values()) and not any(where in h for h in homes.values()):
        return "third_place"
    return "any"


def cameo_code(doc: Document, event: Event) -> str | None:
    table = cameo_table()
    return table.get((event.type.value, situation(doc, event))) or table.get((event.type.value, "any"))


def add_cameo_codes(doc: Document) -> Document:
    """A pipeline stage: every event gets its CAMEO code where one applies."""
    return replace_document(doc, events=tuple(replace(event, cameo=cameo_code(doc, event)) for event in doc.events))
