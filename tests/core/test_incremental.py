from __future__ import annotations

import os
from pathlib import Path

from bantin.core import pages
from bantin.core.dates import build_now
from bantin.core.incremental import ItemCache, page_fingerprint
from bantin.core.index import NewsIndex, discover
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
