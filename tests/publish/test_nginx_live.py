"""A real nginx serving `current` from the repository's template while releases switch."""

from __future__ import annotations

import gzip
import json
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bantin.publish.service import PublishRequest, publish, rollback

pytestmark = pytest.mark.nginx

CSS = re.compile(r'href="((?:\.\./)*)(assets/main\.[0-9a-f]{8}\.min\.css)"')
RELEASE = re.compile(r'data-release="([^"]+)"')


def text(body: bytes, headers: dict[str, str]) -> str:
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8")


def test_nginx_serves_the_live_release_with_cache_headers_gzip_and_a_404_page(
    tmp_path: Path, build_factory: Callable[..., Path], nginx: Callable[[Path], Any]
) -> None:
    to = tmp_path / "live"
    publish(PublishRequest(build_factory("v1"), to))
    server = nginx(to)

    status, headers, body = server.get("/")
    assert status == 200
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Encoding"] == "gzip"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    css = CSS.search(text(body, headers))
    assert css is not None
    status, headers, _ = server.get("/" + css.group(2))
    assert (status, headers["Cache-Control"]) == (200, "public, max-age=31536000, immutable")
    status, headers, _ = server.get("/p1")
    assert (status, headers["Location"]) == (301, "/p1/")
    status, headers, body = server.get("/khong-co/")
    assert status == 404
    assert "Không tìm thấy" in text(body, headers)
    assert server.get("/.bantin-build.json")[0] == 404
    assert server.get("/.publish.lock")[0] == 404


def test_visitor_statistics_live_outside_releases_and_survive_every_switch(
    tmp_path: Path, build_factory: Callable[..., Path], nginx: Callable[[Path], Any]
) -> None:
    to = tmp_path / "live"
    publish(PublishRequest(build_factory("v1"), to))
    stats = {"as_of": "2026-11-23T10:15:00+07:00", "online": 19, "today": 176, "total": 265067}
    (to / "shared" / "truy-cap.json").write_text(json.dumps(stats), encoding="utf-8")
    server = nginx(to)

    for version in ("v2", "v3"):
        publish(PublishRequest(build_factory(version), to))
    rollback(to)

    status, headers, body = server.get("/thong-ke/truy-cap.json")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=60"
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(text(body, headers)) == stats


def read_page_and_stylesheet(server: Any, page: str, checked: list[str]) -> str:
    """ "" when the page and the stylesheet it names both load and belong to one release."""
    status, headers, body = server.get(page)
    if status != 200:
        return f"{page}: {status}"
    html = text(body, headers)
    release = RELEASE.search(html)
    css = CSS.search(html)
    if release is None or css is None:
        return f"{page}: incomplete page"
    status, headers, body = server.get(page + css.group(1) + css.group(2))
    if status != 200 or f"release {release.group(1)}" not in text(body, headers):
        return f"{page} ({release.group(1)}): stylesheet {status}"
    checked.append(release.group(1))
    return ""


def test_readers_see_no_failed_request_and_consistent_assets_during_publish_and_rollback(
    tmp_path: Path, build_factory: Callable[..., Path], nginx: Callable[[Path], Any]
) -> None:
    to = tmp_path / "live"
    builds = {version: build_factory(version, pages=30) for version in ("r1", "r2", "r3", "r4")}
    publish(PublishRequest(builds["r1"], to))
    server = nginx(to)
    done = threading.Event()
    failures: list[str] = []
    checked: list[str] = []

    def reader() -> None:
        number = 0
        # Bounded: stops when the publisher is done, or after 20,000 page+asset pairs.
        while not done.is_set() and number < 20_000:
            page = "/" if number % 30 == 0 else f"/p{number % 30}/"
            number += 1
            try:
                problem = read_page_and_stylesheet(server, page, checked)
            except OSError as error:  # a refused or reset connection is a failed request too
                problem = f"{page}: {error!r}"
            if problem:
                failures.append(problem)

    def after_some_reads() -> None:
        # Synchronisation, not timing: each switch waits until the reader has checked a few
        # more pages, so requests really run between (and during) the switches.
        target = len(checked) + len(failures) + 5
        for _ in range(6000):
            if len(checked) + len(failures) >= target or not thread.is_alive():
                return
            time.sleep(0.005)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for version in ("r2", "r3", "r4"):
            after_some_reads()
            publish(PublishRequest(builds[version], to))
        after_some_reads()
        rollback(to)
        rollback(to)
        after_some_reads()
        publish(PublishRequest(builds["r4"], to))
        after_some_reads()
    finally:
        done.set()
        thread.join(timeout=60)

    assert failures == []
    # The reader saw several releases go by: its requests really overlapped the switches.
    assert len(set(checked)) >= 2, f"{len(checked)} checks, all of {set(checked)}"
    assert 'data-release="r4"' in text(*reversed(server.get("/")[1:]))
