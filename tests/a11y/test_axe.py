"""WCAG 2.1 AA with axe-core in Chromium over every kind of page of the sample portal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from a11y.portal import AXE
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

ITEM = "/tin-tuc/2018/08/van-phong-ubnd-tinh-so-ket-cong-tac-6-thang-dau-nam-2018/"
PAGES = {
    "home": "/",
    "item": ITEM,
    "year": "/tin-tuc/2018/",
    "month": "/tin-tuc/2018/08/",
    "topic": "/chu-de/so-ket/",
    "official": "/lanh-dao/ly-vinh-quang/",
    "search": "/tim-kiem/",
    "statistics": "/thong-ke/",
    "register": "/van-ban/",
    "document": "/van-ban/15-2024-qd-ubnd/",
    "english": "/en/",
    "contact": "/lien-he/",
}
# The rules of WCAG 2.0/2.1 levels A and AA, as axe tags them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run scripts/node-packages (scripts/test does)")
    return AXE.read_text(encoding="utf-8")


def describe(violations: list[dict[str, object]]) -> str:
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        assert isinstance(nodes, list)
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in nodes[:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_violations(
    *,
    chromium: Browser,
    portal_url: str,
    portal_site: Path,
    axe_source: str,
    a11y_artifacts: Path,
    name: str,
) -> None:
    url = PAGES[name]
    assert (portal_site / url.strip("/") / "index.html").is_file(), f"{url} was not built"
    # bypass_csp: axe is injected as an inline script, which the pages' own CSP blocks.
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto(portal_url + url)
        page.add_script_tag(content=axe_source)
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
            "resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        violations = results["violations"]
        (a11y_artifacts / f"axe-{name}.json").write_text(
            json.dumps(violations, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
        )
        blocking = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert blocking == [], f"{url}:\n{describe(blocking)}"
    finally:
        context.close()


@pytest.fixture
def page(chromium: Browser, request: pytest.FixtureRequest) -> Page:
    # bypass_csp: axe is injected as an inline script, which the pages' own CSP blocks.
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", bypass_csp=True
    )
    request.addfinalizer(context.close)
    return context.new_page()


def focus_path(page: Page, presses: int) -> list[str]:
    """What the keyboard reaches: a short description of the focused element per Tab."""
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return (e.className || e.tagName) + '|' + (e.textContent || '').trim() }"
            )
        )
    return reached


def test_the_first_tab_reaches_a_visible_skip_link_that_moves_focus(
    page: Page, portal_url: str
) -> None:
    page.goto(portal_url + ITEM)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Chuyển đến nội dung chính")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"


def test_the_menu_is_reached_with_the_keyboard_and_shows_focus(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/")
    reached = focus_path(page, 25)
    menu = [entry.split("|", 1)[1] for entry in reached if "md-tabs__link" in entry]
    assert menu[:3] == ["Trang chủ", "Tin tức", "Chủ đề"], reached
    assert "Văn bản" in menu and "Liên hệ" in menu and "English" in menu
    page.goto(portal_url + "/")
    for _ in range(len(reached)):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-tabs__link')"):
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused menu link shows no outline"


def test_search_is_reached_with_the_keyboard(
    page: Page, portal_url: str, portal_site: Path
) -> None:
    assert (portal_site / "tim-kiem" / "index.html").is_file(), "/tim-kiem/ was not built"
    page.goto(portal_url + "/")
    for _ in range(40):
        page.keyboard.press("Tab")
        kind = page.evaluate("document.activeElement.type || ''")
        if kind == "search":
            break
    else:
        pytest.fail("no search box is reachable with Tab from the top of the home page")
    page.keyboard.type("van phong")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/**")


def test_pages_are_in_vietnamese_and_the_english_page_says_so(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/van-ban/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.goto(portal_url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("[lang=en] h1")).to_contain_text(
        "Office of the Provincial People's Committee"
    )
