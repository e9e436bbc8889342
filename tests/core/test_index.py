from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from bantin.core import pages
from bantin.core.dates import VIETNAM
from bantin.core.index import NewsIndex, discover
from bantin.core.model import Award, NewsItem, Official

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=VIETNAM)


def news(slug: str, when: str, **fields: object) -> NewsItem:
    date = datetime.fromisoformat(when).replace(tzinfo=VIETNAM)
    values: dict[str, object] = {"title": slug.replace("-", " "), "author": "A"}
    values.update(fields)
    return NewsItem(
        src_uri=f"tin-tuc/{slug}.md",
        path=f"content/tin-tuc/{slug}.md",
        date=date,
        slug=slug,
        **values,  # type: ignore[arg-type]
    )


def build(*items: NewsItem, preview: bool = False) -> NewsIndex:
    index, problems = NewsIndex.build(list(items), now=NOW, preview=preview)
    assert problems == []
    return index


def test_items_sort_by_date_then_slug_and_get_dated_urls() -> None:
    index = build(
        news("b", "2018-08-03 09:00"), news("a", "2018-08-03 09:00"), news("c", "2017-01-01")
    )
    assert [i.slug for i in index.items] == ["c", "a", "b"]
    assert index.items[1].url == "tin-tuc/2018/08/a/"


def test_spellings_of_one_official_make_one_page_with_the_commonest_name() -> None:
    index = build(
        news("a", "2020-01-13", officials=(Official("Bùi Văn Cửu", "Phó Chủ tịch UBND tỉnh"),)),
        news("b", "2020-01-14", officials=(Official("Bùi văn Cửu", "Phó Chủ tịch TT UBND tỉnh"),)),
        news("c", "2020-02-01", officials=(Official("Bùi Văn Cửu", "Phó Chủ tịch TT UBND tỉnh"),)),
    )
    assert [(o.name, o.slug, len(o.items)) for o in index.officials] == [
        ("Bùi Văn Cửu", "bui-van-cuu", 3)
    ]
    titles = [(t.title, str(t.first), str(t.last)) for t in index.officials[0].titles]
    assert titles == [
        ("Phó Chủ tịch UBND tỉnh", "2020-01-13", "2020-01-13"),
        ("Phó Chủ tịch TT UBND tỉnh", "2020-01-14", "2020-02-01"),
    ]


def test_tone_placement_variants_share_a_topic_but_hai_and_hai_grave_do_not() -> None:
    index = build(
        news("a", "2020-01-01", tags=("Hòa Bình",)),
        news("b", "2020-01-02", tags=("Hoà Bình",)),
        news("c", "2020-01-03", officials=(Official("Nguyễn Long Hải"),)),
        news("d", "2020-01-04", officials=(Official("Nguyễn Long Hài"),)),
    )
    assert [(t.slug, len(t.items)) for t in index.topics] == [("hoa-binh", 2)]
    assert sorted(o.url for o in index.officials) == [
        "lanh-dao/nguyen-long-hai-2/",
        "lanh-dao/nguyen-long-hai/",
    ]


def test_two_items_with_one_slug_in_one_month_is_a_clear_error() -> None:
    _, problems = NewsIndex.build(
        [news("so-ket", "2018-08-03"), news("so-ket", "2018-08-20")], now=NOW, preview=False
    )
    assert [p.format() for p in problems] == [
        'content/tin-tuc/so-ket.md: slug: "so-ket" is also the slug of content/tin-tuc/so-ket.md '
        "in the same month, so both would be published at /tin-tuc/2018/08/so-ket/; add a "
        "different slug: line to one of them"
    ]


def test_drafts_and_future_items_are_only_in_the_preview() -> None:
    items = (
        news("draft", "2020-01-01", draft=True),
        news("future", "2027-01-01"),
        news("ok", "2020-01-02"),
    )
    assert [i.slug for i in build(*items).items] == ["ok"]
    preview = build(*items, preview=True)
    assert {i.slug: i.status for i in preview.items} == {
        "draft": "draft",
        "ok": "published",
        "future": "scheduled",
    }


def test_related_items_prefer_shared_officials_then_topics_then_recency() -> None:
    quang = (Official("Lý Vinh Quang"),)
    index = build(
        news("base", "2020-06-01", officials=quang, tags=("sơ kết",)),
        news("same-official", "2019-01-01", officials=quang),
        news("same-topic", "2019-02-01", tags=("Sơ kết",)),
        news("near-in-time", "2020-06-02"),
        news("far", "2010-01-01"),
    )
    related = index.related(index.by_src_uri["tin-tuc/base.md"], count=3)
    assert [i.slug for i in related] == ["same-official", "same-topic", "near-in-time"]


def test_award_tallies_group_issuers_and_sum_counts() -> None:
    index = build(
        news(
            "a",
            "2018-08-03",
            awards=(
                Award("Bằng khen", "Chủ tịch UBND tỉnh", 3, 0),
                Award("Bằng khen", "Chủ tịch Uỷ ban", 0, 1),
            ),
        ),
        news("b", "2019-01-13", awards=(Award("Giấy khen", "Chủ tịch UBND tỉnh", 2, 1),)),
    )
    by_issuer = {
        t.label: (t.awards, t.collectives, t.individuals) for t in index.award_tallies("issuer")
    }
    assert by_issuer == {"Chủ tịch UBND tỉnh": (2, 5, 1), "Chủ tịch Uỷ ban": (1, 0, 1)}
    assert [t.label for t in index.award_tallies("year")] == ["2019", "2018"]


def test_page_plan_paginates_every_list_with_stable_urls() -> None:
    items = [news(f"tin-{n:02d}", f"2018-08-{n:02d}", tags=("hội nghị",)) for n in range(1, 26)]
    specs = {spec.url: spec for spec in pages.plan(build(*items), page_size=10)}
    assert sorted(specs) == sorted(
        [
            "",
            "tin-tuc/",
            "tin-tuc/trang/2/",
            "tin-tuc/trang/3/",
            "tin-tuc/2018/",
            "tin-tuc/2018/trang/2/",
            "tin-tuc/2018/trang/3/",
            "tin-tuc/2018/08/",
            "tin-tuc/2018/08/trang/2/",
            "tin-tuc/2018/08/trang/3/",
            "chu-de/",
            "chu-de/hoi-nghi/",
            "chu-de/hoi-nghi/trang/2/",
            "chu-de/hoi-nghi/trang/3/",
            "lanh-dao/",
            "khen-thuong/",
        ]
    )
    last = specs["tin-tuc/trang/3/"]
    assert [i.slug for i in last.items] == [f"tin-{n:02d}" for n in range(5, 0, -1)]
    assert last.pagination is not None and last.pagination.next_url is None
    assert last.pagination.previous_url == "tin-tuc/trang/2/"


def test_a_large_portal_is_read_by_two_processes_with_the_same_result(tmp_path: Path) -> None:
    """Items and problems from both halves, in path order, as one process reads them.

    Run in a fresh interpreter: pytest's own threads (servers of other tests) would make
    ``load`` read in one process, as it must beside threads."""
    news = tmp_path / "tin-tuc" / "2019"
    news.mkdir(parents=True)
    for number in range(12):
        date = "2019-02-30" if number in (2, 9) else f"2019-03-{number + 1:02d}"
        (news / f"tin-{number:02d}.md").write_text(
            f'---\ntitle: "Tin {number}"\ndate: {date}\nauthor: "Phóng viên"\n---\n\nNội dung.\n',
            encoding="utf-8",
        )
    (news / "tin-05.md").write_bytes(b"---\ntitle: \xff\n---\n")
    script = f"""
import pickle, sys
from pathlib import Path
from bantin.core import index
root = Path({str(tmp_path)!r})
src_uris = index.discover(root)
one_process = index._load_all(root, sorted(src_uris), "content")
index.PARALLEL_FROM = 4
assert index.halves.may_fork()
sys.stdout.buffer.write(pickle.dumps((one_process, index.load(root, src_uris))))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    one_process, two_processes = pickle.loads(result.stdout)
    assert two_processes == one_process
    items, problems = one_process
    assert len(items) == 9
    assert [problem.path for problem in problems] == [
        "content/tin-tuc/2019/tin-02.md",
        "content/tin-tuc/2019/tin-05.md",
        "content/tin-tuc/2019/tin-09.md",
    ]


def test_discover_finds_news_files_among_photos_as_a_recursive_glob_would(tmp_path: Path) -> None:
    content = tmp_path / "content"
    news = content / "tin-tuc"
    for name in ("2018/so-ket.md", "2018/hop/index.md", "2018/hop/anh.jpg", "a.md", "ghi-chu.MD"):
        (news / name).parent.mkdir(parents=True, exist_ok=True)
        (news / name).write_text("x", encoding="utf-8")
    (news / "thu-muc.md").mkdir()  # a folder named like a news file
    (content / "ngoai").mkdir()
    (content / "ngoai" / "b.md").write_text("x", encoding="utf-8")
    (news / "lien-ket").symlink_to(content / "ngoai")  # a linked folder is not entered
    (news / "ban-sao.md").symlink_to(news / "a.md")  # a linked file counts

    expected = sorted(p.relative_to(content).as_posix() for p in news.rglob("*.md") if p.is_file())
    assert (
        discover(content)
        == expected
        == [
            "tin-tuc/2018/hop/index.md",
            "tin-tuc/2018/so-ket.md",
            "tin-tuc/a.md",
            "tin-tuc/ban-sao.md",
        ]
    )
    assert discover(tmp_path / "khong-co") == []
