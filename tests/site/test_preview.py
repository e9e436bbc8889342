"""`mkdocs serve`: drafts shown and marked, a broken edit shown as an error, then recovery."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitekit import REPO, TINY_CONFIG, get, item, mkdocs_serve, run_build, wait_for, write_files


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
    with mkdocs_serve(tmp_path) as url:
        yield tmp_path, url


def test_preview_shows_drafts_marked(served: tuple[Path, str]) -> None:
    _, url = served
    home = get(url)
    assert "Tin còn nháp" in home and "Bản nháp" in home
    draft = get(url + "tin-tuc/2020/01/tin-con-nhap/")
    assert "Bản nháp: tin này chỉ hiện khi xem trước, không được đăng." in draft


def test_broken_edit_is_shown_and_fixing_it_recovers(served: tuple[Path, str]) -> None:
    root, url = served
    source = root / "content/tin-tuc/2020/dang.md"
    source.write_text(
        "---\ntitle: Thông báo: sửa dở\ndate: 2020-01-02 08:00\nauthor: A\n---\nx\n",
        encoding="utf-8",
    )
    wait_for(lambda: "Nội dung có lỗi" in get(url), "error banner after the broken edit")
    page = html.unescape(get(url))
    assert 'content/tin-tuc/2020/dang.md:2: title: the value contains ": "' in page
    source.write_text(item("Tin đã sửa xong", "2020-01-02 08:00"), encoding="utf-8")
    wait_for(lambda: "Tin đã sửa xong" in get(url), "recovered after the fix")
    assert "Nội dung có lỗi" not in get(url)


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
    root = tmp_path
    with mkdocs_serve(tmp_path, "--dirty") as url:
        assert "Tin A" in get(url + "tin-tuc/2020/01/tin-b/")
        (root / "content/tin-tuc/2020/a.md").write_text(
            item("Tin A đã sửa", "2020-01-02", tags="[x]", officials=officials, slug="tin-a"),
            encoding="utf-8",
        )
        wait_for(lambda: "Tin A đã sửa" in get(url + "tin-tuc/2020/01/tin-a/"), "edited item")
        for page in (
            "",
            "tin-tuc/",
            "tin-tuc/2020/01/",
            "chu-de/x/",
            "lanh-dao/ly-vinh-quang/",
            "tin-tuc/2020/01/tin-b/",
        ):
            assert "Tin A đã sửa" in get(url + page), page
        assert "Tin A" not in get(url + "tin-tuc/2019/06/tin-c/").replace("Tin A đã sửa", "")


def test_the_preview_without_visitor_figures_asks_for_no_statistics_file(tmp_path: Path) -> None:
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20).replace(
        "markdown_extensions:", "  - bantin-stats\nmarkdown_extensions:"
    )
    write_files(
        tmp_path,
        {"mkdocs.yml": config, "content/tin-tuc/2020/dang.md": item("Tin đã đăng", "2020-01-02")},
    )
    built = run_build(tmp_path, "-q")
    assert built.returncode == 0, built.output
    # The published site asks the web server for the live figures; the preview has none.
    assert 'data-bantin-stats="thong-ke/truy-cap.json"' in built.page("")
    with mkdocs_serve(tmp_path) as url:
        home = get(url)
    assert "Thống kê truy cập" in home and "Chưa có số liệu" in home
    assert "data-bantin-stats" not in home


def test_the_preview_lists_image_html_and_link_problems_once_each(tmp_path: Path) -> None:
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20).replace(
        "markdown_extensions:", "  - bantin-images\n  - bantin-guard\nmarkdown_extensions:"
    )
    body = "Mở đầu.\n\n![Thiếu](IMG 9999.JPG)\n\n<script>alert(1)</script>\n"
    write_files(
        tmp_path,
        {"mkdocs.yml": config, "content/tin-tuc/2020/dang.md": item("Tin", "2020-01-02", body)},
    )
    log = tmp_path / "serve.log"

    with mkdocs_serve(tmp_path, log=log) as url:
        assert "Mở đầu." in get(url + "tin-tuc/2020/01/tin/")  # the preview goes on

    where = "content/tin-tuc/2020/dang.md"
    problems = [line for line in log.read_text(encoding="utf-8").splitlines() if where in line]
    assert problems == [
        f'ERROR   -  {where}:9: image: "IMG 9999.JPG" does not exist next to the item; check '
        "the file name (letter case matters)",
        f"ERROR   -  {where}:11: html: <script> is not allowed: scripts written in content "
        "never run on the portal; remove it",
    ]
