"""Tiny portals built for real with `mkdocs build`: generated pages, escaping, failures."""

from __future__ import annotations

import html
import re

from sitekit import SiteFactory, item

OFFICIALS = (
    '\n  - {name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}'
    '\n  - {name: "Nguyễn Long Hải", title: "Phó Chủ tịch UBND tỉnh"}'
)
AWARDS = '\n  - {name: "Bằng khen", issuer: "Chủ tịch UBND tỉnh", collectives: 3, individuals: 12}'

SITE = {
    "content/tin-tuc/2018/so-ket.md": item(
        "Văn phòng UBND tỉnh sơ kết công tác 6 tháng đầu năm 2018",
        "03/08/2018 09:12",
        "Ngày 03/8/2018, Văn phòng UBND tỉnh tổ chức Hội nghị sơ kết.\n\n## Kết quả đạt được\n\n"
        "Ban hành 8.705 văn bản.",
        tags="[sơ kết, Văn phòng]",
        officials=OFFICIALS,
        awards=AWARDS,
        meeting='{date: 2018-08-03, kind: "Hội nghị sơ kết"}',
    ),
    "content/tin-tuc/2018/giao-ban/index.md": item(
        "Giao ban tháng 8",
        "2018-08-20 14:00",
        tags="[văn phòng]",
        officials='\n  - {name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}',
    ),
    "content/tin-tuc/2020/tong-ket.md": item(
        "Tổng kết năm 2019",
        "22/01/2020",
        tags="[tổng kết, Văn Phòng]",
        officials='\n  - {name: "Bùi Văn Cửu", title: "Phó Chủ tịch TT UBND tỉnh"}',
    ),
    "content/tin-tuc/2020/nhap.md": item("Bản nháp chưa đăng", "2020-02-01", draft="true"),
    "content/tin-tuc/2099/sau-nay.md": item("Tin hẹn giờ", "2099-01-01"),
}


def test_sample_builds_strict_with_every_generated_page(tiny_site: SiteFactory) -> None:
    build = tiny_site(SITE, "--strict")
    assert build.returncode == 0, build.output
    assert build.pages() == [
        "/",
        "/chu-de/",
        "/chu-de/so-ket/",
        "/chu-de/tong-ket/",
        "/chu-de/van-phong/",
        "/khen-thuong/",
        "/lanh-dao/",
        "/lanh-dao/bui-van-cuu/",
        "/lanh-dao/ly-vinh-quang/",
        "/lanh-dao/nguyen-long-hai/",
        "/tin-tuc/",
        "/tin-tuc/2018/",
        "/tin-tuc/2018/08/",
        "/tin-tuc/2018/08/giao-ban-thang-8/",
        "/tin-tuc/2018/08/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018/",
        "/tin-tuc/2020/",
        "/tin-tuc/2020/01/",
        "/tin-tuc/2020/01/tong-ket-nam-2019/",
    ]


def test_item_page_shows_what_the_law_and_readers_need(tiny_site: SiteFactory) -> None:
    build = tiny_site(SITE)
    page = build.page("tin-tuc/2018/08/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    text = re.sub(r"\s+", " ", text)
    assert "Thứ Sáu, 03/08/2018 09:12" in text
    assert "Tác giả: Phóng viên" in text
    assert "Hội nghị sơ kết, ngày 03/08/2018" in text
    assert "Bằng khen của Chủ tịch UBND tỉnh: 3 tập thể, 12 cá nhân" in text
    assert 'href="../../../../lanh-dao/nguyen-long-hai/"' in page
    assert 'href="../../../../chu-de/van-phong/"' in page
    assert 'id="ket-qua-dat-duoc"' in page  # heading ids by the same ASCII slugifier
    related = page.split('id="cac-tin-khac"')[1]
    assert "Giao ban tháng 8" in related and "Tổng kết năm 2019" in related
    assert related.index("Giao ban tháng 8") < related.index("Tổng kết năm 2019")


def test_topic_spelled_two_ways_is_one_page(tiny_site: SiteFactory) -> None:
    build = tiny_site(SITE)
    topic = build.page("chu-de/van-phong")
    assert topic.count('class="bantin-card"') == 3
    assert "3 tin" in topic


def test_archives_show_counts_and_official_pages_group_by_year(tiny_site: SiteFactory) -> None:
    build = tiny_site(SITE)
    year = build.page("tin-tuc/2018")
    assert 'href="08/">Tháng 8</a> <span class="bantin-count">(2)' in year
    official = build.page("lanh-dao/ly-vinh-quang")
    assert "Phó Chủ tịch UBND tỉnh" in official and 'id="nam-2018"' in official
    awards = build.page("khen-thuong")
    assert "<td>3</td><td>12</td>" in awards.replace(" ", "").replace("\n", "")


def test_drafts_and_scheduled_items_are_not_published(tiny_site: SiteFactory) -> None:
    build = tiny_site(SITE)
    everything = "".join(p.read_text(encoding="utf-8") for p in build.site.rglob("*.html"))
    assert "Bản nháp chưa đăng" not in everything
    assert "Tin hẹn giờ" not in everything
    assert not (build.site / "tin-tuc" / "2099").exists()


def test_front_matter_values_are_escaped_everywhere(tiny_site: SiteFactory) -> None:
    evil = "<img src=x onerror=alert(1)>"
    build = tiny_site(
        {
            "content/tin-tuc/x.md": item(
                evil.replace('"', ""),
                "2020-01-01",
                "Đoạn mở đầu bình thường của bài viết.",
                tags=f'["{evil}"]',
                officials=f'\n  - {{name: "{evil}", title: "<b>x</b>"}}',
                summary='"<script>alert(2)</script>"',
            )
        },
        "--strict",
    )
    assert build.returncode == 0, build.output
    for path in build.site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert "<img src=x" not in page, path
        assert "<script>alert" not in page, path
        assert "<b>x</b>" not in page, path
    item_page = build.page("tin-tuc/2020/01/img-src-x-onerror-alert-1")
    assert "&lt;img src=x onerror=alert(1)&gt;" in item_page
    assert "<title>&lt;img src=x onerror=alert(1)&gt; - " in item_page


def test_bad_content_fails_naming_every_problem_and_keeps_the_old_site(
    tiny_site: SiteFactory,
) -> None:
    assert tiny_site(SITE).returncode == 0
    before = {p: p.read_bytes() for p in (tiny_site(SITE).site).rglob("*") if p.is_file()}
    broken = {
        **SITE,
        "content/tin-tuc/2020/hong.md": b'---\ntitle: "Latin \xe9"\ndate: 2020-01-01\n---\n',
        "content/tin-tuc/2020/ngay.md": item("Ngày sai", "32/13/2020"),
        "content/tin-tuc/2020/hai-cham.md": "---\ntitle: Thông báo: họp\ndate: 2020-01-01\n"
        'author: "A"\n---\n',
    }
    for flags in ((), ("--strict",), ("-q",)):
        build = tiny_site(broken, *flags)
        assert build.returncode == 1, build.output
        assert "Traceback" not in build.output
        assert "3 problems in the content; nothing was published:" in build.output
        assert "content/tin-tuc/2020/hong.md:2: file: not valid UTF-8 (byte 0xe9)" in build.output
        assert (
            'content/tin-tuc/2020/ngay.md:3: date: "32/13/2020" is not a real date' in build.output
        )
        assert 'content/tin-tuc/2020/hai-cham.md:2: title: the value contains ": "' in build.output
        after = {p: p.read_bytes() for p in build.site.rglob("*") if p.is_file()}
        assert after == before


def test_author_file_at_a_generated_path_is_an_error(tiny_site: SiteFactory) -> None:
    build = tiny_site({**SITE, "content/chu-de/index.md": "# Chủ đề\n"})
    assert build.returncode == 1
    assert (
        "content/chu-de/index.md: file: /chu-de/ is generated by bantin (topics page); "
        "move or rename this file"
    ) in build.output


def test_lists_paginate(tiny_site: SiteFactory) -> None:
    files = {
        f"content/tin-tuc/2019/tin-{n}.md": item(f"Tin số {n}", f"2019-03-{n:02d}")
        for n in range(1, 8)
    }
    build = tiny_site(files, "--strict", page_size=3)
    assert build.returncode == 0, build.output
    assert "/tin-tuc/trang/3/" in build.pages()
    assert "/tin-tuc/2019/03/trang/3/" in build.pages()
    last = build.page("tin-tuc/trang/3")
    assert "Tin số 1" in last and 'rel="prev"' in last and 'rel="next"' not in last
