"""Feed documents from news items: RSS 2.0 through feedgen, JSON Feed 1.1 through json.

Both are deterministic: items newest first, the channel's build date is the newest item's
last change (never "now"), JSON keys sorted.

Feeds carry text only (no ``content:encoded``, no ``content_html``): every title, summary,
author and category goes through ``bantin.feeds.text`` here, the one place that decides
what a feed says, so no markup written in an item reaches a feed reader. Should a feed
ever carry an item's HTML, it must be the page's content after ``guard.raw_html.sanitise``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from bantin.core.model import NewsItem
from bantin.feeds.text import inert, label, plain_text

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
    """Plain text (``feeds.text.label``); made ``inert`` again when written."""
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


@dataclass(frozen=True)
class EntryText:
    """What a feed says about one item, as plain text (see ``bantin.feeds.text``)."""

    title: str
    author: str
    summary: str
    """Empty when the item has none (or it was only markup)."""
    tags: tuple[str, ...]


def entry_text(item: NewsItem) -> EntryText:
    # A lead paragraph is plain text already, its entities decoded once when it was taken
    # from the body: decoding again would turn a written "&lt;" into a tag.
    summary = inert(item.summary) if item.summary_is_lead else plain_text(item.summary)
    return EntryText(
        # Only control characters or spaces leave nothing: the address's words stand in.
        title=label(item.title) or item.slug,
        author=label(item.author),
        summary=summary,
        tags=tuple(dict.fromkeys(tag for tag in map(label, item.tags) if tag)),
    )


def _channel_title(spec: FeedSpec, site_url: str) -> str:
    """The channel's title; a name of control characters only leaves the page's address."""
    return inert(spec.title) or urljoin(site_url, spec.page_url)


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
    title = _channel_title(spec, site_url)
    generator.title(title)
    generator.description(inert(spec.description) or title)
    generator.link(href=urljoin(site_url, spec.rss_path), rel="self")
    # feedgen uses the last link as RSS's channel <link>: the HTML page comes last.
    generator.link(href=urljoin(site_url, spec.page_url), rel="alternate")
    generator.language("vi")
    generator.generator("bantin")
    generator.lastBuildDate(build_date(spec.items, fallback_date))
    for item in spec.items:
        entry = generator.add_entry(order="append")
        url = urljoin(site_url, item.url)
        text = entry_text(item)
        entry.title(text.title)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(item.date)
        if text.summary:
            entry.description(text.summary)
        entry.dc.dc_creator(text.author)
        if text.tags:
            # All at once: feedgen rebuilds an entry's whole category list on every call,
            # so one call per tag took time quadratic in the number of tags.
            entry.category([{"term": tag} for tag in text.tags])
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
        text = entry_text(item)
        entry: dict[str, object] = {
            "authors": [{"name": text.author}],
            "content_text": text.summary or text.title,
            "date_published": item.date.isoformat(),
            "id": url,
            "language": "vi",
            "title": text.title,
            "url": url,
        }
        if item.updated:
            entry["date_modified"] = item.updated.isoformat()
        if text.summary:
            entry["summary"] = text.summary
        if text.tags:
            entry["tags"] = list(text.tags)
        enclosure = enclosures.get(item.src_uri)
        if enclosure is not None:
            image = urljoin(site_url, enclosure.url)
            entry["image"] = image
            attachment: dict[str, object] = {"mime_type": enclosure.mime_type, "url": image}
            if enclosure.length:
                attachment["size_in_bytes"] = enclosure.length
            entry["attachments"] = [attachment]
        items.append(entry)
    title = _channel_title(spec, site_url)
    document = {
        "description": inert(spec.description) or title,
        "feed_url": urljoin(site_url, spec.json_path),
        "home_page_url": urljoin(site_url, spec.page_url),
        "items": items,
        "language": "vi",
        "title": title,
        "version": JSON_FEED_VERSION,
    }
    written = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    return (written + "\n").encode("utf-8")
