"""``bantin publish`` and ``bantin publish --rollback`` as plain functions."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from bantin.core.problems import Problem
from bantin.guard import git
from bantin.guard import manifest as manifests
from bantin.publish import checks
from bantin.publish.releases import Outcome, PublishError, PublishFolder, ticket_of


@dataclass(frozen=True)
class PublishRequest:
    site: Path
    to: Path
    keep: int = 5
    repo: Path | None = None
    allow_page_loss: bool = False


class RefusedError(Exception):
    """The build may not be published; carries every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


@dataclass(frozen=True)
class Staged:
    """A verified copy of a build waiting for its turn to go live."""

    request: PublishRequest
    manifest: manifests.Manifest
    ticket: int
    staging: Path


def publish(request: PublishRequest) -> Outcome:
    return go_live(stage(request))


def stage(request: PublishRequest) -> Staged:
    """Verify the build, take a ticket and copy it; the live site is not touched."""
    manifest, problems = checks.check_build(request.site)
    if problems or manifest is None:
        raise RefusedError(problems)
    folder = PublishFolder(request.to)
    with folder.locked():
        folder.prepare()
        ticket = folder.take_ticket()
    # The copy runs outside the lock so a slow disk does not hold back a newer publish.
    staging = folder.staging_dir(ticket)
    try:
        folder.stage(request.site, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Staged(request, manifest, ticket, staging)


def go_live(staged: Staged) -> Outcome:
    """Switch to a staged release unless a later-started publish is live already."""
    request = staged.request
    folder = PublishFolder(request.to)
    try:
        with folder.locked():
            live = folder.live_name()
            if live is not None and ticket_of(live) > staged.ticket:
                return Outcome(
                    live,
                    switched=False,
                    message=(
                        f"a later publish ({live}) is already live; this older build was "
                        "not switched in and nothing changed"
                    ),
                )
            if live is not None and not request.allow_page_loss:
                _refuse_page_loss(request, folder, staged.manifest)
            name = folder.install(staged.staging, staged.ticket, staged.manifest.commit)
            folder.pool_hashed_assets(name)
            folder.switch(name)
            folder.seed_statistics(folder.releases / name)
            pruned = folder.prune(request.keep)
    finally:
        if staged.staging.exists():
            shutil.rmtree(staged.staging, ignore_errors=True)
    note = f"; removed old releases: {', '.join(pruned)}" if pruned else ""
    return Outcome(name, switched=True, message=f"{folder.current} → releases/{name}{note}")


def _refuse_page_loss(
    request: PublishRequest, folder: PublishFolder, new: manifests.Manifest
) -> None:
    live_dir = folder.live_dir()
    if live_dir is None:
        return
    try:
        live = manifests.read(live_dir)
    except manifests.ManifestError:
        return  # a release published before manifests existed: nothing to compare with
    repo = request.repo or Path.cwd()
    deleted = git.deleted_since(repo, live.commit, new.commit)
    problems = checks.check_page_loss(request.site, live, new, deleted)
    if problems:
        raise RefusedError(problems)


def rollback(to: Path) -> Outcome:
    folder = PublishFolder(to)
    with folder.locked():
        target = folder.rollback_target()
        left = folder.live_name()
        folder.switch(target)
    return Outcome(
        target, switched=True, message=f"{folder.current} → releases/{target} (was {left})"
    )


__all__ = [
    "PublishError",
    "PublishRequest",
    "RefusedError",
    "Staged",
    "go_live",
    "publish",
    "rollback",
    "stage",
]
