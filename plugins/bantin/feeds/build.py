"""Feed documents from news items: RSS 2.0 through feedgen, JSON Feed 1.1 through json.

Both are deterministic: items newest first, the channel's build date is the newest item's
last change (never "now"), JSON keys sorted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from bantin.core.model import NewsItem

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class Enclosure:
    """The lead image as a feed attachment."""

    url: str
    """Site-relative URL of the published image file."""
    length: int
    """Size in bytes (0 when unknown)."""
    mime_type: str


@dataclass(frozen=True)
class FeedSpec:
    """One feed: a channel and its newest items."""

    path: str
    """Site-relative path without extension (``feed``, ``chu-de/hoi-nghi/feed``)."""
    title: str
    description: str
    page_url: str
    """Site-relative URL of the HTML page the feed follows (``""`` for the home page)."""
    items: tuple[NewsItem, ...]
    """Newest first, already cut to the feed's size."""

    @property
    def rss_path(self) -> str:
        return f"{self.path}.xml"

    @property
    def json_path(self) -> str:
        return f"{self.path}.json"


def last_change(item: NewsItem) -> datetime:
    return item.updated if item.updated and item.updated > item.date else item.date


def build_date(items: Sequence[NewsItem], fallback: datetime) -> datetime:
    """The channel's build date: the newest change among its items."""
    return max((last_change(item) for item in items), default=fallback)


def rss(
    spec: FeedSpec,
    site_url: str,
    enclosures: dict[str, Enclosure],
    fallback_date: datetime,
) -> bytes:
    """RSS 2.0 with ``dc:creator`` for authors (RSS's own author field wants an e-mail)."""
    generator = FeedGenerator()
    generator.load_extension("dc")
    generator.title(spec.title)
    generator.description(spec.description or spec.title)
    generator.link(href=urljoin(site_url, spec.rss_path), rel="self")
    # feedgen uses the last link as RSS's channel <link>: the HTML page comes last.
    generator.link(href=urljoin(site_url, spec.page_url), rel="alternate")
    generator.language("vi")
    generator.generator("bantin")
    generator.lastBuildDate(build_date(spec.items, fallback_date))
    for item in spec.items:
        entry = generator.add_entry(order="append")
        url = urljoin(site_url, item.url)
        entry.title(item.title)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(item.date)
        if item.summary:
            entry.description(item.summary)
        entry.dc.dc_creator(item.author)
        for tag in item.tags:
            entry.category(term=tag)
        enclosure = enclosures.get(item.src_uri)
        if enclosure is not None:
            entry.enclosure(
                urljoin(site_url, enclosure.url), str(enclosure.length), enclosure.mime_type
            )
    return bytes(generator.rss_str(pretty=True))


def json_feed(spec: FeedSpec, site_url: str, enclosures: dict[str, Enclosure]) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), keys sorted, UTF-8."""
    items = []
    for item in spec.items:
        url = urljoin(site_url, item.url)
        entry: dict[str, object] = {
            "authors": [{"name": item.author}],
            "content_text": item.summary or item.title,
            "date_published": item.date.isoformat(),
            "id": url,
            "language": "vi",
            "title": item.title,
            "url": url,
        }
        if item.updated:
            entry["date_modified"] = item.updated.isoformat()
        if item.summary:
            entry["summary"] = item.summary
        if item.tags:
            entry["tags"] = list(item.tags)
        enclosure = enclosures.get(item.src_uri)
        if enclosure is not None:
            image = urljoin(site_url, enclosure.url)
            entry["image"] = image
            attachment: dict[str, object] = {"mime_type": enclosure.mime_type, "url": image}
            if enclosure.length:
                attachment["size_in_bytes"] = enclosure.length
            entry["attachments"] = [attachment]
        items.append(entry)
    document = {
        "description": spec.description or spec.title,
        "feed_url": urljoin(site_url, spec.json_path),
        "home_page_url": urljoin(site_url, spec.page_url),
        "items": items,
        "language": "vi",
        "title": spec.title,
        "version": JSON_FEED_VERSION,
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")
