"""Internal links and anchors, resolved once every page of the site has been written."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bantin.core.problems import Problem
from bantin.guard.page_checks import LinkResolver, PageFacts, links_of, read_page

# Served by the web server from outside the release folders (see scripts/nginx/bantin.conf),
# so a build never contains it and links to it are fine.
SERVED_OUTSIDE_BUILD = frozenset({"thong-ke/truy-cap.json"})


@dataclass(frozen=True, slots=True)
class PageRecord:
    shown: str
    """Path used in messages: the author's file for authored pages, else the built file."""
    facts: PageFacts | None = None
    """Kept only where a later rebuild reuses them (``mkdocs serve --dirty``)."""
    source: str | None = None
    """The author's file, to find the line of an address in it; None for generated pages."""


def locator(source: str) -> Callable[[str], int]:
    """Finds the first line of the author's file that holds a snippet (0: not found).

    The file is read on the first call only: most pages never need a line number.
    """
    lines: list[str] = []

    def locate(snippet: str) -> int:
        if not lines:
            text = Path(source).read_text(encoding="utf-8-sig", errors="replace")
            lines.extend(text.split("\n"))
        for number, line in enumerate(lines, 1):
            if snippet in line:
                return number
        return 0

    return locate


@dataclass(frozen=True)
class SiteFiles:
    """Every file and folder of a written site, as site paths."""

    files: frozenset[str]
    folders: frozenset[str]

    @classmethod
    def scan(cls, site_dir: Path) -> SiteFiles:
        # One walk instead of a stat() per link target.
        files: list[str] = []
        folders: list[str] = []
        root = str(site_dir)
        for folder, subfolders, names in os.walk(site_dir):
            relative = folder[len(root) + 1 :].replace(os.sep, "/")
            prefix = relative + "/" if relative else ""
            folders += [prefix + name for name in subfolders]
            files += [prefix + name for name in names]
        return cls(frozenset(files), frozenset(folders))


class _Site:
    """What exists in the written site: files, folders and the ids of pages."""

    def __init__(self, site_dir: Path, pages: Mapping[str, PageRecord], found: SiteFiles) -> None:
        self.site_dir = site_dir
        self.pages = pages
        self.files = found.files
        self.folders = found.folders
        self._ids: dict[str, PageFacts | None] = {}

    def named(self, target: str) -> str:
        """The file a link target names: a folder means its index.html."""
        return f"{target}/index.html" if target in self.folders else target

    def file_for(self, target: str) -> str | None:
        """The file a link target names, None if the build has no such file."""
        named = self.named(target)
        return named if named in self.files else None

    def facts_of(self, target: str) -> PageFacts | None:
        record = self.pages.get(target)
        if record is not None and record.facts is not None:
            return record.facts
        if target not in self._ids:
            # Read again from disk: facts are not kept for every page (memory).
            try:
                html = (self.site_dir / target).read_text(encoding="utf-8", errors="replace")
            except OSError:
                self._ids[target] = None
            else:
                self._ids[target] = read_page(html, target, target, LinkResolver())
        return self._ids[target]


def _broken(site: _Site, target: str, fragment: str) -> str | None:
    """Why a link is broken ("file" or "anchor"), None when it is fine."""
    if target in SERVED_OUTSIDE_BUILD:
        return None
    found = site.file_for(target)
    if found is None:
        return "file"
    if not fragment or not found.endswith(".html"):
        return None
    facts = site.facts_of(found)
    if facts is not None and not facts.has_id(fragment):
        return "anchor"
    return None


@dataclass(frozen=True)
class WorkerShare:
    """What a bantin-parallel helper's guard learnt from the pages it wrote."""

    problems: list[Problem]
    warnings: list[tuple[str, str]]
    pages: dict[str, PageRecord]
    sources: dict[str, str]
    pending: dict[tuple[str, str], list[str]]
    suspects: set[str]


class LinkLedger:
    """Every page's links, settled as the pages are written; the rest checked at the end.

    A link to a file the build is known to write (a page or a copied file) needs no more
    work, and a link to an anchor of the same page is checked at once, so nothing is kept
    per page. What remains (links to files written later by plugins, anchors on other
    pages) is checked once per distinct target after the build. Pages with a broken link
    are read again from disk to report each link with its line.
    """

    def __init__(self, written: set[str]) -> None:
        self.written = written
        self.pending: dict[tuple[str, str], list[str]] = {}
        """(target, fragment) → the pages that link there."""
        self.suspects: set[str] = set()
        """Pages with at least one broken link."""

    def note(self, dest_path: str, facts: PageFacts) -> None:
        for key in facts.targets:
            target, _, fragment = key.partition("#")
            if not target:
                if fragment and not facts.has_id(fragment):
                    self.suspects.add(dest_path)
                continue
            if not fragment and (target in self.written or f"{target}/index.html" in self.written):
                continue
            self.pending.setdefault((target, fragment), []).append(dest_path)

    def merge(self, pending: Mapping[tuple[str, str], list[str]], suspects: set[str]) -> None:
        """Take in the ledger of another process that wrote other pages of the same site."""
        for key, referrers in pending.items():
            self.pending.setdefault(key, []).extend(referrers)
        self.suspects |= suspects

    def problems(
        self, site_dir: Path, pages: Mapping[str, PageRecord], found: SiteFiles | None = None
    ) -> list[Problem]:
        """A problem for every internal link to a missing file and every missing anchor."""
        site = _Site(site_dir, pages, found or SiteFiles.scan(site_dir))
        for (target, fragment), referrers in self.pending.items():
            if _broken(site, target, fragment) is not None:
                self.suspects.update(referrers)
        problems: set[Problem] = set()
        resolver = LinkResolver()
        for dest_path in sorted(self.suspects):
            problems.update(_page_problems(site, dest_path, pages[dest_path], resolver))
        return sorted(problems)


def _page_problems(
    site: _Site, dest_path: str, record: PageRecord, resolver: LinkResolver
) -> list[Problem]:
    """The broken links of one page, with the address as written and its line."""
    html = (site.site_dir / dest_path).read_text(encoding="utf-8", errors="replace")
    locate = locator(record.source) if record.source else None
    problems = []
    for link in links_of(html, dest_path, resolver):
        target = link.target or dest_path
        verdict = _broken(site, target, link.fragment)
        if verdict is None:
            continue
        line = locate(link.written) if locate else link.line
        found = site.named(target)
        if verdict == "file":
            message = (
                f'"{link.written}" leads to {found}, which the build does not produce; '
                "fix the address or remove the link"
            )
        else:
            message = (
                f'"{link.written}": {found} has no element with id "{link.fragment}"; '
                "use an existing heading id"
            )
        problems.append(
            Problem(record.shown, line, "link" if verdict == "file" else "anchor", message)
        )
    return problems
