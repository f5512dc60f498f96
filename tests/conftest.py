"""Shared fixtures: the real pipeline (loaded once), the seed article, the shared eval data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "trend-2024-12-25-russia-tajikistan.txt"
# ../shared sits beside the checkout, for developers and in CI alike.
SHARED = Path(os.environ.get("KGRAPH_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline with kgraph's components (installed by the project)."""
    from kgraph.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_result(nlp):
    from kgraph.extract import extract_article
    from kgraph.io import read_text_file

    return extract_article(read_text_file(SEED_ARTICLE), nlp)


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL / "dev" / "articles").is_dir():
        pytest.fail(f"the shared eval data is missing: {EVAL} (set KGRAPH_SHARED)")
    return EVAL


@pytest.fixture(scope="module")
def sample_kg():
    """The hand-made sample graph (tests/graph_samples.py), built once per module with the fake gazetteer."""
    from .graph_samples import build_sample_graph, use_fake_gazetteer

    mp = pytest.MonkeyPatch()
    use_fake_gazetteer(mp)
    try:
        yield build_sample_graph()
    finally:
        mp.undo()
