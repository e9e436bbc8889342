"""Tiny portals with a register, built for real with `mkdocs build`."""

from __future__ import annotations

import html
import re
from pathlib import Path

from bantin.register.display import format_size
from sitekit import REPO, TINY_CONFIG, Build, item, run_build, write_files

PDF = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n" + b"x" * 2000


def document(number: str, kind: str, issued: str, summary: str, file: str, **extra: str) -> str:
    lines = [
        "---",
        f'so_ky_hieu: "{number}"',
        f"hinh_thuc: {kind}",
        "co_quan_ban_hanh: UBND tỉnh",
        f"ngay_ban_hanh: {issued}",
        f'trich_yeu: "{summary}"',
        f"tep: {file}",
        *(f"{key}: {value}" for key, value in extra.items()),
        "---",
        "",
        "Ghi chú của biên tập viên.",
        "",
    ]
    return "\n".join(lines)


SITE: dict[str, str | bytes] = {
    "content/tin-tuc/2024/tin.md": item("Tin thử", "2024-03-16 08:00"),
    "content/van-ban/qd-15.md": document(
        "15/2024/QĐ-UBND",
        "Quyết định",
        "15/03/2024",
        "Ban hành Quy chế quản lý Cổng Thông tin điện tử",
        "qd 15 (bản ký).pdf",
        ngay_hieu_luc="25/03/2024",
        nguoi_ky='"Chủ tịch UBND tỉnh"',
    ),
    "content/van-ban/qd 15 (bản ký).pdf": PDF,
    "content/van-ban/2023/cv/index.md": document(
        "1234/VP-KSTT", "Công văn", "2023-06-12", "V/v đôn đốc dịch vụ công", "cv.pdf"
    ),
    "content/van-ban/2023/cv/cv.pdf": PDF[:-1000],
    "content/lien-he.md": "# Liên hệ\n\nGọi đường dây nóng.\n",
    "content/en/index.md": "---\nlang: en\n---\n\n# The Office\n\nWhat the office does.\n",
}


def build_site(root: Path, files: dict[str, str | bytes], *args: str) -> Build:
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20)
    assert "markdown_extensions:" in config
    config = config.replace("markdown_extensions:", "  - bantin-register\nmarkdown_extensions:")
    write_files(root, {"mkdocs.yml": config, **files})
    return run_build(root, *args)


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_register_pages_and_attached_files_are_published(tmp_path: Path) -> None:
    build = build_site(tmp_path, SITE, "--strict")
    assert build.returncode == 0, build.output
    assert {"/van-ban/", "/van-ban/15-2024-qd-ubnd/", "/van-ban/1234-vp-kstt/"} <= set(
        build.pages()
    )
    published = sorted(
        p.relative_to(build.site).as_posix() for p in (build.site / "van-ban").rglob("*.pdf")
    )
    # Each file beside its document under an ASCII name; never at its source path.
    assert published == [
        "van-ban/1234-vp-kstt/1234-vp-kstt.pdf",
        "van-ban/15-2024-qd-ubnd/15-2024-qd-ubnd.pdf",
    ]
    assert (build.site / published[1]).read_bytes() == PDF
    assert (build.site / published[0]).read_bytes() == PDF[:-1000]


def test_the_list_shows_every_document_newest_first_with_filter_choices(tmp_path: Path) -> None:
    build = build_site(tmp_path, SITE)
    assert build.returncode == 0, build.output
    page = build.page("van-ban")
    rows = re.findall(r"<tr data-y=\"(\d+)\" data-k=\"([a-z-]+)\" data-i=\"([a-z-]+)\">", page)
    assert rows == [("2024", "quyet-dinh", "ubnd-tinh"), ("2023", "cong-van", "ubnd-tinh")]
    assert '<a href="15-2024-qd-ubnd/">15/2024/QĐ-UBND</a>' in page
    assert '<option value="2023">2023 (1)</option>' in page
    assert '<option value="quyet-dinh">Quyết định (1)</option>' in page
    assert '<option value="ubnd-tinh">UBND tỉnh (2)</option>' in page
    # Without scripts the filters could not work, so they start hidden; the table does not.
    assert re.search(r"<form [^>]*data-bantin-register-filter[^>]*hidden>", page)
    assert "assets/javascripts/bantin-register.js" in page
    assert "<title>Văn bản - " in page


def test_a_document_page_shows_every_field_and_its_download(tmp_path: Path) -> None:
    build = build_site(tmp_path, SITE)
    assert build.returncode == 0, build.output
    page = build.page("van-ban/15-2024-qd-ubnd")
    text = text_of(page)
    for expected in (
        "Quyết định số 15/2024/QĐ-UBND",
        "Số ký hiệu 15/2024/QĐ-UBND",
        "Hình thức Quyết định",
        "Cơ quan ban hành UBND tỉnh",
        "Ngày ban hành 15/03/2024",
        "Ngày hiệu lực 25/03/2024",
        "Người ký Chủ tịch UBND tỉnh",
        "Trích yếu Ban hành Quy chế quản lý Cổng Thông tin điện tử",
        "Ghi chú của biên tập viên.",
        f"15-2024-qd-ubnd.pdf (PDF, {format_size(len(PDF))})",
    ):
        assert expected in text, expected
    href = re.search(
        r'<a class="md-button[^"]*" href="([^"]+)" download="15-2024-qd-ubnd.pdf"', page
    )
    assert href is not None
    target = (build.site / "van-ban" / "15-2024-qd-ubnd" / href.group(1)).resolve()
    assert target.read_bytes() == PDF
    assert format_size(len(PDF)) == "2 KB"
    other = text_of(build.page("van-ban/1234-vp-kstt"))
    assert "Ngày hiệu lực Theo nội dung văn bản" in other
    assert "Người ký" not in other


def test_a_bad_document_fails_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    write_files(tmp_path, {"site/index.html": "bản cũ"})
    files = dict(SITE)
    files["content/van-ban/qd-15.md"] = str(files["content/van-ban/qd-15.md"]).replace(
        "ngay_ban_hanh: 15/03/2024", "ngay_ban_hanh: 31/04/2024"
    )
    files["content/van-ban/sai.md"] = "---\nso_ky_hieu: 7/UBND\nloai: Công văn\n---\n"
    files["content/tin-tuc/2024/hong.md"] = "---\ntitle: Tin hỏng\ndate: 2024-13-01\n---\n"
    build = build_site(tmp_path, files)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    reported = [line for line in build.output.splitlines() if line.startswith("content/")]
    assert reported == [
        'content/tin-tuc/2024/hong.md:1: author: is missing; add author: "Họ và tên" '
        "(author and source are required on every article)",
        'content/tin-tuc/2024/hong.md:3: date: "2024-13-01" is not a real date '
        "(use 03/08/2018 or 2018-08-03)",
        'content/van-ban/qd-15.md:5: ngay_ban_hanh: "31/04/2024" is not a real date '
        "(use 03/08/2018 or 2018-08-03)",
        'content/van-ban/sai.md:1: co_quan_ban_hanh: is missing; add co_quan_ban_hanh: "UBND tỉnh"',
        'content/van-ban/sai.md:1: hinh_thuc: is missing; add hinh_thuc: "Quyết định" '
        "(Quyết định, Chỉ thị, Kế hoạch, Công văn…)",
        "content/van-ban/sai.md:1: ngay_ban_hanh: is missing; add ngay_ban_hanh: 15/03/2024 "
        "(the date printed on the document)",
        "content/van-ban/sai.md:1: tep: is missing; add tep: <file name> and put the PDF or "
        "Word file next to this file",
        'content/van-ban/sai.md:1: trich_yeu: is missing; add trich_yeu: "Về việc …" (the '
        "summary printed under the number)",
        "content/van-ban/sai.md:3: loai: unknown key; allowed keys: so_ky_hieu, hinh_thuc, "
        "co_quan_ban_hanh, ngay_ban_hanh, ngay_hieu_luc, trich_yeu, tep, nguoi_ky, tags, slug",
    ]
    assert (build.site / "index.html").read_text(encoding="utf-8") == "bản cũ"
    assert not (build.site / "van-ban").exists()


def test_front_matter_text_is_escaped_everywhere(tmp_path: Path) -> None:
    files = dict(SITE)
    files["content/van-ban/qd-15.md"] = str(files["content/van-ban/qd-15.md"]).replace(
        "Ban hành Quy chế quản lý Cổng Thông tin điện tử", "<img src=x onerror=alert(1)>"
    )
    build = build_site(tmp_path, files)
    assert build.returncode == 0, build.output
    for url in ("van-ban", "van-ban/15-2024-qd-ubnd"):
        page = build.page(url)
        assert "<img src=x" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_page_in_english_marks_its_content_with_lang(tmp_path: Path) -> None:
    build = build_site(tmp_path, SITE)
    assert build.returncode == 0, build.output
    page = build.page("en")
    assert '<html lang="vi"' in page
    assert re.search(r'<div lang="en">\s*<h1 id="the-office">The Office', page)
    bad = dict(SITE)
    bad["content/en/index.md"] = "---\nlang: English\n---\n\n# The Office\n"
    failed = build_site(tmp_path, bad)
    assert failed.returncode == 1
    assert (
        'content/en/index.md:2: lang: "English" is not a language code; write lang: en '
        "(or another two-letter code)" in failed.output
    )
