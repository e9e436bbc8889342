"""bantin-parallel: pages rendered by forked helpers give the same site and the same errors."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from guard.conftest import guarded_config
from sitekit import Build, build_sample, item, run_build, write_files

# Items that link to each other's headings, so links cross from one process's pages to the
# other's; every second page is a helper's.
ITEMS = {
    f"content/tin-tuc/2019/tin-{number}.md": item(
        f"Tin số {number}",
        f"2019-03-{number:02d} 08:00",
        f"Mở đầu.\n\n## Kết quả {number}\n\nXem [tin trước](tin-{max(number - 1, 1)}.md"
        f"#ket-qua-{max(number - 1, 1)}).\n",
    )
    for number in range(1, 13)
}

# A hook that misbehaves only in a helper process: the parent's pid is taken before the fork.
HELPER_HOOK = """\
import logging
import os

from mkdocs.exceptions import PluginError

PARENT = os.getpid()
MODE = os.environ["HELPER_MODE"]


def on_page_content(html, page, config, files):
    if os.getpid() == PARENT or not page.file.src_uri.startswith("tin-tuc/"):
        return html
    if MODE == "error":
        raise PluginError(f"{page.file.src_uri}: the helper's plugin refused this page")
    if MODE == "warning":
        logging.getLogger("mkdocs.plugins.helper").warning("helper warns about %s", page.file.src_uri)
    if MODE == "exit":
        os._exit(3)
    return html
"""


def _parallel_config(workers: int) -> str:
    return guarded_config("helper_hook.py").replace(
        "  - bantin-guard\n", f"  - bantin-guard\n  - bantin-parallel:\n      workers: {workers}\n"
    )


def _build(root: Path, workers: int, mode: str = "none", **env: str) -> Build:
    files = {"mkdocs.yml": _parallel_config(workers), "helper_hook.py": HELPER_HOOK, **ITEMS}
    write_files(root, files)
    return run_build(root, "--strict", env={"HELPER_MODE": mode, **env})


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two folders, those on one side only included."""
    differ: list[str] = []
    pending = [(filecmp.dircmp(left, right), "")]
    while pending:
        current, prefix = pending.pop()
        differ += [prefix + name for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            current.left, current.right, current.common_files, shallow=False
        )
        differ += [prefix + name for name in mismatch + errors]
        pending += [(sub, f"{prefix}{name}/") for name, sub in current.subdirs.items()]
    return sorted(differ)


def test_the_sample_portal_is_byte_identical_with_one_or_two_processes(tmp_path: Path) -> None:
    build_sample(tmp_path / "one", "--quiet", env={"BANTIN_WORKERS": "1"})
    build_sample(tmp_path / "two", "--quiet", env={"BANTIN_WORKERS": "2"})
    assert len(list((tmp_path / "two").rglob("*.html"))) > 40
    assert differences(tmp_path / "one", tmp_path / "two") == []


def test_links_between_the_processes_pages_are_checked_and_the_sites_equal(
    tmp_path: Path,
) -> None:
    one, two = _build(tmp_path / "one", 1), _build(tmp_path / "two", 2)
    assert one.returncode == 0, one.output
    assert two.returncode == 0, two.output
    assert differences(one.site, two.site) == []

    # One heading renamed: the link to it, from a page of the other process, breaks.
    broken = ITEMS["content/tin-tuc/2019/tin-4.md"].replace("## Kết quả 4", "## Tổng kết")
    results = []
    for root in (tmp_path / "one", tmp_path / "two"):
        (root / "content/tin-tuc/2019/tin-4.md").write_text(broken, encoding="utf-8")
        results.append(run_build(root, "--strict", env={"HELPER_MODE": "none"}))
    reports = [[ln for ln in r.output.splitlines() if ln.startswith("content/")] for r in results]
    assert [r.returncode for r in results] == [1, 1]
    assert reports[0] == reports[1]
    assert len(reports[1]) == 1
    assert reports[1][0].startswith("content/tin-tuc/2019/tin-5.md")
    assert 'has no element with id "ket-qua-4"' in reports[1][0]


def test_a_warning_in_a_helper_fails_the_build(tmp_path: Path) -> None:
    build = _build(tmp_path, 2, "warning")
    assert build.returncode == 1
    assert "warning from mkdocs.plugins.helper: helper warns about tin-tuc/2019/" in build.output
    assert "nothing was published" in build.output


def test_an_error_in_a_helper_stops_the_build_with_its_message(tmp_path: Path) -> None:
    build = _build(tmp_path, 2, "error")
    assert build.returncode == 1
    assert "the helper's plugin refused this page" in build.output
    assert "Traceback" not in build.output
    assert not (build.site / ".bantin-build.json").exists()


def test_a_helper_that_dies_is_reported_not_taken_for_an_empty_share(tmp_path: Path) -> None:
    build = _build(tmp_path, 2, "exit")
    assert build.returncode == 1
    assert "build helper 1 stopped without finishing its pages (exit code 3)" in build.output
    assert not (build.site / ".bantin-build.json").exists()


@pytest.mark.parametrize("setting", ["two", "-1"])
def test_a_wrong_worker_count_is_explained(tmp_path: Path, setting: str) -> None:
    build = _build(tmp_path, 2, BANTIN_WORKERS=setting)
    assert build.returncode == 1
    assert "BANTIN_WORKERS" in build.output or "workers:" in build.output
    assert "Traceback" not in build.output
