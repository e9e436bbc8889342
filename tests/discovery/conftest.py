"""Fixtures of the discovery tests: the sample portal built once per session, served on
loopback, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from discovery.discoverykit import EXTRA_ITEMS, build_portal, jpeg, serve
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
