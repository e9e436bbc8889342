"""Timed runs of real commands: wall time, peak memory, output size."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from bantin.bench import corpus


@dataclass(frozen=True)
class Run:
    wall_s: float
    peak_rss_mb: float
    user_s: float
    system_s: float


@dataclass(frozen=True)
class Measured:
    """Several runs of one command and the figures reported for them."""

    runs: tuple[Run, ...]
    output_bytes: int = 0
    output_files: int = 0
    html_bytes: int = 0

    @property
    def median_s(self) -> float:
        return statistics.median(run.wall_s for run in self.runs)

    @property
    def median_cpu_s(self) -> float:
        return statistics.median(run.user_s + run.system_s for run in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(run.peak_rss_mb for run in self.runs)

    def as_json(self) -> dict[str, object]:
        return {
            "median_s": round(self.median_s, 3),
            "median_cpu_s": round(self.median_cpu_s, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "runs": [asdict(run) for run in self.runs],
            "output_bytes": self.output_bytes,
            "output_files": self.output_files,
            "html_bytes": self.html_bytes,
        }


class CommandFailedError(RuntimeError):
    def __init__(self, command: list[str], log: Path) -> None:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
        super().__init__(f"{' '.join(command)} failed; last output:\n{tail}")


def build_environment() -> dict[str, str]:
    """Reproducible builds after the corpus' newest item, without Material's banner."""
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(int(corpus.LATEST.timestamp()) + 86_400)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run_once(command: list[str], *, cwd: Path, log: Path) -> Run:
    """Run ``command`` through a fresh ``bantin.bench.child`` and read its figures."""
    with tempfile.TemporaryDirectory(prefix="bantin-bench-") as scratch:
        result = Path(scratch) / "result.json"
        wrapper = [sys.executable, "-m", "bantin.bench.child", str(result), "--", *command]
        with log.open("ab") as output:
            subprocess.run(
                wrapper,
                cwd=cwd,
                env=build_environment(),
                stdout=output,
                stderr=subprocess.STDOUT,
                check=True,
            )
        figures = json.loads(result.read_text(encoding="utf-8"))
    if figures["returncode"] != 0:
        raise CommandFailedError(command, log)
    return Run(
        wall_s=figures["wall_s"],
        peak_rss_mb=figures["peak_rss_mb"],
        user_s=figures["user_s"],
        system_s=figures["system_s"],
    )


def mkdocs_build(config: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]


def clear(*paths: Path) -> None:
    """Remove earlier output and caches so every run is a full build."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)


def tree_size(root: Path) -> tuple[int, int, int]:
    """(bytes, files, HTML bytes) of a directory tree."""
    total = files = html = 0
    for directory, _, names in os.walk(root):
        for name in names:
            size = (Path(directory) / name).stat().st_size
            total += size
            files += 1
            if name.endswith(".html"):
                html += size
    return total, files, html
