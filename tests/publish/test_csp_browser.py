"""The sample portal behind the real nginx template: Chromium blocks nothing on any page."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bantin.publish.service import PublishRequest, publish
from playwright.sync_api import Browser
from sitekit import BIN, REPO

pytestmark = [pytest.mark.nginx, pytest.mark.browser]

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# Recorded before any page script runs, so every violation of the page is seen.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sample") / "site"
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page_paths(site: Path) -> list[str]:
    """One page per section and distinct policy: together they cover every inline script."""
    chosen: dict[tuple[str, str], str] = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            continue  # reached through a missing address, see the test below
        html = path.read_text(encoding="utf-8")
        policy = POLICY.search(html)
        assert policy, f"{relative} has no Content-Security-Policy"
        section = relative.split("/", 1)[0] if "/" in relative else relative
        url = "/" + relative.removesuffix("index.html")
        chosen.setdefault((section, policy.group(1)), url)
    return sorted(chosen.values())


def visit(browser: Browser, url: str) -> list[str]:
    """Everything Chromium blocked or complained about while loading ``url``."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.add_init_script(WATCH_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "requestfailed",
        lambda request: problems.append(f"request failed: {request.url} {request.failure}"),
    )
    page.goto(url, wait_until="networkidle")
    problems += [f"CSP: {entry}" for entry in page.evaluate("window.__violations")]
    context.close()
    return problems


def test_no_request_or_script_is_blocked_on_any_page_of_the_sample(
    tmp_path: Path,
    sample_build: Path,
    browser: Browser,
    nginx: Callable[[Path], Any],
) -> None:
    live = tmp_path / "live"
    publish(PublishRequest(sample_build, live))
    stats = {
        "as_of": "2026-11-23T10:15:00+07:00",
        "online": 1,
        "today": 2,
        "week": 3,
        "month": 4,
        "total": 5,
    }
    (live / "shared" / "truy-cap.json").write_text(json.dumps(stats), encoding="utf-8")
    server = nginx(live)
    paths = page_paths(sample_build)
    assert len(paths) >= 8

    found = {path: visit(browser, server.base + path) for path in paths}

    assert {path: problems for path, problems in found.items() if problems} == {}


def test_the_not_found_page_loads_without_blocked_requests(
    tmp_path: Path, sample_build: Path, browser: Browser, nginx: Callable[[Path], Any]
) -> None:
    live = tmp_path / "live"
    publish(PublishRequest(sample_build, live))
    server = nginx(live)

    problems = visit(browser, server.base + "/khong-co-trang-nay/")

    # The document itself answers 404 on purpose; nothing else may fail.
    assert [p for p in problems if "status of 404" not in p] == []


def test_an_inline_script_not_in_the_build_is_blocked(
    tmp_path: Path, sample_build: Path, browser: Browser, nginx: Callable[[Path], Any]
) -> None:
    """The control: the policy is really enforced, so the test above proves something."""
    live = tmp_path / "live"
    publish(PublishRequest(sample_build, live))
    index = live / "current" / "index.html"
    html = index.read_text(encoding="utf-8")
    index.write_text(html.replace("</body>", "<script>document.title='x'</script></body>"))
    server = nginx(live)

    problems = visit(browser, server.base + "/")

    assert any(problem.startswith("CSP: script-src") for problem in problems), problems
