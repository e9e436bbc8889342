"""``bantin stats LOG... --state PATH --out PATH [--now ISO8601] [--site DIR]``.

Reads what is new in the access logs, updates the state and writes the widget's JSON. Bad
lines (among them lines dated after ``--now`` beyond ``logparse.CLOCK_SKEW``) are counted
by reason and printed, never fatal; a log that cannot be read at all makes the run exit
with 1 after everything else was counted and written.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from bantin.core.dates import VIETNAM
from bantin.core.vntext import format_number
from bantin.stats import figures, ingest, logparse
from bantin.stats.sitepages import item_titles
from bantin.stats.state import State, StateError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "logs", nargs="+", metavar="LOG", type=Path, help="access logs, plain or .gz, any order"
    )
    parser.add_argument(
        "--state", required=True, type=Path, help="SQLite state file (created on first run)"
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        help="JSON file to write (e.g. /var/lib/bantin/truy-cap.json)",
    )
    parser.add_argument(
        "--now",
        help=(
            "the current time, ISO 8601 (default: the clock), for tests and replays; "
            f"lines dated over {logparse.CLOCK_SKEW // 60} minutes after it are rejected"
        ),
    )
    parser.add_argument(
        "--site", type=Path, help="the built site folder; its news items make 'Tin đọc nhiều'"
    )


def expand_logs(paths: list[Path]) -> list[Path]:
    """Patterns the shell left unexpanded (a systemd ExecStart, or no match yet) are globbed
    here; a pattern matching nothing is simply no log (no ``.gz`` before the first rotation)."""
    result: list[Path] = []
    for path in paths:
        text = str(path)
        if not path.exists() and any(mark in text for mark in "*?["):
            anchor = Path(path.anchor or ".")
            pattern = path.relative_to(path.anchor).as_posix() if path.anchor else text
            result += sorted(anchor.glob(pattern))
        else:
            result.append(path)
    return result


def parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(tz=VIETNAM)
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)


def run(args: argparse.Namespace) -> int:
    try:
        now = parse_now(args.now)
    except ValueError:
        print(
            f'bantin stats: --now: "{args.now}" is not an ISO 8601 time; '
            "use e.g. 2026-11-23T10:15:00+07:00",
            file=sys.stderr,
        )
        return 2
    pages: dict[str, str] | None = None
    if args.site is not None:
        if not args.site.is_dir():
            print(
                f"bantin stats: --site: {args.site} is not a folder; give the built site",
                file=sys.stderr,
            )
            return 2
        pages = item_titles(args.site)
    started = time.perf_counter()
    try:
        state = State(args.state)
    except StateError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        moment = int(now.timestamp())
        summary = ingest.read_logs(expand_logs(args.logs), state, moment)
        result = figures.compute(state, now, pages)
        ingest.close_past_days(state, summary, moment)
        data = figures.to_json(result)
        try:
            figures.write_atomically(args.out, data)
        except OSError as error:
            print(
                f"{args.out}: out: cannot be written ({error.strerror}); nothing was counted",
                file=sys.stderr,
            )
            return 1
        state.commit()
    finally:
        state.close()
    print(report(summary, result, args.out, time.perf_counter() - started))
    return 1 if summary.failed else 0


def report(summary: ingest.Summary, result: dict[str, object], out: Path, seconds: float) -> str:
    """The run summary an administrator reads in cron mail or the journal."""
    unchanged = sum(1 for f in summary.files if f.unchanged)
    lines = [
        f"bantin stats: {len(summary.files)} log{'' if len(summary.files) == 1 else 's'}"
        f" ({unchanged} unchanged), "
        f"{format_number(summary.lines)} new lines in {seconds:.2f} s",
        f"  page views counted: {format_number(summary.page_views)}",
    ]
    ignored = [
        f"{format_number(summary.ignored[reason])} {reason}"
        for reason in ingest.IGNORED_REASONS
        if summary.ignored[reason]
    ]
    lines.append("  not page views: " + (", ".join(ignored) or "none"))
    rejected_total = sum(summary.rejected.values())
    lines.append(f"  rejected lines: {format_number(rejected_total)}")
    lines += [
        f"    {reason}: {format_number(summary.rejected[reason])}"
        for reason in logparse.REJECT_REASONS
        if summary.rejected[reason]
    ]
    lines += [f"  {f.path}: {f.problem}" for f in summary.files if f.problem]
    shown = ", ".join(
        f"{key} {'-' if result[key] is None else format_number(int(str(result[key])))}"
        for key in figures.KEYS
    )
    lines.append(f"  wrote {out}: {shown}")
    return "\n".join(lines)
