"""``bantin new``: a valid draft at the right place, never overwriting anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin import cli
from bantin.core import index


def _new(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["new", *args])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err


def test_new_item_is_a_valid_draft_in_its_year_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed, _ = _new(
        capsys,
        "Thông báo: Văn phòng UBND tỉnh họp về bão số 3",
        "--date",
        "03/08/2018 09:12",
        "--tag",
        "phòng chống thiên tai",
        "--official",
        "Lý Vinh Quang|Phó Chủ tịch UBND tỉnh",
        "--author",
        "Nguyễn Thanh Tùng",
    )
    assert code == 0
    assert printed == "content/tin-tuc/2018/thong-bao-van-phong-ubnd-tinh-hop-ve-bao-so-3.md"
    content = project / "content"
    items, problems = index.load(content, index.discover(content))
    assert problems == []
    (item,) = items
    assert item.title == "Thông báo: Văn phòng UBND tỉnh họp về bão số 3"
    assert item.draft
    assert item.date.strftime("%d/%m/%Y %H:%M") == "03/08/2018 09:12"
    assert item.tags == ("phòng chống thiên tai",)
    assert [(o.name, o.title) for o in item.officials] == [
        ("Lý Vinh Quang", "Phó Chủ tịch UBND tỉnh")
    ]
    assert item.author == "Nguyễn Thanh Tùng"


def test_same_title_twice_gets_a_new_file_and_slug_never_overwrites(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = project / "content/tin-tuc/2018/so-ket.md"
    assert _new(capsys, "Sơ kết", "--date", "2018-08-03", "--author", "A")[0] == 0
    first.write_text(first.read_text() + "\nĐã viết.\n")
    before = first.read_text()
    code, printed, _ = _new(capsys, "Sơ kết", "--date", "2018-08-03", "--author", "A")
    assert code == 0
    assert printed.endswith("so-ket-2.md")
    assert first.read_text() == before
    content = project / "content"
    items, problems = index.load(content, index.discover(content))
    assert problems == []
    _, build_problems = index.NewsIndex.build(items, now=items[0].date, preview=True)
    assert build_problems == []  # distinct URLs as well as distinct files


def test_without_author_the_placeholder_is_valid_and_marked(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(project / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    code, printed, _ = _new(capsys, "Tin mới", "--date", "2020-01-01")
    assert code == 0
    text = (project / printed).read_text()
    assert 'author: "Họ và tên tác giả"  # sửa thành tên tác giả' in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "the title is empty"),
        (["!!!"], "no letters or digits"),
        (["Tin", "--date", "29/02/2023"], '--date: "29/02/2023" is not a real date'),
        (["Tin", "--date", "hôm qua"], '--date: "hôm qua" is not a date'),
        (["Tin", "--official", "|Chủ tịch"], 'write it as "Họ và tên|Chức vụ"'),
    ],
)
def test_bad_input_is_a_usage_error_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = _new(capsys, *args)
    assert code == 2
    assert message in err
    assert list((project / "content/tin-tuc").rglob("*.md")) == []


def test_missing_title_is_a_usage_error(project: Path) -> None:
    assert cli.main(["new"]) == 2


def test_outside_a_project_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _new(capsys, "Tin mới", "--author", "A")
    assert code == 2
    assert "no content folder" in err
    assert list(tmp_path.iterdir()) == []
