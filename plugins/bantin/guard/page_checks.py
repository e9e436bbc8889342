"""Facts read from one built page: its ids, the links it makes and its inline scripts.

lxml parses each page once (it is C and fast enough for 10,000 pages); the facts are kept
so links and anchors can be resolved across the whole site after every page is written.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import lxml.html  # type: ignore[import-untyped]

from bantin.core.problems import Problem

_LINKING = "//a[@href] | //link[@href] | //img[@src] | //script[@src] | //source[@src]"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*)?>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    """Site path of the target file (``tin-tuc/2018/index.html``), ``""`` for the page itself."""
    fragment: str
    written: str
    """The address as written in the page, for messages."""


@dataclass(frozen=True)
class PageFacts:
    ids: frozenset[str]
    links: tuple[Link, ...]
    problems: tuple[Problem, ...]


def read_page(
    html: str, dest_path: str, shown: str, locate: Callable[[str], int] | None = None
) -> PageFacts:
    """Ids, internal links and duplicate-id problems of one page at ``dest_path``.

    ``locate`` finds a snippet's line in the author's file; without it, lines are the
    built page's.
    """
    document = lxml.html.document_fromstring(html)
    counts: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    # XPath walks the tree in C; a Python loop over every element costs twice as much.
    for element in document.xpath("//*[@id]"):
        identifier = element.get("id")
        counts[identifier] += 1
        first_line.setdefault(identifier, element.sourceline or 0)
    links: list[Link] = []
    for element in document.xpath(_LINKING):
        attribute = "src" if element.tag in ("img", "script", "source") else "href"
        link = _internal_link(element.get(attribute), dest_path, element.sourceline or 0)
        if link is not None:
            links.append(link)
    problems = tuple(
        Problem(
            shown,
            (locate(f'id="{identifier}"') or locate(f"#{identifier}"))
            if locate
            else first_line[identifier],
            "id",
            f'id "{identifier}" is used {count} times in this page; ids must be unique '
            "(rename a heading or an {#id} attribute)",
        )
        for identifier, count in sorted(counts.items())
        if count > 1
    )
    return PageFacts(frozenset(counts), tuple(links), problems)


def _internal_link(address: str, dest_path: str, line: int) -> Link | None:
    parts = urlsplit(address.strip())
    if parts.scheme or parts.netloc or address.startswith("//"):
        return None
    fragment = unquote(parts.fragment)
    if not parts.path:
        return Link(line, "", fragment, address)
    if parts.path.startswith("/"):
        # Root-absolute links depend on where the site is mounted; MkDocs warns about them.
        return None
    here = posixpath.dirname(dest_path)
    target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
    if parts.path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return Link(line, target, fragment, address)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for every inline JavaScript block, sorted."""
    hashes = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue  # JSON and other data blocks never execute
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)
