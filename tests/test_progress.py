"""The progress line of builds and extractions: a total counted from the inputs, a percentage, a rate; silent off a terminal."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

from rich.console import Console

from kgraph.progress import Progress, count_items


def test_count_items_counts_text_files_and_jsonl_lines(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Russia and Tajikistan are allies.")
    (folder / "sub" / "b.md").write_text("China invests in Kazakhstan.")
    (folder / "notes.csv").write_text("not an article")
    items = tmp_path / "items.jsonl"
    items.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(5)) + "\n\n")
    assert count_items([folder, items]) == 7
    assert count_items([items, "-"]) is None


def test_progress_shows_done_of_total_percent_and_rate(tmp_path):
    items = tmp_path / "items.jsonl"
    items.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(4)))
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    with Progress([items], console=console) as progress:
        progress.counter.join()
        progress.update(SimpleNamespace(articles=2, failed=0, claims=5, seconds=1.0))
    out = console.file.getvalue()
    assert "2/4" in out and "50%" in out and "2.0/s" in out and "5 claims" in out


def test_progress_is_silent_off_a_terminal(tmp_path):
    console = Console(file=io.StringIO(), force_terminal=False)
    with Progress([tmp_path], console=console) as progress:
        progress.update(SimpleNamespace(articles=2, failed=0, claims=5, seconds=1.0))
    assert console.file.getvalue() == ""
