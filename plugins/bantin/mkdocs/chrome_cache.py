"""Material's menus rendered once per shape of page instead of once per page.

Every page draws the tabs and the navigation drawer; at 10,000 items that is about a tenth
of the build. For a page outside the navigation (items, archives, topic pages: none of
them is a menu entry, so no entry is marked active) those blocks depend only on the
addresses of the menu's targets as seen from the page, the page's ``hide`` setting and, for
the drawer, the page's own table of contents. Pages that agree on all of these get the
same HTML, so it is rendered for the first and reused. Pages in the navigation, and pages
with a table of contents (unique, so never reused), are rendered as Material does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


class ChromeCache:
    """``{{ bantin_chrome("tabs", super) }}`` inside a block of theme/main.html."""

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
        page = context.get("page")
        nav = context.get("nav")
        if not isinstance(page, Page) or not isinstance(nav, Navigation):
            return render()
        if nav is not self.nav:
            self._learn(nav)
        if page.file.src_uri in self.nav_sources or (name == "site_nav" and page.toc.items):
            return render()
        hide = tuple(page.meta.get("hide") or ()) if page.meta else ()
        key = (name, hide, *(get_relative_url(target, page.url) for target in self.targets))
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = str(render())
        return found

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


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
