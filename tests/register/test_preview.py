"""`mkdocs serve`: a broken document is reported on the page and left out; fixing it recovers."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from register.test_site import PDF, SITE, document
from sitekit import BIN, REPO, TINY_CONFIG, write_files


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"


def _wait_for(predicate: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting: {what}")


def test_preview_reports_a_broken_document_and_recovers(tmp_path: Path) -> None:
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20).replace(
        "markdown_extensions:", "  - bantin-register\nmarkdown_extensions:"
    )
    broken = document("7/UBND", "Công văn", "2024-02-30", "Văn bản sửa dở", "sai.pdf")
    write_files(
        tmp_path,
        {
            "mkdocs.yml": config,
            **SITE,
            "content/van-ban/sai.md": broken,
            "content/van-ban/sai.pdf": PDF,
        },
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: "bantin-footer" in _get(url + "van-ban/"), "first build served")
        page = html.unescape(_get(url + "van-ban/"))
        assert (
            'content/van-ban/sai.md:5: ngay_ban_hanh: "2024-02-30" is not a real date '
            "(use 03/08/2018 or 2018-08-03)" in page
        )
        assert "15/2024/QĐ-UBND" in page and "7/UBND" not in page
        assert _get(url + "van-ban/sai/") == "HTTP 404"
        (tmp_path / "content/van-ban/sai.md").write_text(
            broken.replace("2024-02-30", "2024-02-28"), encoding="utf-8"
        )
        _wait_for(lambda: "7/UBND" in _get(url + "van-ban/"), "the fixed document listed")
        assert "is not a real date" not in html.unescape(_get(url + "van-ban/"))
        assert "Văn bản sửa dở" in _get(url + "van-ban/7-ubnd/")
    finally:
        server.terminate()
        server.wait(timeout=20)
