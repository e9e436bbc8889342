"""Work saved between the rebuilds of one `mkdocs serve` session.

Two things: parsed items are reused while their file is unchanged (so a save re-reads one
file, not ten thousand), and every page gets a fingerprint of what it shows, so a
``--dirty`` rebuild renders only the pages whose content really changed — the edited item,
the lists it appears in, and the items whose "Các tin khác" mention it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bantin.core.index import read_item
from bantin.core.model import NewsItem
from bantin.core.pages import PageSpec
from bantin.core.problems import Problem

Signature = tuple[int, int]


def _signature(path: Path) -> Signature | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


@dataclass
class ItemCache:
    """Parsed items keyed by source path, valid while the file's mtime and size hold."""

    entries: dict[str, tuple[Signature, NewsItem]] = field(default_factory=dict)
    reads: int = 0
    """Files actually read by the last ``load``; the rest came from the cache."""

    def load(
        self, content_dir: Path, src_uris: Iterable[str], display_root: str
    ) -> tuple[list[NewsItem], list[Problem]]:
        items: list[NewsItem] = []
        problems: list[Problem] = []
        fresh: dict[str, tuple[Signature, NewsItem]] = {}
        self.reads = 0
        for src_uri in sorted(src_uris):
            signature = _signature(content_dir / src_uri)
            cached = self.entries.get(src_uri)
            if signature is not None and cached is not None and cached[0] == signature:
                item = cached[1]
                if not item.image or (content_dir / item.folder / item.image).is_file():
                    items.append(item)
                    fresh[src_uri] = cached
                    continue
            self.reads += 1
            item_or_none, item_problems = read_item(content_dir, src_uri, display_root)
            problems += item_problems
            if item_or_none is not None and signature is not None:
                items.append(item_or_none)
                # Only valid items are kept: a broken file is read again on every rebuild.
                fresh[src_uri] = (signature, item_or_none)
        self.entries = fresh
        return items, problems

    def signature(self, src_uri: str) -> Signature | None:
        entry = self.entries.get(src_uri)
        return entry[0] if entry else None


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


def _card(item: NewsItem) -> tuple[object, ...]:
    """What a list shows of an item."""
    return (item.url, item.title, item.date, item.summary, item.status, item.image)


def page_fingerprint(spec: PageSpec) -> str:
    return _digest(
        (
            spec.url,
            spec.title,
            spec.description,
            spec.total,
            spec.pagination,
            spec.links,
            [_card(item) for item in spec.items],
            spec.term.name if spec.term else None,
            [(g.year, [_card(i) for i in g.items]) for g in spec.groups],
            spec.tallies,
            getattr(spec.term, "titles", None),
        )
    )


def item_fingerprint(
    item: NewsItem, signature: Signature | None, related: list[NewsItem], term_urls: list[str]
) -> str:
    return _digest((item, signature, [_card(other) for other in related], term_urls))


def site_fingerprint(*parts: object) -> str:
    """What every page shows (archive box, problem banner): when it changes, all pages do."""
    return _digest(parts)
