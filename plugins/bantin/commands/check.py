"""``bantin check [PATH...]``: validate content without building, in the build's own words.

The same reader and validator as the build (``bantin.core.index``) report every problem in
every file, and so do the guard's (files that cannot be published, HTML it refuses); on top
of that come the checks a build cannot judge but a reviewer wants:
one person or topic spelled two ways, one person with two titles in one month, links to
items and images that do not exist. Exit 0 clean (warnings allowed), 1 problems, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bantin.checks.collect import collect, display
from bantin.core.project import content_dir, project_root


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


def _selection(paths: list[str], root: Path) -> tuple[Callable[[str], bool], list[str]]:
    """A filter on display paths for the PATH arguments, and the arguments that do not exist."""
    missing = [p for p in paths if not Path(p).exists()]
    if not paths:
        return (lambda _path: True), missing
    files = {display(Path(p), root) for p in paths if Path(p).is_file()}
    folders = tuple(display(Path(p), root).rstrip("/") + "/" for p in paths if Path(p).is_dir())
    folders = tuple("" if f == "./" else f for f in folders)
    return (lambda path: path in files or path.startswith(folders)), missing


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
