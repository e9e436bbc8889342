"""Register front matter: every bad input gives its exact `path:line: field: message`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bantin.register import catalog

PDF = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n"
GOOD = """\
---
so_ky_hieu: "15/2024/QĐ-UBND"
hinh_thuc: Quyết định
co_quan_ban_hanh: UBND tỉnh
ngay_ban_hanh: 15/03/2024
ngay_hieu_luc: 2024-03-25
trich_yeu: "Ban hành Quy chế quản lý Cổng Thông tin điện tử tỉnh"
nguoi_ky: "Chủ tịch UBND tỉnh"
tep: qd.pdf
tags: [công nghệ thông tin]
---

Ghi chú.
"""


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    content = root / "content"
    for name, value in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, bytes):
            path.write_bytes(value)
        else:
            path.write_text(value, encoding="utf-8")
    return content


def problems_of(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    _, problems = catalog.check(write(tmp_path, files))
    return [problem.format() for problem in problems]


def with_line(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


def test_a_valid_document_is_read_with_normalised_values(tmp_path: Path) -> None:
    register, problems = catalog.check(
        write(tmp_path, {"van-ban/qd.md": GOOD, "van-ban/qd.pdf": PDF})
    )
    assert problems == []
    (document,) = register.documents
    assert document.so_ky_hieu == "15/2024/QĐ-UBND"
    assert document.slug == "15-2024-qd-ubnd"
    assert document.url == "van-ban/15-2024-qd-ubnd/"
    assert document.ngay_ban_hanh == date(2024, 3, 15)
    assert document.ngay_hieu_luc == date(2024, 3, 25)
    assert document.title == "Quyết định số 15/2024/QĐ-UBND"
    assert document.attachment is not None
    assert document.attachment.url == "van-ban/15-2024-qd-ubnd/15-2024-qd-ubnd.pdf"
    assert document.attachment.size == len(PDF)


def test_kind_spellings_are_folded_to_the_listed_kind(tmp_path: Path) -> None:
    text = with_line("hinh_thuc: Quyết định", "hinh_thuc: quyết  ĐỊNH")
    register, problems = catalog.check(
        write(tmp_path, {"van-ban/qd.md": text, "van-ban/qd.pdf": PDF})
    )
    assert problems == []
    assert register.documents[0].hinh_thuc == "Quyết định"


P = "content/van-ban/qd.md"
BAD_VALUES = [
    pytest.param(
        'so_ky_hieu: "15/2024/QĐ-UBND"',
        "so_ky_hieu: Quyết định 15",
        f'{P}:2: so_ky_hieu: "Quyết định 15" is not a document number; write it as printed on '
        'the document, for example so_ky_hieu: "15/2024/QĐ-UBND"',
        id="number-without-slash",
    ),
    pytest.param(
        'so_ky_hieu: "15/2024/QĐ-UBND"',
        "so_ky_hieu: 15",
        f"{P}:2: so_ky_hieu: 15 is read as a number, not text; put it in double quotes: "
        'so_ky_hieu: "15"',
        id="number-as-integer",
    ),
    pytest.param(
        "hinh_thuc: Quyết định",
        "hinh_thuc: Quyet dinh",
        f'{P}:3: hinh_thuc: "Quyet dinh" is not a known kind of document; did you mean '
        '"Quyết định"?',
        id="kind-without-diacritics",
    ),
    pytest.param(
        "hinh_thuc: Quyết định",
        "hinh_thuc: Thư tay",
        f'{P}:3: hinh_thuc: "Thư tay" is not a known kind of document; use one of: Báo cáo, '
        "Biên bản, Chỉ thị, Chương trình, Công điện, Công văn, Đề án, Giấy mời, Hướng dẫn, "
        "Kế hoạch, Luật, Nghị định, Nghị quyết, Phương án, Quy chế, Quy định, Quyết định, "
        "Thông báo, Thông cáo, Thông tư, Tờ trình",
        id="kind-unknown",
    ),
    pytest.param(
        "co_quan_ban_hanh: UBND tỉnh",
        "co_quan_ban_hanh:",
        f"{P}:4: co_quan_ban_hanh: is empty; write the text after the colon",
        id="issuer-empty",
    ),
    pytest.param(
        "co_quan_ban_hanh: UBND tỉnh",
        "co_quan_ban_hanh: [UBND tỉnh, Văn phòng]",
        f"{P}:4: co_quan_ban_hanh: expected text, found a list",
        id="issuer-list",
    ),
    pytest.param(
        "ngay_ban_hanh: 15/03/2024",
        "ngay_ban_hanh: 29/02/2023",
        f'{P}:5: ngay_ban_hanh: "29/02/2023" is not a real date (use 03/08/2018 or 2018-08-03)',
        id="issued-impossible-date",
    ),
    pytest.param(
        "ngay_ban_hanh: 15/03/2024",
        "ngay_ban_hanh: tháng 3 năm 2024",
        f'{P}:5: ngay_ban_hanh: "tháng 3 năm 2024" is not a date (use 03/08/2018 or 2018-08-03)',
        id="issued-words",
    ),
    pytest.param(
        "ngay_ban_hanh: 15/03/2024",
        "ngay_ban_hanh: 15/03/2024 08:30",
        f'{P}:5: ngay_ban_hanh: "15/03/2024 08:30" has a time of day; a document date is a '
        "day only: 15/03/2024",
        id="issued-with-time",
    ),
    pytest.param(
        "ngay_hieu_luc: 2024-03-25",
        "ngay_hieu_luc: 2024-02-30",
        f'{P}:6: ngay_hieu_luc: "2024-02-30" is not a real date (use 03/08/2018 or 2018-08-03)',
        id="effective-impossible-date",
    ),
    pytest.param(
        "ngay_hieu_luc: 2024-03-25",
        "ngay_hieu_luc: 2024-01-01",
        f"{P}:6: ngay_hieu_luc: 01/01/2024 is before ngay_ban_hanh 15/03/2024; a document "
        "cannot take effect before it is issued",
        id="effective-before-issued",
    ),
    pytest.param(
        'trich_yeu: "Ban hành Quy chế quản lý Cổng Thông tin điện tử tỉnh"',
        "trich_yeu: yes",
        f"{P}:7: trich_yeu: yes is read as a yes/no value, not text; put it in double quotes: "
        'trich_yeu: "yes"',
        id="summary-yes",
    ),
    pytest.param(
        'nguoi_ky: "Chủ tịch UBND tỉnh"',
        "nguoi_ky: {ten: An}",
        f"{P}:8: nguoi_ky: expected text, found a group of keys",
        id="signer-mapping",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: ../tin-tuc/qd.pdf",
        f'{P}:9: tep: "../tin-tuc/qd.pdf" leaves the document\'s folder; put the file next '
        "to the document and write only its file name",
        id="file-outside",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: https://example.com/qd.pdf",
        f'{P}:9: tep: "https://example.com/qd.pdf" leaves the document\'s folder; put the file '
        "next to the document and write only its file name",
        id="file-url",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: qd.exe",
        f'{P}:9: tep: "qd.exe" has ".exe"; attach the document as .pdf, .docx, .doc, .xlsx, .odt',
        id="file-extension",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: khong-co.pdf",
        f'{P}:9: tep: "khong-co.pdf" does not exist next to the document; check the file name '
        "(letter case matters)",
        id="file-missing",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: QD.PDF",
        f'{P}:9: tep: "QD.PDF" does not exist next to the document; check the file name '
        "(letter case matters)",
        id="file-wrong-case",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: rong.pdf",
        f'{P}:9: tep: "rong.pdf" is empty (0 bytes); attach the real file',
        id="file-empty",
    ),
    pytest.param(
        "tep: qd.pdf",
        "tep: word.pdf",
        f'{P}:9: tep: "word.pdf" is not a PDF file (its content does not match its extension); '
        "export the document again or fix the extension",
        id="file-not-pdf",
    ),
    pytest.param(
        "tags: [công nghệ thông tin]",
        "tags: công nghệ thông tin",
        f"{P}:10: tags: expected a list, found a single value; write tags: [cải cách hành chính]",
        id="tags-scalar",
    ),
    pytest.param(
        "tags: [công nghệ thông tin]",
        "tags: [công nghệ, 2024]",
        f"{P}:10: tags[2]: 2024 is read as a number, not text; put it in double quotes: "
        'tags: "2024"',
        id="tags-number",
    ),
    pytest.param(
        "tags: [công nghệ thông tin]",
        "tag: [công nghệ thông tin]",
        f'{P}:10: tag: unknown key; did you mean "tags"?',
        id="unknown-key-typo",
    ),
    pytest.param(
        "tags: [công nghệ thông tin]",
        "slug: Quyết định 15",
        f'{P}:10: slug: "Quyết định 15" is not a slug; use lowercase ASCII letters, digits and '
        '"-" (for example quyet-dinh-15)',
        id="slug-not-ascii",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_VALUES)
def test_each_bad_value_is_reported_with_file_line_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    files: dict[str, str | bytes] = {
        "van-ban/qd.md": with_line(old, new),
        "van-ban/qd.pdf": PDF,
        "van-ban/rong.pdf": b"",
        "van-ban/word.pdf": b"PK\x03\x04 a docx renamed",
    }
    assert problems_of(tmp_path, files) == [message]


BROKEN_YAML = [
    pytest.param(
        'trich_yeu: "Ban hành Quy chế quản lý Cổng Thông tin điện tử tỉnh"',
        "trich_yeu: Về việc: ban hành quy chế",
        f'{P}:7: trich_yeu: the value contains ": "; put the whole value in double quotes, '
        'for example title: "Thông báo: …"',
        id="unquoted-colon",
    ),
    pytest.param(
        "tags: [công nghệ thông tin]",
        "tags:\n\t- công nghệ thông tin",
        f"{P}:11: tags: a tab character is used; indent with spaces only",
        id="tab",
    ),
    pytest.param(
        'nguoi_ky: "Chủ tịch UBND tỉnh"',
        'nguoi_ky: "Chủ tịch UBND tỉnh',
        f"{P}:8: nguoi_ky: a quote is opened but never closed; end the value with the same "
        'quote (")',
        id="unclosed-quote",
    ),
    pytest.param(
        'nguoi_ky: "Chủ tịch UBND tỉnh"',
        "hinh_thuc: Chỉ thị",
        f"{P}:8: hinh_thuc: given twice (first on line 3); keep one of them",
        id="duplicate-key",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), BROKEN_YAML)
def test_broken_yaml_gets_the_same_messages_as_news_items(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    files: dict[str, str | bytes] = {"van-ban/qd.md": with_line(old, new), "van-ban/qd.pdf": PDF}
    assert problems_of(tmp_path, files) == [message]


def test_missing_required_keys_are_each_reported_with_an_example(tmp_path: Path) -> None:
    text = '---\nnguoi_ky: "Chủ tịch"\n---\n'
    assert problems_of(tmp_path, {"van-ban/trong.md": text}) == [
        f"content/van-ban/trong.md:1: {line}"
        for line in (
            'co_quan_ban_hanh: is missing; add co_quan_ban_hanh: "UBND tỉnh"',
            'hinh_thuc: is missing; add hinh_thuc: "Quyết định" (Quyết định, Chỉ thị, Kế hoạch, '
            "Công văn…)",
            "ngay_ban_hanh: is missing; add ngay_ban_hanh: 15/03/2024 (the date printed on the "
            "document)",
            'so_ky_hieu: is missing; add so_ky_hieu: "15/2024/QĐ-UBND" (the number printed on '
            "the document)",
            "tep: is missing; add tep: <file name> and put the PDF or Word file next to this file",
            'trich_yeu: is missing; add trich_yeu: "Về việc …" (the summary printed under the '
            "number)",
        )
    ]


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "van-ban/a.md": with_line("ngay_ban_hanh: 15/03/2024", "ngay_ban_hanh: 32/13/2024").replace(
            "hinh_thuc: Quyết định", "hinh_thuc: Quyết đinh"
        ),
        "van-ban/b.md": b'---\nso_ky_hieu: "1/UBND"\ntrich_yeu: "Gi\xe1 tr\xfb"\n---\n',
        "van-ban/c.md": "Không có phần đầu.\n",
        "van-ban/qd.pdf": PDF,
    }
    assert problems_of(tmp_path, files) == [
        'content/van-ban/a.md:3: hinh_thuc: "Quyết đinh" is not a known kind of document; '
        'did you mean "Quyết định"?',
        'content/van-ban/a.md:5: ngay_ban_hanh: "32/13/2024" is not a real date '
        "(use 03/08/2018 or 2018-08-03)",
        "content/van-ban/b.md:3: file: not valid UTF-8 (byte 0xe1); save the file with UTF-8 "
        "encoding (in Notepad: File > Save As > Encoding: UTF-8)",
        "content/van-ban/c.md:1: file: no front matter: the file must start with a line "
        "containing ---",
    ]


def test_two_documents_with_the_same_number_are_both_named(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "van-ban/a.md": GOOD,
        "van-ban/b.md": GOOD.replace("tep: qd.pdf", "tep: qd2.pdf"),
        "van-ban/qd.pdf": PDF,
        "van-ban/qd2.pdf": PDF,
    }
    assert problems_of(tmp_path, files) == [
        'content/van-ban/b.md: slug: "15/2024/QĐ-UBND" gives the same address '
        "/van-ban/15-2024-qd-ubnd/ as content/van-ban/a.md; if they are different documents "
        "add slug: 15-2024-qd-ubnd-2024 to this one"
    ]


def test_one_file_cannot_be_attached_to_two_documents(tmp_path: Path) -> None:
    other = GOOD.replace('"15/2024/QĐ-UBND"', '"16/2024/QĐ-UBND"')
    files: dict[str, str | bytes] = {
        "van-ban/a.md": GOOD,
        "van-ban/b.md": other,
        "van-ban/qd.pdf": PDF,
    }
    assert problems_of(tmp_path, files) == [
        'content/van-ban/b.md: tep: "qd.pdf" is already the file of content/van-ban/a.md; '
        "each document needs its own file"
    ]


def test_an_authored_list_page_is_refused(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"van-ban/index.md": "# Văn bản\n"}
    content = write(tmp_path, files)
    documents, problems = catalog.load(content, ["van-ban/index.md"])
    assert documents == []
    assert [p.format() for p in problems] == [
        "content/van-ban/index.md: file: van-ban/index.md is the register's list page, which "
        "bantin generates; rename this file (for example to the document's number, "
        "15-2024-qd-ubnd.md)"
    ]
