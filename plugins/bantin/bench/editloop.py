"""The press officer's edit loop: `mkdocs serve` on the corpus, save one item, wait for it.

Time is measured from the moment the file is written until each watched URL (the item,
its month archive, its first topic, the home page) serves the new title. MkDocs' dev server
holds requests while a rebuild runs, so a poll returns as soon as the new site is visible.
"""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bantin.bench.measure import build_environment

MARKER = "Bản sửa thử nghiệm 4711"
_TITLE = re.compile(r'^title: "(?P<title>.*)"$', re.MULTILINE)
_SLUG = re.compile(r"^slug:", re.MULTILINE)


@dataclass
class EditLoop:
    startup_s: float = 0.0
    """From starting `mkdocs serve` until the item page answers (first full build)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Per watched page: seconds from saving the item until the page shows the edit."""
    missing: list[str] = field(default_factory=list)
    """Pages that never showed the edit before the time limit."""

    @property
    def worst_s(self) -> float | None:
        return max(self.seconds.values()) if self.seconds and not self.missing else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = 600.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return int(response.status), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


@contextlib.contextmanager
def served(
    config: Path, *, log: Path, probe_path: str, limit_s: float, extra: tuple[str, ...] = ()
) -> Iterator[tuple[str, float]]:
    """Run `mkdocs serve` on a free loopback port; yields (base URL, startup seconds)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config)]
    command += ["--dev-addr", f"127.0.0.1:{port}", *extra]
    started = time.perf_counter()
    with log.open("ab") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=build_environment()
        )
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited with {process.returncode}; see {log}")
            status, _ = fetch(base + probe_path, timeout=limit_s)
            if status == 200:
                break
            if time.perf_counter() - started > limit_s:
                raise RuntimeError(f"mkdocs serve did not answer within {limit_s:.0f} s")
            time.sleep(0.2)
        yield base, time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def measure(
    base: str,
    item_file: Path,
    slug: str,
    pages: dict[str, str],
    *,
    limit_s: float,
    clock: Callable[[], float] = time.perf_counter,
) -> EditLoop:
    """Change the item's title (keeping its ``slug``), then poll every page until it shows."""
    original = item_file.read_text(encoding="utf-8")
    match = _TITLE.search(original)
    if match is None:
        raise ValueError(f"{item_file}: no double-quoted title line to edit")
    for name, path in pages.items():
        status, body = fetch(base + path)
        if status != 200:
            raise RuntimeError(f"{name} page {base + path} answered {status} before the edit")
        if MARKER in body:
            raise RuntimeError(f"{name} page already shows the edit marker")
    # The slug comes from the title: pin it, or the edited item would move to another URL.
    slug_line = "" if _SLUG.search(original) else f"\nslug: {slug}"
    edited = _TITLE.sub(
        lambda found: f'title: "{found.group("title")} – {MARKER}"{slug_line}', original, count=1
    )
    result = EditLoop()
    saved = clock()
    item_file.write_text(edited, encoding="utf-8")
    try:
        waiting = dict(pages)
        while waiting and clock() - saved < limit_s:
            for name, path in list(waiting.items()):
                _, body = fetch(base + path, timeout=limit_s)
                if MARKER in body:
                    result.seconds[name] = clock() - saved
                    del waiting[name]
            time.sleep(0.05)
        result.missing = sorted(waiting)
    finally:
        item_file.write_text(original, encoding="utf-8")
    return result
