"""The sample portal built once from the repository's mkdocs.yml, served on loopback, and a
real Chromium (Debian's, driven by Playwright). Shared by tests/a11y and tests/register;
each folder's conftest re-exports these fixtures."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitekit import ARTIFACTS, BIN, REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = REPO / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("portal") / "site"
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def portal_url(portal_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(portal_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium(browser: Browser) -> Browser:
    """The session's shared Chromium (tests/conftest.py)."""
    return browser


@pytest.fixture(scope="session")
def a11y_artifacts() -> Path:
    folder = ARTIFACTS / "a11y"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
