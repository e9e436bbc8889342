"""Plan and write a whole import: every output checked before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bantin.core import frontmatter, index, schema
from bantin.core.dates import start_of_day
from bantin.core.problems import Problem
from bantin.importer import render
from bantin.importer.extract import Extraction, read_page


@dataclass(frozen=True)
class Planned:
    source: Path
    target: Path
    text: str
    extraction: Extraction


def published_time(item: Extraction, now: datetime) -> datetime:
    """The publication time, or the stand-in the gap marker names (meeting day, else now)."""
    if item.published is not None:
        return item.published
    if item.meeting is not None:
        return start_of_day(item.meeting.day)
    return now.replace(second=0, microsecond=0)


def read_source(path: Path) -> tuple[str | None, Problem | None]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(str(path), 0, "file", f"cannot be read: {error.strerror}")
    for encoding in ("utf-8-sig", "cp1258", "windows-1252"):
        try:
            return raw.decode(encoding), None
        except UnicodeDecodeError:
            continue
    return None, Problem(
        str(path), 0, "file", "is not text in a known encoding"
    )  # pragma: no cover


def plan(sources: list[Path], out: Path, now: datetime) -> tuple[list[Planned], list[Problem]]:
    """What would be written where; problems for unreadable sources and taken paths."""
    planned: list[Planned] = []
    problems: list[Problem] = []
    taken: set[Path] = set()
    used_urls = _existing_urls(out)
    for source in sources:
        text, problem = read_source(source)
        if text is None:
            problems.append(problem)  # type: ignore[arg-type]
            continue
        try:
            item = read_page(text)
        except (ValueError, LookupError, RecursionError) as error:  # never a traceback
            problems.append(
                Problem(str(source), 0, "file", f"cannot be read as a legacy page ({error})")
            )
            continue
        published = published_time(item, now)
        base = render.slug(item, source.stem)
        slug, number = base, 2
        while True:
            # One title twice in a year (file) or in a month (URL): -2, -3… in both.
            target = out / f"{published:%Y}" / f"{slug}.md"
            url = f"{published:%Y/%m}/{slug}"
            if target not in taken and (url not in used_urls or target.exists()):
                break
            slug, number = f"{base}-{number}", number + 1
        taken.add(target)
        used_urls.add(url)
        document = render.document(item, published, slug if slug != base else "")
        if target.exists():
            problems.append(
                Problem(
                    str(target),
                    0,
                    "file",
                    f"already exists (imported from {source}?); it is never overwritten: "
                    "move or delete it first, or import into another --out folder",
                )
            )
            continue
        problems += _self_check(target, document)
        planned.append(Planned(source, target, document, item))
    return planned, problems


def _existing_urls(out: Path) -> set[str]:
    """``YYYY/MM/slug`` of the valid items already in ``out``, so new ones get other URLs."""
    if not out.is_dir():
        return set()
    uris = sorted(p.relative_to(out.parent).as_posix() for p in out.rglob("*.md"))
    items, _ = index.load(out.parent, uris, display_root="")
    return {f"{item.date:%Y/%m}/{item.slug}" for item in items}


def _self_check(target: Path, document: str) -> list[Problem]:
    """The written item must pass the same validation as the build."""
    parsed = frontmatter.read(str(target), document.encode())
    if parsed.mapping is None or parsed.source is None:
        return list(parsed.problems)
    _, problems = schema.read_item(
        src_uri=target.name,
        path=str(target),
        mapping=parsed.mapping,
        offset=parsed.source.front_matter_line - 1,
        body=parsed.source.body,
        body_line=parsed.source.body_line,
        unreadable=parsed.unreadable,
    )
    return list(parsed.problems) + problems


def write(planned: list[Planned]) -> None:
    for entry in planned:
        entry.target.parent.mkdir(parents=True, exist_ok=True)
        # "x" mode: a file that appeared since planning is still never overwritten.
        with entry.target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(entry.text)
