"""Named SPARQL queries shipped with kgraph, and running them with bound parameters.

Each ``kgraph/queries/<name>.rq`` starts with a header::

    # name: partners
    # description: Partners of a country, by relation, with support counts.
    # params: ?country ?relation

Parameters are passed as keyword bindings and always optional (an unbound parameter
means "any"). Values are turned into RDF terms by kind, never pasted into the text:
``?country``, ``?partner``, ``?a``, ``?b``, ``?org``, ``?leader`` take an ISO alpha-3
code ("RUS"), an acronym ("EU"), a name ("Russia") or an IRI; ``?relation`` a relation
name ("trade_partner"); ``?date`` an ISO date; anything else a plain string. The terms
go into a ``VALUES`` block at the top of the query's outer ``WHERE``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, QueryResultsFormat, Store

from kgraph.errors import KGraphError, QuerySyntaxError, UnknownFormatError, UnknownQueryError
from kgraph.model import RELATIONS
from kgraph.store import select
from kgraph.vocab import RELATION_TERMS, XSD, sparql_prefixes

__all__ = ["QueryInfo", "list_queries", "load_query", "run_query", "format_rows", "ROW_FORMATS", "parse_header"]

ROW_FORMATS = ("table", "csv", "tsv", "json")
ENTITY_PARAMS = frozenset({"country", "partner", "a", "b", "org", "leader", "entity", "subject", "object"})

_HEADER = re.compile(r"^#\s*(name|description|params)\s*:\s*(.*?)\s*$", re.MULTILINE)
_WHERE = re.compile(r"^(?!\s*#).*?\bWHERE\s*\{", re.IGNORECASE | re.MULTILINE)
_MARKER = re.compile(r"^[ \t]*#[ \t]*@values[ \t]*$", re.MULTILINE)

_RESOLVE = (
    sparql_prefixes()
    + """SELECT ?e ?q WHERE {
  { ?e kg:entityId ?v } UNION { ?e rdfs:label ?v } UNION { ?e kg:iso3 ?v }
  FILTER(LCASE(STR(?v)) = LCASE(STR(?q)))
} LIMIT 5"""
)


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A shipped query: its name, one-line description, parameters and file."""

    name: str
    description: str
    params: tuple[str, ...]
    path: str


def parse_header(text: str, default_name: str = "query") -> QueryInfo:
    """Read the ``# name / description / params`` header of a query.

    Examples:
        >>> parse_header("# name: q\\n# description: Test.\\n# params: ?country ?date\\nSELECT * WHERE {}")
        QueryInfo(name='q', description='Test.', params=('country', 'date'), path='')
    """
    fields = {k: v for k, v in _HEADER.findall(text)}
    params = tuple(p.lstrip("?") for p in fields.get("params", "").split() if p.startswith("?"))
    return QueryInfo(fields.get("name", default_name), fields.get("description", ""), params, "")


def list_queries() -> dict[str, QueryInfo]:
    """The shipped queries by name, read from the package data."""
    out: dict[str, QueryInfo] = {}
    for entry in sorted(files("kgraph").joinpath("queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        info = parse_header(entry.read_text(encoding="utf-8"), entry.name[:-3])
        out[info.name] = QueryInfo(info.name, info.description, info.params, str(entry))
    return out


def load_query(name_or_path: str | Path) -> tuple[QueryInfo, str]:
    """A query's header and text, from a shipped name, a ``.rq`` path or SPARQL text.

    Raises:
        UnknownQueryError: A bare name that is no shipped query (lists the names).
    """
    text = str(name_or_path)
    if "{" in text:  # SPARQL text
        return parse_header(text, "query"), text
    path = Path(text)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise KGraphError(f"{path}: no such query file")
        body = path.read_text(encoding="utf-8")
        info = parse_header(body, path.stem)
        return QueryInfo(info.name, info.description, info.params, str(path)), body
    queries = list_queries()
    if text not in queries:
        raise UnknownQueryError(text, queries)
    info = queries[text]
    return info, Path(info.path).read_text(encoding="utf-8")


def _term_text(term: Any) -> str:
    return str(term)


def _relation_literal(value: str) -> Literal:
    name = value.rsplit("#", 1)[-1].removeprefix("kg:")
    if name not in RELATION_TERMS:
        by_term = {v: k for k, v in RELATION_TERMS.items()}
        if name not in by_term:
            raise KGraphError(f"Can't find relation '{value}'. Available: {', '.join(RELATIONS)}")
        name = by_term[name]
    return Literal(name)


def _select(target: Any, text: str) -> list[dict[str, Any]]:
    """Run SELECT text on a pyoxigraph store or an rdflib graph; rows of native terms."""
    if isinstance(target, Store):
        try:
            solutions = select(target, text)
        except SyntaxError as ex:
            raise QuerySyntaxError(_one_line(ex)) from ex
        names = [v.value for v in solutions.variables]
        return [{n: row[n] for n in names} for row in solutions]
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as ex:  # pyparsing raises its own ParseException
        raise QuerySyntaxError(_one_line(ex)) from ex
    result = target.query(prepared)
    names = [str(v) for v in result.vars or ()]
    return [{n: row[n] for n in names} for row in result]


def _select_text(store: Store, text: str) -> list[dict[str, str]]:
    """Run SELECT text on a pyoxigraph store; rows of lexical values ("" when unbound).

    The solutions are serialized as SPARQL CSV by Oxigraph and read back with ``csv``:
    on results of thousands of rows this is several times faster than reading each
    term of each solution from Python. CSV carries the lexical value of IRIs and
    literals, as ``term.value`` does; a blank node comes back as ``_:label``.
    """
    try:
        solutions = select(store, text)
    except SyntaxError as ex:
        raise QuerySyntaxError(_one_line(ex)) from ex
    data = solutions.serialize(format=QueryResultsFormat.CSV) or b""
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    names = next(reader, [])
    return [dict(zip(names, row)) for row in reader]


def _one_line(ex: Exception) -> str:
    lines = [line.strip() for line in str(ex).splitlines() if line.strip()]
    return "SPARQL syntax error: " + (lines[0] if lines else type(ex).__name__)


def _resolve_entity(target: Any, value: str, param: str) -> NamedNode:
    if re.match(r"^(https?|urn):", value):
        return NamedNode(value)
    query = _RESOLVE.replace("WHERE {", "WHERE {\n  VALUES ?q { " + _term_text(Literal(value)) + " }", 1)
    rows = _select(target, query)
    iris = sorted({str(getattr(r["e"], "value", r["e"])) for r in rows if r["e"] is not None})
    if iris:
        return NamedNode(iris[0])
    alias = _gazetteer_alias(value)
    if alias is not None and alias != value:
        return _resolve_entity(target, alias, param)
    raise KGraphError(f"Can't find {param} '{value}' in the graph: give an ISO alpha-3 code, an acronym or a name")


def _gazetteer_alias(value: str) -> str | None:
    """The id the gazetteer gives a name, alias, capital or demonym ("Moscow" -> "RUS")."""
    from kgraph.rdf import _gazetteer

    gaz = _gazetteer()
    lookup = getattr(gaz, "lookup", None)
    if lookup is None:
        return None
    try:
        ids = sorted({form.id for form in lookup(value) if not getattr(form, "ambiguous", False)})
    except Exception:  # pragma: no cover - a broken gazetteer must not break queries
        return None
    return ids[0] if len(ids) == 1 else None


def to_terms(target: Any, bindings: Mapping[str, str]) -> dict[str, Any]:
    """Turn string bindings into RDF terms (pyoxigraph) by parameter kind."""
    out: dict[str, Any] = {}
    for name, value in bindings.items():
        if value is None or value == "":
            continue
        value = str(value)
        if name in ENTITY_PARAMS:
            out[name] = _resolve_entity(target, value, name)
        elif name == "relation":
            out[name] = _relation_literal(value)
        elif name == "date" or name.endswith("_date"):
            try:
                out[name] = Literal(dt.date.fromisoformat(value).isoformat(), datatype=NamedNode(XSD + "date"))
            except ValueError:
                raise KGraphError(f"?{name}: '{value}' is not an ISO date (YYYY-MM-DD)") from None
        elif re.fullmatch(r"-?\d+", value) and name in {"limit", "min", "min_claims", "rank"}:
            out[name] = Literal(value, datatype=NamedNode(XSD + "integer"))
        else:
            out[name] = Literal(value)
    return out


def bind_values(text: str, terms: Mapping[str, Any]) -> str:
    """Put one ``VALUES`` row binding ``terms`` at the top of the outer ``WHERE``.

    A query whose parameters live in sub-selects marks each place with a comment line
    ``# @values``; the block goes there instead (into every marked sub-select), so
    that each sub-select is restricted by the parameters before it aggregates.

    Examples:
        >>> print(bind_values("SELECT ?x WHERE { ?x ?p ?c }", {"c": Literal("RUS")}))
        SELECT ?x WHERE {
          VALUES (?c) { ("RUS") }
         ?x ?p ?c }
    """
    if not terms:
        return text
    names = " ".join(f"?{n}" for n in terms)
    row = " ".join(_term_text(t) for t in terms.values())
    if _MARKER.search(text) is not None:
        return _MARKER.sub(lambda m: f"  VALUES ({names}) {{ ({row}) }}", text)
    match = _WHERE.search(text)
    if match is None:
        raise QuerySyntaxError("SPARQL syntax error: bindings need a query with a WHERE clause")
    block = f"\n  VALUES ({names}) {{ ({row}) }}\n"
    return text[: match.end()] + block + text[match.end() :]


def _as_text(term: Any) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", None)
    if isinstance(value, str):
        return value
    return str(term)


def _target(graph_or_store: Any) -> Any:
    inner = getattr(graph_or_store, "store", None)
    if isinstance(inner, Store):
        return inner
    return graph_or_store


def run_query(graph_or_store: Any, query: str | Path, **bindings: str) -> list[dict[str, str]]:
    """Run a shipped query, a ``.rq`` file or SPARQL text, with bound parameters.

    Args:
        graph_or_store: A ``KnowledgeGraph``, a ``pyoxigraph.Store`` or an rdflib graph.
        query: A shipped query name (see :func:`list_queries`), a ``.rq`` path or text.
        **bindings: Parameter values as strings, e.g. ``country="RUS"``.

    Returns:
        One dict per solution, variable name -> lexical value ("" when unbound).

    Raises:
        UnknownQueryError: Unknown shipped query name.
        QuerySyntaxError: The query does not parse.
        KGraphError: A parameter the query does not take, or a value that does not resolve.
    """
    info, text = load_query(query)
    unknown = [k for k in bindings if info.params and k not in info.params]
    if unknown:
        raise KGraphError(
            f"Query '{info.name}' has no parameter '{unknown[0]}'. Available: {', '.join(info.params) or '(none)'}"
        )
    target = _target(graph_or_store)
    terms = to_terms(target, bindings)  # pyoxigraph terms print as SPARQL terms for either engine
    if isinstance(target, Store):
        return _select_text(target, bind_values(text, terms))
    rows = _select(target, bind_values(text, terms))
    return [{k: _as_text(v) for k, v in row.items()} for row in rows]


def format_rows(rows: Sequence[Mapping[str, str]], fmt: str = "table", *, max_width: int = 60) -> str:
    """Format query rows as an aligned text table, CSV, TSV or JSON.

    Args:
        rows: Rows as returned by :func:`run_query`.
        fmt: "table", "csv", "tsv" or "json".
        max_width: Table cells longer than this are cut with an ellipsis.

    Examples:
        >>> print(format_rows([{"country": "RUS", "n": "3"}, {"country": "TJK", "n": "12"}]))
        country  n
        -------  --
        RUS      3
        TJK      12
        >>> format_rows([{"a": "x,y"}], "csv")
        'a\\r\\n"x,y"\\r\\n'
    """
    if fmt not in ROW_FORMATS:
        raise UnknownFormatError(fmt, ROW_FORMATS)
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    if fmt == "json":
        return json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        dialect = "excel-tab" if fmt == "tsv" else "excel"
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", dialect=dialect)
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if not rows:
        return "(no results)"

    def cell(value: str) -> str:
        value = " ".join(str(value).split())
        return value if len(value) <= max_width else value[: max_width - 1] + "…"

    cells = [[cell(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


def prepare_check(text: str) -> None:
    """Parse a query with Oxigraph without running it (raises QuerySyntaxError)."""
    try:
        Store().query(text)
    except SyntaxError as ex:
        raise QuerySyntaxError(_one_line(ex)) from ex

