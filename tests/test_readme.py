"""The README's code as a newcomer runs it: every ```python block, as written, in a fresh interpreter."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT, SEEDS

BLOCKS = re.findall(r"^```python\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.M | re.S)


def test_readme_has_python_blocks():
    assert len(BLOCKS) >= 2


@pytest.mark.model
@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_python_block_runs_as_written(number, tmp_path):
    (tmp_path / "seeds").symlink_to(SEEDS)  # the snippets name seeds/ relative to the checkout
    # A fresh process, so that nothing imported by the test session (kgraph's own pipeline module,
    # which registers the spaCy components) helps the snippet: it gets only what installing kgraph gives.
    result = subprocess.run([sys.executable, "-c", BLOCKS[number]], cwd=tmp_path, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.model
def test_readme_spacy_snippet_finds_mentions_without_importing_kgraph(tmp_path):
    block = next(b for b in BLOCKS if "add_pipe" in b)
    assert "import kgraph" not in block
    script = block + "\nprint(sorted({m.entity.id for m in doc._.kg_mentions}))\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'CHN'" in result.stdout and "'Q7747'" in result.stdout
