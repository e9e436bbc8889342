"""Old addresses kept working: ``aliases:`` of an item become small redirect pages."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from bantin.core.model import NewsItem
from bantin.core.problems import Problem


@dataclass(frozen=True)
class Redirect:
    alias: str
    """Site-absolute path as written (``/tin-tuc/2018/08/ten-cu/``)."""
    dest_uri: str
    """File written into the site (``tin-tuc/2018/08/ten-cu/index.html``)."""
    item: NewsItem


def dest_uri(alias: str) -> str:
    path = alias.lstrip("/")
    return f"{path}index.html" if not path or path.endswith("/") else path


def redirects(items: Iterable[NewsItem]) -> list[Redirect]:
    return sorted(
        (Redirect(alias, dest_uri(alias), item) for item in items for alias in item.aliases),
        key=lambda redirect: (redirect.dest_uri, redirect.item.src_uri),
    )


def collisions(planned: list[Redirect], taken: dict[str, str], content_dir: Path) -> list[Problem]:
    """An alias may not replace a page or file of the site, nor another item's alias.

    ``taken`` maps each output file of the site to what produces it, for the message.
    """
    problems: list[Problem] = []
    seen: dict[str, Redirect] = {}
    for redirect in planned:
        owner = taken.get(redirect.dest_uri)
        earlier = seen.get(redirect.dest_uri)
        if owner is not None:
            reason = f"is the address of {owner}; an old address must not replace a real page"
        elif earlier is not None and earlier.item.src_uri != redirect.item.src_uri:
            reason = f"is also an alias of {earlier.item.path}; keep it in one item only"
        else:
            seen[redirect.dest_uri] = redirect
            continue
        item = redirect.item
        problems.append(
            Problem(
                item.path,
                _line_of(content_dir / item.src_uri, redirect.alias),
                "aliases",
                f'"{redirect.alias}" {reason}; remove it from aliases:',
            )
        )
    return problems


def _line_of(path: Path, text: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    for number, line in enumerate(lines, 1):
        if text in line:
            return number
    return 0


def redirect_page(redirect: Redirect, site_url: str) -> str:
    """A page that sends readers and crawlers on: meta refresh, canonical link, plain link."""
    here = posixpath.dirname("/" + redirect.dest_uri)
    relative = posixpath.relpath("/" + redirect.item.url, here)
    relative = relative + "/" if not relative.endswith("/") else relative
    absolute = urljoin(site_url, redirect.item.url)
    title = escape(redirect.item.title)
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape(absolute)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(relative)}">\n'
        "</head>\n<body>\n"
        f'<p>Bài viết đã chuyển sang địa chỉ mới: <a href="{escape(relative)}">{title}</a></p>\n'
        "</body>\n</html>\n"
    )
