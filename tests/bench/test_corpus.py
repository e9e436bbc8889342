"""The benchmark corpus: deterministic, valid for bantin, and shaped like a real portal."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from bantin.bench import corpus
from bantin.core import index
from bantin.core.vntext import grouping_key

COUNT = 240
# 40 items a year spreads the small corpus over six years, like an archive would be.
PER_YEAR = 40


def _digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "content"
    corpus.write(root, COUNT, per_year=PER_YEAR)
    return root


@pytest.fixture(scope="module")
def loaded(content: Path) -> tuple[index.NewsIndex, list[str]]:
    items, problems = index.load(content, index.discover(content))
    assert [problem.format() for problem in problems] == []
    news, build_problems = index.NewsIndex.build(items, now=corpus.LATEST, preview=False)
    return news, [problem.format() for problem in build_problems]


def test_same_seed_writes_identical_bytes(content: Path, tmp_path: Path) -> None:
    again = tmp_path / "content"
    corpus.write(again, COUNT, per_year=PER_YEAR)
    assert _digest(again) == _digest(content)


def test_another_seed_writes_other_items(tmp_path: Path) -> None:
    first = [item.text for item in corpus.generate(20, seed=1)]
    second = [item.text for item in corpus.generate(20, seed=2)]
    assert not set(first) & set(second)


def test_smaller_corpus_is_the_newest_part_of_a_larger_one() -> None:
    small = [item.text for item in corpus.generate(30)]
    large = [item.text for item in corpus.generate(90)]
    assert large[:30] == small


def test_every_item_loads_and_publishes_without_a_problem(
    loaded: tuple[index.NewsIndex, list[str]],
) -> None:
    news, problems = loaded
    assert problems == []
    assert len(news.items) == COUNT
    assert {item.status for item in news.items} == {"published"}


def test_newest_item_is_published_at_the_fixed_latest_moment(
    loaded: tuple[index.NewsIndex, list[str]],
) -> None:
    news, _ = loaded
    assert news.items[-1].date == corpus.LATEST


def test_items_spread_over_years_and_months(loaded: tuple[index.NewsIndex, list[str]]) -> None:
    news, _ = loaded
    assert len(news.years()) >= 6
    assert len(news.months()) >= 60


def test_bodies_are_about_seven_hundred_words() -> None:
    words = [item.words for item in corpus.generate(50)]
    assert min(words) >= corpus.BODY_WORDS
    assert max(words) < corpus.BODY_WORDS + 250


def test_body_text_is_vietnamese_from_the_seed_pages() -> None:
    text = next(iter(corpus.generate(1))).text
    assert "Văn phòng UBND tỉnh" in text or "UBND tỉnh" in text
    assert "{" not in text.split("---", 2)[2]  # every slot was filled


def test_tags_follow_a_zipf_like_frequency(loaded: tuple[index.NewsIndex, list[str]]) -> None:
    news, _ = loaded
    sizes = sorted((len(term.items) for term in news.topics), reverse=True)
    assert len(sizes) > 50
    assert sizes[0] > 5 * sizes[20]


def test_tone_placement_variants_are_written_and_merge_into_one_official(
    content: Path, loaded: tuple[index.NewsIndex, list[str]]
) -> None:
    news, _ = loaded
    texts = "".join(path.read_text(encoding="utf-8") for path in content.rglob("*.md"))
    assert "Nguyễn Văn Hòa" in texts
    assert "Nguyễn Văn Hoà" in texts
    hoa = news.official_for("Nguyễn Văn Hoà")
    assert set(hoa.spellings) == {"Nguyễn Văn Hòa", "Nguyễn Văn Hoà"}
    pool_keys = {grouping_key(p.spellings[0]) for p in corpus.vocab.OFFICIALS}
    assert {official.key for official in news.officials} <= pool_keys
    assert 30 <= len(news.officials) <= len(corpus.vocab.OFFICIALS)


def test_names_that_differ_by_a_tone_stay_two_officials(
    loaded: tuple[index.NewsIndex, list[str]],
) -> None:
    news, _ = loaded
    assert news.official_for("Phạm Văn Hải") != news.official_for("Phạm Văn Hài")


def test_officials_hold_different_titles_over_the_years(
    loaded: tuple[index.NewsIndex, list[str]],
) -> None:
    news, _ = loaded
    cuu = news.official_for("Bùi Văn Cửu")
    titles = {span.title for span in cuu.titles}
    assert "Phó Chủ tịch TT UBND tỉnh" in titles
    assert "Chủ tịch UBND tỉnh" in titles


def test_awards_carry_issuers_and_counts(loaded: tuple[index.NewsIndex, list[str]]) -> None:
    news, _ = loaded
    rows = news.award_rows
    assert len(rows) > COUNT // 5
    assert all(row.award.collectives + row.award.individuals > 0 for row in rows)
    issuers = Counter(tally.label for tally in news.award_tallies("issuer"))
    assert len(issuers) >= 5


def test_meetings_are_dated_on_or_just_before_publication(
    loaded: tuple[index.NewsIndex, list[str]],
) -> None:
    news, _ = loaded
    meetings = [item for item in news.items if item.meeting is not None]
    assert len(meetings) > COUNT // 3
    for item in meetings:
        assert item.meeting is not None
        assert 0 <= (item.date.date() - item.meeting.date).days <= 2


def test_images_are_written_next_to_bundled_items(tmp_path: Path) -> None:
    calls: list[tuple[Path, int, int]] = []

    def tiny_photo(path: Path, width: int, height: int, seed: int) -> None:
        calls.append((path, width, height))
        corpus.default_photo_writer(path, 64, 48, seed)

    summary = corpus.write(tmp_path, 3, images=True, photo_writer=tiny_photo)
    assert summary.images == 6
    items, problems = index.load(tmp_path, index.discover(tmp_path))
    assert [problem.format() for problem in problems] == []
    assert all(item.src_uri.endswith("/index.md") and item.image for item in items)
    assert all(path.is_file() and path.stat().st_size > 0 for path, _, _ in calls)


def test_default_photo_writer_is_reproducible(tmp_path: Path) -> None:
    corpus.default_photo_writer(tmp_path / "a.jpg", 120, 90, 7)
    corpus.default_photo_writer(tmp_path / "b.jpg", 120, 90, 7)
    assert (tmp_path / "a.jpg").read_bytes() == (tmp_path / "b.jpg").read_bytes()
