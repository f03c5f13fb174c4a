"""The ``kg`` command: parse arguments, call one library function, print.

Every error a user can fix is a ``KgError``; it is caught here alone, printed as
one line on stderr, and the process exits with its code.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from kg import api
from kg.errors import InputError, InputWarning, KgError
from kg.reader import parse_date

# Bugs show a plain traceback; rich's would print local variables, article text included.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Hadath: event knowledge graphs from Arabic news.")


def _fail(error: KgError) -> None:
    typer.echo(f"kg: error: {api.printable(error.message)}", err=True)
    raise typer.Exit(error.exit_code)


class _Problems:
    """Prints each problem with an input as a one-line warning on stderr and
    counts the records skipped for one, so the command can fail once the rest
    of the input has been processed."""

    def __init__(self) -> None:
        self.skipped = 0
        self.heard: set[str] = set()

    def __call__(self, problem: KgError | InputWarning) -> None:
        if isinstance(problem, KgError):
            self.skipped += 1
        self.heard.add(problem.where or "")
        typer.echo(f"kg: warning: {api.printable(problem.message)}", err=True)

    def check(self) -> None:
        if self.skipped:
            raise InputError(f"{self.skipped} unusable record(s) skipped (see the warnings above); "
                             "the other articles were processed")


def _published(value: Optional[str]) -> Optional[date]:
    return parse_date(value, "--published") if value else None


@app.command("build")
def build_cli(
    articles: list[Path] = typer.Argument(..., help="Articles (.txt, .html, .jsonl) or directories of them."),
    output: str = typer.Option(..., "-o", "--output", help="Graph file (.ttl .nt .jsonld .trig .nq .rdf), or - for Turtle on stdout."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for every article."),
    shards: Optional[int] = typer.Option(None, "--shards", help="Write N N-Quads files into the directory -o names, for bulk loading."),
) -> None:
    """Read articles and write their event knowledge graph."""
    problems = _Problems()
    try:
        if shards is not None:
            if output == "-":
                raise InputError("--shards writes files: give a directory with -o")
            names, docs = api.build_shards(articles, output, shards, _published(published), problems)
            typer.echo(f"kg: {len(docs)} article(s) -> {len(names)} shard(s) in {output}", err=True)
            problems.check()
            return
        graph, docs = api.build(articles, None if output == "-" else output, _published(published), problems)
        if output == "-":
            sys.stdout.write(api.turtle(graph))
        else:
            typer.echo(f"kg: {len(docs)} article(s), {len(graph)} triples -> {output}", err=True)
        problems.check()
    except KgError as error:
        _fail(error)


@app.command("ingest")
def ingest_cli(
    articles: list[Path] = typer.Argument(..., help="Articles (.txt, .html, .jsonl) or directories of them."),
    store: str = typer.Option(..., "--store", help="Store directory (made if missing), or a SPARQL 1.1 Query+Update endpoint URL."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for every article."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Extraction processes (default: one a CPU)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles a worker extracts together and the store writes at once (default 32)."),
) -> None:
    """Add articles to a store, each in its own named graph: new and changed ones are
    written, unchanged ones skipped; an interrupted run continues where it stopped."""
    from kg.progress import ProgressBar
    problems = _Problems()
    try:
        with ProgressBar(sys.stderr) as bar:
            report = api.ingest(articles, store, workers=workers, batch_size=batch_size,
                                published=_published(published), on_problem=problems, progress=bar.update)
        typer.echo(f"kg: {report.articles_seen} article(s): {report.written} written, "
                   f"{report.skipped_unchanged} unchanged, {len(report.failed)} failed; "
                   f"{report.triples_written} triples in {report.seconds:.1f} s "
                   f"({report.triples_per_second:,.0f} triples/s) -> {store}", err=True)
        for source, message in report.failed:
            if source not in problems.heard:
                typer.echo(f"kg: warning: {api.printable(message)}, {api.printable(source)}", err=True)
        if report.failed:
            raise InputError(f"{len(report.failed)} article(s) failed (see the warnings above); "
                             "the others were written")
    except KgError as error:
        _fail(error)
    except KeyboardInterrupt:
        typer.echo("kg: interrupted; every batch written so far is kept, run the same command to go on", err=True)
        raise typer.Exit(130)


@app.command("serve")
def serve_cli(
    store: str = typer.Option(..., "--store", help="Store directory made by kg ingest."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback unless you say otherwise: there is no authentication)."),
    port: int = typer.Option(8000, "--port", help="Port (0: any free one)."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is stopped (503)."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Rows a result may have; more are cut (X-SPARQL-MaxRows)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Query processes (default: one a CPU)."),
    quiet: bool = typer.Option(False, "--quiet", help="No access log."),
) -> None:
    """Serve a store read-only: a SPARQL 1.1 endpoint at /sparql and a query page at /."""
    from kg.serve import serve
    try:
        if timeout <= 0 or max_rows < 1:
            raise InputError("--timeout must be above 0 and --max-rows at least 1")
        serve(store, host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers,
              access_log=not quiet)
    except KgError as error:
        _fail(error)
    except KeyboardInterrupt:
        pass


@app.command("extract")
def extract_cli(
    articles: list[Path] = typer.Argument(..., help="Articles or directories."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
) -> None:
    """Print what was found in each article: entities, posts, events."""
    problems = _Problems()
    try:
        for doc in api.extract_articles(articles, _published(published), problems):
            typer.echo(api.describe(doc))
            typer.echo()
        problems.check()
    except KgError as error:
        _fail(error)


@app.command("query")
def query_cli(
    graphs: Optional[list[str]] = typer.Argument(None, help="Graph files, then the SPARQL query unless --file is given."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from this .rq file."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
    store: Optional[str] = typer.Option(None, "--store", help="Query this store (a directory made by kg ingest, or a SPARQL endpoint URL) instead of graph files."),
    graph: Optional[str] = typer.Option(None, "--graph", help="With --store: query one article's named graph (its IRI) instead of the union."),
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT query over graph files or a store."""
    try:
        paths = list(graphs or [])
        if file is not None:
            try:
                sparql = file.read_text(encoding="utf-8")
            except OSError as error:
                raise InputError(f"cannot read query file ({error.strerror or error})", str(file)) from error
            except UnicodeDecodeError as error:
                raise InputError(f"query file is not UTF-8 text (byte {error.start})", str(file)) from error
        else:
            if len(paths) < (1 if store else 2):
                raise InputError("give graph files (or --store) then a query, or --file")
            sparql = paths.pop()
        if fmt not in ("table", "csv", "json"):
            raise InputError("unknown --format (use table, csv or json)", value=fmt)
        typer.echo(api.format_result(api.query(paths, sparql, store=store, graph=graph), fmt))
    except KgError as error:
        _fail(error)


@app.command("view")
def view_cli(
    graphs: Optional[list[Path]] = typer.Argument(None, help="Graph files."),
    output: str = typer.Option(..., "-o", "--output", help="HTML file to write, or - for the page on stdout."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title."),
    store: Optional[str] = typer.Option(None, "--store", help="Read a store (a directory made by kg ingest, or a SPARQL endpoint URL) as well as or instead of files."),
    graph: Optional[str] = typer.Option(None, "--graph", help="With --store: one article's named graph (its IRI) instead of the union."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Draw only the neighbourhood of the entity with this name (any of its names)."),
    depth: Optional[int] = typer.Option(None, "--depth", help="Edges from the focus to draw (default 2)."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", help="Refuse a page with more nodes than this (default 5000)."),
    aggregate: bool = typer.Option(False, "--aggregate", help="Entities only: events and posts folded into counted edges; the most mentioned entities up to --max-nodes."),
) -> None:
    """Write an interactive, self-contained HTML view of the graph."""
    try:
        if depth is not None and focus is None:
            raise InputError("--depth needs --focus")
        if output == "-":
            sys.stdout.write(api.graph_view_html(graphs or [], title=title, focus=focus, depth=depth,
                                                 max_nodes=max_nodes, aggregate=aggregate, store=store, graph=graph))
            return
        api.graph_view(graphs or [], output, title=title, focus=focus, depth=depth, max_nodes=max_nodes,
                       aggregate=aggregate, store=store, graph=graph)
        typer.echo(f"kg: view -> {output}", err=True)
    except KgError as error:
        _fail(error)


@app.command("timeline")
def timeline_cli(
    graphs: Optional[list[Path]] = typer.Argument(None, help="Graph files."),
    output: str = typer.Option(..., "-o", "--output", help="HTML file to write, or - for the page on stdout."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title."),
    store: Optional[str] = typer.Option(None, "--store", help="Read a store (a directory made by kg ingest, or a SPARQL endpoint URL) as well as or instead of files."),
    graph: Optional[str] = typer.Option(None, "--graph", help="With --store: one article's named graph (its IRI) instead of the union."),
) -> None:
    """Write the events on a time axis, by participant or place, as one self-contained HTML page."""
    try:
        if output == "-":
            sys.stdout.write(api.timeline_html(graphs or [], title, store=store, graph=graph))
            return
        api.timeline(graphs or [], output, title, store=store, graph=graph)
        typer.echo(f"kg: timeline -> {output}", err=True)
    except KgError as error:
        _fail(error)


@app.command("export")
def export_cli(
    graphs: Optional[list[Path]] = typer.Argument(None, help="Graph files."),
    output: str = typer.Option(..., "-o", "--output",
                               help="graph.graphml, graph.gexf, graph.zip (CSV nodes and edges) or a directory/ for the CSV files."),
    store: Optional[str] = typer.Option(None, "--store", help="Read a store (a directory made by kg ingest, or a SPARQL endpoint URL) as well as or instead of files."),
    graph: Optional[str] = typer.Option(None, "--graph", help="With --store: one article's named graph (its IRI) instead of the union."),
) -> None:
    """Write the graph's nodes and edges for Gephi, yEd, Cytoscape or a spreadsheet."""
    try:
        written = api.export(graphs or [], output, store=store, graph=graph)
        typer.echo(f"kg: export -> {', '.join(str(path) for path in written)}", err=True)
    except KgError as error:
        _fail(error)


@app.command("eval")
def eval_cli(
    gold: list[Path] = typer.Argument(..., help="Gold JSON files (GUIDE section 3) or directories of them."),
    details: bool = typer.Option(False, "--details", help="Also list each article's misses and false alarms."),
    as_json: bool = typer.Option(False, "--json", help="Print everything as JSON: totals, per-article scores and findings."),
) -> None:
    """Build each gold file's article and score its graph against the gold file (GUIDE section 5)."""
    try:
        report = api.evaluate(gold).as_dict()
        if as_json:
            typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
            return
        typer.echo(_eval_tables(report))
        if details:
            for article in report["per_article"]:
                typer.echo()
                typer.echo(_eval_details(article))
    except KgError as error:
        _fail(error)


_LEVELS = (("entities", "entities by type"), ("events", "events by type"), ("arguments", "arguments by event type"))
_SCORE_HEADER = ["P", "R", "F1", "TP", "FP", "FN"]
_FINDING_ORDER = {"entity": 0, "event": 1, "argument": 2}


def _grid(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded by display width: the first (names) left-aligned, the numbers right-aligned."""
    widths = [max(api._width(cell) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        padded = [cell + " " * (w - api._width(cell)) if i == 0 else " " * (w - api._width(cell)) + cell
                  for i, (cell, w) in enumerate(zip(cells, widths))]
        return " | ".join(padded)

    return "\n".join([line(header), "-+-".join("-" * w for w in widths)] + [line(row) for row in rows])


def _score_row(name: str, counts: dict) -> list[str]:
    return [name, *(f"{counts[k]:.3f}" for k in ("precision", "recall", "f1")),
            *(str(counts[k]) for k in ("tp", "fp", "fn"))]


def _eval_tables(report: dict) -> str:
    """The totals per level, then per type within each level."""
    total, linking = report["total"], report["total"]["linking"]
    blocks = [f"{report['articles']} gold article(s)",
              _grid(["level", *_SCORE_HEADER], [_score_row(level, total[level]) for level, _ in _LEVELS]),
              f"linking: {linking['share']:.3f} ({linking['linked']} of {linking['linkable']} matched entities "
              f"with a gold Wikidata item)"]
    for level, title in _LEVELS:
        rows = [_score_row(type_name, counts) for type_name, counts in total[level]["by_type"].items()]
        if rows:
            blocks.append(f"{title}\n{_grid(['type', *_SCORE_HEADER], rows)}")
    rows = [[type_name, f"{share['share']:.3f}", str(share["linked"]), str(share["linkable"])]
            for type_name, share in linking["by_type"].items()]
    if rows:
        blocks.append(f"linking by entity type\n{_grid(['type', 'share', 'linked', 'of'], rows)}")
    return "\n\n".join(blocks)


def _eval_details(article: dict) -> str:
    """One article's misses and false alarms; Arabic text isolated (FSI..PDI) so a
    bidi terminal does not reorder the columns around it."""
    scores = article["scores"]
    lines = [f"# {article['gold']} ({article['article']})",
             "  " + "; ".join(f"{level} F1 {scores[level]['f1']:.3f}" for level, _ in _LEVELS)]
    findings = sorted(article["findings"], key=lambda f: _FINDING_ORDER[f["level"]])
    for finding in findings:
        text = f"{finding['event']}: {finding['text']}" if finding.get("event") else finding["text"]
        lines.append(f"  {finding['kind'] + ' ' + finding['level']:<20} {finding['type']:<13} \u2068{text}\u2069")
    if not findings:
        lines.append("  no misses, no false alarms")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    app()
