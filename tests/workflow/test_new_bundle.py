"""``bantin new``: the slug written so a title can be corrected, photo bundles, officials."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin import cli
from bantin.core import index
from PIL import Image


def _new(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["new", *args])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err


def _load(project: Path) -> list[index.NewsItem]:
    content = project / "content"
    items, problems = index.load(content, index.discover(content))
    assert problems == []
    return list(items)


def test_the_slug_is_written_so_a_corrected_title_keeps_the_address(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed, _ = _new(capsys, "Hội nghi sơ kết", "--date", "2018-08-03", "--author", "A")
    assert code == 0
    path = project / printed
    text = path.read_text(encoding="utf-8")
    assert "\nslug: hoi-nghi-so-ket\n" in text
    path.write_text(text.replace("Hội nghi sơ kết", "Hội nghị sơ kết tháng 8"), encoding="utf-8")
    (item,) = _load(project)
    assert item.title == "Hội nghị sơ kết tháng 8"
    assert item.slug == "hoi-nghi-so-ket"


def test_image_makes_a_bundle_with_the_photo_as_lead_image(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    photo = tmp_path / "Ảnh Hội Nghị (1).JPG"
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(photo, "JPEG")
    code, printed, err = _new(
        capsys, "Tin có ảnh", "--date", "2020-05-04 08:00", "--author", "A", "--image", str(photo)
    )
    assert code == 0, err
    assert printed == "content/tin-tuc/2020/tin-co-anh/index.md"
    folder = project / "content/tin-tuc/2020/tin-co-anh"
    assert sorted(p.name for p in folder.iterdir()) == ["anh-hoi-nghi-1.jpg", "index.md"]
    assert (folder / "anh-hoi-nghi-1.jpg").read_bytes() == photo.read_bytes()
    (item,) = _load(project)
    assert item.image == "anh-hoi-nghi-1.jpg"


def test_a_missing_photo_is_a_usage_error_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _new(capsys, "Tin", "--author", "A", "--image", "khong-co.jpg")
    assert code == 2
    assert "--image khong-co.jpg: no such file" in err
    assert list((project / "content/tin-tuc").iterdir()) == []


@pytest.mark.parametrize(
    ("value", "fixed"),
    [
        ("Lý Vinh Quang - Phó Chủ tịch UBND tỉnh", "Lý Vinh Quang|Phó Chủ tịch UBND tỉnh"),
        ("Lý Vinh Quang – Phó Chủ tịch UBND tỉnh", "Lý Vinh Quang|Phó Chủ tịch UBND tỉnh"),
        ("Lý Vinh Quang, Phó Chủ tịch UBND tỉnh", "Lý Vinh Quang|Phó Chủ tịch UBND tỉnh"),
        ("Lý Vinh Quang: Phó Chủ tịch UBND tỉnh", "Lý Vinh Quang|Phó Chủ tịch UBND tỉnh"),
    ],
)
def test_another_separator_for_an_official_is_refused_with_the_fixed_text(
    project: Path, capsys: pytest.CaptureFixture[str], value: str, fixed: str
) -> None:
    code, _, err = _new(capsys, "Tin", "--author", "A", "--official", value)
    assert code == 2
    assert f'(write --official "{fixed}")' in err
    assert list((project / "content/tin-tuc").rglob("*.md")) == []


def test_a_hyphenated_name_without_a_title_is_kept(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _new(
        capsys, "Tin", "--date", "2020-01-01", "--author", "A", "--official", "Nguyễn Thị Mai-Anh"
    )
    assert code == 0, err
    (item,) = _load(project)
    assert [o.name for o in item.officials] == ["Nguyễn Thị Mai-Anh"]
