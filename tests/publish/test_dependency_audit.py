"""Known vulnerabilities in the pinned dependencies (requirements/lock.txt) fail the suite.

pip-audit asks PyPI's JSON API for each exact version. Where that answer is missing (some
mirrors serve only the project document), the project document's ``vulnerabilities`` list
is used, which covers the project's latest release, so it counts only for pins at that
release. A pin that neither source can vouch for fails the test with the reason: an audit
that cannot reach its data must never pass silently.
"""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sitekit import BIN, REPO

LOCK = REPO / "requirements" / "lock.txt"
PROJECT_JSON = "https://pypi.org/pypi/{name}/json"


def project_vulnerabilities(
    name: str, version: str, address: str = PROJECT_JSON
) -> tuple[list[str], str]:
    """(vulnerability ids, reason it could not be audited) from the project document."""
    try:
        with urllib.request.urlopen(address.format(name=name), timeout=30) as response:
            data = json.load(response)
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        return [], f"PyPI's JSON API did not answer ({error})"
    latest = str(data.get("info", {}).get("version", ""))
    if latest != version:
        return [], f"per-version data unavailable and the pin is not the latest ({latest})"
    found = [
        f"{entry.get('id')} (fixed in {', '.join(entry.get('fixed_in') or []) or 'no release'})"
        for entry in data.get("vulnerabilities") or []
    ]
    return found, ""


def test_pinned_dependencies_have_no_known_vulnerabilities(tmp_path: Path) -> None:
    report = tmp_path / "audit.json"
    result = subprocess.run(
        [
            str(BIN / "pip-audit"),
            "--requirement",
            str(LOCK),
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--output",
            str(report),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if not report.is_file():
        pytest.fail(
            "pip-audit could not run, so the dependencies were NOT audited:\n" + result.stderr
        )
    dependencies = json.loads(report.read_text(encoding="utf-8"))["dependencies"]
    vulnerable = [
        f"{d['name']}=={d['version']}: {vuln['id']} (fixed in {', '.join(vuln['fix_versions'])})"
        for d in dependencies
        for vuln in d.get("vulns", [])
    ]
    skipped = [(d["name"], d["skip_reason"]) for d in dependencies if "skip_reason" in d]
    pins = dict(
        line.strip().split("==", 1) for line in LOCK.read_text().splitlines() if "==" in line
    )
    versions = {name.lower().replace("_", "-").replace(".", "-"): v for name, v in pins.items()}
    unaudited = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = pool.map(
            lambda entry: (entry[0], project_vulnerabilities(entry[0], versions[entry[0]])),
            skipped,
        )
        for name, (found, reason) in answers:
            vulnerable += [f"{name}=={versions[name]}: {vuln}" for vuln in found]
            if reason:
                unaudited.append(f"{name}=={versions[name]}: {reason}")

    assert not vulnerable, (
        "known vulnerabilities; upgrade these pins in requirements/lock.txt:\n"
        + "\n".join(vulnerable)
    )
    assert not unaudited, (
        "these pins could NOT be audited (the vulnerability data was unreachable), so the "
        "audit fails instead of passing silently; scripts/upgrade-pins moves pins that are "
        "not the latest:\n" + "\n".join(unaudited)
    )
    assert len(dependencies) == len(pins)


def test_an_unreachable_vulnerability_service_is_a_reason_not_a_pass() -> None:
    # Port 9 (discard) on loopback: nothing answers, as when CI has no network.
    found, reason = project_vulnerabilities("nh3", "0.3.8", "http://127.0.0.1:9/{name}/json")
    assert found == []
    assert reason.startswith("PyPI's JSON API did not answer (")
