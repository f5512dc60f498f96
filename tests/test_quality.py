"""Extraction quality on the shared development set, measured with the real model.

Thresholds sit a little below the scores measured when they were set (see the
closing notes), so a regression fails CI. Scores come from kgraph.evaluate, which a
test below checks against the project's referee, eval/score.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kgraph.evaluate import read_gold, score

pytestmark = pytest.mark.model

# Measured on 2026-11-26 (second session): P 0.944, R 0.790; leader_of P 1.000, R 0.962. Each threshold sits
# 0.03 below; raise them when the extractor improves. 2026-11-27: P 0.948, R 0.785 (a trade row that matched
# only through a ministry's name is gone; the recall threshold stays). 2026-12-07, after issue 16's
# recall work: P 0.949, R 0.871; leader_of P 0.981, R 0.981 (52/1/1). Later on 2026-12-07 (the rest of
# issue 16): P 0.950, R 0.901 (210/11/23), speakers 40/44.
MIN_PRECISION = 0.920
MIN_RECALL = 0.871
MIN_LEADER_PRECISION = 0.951
MIN_LEADER_RECALL = 0.951
# Amounts right on matched edges that have one (measured 20/22); speakers (40/44; one may go).
MIN_AMOUNT_ACCURACY = 0.90
MIN_SPEAKER_ACCURACY = 0.88


@pytest.fixture(scope="module")
def dev_claims(nlp, eval_dir):
    from kgraph.extract import extract_articles
    from kgraph.io import read_articles

    return [c for r in extract_articles(read_articles([eval_dir / "dev" / "articles"]), nlp) for c in r.claims]


@pytest.fixture(scope="module")
def dev_report(dev_claims, eval_dir):
    gold = read_gold(sorted((eval_dir / "dev").glob("gold-*.jsonl")))
    return score(gold, dev_claims)


def test_quality_dev_precision_and_recall(dev_report):
    summary = dev_report.summary()
    assert summary["precision"] >= MIN_PRECISION, summary
    assert summary["recall"] >= MIN_RECALL, summary


def test_quality_dev_amounts(dev_report):
    assert dev_report.summary()["amount_acc"] >= MIN_AMOUNT_ACCURACY


def test_quality_dev_speakers(dev_report):
    assert dev_report.summary()["speaker_acc"] >= MIN_SPEAKER_ACCURACY


def test_quality_dev_leader_of(dev_report):
    leader = dev_report.summary()["per_relation"]["leader_of"]
    assert leader["p"] >= MIN_LEADER_PRECISION and leader["r"] >= MIN_LEADER_RECALL, leader


def test_quality_no_claim_crosses_evidence(dev_claims):
    for claim in dev_claims:
        assert claim.evidence.text and claim.evidence.end > claim.evidence.start
        assert claim.subject.id != claim.object.id


def test_quality_eval_agrees_with_referee(dev_claims, dev_report, eval_dir, tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in dev_claims), encoding="utf-8")
    gold = sorted(str(p) for p in (eval_dir / "dev").glob("gold-*.jsonl"))
    result = subprocess.run([sys.executable, str(eval_dir / "score.py"), *gold, "--pred", str(path), "--json"],
                            capture_output=True, text=True, check=True)
    referee = json.loads(result.stdout)
    ours = dev_report.summary()
    assert (ours["tp"], ours["fp"], ours["fn"]) == (referee["tp"], referee["fp"], referee["fn"])
    assert ours["amount_acc"] == referee["amount_acc"] and ours["speaker_acc"] == referee["speaker_acc"]


# dev2: 31 articles the rules were not written on (../shared/eval/dev2). Measured 2026-12-07 after
# issue 16's linking work: P 0.942, R 0.616, speakers 33/35; after its recall work (discourse parties,
# events, nominal arguments, implied relations): P 0.964, R 0.849, speakers 39/41, amounts 10/14.
# Later that day (the rest of issue 16): P 0.965, R 0.862 (137/5/22), speakers 41/43, amounts 14/15.
# Thresholds 0.03 below (speakers 40/43; amounts one fewer, 13/15).
MIN_DEV2_PRECISION = 0.935
MIN_DEV2_RECALL = 0.832
MIN_DEV2_SPEAKER_ACCURACY = 0.92
MIN_DEV2_AMOUNT_ACCURACY = 0.86


@pytest.fixture(scope="module")
def dev2_report(nlp, eval_dir):
    from kgraph.extract import extract_articles
    from kgraph.io import read_articles

    claims = [c for r in extract_articles(read_articles([eval_dir / "dev2" / "articles"]), nlp) for c in r.claims]
    return score(read_gold([eval_dir / "dev2" / "gold.jsonl"]), claims)


def test_quality_dev2_precision_and_recall(dev2_report):
    summary = dev2_report.summary()
    assert summary["precision"] >= MIN_DEV2_PRECISION, summary
    assert summary["recall"] >= MIN_DEV2_RECALL, summary


def test_quality_dev2_speakers(dev2_report):
    assert dev2_report.summary()["speaker_acc"] >= MIN_DEV2_SPEAKER_ACCURACY


def test_quality_dev2_amounts(dev2_report):
    assert dev2_report.summary()["amount_acc"] >= MIN_DEV2_AMOUNT_ACCURACY
