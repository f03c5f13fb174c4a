"""Persons whose identity the article alone establishes get the article in their id.

An entity id is its identity across a corpus: two articles that give one id
give one node (kg.rdf.iris), in a corpus graph and in a store, whatever
kg.link.corpus decides.  A name-derived id is safe only where the name is
enough to tell someone: a full name of several words ("عبد اللطيف الحموشي"),
or a person the people gazetteer identifies (kg.link.people).  Two other
persons are only known to their article:

- a person named by one word ("يوسف", "الملك عبد الله" unlinked): one word is
  many people's name;
- a role-only person not linked to the post's holder on the article's date
  ("رئيس الإنتربول" of an undated article, "الرئيس الكوري الجنوبي" of 2015 and
  of 2023): a post is held by one person after another.

Their id takes the article's id ("person:يوسف@article:7ae760cf20f3b8ee"), so it
is still deterministic (rebuilding an article gives the same graph) but no
longer shared by chance.  Where kg.link.corpus joins such a person to one of
another article (a one-word name its article supports), the joined entities
take one id, the canonical member's, as for any other join.
"""

from __future__ import annotations

from typing import Final

from kg.link.corpus import name_words, rename_entities
from kg.link.people import LINK_RULES
from kg.model import PERSON, Document, Entity

SCOPE: Final = "@article:"   # between a name-derived key and the id of the one article it holds in


def article_scoped(entity_id: str, doc_id: str) -> str:
    """``entity_id`` as the entity of article ``doc_id`` only (idempotent)."""
    suffix = SCOPE + doc_id
    return entity_id if entity_id.endswith(suffix) else entity_id + suffix


def known_only_to_article(entity: Entity) -> bool:
    """A person whose id the article alone can stand for: not linked to the
    people gazetteer, and named by one word (``name_words``: honorifics dropped,
    "عبد الله" one word) or by a post only."""
    if entity.type is not PERSON or set(entity.identity) & LINK_RULES:
        return False
    return entity.role_only or max(len(name_words(name)) for name in (entity.label, *entity.names)) <= 1


def scope_persons(doc: Document) -> Document:
    """The document with each person known only to it (``known_only_to_article``) renamed to an article-scoped id."""
    return rename_entities(doc, {e.id: article_scoped(e.id, doc.id) for e in doc.entities if known_only_to_article(e)})
