"""Two builds of the same commit, in two fresh clones, are byte-identical (`diff -r`)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sitekit import BIN, REPO


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def build(clone: Path, **environment: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q"],
        cwd=clone,
        capture_output=True,
        text=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1", **environment},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def clones(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("clones")
    first, second = root / "mot", root / "hai-o-cho-khac"
    for clone in (first, second):
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    # The first relies on the guard plugin taking the date of the last commit; the second is
    # given it explicitly, as CI does, in another time zone and locale.
    build(first, TZ="Asia/Ho_Chi_Minh", LANG="vi_VN.UTF-8")
    build(
        second,
        SOURCE_DATE_EPOCH=git(second, "log", "-1", "--format=%ct"),
        TZ="America/Los_Angeles",
        LANG="C.UTF-8",
    )
    return first, second


def test_two_clones_of_head_build_byte_identical_sites(clones: tuple[Path, Path]) -> None:
    first, second = clones
    result = subprocess.run(
        ["diff", "-r", str(first / "site"), str(second / "site")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[:3000]
    names = {path.name for path in (first / "site").rglob("*")}
    assert {"sitemap.xml", "sitemap.xml.gz", ".bantin-build.json"} <= names


def test_the_build_writes_nothing_into_the_source_tree(clones: tuple[Path, Path]) -> None:
    for clone in clones:
        assert git(clone, "status", "--porcelain") == ""


def test_the_manifest_records_the_commit_and_its_date(clones: tuple[Path, Path]) -> None:
    first, _ = clones
    text = (first / "site" / ".bantin-build.json").read_text(encoding="utf-8")
    assert f'"commit": "{git(first, "rev-parse", "HEAD")}"' in text
    assert f'"source_date_epoch": {git(first, "log", "-1", "--format=%ct")}' in text
