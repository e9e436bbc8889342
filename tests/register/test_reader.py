"""The register and the printed page as a reader gets them, in a real Chromium."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from bantin.register.display import format_size
from playwright.sync_api import Browser, Page, expect
from register.test_site import PDF, build_site, document
from sitekit import item, serve_directory

pytestmark = pytest.mark.browser

ITEM = "/tin-tuc/2018/08/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018/"


@pytest.fixture
def page(chromium: Browser, request: pytest.FixtureRequest) -> Page:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    request.addfinalizer(context.close)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    request.addfinalizer(lambda: _no_errors(errors))
    return tab


def served(site: Path) -> contextlib.AbstractContextManager[str]:
    return serve_directory(site)


def _no_errors(errors: list[str]) -> None:
    assert errors == []


def visible_numbers(page: Page) -> list[str]:
    return page.locator("[data-bantin-register-rows] tr:visible td:first-child").all_inner_texts()


def test_filters_by_year_kind_issuer_and_words(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/van-ban/")
    expect(page.locator("form[data-bantin-register-filter]")).to_be_visible()
    assert len(visible_numbers(page)) == 6
    page.select_option("#vb-nam", "2023")
    assert visible_numbers(page) == ["312/TB-VP", "2158/QĐ-UBND"]
    expect(page.locator("[data-bantin-register-count]")).to_have_text("Hiển thị 2 trên 6 văn bản.")
    page.select_option("#vb-loai", "quyet-dinh")
    assert visible_numbers(page) == ["2158/QĐ-UBND"]
    assert "nam=2023" in page.url and "loai=quyet-dinh" in page.url
    page.click("button[type=reset]")
    page.select_option("#vb-co-quan", "van-phong-ubnd-tinh")
    assert visible_numbers(page) == ["1234/VP-KSTT", "312/TB-VP"]
    page.select_option("#vb-co-quan", "")
    # Words match with or without diacritics; "đ" has no decomposition and still folds.
    page.fill("#vb-tu-khoa", "don doc")
    assert visible_numbers(page) == ["1234/VP-KSTT"]
    page.fill("#vb-tu-khoa", "CẢI CÁCH hành chính")
    assert visible_numbers(page) == ["45/KH-UBND"]
    page.fill("#vb-tu-khoa", "15/2024")
    assert visible_numbers(page) == ["15/2024/QĐ-UBND"]
    page.fill("#vb-tu-khoa", "không có văn bản này")
    assert visible_numbers(page) == []
    expect(page.locator("[data-bantin-register-empty]")).to_be_visible()


def test_a_filtered_address_opens_with_the_same_filters(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/van-ban/?loai=quyet-dinh&q=thu+tuc")
    expect(page.locator("#vb-loai")).to_have_value("quyet-dinh")
    assert visible_numbers(page) == ["2158/QĐ-UBND"]


def test_filters_are_reachable_and_usable_with_the_keyboard(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/van-ban/")
    page.focus("#vb-nam")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "vb-tu-khoa"
    page.keyboard.type("ke hoach")
    assert visible_numbers(page) == ["45/KH-UBND"]


def test_without_scripts_every_document_is_listed(chromium: Browser, portal_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(portal_url + "/van-ban/")
        expect(tab.locator("form[data-bantin-register-filter]")).to_be_hidden()
        assert len(visible_numbers(tab)) == 6
    finally:
        context.close()


def test_the_download_link_serves_the_attached_file(
    page: Page, portal_url: str, portal_site: Path
) -> None:
    page.goto(portal_url + "/van-ban/")
    page.click("text=15/2024/QĐ-UBND")
    expect(page.locator("h1")).to_have_text("Quyết định số 15/2024/QĐ-UBND")
    link = page.locator(".bantin-document__download a")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "15-2024-qd-ubnd.pdf"
    source = Path(__file__).resolve().parents[2] / "content" / "van-ban" / "15-2024-qd-ubnd.pdf"
    assert Path(download.path()).read_bytes() == source.read_bytes()
    expect(page.locator(".bantin-document__file")).to_have_text(
        f"15-2024-qd-ubnd.pdf (PDF, {format_size(source.stat().st_size)})"
    )


def _display(page: Page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "nodes => nodes.map(n => getComputedStyle(n).display)"
    )


CHROME = [
    ".md-header",
    ".md-tabs",
    ".bantin-aside",
    ".bantin-footer",
    ".bantin-crumbs",
    ".bantin-related",
    ".bantin-skip",
    ".bantin-banner__tools",
]


def test_a_printed_item_keeps_title_dates_author_source_and_address(
    page: Page, portal_url: str, a11y_artifacts: Path
) -> None:
    page.goto(portal_url + ITEM)
    page.emulate_media(media="print")
    for selector in CHROME:
        shown = _display(page, selector)
        assert shown and set(shown) == {"none"}, (selector, shown)
    for selector in (
        ".bantin-item__title",
        ".bantin-item__dates time",
        ".bantin-item__author",
        ".bantin-item__source",
        ".bantin-print-url",
    ):
        expect(page.locator(selector).first).to_be_visible()
    expect(page.locator(".bantin-print-url")).to_have_text(
        "Địa chỉ trang: https://vanphong.example.gov.vn" + ITEM
    )
    pdf = page.pdf(path=str(a11y_artifacts / "item-print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF-")
    page.emulate_media(media="screen")
    expect(page.locator(".bantin-print-url")).to_be_hidden()


def test_a_printed_document_shows_the_full_address_of_its_file(
    page: Page, portal_url: str, a11y_artifacts: Path
) -> None:
    page.goto(portal_url + "/van-ban/45-kh-ubnd/")
    page.emulate_media(media="print")
    after = page.eval_on_selector(
        ".bantin-document__download a", "n => getComputedStyle(n, '::after').content"
    )
    assert after == '" (https://vanphong.example.gov.vn/van-ban/45-kh-ubnd/45-kh-ubnd.pdf)"'
    assert set(_display(page, ".md-header, .bantin-aside, .bantin-footer")) == {"none"}
    expect(page.locator(".bantin-print-url")).to_have_text(
        "Địa chỉ trang: https://vanphong.example.gov.vn/van-ban/45-kh-ubnd/"
    )
    assert page.pdf(path=str(a11y_artifacts / "document-print.pdf")).startswith(b"%PDF-")


def test_a_long_register_shows_matches_in_batches(
    chromium: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("long-register")
    files: dict[str, str | bytes] = {"content/tin-tuc/tin.md": item("Tin", "2024-01-02")}
    for number in range(1, 231):
        kind = "Công văn" if number % 2 else "Thông báo"
        files[f"content/van-ban/{number}.md"] = document(
            f"{number}/VP-TH",
            kind,
            f"2024-01-{number % 28 + 1:02d}",
            f"Văn bản số {number}",
            f"{number}.pdf",
        )
        files[f"content/van-ban/{number}.pdf"] = PDF
    build = build_site(root, files)
    assert build.returncode == 0, build.output
    with served(build.site) as url:
        context = chromium.new_context()
        try:
            page = context.new_page()
            page.goto(url + "/van-ban/")
            assert len(visible_numbers(page)) == 200
            count = page.locator("[data-bantin-register-count]")
            expect(count).to_have_text("Có 230 văn bản. Đang hiện 200 văn bản đầu tiên.")
            more = page.locator("[data-bantin-register-more]")
            expect(more).to_have_text("Xem thêm 30 văn bản")
            more.click()
            assert len(visible_numbers(page)) == 230
            expect(more).to_be_hidden()
            page.select_option("#vb-loai", "thong-bao")
            assert len(visible_numbers(page)) == 115
            expect(count).to_have_text("Hiển thị 115 trên 230 văn bản.")
        finally:
            context.close()
