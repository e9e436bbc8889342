"""Table tests for the pure parts: timestamps, request lines, page paths, bot detection."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from bantin.stats import logparse
from bantin.stats.bots import BotFilter
from bantin.stats.logparse import Hit, TimestampCache, local_day, page_path, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"23/Nov/2026:10:15:00 +0700", "2026-11-23T03:15:00"),
        (b"22/Nov/2026:16:59:59 +0000", "2026-11-22T16:59:59"),
        (b"01/jan/2024:00:00:00 -0500", "2024-01-01T05:00:00"),
        (b"29/Feb/2024:23:59:59 +0700", "2024-02-29T16:59:59"),
    ],
)
def test_timestamps_become_unix_seconds(text: bytes, expected: str) -> None:
    moment = datetime.fromisoformat(expected).replace(tzinfo=UTC)
    assert TimestampCache().epoch(text) == int(moment.timestamp())
    assert logparse.parse_timestamp(text) == int(moment.timestamp())


@pytest.mark.parametrize(
    "text",
    [
        b"32/Nov/2026:10:15:00 +0700",
        b"29/Feb/2023:10:15:00 +0700",
        b"23/Foo/2026:10:15:00 +0700",
        b"23/Nov/2026:24:15:00 +0700",
        b"23/Nov/2026:10:15:61 +0700",
        b"23/Nov/2026:10:15:00",
        b"23/Nov/2026:10:15:00 +9999",
        b"2026-11-23T10:15:00+07:00",
        b"",
    ],
)
def test_impossible_timestamps_are_rejected(text: bytes) -> None:
    assert TimestampCache().epoch(text) is None


def test_vietnamese_days_follow_asia_ho_chi_minh() -> None:
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    epoch_day = datetime(1970, 1, 1).date()
    for epoch in range(1_600_000_000, 1_900_000_000, 7_777_777):
        for shift in (0, 3599, 61_199, 61_200):
            moment = epoch - epoch % 86400 + shift
            local = datetime.fromtimestamp(moment, zone).date()
            assert local_day(moment) == (local - epoch_day).days


@pytest.mark.parametrize(
    ("request_line", "reason"),
    [
        (b"", logparse.EMPTY_REQUEST),
        (b"-", logparse.EMPTY_REQUEST),
        (b"\\x16\\x03\\x01\\x00\\xF4\\x01\\x00", logparse.TLS_GARBAGE),
        (b"\x16\x03\x01 junk", logparse.TLS_GARBAGE),
        (b"GET /tin-tuc/2018/08/so-k", logparse.TRUNCATED_REQUEST),
        (b"GET", logparse.TRUNCATED_REQUEST),
        (b"GET / HTTP/1.1 extra", logparse.BAD_REQUEST),
        (b"get / HTTP/1.1", logparse.BAD_REQUEST),
        (b"GET / HTTP/1.1", None),
        (b"PROPFIND /x HTTP/1.0", None),
    ],
)
def test_request_lines_are_classified(request_line: bytes, reason: str | None) -> None:
    assert logparse.request_problem(request_line) == reason


@pytest.mark.parametrize(
    ("target", "path"),
    [
        (b"/", "/"),
        (b"/tin-tuc/2018/08/so-ket/", "/tin-tuc/2018/08/so-ket/"),
        (b"/tin-tuc/2018/08/so-ket/index.html", "/tin-tuc/2018/08/so-ket/"),
        (b"/tin-tuc/?utm_source=zalo&x=1", "/tin-tuc/"),
        (b"/tin-tuc/#binh-luan", "/tin-tuc/"),
        (b"/404.html", "/404.html"),
        (b"/assets/stylesheets/main.css", None),
        (b"/tin-tuc/2018/08/so-ket/anh.jpg", None),
        (b"/feed.xml", None),
        (b"/search/search_index.json", None),
        (b"/pagefind/pagefind.js", None),
        (b"/tin-tuc", None),
        (b"http://evil.example/", None),
        (b"/a/../etc/passwd/", None),
        (b"/\\x22><script>/", None),
        (b"/" + b"a" * 600 + b"/", None),
    ],
)
def test_only_html_pages_have_a_page_path(target: bytes, path: str | None) -> None:
    assert page_path(target) == path


def test_a_combined_line_parses_to_a_hit() -> None:
    hit = parse(
        b'203.0.113.5 - - [23/Nov/2026:10:15:00 +0700] "GET /tin-tuc/ HTTP/2.0" 200 512 '
        b'"https://www.google.com/" "Mozilla/5.0 \\"quoted\\" agent"\r\n'
    )
    assert hit == Hit(
        address=b"203.0.113.5",
        epoch=int(datetime(2026, 11, 23, 3, 15, tzinfo=UTC).timestamp()),
        method=b"GET",
        target=b"/tin-tuc/",
        status=200,
        user_agent=b'Mozilla/5.0 \\"quoted\\" agent',
    )


@pytest.mark.parametrize(
    ("agent", "bot"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", True),
        ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", True),
        ("Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)", True),
        (
            "Mozilla/5.0 (compatible; coccocbot-image/1.0; +http://help.coccoc.com/searchengine)",
            True,
        ),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", True),
        (
            "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
            True,
        ),
        ("Zalo/1.0 (+https://zalo.me)", True),
        ("zalo-link-preview/1.0", True),
        ("Mozilla/5.0 (compatible; Zalo; +https://zalo.me)", True),
        ("python-requests/2.31.0", True),
        ("curl/8.5.0", True),
        ("-", True),
        ("", True),
        (
            "Mozilla/5.0 (Linux; Android 12; V2027) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/118.0.0.0 Mobile Safari/537.36 Zalo android/12100633 ZaloTheme/light "
            "ZaloLanguage/vi",
            False,
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Mobile/15E148 Zalo iOS/600",
            False,
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "coc_coc_browser/117.0.0 Chrome/111.0.0.0 Safari/537.36",
            False,
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/120.0.0.0 Safari/537.36",
            False,
        ),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", False),
    ],
)
def test_crawlers_are_told_from_readers(agent: str, bot: bool) -> None:
    assert BotFilter().is_bot(agent.encode()) is bot
