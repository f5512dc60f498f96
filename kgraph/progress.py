"""Progress of a build or an extraction on a terminal: articles done of how many, percent, rate, time left.

Rich draws the line. The total is counted in a background thread while the work starts
(one per text file, one per non-blank line of a JSONL file); until it is known, or when
an input is standard input, the line shows what is done without a percentage. Nothing is
shown when standard error is not a terminal (a pipe, a log file, CI): there the command's
summary line is the only output.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from .io import JSONL_SUFFIXES, _walk, bounded_lines

__all__ = ["Progress", "count_items"]


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:  # bounded: one huge line is one item, never held whole
        return sum(1 for line in bounded_lines(handle) if not isinstance(line, bytes) or line.strip())


def count_items(sources: Iterable[str | Path]) -> int | None:
    """How many articles (or failures) reading ``sources`` will give; None when one is standard input.

    A file that cannot be read counts as one item: it becomes one failure.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Text."), (folder / "b.jsonl").write_text('{"id": 1}\\n\\n{"id": 2}\\n')
        >>> count_items([folder, folder / "missing.txt"]), count_items(["-"])
        (4, None)
    """
    total = 0
    for source in sources:
        if str(source) == "-":
            return None
        path = Path(source)
        for file in _walk(path, lambda error: None) if path.is_dir() else [path]:
            if not file.is_file():  # a pipe or a device is one failure, never read
                total += 1
                continue
            try:
                total += _count_lines(file) if file.suffix.lower() in JSONL_SUFFIXES else 1
            except OSError:
                total += 1
    return total


class Progress:
    """A progress line for a report with ``articles``, ``failed``, ``claims`` and ``seconds``.

    Args:
        sources: The inputs, counted in the background for the total (None: no total).
        enabled: False shows nothing (e.g. when the claims themselves go to standard output).
        console: Where to draw (standard error by default); nothing is drawn unless it is a terminal.
    """

    def __init__(self, sources: Iterable[str | Path] | None = None, *, enabled: bool = True,
                 console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.sources = list(sources) if sources is not None else None
        self.started = time.perf_counter()
        self._bar: RichProgress | None = None
        self._task: Any = None
        self.counter: threading.Thread | None = None  # counts the inputs for the total

    def __enter__(self) -> Progress:
        self.started = time.perf_counter()
        if not self.enabled:
            return self
        self._bar = RichProgress(
            TextColumn("articles"), MofNCompleteColumn(), BarColumn(), TaskProgressColumn(),
            TimeRemainingColumn(compact=True, elapsed_when_finished=True), TextColumn("{task.fields[stats]}"),
            console=self.console, refresh_per_second=4,
        )
        self._task = self._bar.add_task("build", total=None, stats="")
        self._bar.start()
        if self.sources is not None:
            self.counter = threading.Thread(target=self._count, daemon=True)
            self.counter.start()
        return self

    def _count(self) -> None:
        try:
            total = count_items(self.sources or ())
        except OSError:
            return
        if total is not None and self._bar is not None:
            self._bar.update(self._task, total=max(total, 1))

    def update(self, report: Any) -> None:
        """Show the report's figures: called after each batch of articles."""
        if self._bar is None:
            return
        rate = report.articles / report.seconds if report.seconds else 0.0
        self._bar.update(self._task, completed=report.articles + report.failed,
                         stats=f"{rate:.1f}/s  {report.claims} claims  {report.failed} failed", refresh=True)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
