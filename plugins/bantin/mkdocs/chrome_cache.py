"""Material's menus and page configuration rendered once per shape of page, then reused.

Every page draws the tabs, the navigation drawer and a JSON configuration block; at 10,000
items that is about a tenth of the build. For a page outside the navigation (items,
archives, topic pages: none is a menu entry, so no entry is marked active) the menus depend
only on the addresses of the menu's targets as seen from the page, and the configuration
block only on the page's way back to the site root. Pages that agree on these get the same
HTML, so it is rendered for the first and reused; pages in the navigation are rendered as
Material does.

Three places use it: the ``tabs`` and ``config`` blocks of theme/main.html (through
``super``) and theme/partials/nav.html, which wraps Material's own drawer, reachable as
``material/partials/nav.html`` (see ``material_loader``). The drawer is cached rather than
the whole ``site_nav`` block because that block also holds the page's table of contents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

MATERIAL_PREFIX = "material"


class ChromeCache:
    """``bantin_chrome``: ``{{ bantin_chrome("tabs", super) }}`` in a block, or
    ``lookup`` / ``store`` around an include."""

    def __init__(self, logo: str | None = None) -> None:
        self.logo = logo
        self.nav: Navigation | None = None
        self.nav_sources: frozenset[str] = frozenset()
        self.targets: tuple[str, ...] = ()
        self.rendered: dict[tuple[object, ...], str] = {}

    @jinja2.pass_context
    def __call__(
        self, context: jinja2.runtime.Context, name: str, render: Callable[[], str]
    ) -> str:
        key = self._key(context, name)
        if key is None:
            return str(render())
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = str(render())
        return found

    @jinja2.pass_context
    def lookup(self, context: jinja2.runtime.Context, name: str) -> str | None:
        key = self._key(context, name)
        return None if key is None else self.rendered.get(key)

    @jinja2.pass_context
    def store(self, context: jinja2.runtime.Context, name: str, html: str) -> str:
        key = self._key(context, name)
        if key is not None:
            self.rendered[key] = str(html)
        return html

    def _key(self, context: jinja2.runtime.Context, name: str) -> tuple[object, ...] | None:
        page = context.get("page")
        nav = context.get("nav")
        if not isinstance(page, Page) or not isinstance(nav, Navigation):
            return None
        if nav is not self.nav:
            self._learn(nav)
        if page.file.src_uri in self.nav_sources:
            return None
        if name == "config":
            # The block prints the way to the root and the addresses of Material's assets.
            return (name, context.get("base_url"), get_relative_url("assets/", page.url))
        return (name, *(get_relative_url(target, page.url) for target in self.targets))

    def _learn(self, nav: Navigation) -> None:
        self.nav = nav
        self.nav_sources = frozenset(page.file.src_uri for page in nav.pages)
        self.rendered = {}
        # Every address the menus print through the `url` filter: pages, links, the logo.
        links = [item.url for item in _walk(nav.items) if isinstance(item, Link)]
        self.targets = (
            ".",
            *(page.url for page in nav.pages),
            *links,
            *([self.logo] if self.logo else []),
        )


def material_loader(env: jinja2.Environment, theme_dirs: list[str]) -> None:
    """Make Material's own templates reachable as ``material/…`` beside the overrides."""
    material = next(
        (d for d in theme_dirs[1:] if (Path(d) / "partials" / "nav.html").is_file()), None
    )
    if material is None or env.loader is None:
        return
    prefixed = jinja2.PrefixLoader({MATERIAL_PREFIX: jinja2.FileSystemLoader(material)})
    env.loader = jinja2.ChoiceLoader([env.loader, prefixed])


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
