"""Search as a reader uses it: the sample portal in Chromium, with and without diacritics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bantin.search.index import term_hash
from bantin.search.text import fold, form_key
from discovery.discoverykit import XSS_TITLE
from discovery.searchkit import run_query, wait_for_results
from playwright.sync_api import Browser
from sitekit import Build

pytestmark = pytest.mark.browser

HOA_BINH = "Đoàn công tác tỉnh Hòa Bình thăm Văn phòng"
HOA_BINH_OTHER_SPELLING = "Ký kết hợp tác với tỉnh Hoà Bình"
HOA_BINH_ASCII = "Doanh nghiệp tài trợ học bổng"


def _titles_containing(build: Build, phrase: str) -> set[str]:
    """Items whose Markdown has ``phrase`` exactly (any letter case): the oracle."""
    found = set()
    for path in (build.root / "content" / "tin-tuc").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        title = re.search(r'^title: "(.*)"$', text, re.M)
        assert title is not None
        if phrase in text.lower():
            found.add(title.group(1).replace('\\"', '"'))
    return found


@pytest.mark.parametrize(
    ("query", "phrase"),
    [("van phong", "văn phòng"), ("dong chi", "đồng chí"), ("Đồng chí", "đồng chí")],
)
def test_query_without_diacritics_finds_the_items_with_them(
    browser: Browser, portal: Build, portal_url: str, query: str, phrase: str
) -> None:
    run = run_query(browser, portal_url, query)
    expected = _titles_containing(portal, phrase)
    assert expected, "the sample content should contain the phrase"
    assert expected <= set(run.titles)
    assert run.marks, "snippets mark the matched words"
    assert {fold(mark) for mark in run.marks} <= set(fold(query).split())


def test_hoa_binh_finds_both_tone_placements_and_the_plain_spelling(
    browser: Browser, portal: Build, portal_url: str
) -> None:
    run = run_query(browser, portal_url, "hoa binh")
    expected = {HOA_BINH, HOA_BINH_OTHER_SPELLING, HOA_BINH_ASCII}
    for spelling in ("hòa bình", "hoà bình", "hoa binh"):
        expected |= _titles_containing(portal, spelling)
    assert set(run.titles) == expected
    assert len(expected) == 4  # the sample's 2020 item names the province too


def test_exact_diacritics_rank_first(browser: Browser, portal_url: str) -> None:
    run = run_query(browser, portal_url, "Hòa Bình")
    assert run.titles[-1] == HOA_BINH_ASCII
    assert {HOA_BINH, HOA_BINH_OTHER_SPELLING} <= set(run.titles[:-1])
    run = run_query(browser, portal_url, "Hoa Binh Group")
    assert run.titles == [HOA_BINH_ASCII]


def test_result_shows_title_date_and_snippet(browser: Browser, portal_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{portal_url}/tim-kiem/?q=hoa%20binh%20group")
        wait_for_results(page)
        result = page.locator(".bantin-search__result").first
        assert result.locator("time").text_content() == "01/05/2021"
        assert result.locator("time").get_attribute("datetime") == "2021-05-01T07:00:00+07:00"
        snippet = result.locator(".bantin-search__snippet")
        assert "Công ty Hoa Binh Group trao học bổng" in (snippet.text_content() or "")
        assert snippet.locator("mark").all_text_contents() == ["Hoa", "Binh", "Group"]
        href = result.locator("a").get_attribute("href") or ""
        page.locator(".bantin-search__result a").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/tin-tuc/2021/05/doanh-nghiep-tai-tro-hoc-bong/"), href
    finally:
        context.close()


def test_hostile_title_is_shown_as_text(browser: Browser, portal_url: str) -> None:
    run = run_query(browser, portal_url, "mã độc")
    assert run.titles == [XSS_TITLE]
    assert run.dialogs == 0
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{portal_url}/tim-kiem/?q=ma%20doc")
        wait_for_results(page)
        assert (
            page.locator(".bantin-search__results img, .bantin-search__results script").count() == 0
        )
    finally:
        context.close()


def test_no_result_says_so(browser: Browser, portal_url: str) -> None:
    run = run_query(browser, portal_url, "xyzzy khong co")
    assert run.titles == []
    assert run.status.startswith("Không tìm thấy")


def test_header_box_submits_to_the_search_page(browser: Browser, portal_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{portal_url}/tin-tuc/")
        page.fill("#bantin-q-header", "van phong")
        page.press("#bantin-q-header", "Enter")
        page.wait_for_url(re.compile(r"/tim-kiem/\?q=van\+phong$"))
        wait_for_results(page)
        assert page.locator(".bantin-search__result").count() >= 5
        # On the search page the box searches in place, keeping the address shareable.
        page.fill("#bantin-q-header", "hoa binh")
        page.press("#bantin-q-header", "Enter")
        page.wait_for_url(re.compile(r"\?q=hoa\+binh$"))
        wait_for_results(page, "hoa binh")
        assert page.locator(".bantin-search__result").count() == 4
        assert page.input_value("#bantin-q") == "hoa binh"
    finally:
        context.close()


def test_search_box_reaches_the_page_without_javascript(browser: Browser, portal_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{portal_url}/")
        page.fill("#bantin-q-header", "văn phòng")
        page.press("#bantin-q-header", "Enter")
        page.wait_for_url(re.compile(r"/tim-kiem/\?q="))
        assert page.locator("h1").first.text_content() == "Tìm kiếm"
        assert "tắt JavaScript" in page.content()
    finally:
        context.close()


def test_search_stays_on_the_portal_and_material_search_is_absent(
    browser: Browser, portal: Build, portal_url: str
) -> None:
    run = run_query(browser, portal_url, "van phong")
    assert run.hosts == {portal_url.removeprefix("http://")}
    assert not (portal.site / "search" / "search_index.json").exists()
    home = (portal.site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in home
    assert "md-search" not in home


def test_script_folds_like_the_index(browser: Browser, portal_url: str) -> None:
    """The script and bantin.search.text must agree, or queries miss."""
    words = ["Đồng", "chí", "Hoà", "Hòa", "Thuỷ", "Ủy", "VĂN", "phòng", "Nghĩa", "2018", "Ấp"]
    words += ["Khỏe", "Hòa Bình thủy", "hòang"]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{portal_url}/tim-kiem/")
        page.wait_for_function("() => window.bantinSearchText")
        script = page.evaluate(
            """words => words.map(w => [
                window.bantinSearchText.fold(w),
                window.bantinSearchText.formKey(w),
                window.bantinSearchText.crc32(window.bantinSearchText.fold(w)),
            ])""",
            words,
        )
    finally:
        context.close()
    assert script == [[fold(w), form_key(w), term_hash(fold(w))] for w in words]


def test_search_index_is_small_and_versioned(portal: Build) -> None:
    index = portal.site / "tim-kiem" / "chi-muc"
    manifest = (index / "manifest.json").read_text(encoding="utf-8")
    assert re.fullmatch(
        r'\{"cap":1000,"docs":9,"shards":\d+,"version":"[0-9a-f]{16}"\}\n', manifest
    )
    assert len(list((index / "d").iterdir())) == 9
    assert all(path.stat().st_size < 64_000 for path in (index / "t").iterdir())


def test_exact_query_bytes_on_the_sample(browser: Browser, portal_url: str, tmp_path: Path) -> None:
    run = run_query(browser, portal_url, "van phong")
    assert 0 < run.search_bytes < 300_000


def test_feed_links_do_not_make_material_fetch_the_sitemap(
    browser: Browser, portal_url: str
) -> None:
    """Material fetches sitemap.xml next to each link[rel=alternate]: 1.5 MB at 10,000 items."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        for path in ("", "chu-de/hop-tac/", "lanh-dao/ly-vinh-quang/"):
            page.goto(f"{portal_url}/{path}")
            page.wait_for_load_state("networkidle")
            assert page.locator('link[rel~="alternate"][type="application/rss+xml"]').count() >= 1
    finally:
        context.close()
    assert not [url for url in requested if "sitemap.xml" in url]
