"""Errors a user can fix, each with the exit code the command line returns.

    KgError                 base; never raised itself          exit 1
    ├── InputError          an article or argument is unusable  exit 2
    ├── QueryError          a SPARQL query is malformed         exit 3
    ├── ResourceError       a bundled data file is missing/bad  exit 4
    ├── OutputError         an output cannot be written         exit 5
    └── StoreError          a triple store cannot be used       exit 6

    InputWarning            an input used despite a doubt (a legacy encoding guessed)

The library raises these, chained with ``from`` the underlying cause; the CLI
catches ``KgError`` alone, prints one line and exits with ``exit_code``.
Anything else is a bug and is allowed to show its traceback.

Readers take an ``on_problem`` callback: it receives each ``InputWarning``,
and each ``InputError`` that spoils one record of a file (a JSONL line), which
is then skipped so the other records are still read.  Without a callback the
error is raised and the warning goes to :func:`warnings.warn`.
"""

from __future__ import annotations


class _Described:
    """What, where and the value at fault, told in one line (``message``)."""

    def __init__(self, what: str, where: str | None = None, value: str | None = None):
        self.what = what
        self.where = where
        self.value = value
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return _message(self.what, self.where, self.value)


class KgError(_Described, Exception):
    """Base of every error a user can act on."""

    exit_code = 1


def _message(what: str, where: str | None, value: str | None) -> str:
    """``<what>, <where>, <value>``: the one line the CLI prints."""
    parts = [what]
    if where:
        parts.append(where)
    if value is not None:
        parts.append(repr(value) if len(value) < 80 else repr(value[:77] + "..."))
    return ", ".join(parts)


class InputError(KgError):
    """An input file, article or argument that cannot be used."""

    exit_code = 2


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run."""

    exit_code = 3


class ResourceError(KgError):
    """A bundled lexicon, gazetteer or ontology file that is missing or malformed."""

    exit_code = 4


class OutputError(KgError):
    """An output file that cannot be written."""

    exit_code = 5


class StoreError(KgError):
    """A triple store that cannot be opened, read or written: a folder that is
    not a store or is locked by another process, an endpoint that is down or
    refuses updates."""

    exit_code = 6


class InputWarning(_Described, UserWarning):
    """An input that was used despite a doubt a user should hear about."""
