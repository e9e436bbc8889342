"""An imported item's summary (its lead paragraph) reads like the legacy text, not like escapes."""

from __future__ import annotations

from pathlib import Path

from bantin import cli
from bantin.core import index
from bantin.core.schema import lead_paragraph


def test_lead_paragraph_turns_markdown_escapes_and_entities_back_into_text() -> None:
    body = "Đoạn có \\*sao\\* và \\[ngoặc\\](x) cùng &amp; và &lt;b\\> đủ dài, *nghiêng*.\n"
    assert lead_paragraph(body) == "Đoạn có *sao* và [ngoặc](x) cùng & và <b> đủ dài, nghiêng."


def test_summary_of_an_imported_item_is_the_legacy_lead_verbatim(tmp_path: Path) -> None:
    lead = "Ngày 03/8/2018, Văn phòng UBND tỉnh & Sở Nội vụ họp về mục 1.2 <khẩn> *gấp*."
    page = tmp_path / "page.txt"
    page.write_text(f"Tiêu đề bài viết thử nghiệm\n03/08/2018 09:00\n{lead}\nMinh Anh\n")
    content = tmp_path / "content"
    assert cli.main(["import", str(page), "--out", str(content / "tin-tuc")]) == 0
    items, problems = index.load(content, index.discover(content))
    assert problems == []
    assert items[0].summary == lead
