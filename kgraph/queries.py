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
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, QueryResultsFormat, Store

from kgraph.errors import KGraphError, QuerySyntaxError, UnknownFormatError, UnknownQueryError
from kgraph.model import RELATIONS
from kgraph.store import select, store_read_error
from kgraph.vocab import NS, RELATION_TERMS, XSD, sparql_prefixes

__all__ = ["QueryInfo", "QueryRows", "list_queries", "load_query", "run_query", "format_rows", "cell_text",
           "literal_value", "tsv_value", "undefined_terms", "UndefinedTermWarning", "ROW_FORMATS", "parse_header",
           "terminal_text", "outbound_keyword"]

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


# What a keyword can hide in without being one: strings (the four kinds of the SPARQL
# grammar, long ones first), IRIs (no spaces inside, so "?a < ?b" is no IRI) and comments.
_NOT_KEYWORDS = re.compile(
    r'''"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'''
    r"""|'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|\#[^\n\r]*""",
    re.DOTALL,
)
# SERVICE (a query that calls another endpoint) and LOAD (an update that fetches a URL):
# the two ways a SPARQL request makes the server connect elsewhere. A name that only
# contains the word (?service, ex:service, service:x) is not the keyword.
_OUTBOUND = re.compile(r"(?<![\w?$:@])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)


def outbound_keyword(text: str) -> str | None:
    """"SERVICE" or "LOAD" when a SPARQL query or update would fetch from elsewhere, else None.

    A scan of the text outside its strings, IRIs and comments: it errs on the side of
    refusing (the word as a keyword anywhere), never of letting a request out.

    Examples:
        >>> outbound_keyword("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
        'SERVICE'
        >>> outbound_keyword('SELECT ?service WHERE { ?s ex:service "SERVICE <x>" } # SERVICE')
        >>> outbound_keyword("LOAD <http://x/data.ttl>")
        'LOAD'
    """
    match = _OUTBOUND.search(_NOT_KEYWORDS.sub(" ", text))
    return match.group(1).upper() if match else None


def refuse_outbound(text: str) -> None:
    """Raise if a query or update would make the engine fetch from another server.

    Raises:
        KGraphError: The text uses SERVICE or LOAD.
    """
    keyword = outbound_keyword(text)
    if keyword is not None:
        raise KGraphError(f"the query uses {keyword}, which makes a request to another server; refused "
                          "(kgraph query --allow-service allows it)")


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
    return _rdflib_select(target, text)[1]


def _rdflib_select(graph: Any, text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Run SELECT text on an rdflib graph: its variable names and rows of rdflib terms."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as ex:  # pyparsing raises its own ParseException
        raise QuerySyntaxError(_one_line(ex)) from ex
    result = graph.query(prepared)
    names = [str(v) for v in result.vars or ()]
    return names, [{n: row[n] for n in names} for row in result]


class UndefinedTermWarning(UserWarning):
    """A query uses a ``kg:`` term that kgraph's ontology does not define."""


class QueryRows(list[dict[str, Any]]):
    """The rows of a query (one dict per solution) and its ``columns``, known even when there is no row."""

    def __init__(self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)


_INTEGERS = frozenset(XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset((XSD + "double", XSD + "float"))


def literal_value(lexical: str, datatype: str | None) -> Any:
    """The Python value of a literal: int, Decimal, float, bool, date or datetime by its datatype, else the text.

    A lexical form that does not fit its datatype is kept as text.

    Examples:
        >>> XS = "http://www.w3.org/2001/XMLSchema#"
        >>> literal_value("29", XS + "integer"), literal_value("1.5", XS + "decimal"), literal_value("2E3", XS + "double")
        (29, Decimal('1.5'), 2000.0)
        >>> literal_value("2024-12-25", XS + "date"), literal_value("true", XS + "boolean"), literal_value("x", None)
        (datetime.date(2024, 12, 25), True, 'x')
    """
    try:
        if datatype in _INTEGERS:
            return int(lexical)
        if datatype == XSD + "decimal":
            return Decimal(lexical)
        if datatype in _FLOATS:
            return float(lexical)
        if datatype == XSD + "boolean":
            return lexical in ("true", "1")
        if datatype == XSD + "date":
            return dt.date.fromisoformat(lexical)
        if datatype == XSD + "dateTime":
            return dt.datetime.fromisoformat(lexical)
    except (ValueError, ArithmeticError):
        pass
    return lexical


# N-Triples string escapes, as SPARQL TSV results write literals.
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def char(m: re.Match[str]) -> str:
        code = m.group(1) or m.group(2)
        return chr(int(code, 16)) if code else _ESCAPED.get(m.group(3), m.group(3))

    return _ESCAPE.sub(char, text)


def tsv_value(cell: str) -> Any:
    """A term of SPARQL TSV results as Python: IRIs and strings as text, typed literals by type, None if empty.

    Examples:
        >>> tsv_value("<https://w3id.org/kgraph/id/country/RUS>"), tsv_value("29"), tsv_value("1.5"), tsv_value("")
        ('https://w3id.org/kgraph/id/country/RUS', 29, Decimal('1.5'), None)
        >>> tsv_value('"2024-12-25"^^<http://www.w3.org/2001/XMLSchema#date>'), tsv_value('"a\\tb"@en')
        (datetime.date(2024, 12, 25), 'a\\tb')
    """
    if not cell:
        return None
    first = cell[0]
    if first == "<":
        return cell[1:-1]
    if first == '"':
        end = cell.rfind('"')
        lexical = cell[1:end]
        if "\\" in lexical:
            lexical = _unescape(lexical)
        if cell.startswith("^^<", end + 1):
            return literal_value(lexical, cell[end + 4:-1])
        return lexical  # a plain or language-tagged string
    if first == "_":
        return cell  # a blank node, "_:label"
    if cell in ("true", "false"):
        return cell == "true"
    if "e" in cell or "E" in cell:  # the bare forms of xsd:double, xsd:decimal and xsd:integer
        return float(cell)
    return Decimal(cell) if "." in cell else int(cell)


def _select_values(store: Store, text: str) -> QueryRows:
    """Run SELECT text on a pyoxigraph store; rows of Python values (None when unbound).

    The solutions are serialized as SPARQL TSV results by Oxigraph and read back a line
    at a time: on results of thousands of rows this is several times faster than reading
    each term of each solution from Python (and as fast as reading CSV, which loses the
    datatypes); the escapes of N-Triples strings keep tabs and line breaks out of a line.
    """
    try:
        solutions = select(store, text)
    except SyntaxError as ex:
        raise QuerySyntaxError(_one_line(ex)) from ex
    lines = (solutions.serialize(format=QueryResultsFormat.TSV) or b"").decode("utf-8").split("\n")
    names = [name[1:] for name in lines[0].split("\t")] if lines[0] else []
    return QueryRows((dict(zip(names, map(tsv_value, line.split("\t")))) for line in lines[1:] if line), names)


def _one_line(ex: Exception) -> str:
    lines = [line.strip() for line in str(ex).splitlines() if line.strip()]
    return "SPARQL syntax error: " + (lines[0] if lines else type(ex).__name__)


def _resolve_entity(target: Any, value: str, param: str) -> NamedNode:
    if re.match(r"^(https?|urn):", value):
        try:
            return NamedNode(value)
        except ValueError as ex:
            raise KGraphError(f"?{param}: {value!r} is not a valid IRI ({ex})") from None
    query = _RESOLVE.replace("WHERE {", "WHERE {\n  VALUES ?q { " + _term_text(Literal(value)) + " }", 1)
    rows = _select(target, query)
    iris = sorted({str(getattr(r["e"], "value", r["e"])) for r in rows if r["e"] is not None})
    if iris:
        return NamedNode(iris[0])
    alias = _gazetteer_alias(value)
    if alias is not None and alias != value:
        return _resolve_entity(target, alias, param)
    kind = "leader" if param == "leader" else "party"
    close = _close_names(target, value)
    hint = f"; did you mean {', '.join(close)}?" if close else "."
    raise KGraphError(f"no {kind} named '{value}' in the graph (?{param}){hint} "
                      "Give an ISO alpha-3 code, an acronym or a name.")


_NAMES = (
    sparql_prefixes()
    + """SELECT ?id ?label WHERE { ?e kg:entityId ?id . OPTIONAL { ?e rdfs:label ?label } }"""
)


def _close_names(target: Any, value: str, n: int = 3) -> list[str]:
    """The graph's parties whose name or id is closest to ``value``, as "Name (ID)"."""
    import difflib

    names: dict[str, str] = {}
    for row in _select(target, _NAMES):
        ident = str(getattr(row["id"], "value", row["id"]))
        label = row["label"]
        label = str(getattr(label, "value", label)) if label is not None else ident
        names.setdefault(label.lower(), f"{label} ({ident})")
        names.setdefault(ident.lower(), f"{label} ({ident})")
    found = difflib.get_close_matches(value.lower(), list(names), n=n * 2, cutoff=0.6)
    return list(dict.fromkeys(names[key] for key in found))[:n]


def _gazetteer_alias(value: str) -> str | None:
    """The id the gazetteer gives a name, alias, capital or demonym ("Moscow" -> "RUS")."""
    from kgraph.gazetteer import load_gazetteer

    try:
        ids = sorted({form.id for form in load_gazetteer().lookup(value) if not getattr(form, "ambiguous", False)})
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


def _rdflib_value(term: Any) -> Any:
    """An rdflib term as :func:`literal_value` gives it (None when unbound)."""
    from rdflib import BNode
    from rdflib import Literal as RdflibLiteral

    if term is None:
        return None
    if isinstance(term, RdflibLiteral):
        return literal_value(str(term), str(term.datatype) if term.datatype is not None else None)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def _target(graph_or_store: Any) -> Any:
    inner = getattr(graph_or_store, "store", None)
    if isinstance(inner, Store):
        return inner
    return graph_or_store


def run_query(graph_or_store: Any, query: str | Path, *, allow_service: bool = False,
              **bindings: str) -> QueryRows:
    """Run a shipped query, a ``.rq`` file or SPARQL text, with bound parameters.

    Args:
        graph_or_store: A ``KnowledgeGraph``, a ``pyoxigraph.Store`` or an rdflib graph.
        query: A shipped query name (see :func:`list_queries`), a ``.rq`` path or text.
        allow_service: Let a ``SERVICE`` clause call another endpoint; refused by default,
            so that running a query never makes a request elsewhere.
        **bindings: Parameter values as strings, e.g. ``country="RUS"``.

    Returns:
        One dict per solution, variable name -> value: numbers as ``int``, ``Decimal`` or
        ``float``, dates as ``datetime.date``, booleans as ``bool``, IRIs and other
        literals as text, None when unbound; ``.columns`` names the variables.

    Raises:
        UnknownQueryError: Unknown shipped query name.
        QuerySyntaxError: The query does not parse.
        KGraphError: A parameter the query does not take, a value that does not resolve,
            a SERVICE clause (unless allowed), a SERVICE call that fails, or a store that
            cannot be read.
    """
    info, text = load_query(query)
    if not allow_service:
        refuse_outbound(text)
    for term, hint in undefined_terms(text):
        warnings.warn(f"the query uses {term}, which kgraph's ontology does not define, so it matches nothing"
                      + (f"; {hint}" if hint else ""), UndefinedTermWarning, stacklevel=2)
    unknown = [k for k in bindings if info.params and k not in info.params]
    if unknown:
        raise KGraphError(
            f"Query '{info.name}' has no parameter '{unknown[0]}'. Available: {', '.join(info.params) or '(none)'}"
        )
    target = _target(graph_or_store)
    try:
        terms = to_terms(target, bindings)  # pyoxigraph terms print as SPARQL terms for either engine
        if isinstance(target, Store):
            return _select_values(target, bind_values(text, terms))
        names, rows = _rdflib_select(target, bind_values(text, terms))
    except (OSError, RuntimeError) as ex:  # a SERVICE call that failed, a damaged store
        if isinstance(ex, OSError) and "corruption" not in str(ex).lower():
            raise KGraphError(f"the query failed: {' '.join(str(ex).split())[:300]}") from ex
        raise store_read_error(getattr(graph_or_store, "path", None), ex) from ex
    return QueryRows(({n: _rdflib_value(v) for n, v in row.items()} for row in rows), names)


def cell_text(value: Any) -> str:
    """A result value as text: "" for None, ISO dates, "true"/"false", numbers as written.

    Examples:
        >>> cell_text(None), cell_text(dt.date(2024, 1, 5)), cell_text(True), cell_text(Decimal("1.50"))
        ('', '2024-01-05', 'true', '1.50')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    """What JSON cannot hold as is: a Decimal as a number, a date as ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


# Characters a terminal would act on rather than show: C0 and C1 controls (ESC starts the
# sequences that recolour, move the cursor or retitle the window; 0x9b is a one-byte CSI) and
# the bidirectional overrides and isolates that reorder what follows. Article text is
# written by strangers, so none of them reaches a terminal. Tabs and line breaks become spaces.
_TERMINAL_CONTROLS: dict[int, str | None] = {
    code: None for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F,
                            *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}
_TERMINAL_CONTROLS.update({ord("\t"): " ", ord("\n"): " ", ord("\r"): " "})


def terminal_text(value: object) -> str:
    r"""A value made safe to print on a terminal: control characters removed, line breaks as spaces.

    Examples:
        >>> terminal_text("Russia\x1b]0;owned\x07 and \x1b[2JChina\nsigned")
        'Russia]0;owned and [2JChina signed'
    """
    return str(value).translate(_TERMINAL_CONTROLS)


def format_rows(rows: Sequence[Mapping[str, Any]], fmt: str = "table", *, max_width: int = 60) -> str:
    """Format query rows as an aligned text table, CSV, TSV or JSON.

    Args:
        rows: Rows as returned by :func:`run_query` (their ``columns``, when they have
            them, head CSV, TSV and table output even when there is no row).
        fmt: "table", "csv", "tsv" or "json".
        max_width: Table cells longer than this are cut with an ellipsis.

    The table is for a terminal: control characters are left out of its cells (see
    :func:`terminal_text`). CSV, TSV and JSON keep the values as they are.

    Examples:
        >>> print(format_rows([{"country": "RUS", "n": "3"}, {"country": "TJK", "n": "12"}]))
        country  n
        -------  --
        RUS      3
        TJK      12
        >>> format_rows([{"a": "x,y"}], "csv")
        'a\\r\\n"x,y"\\r\\n'
        >>> format_rows(QueryRows([], ["country", "n"]), "csv")
        'country,n\\r\\n'
        >>> print(format_rows([{"n": 29, "d": dt.date(2024, 1, 5), "x": None, "v": Decimal("1.5")}], "json"))
        [
          {
            "n": 29,
            "d": "2024-01-05",
            "x": null,
            "v": 1.5
          }
        ]
    """
    if fmt not in ROW_FORMATS:
        raise UnknownFormatError(fmt, ROW_FORMATS)
    columns: list[str] = list(getattr(rows, "columns", ()))
    for row in rows:
        columns += [k for k in row if k not in columns]
    if fmt == "json":
        return json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2, default=_json_value)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        dialect = "excel-tab" if fmt == "tsv" else "excel"
        writer = csv.writer(buf, dialect=dialect)
        writer.writerow(columns)  # the header even when there is no row
        writer.writerows([cell_text(r.get(c)) for c in columns] for r in rows)
        return buf.getvalue()
    if not rows:
        return "(no results)"

    def cell(value: Any) -> str:
        text = " ".join(terminal_text(cell_text(value)).split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
# IRIs (kept: they may hold a "#"), then strings and comments (dropped: their "kg:x" is no term).
_NOISE = re.compile(r'(<[^<>"{}|^`\\\s]*>)|"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
                    r'|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')


@lru_cache(maxsize=1)
def ontology_terms() -> frozenset[str]:
    """The local names of the terms ``ontology.ttl`` defines in the kg namespace ("tradePartner", "Claim")."""
    from kgraph.rdf import ontology_quads

    return frozenset(q.subject.value[len(NS):] for q in ontology_quads()
                     if isinstance(q.subject, NamedNode) and q.subject.value.startswith(NS))


def undefined_terms(text: str) -> list[tuple[str, str]]:
    """The ``kg:`` terms a query uses that the ontology does not define, each with a hint ("" when none).

    The RDF terms are camelCase (``kg:tradePartner``); the snake_case relation names
    (``trade_partner``) are the values of ``kg:relationName``. A query that writes
    ``kg:trade_partner`` runs, and silently matches nothing.

    Examples:
        >>> undefined_terms("PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT * WHERE { ?a kg:trade_partner ?b }")
        [('kg:trade_partner', "did you mean kg:tradePartner? Relation names such as 'trade_partner' are the values of kg:relationName")]
        >>> undefined_terms("PREFIX k: <https://w3id.org/kgraph/ns#> SELECT * WHERE { ?c a k:Claim ; k:relation ?r }")
        []
    """
    import difflib

    code = _NOISE.sub(lambda m: m.group(1) or " ", text)
    prefixes = [prefix or "" for prefix, ns in _PREFIX_DECL.findall(code) if ns == NS]
    code = _PREFIX_DECL.sub(" ", code)
    used = [m.group(1) for m in re.finditer(r"<" + re.escape(NS) + r"([^>\s]+)>", code)]
    for prefix in prefixes:
        used += re.findall(r"(?<![\w:?$])" + re.escape(prefix) + r":([A-Za-z_][\w-]*)", code)
    defined = ontology_terms()
    out = []
    for name in dict.fromkeys(used):
        if name in defined:
            continue
        if name in RELATION_TERMS and RELATION_TERMS[name] in defined:
            hint = (f"did you mean kg:{RELATION_TERMS[name]}? Relation names such as '{name}' are the values "
                    "of kg:relationName")
        else:
            close = difflib.get_close_matches(name, sorted(defined), n=1)
            hint = f"did you mean kg:{close[0]}?" if close else ""
        out.append((f"kg:{name}", hint))
    return out


def prepare_check(text: str) -> None:
    """Parse a query with Oxigraph without running it (raises QuerySyntaxError)."""
    try:
        Store().query(text)
    except SyntaxError as ex:
        raise QuerySyntaxError(_one_line(ex)) from ex

