"""``bantin import`` end to end: files written, gaps marked, nothing ever overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin import cli
from bantin.core import index

HERE = Path(__file__).parent
SEEDS = HERE / "seeds"


def _items(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))


def test_seeds_are_written_under_year_folders_and_pass_the_build_validation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    out = content / "tin-tuc"
    assert cli.main(["import", str(SEEDS), "--out", str(out)]) == 0
    assert _items(out) == [
        "2016/van-phong-ubnd-tinh-giao-ban-danh-gia-tinh-hinh-cong-tac-qui-i-2016.md",
        "2017/hoi-nghi-can-bo-cong-chuc-vien-chuc-van-phong-uy-ban-nhan-dan-tinh-vinh-long-nam.md",
        "2017/van-phong-ubnd-tinh-chu-dong-hon-cong-tac-tham-muu-de-xuat.md",
        "2018/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018.md",
        "2020/van-phong-ubnd-tinh-tong-ket-cong-tac-nam-2019-trien-khai-nhiem-vu-nam-2020.md",
    ]
    items, problems = index.load(content, index.discover(content))
    assert problems == []
    assert len(items) == 5
    printed = capsys.readouterr().out
    assert "5 item(s) written; 5 field(s) need a person" in printed


def test_missing_author_and_date_are_marked_and_the_item_stays_a_draft(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["import", str(SEEDS / "000_e86400924c2907be.txt"), "--out", str(out)]) == 0
    text = (out / "2018/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018.md").read_text()
    assert 'author: "CẦN BỔ SUNG"  # CẦN BỔ SUNG: trang gốc không có tên tác giả' in text
    assert "date: 2018-08-03 00:00  # CẦN BỔ SUNG: trang gốc không có ngày đăng" in text
    assert "\ndraft: true  # CẦN BỔ SUNG" in text
    assert "*Quang cảnh hội nghị*" in text
    assert "Skip to main content" not in text


def test_unknown_award_counts_are_left_out_and_marked_never_zero(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cli.main(["import", str(SEEDS / "004_5101806975eafe1c.txt"), "--out", str(out)])
    text = (out / "2017/van-phong-ubnd-tinh-chu-dong-hon-cong-tac-tham-muu-de-xuat.md").read_text()
    assert (
        '  - {name: "Bằng khen", issuer: "Chủ tịch UBND tỉnh"}  '
        "# CẦN BỔ SUNG: trang gốc không nêu số tập thể/cá nhân"
    ) in text


def test_existing_files_are_never_overwritten_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    target = out / "2017/van-phong-ubnd-tinh-chu-dong-hon-cong-tac-tham-muu-de-xuat.md"
    target.parent.mkdir(parents=True)
    target.write_text("my own edits\n")
    assert cli.main(["import", str(SEEDS), "--out", str(out)]) == 1
    assert target.read_text() == "my own edits\n"
    assert _items(out) == ["2017/van-phong-ubnd-tinh-chu-dong-hon-cong-tac-tham-muu-de-xuat.md"]
    err = capsys.readouterr().err
    assert f"{target}: file: already exists" in err
    assert "nothing was written" in err


def test_dry_run_reports_but_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert cli.main(["import", str(SEEDS), "--out", str(out), "--dry-run"]) == 0
    assert not out.exists()
    printed = capsys.readouterr().out
    assert "(would write)" in printed
    assert "author: not extracted: no author signature found" in printed
    assert "meeting.date: the text gives no year; 2017 was taken from the publication date" in (
        printed
    )


def test_two_pages_with_one_title_get_distinct_files(tmp_path: Path) -> None:
    page = (SEEDS / "001_bf663195ba18aaf5.txt").read_text()
    (tmp_path / "a.txt").write_text(page)
    (tmp_path / "b.txt").write_text(page)
    out = tmp_path / "out"
    assert (
        cli.main(["import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out)])
        == 0
    )
    second = next(out.rglob("*-2.md"))
    assert f"\nslug: {second.stem}\n" in second.read_text()
    items, problems = index.load(
        tmp_path, [p.relative_to(tmp_path).as_posix() for p in out.rglob("*.md")]
    )
    assert problems == []
    assert len({item.slug for item in items}) == 2


def test_missing_source_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["import", str(tmp_path / "nope.txt"), "--out", str(tmp_path)]) == 2
    assert "nope.txt: file: does not exist" in capsys.readouterr().err


def test_missing_out_option_is_a_usage_error(tmp_path: Path) -> None:
    assert cli.main(["import", str(SEEDS)]) == 2


def test_html_page_with_markup_in_text_is_escaped_not_published_as_html(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text(
        "<html><body><h1>Tiêu đề có &lt;img src=x onerror=alert(1)&gt; trong đó</h1>"
        "<p>Ngày 03/8/2018 08:00</p>"
        "<p>Đoạn văn có &lt;script&gt;alert(1)&lt;/script&gt; và *sao* và [ngoặc](x).</p>"
        "<p>Tin: Minh Anh</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert cli.main(["import", str(page), "--out", str(out)]) == 0
    (written,) = out.rglob("*.md")
    text = written.read_text()
    assert 'title: "Tiêu đề có <img src=x onerror=alert(1)> trong đó"' in text
    assert "&lt;script\\>alert(1)&lt;/script\\> và \\*sao\\* và \\[ngoặc\\](x)." in text
    assert 'author: "Minh Anh"' in text


def test_out_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "file.md"
    target.write_text("x")
    assert cli.main(["import", str(SEEDS), "--out", str(target)]) == 2
    assert target.read_text() == "x"


def test_folder_without_pages_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main(["import", str(tmp_path / "empty"), "--out", str(tmp_path / "o")]) == 2


def test_canonical_address_of_the_old_page_becomes_an_alias(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://vinhlong.gov.vn/tin-tuc/hn-123.html">'
        "</head><body><h1>Hội nghị cán bộ công chức năm 2017</h1><p>23/02/2017 14:57</p>"
        "<p>Nội dung bài viết.</p><p>N.H</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "content/tin-tuc"
    assert cli.main(["import", str(page), "--out", str(out)]) == 0
    (written,) = out.rglob("*.md")
    assert 'aliases: ["/tin-tuc/hn-123.html"]' in written.read_text()
    items, problems = index.load(tmp_path / "content", index.discover(tmp_path / "content"))
    assert problems == []
    assert items[0].aliases == ("/tin-tuc/hn-123.html",)


def test_an_existing_item_with_the_same_url_makes_the_import_take_another_slug(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    out = content / "tin-tuc"
    written = out / "2020/da-co.md"
    written.parent.mkdir(parents=True)
    written.write_text(
        '---\ntitle: "Khác"\ndate: 2020-01-05\nauthor: "A"\n'
        "slug: van-phong-ubnd-tinh-tong-ket-cong-tac-nam-2019-trien-khai-nhiem-vu-nam-2020\n"
        "---\n\nNội dung.\n"
    )
    assert cli.main(["import", str(SEEDS / "001_bf663195ba18aaf5.txt"), "--out", str(out)]) == 0
    items, problems = index.load(content, index.discover(content))
    assert problems == []
    _, build_problems = index.NewsIndex.build(items, now=items[-1].date, preview=True)
    assert build_problems == []
    assert sorted(item.slug for item in items)[1].endswith("-2")


def test_sample_content_is_the_import_of_the_seeds_finished_only_where_marked(
    tmp_path: Path,
) -> None:
    """The portal's sample items are imported, not hand-copied: only marked lines differ."""
    import re

    out = tmp_path / "out"
    assert cli.main(["import", str(SEEDS), "--out", str(out)]) == 0
    sample = HERE.parent.parent / "content/tin-tuc"
    for imported in sorted(out.rglob("*.md")):
        text = imported.read_text(encoding="utf-8")
        text = re.sub(r"\ndraft: true  # CẦN BỔ SUNG[^\n]*", "", text)
        text = text.replace('author: "CẦN BỔ SUNG"', 'author: "Văn phòng UBND tỉnh"')
        text = re.sub(r"  # CẦN BỔ SUNG[^\n]*", "", text)
        committed = sample / imported.relative_to(out)
        assert committed.read_text(encoding="utf-8") == text, committed


def test_folders_saved_with_a_complete_page_are_skipped(tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    (saved / "bai_files").mkdir(parents=True)
    (saved / "bai.txt").write_text((SEEDS / "003_fbe9b8a89d13974c.txt").read_text())
    (saved / "bai_files/quang-cao.html").write_text("<html><body><p>Quảng cáo</p></body></html>")
    out = tmp_path / "out"
    assert cli.main(["import", str(saved), "--out", str(out)]) == 0
    assert len(_items(out)) == 1
