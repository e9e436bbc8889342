"""MkDocs adapter for the news index and the generated portal pages.

Thin by design: reading, validating, grouping and planning live in ``bantin.core``. This
module only moves data between MkDocs events and the core, and keeps it in side maps
keyed by ``src_uri`` rather than on MkDocs objects.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, cast

import jinja2
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from bantin.core import frontmatter, incremental, pages, urls
from bantin.core.dates import build_now
from bantin.core.index import NewsIndex, discover, is_news_source, load
from bantin.core.model import NewsItem
from bantin.core.problems import ContentError, Problem
from bantin.core.vntext import format_date, format_datetime, format_number, format_weekday_date
from bantin.mkdocs.chrome_cache import ChromeCache, material_loader
from bantin.mkdocs.generated_page import GeneratedPage

PACK_FROM = 1024
"""Characters of HTML from which a page's content is held compressed between hooks."""

log = logging.getLogger("mkdocs.plugins.bantin.news")


class NewsConfig(base.Config):
    office_name = c.Type(str, default="Văn phòng Ủy ban nhân dân tỉnh")
    """Shown in the banner, the footer and the page titles."""
    slogan = c.Type(str, default="")
    """The banner's slogan line, as legacy portals show it."""
    address = c.Type(str, default="")
    hotline = c.Type(str, default="")
    email = c.Type(str, default="")
    editor = c.Type(str, default="")
    """Person responsible for the content (the law asks a state portal to name them)."""
    licence = c.Type(str, default="")
    """Licence line of the electronic information page, if the office has one."""
    page_size = c.Type(int, default=20)
    """Items per page in every paginated list."""
    home_count = c.Type(int, default=9)
    """Items on the home page: one lead story and the cards after it."""
    related_count = c.Type(int, default=5)
    """Items in "Các tin khác" under each item."""


class NewsPlugin(BasePlugin[NewsConfig]):
    """Builds the frozen news index once per build and serves it to the other plugins."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preview = False
        self.dirty = False
        # Kept across `mkdocs serve` rebuilds (the instance lives as long as the server).
        self.cache = incremental.ItemCache()
        self.fingerprints: dict[str, str] = {}
        self.related: tuple[int, NewsIndex, incremental.RelatedLists] | None = None
        """The last rebuild's count, index and every "Các tin khác" (``--dirty`` only)."""
        self._reset()

    def _reset(self) -> None:
        self.display_root = "content"
        self.items: list[NewsItem] = []
        self.index: NewsIndex | None = None
        self.problems: list[Problem] = []
        self.specs: dict[str, pages.PageSpec] = {}
        self.packed: dict[str, bytes] = {}
        """Rendered page HTML held compressed from ``on_page_content`` to ``on_page_context``."""

    # -- lifecycle ----------------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Drafts and scheduled items are shown, marked, only in the local preview.
        self.preview = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()  # the instance lives across `mkdocs serve` rebuilds
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Read and validate every item before MkDocs empties ``site_dir``.

        A build with bad content then stops while the previous output is still intact.
        """
        docs_dir = Path(config.docs_dir)
        self.display_root = _relative(docs_dir, Path(config.config_file_path).parent)
        if self.preview:
            self.items, self.problems = self.cache.load(
                docs_dir, discover(docs_dir), self.display_root
            )
        else:
            self.items, self.problems = load(docs_dir, discover(docs_dir), self.display_root)
        if self.problems and not self.preview:
            raise PluginError(str(ContentError(self.problems)))

    @event_priority(100)  # first: every other bantin plugin reads the index in its on_files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        news_files = [f for f in files if is_news_source(f.src_uri) and f.src_dir]
        present = {f.src_uri for f in news_files}  # honours MkDocs' exclude_docs
        items = [item for item in self.items if item.src_uri in present]
        index, problems = NewsIndex.build(items, now=build_now(), preview=self.preview)
        # From here on the index is the one list of items (it holds copies with URLs).
        self.items = []
        specs = pages.plan(index, self.config.page_size, self.config.home_count)
        problems += _reserved_path_problems(files, specs, self.display_root)
        self.problems += problems
        if problems and not self.preview:
            raise PluginError(str(ContentError(problems)))
        for problem in self.problems:
            log.error(problem.format())

        for file in news_files:
            item = index.by_src_uri.get(file.src_uri)
            if item is None:
                # Unpublished (draft, scheduled) or broken: not built at all, so MkDocs never
                # reads a broken header itself and publishes it as body text.
                files.remove(file)
                continue
            file.dest_uri = urls.dest_uri(item.url)
            file.url = item.url
            file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)
            file.inclusion = (
                InclusionLevel.NOT_IN_NAV if item.status == "published" else InclusionLevel.DRAFT
            )
        for spec in specs:
            if files.get_file_from_path(spec.src_uri) is not None:
                continue  # reported above as a reserved path; only reachable in preview
            generated = File.generated(
                config,
                spec.src_uri,
                content="",
                inclusion=InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV,
            )
            files.append(generated)
            if not spec.in_nav:  # pages in the nav get theirs from MkDocs' navigation
                GeneratedPage(None, generated, config)
        self.index = index
        self.specs = {spec.src_uri: spec for spec in specs}
        if self.preview and self.dirty:
            self._mark_changed_pages(files)
        return files

    def _mark_changed_pages(self, files: Files) -> None:
        """Under ``mkdocs serve --dirty``, rebuild only pages whose content changed.

        MkDocs' own test (source newer than output) misses lists and related items that show
        an edited item, and is always true for generated pages; fingerprints of what each
        page shows decide instead.
        """
        assert self.index is not None
        index = self.index
        cards = incremental.CardTexts()
        fingerprints = {
            "": incremental.site_fingerprint(index.year_counts, self.problems),
            **{uri: incremental.page_fingerprint(spec, cards) for uri, spec in self.specs.items()},
        }
        count = self.config.related_count
        previous = self.related[1:] if self.related and self.related[0] == count else None
        related_of = incremental.related_lists(index, count, previous)
        self.related = (count, index, related_of)
        for item in index.items:
            related = [index.by_src_uri[uri] for uri in related_of[item.src_uri]]
            terms = [index.official_for(o.name).url for o in item.officials]
            terms += [index.topic_for(tag).url for tag in item.tags]
            signature = self.cache.signature(item.src_uri)
            fingerprints[item.src_uri] = incremental.item_fingerprint(
                item, signature, related, terms, cards
            )
        everything = fingerprints[""] != self.fingerprints.get("")
        for file in files.documentation_pages():
            fingerprint = fingerprints.get(file.src_uri)
            if fingerprint is None:
                continue
            changed = everything or self.fingerprints.get(file.src_uri) != fingerprint
            # An instance attribute shadows File.is_modified for this build only.
            file.is_modified = _constant(changed)  # type: ignore[method-assign]
        self.fingerprints = fingerprints

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the body only: the header was read and validated in on_files."""
        item = self.index.by_src_uri.get(page.file.src_uri) if self.index else None
        if item is None or page.file.abs_src_path is None:
            return None
        raw = Path(page.file.abs_src_path).read_bytes()
        text, _ = frontmatter.decode(item.path, raw)
        source, _ = frontmatter.split(item.path, text or "")
        return source.body if source else None

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        item = self.index.by_src_uri.get(page.file.src_uri) if self.index else None
        spec = self.specs.get(page.file.src_uri)
        if item is not None:
            # Escaped once here: Material prints meta title and description without escaping.
            page.meta.update(
                title=escape(item.title),
                description=escape(item.summary),
                template="bantin/item.html",
                hide=["toc"],
            )
        elif spec is not None:
            page.meta.update(
                title=escape(spec.title),
                description=escape(spec.description),
                template=spec.template,
                hide=["toc"],
            )
        return markdown

    @event_priority(-100)  # last: every plugin has read the Markdown and changed the HTML
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # MkDocs keeps every page's Markdown until the build ends, though nothing reads it
        # once converted: at 10,000 items that is about 70 MB of the build's peak memory.
        page.markdown = None
        # And it renders every page's Markdown before the first template, so all the HTML
        # is held at once: about 9 KB a page as text (UCS-2 for Vietnamese), 3 KB packed.
        # Nothing reads it until the page's template (restored in on_page_context).
        if len(html) >= PACK_FROM:
            self.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
            return ""
        return html

    @event_priority(-100)  # last: nothing after this reads the page's HTML
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # The page is rendered into ``output``; its content would be kept to the end too.
        page.content = None
        return output

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.filters.update(
            vn_date=format_date,
            vn_datetime=format_datetime,
            vn_weekday=format_weekday_date,
            vn_number=format_number,
        )
        material_loader(env, list(config.theme.dirs))
        env.globals.update(
            bantin_chrome=ChromeCache(config.theme.get("logo")),
            bantin_hooks=hook_templates(env),
            bantin_index=self.index,
            bantin_site=self.config,
            bantin_problems=[p.format() for p in sorted(self.problems)],
        )
        return env

    @event_priority(100)  # first: the page's HTML is back before anyone reads it
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        src_uri = page.file.src_uri
        packed = self.packed.pop(src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        # TemplateContext is a closed TypedDict; bantin's keys are added through a plain view.
        extra = cast(dict[str, Any], context)
        if self.index is not None and src_uri in self.index.by_src_uri:
            item = self.index.by_src_uri[src_uri]
            extra["bantin_item"] = item
            extra["bantin_related"] = self.index.related(item, self.config.related_count)
            extra["bantin_officials"] = [
                (official, self.index.official_for(official.name)) for official in item.officials
            ]
            extra["bantin_topics"] = [self.index.topic_for(tag) for tag in item.tags]
        spec = self.specs.get(src_uri)
        if spec is not None:
            extra["bantin_page"] = spec
        extra["bantin_title"] = escape(page.meta.get("title") or page.title or "")
        return context


HOOK_SLOTS = ("head", "header", "sidebar", "footer", "item-end")
HOOK_OWNERS = ("stats", "images", "discovery", "register", "guard")


def hook_templates(env: jinja2.Environment) -> dict[str, list[str]]:
    """Hook partials that exist, per slot, found once per build.

    ``{% include … ignore missing %}`` would search the theme folders for every absent hook
    on every page: Jinja caches the templates it finds, not the ones it does not.
    """
    present = set(env.list_templates(filter_func=lambda name: name.startswith("bantin/hooks/")))
    return {
        slot: [
            name
            for owner in HOOK_OWNERS
            if (name := f"bantin/hooks/{owner}-{slot}.html") in present
        ]
        for slot in HOOK_SLOTS
    }


def _constant(value: bool) -> Callable[[], bool]:
    def is_modified() -> bool:
        return value

    return is_modified


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _reserved_path_problems(
    files: Files, specs: list[pages.PageSpec], display_root: str
) -> list[Problem]:
    """Author files where bantin generates a page would silently replace it."""
    problems = []
    for spec in specs:
        existing = files.get_file_from_path(spec.src_uri)
        if existing is not None and existing.generated_by is None:
            problems.append(
                Problem(
                    f"{display_root}/{spec.src_uri}",
                    0,
                    "file",
                    f"/{spec.url} is generated by bantin ({spec.kind} page); "
                    "move or rename this file",
                )
            )
    return problems
