"""Hadath: event knowledge graphs from Arabic news.

    >>> import kg
    >>> graph, docs = kg.build(["article.txt"], "graph.ttl")       # doctest: +SKIP
    >>> print(kg.format_result(kg.query(["graph.ttl"], "SELECT ...")))  # doctest: +SKIP
"""

from kg.api import build, describe, extract_articles, format_result, query, read_articles, view, view_html
from kg.errors import InputError, InputWarning, KgError, OutputError, QueryError, ResourceError
from kg.model import Document, Entity, EntityType, Event, EventType
from kg.pipeline import Pipeline
from kg.pipeline import extract as extract_document

__all__ = [
    "Document", "Entity", "EntityType", "Event", "EventType", "InputError", "InputWarning", "KgError",
    "OutputError", "Pipeline", "QueryError", "ResourceError", "build", "describe", "extract_articles",
    "extract_document", "format_result", "query", "read_articles", "view", "view_html",
]
__version__ = "0.1.0"
