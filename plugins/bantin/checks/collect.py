"""Every problem of a content folder: the build's own, then the reviewer's checks."""

from __future__ import annotations

from pathlib import Path

from bantin.checks import html, references
from bantin.checks.sources import ItemSources
from bantin.checks.spelling import spelling, titles_in_month
from bantin.core import index
from bantin.core.dates import build_now
from bantin.core.problems import Problem
from bantin.guard.content_files import scan_content
from bantin.register import catalog as register


def display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def collect(content: Path, root: Path) -> list[Problem]:
    """Every problem in the content folder, the build's and the reviewer's, sorted."""
    display_root = display(content, root)
    src_uris = index.discover(content)
    items, problems = index.load(content, src_uris, display_root=display_root)
    news_index, build_problems = index.NewsIndex.build(items, now=build_now(), preview=True)
    problems += build_problems
    problems += spelling(news_index, content)
    problems += titles_in_month(news_index, content)
    sources = ItemSources(content)
    problems += references.links(news_index, sources)
    problems += references.markers(news_index, sources)
    problems += references.images(news_index.items, sources)
    problems += register.check(content, display_root)[1]  # the document register, same voice
    # What the build's guard refuses: files that cannot be published, unsafe HTML.
    problems += scan_content(content, display_root)
    texts = {item.src_uri: sources.get(item)[0] for item in news_index.items}  # read already
    problems += html.problems(content, display_root, root / "mkdocs.yml", texts)
    unique = {(p.path, p.line, p.field, p.message): p for p in problems}
    return sorted(unique.values())
