"""Tiny portals built for real with the bantin-guard plugin listed last."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from sitekit import REPO, TINY_CONFIG, Build, SiteFactory, run_build, write_files


def guarded_config(hooks: str = "") -> str:
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20)
    config = config.replace("markdown_extensions:", "  - bantin-guard\nmarkdown_extensions:")
    if hooks:
        config += f"hooks:\n  - {hooks}\n"
    return config


@pytest.fixture
def guarded_site(tmp_path: Path) -> SiteFactory:
    """Build ``{path: content}`` with the news and guard plugins; ``hooks=`` adds a hook file."""

    def build(files: Mapping[str, str | bytes], *args: str, hooks: str = "", **env: str) -> Build:
        write_files(tmp_path, {"mkdocs.yml": guarded_config(hooks), **files})
        return run_build(tmp_path, *args, env=env)

    return build
