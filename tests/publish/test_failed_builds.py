"""A failed build never changes the live folder: read error, plugin crash, strict warning."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import item, write_files

BIN = Path(sys.executable).parent
ITEMS = {
    f"content/tin-tuc/2018/tin-{number}.md": item(f"Tin số {number}", f"0{number}/08/2018 09:00")
    for number in range(1, 6)
}
READ_ERROR = """
def on_page_read_source(page, config):
    if page.file.src_uri.endswith("tin-3.md"):
        raise OSError(5, "Input/output error", page.file.abs_src_path)
"""
CRASH = """
def on_post_page(output, page, config):
    if page.file.src_uri.endswith("tin-3.md"):
        raise RuntimeError("plugin bug")
    return output
"""
WARNING = """
import logging

def on_post_build(config):
    logging.getLogger("mkdocs.plugins.example").warning("something looks wrong")
"""


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder``: symlink targets and file hashes."""
    state = {}
    for root, dirnames, filenames in os.walk(folder):
        for name in sorted(dirnames + filenames):
            path = Path(root) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                state[key] = "-> " + str(path.readlink())
            elif path.is_file():
                state[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def pipeline(root: Path, live: Path) -> subprocess.CompletedProcess[str]:
    """The documented self-hosted pipeline: build, then publish only if the build passed."""
    return subprocess.run(
        f"{BIN}/mkdocs build -q && {BIN}/bantin publish site --to {live}",
        shell=True,
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize(
    ("hook", "expected"),
    [
        (READ_ERROR, "Input/output error"),
        (CRASH, "plugin bug"),
        (WARNING, "mkdocs build: warning from mkdocs.plugins.example: something looks wrong"),
    ],
    ids=["read-error", "plugin-crash", "strict-warning"],
)
def test_a_failed_build_leaves_the_live_folder_byte_identical(
    tmp_path: Path, hook: str, expected: str, guarded_config: Callable[[str], str]
) -> None:
    live = tmp_path / "live"
    write_files(tmp_path, {"mkdocs.yml": guarded_config(""), **ITEMS})
    first = pipeline(tmp_path, live)
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(live)

    write_files(tmp_path, {"mkdocs.yml": guarded_config("hooks/fault.py"), "hooks/fault.py": hook})
    failed = pipeline(tmp_path, live)

    assert failed.returncode == 1
    assert expected in failed.stdout + failed.stderr
    assert snapshot(live) == before
    # Publishing whatever the failed build left behind is refused as well.
    forced = subprocess.run(
        [str(BIN / "bantin"), "publish", "site", "--to", str(live)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert forced.returncode == 1
    assert "the live site is unchanged" in forced.stderr
    assert snapshot(live) == before
