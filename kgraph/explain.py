"""Explain the edges between two countries in plain text, claim by claim, with evidence.

``explain(kg, "RUS", "Tajikistan")`` runs the shipped ``evidence`` query and renders each
relation with its supporting claims: modality, figures, speaker, date, article and the
sentence they come from; where the articles give different figures for the same period
(the shipped ``conflicting_figures`` query), the relation says so first, with the lowest
and highest figure and an article for each. ``kgraph explain GRAPH A B`` prints exactly
this text.
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


def _money(value: str, currency: str) -> str:
    """A figure for a person: "USD 1.5 billion", "EUR 250 million", "USD 12,000".

    Examples:
        >>> _money("1500000000", "USD"), _money("250000000.0", "EUR"), _money("12000", "USD")
        ('USD 1.5 billion', 'EUR 250 million', 'USD 12,000')
    """
    try:
        number = float(value)
    except ValueError:
        return f"{currency} {value}".strip()
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= scale:
            return f"{currency} {number / scale:.4g} {word}".strip()
    return f"{currency} {number:,.0f}".strip()


def _conflict_line(row: Mapping[str, str], width: int) -> str:
    period = f" for the period from {row['period']}" if row.get("period") else " (no period given)"
    text = (f"  ! figures disagree{period}: {_money(row.get('low', ''), row.get('currency', ''))} "
            f"(article {row.get('lowArticle', '?')}) to {_money(row.get('high', ''), row.get('currency', ''))} "
            f"(article {row.get('highArticle', '?')}); {row.get('figures', '?')} figures "
            f"in {row.get('articles', '?')} articles")
    return textwrap.fill(text, width=width, subsequent_indent="    ")


def format_explanation(a: str, b: str, rows: Sequence[Mapping[str, str]], *, width: int = 88,
                       conflicts: Sequence[Mapping[str, str]] = ()) -> str:
    """Render rows of the ``evidence`` query as text for a person.

    ``conflicts`` are rows of the ``conflicting_figures`` query; those of the pair are
    shown under their relation.

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
    pair = {r.get("subjectId") for r in rows} | {r.get("objectId") for r in rows}
    for relation in sorted(by_relation):
        group = by_relation[relation]
        lines += ["", f"{relation} ({len(group)} claim{'s' if len(group) != 1 else ''})"]
        lines += [_conflict_line(c, width) for c in conflicts
                  if c.get("relation") == relation and {c.get("subjectId"), c.get("objectId")} == pair]
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
    conflicts = run_query(kg, "conflicting_figures", country=a) if rows else []
    return format_explanation(a, b, rows, conflicts=conflicts)
