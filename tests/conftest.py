"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from sitekit import REPO, TINY_CONFIG, Build, SiteFactory, run_build, write_files


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
