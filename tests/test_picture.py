"""The map pictures (PNG, SVG): what they fold, where they place parties, how they draw a pair's relations,
their labels and legend, and one colour per relation everywhere (pictures, GEXF, explorer)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pytest  # noqa: E402

from kgraph.errors import KGraphError, UnknownFormatError  # noqa: E402
from kgraph.explorer import page_config  # noqa: E402
from kgraph.export import export, to_networkx  # noqa: E402
from kgraph.palette import RELATION_COLORS, hex_to_rgb  # noqa: E402
from kgraph.picture import _arcs, draw_picture, layout_picture, mercator, to_picture_graph, world_rings  # noqa: E402

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture(scope="module")
def kg(sample_kg):
    return sample_kg


def test_leaders_fold_into_their_country(kg):
    actors = to_networkx(kg, "actors")
    assert {"vladimir-putin", "emomali-rahmon"} <= set(actors)
    folded = to_picture_graph(actors)
    assert not {"vladimir-putin", "emomali-rahmon"} & set(folded)
    assert "leader_of" not in {d["relation"] for _, _, d in folded.edges(data=True)}
    kept = to_picture_graph(actors, "actors")
    assert "vladimir-putin" in kept and "leader_of" in {d["relation"] for _, _, d in kept.edges(data=True)}
    with pytest.raises(UnknownFormatError):
        to_picture_graph(actors, "people")


def test_folding_adds_up_the_support_of_a_leaders_edges():
    g = nx.MultiDiGraph()
    for n, t in (("RUS", "Country"), ("TJK", "Country"), ("putin", "Leader")):
        g.add_node(n, type=t, country="RUS" if n == "putin" else None)
    g.add_edge("putin", "TJK", key="meeting", relation="meeting", weight=2)
    g.add_edge("TJK", "RUS", key="meeting", relation="meeting", weight=1, symmetric=True)
    folded = to_picture_graph(g)
    (u, v, data), = folded.edges(data=True)
    assert {u, v} == {"RUS", "TJK"} and data["weight"] == 3


def test_parties_are_placed_on_the_map(kg):
    actors = to_networkx(kg, "actors")
    assert (actors.nodes["SCO"]["lat"], actors.nodes["SCO"]["lon"]) == (39.90, 116.40)  # its seat, Beijing
    picture = layout_picture(to_picture_graph(actors))
    assert picture.pos["RUS"] == pytest.approx((105.3, mercator(61.5)))
    assert picture.partners["TJK"] >= 2
    assert all(len(ring) >= 4 for ring in world_rings()) and len(world_rings()) > 200


def test_a_pairs_relations_are_drawn_apart(kg):
    picture = layout_picture(to_picture_graph(to_networkx(kg, "actors")))
    pair = [(rad, d["relation"]) for a, b, d, rad in _arcs(picture) if {a, b} == {"RUS", "TJK"}]
    assert len(pair) >= 3
    assert len({round(rad, 3) for rad, _ in pair}) == len(pair)  # no two arcs on top of each other


def test_labels_do_not_overlap_and_the_legend_names_each_relation(kg):
    picture = layout_picture(to_picture_graph(to_networkx(kg, "actors")))
    fig = draw_picture(picture)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        map_ax = fig.axes[0]
        labels = [t for t in map_ax.texts if t.get_text()]
        assert {"Russia", "Tajikistan"} <= {t.get_text() for t in labels}
        boxes = [t.get_window_extent(renderer) for t in labels]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.overlaps(b)
        legend_text = " ".join(t.get_text() for legend in fig.axes[1].findobj(matplotlib.legend.Legend)
                               for t in legend.get_texts())
        for relation in {d["relation"] for _, _, d in picture.graph.edges(data=True)}:
            assert relation.replace("_", " ") in legend_text
    finally:
        plt.close(fig)


def test_png_and_svg_are_written(kg, tmp_path):
    export(kg, "png", tmp_path / "g.png")
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    export(kg, "svg", tmp_path / "g.svg", kind="actors")
    svg = (tmp_path / "g.svg").read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "Vladimir Putin" in svg
    with pytest.raises(KGraphError, match="'kind' does not apply to the gexf format"):
        export(kg, "gexf", tmp_path / "g.gexf", kind="actors")


def test_one_colour_per_relation_in_pictures_gexf_and_explorer(kg, tmp_path):
    export(kg, "svg", tmp_path / "g.svg")
    svg = (tmp_path / "g.svg").read_text().lower()
    drawn = {d["relation"] for _, _, d in to_picture_graph(to_networkx(kg, "actors")).edges(data=True)}
    for relation in drawn:
        assert RELATION_COLORS[relation] in svg, relation
    export(kg, "gexf", tmp_path / "g.gexf")
    root = ET.parse(tmp_path / "g.gexf").getroot()
    for edge in root.iter(f"{GEXF}edge"):
        color = edge.find(f"{VIZ}color")
        assert (int(color.get("r")), int(color.get("g")), int(color.get("b"))) == hex_to_rgb(RELATION_COLORS[edge.get("label")])
    assert page_config()["relationColors"] == RELATION_COLORS
    assert len(set(RELATION_COLORS.values())) == len(RELATION_COLORS)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in RELATION_COLORS.values())


def test_gexf_leaves_out_parties_without_an_edge_unless_asked(kg, tmp_path):
    from kgraph.model import Article, Claim, Entity, Evidence

    art = Article("lonely", "Mongolia said nothing.")
    mng = Entity("Country", "MNG", "Mongolia")
    kg.add(art, [Claim("lonely", "ally", mng, Entity("Country", "RUS", "Russia"), Evidence(art.text, 0, 22), "test",
                       modality="negated")])
    try:
        export(kg, "gexf", tmp_path / "some.gexf")
        export(kg, "gexf", tmp_path / "all.gexf", all_nodes=True)
        some = {n.get("id") for n in ET.parse(tmp_path / "some.gexf").getroot().iter(f"{GEXF}node")}
        every = {n.get("id") for n in ET.parse(tmp_path / "all.gexf").getroot().iter(f"{GEXF}node")}
        assert "MNG" in every and "MNG" not in some and "RUS" in some
        for node in ET.parse(tmp_path / "some.gexf").getroot().iter(f"{GEXF}node"):
            assert node.find(f"{VIZ}position") is not None, node.get("id")  # organizations too
    finally:
        kg.remove("lonely")
