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

from bantin.core.index import RELATED_WINDOW, NewsIndex, read_item
from bantin.core.model import NewsItem
from bantin.core.pages import PageSpec
from bantin.core.problems import Problem
from bantin.core.vntext import grouping_key

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


class CardTexts:
    """The text of each item's card, made once per build: an item is on many list pages."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def __call__(self, item: NewsItem) -> str:
        text = self._texts.get(item.src_uri)
        if text is None:
            text = self._texts[item.src_uri] = repr(_card(item))
        return text


def page_fingerprint(spec: PageSpec, cards: CardTexts | None = None) -> str:
    card = cards or CardTexts()
    return _digest(
        (
            spec.url,
            spec.title,
            spec.description,
            spec.total,
            spec.pagination,
            spec.links,
            [card(item) for item in spec.items],
            spec.term.name if spec.term else None,
            [(g.year, [card(i) for i in g.items]) for g in spec.groups],
            spec.tallies,
            getattr(spec.term, "titles", None),
        )
    )


def item_fingerprint(
    item: NewsItem,
    signature: Signature | None,
    related: list[NewsItem],
    term_urls: list[str],
    cards: CardTexts | None = None,
) -> str:
    card = cards or CardTexts()
    # The file's signature stands for everything read from it; the index adds URL and status.
    own: object = (signature, item.url, item.status) if signature is not None else item
    return _digest((own, [card(other) for other in related], term_urls))


RelatedLists = dict[str, tuple[str, ...]]
"""Item ``src_uri`` → the ``src_uri`` of its "Các tin khác", in order."""

# Beyond this many changed items a save is a bulk change: everything is computed again.
_FEW_CHANGES = 50


def _shape(item: NewsItem) -> tuple[object, ...]:
    return (
        item.sort_key,
        tuple(grouping_key(official.name) for official in item.officials),
        tuple(grouping_key(tag) for tag in item.tags),
    )


def related_lists(
    index: NewsIndex,
    count: int,
    previous: tuple[NewsIndex, RelatedLists] | None = None,
) -> RelatedLists:
    """Every item's "Các tin khác", recomputing only what a few edits can have changed.

    An item's list is drawn from the items within ``RELATED_WINDOW`` places of it in each of
    its postings and within ``count`` places in time. A changed item (moved in time, other
    officials or topics, added or removed) can only enter or leave the lists of items that
    near, in the old index or the new one; each change shifts places by one at most.
    """

    def fresh(item: NewsItem) -> tuple[str, ...]:
        return tuple(other.src_uri for other in index.related(item, count))

    if previous is None:
        return {item.src_uri: fresh(item) for item in index.items}
    old_index, old_lists = previous
    old = {item.src_uri: _shape(item) for item in old_index.items}
    new = {item.src_uri: _shape(item) for item in index.items}
    changed = {uri for uri in old.keys() | new.keys() if old.get(uri) != new.get(uri)}
    if len(changed) > _FEW_CHANGES:
        return {item.src_uri: fresh(item) for item in index.items}
    affected = set(changed)
    for source in (old_index, index):
        for uri in changed:
            item = source.by_src_uri.get(uri)
            if item is not None:
                spread = len(changed) + 1
                affected |= source.neighbours(item, RELATED_WINDOW + spread, count + spread)
    return {
        item.src_uri: fresh(item) if item.src_uri in affected else old_lists[item.src_uri]
        for item in index.items
    }


def site_fingerprint(*parts: object) -> str:
    """What every page shows (archive box, problem banner): when it changes, all pages do."""
    return _digest(parts)
