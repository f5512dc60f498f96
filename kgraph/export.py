"""Graph exports for network tools: networkx, GEXF 1.3 (Gephi), GraphML, Gephi CSV; pictures and the explorer page.

``to_networkx`` reads the store once and every writer works from its result, so all
formats show the same nodes and edges: countries, organizations and leaders, and one
edge per (source, target, relation) with the number of supporting claims as weight.
Only asserted edges are exported (at least one supporting claim not negated, hedged
or future). Writers are atomic: they write a temporary file and rename it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import networkx as nx

from kgraph.errors import KGraphError, UnknownFormatError
from kgraph.model import SYMMETRIC
from kgraph.palette import OTHER_COLOR, PARTY_COLORS, hex_to_rgb, relation_color
from kgraph.picture import write_png, write_svg
from kgraph.io import atomic_write
from kgraph.store import select, write_atomic
from kgraph.vocab import sparql_prefixes

__all__ = [
    "EXPORT_FORMATS",
    "to_networkx",
    "edge_amounts_usd",
    "generate_gexf",
    "write_gexf",
    "write_graphml",
    "write_csv",
    "write_png",
    "write_svg",
    "write_html",
    "connected_only",
    "export",
    "export_format",
]

NETWORK_KINDS = ("actors", "claims")

_NODES = (
    sparql_prefixes()
    + """SELECT ?e ?id ?type ?label ?same ?lat ?lon ?countryId ?role WHERE {
  ?e kg:entityId ?id ; a ?type .
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e owl:sameAs ?same }
  OPTIONAL { ?e schema:latitude ?lat ; schema:longitude ?lon }
  OPTIONAL { ?e kg:country/kg:entityId ?countryId }
  OPTIONAL { ?e kg:role ?role }
}"""
)

_EDGES = (
    sparql_prefixes()
    + """SELECT ?edge ?s ?o ?relation ?claims ?asserted ?articles ?first ?last WHERE {
  ?edge a kg:Edge ; kg:edgeSubject ?s ; kg:edgeObject ?o ; kg:relation ?rel ;
        kg:supportCount ?claims ; kg:assertedCount ?asserted ; kg:articleCount ?articles .
  ?rel kg:relationName ?relation .
  FILTER(?asserted > 0)
  OPTIONAL { ?edge kg:firstDate ?first }
  OPTIONAL { ?edge kg:lastDate ?last }
}"""
)

_EDGE_CLAIMS = (
    sparql_prefixes()
    + """SELECT ?edge ?claim ?art ?value ?currency ?date WHERE {
  ?edge a kg:Edge ; kg:supportedBy ?claim .
  ?claim kg:modality "asserted" ; kg:amount ?am ; prov:wasDerivedFrom ?art .
  ?am schema:value ?value .
  OPTIONAL { ?am schema:currency ?currency }
  OPTIONAL { ?claim kg:claimDate ?cdate }
  OPTIONAL { ?art schema:datePublished ?adate }
  BIND(COALESCE(?cdate, ?adate) AS ?date)
}"""
)

_CLAIMS = (
    sparql_prefixes()
    + """SELECT ?claim ?s ?o ?relation ?modality ?date ?article ?speaker ?value ?currency ?sentence WHERE {
  ?claim a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:relation ?rel ; kg:modality ?modality ;
         prov:wasDerivedFrom ?art ; kg:evidence/nif:anchorOf ?sentence .
  ?rel kg:relationName ?relation .
  ?art kg:articleId ?article .
  OPTIONAL { ?claim kg:claimDate ?cdate }
  OPTIONAL { ?art schema:datePublished ?adate }
  BIND(COALESCE(?cdate, ?adate) AS ?date)
  OPTIONAL { ?claim prov:wasAttributedTo ?speaker }
  OPTIONAL { ?claim kg:amount ?am . ?am schema:value ?value . OPTIONAL { ?am schema:currency ?currency } }
}"""
)

_TYPES = {"Country": "Country", "Organization": "Organization", "Leader": "Leader", "Person": "Person"}


def _rows(kg: Any, query: str) -> list[dict[str, str | None]]:
    store = getattr(kg, "store", kg)
    solutions = select(store, query)
    names = [v.value for v in solutions.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in solutions]


def _coords_from_gazetteer(code: str) -> tuple[float, float] | None:
    from kgraph.gazetteer import load_gazetteer

    record = load_gazetteer().country(code)
    lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
    return (float(lat), float(lon)) if lat is not None and lon is not None else None


def _seats() -> dict[str, tuple[float, float]]:
    from kgraph.gazetteer import load_headquarters

    return load_headquarters()


def _nodes(kg: Any) -> dict[str, dict[str, Any]]:
    """Entity IRI -> node attributes (label, type, iso, qid, lat, lon, country, role)."""
    nodes: dict[str, dict[str, Any]] = {}
    for row in _rows(kg, _NODES):
        kind = (row["type"] or "").rsplit("#", 1)[-1]
        if kind not in _TYPES:
            continue
        iri = str(row["e"])
        node = nodes.setdefault(iri, {"id": row["id"], "type": kind})
        label = row["label"]
        if label and (not node.get("label") or node["label"] == node["id"]):
            node["label"] = label
        if row["same"] and "wikidata.org" in row["same"]:
            node["qid"] = row["same"].rsplit("/", 1)[-1]
        if row["lat"] is not None and row["lon"] is not None:
            node["lat"], node["lon"] = float(row["lat"]), float(row["lon"])
        if row["countryId"]:
            node["country"] = row["countryId"]
        if row["role"]:
            node["role"] = row["role"]
    for node in nodes.values():
        node.setdefault("label", node["id"])
        if node["type"] == "Country":
            node["iso"] = node["id"]
            if "lat" not in node:
                coords = _coords_from_gazetteer(node["id"])
                if coords:
                    node["lat"], node["lon"] = coords
    # Organizations at their seat (a store built before seats were written has none); leaders next to their country.
    by_code = {n["id"]: n for n in nodes.values() if n["type"] == "Country" and "lat" in n}
    for node in nodes.values():
        if "lat" in node:
            continue
        if node["type"] == "Organization" and node["id"] in _seats():
            node["lat"], node["lon"] = _seats()[node["id"]]
        elif node.get("country") in by_code:
            home = by_code[node["country"]]
            node["lat"], node["lon"] = home["lat"] - 1.5, home["lon"] + 1.5
    return nodes


def _org_positions(kg: Any, nodes: dict[str, dict[str, Any]]) -> None:
    query = sparql_prefixes() + "SELECT ?org ?m WHERE { ?org kg:hasMember ?m }"
    members: dict[str, list[str]] = defaultdict(list)
    for row in _rows(kg, query):
        members[str(row["org"])].append(str(row["m"]))
    for iri, node in nodes.items():
        if "lat" in node or iri not in members:
            continue
        coords = [(nodes[m]["lat"], nodes[m]["lon"]) for m in members[iri] if m in nodes and "lat" in nodes[m]]
        coords += [c for m in members[iri] if m not in nodes for c in [_coords_from_gazetteer(m.rsplit("/", 1)[-1])] if c]
        if coords:
            node["lat"] = sum(c[0] for c in coords) / len(coords)
            node["lon"] = sum(c[1] for c in coords) / len(coords)


def edge_amounts_usd(rows: Iterable[Mapping[str, str | None]]) -> dict[str, float]:
    """One US-dollar figure per edge, from the amounts of its asserted claims.

    Each amount is converted with ``convert_to_usd`` at the claim's date (its own date,
    else the article's), using approximate yearly rates; amounts in an unknown or
    missing currency are left out. Articles often repeat the same figure ("trade
    reached $1.5 billion"), so figures are never added up: each article counts with
    its largest figure, and the edge gets the figure of its most recent article (by
    date; undated articles count as oldest, and a tie goes to the larger figure).

    Args:
        rows: Rows with ``edge``, ``art``, ``value``, ``currency`` and ``date``
            (ISO date or None), one per claim with an amount.

    Returns:
        Edge IRI -> amount in USD; edges without a convertible amount are absent.

    Examples:
        >>> rows = [
        ...     {"edge": "e", "art": "a1", "value": "1.5e9", "currency": "USD", "date": "2024-03-01"},
        ...     {"edge": "e", "art": "a2", "value": "1.5e9", "currency": "USD", "date": "2024-06-15"},
        ...     {"edge": "e", "art": "a2", "value": "2e8", "currency": "USD", "date": "2024-06-15"},
        ...     {"edge": "f", "art": "a3", "value": "1e6", "currency": "EUR", "date": "2024-05-01"},
        ...     {"edge": "g", "art": "a3", "value": "1e6", "currency": None, "date": "2024-05-01"},
        ... ]
        >>> {k: round(v) for k, v in edge_amounts_usd(rows).items()}
        {'e': 1500000000, 'f': 1082251}
    """
    from kgraph.extract.figures import convert_to_usd
    from kgraph.model import Amount

    per_article: dict[tuple[str, str], tuple[str, float]] = {}
    for row in rows:
        if row.get("value") is None or row.get("currency") is None:
            continue
        date = dt.date.fromisoformat(str(row["date"])[:10]) if row.get("date") else None
        usd = convert_to_usd(Amount(float(str(row["value"])), str(row["currency"]), ""), on=date)
        if usd is None:
            continue
        key = (str(row["edge"]), str(row.get("art")))
        seen = per_article.get(key)
        day = date.isoformat() if date else ""
        if seen is None or (day, usd) > seen:
            per_article[key] = (day, usd)
    latest: dict[str, tuple[str, float]] = {}
    for (edge, _), figure in per_article.items():
        if edge not in latest or figure > latest[edge]:
            latest[edge] = figure
    return {edge: usd for edge, (_, usd) in latest.items()}


def to_networkx(kg: Any, kind: str = "actors") -> nx.MultiDiGraph | nx.DiGraph:
    """The graph as networkx.

    Args:
        kg: A ``KnowledgeGraph`` (or a pyoxigraph store).
        kind: "actors": a ``MultiDiGraph`` whose nodes are countries, organizations and
            leaders (keyed by ``kg:entityId``) and whose edges, keyed by relation name,
            carry ``relation``, ``weight`` (supporting claims), ``asserted``, ``articles``,
            ``amount_usd`` (the latest reported figure, see :func:`edge_amounts_usd`),
            ``first``/``last`` (dates) and
            ``symmetric``. "claims": a bipartite ``DiGraph`` of entities (bipartite=0)
            and claims (bipartite=1) linked by ``role`` subject/object/speaker.

    Raises:
        UnknownFormatError: Unknown ``kind``.
    """
    if kind not in NETWORK_KINDS:
        raise UnknownFormatError(kind, NETWORK_KINDS)
    nodes = _nodes(kg)
    _org_positions(kg, nodes)
    ids = {iri: n["id"] for iri, n in nodes.items()}

    def node_id(iri: str) -> str:
        return ids.get(iri) or iri.rsplit("/", 1)[-1]

    if kind == "claims":
        g = nx.DiGraph(kind="claims")
        for iri, node in nodes.items():
            g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"}, bipartite=0, iri=iri)
        for row in _rows(kg, _CLAIMS):
            cid = "claim:" + str(row["claim"]).rsplit("/", 1)[-1]
            g.add_node(
                cid,
                bipartite=1,
                type="Claim",
                label=f"{row['relation']} ({row['article']})",
                relation=row["relation"],
                modality=row["modality"],
                date=row["date"],
                article=row["article"],
                amount=float(row["value"]) if row["value"] else None,
                currency=row["currency"],
                sentence=row["sentence"],
                iri=row["claim"],
            )
            g.add_edge(node_id(str(row["s"])), cid, role="subject")
            g.add_edge(cid, node_id(str(row["o"])), role="object")
            if row["speaker"]:
                g.add_edge(node_id(row["speaker"]), cid, role="speaker")
        return g

    amounts = edge_amounts_usd(_rows(kg, _EDGE_CLAIMS))
    g = nx.MultiDiGraph(kind="actors")
    for iri, node in nodes.items():
        g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"}, iri=iri)
    for row in sorted(_rows(kg, _EDGES), key=lambda r: (str(r["s"]), str(r["relation"]), str(r["o"]))):
        s, o, relation = node_id(str(row["s"])), node_id(str(row["o"])), str(row["relation"])
        g.add_edge(
            s,
            o,
            key=relation,
            relation=relation,
            weight=int(row["claims"] or 0),
            asserted=int(row["asserted"] or 0),
            articles=int(row["articles"] or 0),
            amount_usd=amounts.get(str(row["edge"])),
            first=row["first"],
            last=row["last"],
            symmetric=relation in SYMMETRIC,
            iri=row["edge"],
        )
    return g


# --- GEXF -------------------------------------------------------------------------------

GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"

_NODE_ATTRS = (("type", "string"), ("iso", "string"), ("qid", "string"), ("country", "string"), ("role", "string"))
_EDGE_ATTRS = (
    ("relation", "string"),
    ("asserted", "integer"),
    ("articles", "integer"),
    ("amount_usd", "double"),
    ("first", "string"),
    ("last", "string"),
)


def _clean(value: Any) -> str | None:
    """A GEXF/GraphML/CSV-safe scalar: None stays None, lists joined, dates ISO, NaN dropped."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_clean(v) for v in value]
        return ";".join(i for i in items if i is not None)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return None if math.isnan(value) else repr(value)
    return str(value)


def _attvalues(attrs: Mapping[str, Any], spec: tuple[tuple[str, str], ...], indent: str) -> Iterator[str]:
    cleaned = [(i, _clean(attrs.get(name))) for i, (name, _) in enumerate(spec)]
    values = [(i, v) for i, v in cleaned if v]
    if not values:
        return
    yield f"{indent}<attvalues>"
    for i, v in values:
        yield f"{indent}  <attvalue for={quoteattr(str(i))} value={quoteattr(v)}/>"
    yield f"{indent}</attvalues>"


def _viz_color(color: str, indent: str) -> str:
    r, g, b = hex_to_rgb(color)
    return f'{indent}<viz:color r="{r}" g="{g}" b="{b}"/>'


def generate_gexf(graph: nx.MultiDiGraph, *, mode: str = "static") -> Iterator[str]:
    """GEXF 1.3 lines for an actors graph from :func:`to_networkx`.

    Nodes carry ``type``, ``iso``, ``qid`` attributes, a ``viz:position`` from
    longitude/latitude (x = 10·lon, y = 10·lat) when known and a ``viz:color`` by type.
    Edges carry a ``relation`` attribute (GEXF reserves ``type`` for directedness),
    ``weight`` = supporting claims, ``amount_usd``, ``first``/``last`` dates and the
    relation's ``viz:color`` (:mod:`kgraph.palette`); symmetric relations are ``mutual``
    edges. ``mode="dynamic"`` adds a spell [first, last] to each edge and from each
    node's first edge, for Gephi's timeline.

    Examples:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("RUS", label="Russia", type="Country", lat=60.0, lon=90.0)
        >>> g.add_node("TJK", label="Tajikistan", type="Country")
        >>> g.add_edge("RUS", "TJK", key="ally", relation="ally", weight=2, symmetric=True, first="2024-01-02")
        'ally'
        >>> lines = list(generate_gexf(g))
        >>> lines[0]
        '<?xml version="1.0" encoding="UTF-8"?>'
        >>> [line.strip() for line in lines if "<edge " in line]
        ['<edge id="0" source="RUS" target="TJK" type="mutual" label="ally" weight="2">']
    """
    if mode not in ("static", "dynamic"):
        raise UnknownFormatError(mode, ("static", "dynamic"))
    dynamic = mode == "dynamic"
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (
        f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{GEXF_VIZ_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">'
    )
    yield "  <meta>"
    yield "    <creator>kgraph</creator>"
    yield "    <description>Relations between countries, organizations and leaders, from news claims</description>"
    yield "  </meta>"
    timeformat = ' timeformat="date"' if dynamic else ""
    yield f'  <graph defaultedgetype="directed" mode="{mode}"{timeformat}>'
    yield '    <attributes class="node" mode="static">'
    for i, (name, kind) in enumerate(_NODE_ATTRS):
        yield f'      <attribute id="{i}" title="{name}" type="{kind}"/>'
    yield "    </attributes>"
    yield '    <attributes class="edge" mode="static">'
    for i, (name, kind) in enumerate(_EDGE_ATTRS):
        yield f'      <attribute id="{i}" title="{name}" type="{kind}"/>'
    yield "    </attributes>"
    first_seen: dict[str, str] = {}
    for u, v, data in graph.edges(data=True):
        first = _clean(data.get("first"))
        for n in (u, v):
            if first and (n not in first_seen or first < first_seen[n]):
                first_seen[n] = first
    yield "    <nodes>"
    for n, data in sorted(graph.nodes(data=True), key=lambda nd: str(nd[0])):
        label = _clean(data.get("label")) or str(n)
        yield f"      <node id={quoteattr(str(n))} label={quoteattr(label)}>"
        yield from _attvalues(data, _NODE_ATTRS, "        ")
        if dynamic and n in first_seen:
            yield f'        <spells><spell start="{first_seen[n]}"/></spells>'
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None and lon is not None:
            yield f'        <viz:position x="{float(lon) * 10:.3f}" y="{float(lat) * 10:.3f}" z="0.0"/>'
        yield _viz_color(PARTY_COLORS.get(str(data.get("type")), OTHER_COLOR), "        ")
        yield "      </node>"
    yield "    </nodes>"
    yield "    <edges>"
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for i, (u, v, key, data) in enumerate(edges):
        relation = _clean(data.get("relation")) or str(key)
        kind = "mutual" if data.get("symmetric") else "directed"
        weight = (_clean(float(data.get("weight") or 1)) or "1").removesuffix(".0")
        yield (
            f"      <edge id={quoteattr(str(i))} source={quoteattr(str(u))} target={quoteattr(str(v))} "
            f"type={quoteattr(kind)} label={quoteattr(relation)} weight={quoteattr(weight)}>"
        )
        yield from _attvalues({**data, "relation": relation}, _EDGE_ATTRS, "        ")
        yield _viz_color(relation_color(relation), "        ")
        first, last = _clean(data.get("first")), _clean(data.get("last"))
        if dynamic and first:
            end = f' end="{last}"' if last else ""
            yield f'        <spells><spell start="{first}"{end}/></spells>'
        yield "      </edge>"
    yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"


def connected_only(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without its parties that have no edge (a party can be in the store with no asserted relation)."""
    return graph.subgraph([n for n in graph if graph.degree(n) > 0]).copy()


def write_gexf(kg: Any, path: str | Path, *, mode: str = "static", all_nodes: bool = False) -> None:
    """Write the actors graph as GEXF 1.3 for Gephi (atomic).

    Args:
        kg: The graph.
        path: The file to write.
        mode: "static", or "dynamic" for date spells.
        all_nodes: Keep the parties with no asserted edge (left out by default).
    """
    graph = to_networkx(kg, "actors")
    if not all_nodes:
        graph = connected_only(graph)
    write_atomic(path, "\n".join(generate_gexf(graph, mode=mode)) + "\n")


# --- GraphML, CSV ------------------------------------------------------------------


def _sanitized(graph: nx.MultiDiGraph | nx.DiGraph) -> nx.MultiDiGraph | nx.DiGraph:
    """A copy with only str/int/float attribute values (GraphML and CSV need scalars)."""
    out = graph.__class__()
    out.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))})

    def clean(data: Mapping[str, Any]) -> dict[str, Any]:
        res: dict[str, Any] = {}
        for k, v in data.items():
            if v is None:
                continue
            if isinstance(v, bool):
                res[k] = v
            elif isinstance(v, (int, float)):
                if not (isinstance(v, float) and math.isnan(v)):
                    res[k] = v
            else:
                text = _clean(v)
                if text is not None:
                    res[k] = text
        return res

    for n, data in graph.nodes(data=True):
        out.add_node(n, **clean(data))
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            out.add_edge(u, v, key=key, **clean(data))
    else:
        for u, v, data in graph.edges(data=True):
            out.add_edge(u, v, **clean(data))
    return out


def write_graphml(kg: Any, path: str | Path, *, kind: str = "actors") -> None:
    """Write the graph as GraphML (atomic); attributes are sanitized to scalars."""
    graph = _sanitized(to_networkx(kg, kind))
    write_atomic(path, "\n".join(nx.generate_graphml(graph)) + "\n")


def _csv_paths(path: str | Path) -> tuple[Path, Path]:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return path.with_name(f"{path.stem}-nodes.csv"), path.with_name(f"{path.stem}-edges.csv")
    return path / "nodes.csv", path / "edges.csv"


def write_csv(kg: Any, path: str | Path) -> tuple[Path, Path]:
    """Write Gephi spreadsheet files: a nodes table and an edges table (atomic each).

    Args:
        kg: The graph.
        path: A directory (gets ``nodes.csv`` and ``edges.csv``) or ``NAME.csv``
            (gets ``NAME-nodes.csv`` and ``NAME-edges.csv``).

    Returns:
        The two paths written.
    """
    import csv

    graph = to_networkx(kg, "actors")
    nodes_path, edges_path = _csv_paths(path)
    node_cols = ["Id", "Label", "type", "iso", "qid", "country", "role", "lat", "lon"]
    with atomic_write(nodes_path, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(node_cols)
        for n, data in sorted(graph.nodes(data=True), key=lambda nd: str(nd[0])):
            writer.writerow(
                [n, _clean(data.get("label")) or n] + [_clean(data.get(c)) or "" for c in node_cols[2:]]
            )
    edge_cols = ["Source", "Target", "Type", "Id", "Label", "Weight", "relation", "Time Interval", "amount_usd", "first", "last"]
    with atomic_write(edges_path, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(edge_cols)
        edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
        for i, (u, v, key, data) in enumerate(edges):
            first, last = _clean(data.get("first")), _clean(data.get("last"))
            interval = f"<[{first}, {last or first}]>" if first else ""
            writer.writerow(
                [
                    u,
                    v,
                    "Undirected" if data.get("symmetric") else "Directed",
                    i,
                    key,
                    data.get("weight", 1),
                    data.get("relation", key),
                    interval,
                    _clean(data.get("amount_usd")) or "",
                    first or "",
                    last or "",
                ]
            )
    return nodes_path, edges_path


def _write_rdf(fmt: str) -> Callable[..., None]:
    def writer(kg: Any, path: str | Path) -> None:
        kg.write(path, fmt)

    writer.__name__ = f"write_{fmt}"
    writer.__doc__ = f"Write the graph as RDF ({fmt})."
    return writer


def write_gexf_dynamic(kg: Any, path: str | Path, *, all_nodes: bool = False) -> None:
    """Write GEXF 1.3 in dynamic mode (date spells for Gephi's timeline)."""
    write_gexf(kg, path, mode="dynamic", all_nodes=all_nodes)


def write_html(kg: Any, path: str | Path) -> None:
    """Write the graph explorer as one self-contained HTML file (see :mod:`kgraph.explorer`)."""
    from kgraph.explorer import write_html as write

    write(kg, path)


EXPORT_FORMATS: dict[str, Callable[..., Any]] = {
    "gexf": write_gexf,
    "gexf-dynamic": write_gexf_dynamic,
    "graphml": write_graphml,
    "csv": write_csv,
    "png": write_png,
    "svg": write_svg,
    "html": write_html,
    "ttl": _write_rdf("ttl"),
    "nt": _write_rdf("nt"),
    "nq": _write_rdf("nq"),
    "trig": _write_rdf("trig"),
    "jsonld": _write_rdf("jsonld"),
    "xml": _write_rdf("xml"),
}


# File extension -> export format, for a command line that is given only a file name.
EXTENSIONS: dict[str, str] = {
    ".gexf": "gexf", ".graphml": "graphml", ".csv": "csv", ".png": "png", ".svg": "svg", ".html": "html",
    ".htm": "html", ".ttl": "ttl", ".nt": "nt",
    ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld", ".json": "jsonld", ".xml": "xml", ".rdf": "xml",
    ".owl": "xml",
}


def export_format(path: str | Path, format: str | None = None) -> str:
    """The export format named by ``format`` or, failing that, by the extension of ``path``.

    Raises:
        UnknownFormatError: Neither names an export format (lists them).

    Examples:
        >>> export_format("out/graph.gexf"), export_format("g.json"), export_format("g.gexf", "gexf-dynamic")
        ('gexf', 'jsonld', 'gexf-dynamic')
        >>> export_format("graph.xlsx")
        Traceback (most recent call last):
        ...
        kgraph.errors.UnknownFormatError: Can't find format 'xlsx'. Available: csv, gexf, gexf-dynamic, ...
    """
    if format is not None:
        if format not in EXPORT_FORMATS:
            raise UnknownFormatError(format, EXPORT_FORMATS)
        return format
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise UnknownFormatError(suffix.lstrip(".") or Path(path).name, EXPORT_FORMATS)


def export(kg: Any, format: str, path: str | Path, **options: Any) -> Any:
    """Write ``kg`` to ``path`` in an export format (see :data:`EXPORT_FORMATS`).

    Args:
        kg: The graph.
        format: A key of :data:`EXPORT_FORMATS`.
        path: The file (or folder, for csv) to write.
        options: Options of that format's writer (``kind`` for png and svg, ``all_nodes``
            for gexf and gexf-dynamic).

    Raises:
        UnknownFormatError: ``format`` is not a key of :data:`EXPORT_FORMATS`.
        KGraphError: An option the format does not take.
    """
    import inspect

    try:
        writer = EXPORT_FORMATS[format]
    except KeyError:
        raise UnknownFormatError(format, EXPORT_FORMATS) from None
    accepted = inspect.signature(writer).parameters
    for name in options:
        if name not in accepted:
            takers = sorted(f for f, w in EXPORT_FORMATS.items() if name in inspect.signature(w).parameters)
            raise KGraphError(f"option {name!r} does not apply to the {format} format; it applies to: {', '.join(takers)}")
    return writer(kg, path, **options)
