"""What a reader sees on the sample portal, in a real Chromium, desktop and phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

SO_KET = "/tin-tuc/2018/08/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018/"


@pytest.fixture(params=[(1280, 900), (360, 740)], ids=["desktop", "phone"])
def page(request: pytest.FixtureRequest, browser: Browser) -> Page:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # The visitor figures appear only after `bantin stats` first runs on the server.
    tab.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/thong-ke/truy-cap.json")
            else None
        ),
    )
    request.addfinalizer(context.close)
    request.node.browser_errors = errors
    return tab


def _shoot(page: Page, artifacts: Path, request: pytest.FixtureRequest, name: str) -> None:
    page.screenshot(path=artifacts / f"{name}-{request.node.callspec.id}.png", full_page=True)
    assert request.node.browser_errors == []


def test_home_shows_the_lead_story_and_latest_cards(
    page: Page, sample_url: str, artifacts: Path, request: pytest.FixtureRequest
) -> None:
    page.goto(sample_url + "/")
    expect(page).to_have_title("Văn phòng UBND tỉnh")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    lead = page.locator(".bantin-lead-story h2")
    expect(lead).to_have_text(
        "Văn phòng UBND tỉnh tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020"
    )
    expect(page.locator(".bantin-cards .bantin-card")).to_have_count(4)
    expect(page.locator(".bantin-banner")).to_contain_text("Đường dây nóng: 0218 3909 192")
    expect(page.locator(".bantin-footer")).to_contain_text("Văn phòng Ủy ban nhân dân tỉnh")
    if page.viewport_size and page.viewport_size["width"] >= 1220:  # Material's tabs breakpoint
        menu = page.locator(".md-tabs")
        for section in ("Tin tức", "Chủ đề", "Lãnh đạo", "Khen thưởng"):
            expect(menu.get_by_role("link", name=section, exact=True)).to_be_visible()
    _shoot(page, artifacts, request, "home")


def test_item_page_shows_date_author_officials_awards_and_related(
    page: Page, sample_url: str, artifacts: Path, request: pytest.FixtureRequest
) -> None:
    page.goto(sample_url + SO_KET)
    expect(page.locator("h1")).to_have_text(
        "Văn phòng UBND tỉnh sơ kết công tác 6 tháng đầu năm 2018"
    )
    expect(page.locator(".bantin-item__dates")).to_contain_text("Thứ Sáu, 03/08/2018")
    expect(page.locator(".bantin-item__byline")).to_contain_text("Tác giả:")
    facts = page.locator(".bantin-facts")
    expect(facts).to_contain_text("ngày 03/08/2018")
    expect(facts.get_by_role("link", name="Lý Vinh Quang")).to_be_visible()
    expect(facts).to_contain_text(
        "Bằng khen của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ: 1 tập thể, 2 cá nhân"
    )
    expect(page.locator(".bantin-related li")).not_to_have_count(0)
    expect(page.locator(".bantin-crumbs")).to_contain_text("Tháng 8")
    expect(page.get_by_role("button", name="In bài viết")).to_be_visible()
    _shoot(page, artifacts, request, "item")
    facts.get_by_role("link", name="Lý Vinh Quang").click()
    expect(page).to_have_url(sample_url + "/lanh-dao/ly-vinh-quang/")
    expect(page.locator("h1")).to_have_text("Lý Vinh Quang")
    expect(page.locator(".bantin-titles")).to_contain_text("Phó Chủ tịch UBND tỉnh")
    expect(
        page.get_by_role("link", name="Văn phòng UBND tỉnh sơ kết công tác 6 tháng đầu năm 2018")
    ).to_be_visible()
    _shoot(page, artifacts, request, "official")


def test_month_archive_lists_the_month_with_its_count(
    page: Page, sample_url: str, artifacts: Path, request: pytest.FixtureRequest
) -> None:
    page.goto(sample_url + "/tin-tuc/2017/")
    expect(page.locator("h1")).to_have_text("Tin tức năm 2017")
    page.get_by_role("link", name="Tháng 12").click()
    expect(page).to_have_url(sample_url + "/tin-tuc/2017/12/")
    expect(page.locator(".bantin-card")).to_have_count(1)
    expect(page.locator(".bantin-card h3")).to_have_text(
        "Văn phòng UBND tỉnh chủ động hơn công tác tham mưu, đề xuất"
    )
    _shoot(page, artifacts, request, "month")


def test_topic_page_gathers_its_items(
    page: Page, sample_url: str, artifacts: Path, request: pytest.FixtureRequest
) -> None:
    page.goto(sample_url + "/chu-de/")
    first = page.locator(".bantin-terms li a").first
    name = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(f"Chủ đề: {name}")
    assert page.locator(".bantin-card").count() >= 2
    _shoot(page, artifacts, request, "topic")


def test_phone_menu_opens_the_drawer_with_every_section(
    browser: Browser, sample_url: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(sample_url + "/")
    tab.locator(".md-header label[for='__drawer']").click()
    drawer = tab.locator(".md-sidebar--primary")
    for section in ("Tin tức", "Chủ đề", "Lãnh đạo", "Khen thưởng"):
        expect(drawer.get_by_role("link", name=section, exact=True)).to_be_visible()
    tab.screenshot(path=artifacts / "menu-phone.png")
    context.close()


def test_no_page_links_to_another_host_by_accident(sample_site: Path) -> None:
    """`{{ base_url }}/x` is `//x` where base_url is `/` (the 404 page): another host."""
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'href="//' not in html and 'src="//' not in html, page
