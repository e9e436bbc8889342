"""Facts read from one built page: its ids, the links it makes and its inline scripts.

Every page of the site is read, so this is on the build's hot path. The pages come from
MkDocs, Jinja (autoescaped) and nh3-sanitised content: well-formed markup whose attribute
values never hold a raw ``<`` or ``>``. Regular expressions over its tags find ids and
addresses several times faster than a full parse; script and style bodies and comments are
cut out first so nothing inside them counts as markup. Only what the site-wide link check
needs is kept per page (a compact id string and its link targets): 10,000 pages of
Material chrome links would otherwise hold hundreds of megabytes. The written address and
line of a broken link are recovered from the page on disk, only when one is found.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html as html_lib
import posixpath
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from bantin.core.problems import Problem

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*)?>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

# Comments, and the bodies of raw-text elements, whose "<…>" is not markup.
_RAW_START = re.compile(r"<!--|<(script|style|textarea)\b[^>]*>", re.I)
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style", "textarea")}
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_VALUE = r"""\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
_ID = re.compile(r"\sid" + _VALUE, re.I)
_HREF = re.compile(r"<(?:a|link)\s[^>]*?(?<=\s)href" + _VALUE, re.I)
_SRC_ATTR = re.compile(r"<(?:img|script|source)\s[^>]*?(?<=\s)src" + _VALUE, re.I)


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
    ids: str
    """The page's ids, each between newlines (``"\\na\\nb\\n"``): small, and quick to search."""
    targets: tuple[str, ...]
    """Every internal link as ``target#fragment`` (target ``""``: this page), interned and
    sorted; a tuple of shared strings costs a tenth of a set per page."""
    problems: tuple[Problem, ...]

    def has_id(self, identifier: str) -> bool:
        return f"\n{identifier}\n" in self.ids


# Entries each cache of a LinkResolver holds at most: enough for every chrome address of
# the site, bounded so 10,000 pages of one-off item links do not fill memory.
_CACHE_LIMIT = 20_000


@dataclass
class LinkResolver:
    """Turns addresses into site paths, remembering answers for the whole build.

    Most addresses are chrome repeated on every page (``../../../../assets/…``); the climb
    is taken off the page's folder first, so pages at any depth share one cache entry.
    """

    _parts: dict[str, tuple[str, str, bool, int] | None] = field(default_factory=dict)
    _joined: dict[tuple[str, str], str] = field(default_factory=dict)
    _tags: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    """A tag's text → its id and its address: the chrome's tags recur on every page."""

    def tag_facts(self, tag: str) -> tuple[str | None, str | None]:
        """(id, address) of one tag, each None when the tag has none."""
        facts = self._tags.get(tag)
        if facts is None:
            if len(self._tags) >= _CACHE_LIMIT:
                self._tags.clear()
            found = _ID.search(tag) if "id" in tag else None
            facts = self._tags[tag] = (_value(found) if found else None, _address(tag))
        return facts

    def resolve(self, address: str, dest_path: str) -> tuple[str, str] | None:
        """(target file, fragment) of an internal link, None for other sites and root paths."""
        return self.resolve_in(address, _folders(dest_path))

    def resolve_in(self, address: str, folders: list[str]) -> tuple[str, str] | None:
        """``resolve`` for a page whose folder is ``folders`` (split once per page)."""
        parts = self._parts.get(address, _UNSEEN)
        if parts is _UNSEEN:
            if len(self._parts) >= _CACHE_LIMIT:
                self._parts.clear()  # item links seldom repeat; chrome comes back at once
            parts = self._parts[address] = _split(address)
        if parts is None:
            return None
        path, fragment, directory, ups = parts
        if not path and not ups:
            return "", fragment
        if ups > len(folders):
            # Climbs above the site root: keep normpath's answer, which is never a file.
            here, path = "", "../" * ups + path
        else:
            here = "/".join(folders[: len(folders) - ups])
        key = (here, path)
        target = self._joined.get(key)
        if target is None:
            if len(self._joined) >= _CACHE_LIMIT:
                self._joined.clear()
            target = posixpath.normpath(posixpath.join(here, path))
            if directory or target == ".":
                target = posixpath.join(target, "index.html") if target != "." else "index.html"
            target = self._joined[key] = sys.intern(target)
        return target, fragment


_UNSEEN: Any = object()


def _folders(dest_path: str) -> list[str]:
    here = posixpath.dirname(dest_path)
    return here.split("/") if here else []


def _split(address: str) -> tuple[str, str, bool, int] | None:
    """(path without its leading ``../``, fragment, ends with ``/``, number of ``../``)."""
    parts = urlsplit(address.strip())
    if parts.scheme or parts.netloc or address.startswith("//"):
        return None
    if parts.path.startswith("/"):
        # Root-absolute links depend on where the site is mounted; MkDocs warns about them.
        return None
    path = unquote(parts.path)
    ups = 0
    while path.startswith("../"):
        path = path[3:]
        ups += 1
    return path, unquote(parts.fragment), parts.path.endswith("/"), ups


def _value(match: re.Match[str]) -> str:
    value = match.group("dq")
    if value is None:
        value = match.group("sq")
    if value is None:
        value = match.group("bare") or ""
    return html_lib.unescape(value) if "&" in value else value


def _markup(html: str) -> str:
    """The page without comments and raw-text bodies; line breaks kept so lines still match."""
    pieces = []
    position = 0
    while (start := _RAW_START.search(html, position)) is not None:
        name = start.group(1)
        if name is None:
            end = html.find("-->", start.end())
            cut_from, resume = start.start(), (len(html) if end < 0 else end + 3)
        else:
            close = _RAW_END[name.lower()].search(html, start.end())
            cut_from, resume = start.end(), (len(html) if close is None else close.end())
        pieces.append(html[position:cut_from])
        pieces.append("\n" * html.count("\n", cut_from, resume))
        position = resume
    pieces.append(html[position:])
    return "".join(pieces)


def _address(tag: str) -> str | None:
    """The address a tag links to (``href`` of a and link, ``src`` of img, script, source)."""
    if "href" in tag or "src" in tag:
        for pattern in (_HREF, _SRC_ATTR):
            if (found := pattern.match(tag)) is not None:
                return _value(found)
    return None


def read_page(
    html: str,
    dest_path: str,
    shown: str,
    resolver: LinkResolver,
    locate: Callable[[str], int] | None = None,
) -> PageFacts:
    """Ids, internal link targets and duplicate-id problems of one page at ``dest_path``.

    ``locate`` finds a snippet's line in the author's file; without it, lines are the
    built page's.
    """
    counts: Counter[str] = Counter()
    targets = set()
    folders = _folders(dest_path)
    for tag in _TAG.findall(_markup(html)):
        identifier, address = resolver.tag_facts(tag)
        if identifier is not None:
            counts[identifier] += 1
        resolved = resolver.resolve_in(address, folders) if address is not None else None
        if resolved is not None:
            targets.add(sys.intern(f"{resolved[0]}#{resolved[1]}"))
    problems = tuple(
        Problem(
            shown,
            (locate(f'id="{identifier}"') or locate(f"#{identifier}"))
            if locate
            else _line_in(html, f'id="{identifier}"'),
            "id",
            f'id "{identifier}" is used {count} times in this page; ids must be unique '
            "(rename a heading or an {#id} attribute)",
        )
        for identifier, count in sorted(counts.items())
        if count > 1
    )
    ids = "\n" + "\n".join(sorted(counts)) + "\n" if counts else "\n"
    return PageFacts(ids, tuple(sorted(targets)), problems)


def links_of(html: str, dest_path: str, resolver: LinkResolver) -> list[Link]:
    """Every internal link of a page with its written address and line (for messages)."""
    markup = _markup(html)
    found = []
    for tag in _TAG.finditer(markup):
        address = _address(tag.group())
        resolved = resolver.resolve(address, dest_path) if address is not None else None
        if address is not None and resolved is not None:
            line = markup.count("\n", 0, tag.start()) + 1
            found.append(Link(line, resolved[0], resolved[1], address))
    return found


def _line_in(html: str, snippet: str) -> int:
    position = html.find(snippet)
    return html.count("\n", 0, position) + 1 if position >= 0 else 0


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
        hashes.add(_script_hash(match.group("body")))
    return sorted(hashes)


@functools.lru_cache(maxsize=256)  # Material's few inline scripts recur on every page
def _script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
