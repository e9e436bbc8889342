"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from sitekit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    TINY_CONFIG,
    Build,
    SiteFactory,
    run_build,
    write_files,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright, one for the whole run.

    Playwright's sync API allows one running instance per thread, so every test folder
    shares this fixture instead of starting its own.
    """
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tiny_site(tmp_path: Path) -> SiteFactory:
    """Build a site from ``{path: content}`` with only the news plugin and bantin's theme."""

    def build(
        files: Mapping[str, str | bytes], *args: str, page_size: int = 20, **env: str
    ) -> Build:
        config = TINY_CONFIG.format(theme=REPO / "theme", page_size=page_size)
        write_files(tmp_path, {"mkdocs.yml": config, **files})
        return run_build(tmp_path, *args, env=env)

    return build
