"""The public figures: computed from the state, written atomically as the widget's JSON.

Only numbers, the time and known page paths with titles taken from the built site reach the
file; nothing read from a log line does (a path is published only when the site has it).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from bantin.core.dates import VIETNAM
from bantin.stats.logparse import local_day
from bantin.stats.state import State

ONLINE_SECONDS = 5 * 60
MOST_READ = 5
KEYS = ("online", "today", "yesterday", "week", "month", "total")
_EPOCH_DAY = date(1970, 1, 1)


def day_number(value: date) -> int:
    return (value - _EPOCH_DAY).days


def calendar_day(number: int) -> date:
    return _EPOCH_DAY + timedelta(days=number)


def compute(
    state: State, now: datetime, pages: Mapping[str, str] | None, most_read: int = MOST_READ
) -> dict[str, object]:
    """The JSON document (DESIGN.md "Visitor statistics" plus ``yesterday``, ``most_read``).

    week, month and total are sums of daily distinct visitors (a reader on Monday and on
    Tuesday is two visits), the usual meaning of these portal boxes. ``yesterday`` is null
    when the logs start today: nobody knows yesterday's number, so it is not shown as 0.
    """
    moment = int(now.timestamp())
    today = local_day(moment)
    today_date = calendar_day(today)
    monday = today - today_date.weekday()
    first_of_month = day_number(today_date.replace(day=1))
    first = state.first_day()
    yesterday: int | None = None
    if first is not None and first <= today - 1:
        yesterday = state.visitors_between(today - 1, today - 1)
    figures: dict[str, object] = {
        "as_of": now.astimezone(VIETNAM).replace(microsecond=0).isoformat(),
        "online": state.online(moment - ONLINE_SECONDS, moment),
        "today": state.visitors_between(today, today),
        "yesterday": yesterday,
        "week": state.visitors_between(monday, today),
        "month": state.visitors_between(first_of_month, today),
        "total": state.visitors_between(-(10**9), today),
        "most_read": [],
    }
    if pages:
        figures["most_read"] = [
            {"path": path, "title": pages[path], "views": views}
            for path, views in state.page_views_between(monday, today)
            if path in pages
        ][:most_read]
    return figures


def to_json(figures: Mapping[str, object]) -> bytes:
    return (json.dumps(figures, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a reader sees the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        # mkstemp makes the file private; the web server must be able to read it.
        Path(temp_name).chmod(0o644)
        Path(temp_name).replace(path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
