"""The pre-commit hook definitions run ``bantin check`` on the changed items they are given."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _hooks(name: str) -> list[dict[str, object]]:
    data = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
    if isinstance(data, dict):
        return [hook for repo in data["repos"] for hook in repo["hooks"]]
    assert isinstance(data, list)
    return data


@pytest.mark.parametrize("name", [".pre-commit-config.yaml", ".pre-commit-hooks.yaml"])
def test_hook_selects_news_items_only(name: str) -> None:
    (hook,) = _hooks(name)
    pattern = re.compile(str(hook["files"]))
    assert pattern.search("content/tin-tuc/2018/so-ket.md")
    assert pattern.search("content/tin-tuc/2018/bundle/index.md")
    assert not pattern.search("content/van-ban/312-tb-vp.md")
    assert not pattern.search("README.md")
    assert hook["pass_filenames"] is True


@pytest.mark.parametrize("name", [".pre-commit-config.yaml", ".pre-commit-hooks.yaml"])
def test_hook_entry_runs_bantin_check_on_the_given_files(
    name: str, project: Path, write_item: object
) -> None:
    good = "content/tin-tuc/2018/tot.md"
    bad = "content/tin-tuc/2018/loi.md"
    (project / good).parent.mkdir(parents=True, exist_ok=True)
    (project / good).write_text(
        '---\ntitle: "Tốt"\ndate: 2018-08-03\nauthor: "A"\n---\n\nNội dung.\n', encoding="utf-8"
    )
    (project / bad).write_text(
        '---\ntitle: Thông báo: lỗi\ndate: 2018-08-03\nauthor: "A"\n---\n', encoding="utf-8"
    )
    (hook,) = _hooks(name)
    command = shlex.split(str(hook["entry"]))
    # pre-commit runs the entry from the repository root: ".venv/bin/bantin" or "bantin" on PATH.
    command[0] = str(BIN / Path(command[0]).name)
    assert command[1:] == ["check"]

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *files], cwd=project, capture_output=True, text=True, check=False
        )

    passed = run(good)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = run(good, bad)
    assert failed.returncode == 1
    assert failed.stdout.startswith(f"{bad}:2: title: the value contains")
