"""SPARQL text checked before any store sees it: parsed with rdflib for a
syntax error with its position, and read for what it would reach outside the
data (SERVICE)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pyparsing import ParseBaseException
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from kg.errors import QueryError


def prepare_query(sparql: str, namespaces: dict) -> Query:
    """Parse and translate the query, with the position of a syntax error."""
    try:
        return prepareQuery(sparql, initNs=namespaces)
    except ParseBaseException as error:
        raise QueryError(f"SPARQL syntax error at line {error.lineno}, column {error.col}: "
                         f"{one_line(error.msg)}") from error
    except RecursionError as error:
        raise QueryError("SPARQL query nested too deeply") from error
    except Exception as error:  # rdflib raises a bare Exception for an undeclared prefix; others re-raised
        prefix = _unknown_prefix(error)
        if prefix is None:
            raise
        raise QueryError(f"unknown prefix '{prefix}:'{_position_of_prefix(sparql, prefix)} "
                         f"(declare it with PREFIX {prefix}: <...>)") from error


def _unknown_prefix(error: Exception) -> str | None:
    """The prefix rdflib names when it raises its bare Exception for an undeclared one."""
    match = re.fullmatch(r"Unknown namespace prefix : (.*)", str(error))
    return match.group(1) if type(error) is Exception and match else None


def _position_of_prefix(sparql: str, prefix: str) -> str:
    """Where the prefix is first used, outside IRIs and strings (rdflib does not say)."""
    scrubbed = re.sub(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*",
                      lambda m: " " * len(m.group()), sparql)
    match = re.search(rf"(?<![\w:?$.-]){re.escape(prefix)}:", scrubbed)
    if not match:
        return ""
    line = sparql.count("\n", 0, match.start()) + 1
    column = match.start() - (sparql.rfind("\n", 0, match.start()) + 1) + 1
    return f" at line {line}, column {column}"


def algebra_parts(node) -> Iterator[CompValue]:
    """Every algebra node of a prepared query, sub-queries and EXISTS patterns included."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)


def one_line(error: object) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= 200 else text[:197] + "..."


def refuse_service(prepared: Query, reads: str = "the given graph files") -> None:
    """SERVICE sends a query to another endpoint, over the network or to a file."""
    for part in algebra_parts(prepared.algebra):
        if part.name == "ServiceGraphPattern":
            raise QueryError(f"SERVICE is not allowed: a query reads only {reads}", value=str(part.term))


def query_form(prepared: Query) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE."""
    return {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
            "DescribeQuery": "DESCRIBE"}[prepared.algebra.name]


# What a lexical scan blanks before it looks for keywords: IRIs, strings (long
# ones first) and comments.  An IRI reference has no spaces, quotes or angle
# brackets inside, so a comparison such as "?a < ?b" is left alone.
_OPAQUE = re.compile(r'<[^<>"{}|^`\\\s]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')


def blank_opaque(sparql: str) -> str:
    """The query text with its IRIs, strings and comments blanked, so that a
    keyword found in what is left is the query's own."""
    return _OPAQUE.sub(" ", sparql)


# A keyword, not a variable (?ask), a prefix (ask:) or a local name (hd:ask).
_FORM = re.compile(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
_NOT_SO_QUICK = re.compile(r"\b(SERVICE|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


def quick_form(sparql: str) -> str | None:
    """The form of a query that plainly reads only the data, found without
    parsing (an rdflib parse costs tens of milliseconds, often more than the
    query): None when the text holds SERVICE or an update keyword outside its
    strings, IRIs and comments, or has no form keyword; then
    :func:`prepare_query` must decide.  A store still parses what this lets
    through, so text that is not SPARQL fails there."""
    keywords = blank_opaque(sparql)
    if _NOT_SO_QUICK.search(keywords):
        return None
    found = _FORM.search(keywords)
    return found.group(1).upper() if found else None


def query_namespaces() -> dict[str, str]:
    """The prefixes a store query may use undeclared: rdflib's usual ones
    (what ``kg query`` over files offers) and the project's."""
    from rdflib import Dataset

    from kg.rdf.build import PREFIXES
    namespaces = {prefix: str(iri) for prefix, iri in Dataset().namespaces()}
    namespaces.update({prefix: str(iri) for prefix, iri in PREFIXES.items()})
    return namespaces


def checked_store_query(sparql: str, namespaces: dict[str, str]) -> Query:
    """The query parsed, after refusing what a store query may not do: an
    update (LOAD among them), SERVICE, and text that does not parse."""
    try:
        prepared = prepare_query(sparql, namespaces)
    except QueryError:
        if is_update(sparql):
            raise QueryError("updates are not allowed: a query only reads the store") from None
        raise
    refuse_service(prepared, reads="the store")
    return prepared


def is_update(sparql: str) -> bool:
    """Whether text that is not a query parses as an update (parsed only:
    prefixes are not resolved, nothing is run)."""
    from rdflib.plugins.sparql.parser import parseUpdate
    try:
        parseUpdate(sparql)
    except ParseBaseException:
        return False
    return True
