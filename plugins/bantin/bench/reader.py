"""What a reader's first visit costs: bytes a real Chromium fetches for one page.

Images are blocked (the goal is about the page without its photos); everything else the
page asks for is counted, including Material's assets and any search index it preloads.
Requests to the MkDocs dev server's live-reload endpoint are not part of a published page
and are left out. Sizes are as served (the dev server does not compress) plus the gzip
size a web server with compression on would send.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class PageWeight:
    url: str
    requests: int = 0
    bytes: int = 0
    """Response bodies as served plus response headers."""
    gzip_bytes: int = 0
    """The same bodies gzip-compressed (level 6), plus headers."""
    blocked_images: int = 0
    external: list[str] = field(default_factory=list)
    """Requests that left the portal's host (each is a privacy and weight problem)."""
    largest: list[tuple[str, int]] = field(default_factory=list)


def weigh(urls: list[str], settle_s: float = 1.5) -> list[PageWeight]:
    """Load each URL in a fresh browser context (empty cache) and add up what it fetched."""
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for url in urls:
                results.append(_weigh_one(browser, url, settle_s))
        finally:
            browser.close()
    return results


def _weigh_one(browser: Browser, url: str, settle_s: float) -> PageWeight:
    weight = PageWeight(url)
    host = urlsplit(url).netloc
    finished: list[Request] = []
    context = browser.new_context()
    page = context.new_page()

    def route(route: Route) -> None:
        if route.request.resource_type == "image":
            weight.blocked_images += 1
            route.abort()
        elif urlsplit(route.request.url).netloc != host:
            weight.external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", route)

    def done(request: Request) -> None:
        finished.append(request)

    page.on("requestfinished", done)
    page.goto(url, wait_until="load")
    time.sleep(settle_s)  # late fetches (search index, widgets) start after `load`
    sizes: list[tuple[str, int, int]] = []
    for request in finished:
        if urlsplit(request.url).path.startswith("/livereload/"):
            continue
        response = request.response()
        if response is None:
            continue
        body = response.body()
        headers = request.sizes()["responseHeadersSize"]
        sizes.append((request.url, len(body) + headers, len(gzip.compress(body, 6)) + headers))
    context.close()
    weight.requests = len(sizes)
    weight.bytes = sum(size for _, size, _ in sizes)
    weight.gzip_bytes = sum(size for _, _, size in sizes)
    weight.largest = sorted(((u, s) for u, s, _ in sizes), key=lambda p: (-p[1], p[0]))[:5]
    return weight
