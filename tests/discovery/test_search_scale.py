"""Search at 10,000 items: the same queries, and what one query downloads.

Building 10,000 full item pages is the benchmark's job (scripts/bench-search); here the
index is written by the same core from a compact generated corpus and served inside a copy
of the built sample portal, so the page, its assets and the script are the real ones.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest
from bantin.search.index import SearchDoc, SearchIndexWriter
from discovery.discoverykit import serve
from discovery.searchkit import run_query
from playwright.sync_api import Browser
from sitekit import ARTIFACTS, Build

pytestmark = pytest.mark.browser

ITEMS = 10_000
BUDGET = 300_000
PLANTED = {
    17: "Tỉnh Hòa Bình trao đổi kinh nghiệm cải cách hành chính",
    4321: "Đoàn đại biểu tỉnh Hoà Bình làm việc tại tỉnh",
    9876: "Đồng chí Chủ tịch tiếp đoàn công tác tỉnh Hòa Bình",
}


def _sentences() -> list[str]:
    text = " ".join(
        path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for path in sorted((Path(__file__).parents[2] / "content" / "tin-tuc").rglob("*.md"))
    )
    text = re.sub(r"[*#>!\[\]()]", " ", text)
    return [s.strip() + "." for s in re.split(r"[.;]\s", text) if len(s.split()) > 5]


@pytest.fixture(scope="module")
def scale_url(portal: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("scale") / "site"
    shutil.copytree(portal.site, site)
    sentences = _sentences()
    rng = random.Random(10_000)
    writer = SearchIndexWriter(site / "tim-kiem" / "chi-muc", tmp_path_factory.mktemp("scale-work"))
    for number in range(ITEMS):
        title = PLANTED.get(number) or " ".join(rng.choice(sentences).split()[:10])
        body = " ".join(rng.choice(sentences) for _ in range(3))
        writer.add(
            SearchDoc(
                number=number,
                url=f"tin-tuc/2020/01/tin-{number}/",
                title=title,
                date="01/01/2020",
                iso_date="2020-01-01T08:00:00+07:00",
                head=title,
                body=body,
            )
        )
    writer.finish()
    yield from serve(site)


@pytest.fixture(scope="module")
def measured() -> Iterator[dict[str, int]]:
    figures: dict[str, int] = {}
    yield figures
    folder = ARTIFACTS / "discovery"
    folder.mkdir(parents=True, exist_ok=True)
    summary = {
        "items": ITEMS,
        "bytes_per_query": figures,
        "median": int(statistics.median(figures.values())) if figures else 0,
        "max": max(figures.values(), default=0),
    }
    (folder / "search-10000.json").write_text(json.dumps(summary, indent=2, sort_keys=True))


@pytest.mark.parametrize("query", ["van phong", "dong chi", "Văn phòng UBND tỉnh", "ubnd"])
def test_common_words_return_many_items_within_the_budget(
    browser: Browser, scale_url: str, measured: dict[str, int], query: str
) -> None:
    run = run_query(browser, scale_url, query)
    measured[query] = run.search_bytes
    assert len(run.titles) == 10
    assert " tin phù hợp nhất có " in run.status  # common words: postings capped
    assert run.marks
    assert run.search_bytes <= BUDGET


def test_hoa_binh_finds_the_planted_items_exact_spelling_first(
    browser: Browser, scale_url: str, measured: dict[str, int]
) -> None:
    # The sample's sentences name the province too; the planted titles rank first.
    run = run_query(browser, scale_url, "hoa binh")
    measured["hoa binh"] = run.search_bytes
    assert set(run.titles[:3]) == set(PLANTED.values())
    run = run_query(browser, scale_url, "Hoà Bình")
    assert set(run.titles[:3]) == set(PLANTED.values())
    run = run_query(browser, scale_url, "dong chi chu tich tiep doan")
    measured["dong chi chu tich tiep doan"] = run.search_bytes
    assert run.titles[0] == PLANTED[9876]
    assert run.search_bytes <= BUDGET


def test_a_long_query_downloads_at_most_four_shards(
    browser: Browser, scale_url: str, measured: dict[str, int]
) -> None:
    query = "tổ chức hội nghị sơ kết công tác thi đua khen thưởng năm 2018"
    run = run_query(browser, scale_url, query)
    measured[query] = run.search_bytes
    shards = [url for url in run.urls if "/chi-muc/t/" in url]
    assert 1 <= len(shards) <= 4
    assert run.search_bytes <= BUDGET
