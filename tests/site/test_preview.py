"""`mkdocs serve`: drafts shown and marked, a broken edit shown as an error, then recovery."""

from __future__ import annotations

import contextlib
import html
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sitekit import BIN, REPO, TINY_CONFIG, item, write_files


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"


def _wait_for(predicate: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting: {what}")


@contextlib.contextmanager
def _serve(tmp_path: Path, *flags: str) -> Iterator[tuple[Path, str]]:
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", *flags, "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: "bantin-footer" in _get(url), "first build served")
        yield tmp_path, url
    finally:
        server.terminate()
        assert server.stdout is not None
        server.stdout.close()
        server.wait(timeout=20)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    write_files(
        tmp_path,
        {
            "mkdocs.yml": TINY_CONFIG.format(theme=REPO / "theme", page_size=20),
            "content/tin-tuc/2020/dang.md": item("Tin đã đăng", "2020-01-02 08:00"),
            "content/tin-tuc/2020/nhap.md": item("Tin còn nháp", "2020-01-03", draft="true"),
        },
    )
    with _serve(tmp_path) as served:
        yield served


def test_preview_shows_drafts_marked(served: tuple[Path, str]) -> None:
    _, url = served
    home = _get(url)
    assert "Tin còn nháp" in home and "Bản nháp" in home
    draft = _get(url + "tin-tuc/2020/01/tin-con-nhap/")
    assert "Bản nháp: tin này chỉ hiện khi xem trước, không được đăng." in draft


def test_broken_edit_is_shown_and_fixing_it_recovers(served: tuple[Path, str]) -> None:
    root, url = served
    source = root / "content/tin-tuc/2020/dang.md"
    source.write_text(
        "---\ntitle: Thông báo: sửa dở\ndate: 2020-01-02 08:00\nauthor: A\n---\nx\n",
        encoding="utf-8",
    )
    _wait_for(lambda: "Nội dung có lỗi" in _get(url), "error banner after the broken edit")
    page = html.unescape(_get(url))
    assert 'content/tin-tuc/2020/dang.md:2: title: the value contains ": "' in page
    source.write_text(item("Tin đã sửa xong", "2020-01-02 08:00"), encoding="utf-8")
    _wait_for(lambda: "Tin đã sửa xong" in _get(url), "recovered after the fix")
    assert "Nội dung có lỗi" not in _get(url)


def test_dirty_preview_updates_every_page_that_shows_an_edited_item(tmp_path: Path) -> None:
    officials = '\n  - {name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}'
    write_files(
        tmp_path,
        {
            "mkdocs.yml": TINY_CONFIG.format(theme=REPO / "theme", page_size=20),
            "content/tin-tuc/2020/a.md": item(
                "Tin A", "2020-01-02", tags="[x]", officials=officials
            ),
            "content/tin-tuc/2020/b.md": item(
                "Tin B", "2020-01-05", tags="[x]", officials=officials
            ),
            "content/tin-tuc/2019/c.md": item("Tin C", "2019-06-01", tags="[y]"),
        },
    )
    with _serve(tmp_path, "--dirty") as (root, url):
        assert "Tin A" in _get(url + "tin-tuc/2020/01/tin-b/")
        (root / "content/tin-tuc/2020/a.md").write_text(
            item("Tin A đã sửa", "2020-01-02", tags="[x]", officials=officials, slug="tin-a"),
            encoding="utf-8",
        )
        _wait_for(lambda: "Tin A đã sửa" in _get(url + "tin-tuc/2020/01/tin-a/"), "edited item")
        for page in (
            "",
            "tin-tuc/",
            "tin-tuc/2020/01/",
            "chu-de/x/",
            "lanh-dao/ly-vinh-quang/",
            "tin-tuc/2020/01/tin-b/",
        ):
            assert "Tin A đã sửa" in _get(url + page), page
        assert "Tin A" not in _get(url + "tin-tuc/2019/06/tin-c/").replace("Tin A đã sửa", "")
