"""Work spread over the machine's cores: forked processes, each result in the place of its input.

The per-trajectory work (read, bind, check; render the page and feeds) is independent, so a site of
hundreds of trajectories uses every core. A worker is a fork of the process, so it works with the
same profile, settings, date and templates, and only its results are pickled back (as the cache
pickles them). The result is the same as one process's, byte for byte (tests/test_parallel.py).
"""

from __future__ import annotations

import atexit
import gc
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


YOUNGEST = 50_000  # allocations between two collections of the youngest objects (Python's default: 700)
_ONE_RUN: list[bool] = []


def one_run() -> None:
    """Garbage collection for a process that checks or builds once and then ends (not for the preview).

    A build makes millions of short-lived objects and keeps hundreds of thousands (the pages, what the cache
    held, the search index). With Python's defaults the youngest objects are collected every 700 allocations,
    and now and then everything kept is walked: at N = 1,000 a fifth of a warm build. Collected every 50,000
    allocations instead, the build takes about 16 MB more at N = 1,000. And at exit, Python's last collection
    walked everything the build kept for 1.4 s, to free memory the operating system takes back anyway: what is
    left is frozen (`gc.freeze`) before that. Every file, and the cache, is written and closed before exit."""
    if _ONE_RUN:
        return
    _ONE_RUN.append(True)
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNGEST, middle, oldest)
    atexit.register(gc.freeze)


def available() -> int:
    """From PARTICIPATIE_PROCESSEN, else every core this process may use."""
    value = os.environ.get(PROCESSEN, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(item: object) -> object:
    assert _JOB is not None
    return _JOB(item)


def workers(count: int, most: int | None = None) -> int:
    """How many forked processes `in_order` uses for `count` items; 1: none, the items are done in this process.

    One when there are few items, when the platform cannot fork, or when this process runs threads (mkdocs
    serve): a fork of a process with threads can hang."""
    n = min(available() if most is None else most, count // (MINIMUM // 2) or 1)
    if n < 2 or count < MINIMUM:  # (a check after one edit: without importing what forks)
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return n


def in_order(
    function: Callable[[T], R],
    items: Sequence[T],
    most: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """[function(i) for i in items], on up to `most` processes when there are enough items (see `workers`).

    `meanwhile()` runs in this process while the workers work, so no core waits for this one to start it after
    them; without workers it runs after the items. It must not read what `function` makes, nor change what it
    reads (a worker may have started before it, or not)."""
    n = workers(len(items), most)
    if n < 2:
        done = [function(i) for i in items]
        if meanwhile is not None:
            meanwhile()
        return done
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    for stream in (sys.stdout, sys.stderr):  # a worker flushes what it inherited: say it once, before the fork
        stream.flush()
    global _JOB
    _JOB = function  # type: ignore[assignment]  # called only with the items given here
    try:
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
            # chunks of about 1/16 of each worker's share: a last chunk that one worker still runs while the other
            # waits is short (with 1/4, a cold check of N = 1,000 left a core idle for up to half a second)
            chunk = max(1, len(items) // (n * 16))
            results = pool.map(_run, items, chunksize=chunk)  # every chunk is handed out now
            if meanwhile is not None:
                meanwhile()
            return list(results)  # type: ignore[arg-type]
    finally:
        _JOB = None
