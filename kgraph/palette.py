"""The colours of relations and parties: one fixed palette for the explorer, the pictures and the GEXF.

A relation keeps its colour in every picture, whichever relations a graph happens to
hold, so a reader who learnt that red is conflict in one picture can read the next.
Hues follow the kind of relation: greens and blues for economic and diplomatic ties,
purple for military cooperation, oranges and reds for hostile ones, grey for leader_of.

Examples:
    >>> RELATION_COLORS["conflict"]
    '#d62728'
    >>> hex_to_rgb("#d62728")
    (214, 39, 40)
    >>> from kgraph.model import RELATIONS
    >>> set(RELATION_COLORS) == set(RELATIONS)
    True
"""

from __future__ import annotations

from kgraph.relations import GROUP_TERMS, REGISTRY

__all__ = ["RELATION_COLORS", "PARTY_COLORS", "OTHER_COLOR", "relation_color", "hex_to_rgb"]

# Each relation's colour is a column of the registry (kgraph/relations.py); listed by roll-up group.
RELATION_COLORS: dict[str, str] = {
    str(spec.relation.value): spec.color
    for spec in sorted(REGISTRY, key=lambda spec: list(GROUP_TERMS).index(spec.group))
}

PARTY_COLORS: dict[str, str] = {
    "Country": "#1d3557",
    "Organization": "#e07a1f",
    "Leader": "#6c757d",
    "Person": "#adb5bd",
}

OTHER_COLOR = "#999999"  # a relation a newer kgraph may add, until it gets its own colour


def relation_color(relation: str) -> str:
    """The relation's colour as ``#rrggbb`` (grey for an unknown relation)."""
    return RELATION_COLORS.get(relation, OTHER_COLOR)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` as a tuple of three 0-255 integers (GEXF's ``viz:color``)."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
