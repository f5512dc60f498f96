"""The graph explorer: the graph on a world map in the browser, with the evidence behind each edge.

One page, two ways to get it:

* ``kgraph serve`` serves it at ``/``; the page reads the graph over SPARQL from the same
  server (the queries in ``explorer/queries/``), so it works on any store the server serves.
  Its files are served under ``/explorer/``; the SPARQL query page is at ``/sparql``.
* ``kgraph export GRAPH --format html`` writes the same page as one file, with the results
  of the same queries and every script embedded: it opens from ``file://`` with no server
  and no network.

The page runs sigma.js and graphology and draws Natural Earth's country outlines
(``world-atlas``), vendored in ``explorer/vendor/`` at pinned versions (see its
``manifest.json`` and ``scripts/vendor_explorer.py``): nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from kgraph.model import RELATIONS, SYMMETRIC
from kgraph.palette import PARTY_COLORS, RELATION_COLORS
from kgraph.vocab import PREFIXES

__all__ = [
    "Asset",
    "EXPLORER_QUERIES",
    "VENDOR_SCRIPTS",
    "explorer_data",
    "explorer_queries",
    "generate_html",
    "page_config",
    "render_explorer",
    "render_sparql_page",
    "route",
    "static_asset",
    "vendor_manifest",
    "write_html",
]

EXPLORER_QUERIES = ("nodes", "claims", "edge_claims", "amounts")
# Load order: graphology first (sigma renders its graphs), then sigma, the map decoder, the layout library.
VENDOR_SCRIPTS = ("graphology.umd.min.js", "sigma.min.js", "topojson-client.min.js", "graphology-library.min.js")
# The served page loads the layout library (a quarter of the scripts) only when the force layout is asked for.
_ON_DEMAND = frozenset({"graphology-library.min.js"})
WORLD = "countries-110m.json"
_OWN_FILES = ("explorer.js", "explorer.css")
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".json": "application/json", ".html": "text/html; charset=utf-8"}
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class Asset:
    """One HTTP answer of the explorer: status, content type and body."""

    status: int
    content_type: str
    body: bytes


def _package() -> Any:
    return files("kgraph.explorer")


def _read(*parts: str) -> str:
    return str(_package().joinpath(*parts).read_text(encoding="utf-8"))


def explorer_queries() -> dict[str, str]:
    """The explorer's SPARQL queries by name (``nodes``, ``claims``, ``edge_claims``, ``amounts``)."""
    return {name: _read("queries", f"{name}.rq") for name in EXPLORER_QUERIES}


def vendor_manifest() -> dict[str, dict[str, str]]:
    """The vendored files with their npm package, version, licence and SHA-256."""
    return dict(json.loads(_read("vendor", "manifest.json")))


def _shipped_queries() -> list[dict[str, str]]:
    from kgraph.queries import list_queries, load_query

    out = []
    for name, info in sorted(list_queries().items()):
        out.append({"name": name, "description": info.description, "params": " ".join(info.params),
                    "text": load_query(name)[1]})
    return out


def page_config(*, embedded: bool = False) -> dict[str, Any]:
    """What the page needs besides the graph: queries, palette, relations, where the endpoint is."""
    return {
        "embedded": embedded,
        "endpoint": "/query",
        "sparqlPage": "/sparql",
        "queries": explorer_queries(),
        "relations": list(RELATIONS),
        "symmetric": sorted(SYMMETRIC),
        "relationColors": dict(RELATION_COLORS),
        "partyColors": dict(PARTY_COLORS),
        "world": f"/explorer/vendor/{WORLD}",
        "layoutLibrary": "/explorer/vendor/graphology-library.min.js",
    }


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _inline_script(text: str) -> str:
    if re.search(r"</script|<!--", text, re.IGNORECASE):  # would end the element early
        raise ValueError("a vendored script contains '</script' or '<!--' and cannot be inlined")
    return f"<script>{text}</script>"


def render_explorer(*, data: Mapping[str, Any] | None = None) -> str:
    """The explorer page.

    Args:
        data: None for the served page (scripts and map data linked under ``/explorer/``,
            the graph read over SPARQL); the results of :func:`explorer_data` for a
            self-contained page (everything inline, nothing fetched).
    """
    template = _read("static", "explorer.html")
    config = page_config(embedded=data is not None)
    if data is not None:  # no server, no query page
        template = template.replace('<a class="tab" id="sparql-tab" href="/sparql">SPARQL</a>', "")
    if data is None:
        styles = '<link rel="stylesheet" href="/explorer/explorer.css">'
        scripts = "\n".join(f'<script src="/explorer/vendor/{name}"></script>'
                            for name in VENDOR_SCRIPTS if name not in _ON_DEMAND)
        scripts += '\n<script src="/explorer/explorer.js"></script>'
        payload = ""
    else:
        styles = f"<style>{_read('static', 'explorer.css')}</style>"
        scripts = "\n".join(_inline_script(_read("vendor", name)) for name in VENDOR_SCRIPTS)
        scripts += "\n" + _inline_script(_read("static", "explorer.js"))
        world = _read("vendor", WORLD)
        payload = (f'<script type="application/json" id="kg-world">{_script_json(json.loads(world))}</script>\n'
                   f'<script type="application/json" id="kg-data">{_script_json(data)}</script>')
    config_tag = f'<script type="application/json" id="kg-config">{_script_json(config)}</script>'
    return (template.replace("<!--kg:styles-->", styles)
            .replace("<!--kg:data-->", config_tag + ("\n" + payload if payload else ""))
            .replace("<!--kg:scripts-->", scripts))


def render_sparql_page() -> str:
    """The SPARQL query page (YASGUI, as Oxigraph ships it) titled kgraph, with the prefixes and shipped queries."""
    config = {"endpoint": "/query", "prefixes": PREFIXES, "queries": _shipped_queries()}
    return _read("static", "sparql.html").replace(
        "<!--kg:data-->", f'<script type="application/json" id="kg-config">{_script_json(config)}</script>')


def static_asset(path: str) -> Asset | None:
    """The explorer's own file or a vendored one for a URL path under ``/explorer/``, else None."""
    parts = path.split("?", 1)[0].split("/")
    if parts[:2] != ["", "explorer"]:
        return None
    rest = parts[2:]
    if len(rest) == 1 and rest[0] in _OWN_FILES:
        folder, name = "static", rest[0]
    elif len(rest) == 2 and rest[0] == "vendor" and _SAFE_NAME.match(rest[1]) and rest[1] in vendor_manifest():
        folder, name = "vendor", rest[1]
    else:
        return Asset(404, _TYPES[".html"], b"not found\n")
    suffix = name[name.rfind("."):]
    return Asset(200, _TYPES.get(suffix, "application/octet-stream"), _package().joinpath(folder, name).read_bytes())


def route(method: str, path: str) -> Asset | None:
    """The explorer's answer to a request, or None when the SPARQL server should answer it.

    ``/`` is the explorer, ``/sparql`` (a GET without a query string) the query page and
    ``/explorer/...`` their files; everything else, ``/query`` included, goes to the server.

    Examples:
        >>> route("GET", "/").content_type
        'text/html; charset=utf-8'
        >>> route("GET", "/query?query=ASK%7B%7D") is None
        True
        >>> route("GET", "/explorer/../../etc/passwd").status
        404
    """
    if method not in ("GET", "HEAD"):
        return None
    if path in ("/", "/index.html"):
        return Asset(200, _TYPES[".html"], render_explorer().encode("utf-8"))
    if path in ("/sparql", "/sparql/"):
        return Asset(200, _TYPES[".html"], render_sparql_page().encode("utf-8"))
    return static_asset(path)


def _results(kg: Any, query: str) -> dict[str, Any]:
    """A query's answer as ``{"vars": [...], "rows": [[value or None, ...], ...]}`` (plain strings)."""
    from kgraph.store import select

    store = getattr(kg, "store", kg)
    solutions = select(store, query)
    names = [v.value for v in solutions.variables]
    rows = [[(row[n].value if row[n] is not None else None) for n in names] for row in solutions]
    return {"vars": names, "rows": rows}


def explorer_data(kg: Any) -> dict[str, Any]:
    """The answers of every explorer query over the whole graph, for a self-contained page.

    Args:
        kg: A ``KnowledgeGraph`` (or a pyoxigraph store).
    """
    return {"results": {name: _results(kg, text) for name, text in explorer_queries().items()}}


def generate_html(kg: Any) -> str:
    """The explorer as one self-contained HTML page with the graph embedded."""
    return render_explorer(data=explorer_data(kg))


def write_html(kg: Any, path: Any) -> None:
    """Write the self-contained explorer page (atomic): open it from ``file://``, no server needed."""
    from kgraph.store import write_atomic

    write_atomic(path, generate_html(kg))
