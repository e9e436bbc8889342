"""Raw HTML and link addresses the build refuses, found before a build (the guard's policy).

The guard judges the HTML that Markdown makes of each page, so this renders a page the same
way, with mkdocs.yml's Markdown extensions, and asks the guard's own question
(``raw_html.find_unsafe``). Only pages whose text could hold something to refuse are
rendered: an HTML tag, a character reference, or a link address that starts with a scheme.
Most items have none of these, so checking ten thousand items renders almost none.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import markdown

from bantin.core import frontmatter
from bantin.core.problems import Problem
from bantin.guard import raw_html

_SCHEME_LINK = re.compile(r"\](?:\(|:)\s*<?\s*[^\s()/.#?]*:")
"""``](scheme:`` or ``]: scheme:``; the scheme may hide character references."""
_DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]


def problems(
    content: Path, display_root: str, config_file: Path, known: Mapping[str, str]
) -> list[Problem]:
    """What the guard would refuse in every Markdown page of ``content``.

    ``known``: texts already read (the news items), by path inside ``content/``.
    """
    render: Callable[[str], str] | None = None
    found: list[Problem] = []
    for src_uri in _pages(content):
        shown = f"{display_root}/{src_uri}" if display_root else src_uri
        text = known.get(src_uri) or _read(content / src_uri, shown)
        if text is None or not may_hold_unsafe(text):
            continue
        source, _ = frontmatter.split(shown, text)
        body = source.body if source is not None else text
        if render is None:
            render = _renderer(config_file)
        found += raw_html.find_unsafe(render(body), text, shown)
    return found


def may_hold_unsafe(text: str) -> bool:
    """A tag, a character reference (``jav&#97;script:``) or a link address with a scheme."""
    # str's own search first: a pattern tried at every character is ten times slower.
    return "<" in text or "&#" in text or ("]" in text and _SCHEME_LINK.search(text) is not None)


def _read(path: Path, shown: str) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None  # unreadable files are the content scan's and the loader's to report
    return frontmatter.decode(shown, raw)[0]


def _pages(content: Path) -> Iterator[str]:
    """Markdown files MkDocs builds: hidden files and the templates folder are left out."""
    root = str(content)
    for folder, folders, names in os.walk(root):
        relative = folder[len(root) :].strip("/")
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and (relative or name != "templates")
        )
        for name in sorted(names):
            if name.endswith(".md") and not name.startswith("."):
                yield f"{relative}/{name}" if relative else name


def _renderer(config_file: Path) -> Callable[[str], str]:
    """Markdown to HTML as the build makes it (mkdocs.yml's extensions and their settings)."""
    extensions, settings = _markdown_settings(config_file)
    converter = markdown.Markdown(extensions=extensions, extension_configs=settings)

    def render(body: str) -> str:
        return str(converter.reset().convert(body))

    return render


def _markdown_settings(config_file: Path) -> tuple[list[Any], dict[str, Any]]:
    """mkdocs.yml's Markdown extensions, or MkDocs' defaults when it cannot be read."""
    if not config_file.is_file():
        return list(_DEFAULT_EXTENSIONS), {}
    mkdocs_log = logging.getLogger("mkdocs")
    was_disabled, mkdocs_log.disabled = mkdocs_log.disabled, True  # its notes are the build's
    try:
        from mkdocs.config import load_config  # noqa: PLC0415 - only when a page needs it

        config = load_config(str(config_file))
    except Exception:
        return list(_DEFAULT_EXTENSIONS), {}
    finally:
        mkdocs_log.disabled = was_disabled
    return list(config.markdown_extensions), dict(config.mdx_configs)
