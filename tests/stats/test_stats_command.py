"""`bantin stats` on log fixtures: what counts, what is rejected, days, weeks, increments."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from stats.stats_helpers import CHROME, GOOGLEBOT, PHONE, counts, line, run_stats, utc

# Monday 23/11/2026, 10:00 in Vietnam.
MONDAY_MORNING = "2026-11-23T10:00:00+07:00"
MONDAY = utc("2026-11-23 02:00:00")


def write(path: Path, *lines: str) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def append(path: Path, *lines: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(lines))


def test_every_rejected_line_is_counted_by_reason_and_none_is_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "access.log"
    log.write_bytes(
        b"".join(
            [
                line(MONDAY, "/x" * 5000).encode(),  # over 8 KiB
                b"this is not an access log line\n",
                line("32/Nov/2026:10:00:00 +0700").encode(),
                line("23/Foo/2026:10:00:00 +0700").encode(),
                line(
                    MONDAY, request="\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03"
                ).encode(),
                line(MONDAY, request="").encode(),
                line(MONDAY, request="GET /tin-tuc/2018/08/so-k").encode(),
                line(MONDAY, request="get / HTTP/1.1").encode(),
                b'203.0.113.9 - - [23/Nov/2026:10:00:00 +0700] "GET / HTTP/1.1" 200 5 "-" "\xff\xfe"\n',
                b"\x00\x01\x02 binary junk \xc3\x28\n",
                line(MONDAY, "/").encode(),
            ]
        )
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert run.code == 0
    assert "rejected lines: 9" in run.output
    for reason, number in [
        ("line over 8 KiB", 1),
        ("not in combined format", 2),
        ("bad timestamp", 2),
        ("TLS or binary garbage", 1),
        ("empty request", 1),
        ("truncated request", 1),
        ("bad request line", 1),
    ]:
        assert f"    {reason}: {number}\n" in run.output
    # The line with a non-UTF-8 agent is a real page view by a (strange) browser.
    assert run.figures["today"] == 2


def test_only_successful_get_requests_of_html_pages_by_people_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(MONDAY, "/assets/stylesheets/main.css", ip="198.51.100.1"),
        line(MONDAY, "/assets/javascripts/bantin-stats.js", ip="198.51.100.2"),
        line(MONDAY, "/tin-tuc/2018/08/so-ket/anh.jpg", ip="198.51.100.3"),
        line(MONDAY, "/feed.xml", ip="198.51.100.4"),
        line(MONDAY, "/search/search_index.json", ip="198.51.100.5"),
        line(MONDAY, "/thong-ke/truy-cap.json", ip="198.51.100.6"),
        line(MONDAY, "/", ip="198.51.100.7", method="HEAD"),
        line(MONDAY, "/", ip="198.51.100.8", method="POST"),
        line(MONDAY, "/", ip="198.51.100.9", status=304),
        line(MONDAY, "/tin-tuc/", ip="198.51.100.10", status=301),
        line(MONDAY, "/khong-co/", ip="198.51.100.11", status=404),
        line(MONDAY, "/", ip="198.51.100.12", status=500),
        line(MONDAY, "/", ip="66.249.66.1", agent=GOOGLEBOT),
        line(MONDAY, "/", ip="198.51.100.13", agent="-"),
        line(MONDAY, "/tin-tuc/?utm_source=zalo", ip="192.0.2.1"),
        line(MONDAY, "/tin-tuc/2018/08/so-ket/index.html", ip="192.0.2.2"),
        line(MONDAY, "/lien-he.html", ip="192.0.2.3"),
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert run.code == 0
    assert run.figures["today"] == 3
    assert "page views counted: 3" in run.output
    assert (
        "not page views: 2 not GET, 4 not a 2xx answer, 6 assets, feeds and other files, 2 bots"
        in run.output
    ), run.output


def test_a_visitor_is_one_address_and_user_agent_per_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(MONDAY, "/", ip="192.0.2.1", agent=CHROME),
        line(MONDAY + timedelta(minutes=1), "/tin-tuc/", ip="192.0.2.1", agent=CHROME),
        line(MONDAY, "/", ip="192.0.2.1", agent=PHONE),  # same address, another device
        line(MONDAY, "/", ip="192.0.2.2", agent=CHROME),
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert run.figures["today"] == 3
    assert "page views counted: 4" in run.output


def test_a_sunday_at_16_59_59_utc_and_17_00_00_utc_are_different_days_and_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 22/11/2026 is a Sunday: 16:59:59Z is 23:59:59 Sunday in Vietnam, 17:00:00Z is Monday.
    log = write(
        tmp_path / "access.log",
        line(utc("2026-11-22 16:59:59"), "/"),
        line(utc("2026-11-22 17:00:00"), "/"),
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert counts(run.figures) == {
        "online": 0,
        "today": 1,
        "yesterday": 1,
        "week": 1,  # Monday only: Sunday belongs to the ISO week before
        "month": 2,
        "total": 2,
    }


def test_on_sunday_night_the_week_still_holds_monday_to_sunday(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(utc("2026-11-15 17:00:00"), "/", ip="192.0.2.1"),  # Monday 16/11 00:00
        line(utc("2026-11-18 05:00:00"), "/", ip="192.0.2.2"),
        line(utc("2026-11-22 16:59:59"), "/", ip="192.0.2.3"),  # Sunday 22/11 23:59:59
        line(utc("2026-11-15 16:59:59"), "/", ip="192.0.2.4"),  # Sunday before: last week
    )
    run = run_stats(capsys, tmp_path, [log], "2026-11-22T16:59:59+00:00")
    assert counts(run.figures) == {
        "online": 1,
        "today": 1,
        "yesterday": 0,
        "week": 3,
        "month": 4,
        "total": 4,
    }


def test_week_month_and_total_add_up_daily_visitors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(utc("2026-11-23 02:00:00"), "/"),  # Monday
        line(utc("2026-11-24 02:00:00"), "/"),  # Tuesday, same reader
        line(utc("2026-10-31 02:00:00"), "/"),  # last month
    )
    run = run_stats(capsys, tmp_path, [log], "2026-11-24T12:00:00+07:00")
    assert counts(run.figures) == {
        "online": 0,
        "today": 1,
        "yesterday": 1,
        "week": 2,
        "month": 2,
        "total": 3,
    }


def test_online_means_distinct_visitors_of_the_last_five_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(MONDAY - timedelta(seconds=301), "/", ip="192.0.2.1"),
        line(MONDAY - timedelta(seconds=299), "/", ip="192.0.2.2"),
        line(MONDAY, "/", ip="192.0.2.3"),
        line(MONDAY, "/tin-tuc/", ip="192.0.2.3"),
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY.isoformat())
    assert run.figures["online"] == 2
    assert run.figures["today"] == 3


def test_yesterday_is_unknown_rather_than_zero_when_the_logs_start_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/"))
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert run.figures["yesterday"] is None
    assert "yesterday -" in run.output


def test_lines_out_of_order_count_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        line(utc("2026-11-22 10:00:00") + timedelta(hours=5 * n), "/", ip=f"192.0.2.{n % 7}")
        for n in range(12)
    ]
    ordered = write(tmp_path / "a" / "access.log", *lines) if _mkdir(tmp_path / "a") else None
    shuffled = (
        write(tmp_path / "b" / "access.log", *lines[::-1]) if _mkdir(tmp_path / "b") else None
    )
    assert ordered is not None and shuffled is not None
    first = run_stats(capsys, tmp_path / "a", [ordered], "2026-11-24T23:00:00+07:00")
    second = run_stats(capsys, tmp_path / "b", [shuffled], "2026-11-24T23:00:00+07:00")
    assert counts(first.figures) == counts(second.figures)
    assert first.figures["total"] == 11  # 2 + 5 + 4 daily visitors; 25/11 is after --now


def _mkdir(path: Path) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return True


def test_a_second_run_over_the_same_logs_counts_nothing_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/", ip="192.0.2.1"))
    first = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    again = run_stats(capsys, tmp_path, [log, log], MONDAY_MORNING)
    assert again.figures == first.figures
    assert "0 new lines" in again.output
    assert "page views counted: 0" in again.output
    append(log, line(MONDAY, "/tin-tuc/", ip="192.0.2.2"))
    third = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert "1 new lines" in third.output
    assert third.figures["today"] == 2


def test_a_line_still_being_written_is_read_once_it_is_complete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    complete = line(MONDAY, "/", ip="192.0.2.1")
    partial = line(MONDAY, "/tin-tuc/", ip="192.0.2.2")
    log = write(tmp_path / "access.log", complete, partial[:30])
    first = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert first.figures["today"] == 1
    append(log, partial[30:])
    second = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert second.figures["today"] == 2
    assert "rejected lines: 0" in second.output


def test_rotation_by_rename_then_gzip_continues_where_the_last_run_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/", ip="192.0.2.1"))
    run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    # nginx keeps writing to the renamed file until it reopens its logs.
    append(log, line(MONDAY, "/", ip="192.0.2.2"))
    rotated = log.rename(tmp_path / "access.log.1")
    write(log, line(MONDAY, "/", ip="192.0.2.3"))
    second = run_stats(capsys, tmp_path, [log, rotated], MONDAY_MORNING)
    assert second.figures["today"] == 3
    assert "2 new lines" in second.output
    # logrotate compresses the old file later: same content, nothing new.
    with rotated.open("rb") as source, gzip.open(tmp_path / "access.log.2.gz", "wb") as target:
        shutil.copyfileobj(source, target)
    rotated.unlink()
    third = run_stats(capsys, tmp_path, [log, tmp_path / "access.log.2.gz"], MONDAY_MORNING)
    assert third.figures["today"] == 3
    assert "0 new lines" in third.output


def test_copytruncate_rotation_counts_every_line_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/", ip="192.0.2.1"))
    run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    append(log, line(MONDAY, "/", ip="192.0.2.2"))
    shutil.copyfile(log, tmp_path / "access.log.1")
    with log.open("r+b") as handle:
        handle.truncate(0)
    append(log, line(MONDAY, "/", ip="192.0.2.3"))
    second = run_stats(capsys, tmp_path, [log, tmp_path / "access.log.1"], MONDAY_MORNING)
    assert second.figures["today"] == 3
    assert "2 new lines" in second.output


def test_a_cut_gzip_is_counted_up_to_the_cut_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [line(MONDAY, "/", ip=f"10.0.{n // 250}.{n % 250}") for n in range(3000)]
    whole = gzip.compress("".join(lines).encode(), mtime=0)
    cut = whole[: len(whole) // 2]
    (tmp_path / "access.log.3.gz").write_bytes(cut)
    decoded = zlib.decompressobj(wbits=31).decompress(cut)
    complete_lines = decoded.count(b"\n")
    assert 0 < complete_lines < 3000
    run = run_stats(capsys, tmp_path, [tmp_path / "access.log.3.gz"], MONDAY_MORNING)
    assert run.code == 0
    assert run.figures["today"] == complete_lines
    assert "access.log.3.gz: gzip file is cut short; counted up to the cut" in run.output
    assert "rejected lines: 0" in run.output


def test_a_day_is_closed_with_its_salt_and_no_address_or_agent_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(utc("2026-11-22 05:00:00"), "/", ip="192.0.2.77"),
        line(MONDAY, "/", ip="192.0.2.77"),
    )
    run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    database = sqlite3.connect(tmp_path / "state.sqlite")
    sunday, monday = 20779, 20780  # days since 1970-01-01
    assert [row[0] for row in database.execute("SELECT day FROM salts")] == [monday]
    assert {row[0] for row in database.execute("SELECT day FROM visitors")} == {monday}
    assert list(database.execute("SELECT day, visitors, closed FROM days ORDER BY day")) == [
        (sunday, 1, 1),
        (monday, 1, 0),
    ]
    database.close()
    assert (tmp_path / "state.sqlite").stat().st_mode & 0o777 == 0o600
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("state.sqlite*"))
    for secret in (b"192.0.2.77", b"Chrome/120", "192.0.2.77".encode("utf-16-le")):
        assert secret not in stored


def test_lines_for_a_closed_day_are_not_counted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sunday = utc("2026-11-22 05:00:00")
    first_log = write(tmp_path / "access.log", line(sunday, "/", ip="192.0.2.1"))
    first = run_stats(capsys, tmp_path, [first_log], MONDAY_MORNING)
    late = write(tmp_path / "other.log", line(sunday, "/", ip="192.0.2.9"))
    second = run_stats(capsys, tmp_path, [late], MONDAY_MORNING)
    assert second.figures["total"] == first.figures["total"] == 1
    assert "1 for days already closed" in second.output


def test_no_string_from_a_log_line_reaches_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path, {"/tin-tuc/2026/11/that/": "Tin thật"})
    log = write(
        tmp_path / "access.log",
        line(MONDAY, "/", agent="<script>alert(1)</script>"),
        line(MONDAY, '/tin-tuc/"><img src=x onerror=alert(1)>/', ip="192.0.2.2"),
        line(MONDAY, "/tin-tuc/\\x22><img src=x onerror=alert(3)>/", ip="192.0.2.5"),
        line(MONDAY, "/tin-tuc/<script>alert(2)</script>/", ip="192.0.2.3"),
        line(MONDAY, "/tin-tuc/2026/11/that/", ip="192.0.2.4", agent="Mozilla/5.0 <svg onload=x>"),
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING, "--site", str(site))
    text = (tmp_path / "public" / "truy-cap.json").read_text(encoding="utf-8")
    for dangerous in ("<", ">", "script", "onerror", "onload", "alert"):
        assert dangerous not in text
    assert run.figures["most_read"] == [
        {"path": "/tin-tuc/2026/11/that/", "title": "Tin thật", "views": 1}
    ]
    # The raw quote breaks the line (rejected); nginx's escaped form is no page path.
    assert "not in combined format: 1" in run.output
    assert run.figures["today"] == 3


def test_most_read_lists_only_real_items_of_the_site_with_the_site_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(
        tmp_path,
        {
            "/tin-tuc/2026/11/mot/": "Tin một",
            "/tin-tuc/2026/11/hai/": "Tin hai & <b>ba</b>",
            "/tin-tuc/2026/10/cu/": "Tin cũ",
        },
    )
    (site / "index.html").write_text("<html><head><title>Trang chủ</title></head></html>")
    log = write(
        tmp_path / "access.log",
        *[line(MONDAY, "/tin-tuc/2026/11/hai/", ip=f"192.0.2.{n}") for n in range(3)],
        *[line(MONDAY, "/tin-tuc/2026/11/mot/", ip=f"192.0.2.{n}") for n in range(2)],
        line(MONDAY, "/tin-tuc/2026/11/mot/index.html?utm_source=zalo", ip="192.0.2.9"),
        *[line(MONDAY, "/", ip=f"192.0.2.{n}") for n in range(5)],  # the home page is no item
        line(MONDAY, "/tin-tuc/2026/11/da-xoa/", ip="192.0.2.1"),  # not in the site
        line(utc("2026-11-20 05:00:00"), "/tin-tuc/2026/10/cu/"),  # last week
    )
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING, "--site", str(site))
    assert run.figures["most_read"] == [
        {"path": "/tin-tuc/2026/11/hai/", "title": "Tin hai & <b>ba</b>", "views": 3},
        {"path": "/tin-tuc/2026/11/mot/", "title": "Tin một", "views": 3},
    ]


def _site(root: Path, items: dict[str, str]) -> Path:
    from html import escape

    site = root / "site"
    for path, title in items.items():
        page = site / path.strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f'<html><head><meta name="bantin:item-title" content="{escape(title)}"></head></html>',
            encoding="utf-8",
        )
    return site


def test_the_json_is_replaced_atomically_and_readable_by_the_web_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/"))
    run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    out = tmp_path / "public" / "truy-cap.json"
    inode = out.stat().st_ino
    append(log, line(MONDAY, "/", ip="192.0.2.200"))
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert run.figures["today"] == 2
    assert out.stat().st_ino != inode  # a new file renamed over the old one
    assert out.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in out.parent.iterdir()) == ["truy-cap.json"]
    assert list(run.figures) == sorted(run.figures)
    assert run.figures["as_of"] == "2026-11-23T10:00:00+07:00"


def test_a_missing_log_is_reported_while_the_others_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/"))
    run = run_stats(capsys, tmp_path, [tmp_path / "khong-co.log", log], MONDAY_MORNING)
    assert run.code == 1
    assert "khong-co.log: cannot be read (No such file or directory)" in run.output
    assert run.figures["today"] == 1


def test_a_bad_now_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write(tmp_path / "access.log", line(MONDAY, "/"))
    run = run_stats(capsys, tmp_path, [log], "hôm qua")
    assert run.code == 2
    assert '--now: "hôm qua" is not an ISO 8601 time' in run.errors
    assert not (tmp_path / "state.sqlite").exists()


def test_log_patterns_are_expanded_and_a_pattern_matching_nothing_is_no_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "access.log", line(MONDAY, "/", ip="192.0.2.1"))
    write(tmp_path / "access.log.1", line(MONDAY, "/", ip="192.0.2.2"))
    run = run_stats(
        capsys,
        tmp_path,
        [tmp_path / "access.log*", tmp_path / "access.log.*.gz"],
        MONDAY_MORNING,
    )
    assert run.code == 0, run.output
    assert "2 logs (0 unchanged)" in run.output
    assert run.figures["today"] == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all, just text" * 100, "is not a usable bantin state file"),
    ],
)
def test_a_damaged_state_file_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    (tmp_path / "state.sqlite").write_bytes(content)
    log = write(tmp_path / "access.log", line(MONDAY, "/"))
    run = run_stats(capsys, tmp_path, [log], MONDAY_MORNING)
    assert run.code == 1
    assert f"{tmp_path / 'state.sqlite'}: state: {message}" in run.errors
    assert "Traceback" not in run.errors
    assert not (tmp_path / "public" / "truy-cap.json").exists()


def test_just_after_midnight_online_still_counts_the_readers_of_the_last_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(
        tmp_path / "access.log",
        line(utc("2026-11-22 16:58:30"), "/", ip="192.0.2.1"),  # Sunday 23:58:30
        line(utc("2026-11-22 17:00:30"), "/", ip="192.0.2.2"),  # Monday 00:00:30
    )
    run = run_stats(capsys, tmp_path, [log], "2026-11-22T17:01:00+00:00")
    assert counts(run.figures) == {
        "online": 2,
        "today": 1,
        "yesterday": 1,
        "week": 1,
        "month": 2,
        "total": 2,
    }
    again = run_stats(capsys, tmp_path, [log], "2026-11-22T17:02:00+00:00")
    assert again.figures["online"] == 1  # yesterday's hashes are gone with their salt
    assert again.figures["yesterday"] == 1
