"""MkDocs adapter for visitor and content statistics.

- reads the last-known visitor figures once per build and hands them to every page as the
  Jinja global ``bantin_stats`` (None: "Chưa có số liệu");
- republishes them, validated, at ``/thong-ke/truy-cap.json`` so the widget's script finds
  a file even where the web server does not serve the live one;
- generates the content statistics page ``/thong-ke/`` from the news index.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, cast

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

from bantin.core import urls
from bantin.core.index import NewsIndex
from bantin.core.vntext import format_datetime, format_number
from bantin.stats import published
from bantin.stats.content import ContentStatistics, content_statistics

log = logging.getLogger("mkdocs.plugins.bantin.stats")

PAGE_SRC_URI = urls.source_uri(urls.STATISTICS)
JSON_SRC_URI = f"{urls.STATISTICS}truy-cap.json"
_PAGE_SOURCE = """---
title: Thống kê
template: bantin/statistics.html
hide: [navigation, toc]
---
"""


class StatsConfig(base.Config):
    visitors_file = c.Type(str, default="")
    """The last JSON written by ``bantin stats --out``, relative to mkdocs.yml's folder.
    Empty or missing: the widget says "Chưa có số liệu" instead of inventing zeros."""


class StatsPlugin(BasePlugin[StatsConfig]):
    """Visitor widget data and the generated ``/thong-ke/`` page; nothing more."""

    def __init__(self) -> None:
        self.command = "build"
        self._reset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def _reset(self) -> None:
        self.figures: published.VisitorFigures | None = None
        self.index: NewsIndex | None = None
        self.content: ContentStatistics | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()  # one instance lives across `mkdocs serve` rebuilds
        if self.config.visitors_file:
            path = Path(config.config_file_path).parent / self.config.visitors_file
            self.figures, reason = published.load(path)
            if reason:
                log.info("visitor figures not shown: %s", reason)
        return config

    @event_priority(-10)  # after bantin-news built the index in its own on_files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        news = config.plugins.get("bantin-news")
        self.index = getattr(news, "index", None)
        if self.index is None:
            raise PluginError(
                "bantin-stats needs the bantin-news plugin listed before it in mkdocs.yml"
            )
        for src_uri in (PAGE_SRC_URI, JSON_SRC_URI):
            existing = files.get_file_from_path(src_uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"content/{src_uri}: file: /{src_uri.removesuffix('index.md')} is generated "
                    "by bantin (statistics); move or rename this file"
                )
        files.append(File.generated(config, PAGE_SRC_URI, content=_PAGE_SOURCE))
        if self.figures is not None:
            files.append(
                File.generated(
                    config,
                    JSON_SRC_URI,
                    content=self.figures.to_json(),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
        return files

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.globals["bantin_stats"] = self.figures
        # The widget's live file is served by the portal's web server. The preview has none:
        # without figures it has nothing to ask for (and would log a 404 every minute).
        preview_only = self.command == "serve" and self.figures is None
        env.globals["bantin_stats_file"] = None if preview_only else JSON_SRC_URI
        env.filters.setdefault("vn_number", format_number)
        env.filters.setdefault("vn_datetime", format_datetime)
        return env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if page.file.src_uri == PAGE_SRC_URI and self.index is not None:
            if self.content is None:
                self.content = content_statistics(self.index)
            cast(dict[str, Any], context)["bantin_content_stats"] = self.content
        return context
