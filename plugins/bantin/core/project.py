"""Where a bantin project is: the folder of mkdocs.yml and its content folder."""

from __future__ import annotations

import re
from pathlib import Path

_DOCS_DIR = re.compile(r"^docs_dir:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def project_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def content_dir(root: Path) -> Path:
    config = root / "mkdocs.yml"
    if config.is_file():
        match = _DOCS_DIR.search(config.read_text(encoding="utf-8", errors="replace"))
        if match:
            return root / match.group(1)
    return root / "content"
