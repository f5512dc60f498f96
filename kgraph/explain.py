"""Explain the edges between two countries in plain text, claim by claim, with evidence.

``explain(kg, "RUS", "Tajikistan")`` runs the shipped ``evidence`` query and renders each
relation with its supporting claims: modality, figures, speaker, date, article and the
sentence they come from. ``kgraph explain GRAPH A B`` prints exactly this text.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from kgraph.queries import run_query

__all__ = ["explain", "format_explanation"]


def _amount(row: Mapping[str, str]) -> str:
    if row.get("amountText"):
        return row["amountText"]
    if row.get("value"):
        return f"{row['value']} {row.get('currency', '')}".strip()
    return ""


def format_explanation(a: str, b: str, rows: Sequence[Mapping[str, str]], *, width: int = 88) -> str:
    """Render rows of the ``evidence`` query as text for a person.

    Examples:
        >>> row = {"relation": "ally", "subjectId": "RUS", "objectId": "TJK", "modality": "asserted",
        ...        "date": "2024-12-25", "article": "a1", "sentence": "Russia and Tajikistan are allies."}
        >>> print(format_explanation("RUS", "TJK", [row]))
        RUS – TJK: 1 claim in 1 article
        <BLANKLINE>
        ally (1 claim)
          • RUS → TJK, asserted, 2024-12-25, article a1
            “Russia and Tajikistan are allies.”
    """
    if not rows:
        return f"No claims link {a} and {b}."
    by_relation: dict[str, list[Mapping[str, str]]] = defaultdict(list)
    for row in rows:
        by_relation[row.get("relation", "?")].append(row)
    articles = {r.get("article") for r in rows}
    plural = "s" if len(rows) != 1 else ""
    lines = [f"{a} – {b}: {len(rows)} claim{plural} in {len(articles)} article{'s' if len(articles) != 1 else ''}"]
    for relation in sorted(by_relation):
        group = by_relation[relation]
        lines += ["", f"{relation} ({len(group)} claim{'s' if len(group) != 1 else ''})"]
        for row in group:
            facts = [f"{row.get('subjectId', '?')} → {row.get('objectId', '?')}", row.get("modality", "")]
            if row.get("status"):
                facts.append(row["status"])
            if _amount(row):
                facts.append(_amount(row))
            if row.get("percentText"):
                facts.append(row["percentText"])
            if row.get("periodText"):
                facts.append(row["periodText"])
            if row.get("speakerName"):
                role = f" ({row['speakerRole']})" if row.get("speakerRole") else ""
                facts.append(f"said by {row['speakerName']}{role}")
            if row.get("date"):
                facts.append(row["date"])
            source = f"article {row.get('article', '?')}"
            if row.get("source"):
                source += f" ({row['source']})"
            facts.append(source)
            head = "  • " + ", ".join(f for f in facts if f)
            lines.append(textwrap.fill(head, width=width, subsequent_indent="    "))
            sentence = " ".join(row.get("sentence", "").split())
            if sentence:
                lines.append(textwrap.fill(f"“{sentence}”", width=width, initial_indent="    ", subsequent_indent="     "))
    return "\n".join(lines)


def explain(kg: Any, a: str, b: str) -> str:
    """Every edge between two countries, with the claims and sentences behind it.

    Args:
        kg: A ``KnowledgeGraph`` (or anything ``run_query`` accepts).
        a: A country: ISO alpha-3 code, name or IRI (organizations work too).
        b: The other country.

    Returns:
        Text for a person; "No claims link A and B." when there are none.
    """
    rows = run_query(kg, "evidence", a=a, b=b)
    return format_explanation(a, b, rows)
