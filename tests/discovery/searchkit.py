"""Running a query on the search page in Chromium and counting the bytes it downloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from playwright.sync_api import Browser, Page, Request

STATUS = "[data-bantin-search-status]"
RESULTS = "[data-bantin-search-results]"
RESULT_LINKS = ".bantin-search__result h2 a"


@dataclass
class QueryRun:
    """What one query showed and what it cost."""

    titles: list[str]
    status: str
    search_bytes: int
    """Bytes of the search script and index files (manifest, shards, result documents)."""
    page_bytes: int
    """Every byte the page load and the query transferred, assets included."""
    hosts: set[str] = field(default_factory=set)
    urls: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    dialogs: int = 0


def wait_for_results(page: Page, query: str = "") -> None:
    """Until the status line reports a finished search (of ``query``, when given: a search
    in place replaces the results of the one before, whose status is already final) and the
    result list is no longer ``aria-busy``: its records arrive after the status is set, and
    a search in place starts no navigation that a load state could wait for."""
    page.wait_for_function(
        f"""query => {{
            const status = document.querySelector('{STATUS}');
            const list = document.querySelector('{RESULTS}');
            const text = status ? status.textContent : '';
            return text && !text.startsWith('Đang') && text.includes(query)
                && list && !list.hasAttribute('aria-busy');
        }}""",
        arg=query,
    )


def run_query(browser: Browser, base_url: str, query: str, path: str = "tim-kiem/") -> QueryRun:
    """Open the search page for ``query`` in a fresh context (empty cache) and read it."""
    context = browser.new_context()
    page = context.new_page()
    finished: list[Request] = []
    # Playwright wraps the handler, which a bound builtin method cannot carry.
    page.on("requestfinished", lambda request: finished.append(request))  # noqa: PLW0108
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(f"{base_url}/{path}?q={quote(query)}")
        wait_for_results(page)
        # The byte counts need every "requestfinished" event delivered: the load that goto
        # started is idle only once no request has run for half a second.
        page.wait_for_load_state("networkidle")
        titles = page.locator(RESULT_LINKS).all_text_contents()
        marks = page.locator(".bantin-search__snippet mark").all_text_contents()
        status = page.locator(STATUS).text_content() or ""
        search_bytes = page_bytes = 0
        hosts = set()
        for request in finished:
            size = request.sizes()["responseBodySize"]
            page_bytes += size
            hosts.add(urlsplit(request.url).netloc)
            if "/chi-muc/" in request.url or request.url.split("?")[0].endswith("bantin-search.js"):
                search_bytes += size
        urls = [request.url for request in finished]
        return QueryRun(titles, status, search_bytes, page_bytes, hosts, urls, marks, len(dialogs))
    finally:
        context.close()
