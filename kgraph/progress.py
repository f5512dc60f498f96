"""A one-line progress display for builds on a terminal; silent when output is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Progress:
    """Shows articles done, articles per second, claims found and failures, at most 4 times a second."""

    def __init__(self, stream: TextIO | None = None, *, interval: float = 0.25) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.interval = interval
        self._last = 0.0
        self._shown = False

    def __enter__(self) -> Progress:
        return self

    def update(self, report: Any) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        rate = report.articles / report.seconds if report.seconds else 0.0
        self.stream.write(f"\r{report.articles} articles  {rate:.1f}/s  {report.claims} claims  "
                          f"{report.failed} failed ")
        self.stream.flush()
        self._shown = True

    def __exit__(self, *exc: object) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
