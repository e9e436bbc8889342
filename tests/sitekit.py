"""Shared test helpers: tiny bantin sites built for real with `mkdocs build`.

Import as ``from sitekit import ...`` (tests/ is on pytest's pythonpath)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

TINY_CONFIG = """\
site_name: Văn phòng UBND tỉnh thử nghiệm
site_url: https://thu-nghiem.example.gov.vn/
docs_dir: content
theme:
  name: material
  custom_dir: {theme}
  language: vi
  font: false
  features: [navigation.tabs]
nav:
  - Trang chủ: index.md
  - Tin tức: tin-tuc/index.md
plugins:
  - bantin-news:
      page_size: {page_size}
markdown_extensions:
  - toc:
      slugify: !!python/name:bantin.core.vntext.heading_slug
  - attr_list
"""


@dataclass
class Build:
    """The outcome of one real `mkdocs build` run."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def pages(self) -> list[str]:
        """URLs of every page written, sorted."""
        urls = []
        for path in self.site.rglob("index.html"):
            folder = path.parent.relative_to(self.site).as_posix()
            urls.append("/" if folder == "." else f"/{folder}/")
        return sorted(urls)


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def run_build(root: Path, *args: str, env: Mapping[str, str] | None = None) -> Build:
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return Build(root, result.returncode, result.stdout + result.stderr)


SiteFactory = Callable[..., Build]


def item(title: str, date: str, body: str = "Nội dung tin.", **fields: str) -> str:
    """A valid news item; ``fields`` are extra front-matter lines written as given."""
    lines = ["---", f'title: "{title}"', f"date: {date}", 'author: "Phóng viên"']
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join([*lines, "---", "", body, ""])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without printing every request into the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """A built site served on a free loopback port; yields its base URL (no trailing /)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build_sample(site: Path, *args: str, env: Mapping[str, str] | None = None) -> None:
    """The repository's own portal built strictly into ``site``."""
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def get(url: str) -> str:
    """A page's text, or ``HTTP 404`` and the like."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"


def wait_for(predicate: Callable[[], bool], what: str, seconds: float = 90) -> None:
    """Poll until ``predicate`` holds (a rebuild finished); a connection error is a no."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting: {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def mkdocs_serve(root: Path, *flags: str, log: Path | None = None) -> Iterator[str]:
    """`mkdocs serve` on ``root`` until the first build is served; yields its base URL.

    ``log``: a file that receives what the preview prints (its messages go to stderr).
    """
    port = free_port()
    output = log.open("w", encoding="utf-8") if log else None
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", *flags, "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=output or subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "bantin-footer" in get(url), "first build served")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        if output:
            output.close()
