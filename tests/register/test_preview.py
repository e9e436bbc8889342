"""`mkdocs serve`: a broken document is reported on the page and left out; fixing it recovers."""

from __future__ import annotations

import html
from pathlib import Path

from register.test_site import PDF, SITE, document
from sitekit import REPO, TINY_CONFIG, get, mkdocs_serve, wait_for, write_files


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
    with mkdocs_serve(tmp_path) as url:
        page = html.unescape(get(url + "van-ban/"))
        assert (
            'content/van-ban/sai.md:5: ngay_ban_hanh: "2024-02-30" is not a real date '
            "(use 03/08/2018 or 2018-08-03)" in page
        )
        assert "15/2024/QĐ-UBND" in page and "7/UBND" not in page
        assert get(url + "van-ban/sai/") == "HTTP 404"
        (tmp_path / "content/van-ban/sai.md").write_text(
            broken.replace("2024-02-30", "2024-02-28"), encoding="utf-8"
        )
        wait_for(lambda: "7/UBND" in get(url + "van-ban/"), "the fixed document listed")
        assert "is not a real date" not in html.unescape(get(url + "van-ban/"))
        assert "Văn bản sửa dở" in get(url + "van-ban/7-ubnd/")
