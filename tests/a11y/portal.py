"""The sample portal built once from the repository's mkdocs.yml, served on loopback, and a
real Chromium (Debian's, driven by Playwright). Shared by tests/a11y and tests/register;
each folder's conftest re-exports these fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitekit import ARTIFACTS, REPO, build_sample, serve_directory

AXE = REPO / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("portal") / "site"
    build_sample(site)
    return site


@pytest.fixture(scope="session")
def portal_url(portal_site: Path) -> Iterator[str]:
    with serve_directory(portal_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium(browser: Browser) -> Browser:
    """The session's shared Chromium (tests/conftest.py)."""
    return browser


@pytest.fixture(scope="session")
def a11y_artifacts() -> Path:
    folder = ARTIFACTS / "a11y"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
