"""Run one command and report its wall time and peak memory as JSON on the last line.

``python -m bantin.bench.child RESULT.json -- COMMAND...``. Started fresh for every run,
because ``getrusage(RUSAGE_CHILDREN)`` reports the largest child this process ever waited
for: a new process per run keeps one run's peak from hiding the next one's.

A build may fork helpers (bantin-parallel), so the largest single process is not the
build's memory. The figure compared is the peak, over time, of the summed PSS (proportional
set size: a page shared by two processes counts half in each) of the command and every
process below it, sampled five times a second from ``/proc``; for one process it is its RSS less
its share of libraries other processes also map.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

SAMPLE_SECONDS = 0.2
"""Reading smaps_rollup walks the process's page tables: often enough to catch a build's
peak (memory grows over seconds), rarely enough not to slow the build being measured."""


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m bantin.bench.child RESULT.json -- COMMAND...", file=sys.stderr)
        return 2
    result_path, command = Path(argv[0]), argv[2:]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    sampler = TreeMemory(process.pid)
    sampler.start()
    returncode = process.wait()
    wall = time.perf_counter() - started
    sampler.stop()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    largest_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    result = {
        "returncode": returncode,
        "wall_s": wall,
        # Where /proc has no PSS (not Linux), the largest process is the best figure there is.
        "peak_rss_mb": sampler.peak_mb if sampler.samples else largest_mb,
        "largest_process_mb": largest_mb,
        "memory_samples": sampler.samples,
        "user_s": usage.ru_utime,
        "system_s": usage.ru_stime,
    }
    result_path.write_text(json.dumps(result, sort_keys=True), encoding="utf-8")
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and its descendants until stopped."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_mb = 0.0
        self.samples = 0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(SAMPLE_SECONDS):
            total = sum(_pss_kb(pid) for pid in _tree(self.root))
            if total:
                self.samples += 1
                self.peak_mb = max(self.peak_mb, total / 1024)

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from each task's ``children`` list."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue  # ended between two reads
    return found


def _pss_kb(pid: int) -> int:
    try:
        with Path(f"/proc/{pid}/smaps_rollup").open(encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
