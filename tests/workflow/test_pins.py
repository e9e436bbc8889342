"""The exact pins: split runtime from tools, installed as written, moved only within range.

Nothing here asks a package index on the internet: the answer must be the same for the
same commit on any later day. The vulnerability audit, whose answer changes when an
advisory is published, is scripts/audit (weekly workflow), not a test.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from sitekit import REPO

RUNTIME = REPO / "requirements" / "runtime.txt"
DEV = REPO / "requirements" / "dev.txt"


def pins(path: Path) -> dict[str, str]:
    return {
        canonicalize_name(name): version
        for line in path.read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
        for name, version in [line.strip().split("==", 1)]
    }


def runtime_closure() -> set[str]:
    """bantin and everything its declared dependencies pull in, without extras."""
    seen: set[str] = set()
    todo = ["bantin"]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for line in importlib.metadata.distribution(name).requires or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(requirement.name)
    return seen - {"bantin"}


def test_runtime_pins_are_exactly_what_the_portal_build_needs() -> None:
    # A tool that slips into runtime.txt would page someone for a ruff advisory; a build
    # dependency in dev.txt would escape the failing audit.
    assert set(pins(RUNTIME)) == runtime_closure()
    assert not set(pins(RUNTIME)) & set(pins(DEV))


def test_every_pin_is_installed_at_its_version() -> None:
    installed = {
        canonicalize_name(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()
    }
    wrong = {
        name: (version, installed.get(name))
        for name, version in {**pins(RUNTIME), **pins(DEV)}.items()
        if installed.get(name) != version
    }
    assert not wrong, f"pinned vs installed (run scripts/setup): {wrong}"


# A fake index on loopback: newer releases of some pins, including ones outside a range.
NEWER = {
    "mkdocs": ["1.6.2", "2.0.0", "2.1.0"],  # 2.x removes plugins: pyproject says <2
    "mkdocs-material": ["9.9.1", "10.0.0"],  # pyproject says <10
    "jinja2": ["3.1.9", "4.0.0b1"],  # a pre-release is never chosen
    "pillow": ["99.0.0"],  # yanked below: never chosen
    "ruff": ["0.18.0"],  # a tool moves too
}
YANKED = {("pillow", "99.0.0")}


class FakeIndex(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = canonicalize_name(self.path.strip("/").split("/")[-2])
        current = {**pins(RUNTIME), **pins(DEV)}.get(name)
        if current is None:
            self.send_error(404)
            return
        releases = {
            version: [{"filename": f"{name}-{version}.tar.gz", "yanked": (name, version) in YANKED}]
            for version in [current, *NEWER.get(name, [])]
        }
        body = json.dumps({"info": {"version": max(releases)}, "releases": releases}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def index() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeIndex)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/pypi"
    server.shutdown()
    server.server_close()


def project_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "requirements", root / "requirements")
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def upgrade(root: Path, index: str, *names: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "upgrade-pins"),
            "--root",
            str(root),
            "--index",
            index,
            *names,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_upgrade_pins_stays_inside_the_ranges(tmp_path: Path, index: str) -> None:
    root = project_copy(tmp_path)
    result = upgrade(root, index)
    assert result.returncode == 0, result.stderr
    runtime, dev = (
        pins(root / "requirements" / "runtime.txt"),
        pins(root / "requirements" / "dev.txt"),
    )
    assert runtime["mkdocs"] == "1.6.2"
    assert runtime["mkdocs-material"] == "9.9.1"
    assert runtime["jinja2"] == "3.1.9"
    assert runtime["pillow"] == pins(RUNTIME)["pillow"]
    assert dev["ruff"] == "0.18.0"
    assert "mkdocs: 2.1.0 exists but is outside the allowed range" in result.stdout
    assert "mkdocs-material: 10.0.0 exists but is outside the allowed range" in result.stdout
    unchanged = {n for n in pins(RUNTIME) if n not in NEWER}
    assert all(runtime[n] == pins(RUNTIME)[n] for n in unchanged)
    # The files keep their comments and order: only the moved lines differ.
    before = RUNTIME.read_text(encoding="utf-8").splitlines()
    after = (root / "requirements" / "runtime.txt").read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 3


def test_upgrade_pins_moves_only_the_named_pins(tmp_path: Path, index: str) -> None:
    root = project_copy(tmp_path)
    result = upgrade(root, index, "ruff")
    assert result.returncode == 0, result.stderr
    assert pins(root / "requirements" / "runtime.txt") == pins(RUNTIME)
    assert pins(root / "requirements" / "dev.txt")["ruff"] == "0.18.0"


def test_an_unreachable_index_keeps_the_pins_and_says_so(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    # Port 9 (discard) on loopback: nothing answers, as on a machine without network.
    result = upgrade(root, "http://127.0.0.1:9/pypi", "mkdocs")
    assert result.returncode == 1
    kept = pins(RUNTIME)["mkdocs"]
    assert f"mkdocs: kept at {kept}: the package index did not answer" in result.stderr
    assert pins(root / "requirements" / "runtime.txt") == pins(RUNTIME)
