"""End to end: the sample portal built from the repository's mkdocs.yml, served by a real
nginx on loopback, visited by several readers and a bot in a real Chromium; `bantin stats`
reads nginx's own access log and the reloaded page shows exactly the expected figures."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from stats.stats_helpers import BIN, GOOGLEBOT, PHONE, REPO

pytestmark = [pytest.mark.nginx, pytest.mark.browser]

DESKTOP = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
ZALO_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 Zalo iOS/600 ZaloTheme/light ZaloLanguage/vi"
)
COCCOC = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "coc_coc_browser/118.0.0 Chrome/112.0.0.0 Safari/537.36"
)
NGINX_CONFIG = """\
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
{user}
events {{ worker_connections 64; }}
http {{
    types {{
        text/html html; text/css css; application/javascript js; application/json json;
        image/png png; image/jpeg jpg; image/svg+xml svg; application/xml xml;
        font/woff2 woff2;
    }}
    default_type application/octet-stream;
    access_log {root}/access.log combined;
    client_body_temp_path {root}/temp/body;
    proxy_temp_path {root}/temp/proxy;
    fastcgi_temp_path {root}/temp/fastcgi;
    uwsgi_temp_path {root}/temp/uwsgi;
    scgi_temp_path {root}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        # As the README advises: the live figures sit outside the release folders.
        location = /thong-ke/truy-cap.json {{
            alias {root}/shared/truy-cap.json;
            add_header Cache-Control "no-cache";
        }}
    }}
}}
"""


@dataclass
class Portal:
    root: Path
    site: Path
    url: str

    @property
    def figures_file(self) -> Path:
        return self.root / "shared" / "truy-cap.json"

    def item_urls(self) -> list[str]:
        pages = sorted((self.site / "tin-tuc").glob("*/*/*/index.html"))
        return [f"/{page.parent.relative_to(self.site).as_posix()}/" for page in pages]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {log.read_text(errors='replace')}")
        try:
            # A missing page: the probe is then a 404 line, never a page view or a bot.
            urllib.request.urlopen(url + "/san-sang/", timeout=1).close()
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    pytest.fail("nginx did not answer on its port")


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is not installed; run scripts/system-packages")
    root = tmp_path_factory.mktemp("nginx")
    site = root / "site"
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    for folder in ("temp", "shared"):
        (root / folder).mkdir()
    port = _free_port()
    config = root / "nginx.conf"
    config.write_text(
        NGINX_CONFIG.format(
            root=root,
            site=site,
            port=port,
            # As root, workers would switch to nobody, who cannot read pytest's private tmp.
            user="user root;" if os.geteuid() == 0 else "",
        )
    )
    process = subprocess.Popen(
        [nginx, "-p", str(root), "-c", str(config), "-e", str(root / "error.log")],
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process, root / "error.log")
        yield Portal(root, site, url)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _visit(browser: Browser, agent: str, url: str, paths: list[str]) -> None:
    context = browser.new_context(user_agent=agent)
    page = context.new_page()
    for path in paths:
        page.goto(url + path, wait_until="load")
    context.close()


def _wait_until_safely_inside_one_vietnamese_day() -> None:
    """The test counts "today": never let the visits straddle midnight in Vietnam (17:00Z)."""
    now = datetime.now(UTC)
    seconds_to_midnight = (17 * 3600 - (now.hour * 3600 + now.minute * 60 + now.second)) % 86400
    if seconds_to_midnight < 120:
        time.sleep(seconds_to_midnight + 2)


def _shown(page: Page) -> dict[str, str]:
    return {
        key: page.locator(f'[data-stat="{key}"]').inner_text()
        for key in ("online", "today", "yesterday", "week", "month", "total")
    }


def test_readers_counted_from_nginx_log_appear_in_the_reloaded_widget(
    portal: Portal, browser: Browser
) -> None:
    _wait_until_safely_inside_one_vietnamese_day()
    first, second = portal.item_urls()[:2]
    _visit(browser, DESKTOP, portal.url, ["/", first])
    _visit(browser, PHONE, portal.url, [first])
    _visit(browser, ZALO_IPHONE, portal.url, ["/", second, "/khong-co-trang-nay/"])
    _visit(browser, GOOGLEBOT, portal.url, ["/", first, second])
    head = urllib.request.Request(portal.url + "/", method="HEAD", headers={"User-Agent": COCCOC})
    urllib.request.urlopen(head, timeout=5).close()

    log = (portal.root / "access.log").read_text(encoding="utf-8")
    assert '.css HTTP/1.1" 200' in log and '.js HTTP/1.1" 200' in log  # assets were fetched
    result = subprocess.run(
        [
            str(BIN / "bantin"),
            "stats",
            str(portal.root / "access.log"),
            "--state",
            str(portal.root / "state.sqlite"),
            "--out",
            str(portal.figures_file),
            "--site",
            str(portal.site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "page views counted: 5" in result.stdout, result.stdout
    assert "3 bots" in result.stdout, result.stdout
    assert "rejected lines: 0" in result.stdout, result.stdout

    context = browser.new_context(user_agent=DESKTOP)
    page = context.new_page()
    built = (portal.site / first.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "data-stat-none>Chưa có số liệu</p>" in built  # built before any log existed
    page.goto(portal.url + first)
    page.reload()
    expect(page.locator('[data-stat="today"]')).to_have_text("3")
    assert _shown(page) == {
        "online": "3",
        "today": "3",
        "yesterday": "—",  # the log starts today: unknown, not zero
        "week": "3",
        "month": "3",
        "total": "3",
    }
    most_read = page.locator("[data-stat-most-read] li")
    expect(most_read).to_have_count(2)
    site_title = page.locator("h1.bantin-item__title").inner_text()
    assert most_read.nth(0).text_content() == f"{site_title} 2 lượt xem"
    assert most_read.nth(0).locator("a").get_attribute("href") == f"../../../..{first}"
    context.close()


def test_invalid_values_show_a_dash_and_numbers_are_vietnamese(
    portal: Portal, browser: Browser
) -> None:
    portal.figures_file.write_text(
        json.dumps(
            {
                "as_of": "2026-11-23T10:15:00+07:00",
                "online": None,
                "today": -5,
                "yesterday": "12",
                "week": 1.5,
                "total": 12345678,
                "most_read": [{"path": "javascript:alert(1)", "title": "<b>x</b>", "views": 1}],
            }
        )
    )
    page = browser.new_page(user_agent=DESKTOP)
    page.goto(portal.url + "/")
    expect(page.locator('[data-stat="total"]')).to_have_text("12.345.678")
    assert _shown(page) == {
        "online": "—",
        "today": "—",
        "yesterday": "—",
        "week": "—",
        "month": "—",
        "total": "12.345.678",
    }
    expect(page.locator("[data-stat-most-read]")).to_be_hidden()
    assert page.locator('[data-stat="as_of"]').inner_text() == "23/11/2026 10:15"
    page.close()


def test_the_widget_refreshes_every_minute_and_keeps_its_numbers_when_a_fetch_fails(
    portal: Portal, browser: Browser
) -> None:
    def publish(total: int) -> None:
        figures = {"as_of": "2026-11-23T10:15:00+07:00", "online": 1, "today": 2}
        portal.figures_file.write_text(json.dumps({**figures, "total": total, "week": 7}))

    publish(100)
    page = browser.new_page(user_agent=DESKTOP)
    page.clock.install()
    page.goto(portal.url + "/")
    expect(page.locator('[data-stat="total"]')).to_have_text("100")

    publish(2500)
    with page.expect_response(lambda response: "truy-cap.json" in response.url):
        page.clock.run_for(61_000)
    expect(page.locator('[data-stat="total"]')).to_have_text("2.500")

    portal.figures_file.unlink()  # the server now answers 404
    with page.expect_response(lambda response: response.status == 404):
        page.clock.run_for(61_000)
    portal.figures_file.write_text("{broken")
    with page.expect_response(lambda response: "truy-cap.json" in response.url):
        page.clock.run_for(61_000)
    page.evaluate("() => new Promise(requestAnimationFrame)")
    assert page.locator('[data-stat="total"]').inner_text() == "2.500"
    assert page.locator('[data-stat="week"]').inner_text() == "7"
    page.close()
