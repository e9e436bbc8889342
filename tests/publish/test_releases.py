"""bantin publish: verified copies, atomic switch, keep N, rollback, refusals, concurrency."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bantin.cli import main
from bantin.guard import manifest
from bantin.publish.releases import PublishFolder
from bantin.publish.service import PublishRequest, go_live, publish, rollback, stage

BANTIN = str(Path(sys.executable).parent / "bantin")


def live_release(to: Path) -> str:
    return str((to / "current").readlink())


def test_publish_copies_the_build_into_a_release_and_points_current_at_it(
    tmp_path: Path, build_factory: Callable[..., Path], capsys: object
) -> None:
    site = build_factory("v1")
    to = tmp_path / "live"

    assert main(["publish", str(site), "--to", str(to)]) == 0

    target = live_release(to)
    assert target.startswith("releases/000001-")
    assert (to / "current" / "index.html").read_text(encoding="utf-8").count("v1") == 1
    assert not (to / "current").resolve().is_relative_to(site)
    assert (to / "shared" / "truy-cap.json").is_file()


def test_publish_keeps_only_the_newest_releases(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    to = tmp_path / "live"
    for version in ("v1", "v2", "v3", "v4"):
        publish(PublishRequest(build_factory(version), to, keep=2))

    names = PublishFolder(to).release_names()
    assert [name.split("-")[0] for name in names] == ["000003", "000004"]
    assert live_release(to) == f"releases/{names[-1]}"
    assert str((to / "previous").readlink()) == f"releases/{names[0]}"
    # Hashed assets of the kept releases stay reachable; those of removed ones go.
    pooled = sorted(path.name for path in (to / "hashed").rglob("*.css"))
    kept = sorted(path.name for path in (to / "releases").rglob("*.css"))
    assert pooled == kept
    assert len(pooled) == 2


def test_rollback_switches_back_one_release_each_time(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    to = tmp_path / "live"
    for version in ("v1", "v2", "v3"):
        publish(PublishRequest(build_factory(version), to))

    rollback(to)
    assert 'data-release="v2"' in (to / "current" / "index.html").read_text(encoding="utf-8")
    assert main(["publish", "--rollback", "--to", str(to)]) == 0
    assert 'data-release="v1"' in (to / "current" / "index.html").read_text(encoding="utf-8")
    assert main(["publish", "--rollback", "--to", str(to)]) == 1


def test_rollback_with_nothing_older_says_so(
    tmp_path: Path, build_factory: Callable[..., Path], capsys: object
) -> None:
    to = tmp_path / "live"
    publish(PublishRequest(build_factory("v1"), to))
    result = subprocess.run(
        [BANTIN, "publish", "--rollback", "--to", str(to)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "is the oldest release kept; there is nothing older; the live site is unchanged" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def refuse(site: Path, to: Path, *extra: str) -> str:
    result = subprocess.run(
        [BANTIN, "publish", str(site), "--to", str(to), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_an_empty_or_unfinished_build_is_refused_and_live_stays(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    to = tmp_path / "live"
    publish(PublishRequest(build_factory("v1"), to))
    before = live_release(to)
    empty = tmp_path / "empty"
    empty.mkdir()
    unfinished = build_factory("v2")
    (unfinished / ".bantin-build.json").unlink()

    assert refuse(empty, to) == (
        "bantin publish: refused (1 problem); the live site is unchanged:\n"
        f"{empty}: build: is empty; build first: mkdocs build\n"
    )
    assert (
        f"{unfinished}: build: {unfinished} has no .bantin-build.json: the build did not finish "
        "(it failed or crashed), or it was made without the bantin-guard plugin; run "
        "`mkdocs build` again" in refuse(unfinished, to)
    )
    assert live_release(to) == before


def test_a_build_changed_after_it_finished_is_refused_with_every_difference(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    to = tmp_path / "live"
    site = build_factory("v1")
    (site / "sitemap.xml").unlink()
    (site / "index.html").write_text("tampered", encoding="utf-8")
    (site / "extra.html").write_text("late", encoding="utf-8")

    message = refuse(site, to)

    assert "refused (3 problems)" in message
    assert f"{site}: build: sitemap.xml: listed in the manifest but missing;" in message
    assert f"{site}: build: index.html: content differs from the manifest;" in message
    assert f"{site}: build: extra.html: present but not listed in the manifest;" in message
    assert not (to / "current").exists()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def commit_content(repo: Path, names: list[str], message: str) -> str:
    content = repo / "content"
    for old in content.glob("*.md"):
        if old.stem not in names:
            old.unlink()
    for name in names:
        (content / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    git(repo, "add", "-A", "content")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD")


def test_many_lost_pages_are_refused_unless_git_shows_their_sources_deleted(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    git(repo, "init", "-q")
    pages = [f"p{number}" for number in range(1, 40)]
    first = commit_content(repo, pages, "forty pages")
    to = tmp_path / "live"
    publish(PublishRequest(build_factory("v1", pages=40, commit=first), to, repo=repo))
    # 25 pages go: 10 are allowed without explanation, so 15 must be deletions in git.
    kept = pages[:14]

    only_build = build_factory("v2", pages=15, commit=first)
    message = refuse(only_build, to, "--repo", str(repo))
    assert (
        f"{only_build}: pages: 25 pages of the live site would disappear (41 live, 16 in this "
        "build), e.g. p15/index.html, p16/index.html, p17/index.html, p18/index.html, "
        "p19/index.html …; git shows 0 content file(s) deleted or renamed between "
        f"{first[:12]} and {first[:12]}, which explain 0 of them; at most 10 unexplained pages "
        "may go at once (5% of the live pages, at least 10). Check that the build saw all of "
        "content/; if the loss is intended, publish with --allow-page-loss"
    ) in message

    second = commit_content(repo, kept, "remove old items")
    assert (
        main(
            [
                "publish",
                str(build_factory("v3", pages=15, commit=second)),
                "--to",
                str(to),
                "--repo",
                str(repo),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "publish",
                str(build_factory("v4", pages=1, commit=second)),
                "--to",
                str(to),
                "--repo",
                str(repo),
                "--allow-page-loss",
            ]
        )
        == 0
    )


def test_an_older_publish_finishing_after_a_newer_one_does_not_switch_back(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    to = tmp_path / "live"
    # The older publish has verified and copied its build, but not switched yet …
    older = stage(PublishRequest(build_factory("old"), to))
    # … when a later-started one runs from start to finish.
    publish(PublishRequest(build_factory("new"), to))
    live = live_release(to)

    outcome = go_live(older)

    assert not outcome.switched
    assert "is already live; this older build was not switched in" in outcome.message
    assert live_release(to) == live
    assert 'data-release="new"' in (to / "current" / "index.html").read_text(encoding="utf-8")
    assert not older.staging.exists()


def test_two_concurrent_publishes_never_interleave_and_the_later_started_wins(
    tmp_path: Path, build_factory: Callable[..., Path]
) -> None:
    to = tmp_path / "live"
    sites = [build_factory(f"c{number}", pages=200) for number in range(4)]
    processes = []
    for site in sites:
        processes.append(
            subprocess.Popen(
                [BANTIN, "publish", str(site), "--to", str(to), "--keep", "10"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [process.communicate(timeout=120) for process in processes]

    assert all(process.returncode == 0 for process in processes), results
    # The publish that took the last ticket is live, whatever order the copies finished in.
    assert live_release(to).startswith("releases/000004-")
    names = PublishFolder(to).release_names()
    for name in names:
        release = to / "releases" / name
        # Every installed release is complete: no copy was interleaved with another.
        assert manifest.differences(release, manifest.read(release)) == []
    assert not list((to / "releases").glob(".tmp-*"))


@pytest.mark.parametrize("sources", [{}, {"tin-tuc/a/index.html": "content/tin-tuc/Sơ kết.md"}])
def test_the_manifest_written_file_by_file_is_the_manifest_as_json(
    tmp_path: Path, sources: dict[str, str]
) -> None:
    site = tmp_path / "site"
    for name, data in {"index.html": "<p>a</p>", "a-b/x.css": "b", "a/x.html": "c"}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(data, encoding="utf-8")

    manifest.write(site, commit="abc", source_date_epoch=7, sources=sources)

    expected = manifest.Manifest(manifest.scan(site), dict(sources), "abc", 7).to_json()
    assert (site / manifest.NAME).read_text(encoding="utf-8") == expected
    assert list(manifest.read(site).files) == ["a-b/x.css", "a/x.html", "index.html"]


def test_a_large_site_hashed_by_two_processes_gives_the_same_manifest(tmp_path: Path) -> None:
    """Run in a fresh interpreter: beside pytest's threads the hashing stays in one process."""
    site = tmp_path / "site"
    for number in range(40):
        (site / f"p{number % 7}" / f"{number}.html").parent.mkdir(parents=True, exist_ok=True)
        (site / f"p{number % 7}" / f"{number}.html").write_text(f"<p>{number}</p>", "utf-8")
    script = f"""
from pathlib import Path
from bantin.core import halves
from bantin.guard import manifest
site = Path({str(site)!r})
assert halves.may_fork()
manifest.HASH_IN_TWO_FROM = 4
manifest.write(site, commit="abc", source_date_epoch=7, sources={{}})
"""
    subprocess.run([sys.executable, "-c", script], check=True)
    expected = manifest.Manifest(manifest.scan(site), {}, "abc", 7).to_json()
    assert (site / manifest.NAME).read_text(encoding="utf-8") == expected
    assert len(manifest.read(site).files) == 40
