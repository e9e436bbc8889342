"""Lines dated after the run's time: bad lines beyond the clock-skew window, never state.

Every run is given ``--now``, so nothing here depends on the wall clock.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from bantin.stats import logparse
from bantin.stats.ingest import PageViewCounter
from hypothesis import given, settings
from hypothesis import strategies as st
from stats.stats_helpers import GOOGLEBOT, VIETNAM, line, run_stats, stamp

# Monday 23/11/2026, 10:00 in Vietnam.
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=VIETNAM)
TODAY = logparse.local_day(int(NOW.timestamp()))
FUTURE = f"    dated over {logparse.CLOCK_SKEW // 60} minutes in the future: "


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _state_days(root: Path) -> dict[str, set[int]]:
    """The days each table of the state holds something for."""
    database = sqlite3.connect(root / "state.sqlite")
    try:
        return {
            table: {row[0] for row in database.execute(f"SELECT DISTINCT day FROM {table}")}
            for table in ("salts", "visitors", "days", "page_views")
        }
    finally:
        database.close()


def test_lines_30_minutes_a_day_and_years_ahead_are_bad_lines_and_leave_no_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write(
        tmp_path / "access.log",
        line(NOW + timedelta(minutes=30), "/", ip="192.0.2.1"),
        line(NOW + timedelta(days=1), "/", ip="192.0.2.2"),
        line(NOW.replace(year=2031), "/", ip="192.0.2.3"),
        line("31/Dec/9999:23:59:59 +0700", "/", ip="192.0.2.4"),
        # Not a page view anyway, but a line from the future is a bad line first.
        line(NOW + timedelta(hours=2), "/", ip="192.0.2.5", agent=GOOGLEBOT),
    )
    run = run_stats(capsys, tmp_path, [log], NOW.isoformat())
    assert run.code == 0
    assert "rejected lines: 5" in run.output
    assert f"{FUTURE}5\n" in run.output
    assert "page views counted: 0" in run.output
    assert run.figures["today"] == run.figures["online"] == run.figures["total"] == 0
    assert _state_days(tmp_path) == {
        "salts": set(),
        "visitors": set(),
        "days": set(),
        "page_views": set(),
    }


def test_only_todays_state_is_made_when_future_lines_sit_among_real_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write(
        tmp_path / "access.log",
        line(NOW - timedelta(minutes=1), "/", ip="192.0.2.1"),
        line(NOW + timedelta(minutes=30), "/", ip="192.0.2.2"),
        line(NOW + timedelta(days=400), "/", ip="192.0.2.3"),
    )
    run = run_stats(capsys, tmp_path, [log], NOW.isoformat())
    assert run.figures["today"] == run.figures["online"] == 1
    assert f"{FUTURE}2\n" in run.output
    assert _state_days(tmp_path) == {
        "salts": {TODAY},
        "visitors": {TODAY},
        "days": {TODAY},
        "page_views": {TODAY},
    }


def test_a_line_2_minutes_ahead_counts_today_and_online(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write(tmp_path / "access.log", line(NOW + timedelta(minutes=2), "/"))
    run = run_stats(capsys, tmp_path, [log], NOW.isoformat())
    assert "rejected lines: 0" in run.output
    assert "page views counted: 1" in run.output
    assert run.figures["today"] == run.figures["online"] == 1


def test_the_window_ends_exactly_at_the_clock_skew(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edge = NOW + timedelta(seconds=logparse.CLOCK_SKEW)
    log = _write(
        tmp_path / "access.log",
        line(edge, "/", ip="192.0.2.1"),
        line(edge + timedelta(seconds=1), "/", ip="192.0.2.2"),
    )
    run = run_stats(capsys, tmp_path, [log], NOW.isoformat())
    assert run.figures["today"] == 1
    assert f"{FUTURE}1\n" in run.output


def test_a_line_just_after_midnight_from_a_fast_clock_counts_today_not_tomorrow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before_midnight = datetime(2026, 11, 23, 23, 59, tzinfo=VIETNAM)
    log = _write(tmp_path / "access.log", line(before_midnight + timedelta(minutes=2), "/"))
    run = run_stats(capsys, tmp_path, [log], before_midnight.isoformat())
    assert run.figures["today"] == run.figures["online"] == 1
    assert _state_days(tmp_path)["salts"] == {TODAY}


def test_a_rejected_future_line_is_not_counted_when_its_time_comes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = NOW + timedelta(hours=1)
    log = _write(tmp_path / "access.log", line(later, "/"))
    first = run_stats(capsys, tmp_path, [log], NOW.isoformat())
    assert f"{FUTURE}1\n" in first.output
    second = run_stats(capsys, tmp_path, [log], (later + timedelta(minutes=1)).isoformat())
    assert "page views counted: 0" in second.output
    assert second.figures["today"] == 0


def test_parse_with_now_rejects_future_lines_and_reads_skew_as_now() -> None:
    now = int(NOW.timestamp())
    ahead = logparse.parse(line(NOW + timedelta(minutes=30)).encode(), now=now)
    assert ahead == logparse.FUTURE_TIMESTAMP
    close = logparse.parse(line(NOW + timedelta(minutes=2)).encode(), now=now)
    assert isinstance(close, logparse.Hit) and close.epoch == now
    past = logparse.parse(line(NOW - timedelta(minutes=2)).encode(), now=now)
    assert isinstance(past, logparse.Hit) and past.epoch == now - 120
    unbounded = logparse.parse(line(NOW + timedelta(days=3)).encode())
    assert isinstance(unbounded, logparse.Hit)


@settings(max_examples=200, deadline=None)
@given(
    now=st.integers(int(datetime(2000, 1, 1, tzinfo=VIETNAM).timestamp()), 4_000_000_000),
    offsets=st.lists(st.integers(-3 * 86400, 10**10), min_size=1, max_size=20),
)
def test_no_day_after_today_ever_gets_a_salt_a_visit_or_a_view(
    now: int, offsets: list[int]
) -> None:
    made: list[int] = []

    def new_salt(day: int) -> bytes:
        made.append(day)
        return day.to_bytes(8, "big", signed=True) * 4

    counter = PageViewCounter({}, set(), new_salt, now)
    lines = [
        line(stamp(datetime.fromtimestamp(now + offset, VIETNAM)), "/", ip=f"192.0.2.{n}")
        for n, offset in enumerate(offsets)
    ]
    counter.feed("".join(lines).encode())
    today = logparse.local_day(now)
    future = sum(1 for offset in offsets if offset > logparse.CLOCK_SKEW)
    assert counter.summary.rejected[logparse.FUTURE_TIMESTAMP] == future
    assert counter.summary.page_views == len(offsets) - future
    assert all(day <= today for day in made)
    assert all(day <= today for day in counter.visits)
    assert all(day <= today for day, _path in counter.page_views)
    assert all(seen[0] <= now for daily in counter.visits.values() for seen in daily.values())
