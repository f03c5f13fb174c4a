"""The ``kg`` command: parse arguments, call one library function, print.

Every error a user can fix is a ``KgError``; it is caught here alone, printed as
one line on stderr, and the process exits with its code.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from kg import api
from kg.errors import InputError, KgError
from kg.reader import parse_date

# Bugs show a plain traceback; rich's would print local variables, article text included.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Hadath: event knowledge graphs from Arabic news.")


def _fail(error: KgError) -> None:
    typer.echo(f"kg: error: {error.message}", err=True)
    raise typer.Exit(error.exit_code)


def _published(value: Optional[str]) -> Optional[date]:
    return parse_date(value, "--published") if value else None


@app.command("build")
def build_cli(
    articles: list[Path] = typer.Argument(..., help="Articles (.txt, .html, .jsonl) or directories of them."),
    output: str = typer.Option(..., "-o", "--output", help="Graph file (.ttl .nt .jsonld .trig .nq .rdf), or - for Turtle on stdout."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for every article."),
) -> None:
    """Read articles and write their event knowledge graph."""
    try:
        graph, docs = api.build(articles, None if output == "-" else output, _published(published))
        if output == "-":
            sys.stdout.write(api.turtle(graph))
        else:
            typer.echo(f"kg: {len(docs)} article(s), {len(graph)} triples -> {output}", err=True)
    except KgError as error:
        _fail(error)


@app.command("extract")
def extract_cli(
    articles: list[Path] = typer.Argument(..., help="Articles or directories."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
) -> None:
    """Print what was found in each article: entities, posts, events."""
    try:
        for doc in api.extract_articles(articles, _published(published)):
            typer.echo(api.describe(doc))
            typer.echo()
    except KgError as error:
        _fail(error)


@app.command("query")
def query_cli(
    graphs: list[str] = typer.Argument(..., help="Graph files, then the SPARQL query unless --file is given."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from this .rq file."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT query over graph files."""
    try:
        paths = list(graphs)
        if file is not None:
            try:
                sparql = file.read_text(encoding="utf-8")
            except OSError as error:
                raise InputError("cannot read query file", str(file)) from error
        else:
            if len(paths) < 2:
                raise InputError("give graph files then a query, or --file")
            sparql = paths.pop()
        if fmt not in ("table", "csv", "json"):
            raise InputError("unknown --format (use table, csv or json)", value=fmt)
        typer.echo(api.format_result(api.query(paths, sparql), fmt))
    except KgError as error:
        _fail(error)


@app.command("view")
def view_cli(
    graphs: list[Path] = typer.Argument(..., help="Graph files."),
    output: Path = typer.Option(..., "-o", "--output", help="HTML file to write."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title."),
) -> None:
    """Write an interactive, self-contained HTML view of the graph."""
    try:
        api.view(graphs, output, title)
        typer.echo(f"kg: view -> {output}", err=True)
    except KgError as error:
        _fail(error)


if __name__ == "__main__":  # pragma: no cover
    app()
