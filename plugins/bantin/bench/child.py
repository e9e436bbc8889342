"""Run one command and report its wall time and peak memory as JSON on the last line.

``python -m bantin.bench.child RESULT.json -- COMMAND...``. Started fresh for every run,
because ``getrusage(RUSAGE_CHILDREN)`` reports the largest child this process ever waited
for: a new process per run keeps one run's peak from hiding the next one's.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m bantin.bench.child RESULT.json -- COMMAND...", file=sys.stderr)
        return 2
    result_path, command = Path(argv[0]), argv[2:]
    started = time.perf_counter()
    completed = subprocess.run(command, check=False)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "returncode": completed.returncode,
        "wall_s": wall,
        # Linux reports kilobytes; this is the largest single process of the tree.
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "user_s": usage.ru_utime,
        "system_s": usage.ru_stime,
    }
    result_path.write_text(json.dumps(result, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
