"""``bantin import SRC... --out DIR [--dry-run]``: migrate legacy portal pages into news items."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from bantin.core.dates import build_now
from bantin.importer import migrate
from bantin.importer.render import MARKER

_SUFFIXES = {".txt", ".html", ".htm", ".shtml", ".aspx", ".php", ".jsp"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", nargs="+", metavar="SRC", help="saved legacy pages (.txt or .html) or folders"
    )
    parser.add_argument(
        "--out", required=True, type=Path, help="where items go, usually content/tin-tuc"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be written; write nothing"
    )


def _expand(sources: list[str]) -> tuple[list[Path], list[str]]:
    paths: list[Path] = []
    missing: list[str] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            paths += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in _SUFFIXES
                # "Save page, complete" puts frames and ads in a "<page>_files" folder.
                and not any(part.endswith("_files") for part in p.relative_to(path).parts[:-1])
            )
        elif path.is_file():
            paths.append(path)
        else:
            missing.append(source)
    return paths, missing


def run(args: argparse.Namespace) -> int:
    sources, missing = _expand(list(args.sources))
    for source in missing:
        print(
            f"{source}: file: does not exist; give a saved page or a folder of them",
            file=sys.stderr,
        )
    if missing:
        return 2
    if not sources:
        print("bantin import: no .txt or .html pages found in the given folders", file=sys.stderr)
        return 2
    if Path(args.out).exists() and not Path(args.out).is_dir():
        print(
            f"{args.out}: file: --out must be a folder (usually content/tin-tuc)", file=sys.stderr
        )
        return 2
    planned, problems = migrate.plan(sources, Path(args.out), build_now())
    for entry in planned:
        verb = "would write" if args.dry_run else "wrote"
        print(f"{entry.source} -> {entry.target} ({verb})")
        item = entry.extraction
        print(
            f"  title, date, author, source: "
            f"{_ok(item.title)}, {_ok(item.published)}, {_ok(item.author)}, "
            f"{'yes' if item.source else 'none given'}; "
            f"{len(item.officials)} officials, {len(item.awards)} awards, "
            f"{sum(1 for b in item.body if b.kind == 'caption')} captions, "
            f"{len(item.removed)} chrome lines removed"
        )
        for gap in item.gaps:
            print(
                f"  {entry.target}: {gap.field}: not extracted: {gap.message}; "
                f'marked "# {MARKER}" for a person to finish'
            )
        for note in item.notes:
            print(f"  {entry.target}: note: {note}")
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if problems:
        print(f"bantin import: {len(problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    if not args.dry_run:
        migrate.write(planned)
    tally = Counter(
        re.sub(r"\[\d+\]", "", gap.field) for entry in planned for gap in entry.extraction.gaps
    )
    done = "would be written" if args.dry_run else "written"
    print(
        f"bantin import: {len(planned)} item(s) {done}; {sum(tally.values())} field(s) need a "
        f'person (search for "{MARKER}"; such items are drafts until finished)'
    )
    if tally:
        print("  not extracted: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0


def _ok(value: object) -> str:
    return "yes" if value else "MISSING"
