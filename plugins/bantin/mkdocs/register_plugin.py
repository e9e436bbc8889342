"""MkDocs adapter of the document register "Văn bản" (logic lives in ``bantin.register``).

Also marks the content of pages written in another language (``lang: en`` in their front
matter) so screen readers switch voice, as WCAG 3.1.2 asks for the English office page.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Literal, cast

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from bantin.core import index as news_index
from bantin.core.problems import ContentError, Problem
from bantin.core.vntext import format_date, format_number
from bantin.register import catalog, display, urls
from bantin.register.catalog import Register
from bantin.register.model import Document

log = logging.getLogger("mkdocs.plugins.bantin.register")

LIST_TEMPLATE = "bantin/register-list.html"
DOCUMENT_TEMPLATE = "bantin/register-document.html"
_LIST_PAGE = f"---\ntitle: Văn bản\ntemplate: {LIST_TEMPLATE}\nhide: [navigation, toc]\n---\n"
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class RegisterConfig(base.Config):
    """The register has no options: its folder and URLs are fixed by DESIGN.md."""


class RegisterPlugin(BasePlugin[RegisterConfig]):
    """Reads the register once per build, generates its pages and places attached files."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preview = False
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self.register: Register | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # In the local preview a broken document is reported and left out; the build stops.
        self.preview = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # `mkdocs serve` reuses the plugin: every build starts clean.
        self.documents = []
        self.problems = []
        self.register = None
        return config

    # Before bantin-news (priority 0): when the register has problems, one report lists them
    # together with the news items' problems. Before MkDocs empties site_dir, like the news
    # index, so a failed build leaves the previous output intact.
    @event_priority(50)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        content_dir = Path(config.docs_dir)
        display_root = _display_root(config)
        documents, problems = catalog.load(content_dir, catalog.discover(content_dir), display_root)
        _, build_problems = Register.build(documents)
        problems += build_problems
        if problems and not self.preview:
            problems += _news_problems(config, content_dir, display_root)
            raise PluginError(str(ContentError(problems)))
        for problem in sorted(problems):
            log.error(problem.format())
        self.problems = problems
        self.documents = documents

    # After the news index (priority 100), once MkDocs has its final file list.
    @event_priority(-10)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        present = {f.src_uri for f in files}  # honours MkDocs' exclude_docs
        register, _ = Register.build([d for d in self.documents if d.src_uri in present])
        for file in [f for f in files if catalog.is_document_source(f.src_uri)]:
            if file.src_uri not in register.by_src_uri:
                # Broken (only reachable in preview): never let MkDocs publish its header as text.
                files.remove(file)
        for document in register.documents:
            _place_document(files, document, config.use_directory_urls)
        files.append(File.generated(config, urls.LIST_SOURCE, content=_LIST_PAGE))
        self.register = register
        return files

    @event_priority(-10)  # after bantin-news, which sets the preview's problem list
    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        if self.problems:
            shown = cast(list[str], env.globals.get("bantin_problems") or [])
            env.globals["bantin_problems"] = sorted([*shown, *(p.format() for p in self.problems)])
        env.filters["register_date"] = format_date
        env.filters["register_number"] = format_number
        env.filters["register_size"] = display.format_size
        env.filters["register_kind"] = display.kind_name
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        document = self._document(page)
        if document is not None:
            # Escaped here: Material prints the meta title without escaping.
            page.meta.update(
                title=escape(document.title),
                description=escape(document.trich_yeu),
                template=DOCUMENT_TEMPLATE,
                hide=["navigation", "toc"],
            )
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        language = page.meta.get("lang")
        if language is None:
            return html
        if not isinstance(language, str) or not _LANGUAGE_TAG.match(language):
            problem = Problem(
                f"{_display_root(config)}/{page.file.src_uri}",
                _line_of(page.file.content_string, "lang"),
                "lang",
                f'"{language}" is not a language code; write lang: en (or another two-letter code)',
            )
            raise PluginError(str(ContentError([problem])))
        # The page's <html lang="vi"> stays; only this page's own text changes language.
        return f'<div lang="{language}">\n{html}\n</div>'

    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        if self.register is not None:
            context["bantin_register"] = self.register
            document = self._document(page)
            if document is not None:
                context["bantin_document"] = document
        return context

    def _document(self, page: Page) -> Document | None:
        if self.register is None:
            return None
        return self.register.by_src_uri.get(page.file.src_uri)


def _news_problems(config: MkDocsConfig, content_dir: Path, display_root: str) -> list[Problem]:
    """The news items' problems, so a failing build reports every problem of every file.

    Only read when the register already failed, and not in preview, where bantin-news shows
    its problems on the pages instead of stopping.
    """
    news = config.plugins.get("bantin-news")
    if news is None or getattr(news, "preview", False):
        return []
    _, problems = news_index.load(content_dir, news_index.discover(content_dir), display_root)
    return problems


def _place_document(files: Files, document: Document, directory_urls: bool) -> None:
    """Publish the document at ``van-ban/<slug>/`` and its file beside it."""
    page_file = files.get_file_from_path(document.src_uri)
    if page_file is not None:
        _move(page_file, urls.document_dest(document.slug), directory_urls)
        page_file.inclusion = InclusionLevel.NOT_IN_NAV  # thousands of documents: never in nav
    attachment = document.attachment
    if attachment is not None:
        file = files.get_file_from_path(attachment.src_uri)
        if file is not None:
            _move(file, attachment.url, directory_urls)


def _move(file: File, dest_uri: str, directory_urls: bool) -> None:
    for cached in ("dest_uri", "url", "abs_dest_path"):
        file.__dict__.pop(cached, None)  # cached properties: drop stale values first
    file.dest_uri = dest_uri
    if directory_urls and dest_uri.endswith("/index.html"):
        file.url = dest_uri[: -len("index.html")]
    else:
        file.url = dest_uri


def _display_root(config: MkDocsConfig) -> str:
    """``content``: the docs folder as the author sees it from the project's root."""
    project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    docs = Path(config.docs_dir)
    try:
        return docs.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:  # docs outside the project: show the full path
        return docs.as_posix()


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return 0
