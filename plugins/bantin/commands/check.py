"""``bantin check [PATH...]``: validate content without building, in the build's own words.

The same reader and validator as the build (``bantin.core.index``) report every problem in
every file; on top of that come the checks a build cannot judge but a reviewer wants:
one person or topic spelled two ways, one person with two titles in one month, links to
items and images that do not exist. Exit 0 clean (warnings allowed), 1 problems, 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import posixpath
import re
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import yaml

from bantin.core import frontmatter, index, urls
from bantin.core.dates import build_now
from bantin.core.model import NewsItem
from bantin.core.problems import Problem
from bantin.core.vntext import grouping_key, slugify

_DOCS_DIR = re.compile(r"^docs_dir:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="items or folders to report on (default: every item); all items are always read",
    )
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: GitHub Actions annotations shown on the pull request's lines",
    )
    parser.add_argument(
        "--strict", action="store_true", help="warnings fail the check too (exit 1)"
    )
    parser.add_argument(
        "--content", type=Path, help="content folder (default: docs_dir of mkdocs.yml, content/)"
    )


def project_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def content_dir(root: Path) -> Path:
    config = root / "mkdocs.yml"
    if config.is_file():
        match = _DOCS_DIR.search(config.read_text(encoding="utf-8", errors="replace"))
        if match:
            return root / match.group(1)
    return root / "content"


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _selection(paths: list[str], root: Path) -> tuple[Callable[[str], bool], list[str]]:
    """A filter on display paths for the PATH arguments, and the arguments that do not exist."""
    missing = [p for p in paths if not Path(p).exists()]
    if not paths:
        return (lambda _path: True), missing
    files = {_display(Path(p), root) for p in paths if Path(p).is_file()}
    folders = tuple(_display(Path(p), root).rstrip("/") + "/" for p in paths if Path(p).is_dir())
    folders = tuple("" if f == "./" else f for f in folders)
    return (lambda path: path in files or path.startswith(folders)), missing


class _Sources:
    """Each item's text read once per run and split without parsing YAML again."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self._cache: dict[str, tuple[str, str, int]] = {}

    def get(self, item: NewsItem) -> tuple[str, str, int]:
        """(whole text, body, first body line); empty when unreadable (reported already)."""
        if item.src_uri not in self._cache:
            text, body, line = "", "", 1
            try:
                decoded, _ = frontmatter.decode(
                    item.path, (self.content / item.src_uri).read_bytes()
                )
            except OSError:
                decoded = None
            if decoded is not None:
                source, _ = frontmatter.split(item.path, decoded)
                text = decoded
                if source is not None:
                    body, line = source.body, source.body_line
            self._cache[item.src_uri] = (text, body, line)
        return self._cache[item.src_uri]


def collect(content: Path, root: Path) -> list[Problem]:
    """Every problem in the content folder, the build's and the reviewer's, sorted."""
    display_root = _display(content, root)
    src_uris = index.discover(content)
    items, problems = index.load(content, src_uris, display_root=display_root)
    news_index, build_problems = index.NewsIndex.build(items, now=build_now(), preview=True)
    problems += build_problems
    problems += spelling(news_index, content)
    problems += titles_in_month(news_index, content)
    sources = _Sources(content)
    problems += links(news_index, sources)
    problems += markers(news_index, sources)
    problems += _images(news_index.items, sources)
    unique = {(p.path, p.line, p.field, p.message): p for p in problems}
    return sorted(unique.values())


def _images(items: tuple[NewsItem, ...], sources: _Sources) -> list[Problem]:
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


def run(args: argparse.Namespace) -> int:
    root = project_root(Path.cwd())
    content = args.content if args.content else content_dir(root)
    if not content.is_dir():
        print(
            f"bantin check: no content folder at {content}; run it inside the project "
            "or give --content",
            file=sys.stderr,
        )
        return 2
    selected, missing = _selection(list(args.paths), root)
    for path in missing:
        print(f"{path}: file: does not exist", file=sys.stderr)
    if missing:
        return 2
    problems = [p for p in collect(content, root) if selected(p.path)]
    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format())
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if args.format == "text":
        summary = (
            "bantin check: content is clean"
            if not problems
            else f"bantin check: {errors} error(s), {warnings} warning(s)"
        )
        print(summary, file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


# -- reviewer's checks ------------------------------------------------------------------
# Warnings: the build accepts these, but a reader would see two pages for one person, a
# person with two titles in one month, or a link that goes nowhere.

_WARNING = "warning"


def _field_lines(item: NewsItem, content: Path) -> dict[str, int]:
    """Line of every front-matter value (``officials[1].name`` → 7), read again on demand."""
    try:
        raw = (content / item.src_uri).read_bytes()
    except OSError:
        return {}
    parsed = frontmatter.read(item.path, raw)
    if parsed.mapping is None or parsed.source is None:
        return {}
    offset = parsed.source.front_matter_line - 1
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{prefix}.{key.value}" if prefix else str(key.value)
                lines[name] = value.start_mark.line + 1 + offset
                walk(value, name)
        elif isinstance(node, yaml.SequenceNode):
            for number, child in enumerate(node.value, 1):
                name = f"{prefix}[{number}]"
                lines[name] = child.start_mark.line + 1 + offset
                walk(child, name)

    walk(parsed.mapping, "")
    return lines


class _Lines:
    """Front-matter line numbers of many items, each file read at most once."""

    def __init__(self, content: Path) -> None:
        self._cache: dict[str, dict[str, int]] = {}
        self._content = content

    def of(self, item: NewsItem, field: str) -> int:
        if item.path not in self._cache:
            self._cache[item.path] = _field_lines(item, self._content)
        return self._cache[item.path].get(field, 0)


def _canonical(counts: dict[str, int]) -> str:
    """Most used spelling; ties go to the one with more diacritics, then to the first seen.

    ``counts`` keeps the order of first use, so an established spelling wins a tie against
    the one in a new draft.
    """
    order = {spelling: position for position, spelling in enumerate(counts)}
    return sorted(counts, key=lambda s: (-counts[s], -sum(ord(c) > 127 for c in s), order[s]))[0]


def _official_names(item: NewsItem) -> list[str]:
    return [official.name for official in item.officials]


def _tags(item: NewsItem) -> list[str]:
    return list(item.tags)


def spelling(news: index.NewsIndex, content: Path) -> list[Problem]:
    """One person or topic written two ways: case/tone placement, or only diacritics apart."""
    lines = _Lines(content)
    problems: list[Problem] = []
    kinds: tuple[tuple[str, Callable[[NewsItem], list[str]], str], ...] = (
        ("officials[{}].name", _official_names, "person"),
        ("tags[{}]", _tags, "topic"),
    )
    for field, values_of, noun in kinds:
        # Loose key: ASCII letters only, so "Bùi Văn Cửu", "Bùi văn Cửu", "Hải"/"Hài" meet.
        spellings: dict[str, dict[str, int]] = {}
        loose: dict[str, str] = {}  # slugify is slow; each distinct spelling once
        for item in news.items:
            for value in values_of(item):
                if value not in loose:
                    loose[value] = slugify(value)
                counts = spellings.setdefault(loose[value], {})
                counts[value] = counts.get(value, 0) + 1
        for item in news.items:
            for number, value in enumerate(values_of(item), 1):
                counts = spellings[loose[value]]
                best = _canonical(counts)
                if value == best:
                    continue
                where = field.format(number)
                if grouping_key(value) == grouping_key(best):
                    advice = (
                        f'write "{best}" (used {counts[best]} time(s)) so every item spells '
                        f"this {noun} the same way"
                    )
                else:
                    advice = (
                        f'looks like "{best}" (used {counts[best]} time(s)); if it is the same '
                        f'{noun}, write "{best}", otherwise ignore this warning'
                    )
                problems.append(
                    Problem(
                        item.path, lines.of(item, where), where, f'"{value}": {advice}', _WARNING
                    )
                )
    return problems


def titles_in_month(news: index.NewsIndex, content: Path) -> list[Problem]:
    """One official given different titles within one calendar month."""
    lines = _Lines(content)
    problems: list[Problem] = []
    keys: dict[str, str] = {}

    def key_of(text: str) -> str:
        if text not in keys:
            keys[text] = grouping_key(text)
        return keys[text]

    for term in news.officials:
        months: dict[tuple[int, int], list[tuple[NewsItem, int, str]]] = {}
        for item in term.items:
            for number, official in enumerate(item.officials, 1):
                if official.title and key_of(official.name) == term.key:
                    key = (item.date.year, item.date.month)
                    months.setdefault(key, []).append((item, number, official.title))
        for (year, month), uses in sorted(months.items()):
            counts: dict[str, int] = {}
            for _, _, title in uses:
                counts[title] = counts.get(title, 0) + 1
            if len({key_of(title) for title in counts}) < 2:
                continue
            best = _canonical(counts)
            for item, number, title in uses:
                if key_of(title) == key_of(best):
                    continue
                where = f"officials[{number}].title"
                problems.append(
                    Problem(
                        item.path,
                        lines.of(item, where),
                        where,
                        f'{term.name} is "{title}" here but "{best}" in other items of '
                        f"{month:02d}/{year}; use one title for the same month",
                        _WARNING,
                    )
                )
    return problems


_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")
_HREF = re.compile(r"<a\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")


def _body_lines(item: NewsItem, sources: _Sources) -> list[tuple[int, str]]:
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
    if _SCHEME.match(target) or target.startswith(("#", "?")):
        return ""
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


def links(news: index.NewsIndex, sources: _Sources) -> list[Problem]:
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


def body_images(item: NewsItem, sources: _Sources) -> list[Problem]:
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


_MARKER = "CẦN BỔ SUNG"


def markers(news: index.NewsIndex, sources: _Sources) -> list[Problem]:
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
