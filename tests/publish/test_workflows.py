"""The GitHub workflows pass actionlint and keep the promises the README makes about them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from sitekit import BIN, REPO

WORKFLOWS = REPO / ".github" / "workflows"


def test_workflows_pass_actionlint() -> None:
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    assert len(files) == 3
    result = subprocess.run(
        [str(BIN / "actionlint"), "-no-color", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def load(name: str) -> dict[str, object]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(job: object) -> list[str]:
    assert isinstance(job, dict)
    return [str(step.get("run") or step.get("uses")) for step in job["steps"]]


def test_pull_requests_check_content_test_and_build_strictly() -> None:
    workflow = load("pull-request.yml")
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    commands = steps(jobs["check"])
    assert ".venv/bin/bantin check --format github" in commands
    assert ".venv/bin/mkdocs build --strict" in commands
    # The developer suite runs only when something outside content/ changed.
    assert "scripts/test" in steps(jobs["tests"])
    assert jobs["tests"]["if"] == "needs.check.outputs.code == 'true'"  # type: ignore[index]
    assert 'scripts/ci-changes "$BASE" >> "$GITHUB_OUTPUT"' in commands


def test_main_builds_once_and_deploys_that_same_artifact_one_run_at_a_time() -> None:
    workflow = load("publish.yml")
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    build, deploy = steps(jobs["build"]), steps(jobs["deploy"])
    assert sum("mkdocs build" in command for command in build + deploy) == 1
    assert any(command.startswith("actions/upload-pages-artifact@") for command in build)
    assert [command.split("@")[0] for command in deploy] == ["actions/deploy-pages"]
    assert jobs["deploy"]["needs"] == "build"  # type: ignore[index]
    assert workflow["concurrency"] == {"group": "publish-pages", "cancel-in-progress": False}


def test_the_audit_runs_weekly_and_on_demand_not_in_the_pull_request_tests() -> None:
    workflow = load("audit.yml")
    triggers = workflow.get("on") or workflow.get(True)  # YAML 1.1 reads a bare `on` as true
    assert isinstance(triggers, dict)
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    assert "scripts/audit" in steps(jobs["audit"])
    for name in ("pull-request.yml", "publish.yml"):
        assert not any(
            "audit" in command for job in load(name)["jobs"].values() for command in steps(job)
        )  # type: ignore[union-attr]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["content/tin-tuc/2020/a.md", "content/tin-tuc/2020/b/anh.jpg"], "code=false"),
        (["content/tin-tuc/2020/a.md", "theme/main.html"], "code=true"),
        (["mkdocs.yml"], "code=true"),
        (["plugins/bantin/x.py"], "code=true"),
    ],
)
def test_content_only_pull_requests_skip_the_developer_tests(
    tmp_path: Path, changed: list[str], expected: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / "README.md").write_text("x\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    for name in changed:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("y\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "change")
    result = subprocess.run(
        [str(REPO / "scripts" / "ci-changes"), base],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected
