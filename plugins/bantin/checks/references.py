"""References inside items: links to other items, images and import markers left unfinished."""

from __future__ import annotations

import html
import importlib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from bantin.checks.sources import ItemSources
from bantin.core import index, urls
from bantin.core.model import NewsItem
from bantin.core.problems import Problem
from bantin.importer.render import MARKER as _MARKER  # the comment bantin import leaves

_WARNING = "warning"
_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")


_HREF = re.compile(r"<a\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")


def _body_lines(item: NewsItem, sources: ItemSources) -> list[tuple[int, str]]:
    """The item's body lines with their file line numbers, code blocks left out."""
    _, body, first = sources.get(item)
    result: list[tuple[int, str]] = []
    fenced = False
    for number, line in enumerate(body.split("\n"), first):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and not line.startswith(("    ", "\t")):
            result.append((number, re.sub(r"`[^`]*`", "", line) if "`" in line else line))
    return result


def _site_pages(news: index.NewsIndex) -> dict[str, NewsItem | None]:
    """Every site path under /tin-tuc/, /chu-de/, /lanh-dao/ a link may point at."""
    pages: dict[str, NewsItem | None] = {"/" + urls.NEWS: None}
    for item in news.items:
        pages["/" + item.url] = item
        for alias in item.aliases:
            pages[alias] = item
        pages["/" + urls.year(item.date.year)] = None
        pages["/" + urls.month(item.date.year, item.date.month)] = None
    pages["/" + urls.TOPICS] = None
    pages["/" + urls.OFFICIALS] = None
    for term in (*news.topics, *news.officials):
        pages["/" + term.url] = None
    return pages


def _target_problem(
    item: NewsItem,
    target: str,
    content: Path,
    pages: dict[str, NewsItem | None],
) -> str:
    """Why ``target`` (as written in ``item``) goes nowhere; empty when it is fine."""
    if _SCHEME.match(html.unescape(target)) or target.startswith(("#", "?")):
        return ""  # another site, or a scheme the HTML check judges (even behind "&#97;")
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return ""
    if path.endswith(".md"):
        resolved = posixpath.normpath(posixpath.join(item.folder, path))
        if resolved.startswith("../") or not (content / resolved).is_file():
            return "links to an item file that does not exist; check the path and file name"
        linked = next((i for i in pages.values() if i and i.src_uri == resolved), None)
        return _status_problem(item, linked)
    if not path.startswith("/"):
        if "." in posixpath.basename(path):  # an attachment next to the item
            resolved = posixpath.normpath(posixpath.join(item.folder, path))
            if resolved.startswith("../") or not (content / resolved).is_file():
                return "links to a file that does not exist next to the item"
            return ""
        path = posixpath.normpath(posixpath.join("/" + item.url, path)) + "/"
    if not path.startswith(("/tin-tuc/", "/chu-de/", "/lanh-dao/")):
        if "." in posixpath.basename(path) and not (content / path.lstrip("/")).is_file():
            return "links to a file that is not in the content folder"
        return ""
    if "." not in posixpath.basename(path) and not path.endswith("/"):
        path += "/"
    if re.fullmatch(r"/tin-tuc/trang/\d+/", path):
        return ""
    if path not in pages:
        return (
            "links to a page of the portal that does not exist; copy the address "
            "from the item's page in the preview (scripts/serve)"
        )
    return _status_problem(item, pages[path])


def _status_problem(item: NewsItem, linked: NewsItem | None) -> str:
    if linked is None or linked.status == "published" or item.status != "published":
        return ""
    state = "a draft" if linked.status == "draft" else "dated in the future"
    return (
        f"links to {linked.path}, which is {state}; the link is broken until that item is published"
    )


def links(news: index.NewsIndex, sources: ItemSources) -> list[Problem]:
    """Links to other items (``[x](../2018/y.md)``, ``/tin-tuc/2018/08/y/``) that go nowhere."""
    pages = _site_pages(news)
    problems: list[Problem] = []
    for item in news.items:
        for number, line in _body_lines(item, sources):
            if "](" not in line and "href" not in line and "]:" not in line:
                continue
            targets = [m.group(1) for m in _LINK.finditer(line)]
            targets += [m.group(1) for m in _HREF.finditer(line)]
            reference = _REFERENCE.match(line)
            if reference:
                targets.append(reference.group(1))
            for target in targets:
                reason = _target_problem(item, target, sources.content, pages)
                if reason:
                    problems.append(Problem(item.path, number, "link", f'"{target}" {reason}'))
    return problems


def body_images(item: NewsItem, sources: ItemSources) -> list[Problem]:
    """Images in the body that do not exist next to the item (fallback check)."""
    problems: list[Problem] = []
    content = sources.content
    for number, line in _body_lines(item, sources):
        for match in _IMAGE.finditer(line):
            target = match.group(1)
            if _SCHEME.match(target):
                continue
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            resolved = posixpath.normpath(posixpath.join(item.folder, path))
            if path.startswith("/") or resolved.startswith("../"):
                reason = "leaves the item's folder; put the image next to the item"
            elif not (content / resolved).is_file():
                reason = (
                    "does not exist next to the item; check the file name (letter case matters)"
                )
            else:
                continue
            problems.append(Problem(item.path, number, "image", f'"{target}" {reason}'))
    return problems


def markers(news: index.NewsIndex, sources: ItemSources) -> list[Problem]:
    """Values ``bantin import`` could not extract and left marked for a person."""
    problems: list[Problem] = []
    for item in news.items:
        text, _, _ = sources.get(item)
        if _MARKER not in text:
            continue
        for number, line in enumerate(text.split("\n"), 1):
            if _MARKER in line:
                field = line.split(":", 1)[0].strip(" -{") or "import"
                note = line.split(f"# {_MARKER}:", 1)[-1].strip() if "#" in line else ""
                problems.append(
                    Problem(
                        item.path,
                        number,
                        field,
                        f"marked by bantin import for a person to finish ({note or _MARKER}); "
                        "fill in the real value and delete the comment",
                        _WARNING,
                    )
                )
    return problems


def images(items: tuple[NewsItem, ...], sources: ItemSources) -> list[Problem]:
    """Image problems: the images engineer's validator when installed, else existence only."""
    try:
        validate = importlib.import_module("bantin.images.validate")
    except ImportError:
        validate = None
    problems_for = getattr(validate, "problems_for", None)
    problems: list[Problem] = []
    content = sources.content
    for item in items:
        _, body, _ = sources.get(item)
        if not item.image and "![" not in body and "<img" not in body.lower():
            continue  # no image at all: nothing to validate, and no file to read again
        if problems_for is not None:
            problems += [p for p in problems_for(content, item) if isinstance(p, Problem)]
        else:
            problems += body_images(item, sources)
    # The lead image's absence is reported by the reader already, on the same line.
    return problems
