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


# Runs `mkdocs build` with the wall clock moved three days ahead ("another day"), without
# libfaketime: time.time and datetime's now/today are replaced before MkDocs is imported.
ANOTHER_DAY = """
import datetime, sys, time
SHIFT = 3 * 86400
_time, _time_ns = time.time, time.time_ns
time.time = lambda: _time() + SHIFT
time.time_ns = lambda: _time_ns() + SHIFT * 10**9
class FakeDateTime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(time.time(), tz)
    @classmethod
    def utcnow(cls):
        return cls.now(datetime.timezone.utc).replace(tzinfo=None)
    @classmethod
    def today(cls):
        return cls.now()
class FakeDate(datetime.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(time.time())
datetime.datetime, datetime.date = FakeDateTime, FakeDate
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q"]
cli()
"""


def build(clone: Path, *, another_day: bool = False, **environment: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    command = (
        [str(BIN / "python"), "-c", ANOTHER_DAY]
        if another_day
        else [
            str(BIN / "mkdocs"),
            "build",
            "-q",
        ]
    )
    result = subprocess.run(
        command,
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
    # given it explicitly, as CI does, three days later, in another time zone and locale.
    build(first, TZ="Asia/Ho_Chi_Minh", LANG="vi_VN.UTF-8")
    build(
        second,
        another_day=True,
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
