"""Which files in ``content/`` may be published, and which make the build fail.

``content/`` is author-owned and copied to the public site as it is, so it is scanned
before MkDocs reads anything: a symlink could publish a file from anywhere on the build
machine, and desktop litter (``~$báo cáo.docx``, ``Thumbs.db``) must never go live.
"""

from __future__ import annotations

import os
from pathlib import Path

from bantin.core.problems import Problem

# Site graphics and documents press officers attach to items.
PUBLISHABLE = frozenset(
    {
        ".md",
        ".jpg",
        ".jpeg",
        ".png",
        ".webp",
        ".gif",
        ".avif",
        ".svg",
        ".ico",
        ".pdf",
        ".txt",
        ".css",
        ".js",
        ".json",
        ".xml",
        ".mp4",
        ".webm",
        ".mp3",
    }
)
# Office documents belong to the document register only (content/van-ban/).
OFFICE = frozenset({".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp"})
REGISTER_FOLDER = "van-ban/"
# Scripts and styles are site chrome; an item folder holding one could run code on readers.
CHROME_ONLY = frozenset({".js", ".css"})
NEWS_FOLDER = "tin-tuc/"
# Git needs these to keep empty folders; MkDocs never publishes dotfiles.
GIT_FILES = frozenset({".gitkeep", ".gitignore", ".gitattributes"})
LITTER = frozenset({"thumbs.db", ".ds_store", "desktop.ini", ".directory"})
_SVG_ACTIVE = ("<script", "javascript:", "<foreignobject", " onload", " onclick", " onerror")


def scan_content(content_dir: Path, display_root: str = "content") -> list[Problem]:
    """Every unsafe or unpublishable file and folder under ``content_dir``, sorted."""
    problems: list[Problem] = []
    root = Path(content_dir)
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(dirnames):
            if (here / name).is_symlink():
                shown = _shown(root, here / name, display_root)
                problems.append(
                    Problem(
                        shown,
                        0,
                        "file",
                        "is a symbolic link; copy the files into content/ instead "
                        "(a link could publish files from outside the repository)",
                    )
                )
        # os.walk does not descend into symlinked folders (followlinks=False).
        dirnames[:] = sorted(d for d in dirnames if not (here / d).is_symlink())
        for name in sorted(filenames):
            path = here / name
            relative = path.relative_to(root).as_posix()
            problem = _check_file(path, relative)
            if problem:
                problems.append(Problem(_shown(root, path, display_root), 0, "file", problem))
    return sorted(problems)


def _shown(root: Path, path: Path, display_root: str) -> str:
    relative = path.relative_to(root).as_posix()
    return f"{display_root}/{relative}" if display_root else relative


def _check_file(path: Path, relative: str) -> str:
    name = path.name
    lower = name.lower()
    suffix = Path(lower).suffix
    if path.is_symlink():
        return (
            "is a symbolic link; copy the file into content/ instead "
            "(a link could publish files from outside the repository)"
        )
    if name.startswith("~$") or lower.endswith((".tmp", "~")) or lower.startswith(".~lock."):
        return "is an editor's temporary or lock file; close the document and delete this file"
    if lower in LITTER:
        return "is a file the operating system leaves behind; delete it"
    if name.startswith(".") and name not in GIT_FILES:
        return "is a hidden file; hidden files are never published, delete it"
    if name in GIT_FILES:
        return ""
    if suffix in OFFICE:
        if relative.startswith(REGISTER_FOLDER):
            return ""
        return (
            f"{suffix} documents are published only from the document register; "
            f"move it under content/{REGISTER_FOLDER} or attach a PDF instead"
        )
    if suffix in CHROME_ONLY and relative.startswith(NEWS_FOLDER):
        return (
            f"{suffix} files cannot be part of a news item (they would run on readers' "
            "browsers); site styles and scripts belong in theme/"
        )
    if suffix not in PUBLISHABLE:
        kind = suffix or "a file without extension"
        return (
            f"{kind} is not a publishable kind of file; allowed are Markdown, images "
            "(.jpg .png .webp .gif .avif .svg), .pdf and media; delete it or convert it"
        )
    if suffix == ".svg" and _svg_is_active(path):
        return (
            "SVG contains scripts, event handlers or embedded HTML; export it again as a "
            "plain drawing or convert it to PNG"
        )
    return ""


def _svg_is_active(path: Path) -> bool:
    text = path.read_bytes().decode("utf-8", "replace").lower()
    text = " ".join(text.split())
    return any(marker in text for marker in _SVG_ACTIVE)
