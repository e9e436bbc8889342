"""The few facts bantin asks git: last commit, its time, and content deleted since a commit."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(repo: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def head_commit(repo: Path) -> str:
    return _git(repo, "rev-parse", "HEAD") or ""


def head_time(repo: Path) -> int | None:
    """Seconds since the epoch of the last commit (``git log -1 --format=%ct``)."""
    value = _git(repo, "log", "-1", "--format=%ct")
    return int(value) if value and value.isdigit() else None


def is_clean(repo: Path) -> bool:
    """True when the work tree has no uncommitted change (ignored files do not count)."""
    return _git(repo, "status", "--porcelain") == ""


def deleted_since(repo: Path, old: str, new: str, folder: str = "content") -> set[str] | None:
    """Files under ``folder`` deleted or renamed away between two commits (None: unknown)."""
    if not old or not new:
        return None
    output = _git(repo, "diff", "--name-status", "--find-renames", f"{old}..{new}", "--", folder)
    if output is None:
        return None
    gone = set()
    for line in output.splitlines():
        fields = line.split("\t")
        # "D\tpath" for a deletion, "R100\told\tnew" for a rename: the old path is gone.
        if fields[0][:1] in ("D", "R") and len(fields) >= 2:
            gone.add(fields[1])
    return gone
