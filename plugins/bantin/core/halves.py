"""Splitting a long, even job between this process and one forked helper.

Used where a build spends a second or more on independent files before or after MkDocs
renders pages (reading 10,000 items, hashing the written site), on a machine with a core
to spare. The helper is a fork, so nothing is imported or loaded twice; its half comes back
pickled.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def in_two(work: Callable[[Sequence[T]], R], items: Sequence[T], minimum: int) -> list[R]:
    """``[work(first half), work(second half)]``, the second in a forked helper; or
    ``[work(items)]`` for fewer than ``minimum`` items or where forking is unsafe.

    ``work`` must be picklable (a module-level function or a ``functools.partial`` of one).
    """
    if len(items) < minimum or not may_fork():
        return [work(items)]
    middle = len(items) // 2
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        later = pool.submit(work, items[middle:])
        first = work(items[:middle])
        try:
            second = later.result()
        except BrokenProcessPool:  # the helper was killed (memory?): do its half here
            second = work(items[middle:])
    return [first, second]


def may_fork() -> bool:
    """A helper is worth starting: forking is safe and there is a core to spare."""
    return fork_is_safe() and available_cores() > 1


def fork_is_safe() -> bool:
    """Beside other threads (``mkdocs serve`` watches files, a queue feeds the search
    indexer) a forked child could inherit a lock another thread holds."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def available_cores() -> int:
    """Cores this process may run on (its affinity, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
