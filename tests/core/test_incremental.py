from __future__ import annotations

import os
import random
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from bantin.core import pages
from bantin.core.dates import VIETNAM, build_now
from bantin.core.incremental import ItemCache, page_fingerprint, related_lists
from bantin.core.index import NewsIndex, discover
from bantin.core.model import NewsItem, Official
from sitekit import item, write_files


def test_cache_rereads_only_changed_files(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {f"tin-tuc/tin-{n}.md": item(f"Tin {n}", "2020-01-0" + str(n)) for n in range(1, 6)},
    )
    cache = ItemCache()
    items, problems = cache.load(tmp_path, discover(tmp_path), "content")
    assert (len(items), problems, cache.reads) == (5, [], 5)
    items, _ = cache.load(tmp_path, discover(tmp_path), "content")
    assert (len(items), cache.reads) == (5, 0)
    changed = tmp_path / "tin-tuc/tin-3.md"
    changed.write_text(item("Tin ba đã sửa", "2020-01-03"), encoding="utf-8")
    os.utime(changed, ns=(1, 1))  # a different mtime even on coarse clocks
    items, _ = cache.load(tmp_path, discover(tmp_path), "content")
    assert cache.reads == 1
    assert "Tin ba đã sửa" in [i.title for i in items]


def test_broken_files_are_read_again_until_fixed(tmp_path: Path) -> None:
    write_files(tmp_path, {"tin-tuc/x.md": "---\ntitle: Thông báo: x\n---\n"})
    cache = ItemCache()
    for _ in range(2):
        items, problems = cache.load(tmp_path, discover(tmp_path), "content")
        assert items == [] and len(problems) == 1 and cache.reads == 1


def test_a_list_fingerprint_changes_only_when_what_it_shows_changes(tmp_path: Path) -> None:
    def specs(title: str) -> dict[str, str]:
        write_files(
            tmp_path,
            {
                "tin-tuc/a.md": item(title, "2020-01-01", tags="[a]"),
                "tin-tuc/b.md": item("B", "2019-05-01", tags="[b]"),
            },
        )
        items, _ = ItemCache().load(tmp_path, discover(tmp_path), "content")
        index, _ = NewsIndex.build(items, now=build_now(), preview=True)
        return {spec.url: page_fingerprint(spec) for spec in pages.plan(index)}

    before, after = specs("Tin A"), specs("Tin A mới")
    changed = sorted(url for url in before if before[url] != after.get(url))
    assert changed == ["", "chu-de/a/", "tin-tuc/", "tin-tuc/2020/", "tin-tuc/2020/01/"]


def _items(count: int) -> list[NewsItem]:
    rng = random.Random(7)
    tags = ["sơ kết", "tổng kết", "giao ban", "chuyển đổi số", "thi đua"]
    names = ["Lý Vinh Quang", "Bùi Văn Cửu", "Nguyễn Văn Hòa", "Trần Thị Thủy"]
    start = datetime(2020, 1, 1, 8, tzinfo=VIETNAM)
    return [
        NewsItem(
            src_uri=f"tin-tuc/tin-{n}.md",
            path=f"content/tin-tuc/tin-{n}.md",
            title=f"Tin {n}",
            # Some items share a time, so ties are broken by slug as on real portals.
            date=start + timedelta(hours=5 * (n // 2)),
            author="A",
            slug=f"tin-{n}",
            tags=tuple(rng.sample(tags, rng.randint(0, 2))),
            officials=tuple(Official(name) for name in rng.sample(names, rng.randint(0, 2))),
        )
        for n in range(count)
    ]


def _edit(items: list[NewsItem], edit: str) -> list[NewsItem]:
    edited = list(items)
    middle = edited[150]
    if edit == "title":
        edited[150] = replace(middle, title="Tin đã sửa", slug="a-tin-da-sua")
    elif edit == "date":
        edited[150] = replace(middle, date=middle.date - timedelta(days=40))
    elif edit == "topics":
        edited[150] = replace(middle, tags=("giao ban", "mới"))
    elif edit == "officials":
        edited[150] = replace(middle, officials=(Official("Bùi Văn Cửu"),))
    elif edit == "added":
        edited.append(replace(middle, src_uri="tin-tuc/moi.md", slug="moi"))
    elif edit == "removed":
        del edited[150]
    return edited


@pytest.mark.parametrize("edit", ["title", "date", "topics", "officials", "added", "removed"])
def test_related_lists_after_an_edit_equal_a_full_computation(edit: str) -> None:
    now = datetime(2030, 1, 1, tzinfo=VIETNAM)
    before, _ = NewsIndex.build(_items(300), now=now, preview=True)
    lists = related_lists(before, 5)
    after, _ = NewsIndex.build(_edit(list(_items(300)), edit), now=now, preview=True)

    assert related_lists(after, 5, (before, lists)) == related_lists(after, 5)
