"""MkDocs adapter for readers finding news: search, feeds, sharing tags, sitemap, redirects.

Thin by design: text folding and the index format live in ``bantin.search``, feed documents
in ``bantin.feeds``, tags, JSON-LD and redirects in ``bantin.seo``. This module reads the
news index from the news plugin and moves data between MkDocs events and those cores.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, cast

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from bantin.core import halves, urls
from bantin.core.dates import build_now
from bantin.core.index import NewsIndex, Term
from bantin.core.model import NewsItem
from bantin.core.problems import ContentError, Problem
from bantin.core.vntext import format_date
from bantin.feeds import build as feeds
from bantin.feeds.build import FeedSpec
from bantin.feeds.plan import plan as plan_feeds
from bantin.search.background import BackgroundIndexWriter
from bantin.search.index import SearchDoc
from bantin.search.text import html_to_text
from bantin.seo import jsonld, meta, redirects, sitemap

log = logging.getLogger("mkdocs.plugins.bantin.discovery")

SEARCH_PAGE = urls.source_uri(urls.SEARCH)
SEARCH_INDEX = f"{urls.SEARCH}chi-muc/"
"""Folder of the search index, next to the page that reads it."""
_SEARCH_SOURCE = """\
---
title: Tìm kiếm
template: bantin/search.html
hide: [navigation, toc]
---
"""


class DiscoveryConfig(base.Config):
    feed_size = c.Type(int, default=50)
    """Items in the site feeds (``/feed.xml``, ``/feed.json``): the newest only."""
    term_feed_size = c.Type(int, default=20)
    """Items in each topic's and official's feeds."""
    search = c.Type(bool, default=True)
    """Build the search index."""
    search_in_preview = c.Type(bool, default=False)
    """Also index under ``mkdocs serve`` (slower saves on a large site)."""
    search_cap = c.Type(int, default=1000)
    """Documents kept per search term: a word in every item still downloads little."""
    search_shard_bytes = c.Type(int, default=32_000)
    """Target size of one search shard; the shard count grows with the site."""


@dataclass(frozen=True)
class FeedLink:
    title: str
    href: str
    type: str


@dataclass(frozen=True)
class PageDiscovery:
    """What ``bantin/hooks/discovery-head.html`` prints for one page."""

    meta: list[meta.MetaTag]
    feeds: list[FeedLink]
    has_image: bool
    jsonld: str = ""


@dataclass
class _Build:
    """Everything one build knows; replaced at every build (``mkdocs serve`` rebuilds)."""

    index: NewsIndex | None = None
    numbers: dict[str, int] = field(default_factory=dict)
    terms_by_url: dict[str, Term] = field(default_factory=dict)
    redirects: list[redirects.Redirect] = field(default_factory=list)
    originals: dict[str, File] = field(default_factory=dict)
    writer: BackgroundIndexWriter | None = None
    handed_back: list[SearchDoc] | None = None
    """In a bantin-parallel helper: its items' search text, for the first process's writer
    (the indexing process belongs to the first process)."""
    work_dir: Path | None = None
    indexing_seconds: float = 0.0
    """Time the build spent handing pages to the indexing process, for the log."""


class DiscoveryPlugin(BasePlugin[DiscoveryConfig]):
    """Search index, feeds, sharing tags, sitemap dates, robots.txt and alias redirects."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preview = False
        self.state = _Build()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.preview = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._close()
        self.state = _Build()
        if not config.site_url:
            raise PluginError(
                "mkdocs.yml: site_url: is required by bantin-discovery (feeds, canonical "
                "links, sitemap); add site_url: https://your-portal.gov.vn/"
            )
        if "bantin-news" not in config.plugins:
            raise PluginError("mkdocs.yml: plugins: bantin-discovery needs bantin-news before it")
        return config

    @event_priority(-10)  # after the news plugin built the index and its pages
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        index = cast(Any, config.plugins["bantin-news"]).index
        if index is None:
            return files
        state = self.state
        state.index = index
        count = len(index.items)
        state.numbers = {item.src_uri: count - 1 - n for n, item in enumerate(index.items)}
        state.terms_by_url = {term.url: term for term in (*index.topics, *index.officials)}
        state.originals = {file.src_uri: file for file in files if file.generated_by is None}

        existing = files.get_file_from_path(SEARCH_PAGE)
        problems: list[Problem] = []
        if existing is not None:
            problems.append(
                Problem(
                    f"content/{SEARCH_PAGE}",
                    0,
                    "file",
                    f"/{urls.SEARCH} is generated by bantin (search page); "
                    "move or rename this file",
                )
            )
        else:
            files.append(
                File.generated(
                    config, SEARCH_PAGE, content=_SEARCH_SOURCE, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        state.redirects = redirects.redirects(index.items)
        problems += redirects.collisions(
            state.redirects, _taken(files, index), Path(config.docs_dir)
        )
        if problems:
            raise PluginError(str(ContentError(problems)))

        if self.config.search and (self.config.search_in_preview or not self.preview):
            state.work_dir = Path(tempfile.mkdtemp(prefix="bantin-search-"))
            state.writer = BackgroundIndexWriter(
                Path(config.site_dir) / SEARCH_INDEX,
                state.work_dir,
                cap=self.config.search_cap,
                shard_bytes=self.config.search_shard_bytes,
            )
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        state = self.state
        item = state.index.by_src_uri.get(page.file.src_uri) if state.index else None
        if item is None or state.writer is None:
            return html
        head = "\n".join([item.title, *item.tags, *(official.name for official in item.officials)])
        summary = "" if getattr(item, "summary_is_lead", False) else item.summary
        started = time.perf_counter()
        (state.writer.add if state.handed_back is None else state.handed_back.append)(
            SearchDoc(
                number=state.numbers[item.src_uri],
                url=item.url,
                title=item.title,
                date=format_date(item.date),
                iso_date=item.date.isoformat(),
                head=head,
                body="\n".join(part for part in (summary, html_to_text(html)) if part),
            )
        )
        state.indexing_seconds += time.perf_counter() - started
        return html

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        # Read by theme/sitemap.xml: an item's <lastmod> is its own date, not the build's.
        env.globals["bantin_lastmod"] = self._lastmod
        env.globals["bantin_search_index"] = SEARCH_INDEX
        env.globals["bantin_search_ready"] = self.state.writer is not None
        return env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        state = self.state
        item = state.index.by_src_uri.get(page.file.src_uri) if state.index else None
        url = page.canonical_url or ""
        site_name = config.site_name
        if item is not None:
            title, description = item.title, item.summary
        else:
            title = str(page.meta.get("title") or page.title or site_name)
            if page.is_homepage:
                title = site_name
            description = page.meta.get("description") or config.site_description or ""
        image = self._lead_image(config, item) if item else None
        data = PageDiscovery(
            meta=meta.sharing_tags(
                title=title,
                description=description,
                url=url,
                site_name=site_name,
                item=item,
            ),
            feeds=self._feed_links(page.url, site_name),
            has_image=image is not None,
        )
        if item is not None:
            article = jsonld.news_article(
                item,
                url=url,
                site_name=site_name,
                site_url=config.site_url or "",
                image_url=_absolute(config, image[0]) if image else None,
            )
            data = PageDiscovery(data.meta, data.feeds, data.has_image, jsonld.script_json(article))
        cast(dict[str, Any], context)["bantin_discovery"] = data
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        state = self.state
        if state.index is None:
            return
        site_dir = Path(config.site_dir)
        if state.writer is not None:
            started = time.perf_counter()
            try:
                stats = state.writer.finish()
            except RuntimeError as error:
                raise PluginError(str(error)) from None
            finally:
                state.writer = None
            log.info(
                "search index: %d items, %d terms in %d shards (%d KB), largest shard %d KB; "
                "indexed beside the build, %.1f s handing pages over, %.1f s waiting at the end",
                stats.docs,
                stats.terms,
                stats.shards,
                stats.shard_bytes // 1024,
                stats.largest_shard // 1024,
                state.indexing_seconds,
                time.perf_counter() - started,
            )
        self._write_feeds(config, state.index, site_dir)
        if "robots.txt" not in state.originals:  # an office's own robots.txt wins
            _write(site_dir / "robots.txt", sitemap.robots_txt(config.site_url or "/").encode())
        for redirect in state.redirects:
            page = redirects.redirect_page(redirect, config.site_url or "/")
            _write(site_dir / redirect.dest_uri, page.encode("utf-8"))
        self._close()

    def on_build_error(self, *, error: Exception) -> None:
        self._close()

    # -- bantin-parallel ----------------------------------------------------------------

    def enter_worker(self) -> None:
        if self.state.writer is not None:
            self.state.handed_back = []

    def worker_state(self) -> tuple[list[SearchDoc], float]:
        return self.state.handed_back or [], self.state.indexing_seconds

    def merge_worker_state(self, state: tuple[list[SearchDoc], float]) -> None:
        docs, seconds = state
        if self.state.writer is not None:
            for doc in docs:
                self.state.writer.add(doc)
        self.state.indexing_seconds += seconds

    def on_shutdown(self) -> None:
        self._close()

    # -- helpers ------------------------------------------------------------------------

    def _close(self) -> None:
        if self.state.writer is not None:
            self.state.writer.close()
            self.state.writer = None

    def _lastmod(self, page: Page) -> str:
        index = self.state.index
        if index is None or not index.items:
            return ""
        item = index.by_src_uri.get(page.file.src_uri)
        if item is not None:
            return sitemap.lastmod(item)
        term = self.state.terms_by_url.get(page.url)
        if term is not None and term.items:
            return sitemap.lastmod(max(term.items, key=feeds.last_change))
        if page.is_homepage or page.url == urls.NEWS:
            return sitemap.lastmod(max(index.items, key=feeds.last_change))
        return ""

    def _feed_links(self, page_url: str, site_name: str) -> list[FeedLink]:
        links = [
            FeedLink(f"{site_name} (RSS)", "feed.xml", "application/rss+xml"),
            FeedLink(f"{site_name} (JSON Feed)", "feed.json", "application/feed+json"),
        ]
        parts = page_url.split("/")
        term = self.state.terms_by_url.get("/".join(parts[:2]) + "/") if len(parts) > 2 else None
        if term is not None:
            links += [
                FeedLink(f"{term.name} (RSS)", f"{term.url}feed.xml", "application/rss+xml"),
                FeedLink(
                    f"{term.name} (JSON Feed)", f"{term.url}feed.json", "application/feed+json"
                ),
            ]
        return links

    def _lead_image(self, config: MkDocsConfig, item: NewsItem) -> tuple[str, str] | None:
        """(site-relative URL, path inside site_dir) of the item's published lead image.

        The images plugin publishes resized copies and knows their names; without it the
        original file is published where MkDocs copies it.
        """
        if not item.image:
            return None
        images = config.plugins.get("bantin-images")
        published = getattr(images, "items", None) if images is not None else None
        if isinstance(published, dict):
            lead = getattr(published.get(item.src_uri), "lead", None)
            if lead is None:
                return None
            variant = lead.variants("full", "jpg")[-1]  # the widest, as og:image uses
            dest = str(lead.dest_uri(variant))
            return dest, dest
        original = self.state.originals.get(f"{item.folder}/{item.image}".lstrip("/"))
        if original is None:
            return None
        return original.url, original.dest_uri

    def _write_feeds(self, config: MkDocsConfig, index: NewsIndex, site_dir: Path) -> None:
        site_url = config.site_url or "/"
        specs = plan_feeds(
            index, config.site_name, self.config.feed_size, self.config.term_feed_size
        )
        enclosures: dict[str, feeds.Enclosure] = {}
        for spec in specs:
            for item in spec.items:
                if item.image and item.src_uri not in enclosures:
                    image = self._lead_image(config, item)
                    if image is not None:
                        enclosures[item.src_uri] = _enclosure(site_dir, *image)
        # Hundreds of feeds on a large portal: a forked helper writes half of them.
        work = functools.partial(_write_feed_files, site_dir, site_url, enclosures, build_now())
        halves.in_two(work, specs, FEEDS_IN_TWO_FROM)


FEEDS_IN_TWO_FROM = 200
"""Feeds from which a second process writes half of them."""


def _write_feed_files(
    site_dir: Path,
    site_url: str,
    enclosures: dict[str, feeds.Enclosure],
    fallback: datetime,
    specs: Sequence[FeedSpec],
) -> None:
    for spec in specs:
        _write(site_dir / spec.rss_path, feeds.rss(spec, site_url, enclosures, fallback))
        _write(site_dir / spec.json_path, feeds.json_feed(spec, site_url, enclosures))


def _taken(files: Files, index: NewsIndex) -> dict[str, str]:
    """Output files of the site and what writes them, for alias collision messages."""
    taken = {}
    for file in files:
        if file.is_documentation_page():
            taken[file.dest_uri] = f"the page /{file.url}"
        else:
            taken[file.dest_uri] = f"the file /{file.dest_uri}"
    for name in ("feed.xml", "feed.json", "robots.txt", "sitemap.xml", "404.html"):
        taken[name] = f"bantin's /{name}"
    for term in (*index.topics, *index.officials):
        for extension in ("xml", "json"):
            taken[f"{term.url}feed.{extension}"] = f"the feed /{term.url}feed.{extension}"
    return taken


def _enclosure(site_dir: Path, url: str, dest_uri: str) -> feeds.Enclosure:
    path = site_dir / dest_uri
    length = path.stat().st_size if path.is_file() else 0
    mime_type = mimetypes.guess_type(dest_uri)[0] or "application/octet-stream"
    return feeds.Enclosure(url, length, mime_type)


def _absolute(config: MkDocsConfig, url: str) -> str:
    return (config.site_url or "/").rstrip("/") + "/" + url.lstrip("/")


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
