"""What the law asks of every published item (Nghị định 42/2022/NĐ-CP): author, source and
time shown on the page, checked on every item of the built sample portal."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest


def item_pages(site: Path) -> list[Path]:
    return sorted(site.glob("tin-tuc/[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def test_every_item_names_its_author_source_and_times(portal_site: Path) -> None:
    pages = item_pages(portal_site)
    assert len(pages) >= 5
    for path in pages:
        page = path.read_text(encoding="utf-8")
        where = path.relative_to(portal_site).as_posix()
        author = re.search(r'<span class="bantin-item__author">(.*?)</span>', page, re.S)
        source = re.search(r'<span class="bantin-item__source">(.*?)</span>', page, re.S)
        dates = re.search(r'<p class="bantin-item__dates">(.*?)</p>', page, re.S)
        assert author and re.fullmatch(r"Tác giả: \S.*", text(author.group(1))), where
        assert source and re.fullmatch(r"Nguồn: \S.*", text(source.group(1))), where
        assert dates and re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d', dates.group(1))
        assert re.search(r"\d\d/\d\d/\d{4}", text(dates.group(1))), where
        assert '<p class="bantin-print-url">' in page, where


@pytest.mark.parametrize("url", ["lien-he", "en"])
def test_contact_details_are_published_without_a_form_to_another_host(
    portal_site: Path, url: str
) -> None:
    page = (portal_site / url / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:vanphong@example.gov.vn' in page
    assert 'href="tel:02183909192"' in page
    # Feedback is a mailto: link: nothing a reader types is sent to any web server.
    assert "<form" not in page.split('id="noi-dung"', 1)[1].split("</article>", 1)[0]
