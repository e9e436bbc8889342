"""The five legacy seeds come out exactly right; the evaluation pages stay accurate."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin.importer import accuracy

HERE = Path(__file__).parent
SEEDS = accuracy.pages(HERE / "seeds")
EVALUATION = [
    page
    for folder in ("eval", "eval/holdout", "eval/holdout2", "eval/holdout3", "eval/holdout4")
    for page in accuracy.pages(HERE / folder)
]


def test_there_are_five_seeds_and_an_evaluation_set() -> None:
    assert len(SEEDS) == 5
    assert len(EVALUATION) >= 30


@pytest.mark.parametrize("page", SEEDS, ids=lambda p: p.name[:3])
def test_seed_page_is_extracted_exactly(page: Path) -> None:
    result = accuracy.evaluate(page)
    assert result.wrong == {}


@pytest.mark.parametrize("page", EVALUATION, ids=lambda p: p.stem)
def test_evaluation_page_officials_and_awards_are_right(page: Path) -> None:
    result = accuracy.evaluate(page)
    assert "officials" not in result.wrong
    assert "awards" not in result.wrong


def test_accuracy_report_lists_every_field_with_a_percentage() -> None:
    text = accuracy.report([accuracy.evaluate(page) for page in EVALUATION])
    for name in accuracy.FIELDS:
        assert f"\n{name} " in text
    assert "officials (each entry): precision" in text


def test_seed_000_has_the_known_officials_meeting_and_awards() -> None:
    from bantin.importer.extract import read_page

    item = read_page((HERE / "seeds/000_e86400924c2907be.txt").read_text())
    assert [(o.name, o.title) for o in item.officials] == [
        ("Lý Vinh Quang", "Phó Chủ tịch UBND tỉnh"),
        ("Nguyễn Long Hải", "Phó Chủ tịch UBND tỉnh"),
    ]
    assert item.meeting is not None and str(item.meeting.day) == "2018-08-03"
    assert [(a.name, a.issuer, a.collectives, a.individuals) for a in item.awards] == [
        ("Bằng khen", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", 1, 2),
        ("Bằng khen", "Chủ tịch UBND tỉnh", 3, 0),
        ("Bằng khen", "Chủ tịch UBND tỉnh", 2, 1),
        ("Giấy khen", "Chánh Văn phòng UBND tỉnh", 4, 7),
    ]
    assert {gap.field for gap in item.gaps} == {"date", "author"}
