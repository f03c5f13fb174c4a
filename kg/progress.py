"""A one-line progress bar for long runs (kg ingest), on a terminal only.

Redrawn in place with a carriage return: articles done (of how many, when
known), triples written, the rate and the time left.  When the stream is not
a terminal (a pipe, a log file, CI) nothing is drawn, so logs stay clean.
"""

from __future__ import annotations

import time
from typing import TextIO


class ProgressBar:
    """Use as a context manager; ``update`` is the ingest's progress callback."""

    def __init__(self, stream: TextIO, *, min_interval: float = 0.1, clock=time.monotonic):
        self.stream = stream
        self.enabled = _is_terminal(stream)
        self.min_interval = min_interval
        self.clock = clock
        self.started = clock()
        self.last_drawn = float("-inf")
        self.width = 0

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()

    def update(self, done: int, total: int | None, triples: int) -> None:
        now = self.clock()
        if not self.enabled or (now - self.last_drawn < self.min_interval and done != total):
            return
        self.last_drawn = now
        line = describe(done, total, triples, now - self.started)
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))


def describe(done: int, total: int | None, triples: int, seconds: float) -> str:
    """``120/500 articles (24%) · 35,210 triples · 41.0 articles/s · 0:09 left``."""
    rate = done / seconds if seconds > 0 else 0.0
    parts = [f"{done:,}/{total:,} articles ({100 * done // total if total else 100}%)" if total is not None
             else f"{done:,} articles"]
    parts.append(f"{triples:,} triples")
    parts.append(f"{rate:,.1f} articles/s")
    if total is not None and rate > 0 and done < total:
        left = int((total - done) / rate)
        parts.append(f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left" if left >= 3600
                     else f"{left // 60}:{left % 60:02d} left")
    return " · ".join(parts)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
