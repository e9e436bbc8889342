"""Every bad input named in the portal issue: file, line, field and a fix, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin.core.index import discover, load

HEADER = 'date: 2020-01-02\nauthor: "A"\n'

CASES: list[tuple[str, bytes, list[str]]] = [
    (
        "tab",
        b'---\ntitle: "T"\ndate: 2020-01-02\n\tauthor: "A"\n---\n',
        ["4: author: a tab character is used; indent with spaces only"],
    ),
    (
        "indentation",
        b'---\ntitle: "T"\n' + HEADER.encode() + b'officials:\n  - name: "X"\n   title: "Y"\n---\n',
        [
            "7: officials: the indentation is wrong; keys at the same level must start in the "
            "same column (use two spaces per level)"
        ],
    ),
    (
        "unclosed-quote",
        ('---\ntitle: "Chưa đóng\n' + HEADER + "---\n").encode(),
        ['2: title: a quote is opened but never closed; end the value with the same quote (")'],
    ),
    (
        "colon-in-title",
        "---\ntitle: Thông báo: họp giao ban\n".encode() + HEADER.encode() + b"---\n",
        [
            '2: title: the value contains ": "; put the whole value in double quotes, '
            'for example title: "Thông báo: …"'
        ],
    ),
    (
        "duplicate-key",
        b'---\ntitle: "A"\n' + HEADER.encode() + b'title: "B"\n---\n',
        ["5: title: given twice (first on line 2); keep one of them"],
    ),
    (
        "day-32",
        b'---\ntitle: "T"\ndate: 32/13/2020\nauthor: "A"\n---\n',
        ['3: date: "32/13/2020" is not a real date (use 03/08/2018 or 2018-08-03)'],
    ),
    (
        "not-leap",
        b'---\ntitle: "T"\ndate: 29/02/2023\nauthor: "A"\n---\n',
        ['3: date: "29/02/2023" is not a real date (use 03/08/2018 or 2018-08-03)'],
    ),
    (
        "february-30",
        b'---\ntitle: "T"\ndate: 2020-02-30\nauthor: "A"\nupdated: 2020-13-01\n---\n',
        [
            '3: date: "2020-02-30" is not a real date (use 03/08/2018 or 2018-08-03)',
            '5: updated: "2020-13-01" is not a real date (use 03/08/2018 or 2018-08-03)',
        ],
    ),
    (
        "list-for-mapping",
        b'---\ntitle: "T"\n' + HEADER.encode() + b"meeting: [2020-01-02]\n---\n",
        [
            "5: meeting: expected a group of keys, found a list; "
            'write meeting: {date: 2018-08-03, kind: "Hội nghị sơ kết"}'
        ],
    ),
    (
        "mapping-for-list",
        b'---\ntitle: "T"\n' + HEADER.encode() + b'officials: {name: "X"}\n---\n',
        [
            "5: officials: expected a list, found a group of keys; write officials: "
            '[{name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}]'
        ],
    ),
    (
        "scalar-for-mapping",
        b'---\ntitle: "T"\n' + HEADER.encode() + b"meeting: 2020-01-02\n---\n",
        [
            '5: meeting: expected a group of keys, found "2020-01-02"; '
            'write meeting: {date: 2018-08-03, kind: "Hội nghị sơ kết"}'
        ],
    ),
    (
        "whole-header-is-a-list",
        b"---\n- title\n- date\n---\n",
        ["2: file: the front matter must be lines of the form `key: value`"],
    ),
    (
        "unknown-key",
        b'---\ntitle: "T"\n' + HEADER.encode() + b"tag: [a]\nauthr: B\n---\n",
        [
            '5: tag: unknown key; did you mean "tags"?',
            '6: authr: unknown key; did you mean "author"?',
        ],
    ),
    (
        "yes-and-number-as-text",
        b"---\ntitle: yes\ndate: 2020-01-02\nauthor: 2020\n---\n",
        [
            '2: title: yes is read as a yes/no value, not text; put it in double quotes: title: "yes"',
            '4: author: 2020 is read as a number, not text; put it in double quotes: author: "2020"',
        ],
    ),
    (
        "negative-award-count",
        b'---\ntitle: "T"\n'
        + HEADER.encode()
        + "awards:\n  - {name: Bằng khen, issuer: Chủ tịch UBND tỉnh, collectives: -1, individuals: hai}\n---\n".encode(),
        [
            "6: awards[1].collectives: -1 is negative; a count is 0 or more",
            '6: awards[1].individuals: "hai" is not a whole number (write 0, 1, 2…)',
        ],
    ),
    (
        "award-without-issuer",
        b'---\ntitle: "T"\n'
        + HEADER.encode()
        + "awards:\n  - name: Bằng khen\n".encode()
        + b"---\n",
        ["6: awards[1].issuer: is missing"],
    ),
    (
        "not-utf8",
        b'---\ntitle: "Latin-1 \xe9"\n' + HEADER.encode() + b"---\n",
        [
            "2: file: not valid UTF-8 (byte 0xe9); save the file with UTF-8 encoding "
            "(in Notepad: File > Save As > Encoding: UTF-8)"
        ],
    ),
    (
        "missing-required",
        b'---\nsummary: "S"\n---\n',
        [
            '1: author: is missing; add author: "Họ và tên" (author and source are required on every article)',
            "1: date: is missing; add date: 2018-08-03 09:12",
            '1: title: is missing; add title: "Tiêu đề bài viết"',
        ],
    ),
    (
        "no-front-matter",
        b'title: "T"\n',
        ["1: file: no front matter: the file must start with a line containing ---"],
    ),
    (
        "unclosed-front-matter",
        b'---\ntitle: "T"\n',
        ["1: file: the front matter is not closed: add a line containing --- after it"],
    ),
    (
        "image-leaves-folder",
        b'---\ntitle: "T"\n' + HEADER.encode() + b"image: ../../../etc/passwd\n---\n",
        [
            '5: image: "../../../etc/passwd" leaves the item\'s folder; put the image next to the '
            "item and write only its file name"
        ],
    ),
    (
        "image-missing",
        b'---\ntitle: "T"\n' + HEADER.encode() + b"image: quang-canh.jpg\n---\n",
        [
            '5: image: "quang-canh.jpg" does not exist next to the item; check the file name '
            "(letter case matters)"
        ],
    ),
    (
        "bad-slug",
        b'---\ntitle: "T"\n' + HEADER.encode() + "slug: Sơ kết/../x\n".encode() + b"---\n",
        [
            '5: slug: "Sơ kết/../x" is not a slug; use lowercase ASCII letters, digits and "-" '
            "(for example so-ket-x)"
        ],
    ),
]


def _problems(tmp_path: Path, files: dict[str, bytes]) -> list[str]:
    content = tmp_path / "content"
    for name, raw in files.items():
        path = content / "tin-tuc" / "2020" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    _, problems = load(content, discover(content))
    return [p.format() for p in sorted(problems)]


@pytest.mark.parametrize(("name", "raw", "expected"), CASES, ids=[case[0] for case in CASES])
def test_bad_front_matter_names_file_line_field_and_fix(
    tmp_path: Path, name: str, raw: bytes, expected: list[str]
) -> None:
    assert _problems(tmp_path, {f"{name}.md": raw}) == [
        f"content/tin-tuc/2020/{name}.md:{line}" for line in expected
    ]


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {f"{name}.md": raw for name, raw, _ in CASES})
    assert len(problems) == sum(len(expected) for _, _, expected in CASES)


def test_bom_and_crlf_files_are_fine(tmp_path: Path) -> None:
    raw = (
        '\ufeff---\r\ntitle: "Hội nghị"\r\ndate: 03/08/2018 09:12\r\nauthor: "A"\r\n---\r\n'
        "Nội dung tin đủ dài để làm đoạn mở đầu của bài.\r\n"
    ).encode()
    content = tmp_path / "content"
    (content / "tin-tuc").mkdir(parents=True)
    (content / "tin-tuc" / "hoi-nghi.md").write_bytes(raw)
    items, problems = load(content, discover(content))
    assert problems == []
    assert items[0].title == "Hội nghị"
    assert items[0].summary == "Nội dung tin đủ dài để làm đoạn mở đầu của bài."


def test_a_syntax_error_does_not_hide_the_other_problems_of_the_file(tmp_path: Path) -> None:
    raw = (
        "---\n"
        'title: "Chưa đóng\n'  # the quote swallows what follows for the YAML parser
        "date: 32/13/2020\n"
        'author: "A"\n'
        "tieu_de_phu: x\n"
        "officials:\n"
        '  - name: "X"\n'
        "\ttitle: Y\n"  # a second syntax error, in another key
        "---\n"
    ).encode()

    assert _problems(tmp_path, {"nhieu-loi.md": raw}) == [
        "content/tin-tuc/2020/nhieu-loi.md:2: title: a quote is opened but never closed; end "
        'the value with the same quote (")',
        'content/tin-tuc/2020/nhieu-loi.md:3: date: "32/13/2020" is not a real date (use '
        "03/08/2018 or 2018-08-03)",
        "content/tin-tuc/2020/nhieu-loi.md:5: tieu_de_phu: unknown key; allowed keys: title, "
        "date, updated, summary, author, source, tags, meeting, officials, awards, image, "
        "image_caption, draft, slug, aliases",
        "content/tin-tuc/2020/nhieu-loi.md:8: title: a tab character is used; indent with "
        "spaces only",
    ]
