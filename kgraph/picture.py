"""Pictures of the graph: asserted relations on a world map, as PNG or SVG (matplotlib).

The picture is the explorer's map for a reader without a browser: countries at their
centroid and organizations at their seat on Natural Earth's outlines (Web Mercator),
one colour per relation from :mod:`kgraph.palette`, node size by number of partners,
the relations of one pair drawn as separate arcs, names for the largest hubs placed
where they overlap nothing, and a legend. Leaders and officials are folded into their
country (their claims count as the country's), unless ``kind="actors"`` keeps them as
nodes of their own.

``to_picture_graph`` (what to draw) and ``layout_picture`` (where) are pure; only
``write_png`` and ``write_svg`` touch the filesystem.
"""

from __future__ import annotations

import io
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.errors import UnknownFormatError
from kgraph.model import RELATIONS
from kgraph.palette import PARTY_COLORS, relation_color

__all__ = ["PICTURE_KINDS", "mercator", "to_picture_graph", "layout_picture", "draw_picture", "write_png", "write_svg"]

PICTURE_KINDS = ("countries", "actors")
_PEOPLE = ("Leader", "Person")
_MAP_Y = (-56.0, 78.0)  # latitudes shown: Antarctica and the far north left out
_SEATLESS_LAT = -50.0  # parties with no position (forums with no seat) sit in a row here


def mercator(lat: float) -> float:
    """Web Mercator's y in degrees for a latitude (clamped to ±85°), as the explorer draws it.

    Examples:
        >>> abs(mercator(0.0)) < 1e-9
        True
        >>> round(mercator(60.0), 1)
        75.5
    """
    phi = math.radians(max(-85.0, min(85.0, lat)))
    return math.degrees(math.log(math.tan(math.pi / 4 + phi / 2)))


@dataclass
class Picture:
    """What a picture shows: the folded graph, positions (x = longitude, y = Mercator y) and sizes."""

    graph: nx.MultiGraph
    pos: dict[str, tuple[float, float]] = field(default_factory=dict)
    partners: dict[str, int] = field(default_factory=dict)
    hidden_parties: int = 0
    folded: bool = True


def _home(graph: nx.MultiDiGraph, node: str, kind: str) -> str:
    data = graph.nodes[node]
    if kind == "countries" and data.get("type") in _PEOPLE and data.get("country") in graph:
        return str(data["country"])
    return node


def to_picture_graph(actors: nx.MultiDiGraph, kind: str = "countries") -> nx.MultiGraph:
    """The graph a picture draws, from :func:`kgraph.export.to_networkx`'s actors graph.

    Args:
        actors: The asserted edges between countries, organizations and people.
        kind: "countries" folds each leader or official into their country (their
            leader_of edges disappear, their other edges become the country's);
            "actors" keeps them.

    Returns:
        An undirected multigraph keyed by relation: one edge per pair and relation, with
        ``weight`` (supporting claims, summed over folded edges), ``relation`` and
        ``directions`` (the set of (source, target) it was stated in). Parties with no
        edge are left out.

    Raises:
        UnknownFormatError: Unknown ``kind``.

    Examples:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("RUS", type="Country"); g.add_node("TJK", type="Country")
        >>> g.add_node("putin", type="Leader", country="RUS"); g.add_node("UZB", type="Country")
        >>> _ = g.add_edge("putin", "RUS", key="leader_of", relation="leader_of", weight=3)
        >>> _ = g.add_edge("putin", "TJK", key="meeting", relation="meeting", weight=1)
        >>> _ = g.add_edge("RUS", "TJK", key="meeting", relation="meeting", weight=2)
        >>> p = to_picture_graph(g)
        >>> sorted(p.nodes), [(min(u, v), max(u, v), d["weight"]) for u, v, d in p.edges(data=True)]
        (['RUS', 'TJK'], [('RUS', 'TJK', 3)])
    """
    if kind not in PICTURE_KINDS:
        raise UnknownFormatError(kind, PICTURE_KINDS)
    out = nx.MultiGraph()
    for u, v, data in actors.edges(data=True):
        a, b = _home(actors, u, kind), _home(actors, v, kind)
        if a == b:
            continue
        relation = str(data.get("relation"))
        for n in (a, b):
            if n not in out:
                out.add_node(n, **actors.nodes[n])
        if out.has_edge(a, b, key=relation):
            edge = out.edges[a, b, relation]
            edge["weight"] += int(data.get("weight") or 1)
            edge["directions"].add((a, b))
        else:
            out.add_edge(a, b, key=relation, relation=relation, weight=int(data.get("weight") or 1),
                         directions={(a, b)}, symmetric=bool(data.get("symmetric")))
    return out


def _spread(points: dict[str, tuple[float, float]], radius: float) -> dict[str, tuple[float, float]]:
    """Parties at one seat (the UN bodies in New York) moved onto a small circle around it, in a fixed order."""
    groups: dict[tuple[float, float], list[str]] = defaultdict(list)
    for n, (x, y) in points.items():
        groups[(round(x, 1), round(y, 1))].append(n)
    out = dict(points)
    for members in groups.values():
        if len(members) < 2:
            continue
        for k, n in enumerate(sorted(members)):
            angle = 2 * math.pi * k / len(members)
            x, y = points[n]
            out[n] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return out


def layout_picture(graph: nx.MultiGraph, *, folded: bool = True) -> Picture:
    """Map positions and partner counts for a picture graph.

    A party without coordinates goes next to its country when it has one, else on a row
    below the map (forums without a seat, such as the G20).
    """
    raw: dict[str, tuple[float, float]] = {}
    seatless = 0
    for n, data in sorted(graph.nodes(data=True), key=lambda nd: str(nd[0])):
        if data.get("lat") is not None and data.get("lon") is not None:
            raw[n] = (float(data["lon"]), float(data["lat"]))
        elif data.get("country") in graph and graph.nodes[data["country"]].get("lat") is not None:
            home = graph.nodes[data["country"]]
            raw[n] = (float(home["lon"]) + 1.5, float(home["lat"]) - 1.5)
        else:
            raw[n] = (-160.0 + 9.0 * (seatless % 36), _SEATLESS_LAT)
            seatless += 1
    lonlat = _spread(raw, 1.2)
    pos = {n: (lon, mercator(lat)) for n, (lon, lat) in lonlat.items()}
    partners = {n: len(set(graph.neighbors(n))) for n in graph}
    return Picture(graph, pos, partners, folded=folded)


# --- the world outline ------------------------------------------------------------------


def _unwrap(ring: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian continues past ±180° instead of jumping across the map."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(ring):
        if i:
            jump = lon - ring[i - 1][0]
            shift += -360.0 if jump > 180 else 360.0 if jump < -180 else 0.0
        out.append((lon + shift, lat))
    return out


@lru_cache(maxsize=1)
def world_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Natural Earth's 1:110m country outlines (the explorer's vendored ``world-atlas`` TopoJSON), Antarctica left out.

    Each ring is a tuple of (longitude, latitude) points, decoded from the TopoJSON arcs
    (delta-encoded, quantized).
    """
    topology = json.loads(files("kgraph.explorer").joinpath("vendor", "countries-110m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: Iterable[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        return out

    rings = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == "010" or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue  # Antarctica
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        for polygon in polygons:
            for indices in polygon:
                rings.append(tuple(_unwrap(ring(indices))))
    return tuple(rings)


# --- drawing ---------------------------------------------------------------------------


def _extent(pos: Iterable[tuple[float, float]], aspect: float) -> tuple[float, float, float, float]:
    """The map window around the parties, widened to the axes' aspect ratio and at least 40° wide."""
    xs, ys = zip(*pos) if pos else ((-170.0, 180.0), (mercator(_MAP_Y[0]), mercator(_MAP_Y[1])))
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    width = max(x1 - x0, 40.0) * 1.12
    height = max(y1 - y0, 20.0) * 1.18
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - width / 2, cx + width / 2, cy - height / 2, cy + height / 2


def _node_size(partners: int) -> float:
    """Marker area in points² for a party with so many partners (the explorer's radius rule)."""
    return (4.0 + 2.2 * math.sqrt(partners)) ** 2


def _arcs(picture: Picture) -> list[tuple[str, str, dict[str, Any], float]]:
    """Each edge with its curvature: a pair's relations fan out, one arc each."""
    out = []
    by_pair: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, data in picture.graph.edges(keys=True, data=True):
        a, b = sorted((str(u), str(v)))
        by_pair[(a, b)].append((str(key), data))
    for (a, b), edges in by_pair.items():
        edges.sort(key=lambda e: RELATIONS.index(e[0]) if e[0] in RELATIONS else len(RELATIONS))
        n = len(edges)
        step = min(0.16, 0.9 / max(1, n - 1))  # seven relations of one pair still fit within ±0.45
        for i, (_, data) in enumerate(edges):
            out.append((a, b, data, step * (i - (n - 1) / 2)))
    out.sort(key=lambda e: e[2]["weight"])  # strong edges last, on top
    return out


def _place_labels(ax: Any, picture: Picture, names: list[str], renderer: Any) -> None:
    """Name the largest hubs where the name overlaps no other name and no marker: first fit of eight places."""
    from matplotlib.transforms import Bbox

    taken: list[Any] = []
    for n in picture.graph:
        x, y = ax.transData.transform(picture.pos[n])
        r = math.sqrt(_node_size(picture.partners.get(n, 0))) / 2 * renderer.points_to_pixels(1.0)
        taken.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
    offsets = ((1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top"))
    window = ax.get_window_extent(renderer)
    for n in names:
        near = math.sqrt(_node_size(picture.partners.get(n, 0))) / 2 + 2
        data = picture.graph.nodes[n]
        # an organization by its acronym: "EBRD", not "European Bank for Reconstruction and Development"
        text = str(n) if data.get("type") == "Organization" else str(data.get("label") or n)
        big = picture.partners.get(n, 0) >= 8
        # the eight places next to the marker first, then the same a little farther out (crowded regions)
        for (dx, dy, ha, va), r in [(o, r) for r in (near, near + 9) for o in offsets]:
            label = ax.annotate(text, picture.pos[n], xytext=(dx * r, dy * r), textcoords="offset points",
                                ha=ha, va=va, fontsize=9.5 if big else 8, fontweight="bold" if big else "normal",
                                color="#1f2933", zorder=6,
                                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.75})
            box = label.get_window_extent(renderer).expanded(1.04, 1.1)
            inside = window.contains(box.x0, box.y0) and window.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(t) for t in taken):
                taken.append(box)
                break
            label.remove()


def draw_picture(picture: Picture, *, title: str | None = None, size: tuple[float, float] = (16.0, 9.5),
                 labels: int | None = None) -> Any:
    """A matplotlib figure of the picture: map, arcs, markers, names and legend.

    Args:
        picture: From :func:`layout_picture`.
        title: The title; a description of what is drawn by default.
        size: Figure size in inches.
        labels: How many of the largest hubs to name (all parties of a small graph, 30 of a large one, by default).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    graph = picture.graph
    fig = plt.figure(figsize=size, facecolor="white")
    ax = fig.add_axes((0.01, 0.02, 0.78, 0.88))
    legend_ax = fig.add_axes((0.80, 0.02, 0.19, 0.88))
    legend_ax.set_axis_off()
    bbox = ax.get_position()
    aspect = (bbox.width * size[0]) / (bbox.height * size[1])
    x0, x1, y0, y1 = _extent(list(picture.pos.values()), aspect)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_facecolor("#eef3f8")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#c5d0db")
    rings = [[(lon, mercator(lat)) for lon, lat in ring] for ring in world_rings()]
    ax.add_collection(PolyCollection(rings, facecolors="white", edgecolors="#c5d0db", linewidths=0.5, zorder=1))

    heaviest = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    for a, b, data, rad in _arcs(picture):
        weight = data["weight"]
        width = 0.6 + 2.6 * math.log1p(weight) / math.log1p(max(heaviest, 2))
        alpha = 0.35 if weight == 1 else 0.8
        color = relation_color(data["relation"])
        directions = sorted(data["directions"])
        if data.get("symmetric"):
            (s, t), arrow = (a, b), "-"
        elif len(directions) == 2:
            (s, t), arrow = (a, b), "<|-|>"
        else:
            (s, t), arrow = directions[0], "-|>"
        sign = 1.0 if (s, t) == (a, b) else -1.0  # the same arc whichever way it points
        ax.add_patch(FancyArrowPatch(picture.pos[s], picture.pos[t], arrowstyle=arrow, mutation_scale=9,
                                     connectionstyle=f"arc3,rad={sign * rad:.3f}", color=color, lw=width,
                                     alpha=alpha, shrinkA=3, shrinkB=5, zorder=2 + min(weight, 50) / 100))
    nodes = sorted(graph.nodes(data=True), key=lambda nd: picture.partners.get(nd[0], 0))
    ax.scatter([picture.pos[n][0] for n, _ in nodes], [picture.pos[n][1] for n, _ in nodes],
               s=[_node_size(picture.partners.get(n, 0)) for n, _ in nodes],
               c=[PARTY_COLORS.get(str(d.get("type")), "#999999") for _, d in nodes],
               edgecolors="white", linewidths=0.8, zorder=4)

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's canvas
    hubs = sorted(graph, key=lambda n: (-picture.partners.get(n, 0), -graph.degree(n, weight="weight"), str(n)))
    count = labels if labels is not None else (len(hubs) if len(hubs) <= 30 else 30)
    _place_labels(ax, picture, hubs[:count], renderer)

    relations = [r for r in RELATIONS if any(d["relation"] == r for _, _, d in graph.edges(data=True))]
    per_relation = {r: sum(1 for _, _, d in graph.edges(data=True) if d["relation"] == r) for r in relations}
    handles = [Line2D([0], [0], color=relation_color(r), lw=3, label=f"{r.replace('_', ' ')} ({per_relation[r]})")
               for r in relations]
    legend = legend_ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=10,
                              title="relation (edges)", title_fontsize=10, alignment="left")
    legend_ax.add_artist(legend)
    kinds = [t for t in ("Country", "Organization", "Leader", "Person") if any(d.get("type") == t for _, d in graph.nodes(data=True))]
    sizes = [k for k in (1, 5, 20) if k <= max(picture.partners.values(), default=1)] or [1]
    marks = [Line2D([0], [0], marker="o", lw=0, markerfacecolor=PARTY_COLORS[t], markeredgecolor="white", markersize=9,
                    label=t.lower()) for t in kinds]
    marks += [Line2D([0], [0], marker="o", lw=0, markerfacecolor="#9aa5b1", markeredgecolor="white",
                     markersize=math.sqrt(_node_size(k)), label=f"{k} partner{'s' if k > 1 else ''}") for k in sizes]
    legend_ax.legend(handles=marks, loc="lower left", bbox_to_anchor=(0.0, 0.12), frameon=False, fontsize=10,
                     title="party, size by partners", title_fontsize=10, alignment="left", labelspacing=1.1)
    notes = ["Line width: supporting claims.", "Faint lines: a single claim.", "Arrows: who acts on whom."]
    if picture.folded:
        notes.append("Leaders and officials are\ncounted with their country.")
    legend_ax.text(0.0, 0.0, "\n".join(notes), fontsize=9, color="#52606d", va="bottom", transform=legend_ax.transAxes)
    if title is None:
        title = (f"{graph.number_of_edges():,} asserted relations between {graph.number_of_nodes():,} parties "
                 f"(countries, organizations{'' if picture.folded else ', leaders'})")
    fig.suptitle(title, x=0.01, y=0.975, ha="left", fontsize=14, color="#1f2933")
    return fig


def _picture(kg: Any, kind: str) -> Picture:
    from kgraph.export import to_networkx

    graph = to_picture_graph(to_networkx(kg, "actors"), kind)
    return layout_picture(graph, folded=kind == "countries")


def _save(kg: Any, path: str | Path, fmt: str, kind: str, dpi: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kgraph.store import write_atomic

    fig = draw_picture(_picture(kg, kind))
    try:
        buffer = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": "kgraph", "svg.fonttype": "none"}):
            fig.savefig(buffer, format=fmt, dpi=dpi, metadata={"Software": None} if fmt == "png" else {"Date": None})
        write_atomic(path, buffer.getvalue())
    finally:
        plt.close(fig)


def write_png(kg: Any, path: str | Path, *, kind: str = "countries", dpi: int = 110) -> None:
    """Draw the graph on a world map as PNG (atomic); see the module docstring for what it shows."""
    _save(kg, path, "png", kind, dpi)


def write_svg(kg: Any, path: str | Path, *, kind: str = "countries") -> None:
    """Draw the graph on a world map as SVG (atomic), text kept as text."""
    _save(kg, path, "svg", kind, 72)
