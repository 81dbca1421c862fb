"""Work spread over the machine's cores: forked processes, each result in the place of its input.

The per-trajectory work (read, bind, check; render the page and feeds) is independent, so a site of
hundreds of trajectories uses every core. A worker is a fork of the process, so it works with the
same profile, settings, date and templates, and only its results are pickled back (as the cache
pickles them). The result is the same as one process's, byte for byte (tests/test_parallel.py).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

PROCESSEN = "PARTICIPATIE_PROCESSEN"  # how many processes at most; 1 is one at a time. The CLI's --processen sets it
MINIMUM = 48  # fewer items than this: starting processes costs more than it saves

T = TypeVar("T")
R = TypeVar("R")
_JOB: Callable[[object], object] | None = None  # what a forked worker does: inherited, never pickled


def available() -> int:
    """From PARTICIPATIE_PROCESSEN, else every core this process may use."""
    value = os.environ.get(PROCESSEN, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(item: object) -> object:
    assert _JOB is not None
    return _JOB(item)


def in_order(function: Callable[[T], R], items: Sequence[T], most: int | None = None) -> list[R]:
    """[function(i) for i in items], on up to `most` processes when there are enough items.

    One process when there are few items, when the platform cannot fork, or when this process runs threads
    (mkdocs serve): a fork of a process with threads can hang."""
    n = min(available() if most is None else most, len(items) // (MINIMUM // 2) or 1)
    if n < 2 or len(items) < MINIMUM:  # (a check after one edit: without importing what forks)
        return [function(i) for i in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return [function(i) for i in items]
    for stream in (sys.stdout, sys.stderr):  # a worker flushes what it inherited: say it once, before the fork
        stream.flush()
    global _JOB
    _JOB = function  # type: ignore[assignment]  # called only with the items given here
    try:
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run, items, chunksize=max(1, len(items) // (n * 4))))  # type: ignore[arg-type]
    finally:
        _JOB = None
