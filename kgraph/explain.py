"""Explain the edges between two countries in plain text, claim by claim, with evidence.

``explain(kg, "RUS", "Tajikistan")`` runs the shipped ``evidence`` query and renders each
relation with its supporting claims: modality, figures, speaker, date, article and the
sentence they come from; where the articles give different figures for the same period
(the shipped ``conflicting_figures`` query), the relation says so first, with the lowest
and highest figure and an article for each. Each article's provenance (source, title,
URL) is given once, at the top, and the claims refer to it by number. ``kgraph explain
GRAPH A B`` prints exactly this text.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal  # noqa: F401 - the doctest of _money
from typing import Any

from kgraph.api import counted
from kgraph.errors import KGraphError
from kgraph.model import RELATIONS
from kgraph.queries import cell_text, run_query, terminal_text

__all__ = ["explain", "format_explanation"]


def _text(row: Mapping[str, Any], key: str) -> str:
    """A value as text for a terminal: control characters in it (article text is written by strangers) left out."""
    return terminal_text(cell_text(row.get(key)))


def _amount(row: Mapping[str, Any]) -> str:
    if row.get("amountText"):
        return _text(row, "amountText")
    if row.get("value") is not None:
        return f"{_text(row, 'value')} {_text(row, 'currency')}".strip()
    return ""


def _money(value: Any, currency: str) -> str:
    """A figure for a person: "USD 1.5 billion", "EUR 250 million", "USD 12,000".

    Examples:
        >>> _money("1500000000", "USD"), _money(Decimal("250000000.0"), "EUR"), _money(12000, "USD")
        ('USD 1.5 billion', 'EUR 250 million', 'USD 12,000')
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"{currency} {cell_text(value)}".strip()
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= scale:
            return f"{currency} {number / scale:.4g} {word}".strip()
    return f"{currency} {number:,.0f}".strip()


def _conflict_line(row: Mapping[str, Any], width: int) -> str:
    period = f" for the period from {_text(row, 'period')}" if row.get("period") else " (no period given)"
    currency = _text(row, "currency")
    text = (f"  ! figures disagree{period}: {_money(row.get('low'), currency)} "
            f"(article {_text(row, 'lowArticle') or '?'}) to {_money(row.get('high'), currency)} "
            f"(article {_text(row, 'highArticle') or '?'}); {_text(row, 'figures') or '?'} figures "
            f"in {_text(row, 'articles') or '?'} articles")
    return textwrap.fill(text, width=width, subsequent_indent="    ")


_QUOTES = frozenset('"“”«»„‟')  # not the apostrophes: "Russia's" quotes no one


def _quoted(sentence: str) -> str:
    """The sentence in quotation marks, unless it has quotation marks of its own (it quotes someone).

    Examples:
        >>> _quoted("Russia and Tajikistan are allies."), _quoted("“Tajikistan is our ally.")
        ('“Russia and Tajikistan are allies.”', '“Tajikistan is our ally.')
    """
    if any(char in _QUOTES for char in sentence):
        return sentence
    return f"“{sentence}”"


def _article_line(number: int, row: Mapping[str, Any], width: int) -> str:
    """An article's provenance, given once: id, source, title, URL."""
    parts = [_text(row, "article") or "?"]
    parts += [_text(row, key) for key in ("source", "title", "url") if row.get(key)]
    return textwrap.fill(f"  [{number}] " + ", ".join(parts), width=width, subsequent_indent="      ")


def _claim_lines(row: Mapping[str, Any], article: int, width: int) -> list[str]:
    facts = [f"{_text(row, 'subjectId') or '?'} → {_text(row, 'objectId') or '?'}", _text(row, "modality")]
    if row.get("status"):
        facts.append(_text(row, "status"))
    facts += [_amount(row), _text(row, "percentText"), _text(row, "periodText")]
    if row.get("speakerName"):
        role = f" ({_text(row, 'speakerRole')})" if row.get("speakerRole") else ""
        facts.append(f"said by {_text(row, 'speakerName')}{role}")
    facts.append(_text(row, "date"))
    head = "  • " + ", ".join(f for f in facts if f) + f" [{article}]"
    lines = [textwrap.fill(head, width=width, subsequent_indent="    ")]
    sentence = " ".join(_text(row, "sentence").split())
    if sentence:
        lines.append(textwrap.fill(_quoted(sentence), width=width, initial_indent="    ", subsequent_indent="     "))
    return lines


def format_explanation(a: str, b: str, rows: Sequence[Mapping[str, Any]], *, width: int = 88,
                       conflicts: Sequence[Mapping[str, Any]] = (), limit: int | None = None) -> str:
    """Render rows of the ``evidence`` query as text for a person.

    The articles are listed once, numbered, and each claim refers to its article by
    number. ``conflicts`` are rows of the ``conflicting_figures`` query; those of the
    pair are shown under their relation. With ``limit``, each relation shows its most
    recent ``limit`` claims and says how many it leaves out.

    Examples:
        >>> row = {"relation": "ally", "subjectId": "RUS", "objectId": "TJK", "modality": "asserted",
        ...        "date": "2024-12-25", "article": "a1", "source": "Trend",
        ...        "sentence": "Russia and Tajikistan are allies."}
        >>> print(format_explanation("RUS", "TJK", [row]))
        RUS – TJK: 1 claim in 1 article
          [1] a1, Trend
        <BLANKLINE>
        ally (1 claim)
          • RUS → TJK, asserted, 2024-12-25 [1]
            “Russia and Tajikistan are allies.”
    """
    a, b = terminal_text(a), terminal_text(b)
    if not rows:
        return f"No claims link {a} and {b}."
    by_relation: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_relation[_text(row, "relation") or "?"].append(row)
    numbers: dict[str, int] = {}
    for row in rows:
        numbers.setdefault(_text(row, "article"), len(numbers) + 1)
    lines = [f"{a} – {b}: {counted(len(rows), 'claim')} in {counted(len(numbers), 'article')}"]
    shown: set[str] = set()
    for row in rows:
        if _text(row, "article") not in shown:
            shown.add(_text(row, "article"))
            lines.append(_article_line(numbers[_text(row, "article")], row, width))
    pair = {_text(r, "subjectId") for r in rows} | {_text(r, "objectId") for r in rows}
    for relation in sorted(by_relation):
        group = by_relation[relation]
        kept = group[-limit:] if limit is not None and limit < len(group) else group
        left_out = f", the {len(kept)} most recent shown" if len(kept) < len(group) else ""
        lines += ["", f"{relation} ({counted(len(group), 'claim')}{left_out})"]
        lines += [_conflict_line(c, width) for c in conflicts
                  if _text(c, "relation") == relation and {_text(c, "subjectId"), _text(c, "objectId")} == pair]
        for row in kept:
            lines += _claim_lines(row, numbers[_text(row, "article")], width)
    return "\n".join(lines)


def explain(kg: Any, a: str, b: str, *, relations: Sequence[str] = (), limit: int | None = None) -> str:
    """Every edge between two countries, with the claims and sentences behind it.

    Args:
        kg: A ``KnowledgeGraph`` (or anything ``run_query`` accepts).
        a: A country: ISO alpha-3 code, name or IRI (organizations work too).
        b: The other country.
        relations: Only these relations (all when empty).
        limit: At most this many claims per relation, the most recent.

    Returns:
        Text for a person; "No claims link A and B." when there are none.

    Raises:
        KGraphError: A party is not in the graph (close names are suggested), or a
            relation is unknown (the relations are listed).
    """
    unknown = [r for r in relations if r not in RELATIONS]
    if unknown:
        raise KGraphError(f"Can't find relation '{unknown[0]}'. Available: {', '.join(RELATIONS)}")
    if limit is not None and limit < 1:
        raise KGraphError(f"--limit {limit}: give at least 1")
    rows = run_query(kg, "evidence", a=a, b=b)
    if relations:
        rows = [r for r in rows if r.get("relation") in relations]
    conflicts = run_query(kg, "conflicting_figures", country=a) if rows else []
    return format_explanation(a, b, rows, conflicts=conflicts, limit=limit)
