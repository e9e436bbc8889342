"""Release folders behind an atomically switched ``current`` symlink.

Layout of the publish folder ``DIR``::

    DIR/releases/000007-20261123T101500Z-1a2b3c4d5e6f/   one verified copy of a build each
    DIR/current  -> releases/…                            what nginx serves
    DIR/previous -> releases/…                            the release live before the last switch
    DIR/hashed/assets/main.57a0d79d.min.css               hashed assets of every kept release
    DIR/shared/truy-cap.json                              visitor statistics, outside releases
    DIR/.publish.lock, DIR/.publish-seq                   serialise publishers

Concurrency: every publish takes a ticket (a sequence number) when it starts. Copying runs
in parallel; the switch is done under an exclusive ``fcntl`` lock. A publish switches only
when no later-started publish is live already, so the newest one wins whatever order the
copies finish in, and the live site never goes back to an older build by accident.

``hashed/`` holds hard links to the content-hashed assets of every kept release, so a page
a reader loaded just before a switch (or two quick rollbacks) still gets its own stylesheet
and scripts: nginx looks there for hashed names missing from ``current``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bantin.guard import manifest as manifests

RELEASES = "releases"
CURRENT = "current"
PREVIOUS = "previous"
SHARED = "shared"
STATS_FILE = "truy-cap.json"
STATS_IN_BUILD = "thong-ke/truy-cap.json"
LOCK = ".publish.lock"
SEQUENCE = ".publish-seq"
TEMPORARY = ".tmp-"
HASHED = "hashed"
# Same pattern as the immutable-cache location in scripts/nginx/bantin.conf.
HASHED_NAME = re.compile(
    r"\.[0-9a-f]{8,}\.(?:min\.)?(?:css|js|woff2?|webp|avif|jpe?g|png|gif|svg)(?:\.map)?$", re.I
)


class PublishError(Exception):
    """A publish or rollback that cannot proceed; the live site is unchanged."""


@dataclass(frozen=True)
class Outcome:
    release: str
    switched: bool
    message: str


class PublishFolder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.releases = root / RELEASES
        self.current = root / CURRENT
        self.previous = root / PREVIOUS
        self.shared = root / SHARED
        self.hashed = root / HASHED

    def prepare(self) -> None:
        self.releases.mkdir(parents=True, exist_ok=True)
        self.shared.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive lock over the switch; a second publisher waits here."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / LOCK).open("a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def take_ticket(self) -> int:
        """A number larger than any earlier publish's (call under the lock)."""
        path = self.root / SEQUENCE
        try:
            last = int(path.read_text(encoding="ascii").strip() or "0")
        except (FileNotFoundError, ValueError):
            last = max((ticket_of(name) for name in self.release_names()), default=0)
        ticket = last + 1
        _write_atomically(path, f"{ticket}\n")
        return ticket

    def release_names(self) -> list[str]:
        if not self.releases.is_dir():
            return []
        return sorted(
            entry.name
            for entry in self.releases.iterdir()
            if entry.is_dir() and not entry.name.startswith(".")
        )

    def live_name(self) -> str | None:
        return _link_name(self.current)

    def live_dir(self) -> Path | None:
        name = self.live_name()
        return self.releases / name if name else None

    def staging_dir(self, ticket: int) -> Path:
        return self.releases / f"{TEMPORARY}{ticket:06d}-{os.getpid()}"

    def stage(self, site: Path, staging: Path) -> None:
        """Copy a build into a temporary release folder and verify the copy byte for byte."""
        self.prepare()
        if staging.exists():
            shutil.rmtree(staging)
        shutil.copytree(site, staging)
        manifest = manifests.read(staging)
        differences = manifests.differences(staging, manifest)
        if differences:
            shutil.rmtree(staging)
            raise PublishError(
                "the copy differs from the build (" + "; ".join(differences[:3]) + "); "
                "nothing was switched, check the disk and publish again"
            )

    def install(self, staging: Path, ticket: int, commit: str) -> str:
        """Give a verified staging folder its final release name (call under the lock)."""
        stamp = datetime.now(tz=UTC).strftime("%Y%m%dT%H%M%SZ")
        name = f"{ticket:06d}-{stamp}-{commit[:12] or 'unversioned'}"
        staging.rename(self.releases / name)
        return name

    def pool_hashed_assets(self, name: str) -> None:
        """Link the release's content-hashed files into ``hashed/`` (same name, same bytes)."""
        release = self.releases / name
        for path in sorted(release.rglob("*")):
            if not path.is_file() or not HASHED_NAME.search(path.name):
                continue
            target = self.hashed / path.relative_to(release)
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}")
            try:
                os.link(path, temporary)
            except OSError:
                shutil.copyfile(path, temporary)
            temporary.replace(target)

    def _prune_hashed_assets(self) -> None:
        wanted = set()
        for name in self.release_names():
            release = self.releases / name
            wanted |= {
                path.relative_to(release).as_posix()
                for path in release.rglob("*")
                if path.is_file() and HASHED_NAME.search(path.name)
            }
        if not self.hashed.is_dir():
            return
        for path in sorted(self.hashed.rglob("*"), reverse=True):
            relative = path.relative_to(self.hashed).as_posix()
            if path.is_file() and relative not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()

    def switch(self, name: str) -> None:
        """Point ``current`` at ``name`` atomically and ``previous`` at what was live."""
        old = self.live_name()
        if old and old != name:
            _replace_link(self.previous, f"{RELEASES}/{old}")
        _replace_link(self.current, f"{RELEASES}/{name}")

    def seed_statistics(self, release: Path) -> None:
        """The first publish copies the build's statistics file to shared/; later ones never do."""
        target = self.shared / STATS_FILE
        source = release / STATS_IN_BUILD
        if not target.exists() and source.is_file():
            temporary = self.shared / f".{STATS_FILE}.{os.getpid()}"
            shutil.copyfile(source, temporary)
            temporary.replace(target)

    def prune(self, keep: int) -> list[str]:
        """Delete old releases beyond the newest ``keep``; current and previous always stay."""
        names = self.release_names()
        protected = {self.live_name(), _link_name(self.previous)}
        doomed = [name for name in names[: max(0, len(names) - keep)] if name not in protected]
        for name in doomed:
            shutil.rmtree(self.releases / name)
        self._prune_hashed_assets()
        self._remove_abandoned_staging()
        return doomed

    def _remove_abandoned_staging(self) -> None:
        for entry in sorted(self.releases.glob(f"{TEMPORARY}*")):
            pid = entry.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _process_alive(int(pid)):
                shutil.rmtree(entry, ignore_errors=True)

    def rollback_target(self) -> str:
        names = self.release_names()
        live = self.live_name()
        if live is None or live not in names:
            raise PublishError(f"{self.current} does not point at a release; nothing to roll back")
        position = names.index(live)
        if position == 0:
            raise PublishError(f"{live} is the oldest release kept; there is nothing older")
        return names[position - 1]


def ticket_of(name: str) -> int:
    head = name.split("-", 1)[0]
    return int(head) if head.isdigit() else 0


def _link_name(link: Path) -> str | None:
    try:
        target = link.readlink()
    except OSError:
        return None
    return target.name


def _replace_link(link: Path, target: str) -> None:
    # A new symlink under a temporary name, then rename(2) over the old one: readers see
    # either the old or the new target, never a missing link.
    temporary = link.with_name(f".{link.name}.{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    temporary.symlink_to(target)
    temporary.replace(link)
    _sync_folder(link.parent)


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="ascii")
    temporary.replace(path)


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
