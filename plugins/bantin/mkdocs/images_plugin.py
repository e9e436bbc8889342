"""MkDocs adapter for news item images: validate and derive, link, and hide the originals.

Events, in build order:
- ``on_pre_build``: every image of every item to publish is checked and derived (cache,
  process pool) before MkDocs empties ``site_dir``. A bad image publishes nothing: its
  problem stops the build here, or, with bantin-guard, fails it at the end together with
  the pages' own problems;
- ``on_files``: each item's derivatives get their place in the item's URL folder (an
  author's file of the same name gives way);
- ``on_page_content``: body ``<img>`` become ``<figure>``/``<picture>``;
- ``on_env``: originals leave the site (their links were resolved while pages rendered),
  and the templates get ``bantin_image(item, role)`` and ``bantin_og_image(item)``;
- ``on_files`` also starts linking the derivatives from the cache into ``site_dir`` (a
  helper process, see ``linking``); ``on_post_build`` waits for it.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable
from urllib.parse import unquote

import jinja2
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bantin.core.dates import build_now
from bantin.core.index import NewsIndex, selected
from bantin.core.model import NewsItem
from bantin.core.problems import ContentError, Problem
from bantin.guard import outputs
from bantin.images import batch, cache, geometry, markup, rewrite, validate
from bantin.images.derive import card_role
from bantin.images.linking import LinkError, Linking
from bantin.images.params import Limits, Params
from bantin.images.published import PublishedImage, needed, relative_prefix, stems

log = logging.getLogger("mkdocs.plugins.bantin.images")
_PREFIX = "\x00bantin-prefix\x00"

NEWS_FOLDER = "tin-tuc/"
IMAGE_SUFFIXES = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff",
    ".bmp", ".svg",
)  # fmt: skip


class ImagesConfig(base.Config):
    widths = c.ListOfItems(c.Type(int), default=[480, 960, 1440])
    """Widths (pixels) of the published files; never wider than the source."""
    card_widths = c.ListOfItems(c.Type(int), default=[360, 720])
    """Widths of the cropped thumbnails on the home page and in lists."""
    card_ratio = c.Type(str, default="3:2")
    """Shape of every card thumbnail, ``width:height``."""
    webp_quality = c.Type(int, default=80)
    jpeg_quality = c.Type(int, default=82)
    max_megapixels = c.Type(int, default=50)
    """Larger sources are refused before decoding (memory grows with pixels, not bytes)."""
    max_megabytes = c.Type(int, default=50)
    cache_dir = c.Type(str, default=".cache/bantin-images")
    """Derivative cache, relative to mkdocs.yml; safe to delete at any time."""
    publish_originals = c.Type(bool, default=False)
    """Also publish the original files (with their metadata: GPS position, camera serial)."""
    workers = c.Type(int, default=0)
    """Processes that derive images; 0 uses every core."""


@dataclass
class ItemImages:
    """The published images of one item."""

    lead: PublishedImage | None = None
    body: dict[str, PublishedImage] = field(default_factory=dict)
    """Source path inside ``content/`` → published image."""


@runtime_checkable
class CollectsProblems(Protocol):
    """bantin-guard: it takes problems to fail the build with at its end."""

    def add_problems(self, problems: list[Problem]) -> None: ...


class ImagesPlugin(BasePlugin[ImagesConfig]):
    """Checks, derives and links every image of the news items."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.linking = Linking()
        self.params = Params()
        self.cache_root = Path(".cache/bantin-images")
        self.ready: dict[str, cache.Entry] = {}
        """Source path inside ``content/`` → its derivatives in the cache."""
        self.local: dict[str, list[validate.LocalImage]] = {}
        """Item ``src_uri`` → its images that exist (read once, in on_pre_build)."""
        self.items: dict[str, ItemImages] = {}
        """Item ``src_uri`` → its published images."""
        self.counts: dict[str, int] = {}
        self.outputs: dict[str, str] = {}
        """Site path of every derivative → its file in the cache."""
        self.refused: set[str] = set()
        """Source paths of the images that could not be published."""
        self.cards: dict[str, str] = {}
        """Item ``src_uri`` → its card's markup with ``_PREFIX`` where the page's path goes."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so MkDocs keeps this instance across `mkdocs serve` rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()  # the instance lives across `mkdocs serve` rebuilds
        ratio = geometry.parse_ratio(self.config.card_ratio)
        if ratio is None:
            raise PluginError(
                f'bantin-images: card_ratio "{self.config.card_ratio}" is not like 3:2; '
                "write two whole numbers separated by a colon"
            )
        if not self.config.widths or min(self.config.widths + self.config.card_widths) <= 0:
            raise PluginError("bantin-images: widths must be a list of positive numbers")
        self.params = Params(
            widths=tuple(sorted(set(self.config.widths))),
            card_widths=tuple(sorted(set(self.config.card_widths))),
            card_ratio=ratio,
            webp_quality=self.config.webp_quality,
            jpeg_quality=self.config.jpeg_quality,
            limits=Limits(
                max_bytes=self.config.max_megabytes * 1024 * 1024,
                max_pixels=self.config.max_megapixels * 1_000_000,
            ),
        )
        project = Path(config.config_file_path).parent
        self.cache_root = project / self.config.cache_dir
        return config

    @event_priority(-10)  # after bantin-news has read and validated the items
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        news = config.plugins.get("bantin-news")
        if news is None:
            return
        preview = bool(getattr(news, "preview", False))
        # The same selection the news index makes in on_files (drafts only in preview).
        shown_items = selected(getattr(news, "items", []), now=build_now(), preview=preview)
        content_dir = Path(config.docs_dir)
        project = Path(config.config_file_path).parent
        problems: list[Problem] = []
        uses: dict[str, list[tuple[NewsItem, validate.LocalImage]]] = {}
        for item in shown_items:
            images, item_problems = validate.item_images(content_dir, item)
            problems += item_problems
            self.local[item.src_uri] = images
            for image in images:
                uses.setdefault(image.src_uri, []).append((item, image))
        shown = _display(content_dir, project)
        sources = [
            batch.Source(content_dir / src_uri, posixpath.join(shown, src_uri))
            for src_uri in sorted(uses)
        ]
        workers = self.config.workers or batch.default_workers()
        outcomes, manifest = batch.prepare(sources, self.cache_root, self.params, workers)
        for src_uri, outcome in zip(sorted(uses), outcomes, strict=True):
            if outcome.entry is not None:
                self.ready[src_uri] = outcome.entry
                continue
            for item, image in uses[src_uri]:
                problems.append(validate.problem(item, image.ref, outcome.reason))
        self.counts = dict(manifest.last_build)
        log.info(
            "bantin-images: %d images, %d processed, %d from the cache",
            len(sources),
            self.counts.get("processed", 0),
            self.counts.get("reused", 0),
        )
        if not problems:
            return
        self.refused = {src_uri for src_uri in uses if src_uri not in self.ready}
        guard = config.plugins.get("bantin-guard")
        if isinstance(guard, CollectsProblems):
            # The guard reports them at its end with the raw HTML and link problems of the
            # same pages, each once: the author sees every problem in one run (the preview
            # goes on showing the site).
            guard.add_problems(problems)
        elif preview:
            for problem in sorted(problems):
                log.error(problem.format())  # the preview still shows the rest of the site
        else:
            raise PluginError(str(ContentError(problems)))

    @event_priority(-10)  # after bantin-news has built the index and moved the item pages
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        index: NewsIndex | None = getattr(config.plugins.get("bantin-news"), "index", None)
        if index is None:
            return files
        for item in index.items:
            images = self.local.get(item.src_uri, [])
            ready = [image for image in images if image.src_uri in self.ready]
            if not ready:
                continue
            names = stems([image.src_uri for image in ready], item.folder)
            leads = {image.src_uri for image in ready if image.ref.lead}
            published: dict[str, PublishedImage] = {}
            for image in ready:
                if image.src_uri not in published:
                    entry = self.ready[image.src_uri]
                    published[image.src_uri] = PublishedImage(
                        image.src_uri,
                        item.url,
                        names[image.src_uri],
                        entry,
                        needed(entry, lead=image.src_uri in leads),
                    )
                    self._add_files(files, published[image.src_uri])
            lead = next((published[i.src_uri] for i in ready if i.ref.lead), None)
            body = {i.src_uri: published[i.src_uri] for i in ready if not i.ref.lead}
            self.items[item.src_uri] = ItemImages(lead, body)
        # The guard checks the paths of MkDocs' files; derivatives are checked the same way
        # here, before anything is written: one per folder, as their names (an ASCII slug,
        # "@", a fixed suffix) cannot leave it.
        by_folder = {dest.rsplit("/", 1)[0]: dest for dest in self.outputs}
        escaping = outputs.escaping_outputs(
            Path(config.site_dir), ((f"site/{dest}", dest) for dest in by_folder.values())
        )
        if escaping:
            raise PluginError("\n".join(problem.format() for problem in escaping))
        # MkDocs has emptied site_dir: the links are made while the pages render.
        site = str(config.site_dir)
        self.linking.start(
            [(self.outputs[dest], f"{site}/{dest}") for dest in sorted(self.outputs)],
            str(self.cache_root),
        )
        return files

    def _add_files(self, files: Files, image: PublishedImage) -> None:
        # Derivatives are not MkDocs files: thousands of them would be walked by every
        # Files query of every plugin; they are linked in one pass after the pages.
        for variant in image.files:
            dest = image.dest_uri(variant)
            existing = files.src_uris.get(dest)
            if existing is not None:
                files.remove(existing)
            self.outputs[dest] = cache.object_path(self.cache_root, image.entry.key, variant)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        images = self.items.get(page.file.src_uri)
        if images is None or not images.body:
            return html
        # A src is resolved, not spelled out per image: MkDocs rewrote Markdown image links
        # to the original's URL relative to the page; raw HTML kept the path relative to the
        # Markdown file.
        source_dir = posixpath.dirname(page.file.src_uri)
        url_dir = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
        by_url: dict[str, PublishedImage] = {}
        for src_uri, image in images.body.items():
            original = files.src_uris.get(src_uri)
            if original is not None:
                by_url[unquote(original.url)] = image

        def lookup(src: str) -> tuple[PublishedImage, str] | None:
            path = unquote(src.split("#", 1)[0].split("?", 1)[0])
            if not path or path.startswith("/"):
                return None
            image = images.body.get(posixpath.normpath(posixpath.join(source_dir, path)))
            if image is None:
                image = by_url.get(posixpath.normpath(posixpath.join(url_dir, path)))
            return None if image is None else (image, relative_prefix(page.url, image.folder))

        return rewrite.rewrite(html, lookup)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        news_built = getattr(config.plugins.get("bantin-news"), "index", None) is not None
        if news_built and not self.config.publish_originals:
            for file in list(files):
                # A refused photo stays, so its links are not reported again: the build
                # fails on it anyway.
                if _is_original(file) and file.src_uri not in self.refused:
                    files.remove(file)
        env.globals["bantin_image"] = self._template_image
        env.globals["bantin_og_image"] = lambda item: self._og_image(item, config.site_url)
        return env

    @event_priority(50)  # before the feeds read the derivatives' sizes and the guard checks links
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self.linking.finish()
        except LinkError as error:
            raise PluginError(f"bantin-images: {error}") from None

    def on_build_error(self, *, error: Exception) -> None:
        self.linking.stop()

    def on_shutdown(self) -> None:
        self.linking.stop()

    @jinja2.pass_context
    def _template_image(self, context: jinja2.runtime.Context, item: Any, role: str) -> Markup:
        """``{{ bantin_image(item, "lead" | "card") }}``: escaped HTML, or "" without image."""
        images = self.items.get(getattr(item, "src_uri", ""))
        if images is None or images.lead is None:
            return Markup("")
        image = images.lead
        page = context.get("page")
        if page is not None and getattr(page, "url", None) == image.folder:
            prefix = ""  # the item's own page: derivatives sit next to it
        else:
            prefix = f"{context.get('base_url', '.')}/{image.folder}"
        if role == "card":
            # A card appears on several list pages at different depths: its markup is made
            # once and only the path from the page to the image changes.
            card = self.cards.get(item.src_uri)
            if card is None:
                look = markup.card_look(card_role(self.params))
                card = str(markup.picture(image, look, _PREFIX, item.image_caption or ""))
                self.cards[item.src_uri] = card
            return Markup(card.replace(_PREFIX, str(escape(prefix))))  # noqa: S704 - escaped
        caption = item.image_caption or ""
        content = markup.picture(image, markup.LEAD, prefix, caption or item.title)
        return markup.figure(content, caption, "bantin-figure bantin-lead")

    def _og_image(self, item: Any, site_url: str | None) -> dict[str, Any] | None:
        images = self.items.get(getattr(item, "src_uri", ""))
        if not site_url or images is None or images.lead is None:
            return None
        image = images.lead
        variant = image.variants("full", "jpg")[-1]  # the widest: sharing sites want 1200 px
        return {
            "url": site_url.rstrip("/") + "/" + image.dest_uri(variant),
            "width": variant.width,
            "height": variant.height,
            "alt": item.image_caption or item.title,
        }


def _is_original(file: File) -> bool:
    """An author's image file in the news folder: published only as derivatives."""
    return (
        file.generated_by is None
        and file.src_uri.startswith(NEWS_FOLDER)
        and file.src_uri.lower().endswith(IMAGE_SUFFIXES)
    )


def _display(path: Path, project: Path) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
