"""One ``bantin stats`` run: read the new bytes of every log, count page views, update state.

The per-line loop is the hot path (a busy portal writes millions of lines a day), so it is
one flat loop over bytes with the cheap tests first, caches for timestamps and user agents,
and counts collected in dictionaries that reach SQLite in a few ``executemany`` calls.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bantin.stats import logparse
from bantin.stats.bots import BotFilter
from bantin.stats.sources import FileRecord, LogReader, find_record, fingerprint, is_gzip
from bantin.stats.state import State

# Lines that parse but are not page views, in the order the summary prints them.
NOT_GET = "not GET"
NOT_2XX = "not a 2xx answer"
NOT_PAGE = "assets, feeds and other files"
BOT = "bots"
CLOSED_DAY = "for days already closed"
IGNORED_REASONS = (NOT_GET, NOT_2XX, NOT_PAGE, BOT, CLOSED_DAY)

_PLAIN_METHODS = frozenset((b"GET", b"HEAD", b"POST", b"PUT", b"DELETE", b"OPTIONS", b"PATCH"))
_PROTOCOLS = frozenset((b"HTTP/1.1", b"HTTP/1.0", b"HTTP/2.0", b"HTTP/2", b"HTTP/3"))


@dataclass
class FileReport:
    path: str
    new_bytes: int = 0
    unchanged: bool = False
    problem: str = ""
    unreadable: bool = False


@dataclass
class Summary:
    files: list[FileReport] = field(default_factory=list)
    lines: int = 0
    page_views: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    ignored: Counter[str] = field(default_factory=Counter)
    closed_days: list[int] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """A log could not be read at all (missing, unreadable): the run exits with 1."""
        return any(report.unreadable for report in self.files)


class PageViewCounter:
    """Counts page views of complete lines, keyed by day, visitor hash and page path."""

    def __init__(
        self,
        salts: dict[int, bytes],
        closed: set[int],
        new_salt: Callable[[int], bytes],
        now: int,
    ) -> None:
        self.summary = Summary()
        self.now = now
        """The run's time: no line is counted after it, so no day after today gets state."""
        self.visits: dict[int, dict[bytes, list[int]]] = {}
        self.page_views: Counter[tuple[int, str]] = Counter()
        self._salts = salts
        self._closed = closed
        self._new_salt = new_salt
        self._timestamps = logparse.TimestampCache()
        self._bots = BotFilter()
        self._pages: dict[bytes, str | None] = {}

    def feed(self, chunk: bytes) -> None:
        summary = self.summary
        rejected = summary.rejected
        ignored = summary.ignored
        match_line = logparse.LINE.match
        epoch_of = self._timestamps.epoch
        is_bot = self._bots.is_bot
        pages = self._pages
        salts = self._salts
        closed = self._closed
        visits = self.visits
        page_views = self.page_views
        blake2b = hashlib.blake2b
        offset = logparse.VIETNAM_OFFSET
        max_line = logparse.MAX_LINE
        now = self.now
        latest = now + logparse.CLOCK_SKEW
        lines = 0
        views = 0
        for line in chunk.split(b"\n"):
            if not line or line == b"\r":
                continue
            lines += 1
            if len(line) > max_line:
                rejected[logparse.TOO_LONG] += 1
                continue
            match = match_line(line)
            if match is None:
                rejected[logparse.NOT_COMBINED] += 1
                continue
            address, stamp, request, status, agent = match.groups()
            epoch = epoch_of(stamp)
            if epoch is None:
                rejected[logparse.BAD_TIMESTAMP] += 1
                continue
            if epoch > now:
                if epoch > latest:
                    rejected[logparse.FUTURE_TIMESTAMP] += 1
                    continue
                # Inside the clock-skew window: the server's clock runs a little ahead, the
                # visit is happening now. Counted as of now, it stays in today (and online)
                # even just before midnight, and no salt is made for tomorrow.
                epoch = now
            parts = request.split(b" ")
            if len(parts) != 3 or parts[2] not in _PROTOCOLS or parts[0] not in _PLAIN_METHODS:
                problem = logparse.request_problem(request)
                if problem is not None:
                    rejected[problem] += 1
                    continue
            if parts[0] != b"GET":
                ignored[NOT_GET] += 1
                continue
            if status[0] != 0x32:  # "2"
                ignored[NOT_2XX] += 1
                continue
            target = parts[1]
            try:
                path = pages[target]
            except KeyError:
                if len(pages) > 200_000:
                    pages.clear()
                path = pages[target] = logparse.page_path(target)
            if path is None:
                ignored[NOT_PAGE] += 1
                continue
            if is_bot(agent):
                ignored[BOT] += 1
                continue
            day = (epoch + offset) // 86400
            if day in closed:
                ignored[CLOSED_DAY] += 1
                continue
            salt = salts.get(day)
            if salt is None:
                salt = salts[day] = self._new_salt(day)
            visitor = blake2b(address + b"\x00" + agent, key=salt, digest_size=16).digest()
            daily = visits.get(day)
            if daily is None:
                daily = visits[day] = {}
            seen = daily.get(visitor)
            if seen is None:
                daily[visitor] = [epoch, 1]
            else:
                seen[0] = max(seen[0], epoch)
                seen[1] += 1
            page_views[(day, path)] += 1
            views += 1
        summary.lines += lines
        summary.page_views += views


def read_logs(paths: Sequence[Path], state: State, now: int) -> Summary:
    """Read what is new in ``paths`` into ``state``, as of ``now`` (Unix seconds).

    Lines dated more than ``logparse.CLOCK_SKEW`` after ``now`` are rejected: read past
    and never counted, even once their time has come. Nothing is committed here; the
    caller commits once the public JSON is ready.
    """
    counter = PageViewCounter(state.salts(), state.closed_days(), state.new_salt, now)
    summary = counter.summary
    records = state.log_records()
    for path in paths:
        report = FileReport(str(path))
        summary.files.append(report)
        _read_one(path, records, counter, report, now)
    state.add_visits(
        (day, visitor, seen[0], seen[1])
        for day, daily in sorted(counter.visits.items())
        for visitor, seen in daily.items()
    )
    state.add_page_views(
        (day, path, views) for (day, path), views in sorted(counter.page_views.items())
    )
    state.refresh_days(counter.visits)
    state.save_log_records(records, now)
    return summary


def close_past_days(state: State, summary: Summary, now: int) -> None:
    """Destroy the salts and visitor hashes of the days before today.

    Called after the figures are computed, so "online" just after midnight still sees the
    readers of the last minutes of yesterday.
    """
    summary.closed_days = state.close_days_before(logparse.local_day(now))


def _read_one(
    path: Path, records: list[FileRecord], counter: PageViewCounter, report: FileReport, now: int
) -> None:
    try:
        status = path.stat()
        for record in records:
            if record.unchanged(status):
                record.seen_at = now
                report.unchanged = True
                return
        compressed = is_gzip(path)
        head = LogReader(path, 0, compressed).head()
    except OSError as error:
        report.problem = f"cannot be read ({error.strerror}); check the path and permissions"
        report.unreadable = True
        return
    if not head:
        report.unchanged = True
        return
    found = find_record(head, records)
    if found is None:
        record = FileRecord(fingerprint(head), len(head), 0)
        records.append(record)
    else:
        record = found
        if record.fingerprint_length < len(head):
            record.fingerprint, record.fingerprint_length = fingerprint(head), len(head)
    if not compressed and status.st_size < record.offset:
        report.problem = "is shorter than what was already read from it; skipped"
        return
    reader = LogReader(path, record.offset, compressed)
    try:
        for chunk in reader.chunks():
            counter.feed(chunk)
    except OSError as error:
        report.problem = f"cannot be read to the end ({error.strerror})"
    report.problem = report.problem or reader.problem
    report.new_bytes = reader.end - record.offset
    record.offset = reader.end
    record.remember_file(status, os.fspath(path))
    record.seen_at = now
