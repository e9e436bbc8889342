"""Fixtures of the discovery tests: the sample portal built once per session, served on
loopback, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from discovery.discoverykit import CHROMIUM, CHROMIUM_ARGS, EXTRA_ITEMS, build_portal, jpeg, serve
from playwright.sync_api import Browser, sync_playwright
from sitekit import Build


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sample portal with the extra items, built with ``--strict``."""
    extra = {**EXTRA_ITEMS, "content/tin-tuc/2021/hoa-binh-1/doan-cong-tac.jpg": jpeg()}
    build = build_portal(tmp_path_factory.mktemp("portal"), extra, "--strict")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def portal_url(portal: Build) -> Iterator[str]:
    yield from serve(portal.site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
