"""``bantin publish SITE --to DIR``: put a verified build live; ``--rollback`` goes back one.

Only this command touches the live folder; ``mkdocs build`` writes ``site/`` and nothing else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bantin.core.problems import Problem
from bantin.publish.releases import PublishError
from bantin.publish.service import PublishRequest, RefusedError, publish, rollback


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", nargs="?", type=Path, help="the build folder (usually site/)")
    parser.add_argument(
        "--to", type=Path, required=True, metavar="DIR", help="publish folder served by nginx"
    )
    parser.add_argument(
        "--keep", type=int, default=5, metavar="N", help="releases to keep (default 5)"
    )
    parser.add_argument(
        "--rollback", action="store_true", help="switch back to the release before the live one"
    )
    parser.add_argument(
        "--repo",
        type=Path,
        default=None,
        help="git repository the build came from (default: the current folder)",
    )
    parser.add_argument(
        "--allow-page-loss",
        action="store_true",
        help="publish even though many pages disappear without matching deletions in git",
    )


def run(args: argparse.Namespace) -> int:
    if args.rollback == (args.site is not None):
        print("bantin publish: give either SITE or --rollback", file=sys.stderr)
        return 2
    if args.keep < 2:
        print("bantin publish: --keep must be at least 2 (current and previous)", file=sys.stderr)
        return 2
    try:
        if args.rollback:
            outcome = rollback(args.to)
        else:
            outcome = publish(
                PublishRequest(
                    site=args.site,
                    to=args.to,
                    keep=args.keep,
                    repo=args.repo,
                    allow_page_loss=args.allow_page_loss,
                )
            )
    except RefusedError as refused:
        count = len(refused.problems)
        print(
            f"bantin publish: refused ({count} problem{'s' * (count != 1)}); "
            "the live site is unchanged:",
            file=sys.stderr,
        )
        for problem in refused.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    except (PublishError, OSError) as error:
        print(
            Problem(str(args.to), 0, "publish", f"{error}; the live site is unchanged").format(),
            file=sys.stderr,
        )
        return 1
    verb = "rolled back" if args.rollback else ("published" if outcome.switched else "skipped")
    print(f"bantin publish: {verb}: {outcome.message}")
    return 0
