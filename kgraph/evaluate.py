"""Score extracted claims against hand-annotated gold facts (`kgraph eval`).

The same rules as the project's referee (eval/score.py): de-duplicated
(subject, relation, object) triples per document, unordered for symmetric relations,
only asserted claims; countries compared by ISO alpha-3 code, organizations by id,
leaders by the tokens of their name; amounts within 1.1 %, percentages within 0.05.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .extract.figures import parse_percent
from .io import ErrorHandler
from .model import RELATIONS, SYMMETRIC, Claim

PartyKey = tuple[str, Any]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text.lower().replace(".", "")).strip()


def _code_for(name: str) -> str:
    """A gold row's country or organization name -> code, through the gazetteer."""
    from .gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    country = gazetteer.country(name)
    if country is not None:
        return country.alpha3
    org = gazetteer.organization(name)
    if org is not None:
        return org.id
    for form in gazetteer.lookup(name):
        if not form.ambiguous:
            return form.id
    return _fold(name)


_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY_MARKS = (("us$", "USD"), ("$", "USD"), ("usd", "USD"), ("dollar", "USD"), ("£", "GBP"), ("gbp", "GBP"),
                   ("pound", "GBP"), ("€", "EUR"), ("eur", "EUR"), ("euro", "EUR"), ("¥", "JPY"), ("yen", "JPY"),
                   ("jpy", "JPY"), ("yuan", "CNY"), ("rmb", "CNY"), ("rupee", "INR"), ("rouble", "RUB"),
                   ("ruble", "RUB"))


def gold_amount(text: str | None) -> tuple[float, str | None] | None:
    """A gold row's amount span as the referee reads it: the first number, its scale, a currency mark.

    Gold amounts may be non-monetary ("more than 21 metric tons"); they still count, without a currency.

    Examples:
        >>> gold_amount("about $1.6 billion")
        (1600000000.0, 'USD')
        >>> gold_amount("more than 21 metric tons")
        (21.0, None)
    """
    if not text:
        return None
    low = text.lower()
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|bln|mln|bn|mn|tn|[mbk])?\b", low)
    if not m:
        return None
    value = float(m.group(1).replace(",", "")) * _SCALES.get(m.group(2) or "", 1.0)
    head = low[: m.end() + 12]
    return value, next((code for mark, code in _CURRENCY_MARKS if mark in head), None)


def party_key(name: str, kind: str, entity_id: str | None = None) -> PartyKey:
    if kind in ("Leader", "Person"):
        return ("person", frozenset(t for t in re.split(r"[\s\-]+", _fold(name)) if len(t) > 1))
    if entity_id:
        return ("place", entity_id.upper())
    return ("place", _code_for(name).upper())


def _same(a: PartyKey, b: PartyKey) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "person":
        small, big = sorted((a[1], b[1]), key=len)
        return bool(small) and small <= big
    return a[1] == b[1]


def _triple(relation: str, subject: PartyKey, obj: PartyKey) -> tuple:
    """A de-duplication key: unordered parties for symmetric relations."""
    if relation in SYMMETRIC:
        return (relation, frozenset([subject, obj]))
    return (relation, (subject, obj))


def _matches(gold: tuple, pred: tuple) -> bool:
    if gold[0] != pred[0]:
        return False
    if isinstance(gold[1], frozenset):
        a, b = list(gold[1]), list(pred[1])
        a, b = (a * 2 if len(a) == 1 else a), (b * 2 if len(b) == 1 else b)
        return (_same(a[0], b[0]) and _same(a[1], b[1])) or (_same(a[0], b[1]) and _same(a[1], b[0]))
    return _same(gold[1][0], pred[1][0]) and _same(gold[1][1], pred[1][1])


@dataclass
class EvalReport:
    per_relation: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    attributes: Counter = field(default_factory=Counter)
    errors: list[tuple[str, ...]] = field(default_factory=list)
    docs: int = 0

    def totals(self) -> Counter:
        total: Counter = Counter()
        for counts in self.per_relation.values():
            total.update(counts)
        return total

    def summary(self) -> dict[str, Any]:
        total = self.totals()
        p, r, f = prf(total)
        attr = self.attributes

        def acc(name: str) -> float | None:
            return round(attr[f"{name}_ok"] / attr[f"{name}_gold"], 3) if attr[f"{name}_gold"] else None

        return {
            "docs": self.docs, "tp": total["tp"], "fp": total["fp"], "fn": total["fn"],
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "amount_acc": acc("amount"), "percent_acc": acc("percent"), "rank_acc": acc("rank"),
            "speaker_acc": acc("speaker"),
            "per_relation": {rel: dict(zip(("p", "r", "f1"), (round(x, 3) for x in prf(c))), **c)
                             for rel, c in sorted(self.per_relation.items())},
        }


def prf(counts: Counter) -> tuple[float, float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_gold(paths: Iterable[str | Path], *, explicit_only: bool = False) -> dict[str, list[dict[str, Any]]]:
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"malformed JSON ({exc.msg})", number) from None
            if explicit_only and row.get("implicit"):
                continue
            gold[row["doc"]].append(row)
    return gold


def score(gold: dict[str, list[dict[str, Any]]], claims: Sequence[Claim]) -> EvalReport:
    """Compare claims with gold rows, document by document."""
    report = EvalReport(docs=len(gold))
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.modality == "asserted":
            by_doc[Path(claim.doc).name].append(claim)
    for doc, rows in sorted(gold.items()):
        gold_triples: dict[tuple, list[dict[str, Any]]] = {}
        for row in rows:
            key = _triple(row["relation"], party_key(row["subject"], row.get("subject_type", "Country")),
                          party_key(row["object"], row.get("object_type", "Country")))
            gold_triples.setdefault(key, []).append(row)
        pred_triples: dict[tuple, list[Claim]] = {}
        for claim in by_doc.get(doc, []):
            key = _triple(claim.relation, party_key(claim.subject.name, claim.subject.type, _place_id(claim.subject)),
                          party_key(claim.object.name, claim.object.type, _place_id(claim.object)))
            pred_triples.setdefault(key, []).append(claim)
        used: set[tuple] = set()
        for gkey, grows in gold_triples.items():
            hit = next((pk for pk in pred_triples if pk not in used and _matches(gkey, pk)), None)
            counts = report.per_relation[gkey[0]]
            if hit is None:
                counts["fn"] += 1
                report.errors.append(("missed", doc, gkey[0], grows[0]["subject"], grows[0]["object"],
                                      grows[0].get("evidence", "")[:160]))
                continue
            used.add(hit)
            counts["tp"] += 1
            _score_attributes(report.attributes, grows, pred_triples[hit])
        for pkey, found in pred_triples.items():
            if pkey in used or pkey[0] not in RELATIONS:
                continue
            report.per_relation[pkey[0]]["fp"] += 1
            c = found[0]
            report.errors.append(("spurious", doc, c.relation, c.subject.name, c.object.name, c.evidence.text[:160]))
    return report


def _place_id(entity: Any) -> str | None:
    return None if entity.type in ("Leader", "Person") else entity.id


def _score_attributes(attr: Counter, grows: list[dict[str, Any]], claims: list[Claim]) -> None:
    gold_amounts = [a for a in (gold_amount(g.get("amount")) for g in grows) if a]
    if gold_amounts:
        attr["amount_gold"] += 1
        if any(c.amount and c.amount.value and abs(c.amount.value - value) <= 0.011 * value
               and (currency is None or c.amount.currency == currency)
               for value, currency in gold_amounts for c in claims):
            attr["amount_ok"] += 1
    gold_percents = [p for p in (parse_percent(g["percent"]) for g in grows if g.get("percent")) if p]
    if gold_percents:
        attr["percent_gold"] += 1
        if any(c.percent and abs(c.percent.value - g.value) < 0.051 for g in gold_percents for c in claims):
            attr["percent_ok"] += 1
    gold_ranks = {g["rank"] for g in grows if isinstance(g.get("rank"), int)}
    if gold_ranks:
        attr["rank_gold"] += 1
        if gold_ranks & {c.rank for c in claims}:
            attr["rank_ok"] += 1
    gold_speakers = [party_key(g["speaker"], "Leader") for g in grows if g.get("speaker")]
    if gold_speakers:
        attr["speaker_gold"] += 1
        got = [party_key(c.speaker.name, "Leader") for c in claims if c.speaker]
        if any(_same(g, p) for g in gold_speakers for p in got):
            attr["speaker_ok"] += 1


def evaluate_paths(gold_paths: Sequence[str | Path], articles: Sequence[str], *, model: str | None = None,
                   explicit_only: bool = False, on_error: ErrorHandler | None = None) -> EvalReport:
    """Extract claims from `articles` and score them against the gold files."""
    from .api import extract_results
    from .io import read_articles

    gold = read_gold(gold_paths, explicit_only=explicit_only)
    kwargs = {"on_error": on_error} if on_error is not None else {}
    claims = [c for r in extract_results(read_articles(articles, **kwargs), model=model) for c in r.claims]
    return score(gold, claims)


def format_report(report: EvalReport, *, errors: bool = False) -> str:
    lines = []
    if errors:
        lines += ["\t".join(str(x) for x in e) for e in report.errors]
    lines.append(f"{'relation':22} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for relation, counts in sorted(report.per_relation.items()):
        p, r, f = prf(counts)
        lines.append(f"{relation:22} {counts['tp']:4} {counts['fp']:4} {counts['fn']:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    total = report.totals()
    p, r, f = prf(total)
    lines.append(f"{'ALL':22} {total['tp']:4} {total['fp']:4} {total['fn']:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    a = report.attributes
    lines.append(f"on matched edges, right: amounts {a['amount_ok']}/{a['amount_gold']}, percentages "
                 f"{a['percent_ok']}/{a['percent_gold']}, ranks {a['rank_ok']}/{a['rank_gold']}, "
                 f"speakers {a['speaker_ok']}/{a['speaker_gold']}")
    return "\n".join(lines) + "\n"
