"""The real preview in Chromium: a saved edit reloads the open page by itself.

A copy of the sample portal (its own mkdocs.yml, every plugin, the guard's
Content-Security-Policy included) under a real `mkdocs serve`. The page is never reloaded
by the test: a marker set in the page's window disappears only if the page reloaded itself.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from sitekit import REPO, mkdocs_serve

ITEM = "content/tin-tuc/2018/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018.md"
ITEM_URL = "tin-tuc/2018/08/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018/"


@pytest.fixture
def sample_preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    for folder in ("content", "theme"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    with mkdocs_serve(tmp_path) as url:
        yield tmp_path, url


def _open(browser: Browser, url: str) -> tuple[Page, list[str]]:
    page = browser.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(url, wait_until="load")
    page.evaluate("window.bantinMarker = 'before-save'")
    return page, refused


def _reloaded_with(page: Page, text: str, seconds: float = 60) -> float:
    """Seconds until the page, never reloaded by the test, shows ``text`` after a reload."""
    start = time.monotonic()
    page.wait_for_function(
        "text => window.bantinMarker === undefined && document.body.innerText.includes(text)",
        arg=text,
        timeout=seconds * 1000,
    )
    return time.monotonic() - start


def test_a_saved_body_edit_reloads_the_open_item_page(
    sample_preview: tuple[Path, str], browser: Browser
) -> None:
    root, url = sample_preview
    page, refused = _open(browser, url + ITEM_URL)
    source = root / ITEM
    source.write_text(
        source.read_text(encoding="utf-8") + "\nĐoạn mới thêm khi xem trước.\n", encoding="utf-8"
    )
    waited = _reloaded_with(page, "Đoạn mới thêm khi xem trước.")
    print(f"save to reloaded page: {waited:.2f} s")
    assert refused == []  # the live-reload script is not blocked by the page's policy
    page.close()


def test_a_mistake_shows_the_box_and_the_fix_brings_the_page_back(
    sample_preview: tuple[Path, str], browser: Browser
) -> None:
    root, url = sample_preview
    page, _ = _open(browser, url)
    source = root / ITEM
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("\ndate:", "\ndate: 32/13/2018\nx:", 1), encoding="utf-8")
    _reloaded_with(page, "Nội dung có lỗi")
    page.evaluate("window.bantinMarker = 'while-broken'")
    source.write_text(good, encoding="utf-8")
    page.wait_for_function(
        "() => window.bantinMarker === undefined"
        " && !document.body.innerText.includes('Nội dung có lỗi')",
        timeout=60_000,
    )
    page.close()
