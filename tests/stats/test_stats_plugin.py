"""The bantin-stats plugin in real `mkdocs build` runs of tiny sites."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from stats.stats_helpers import REPO, Build, build, item

CONFIG = """\
site_name: Văn phòng UBND tỉnh thử nghiệm
site_url: https://thu-nghiem.example.gov.vn/
docs_dir: content
theme:
  name: material
  custom_dir: {theme}
  language: vi
  font: false
nav:
  - Trang chủ: index.md
  - Thống kê: thong-ke/index.md
plugins:
  - bantin-news
  - bantin-stats:
      visitors_file: {visitors_file}
"""

ITEMS = {
    "content/tin-tuc/2024/hop-giao-ban.md": item(
        "Họp giao ban <script>alert(1)</script>",
        "2024-03-04 08:00",
        slug="hop-giao-ban",
        meeting="{date: 2024-03-04, kind: Họp giao ban, location: Phòng họp số 1}",
        officials='[{name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}]',
    ),
    "content/tin-tuc/2024/tong-ket.md": item(
        "Tổng kết năm",
        "2024-12-20 08:00",
        slug="tong-ket",
        meeting="{date: 2024-12-20, kind: Hội nghị tổng kết}",
        officials='[{name: "Lý Vinh Quang"}, {name: "<img src=x onerror=alert(2)>"}]',
        awards='[{name: "Bằng khen", issuer: "Chủ tịch UBND tỉnh", collectives: 2, individuals: 5}]',
    ),
    "content/tin-tuc/2025/so-ket.md": item(
        "Sơ kết 6 tháng",
        "2025-07-01 08:00",
        slug="so-ket",
        awards='[{name: "Giấy khen", issuer: "Chánh Văn phòng", collectives: 1, individuals: 1234}]',
    ),
}


def build_site(root: Path, visitors: dict[str, object] | str | None, *args: str) -> Build:
    files: dict[str, str] = {
        "mkdocs.yml": CONFIG.format(theme=REPO / "theme", visitors_file="so-lieu/truy-cap.json"),
        **ITEMS,
    }
    if isinstance(visitors, dict):
        files["so-lieu/truy-cap.json"] = json.dumps(visitors)
    elif isinstance(visitors, str):
        files["so-lieu/truy-cap.json"] = visitors
    return build(root, files, "--strict", *args)


def widget(html: str) -> str:
    start = html.index('<section class="bantin-box bantin-stats"')
    return html[start : html.index("</section>", html.index("bantin-most-read", start)) + 10]


def values(html: str) -> dict[str, str]:
    return dict(re.findall(r'<dd data-stat="(\w+)">([^<]*)</dd>', widget(html)))


@pytest.fixture(scope="module")
def without_figures(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_site(tmp_path_factory.mktemp("none"), None)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def with_figures(tmp_path_factory: pytest.TempPathFactory) -> Build:
    figures = {
        "as_of": "2026-11-23T10:15:00+07:00",
        "online": 19,
        "today": 176,
        "yesterday": None,
        "week": "5924",
        "month": -3,
        "total": 265067,
        "most_read": [
            {"path": "/tin-tuc/2025/07/so-ket/", "title": "Sơ kết <b>6</b> tháng", "views": 1204},
            {"path": "javascript:alert(1)//", "title": "x", "views": 1},
            {"path": "/tin-tuc/2024/12/tong-ket/", "title": "Tổng kết", "views": 1.5},
        ],
    }
    build = build_site(tmp_path_factory.mktemp("some"), figures)
    assert build.returncode == 0, build.output
    return build


def test_without_figures_the_widget_says_so_instead_of_showing_zeros(
    without_figures: Build,
) -> None:
    box = widget(without_figures.page(""))
    assert "Thống kê truy cập" in box
    assert '<p class="bantin-stats__none" data-stat-none>Chưa có số liệu</p>' in box
    assert '<dl class="bantin-stats__list" data-stat-list hidden>' in box
    assert set(values(without_figures.page("")).values()) == {"—"}
    assert not re.search(r">\s*0\s*<", box)
    assert not (without_figures.site / "thong-ke" / "truy-cap.json").exists()


def test_the_widget_shows_the_last_known_figures_vietnamese_style(with_figures: Build) -> None:
    for url in ("", "tin-tuc/2025/07/so-ket", "thong-ke"):
        assert values(with_figures.page(url)) == {
            "online": "19",
            "today": "176",
            "yesterday": "—",
            "week": "—",  # a string is not a count
            "month": "—",  # negative
            "total": "265.067",
        }
    box = widget(with_figures.page(""))
    assert 'Cập nhật: <span data-stat="as_of">23/11/2026 10:15</span>' in box
    assert 'data-bantin-stats="thong-ke/truy-cap.json"' in box


def test_most_read_keeps_only_safe_paths_and_escapes_titles(with_figures: Build) -> None:
    box = widget(with_figures.page("tin-tuc/2025/07/so-ket"))
    assert (
        '<li><a href="./">Sơ kết &lt;b&gt;6&lt;/b&gt; tháng</a>'
        ' <span class="bantin-count">1.204 lượt xem</span></li>'
    ) in box
    assert "javascript" not in box
    assert "Tổng kết" not in box


def test_the_last_known_figures_are_republished_validated(with_figures: Build) -> None:
    published = json.loads(
        (with_figures.site / "thong-ke" / "truy-cap.json").read_text(encoding="utf-8")
    )
    assert published == {
        "as_of": "2026-11-23T10:15:00+07:00",
        "online": 19,
        "today": 176,
        "yesterday": None,
        "week": None,
        "month": None,
        "total": 265067,
        "most_read": [
            {"path": "/tin-tuc/2025/07/so-ket/", "title": "Sơ kết <b>6</b> tháng", "views": 1204}
        ],
    }


def test_item_pages_carry_their_title_for_most_read(with_figures: Build) -> None:
    page = with_figures.page("tin-tuc/2024/03/hop-giao-ban")
    assert (
        '<meta name="bantin:item-title" content="Họp giao ban &lt;script&gt;alert(1)&lt;/script&gt;">'
        in page
    )
    assert "bantin:item-title" not in with_figures.page("")
    assert '<script defer src="../../../../assets/javascripts/bantin-stats.js"></script>' in page
    assert (with_figures.site / "assets" / "javascripts" / "bantin-stats.js").is_file()
    assert (with_figures.site / "assets" / "stylesheets" / "bantin-stats.css").is_file()


def test_the_statistics_page_draws_svg_charts_with_tables(with_figures: Build) -> None:
    page = with_figures.page("thong-ke")
    main = page[page.index('id="noi-dung"') :]
    assert "<h1>Thống kê</h1>" in main
    assert "<strong>3</strong> tin đã đăng" in main
    assert "<strong>2</strong> cuộc họp, hội nghị được đưa tin" in main
    assert "<strong>2</strong> lãnh đạo được nhắc đến" in main
    assert "<strong>2</strong> lượt khen thưởng: 3 tập thể, 1.239 cá nhân" in main
    for title in (
        "Số tin theo năm",
        "Số tin theo tháng",
        "Số cuộc họp, hội nghị theo năm",
        "Số tin theo lãnh đạo",
        "Khen thưởng theo năm",
        "Khen thưởng theo cơ quan, người ký",
    ):
        assert f"<caption>{title} (bảng số liệu)</caption>" in main
    assert main.count('<svg xmlns="http://www.w3.org/2000/svg" class="bantin-chart') == 6
    assert main.count('role="img"') == 6
    assert '<tr><th scope="row"><a href="../tin-tuc/2024/">2024</a></th><td>2</td></tr>' in main
    assert '<tr><th scope="row">2025</th><td>1</td><td>1.234</td></tr>' in main
    assert "<title>2025, Cá nhân: 1.234</title>" in main
    assert "<img src=x" not in main
    assert "&lt;img src=x onerror=alert(2)&gt;" in main


def test_an_author_file_where_the_statistics_page_is_generated_fails_the_build(
    tmp_path: Path,
) -> None:
    (tmp_path / "content" / "thong-ke").mkdir(parents=True)
    (tmp_path / "content" / "thong-ke" / "index.md").write_text("# Thống kê\n")
    build = build_site(tmp_path, None)
    assert build.returncode == 1
    assert (
        "content/thong-ke/index.md: file: /thong-ke/ is generated by bantin (statistics); "
        "move or rename this file"
    ) in build.output


def test_a_broken_figures_file_means_no_figures(tmp_path: Path) -> None:
    build = build_site(tmp_path, "{not json", "--verbose")
    assert build.returncode == 0, build.output
    assert "so-lieu/truy-cap.json: is not valid JSON; run bantin stats again" in build.output
    assert "Chưa có số liệu" in widget(build.page(""))
