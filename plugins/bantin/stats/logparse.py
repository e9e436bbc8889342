"""One access-log line in the nginx/Apache combined format, read as bytes.

Logs are bytes: nginx escapes unprintable request bytes as ``\\x16``, but a proxy, a broken
client or a cut file can still leave anything in a line, so nothing here decodes a line as
text. A line is either rejected (with a reason the summary counts) or becomes a ``Hit``;
whether a hit is a page view is decided by ``page_path`` and the caller's filters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

MAX_LINE = 8 * 1024
"""Longer lines are rejected: no honest request line plus headers gets there."""

CLOCK_SKEW = 5 * 60
"""Seconds a line may be dated after the run's time and still count (as of that time).

The web server and the machine running ``bantin stats`` keep their own clocks, and NTP
keeps them within seconds, not hours; a line dated further ahead is a broken clock, a
forged or damaged line. Counting it would put a visit in a day that has not begun, and
would keep that day's salt and visitor hashes in the state until the day comes."""

# Rejection reasons, in the order the summary prints them.
TOO_LONG = "line over 8 KiB"
NOT_COMBINED = "not in combined format"
BAD_TIMESTAMP = "bad timestamp"
FUTURE_TIMESTAMP = f"dated over {CLOCK_SKEW // 60} minutes in the future"
TLS_GARBAGE = "TLS or binary garbage"
EMPTY_REQUEST = "empty request"
TRUNCATED_REQUEST = "truncated request"
BAD_REQUEST = "bad request line"
REJECT_REASONS = (
    TOO_LONG,
    NOT_COMBINED,
    BAD_TIMESTAMP,
    FUTURE_TIMESTAMP,
    TLS_GARBAGE,
    EMPTY_REQUEST,
    TRUNCATED_REQUEST,
    BAD_REQUEST,
)

# Quoted fields allow the backslash escapes Apache writes (\") as well as nginx's \x22;
# the unrolled form [^"\\]*(?:\\.[^"\\]*)* is what keeps the match linear and fast.
_QUOTED = rb'"([^"\\]*(?:\\.[^"\\]*)*)"'
_QUOTED_SKIP = rb'"[^"\\]*(?:\\.[^"\\]*)*"'
LINE = re.compile(
    rb"([^ ]+) [^ ]+ [^ ]+ \[([^\]]*)\] "
    + _QUOTED
    + rb" ([0-9]{3}) [^ ]+ "
    + _QUOTED_SKIP
    + b" "
    + _QUOTED
)
_TIMESTAMP = re.compile(
    rb"([0-9]{2})/([A-Za-z]{3})/([0-9]{4}):([0-9]{2}):([0-9]{2}):([0-9]{2})"
    rb" ([+-])([0-9]{2})([0-9]{2})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            b"jan",
            b"feb",
            b"mar",
            b"apr",
            b"may",
            b"jun",
            b"jul",
            b"aug",
            b"sep",
            b"oct",
            b"nov",
            b"dec",
        ),
        1,
    )
}
_METHOD = re.compile(rb"[A-Z]{1,20}")
_PROTOCOL = re.compile(rb"HTTP/[0-9](?:\.[0-9])?")

VIETNAM_OFFSET = 7 * 3600
"""Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so a day number is
plain integer arithmetic in the hot loop; ``tests/stats`` pins this against zoneinfo."""


def parse_timestamp(text: bytes) -> int | None:
    """``23/Nov/2026:10:15:00 +0700`` → Unix seconds, or None when it is not a real time."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    day, month_name, year, hour, minute, second, sign, off_h, off_m = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    try:
        moment = datetime(
            int(year), month, int(day), int(hour), int(minute), int(second), tzinfo=UTC
        )
    except ValueError:
        return None
    offset = int(off_h) * 3600 + int(off_m) * 60
    if int(off_h) > 14 or int(off_m) > 59:
        return None
    return int(moment.timestamp()) - (offset if sign == b"+" else -offset)


def local_day(epoch: int) -> int:
    """Days since 1970-01-01 of the calendar date in Vietnam at ``epoch``."""
    return (epoch + VIETNAM_OFFSET) // 86400


class TimestampCache:
    """Each distinct minute (``23/Nov/2026:10:15`` plus zone) is parsed once; the seconds are
    added to its cached start, which is what keeps timestamps cheap on a busy log."""

    def __init__(self) -> None:
        self._minutes: dict[bytes, int | None] = {}

    def epoch(self, text: bytes) -> int | None:
        second = text[18:20]
        if len(text) != 26 or text[17:18] != b":" or not second.isdigit() or second > b"59":
            return parse_timestamp(text)
        key = text[:17] + text[20:]
        try:
            start = self._minutes[key]
        except KeyError:
            if len(self._minutes) > 100_000:
                self._minutes.clear()
            start = self._minutes[key] = parse_timestamp(key[:17] + b":00" + key[17:])
        return None if start is None else start + int(second)


def request_problem(request: bytes) -> str | None:
    """Why a request line is unusable, or None for ``METHOD TARGET HTTP/x``."""
    if not request or request == b"-":
        return EMPTY_REQUEST
    if request.startswith(b"\\x") or any(byte < 0x20 or byte > 0x7E for byte in request[:16]):
        # nginx writes a TLS handshake sent to the plain-HTTP port as \x16\x03\x01…
        return TLS_GARBAGE
    parts = request.split(b" ")
    if not _METHOD.fullmatch(parts[0]):
        return BAD_REQUEST
    if len(parts) == 3 and _PROTOCOL.fullmatch(parts[2]) and parts[1]:
        return None
    if len(parts) <= 2 or (len(parts) == 3 and b"HTTP/1.1".startswith(parts[2])):
        # "GET /tin-tuc/2018/08/so-k": the client or a size limit cut the line short.
        return TRUNCATED_REQUEST
    return BAD_REQUEST


MAX_PATH = 512
"""Longer paths are never pages of this site; they are not kept in the state."""


def page_path(target: bytes) -> str | None:
    """The site path of an HTML page request (``/tin-tuc/2018/08/x/``), else None.

    Pages are directory URLs (``/x/``) or ``.html`` files, ``index.html`` folded into its
    directory; anything else (images, CSS, JS, feeds, the search index, fonts) is an asset.
    Query strings and fragments are dropped: ``?utm_source=zalo`` is the same page.
    """
    end = len(target)
    for mark in (b"?", b"#"):
        cut = target.find(mark, 0, end)
        if cut != -1:
            end = cut
    path = target[:end]
    if not path.startswith(b"/") or len(path) > MAX_PATH:
        return None
    if path.endswith(b"/"):
        pass
    elif path.endswith((b".html", b".htm")):
        if path.endswith(b"/index.html"):
            path = path[: -len(b"index.html")]
    else:
        return None
    if b"\\x" in path or b"/../" in path or b"//" in path:
        return None
    return path.decode("ascii", "replace")


@dataclass(frozen=True)
class Hit:
    """A line that parsed: what the page-view rules look at."""

    address: bytes
    epoch: int
    method: bytes
    target: bytes
    status: int
    user_agent: bytes


def parse(
    line: bytes, timestamps: TimestampCache | None = None, now: int | None = None
) -> Hit | str:
    """A ``Hit``, or the rejection reason. For tests and tools; ``ingest`` inlines this.

    With ``now`` (Unix seconds), a line dated beyond ``CLOCK_SKEW`` after it is rejected and
    one dated inside the window is read as happening at ``now``, as ``ingest`` counts it.
    """
    line = line.rstrip(b"\r\n")
    if len(line) > MAX_LINE:
        return TOO_LONG
    match = LINE.match(line)
    if match is None:
        return NOT_COMBINED
    address, stamp, request, status, user_agent = match.groups()
    epoch = (timestamps or TimestampCache()).epoch(stamp)
    if epoch is None:
        return BAD_TIMESTAMP
    if now is not None:
        if epoch > now + CLOCK_SKEW:
            return FUTURE_TIMESTAMP
        epoch = min(epoch, now)
    problem = request_problem(request)
    if problem is not None:
        return problem
    method, target, _protocol = request.split(b" ")
    return Hit(address, epoch, method, target, int(status), user_agent)
