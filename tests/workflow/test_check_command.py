"""``bantin check``: the build's messages, the reviewer's warnings, exit codes, GitHub output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bantin import cli
from bantin.core import index

WriteItem = Callable[..., Path]


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = cli.main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_clean_content_exits_zero(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/so-ket.md")
    code, lines, err = _check(capsys)
    assert (code, lines) == (0, [])
    assert "content is clean" in err


def test_every_problem_in_every_file_is_reported_with_the_builds_own_words(
    project: Path, write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/a.md", text='---\ntitle: Thông báo: họp\ndate: 2018-08-03\nauthor: "A"\n---\n')
    write_item("2018/b.md", text='---\ntitle: "B"\ndate: 32/13/2020\nauthor: yes\n---\n')
    write_item("2018/c.md", text='---\ntitle: "C"\ndate: 2018-08-03\n---\n')
    (project / "content/tin-tuc/2018/d.md").write_bytes(b'---\ntitle: "\xff"\n---\n')
    code, lines, err = _check(capsys)
    content = project / "content"
    _, build_problems = index.load(content, index.discover(content))
    assert code == 1
    assert lines == [problem.format() for problem in sorted(build_problems)]
    assert lines == [
        'content/tin-tuc/2018/a.md:2: title: the value contains ": "; put the whole value in '
        'double quotes, for example title: "Thông báo: …"',
        'content/tin-tuc/2018/b.md:3: date: "32/13/2020" is not a real date (use 03/08/2018 or '
        "2018-08-03)",
        "content/tin-tuc/2018/b.md:4: author: yes is read as a yes/no value, not text; put it "
        'in double quotes: author: "yes"',
        'content/tin-tuc/2018/c.md:1: author: is missing; add author: "Họ và tên" (author and '
        "source are required on every article)",
        "content/tin-tuc/2018/d.md:2: file: not valid UTF-8 (byte 0xff); save the file with "
        "UTF-8 encoding (in Notepad: File > Save As > Encoding: UTF-8)",
    ]
    assert "5 error(s), 0 warning(s)" in err


def test_one_person_spelled_two_ways_gets_the_canonical_spelling(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/a.md", title="Bài một", official="Bùi Văn Cửu")
    write_item("2018/b.md", title="Bài hai", official="Bùi Văn Cửu")
    write_item("2018/c.md", title="Bài ba", official="Bùi văn Cửu")
    code, lines, _ = _check(capsys)
    assert code == 0  # a warning: the build merges them, but readers see two spellings
    assert lines == [
        'content/tin-tuc/2018/c.md:7: warning: officials[1].name: "Bùi văn Cửu": write '
        '"Bùi Văn Cửu" (used 2 time(s)) so every item spells this person the same way'
    ]


def test_names_only_diacritics_apart_are_flagged_as_possibly_the_same(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/a.md", title="Bài một", official="Nguyễn Long Hải", tags="sơ kết")
    write_item("2018/b.md", title="Bài hai", official="Nguyễn Long Hải", tags="sơ kết")
    write_item("2018/c.md", title="Bài ba", official="Nguyễn Long Hài", tags="so ket")
    _, lines, _ = _check(capsys)
    assert lines == [
        'content/tin-tuc/2018/c.md:5: warning: tags[1]: "so ket": looks like "sơ kết" (used 2 '
        'time(s)); if it is the same topic, write "sơ kết", otherwise ignore this warning',
        'content/tin-tuc/2018/c.md:7: warning: officials[1].name: "Nguyễn Long Hài": looks like '
        '"Nguyễn Long Hải" (used 2 time(s)); if it is the same person, write "Nguyễn Long Hải", '
        "otherwise ignore this warning",
    ]


def test_different_titles_for_one_person_in_one_month(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/a.md", title="Bài một", date="2018-08-01")
    write_item("2018/b.md", title="Bài hai", date="2018-08-20")
    write_item("2018/c.md", title="Bài ba", date="2018-08-25", official_title="Chủ tịch UBND tỉnh")
    write_item("2018/d.md", title="Bài bốn", date="2018-09-02", official_title="Chủ tịch UBND tỉnh")
    _, lines, _ = _check(capsys)
    assert lines == [
        "content/tin-tuc/2018/c.md:7: warning: officials[1].title: Lý Vinh Quang is "
        '"Chủ tịch UBND tỉnh" here but "Phó Chủ tịch UBND tỉnh" in other items of 08/2018; '
        "use one title for the same month"
    ]


def test_links_and_images_that_go_nowhere(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/dich.md", title="Bài đích")
    write_item(
        "2018/nguon.md",
        title="Bài nguồn",
        date="2018-08-05",
        body=(
            "\n[đúng](dich.md) [đúng URL](/tin-tuc/2018/08/bai-dich/) [tháng](/tin-tuc/2018/08/)\n"
            "[sai](../2017/khong-co.md) và [sai URL](/tin-tuc/2018/08/khong-co/)\n"
            "[ngoài](https://vinhlong.gov.vn/) ![ảnh](khong-co.jpg)\n"
            "```\n[trong code](khong-sao.md)\n```\n"
        ),
    )
    code, lines, _ = _check(capsys)
    assert code == 1
    assert lines == [
        'content/tin-tuc/2018/nguon.md:13: link: "../2017/khong-co.md" links to an item file '
        "that does not exist; check the path and file name",
        'content/tin-tuc/2018/nguon.md:13: link: "/tin-tuc/2018/08/khong-co/" links to a page of '
        "the portal that does not exist; copy the address from the item's page in the preview "
        "(scripts/serve)",
        'content/tin-tuc/2018/nguon.md:14: image: "khong-co.jpg" does not exist next to the item; '
        "check the file name (letter case matters)",
    ]


def test_link_from_a_published_item_to_a_draft_is_reported(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item(
        "2018/nhap.md",
        text='---\ntitle: "Nháp"\ndate: 2018-08-03\nauthor: "A"\ndraft: true\n---\n\nNội dung.\n',
    )
    write_item("2018/nguon.md", title="Nguồn", body="\n[nháp](nhap.md)\n")
    _, lines, _ = _check(capsys)
    assert lines == [
        'content/tin-tuc/2018/nguon.md:12: link: "nhap.md" links to content/tin-tuc/2018/nhap.md, '
        "which is a draft; the link is broken until that item is published"
    ]


def test_github_format_prints_annotations(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/a.md", text='---\ntitle: "A"\ndate: 2018-02-30\nauthor: "B"\n---\n')
    code, lines, _ = _check(capsys, "--format", "github")
    assert code == 1
    assert lines == [
        '::error file=content/tin-tuc/2018/a.md,line=3::date: "2018-02-30" is not a real date '
        "(use 03/08/2018 or 2018-08-03)"
    ]


def test_paths_limit_the_report_to_those_items(
    project: Path, write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/a.md", text='---\ntitle: "A"\ndate: 2018-02-30\nauthor: "B"\n---\n')
    good = write_item("2019/b.md", title="Tốt", date="2019-01-01")
    code, lines, _ = _check(capsys, str(good))
    assert (code, lines) == (0, [])
    code, lines, _ = _check(capsys, "content/tin-tuc/2018")
    assert code == 1
    assert len(lines) == 1


def test_a_path_that_does_not_exist_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _check(capsys, "content/tin-tuc/khong-co.md")
    assert code == 2
    assert "content/tin-tuc/khong-co.md: file: does not exist" in err


def test_outside_a_project_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _check(capsys)
    assert code == 2
    assert "no content folder" in err


def test_unknown_option_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(capsys, "--format", "xml")[0] == 2


def test_import_markers_are_warnings_and_strict_fails_on_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = Path(__file__).parent.parent / "importer/seeds/002_8eeb28d38897b78e.txt"
    assert cli.main(["import", str(seed), "--out", "content/tin-tuc"]) == 0
    capsys.readouterr()
    code, lines, _ = _check(capsys)
    assert code == 0
    assert [line.split(": ", 2)[1] for line in lines] == ["warning", "warning", "warning"]
    assert (
        "date: marked by bantin import for a person to finish (trang gốc không có ngày"
        in (lines[0])
    )
    assert _check(capsys, "--strict")[0] == 1


def test_imported_seeds_pass_check_with_only_marker_warnings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = Path(__file__).parent.parent / "importer/seeds"
    assert cli.main(["import", str(seeds), "--out", "content/tin-tuc"]) == 0
    capsys.readouterr()
    code, lines, _ = _check(capsys)
    assert code == 0
    assert lines
    assert all(": warning: " in line and "marked by bantin import" in line for line in lines)


def test_on_a_tie_the_spelling_used_first_is_the_canonical_one(
    write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item("2018/cu.md", title="Bài cũ", date="2018-08-01", tags="sơ kết")
    write_item("2019/moi.md", title="Bài mới", date="2019-01-01", tags="Sơ Kết")
    _, lines, _ = _check(capsys)
    assert lines == [
        'content/tin-tuc/2019/moi.md:5: warning: tags[1]: "Sơ Kết": write "sơ kết" (used 1 '
        "time(s)) so every item spells this topic the same way"
    ]


def test_images_of_a_bundle_are_validated_with_real_files(
    project: Path, write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    folder = project / "content/tin-tuc/2018/bai"
    folder.mkdir(parents=True)
    Image.new("RGB", (64, 48), (200, 10, 10)).save(folder / "tot.jpg")
    (folder / "hong.jpg").write_bytes(b"not an image at all")
    write_item(
        "2018/bai/index.md",
        text='---\ntitle: "Bài có ảnh"\ndate: 2018-08-03\nauthor: "A"\nimage: tot.jpg\n---\n\n'
        "Nội dung đủ dài cho đoạn mở đầu.\n\n![Ảnh tốt](tot.jpg)\n\n![Ảnh hỏng](hong.jpg)\n\n"
        "![Ảnh thiếu](thieu.jpg)\n",
    )
    code, lines, _ = _check(capsys)
    assert code == 1
    assert len(lines) == 2
    assert lines[0].startswith('content/tin-tuc/2018/bai/index.md:12: image: "hong.jpg" ')
    assert lines[1] == (
        'content/tin-tuc/2018/bai/index.md:14: image: "thieu.jpg" does not exist next to the '
        "item; check the file name (letter case matters)"
    )


def test_html_the_build_would_refuse_is_reported_and_code_is_not(
    project: Path, write_item: WriteItem, capsys: pytest.CaptureFixture[str]
) -> None:
    write_item(
        "2018/so-ket.md",
        body=(
            "\n[trang tỉnh](https://vinhlong.gov.vn/) và `<script>` trong code.\n\n"
            "```html\n<iframe src='https://example.com/'></iframe>\n```\n\n"
            "[bấm](javascript:alert(1)) rồi chữ &#273;ậm\n"
        ),
    )
    write_item("2018/sach.md", title="Bài sạch", body="\n[đích](so-ket.md)\n")
    write_item("2018/che.md", title="Bài che", body="\n\n[bấm](jav&#97;script:alert(2))\n")
    (project / "content/gioi-thieu.md").write_text(
        "# Giới thiệu\n\n<iframe src='https://example.com/'></iframe>\n", encoding="utf-8"
    )

    code, lines, _ = _check(capsys)

    assert code == 1
    refused = (
        ': html: <a href="javascript:…"> is not allowed: links can only lead to web pages '
        "(https://…), e-mail or phone numbers"
    )
    assert lines == [
        "content/gioi-thieu.md:3: html: <iframe> is not allowed: embedded frames are not "
        "allowed; link to the page instead",
        f"content/tin-tuc/2018/che.md:13{refused}",  # found behind a character reference
        f"content/tin-tuc/2018/so-ket.md:18{refused}",
    ]
