"""Internal links and anchors, resolved once every page of the site has been written."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]

from bantin.core.problems import Problem
from bantin.guard.page_checks import PageFacts

# Served by the web server from outside the release folders (see scripts/nginx/bantin.conf),
# so a build never contains it and links to it are fine.
SERVED_OUTSIDE_BUILD = frozenset({"thong-ke/truy-cap.json"})


@dataclass(frozen=True)
class PageRecord:
    shown: str
    """Path used in messages: the author's file for authored pages, else the built file."""
    facts: PageFacts
    locate: Callable[[str], int] | None = None
    """Finds the line of an address in the author's file; None for generated pages."""


def check_links(site_dir: Path, pages: Mapping[str, PageRecord]) -> list[Problem]:
    """A problem for every internal link to a missing file and every missing anchor."""
    id_cache: dict[str, frozenset[str] | None] = {}

    def ids_of(target: str) -> frozenset[str] | None:
        if target in pages:
            return pages[target].facts.ids
        if target not in id_cache:
            id_cache[target] = _ids_on_disk(site_dir / target)
        return id_cache[target]

    problems: set[Problem] = set()
    for dest_path in sorted(pages):
        record = pages[dest_path]
        for link in record.facts.links:
            target = link.target or dest_path
            if target in SERVED_OUTSIDE_BUILD:
                continue
            line = record.locate(link.written) if record.locate else link.line
            path = site_dir / target
            if path.is_dir():
                target = f"{target}/index.html"
                path = site_dir / target
            if not path.is_file():
                problems.add(
                    Problem(
                        record.shown,
                        line,
                        "link",
                        f'"{link.written}" leads to {target}, which the build does not '
                        "produce; fix the address or remove the link",
                    )
                )
                continue
            if not link.fragment or not target.endswith(".html"):
                continue
            ids = ids_of(target)
            if ids is not None and link.fragment not in ids:
                problems.add(
                    Problem(
                        record.shown,
                        line,
                        "anchor",
                        f'"{link.written}": {target} has no element with id '
                        f'"{link.fragment}"; use an existing heading id',
                    )
                )
    return sorted(problems)


def _ids_on_disk(path: Path) -> frozenset[str] | None:
    try:
        document = lxml.html.document_fromstring(path.read_bytes())
    except (OSError, ValueError):
        return None
    return frozenset(str(element.get("id")) for element in document.iter() if element.get("id"))
