"""Where derivatives are published and what they are called: ``<item URL>/<stem>@<suffix>``.

Derivatives sit in the item's own URL folder (``tin-tuc/2018/08/so-ket/``), whatever the
layout of the sources (flat file or bundle), so the body HTML links them by bare name.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from bantin.core.vntext import slugify
from bantin.images.cache import Entry
from bantin.images.derive import Variant, fallback_width


@dataclass(frozen=True)
class PublishedImage:
    """One source image as published in one item's folder."""

    src_uri: str
    """Source path inside ``content/``."""
    folder: str
    """Site folder of the derivatives, with a trailing slash (the item's URL)."""
    stem: str
    entry: Entry
    files: tuple[Variant, ...]
    """The variants published for this use (see ``needed``), narrowest first per role."""

    def name(self, variant: Variant) -> str:
        return f"{self.stem}@{variant.suffix}"

    def dest_uri(self, variant: Variant) -> str:
        return f"{self.folder}{self.name(variant)}"

    def variants(self, role: str, extension: str) -> list[Variant]:
        """Variants of one role and format, narrowest first."""
        return [v for v in self.files if v.role == role and v.extension == extension]

    def fallback(self, role: str, extension: str) -> Variant:
        """The ``src`` variant: the widest up to ``FALLBACK_WIDTH``, else the narrowest."""
        variants = self.variants(role, extension)
        width = fallback_width([variant.width for variant in variants])
        return next(variant for variant in variants if variant.width == width)


def needed(entry: Entry, *, lead: bool) -> tuple[Variant, ...]:
    """What one item publishes of a cached entry: only the files its pages link to.

    A lead image is shown large, as a card in lists and on sharing sites: all its files. A
    body image only ever appears full width: its WebP widths and the JPEG fallback (the
    cards and the wide sharing JPEG would be files no page links to).
    """
    ordered = tuple(sorted(entry.variants, key=lambda v: (v.role, v.width, v.extension)))
    if lead:
        return ordered
    fallback = fallback_width([v.width for v in ordered if v.role == "full"])
    return tuple(
        v for v in ordered if v.role == "full" and (v.extension == "webp" or v.width == fallback)
    )


def stems(src_uris: Iterable[str], item_folder: str) -> dict[str, str]:
    """A distinct ASCII stem per source of one item: ``anh/Quang Cảnh.JPG`` → ``anh-quang-canh``.

    Two sources that slugify alike (``x.jpg`` and ``x.png``) get ``-2``, ``-3``… in path order.
    """
    result: dict[str, str] = {}
    used: set[str] = set()
    prefix = item_folder.rstrip("/") + "/" if item_folder else ""
    for src_uri in sorted(set(src_uris)):
        relative = src_uri[len(prefix) :] if src_uri.startswith(prefix) else src_uri
        base = slugify(posixpath.splitext(relative)[0].replace("/", " ")) or "anh"
        stem, number = base, 2
        while stem in used:
            stem, number = f"{base}-{number}", number + 1
        used.add(stem)
        result[src_uri] = stem
    return result


def relative_prefix(page_url: str, folder: str) -> str:
    """Relative URL prefix from a page (directory URL) to a folder: ``""`` when the same."""
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    if page_dir == folder:
        return ""  # an item's own page: the common case, and relpath is slow
    relative = posixpath.relpath("/" + folder, "/" + page_dir)
    return "" if relative == "." else relative + "/"
