"""The build manifest: written last by a successful build, checked by ``bantin publish``.

MkDocs empties ``site/`` first and writes pages one by one, so a crash or a failed strict
check leaves a folder that looks like a site. The manifest is written only after every
check passed; a folder without one (or whose files differ from it) is not a finished build.
It lists every file with its SHA-256, so a copy can be verified byte for byte, and records
which authored file each page came from, so a release that lost pages can be compared with
the deletions git shows.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

NAME = ".bantin-build.json"
FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    files: dict[str, str]
    """Site path → SHA-256 hex of every file except the manifest itself."""
    sources: dict[str, str] = field(default_factory=dict)
    """Built page → the ``content/`` file it was made from (authored pages only)."""
    commit: str = ""
    source_date_epoch: int = 0

    @property
    def pages(self) -> set[str]:
        return {path for path in self.files if path.endswith(".html")}

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "commit": self.commit,
            "source_date_epoch": self.source_date_epoch,
            "files": self.files,
            "sources": self.sources,
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=0) + "\n"


class ManifestError(ValueError):
    """The manifest is missing or unreadable."""


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def scan(site_dir: Path) -> dict[str, str]:
    """Every regular file under ``site_dir`` (sorted), except the manifest."""
    files: dict[str, str] = {}
    for folder, dirnames, filenames in os.walk(site_dir):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(folder) / name
            relative = path.relative_to(site_dir).as_posix()
            if relative == NAME:
                continue
            if path.is_symlink():
                raise ManifestError(f"{relative} is a symbolic link; a build contains files only")
            files[relative] = hash_file(path)
    return dict(sorted(files.items()))


def write(
    site_dir: Path, *, commit: str, source_date_epoch: int, sources: Mapping[str, str]
) -> Manifest:
    manifest = Manifest(
        files=scan(site_dir),
        sources=dict(sorted(sources.items())),
        commit=commit,
        source_date_epoch=source_date_epoch,
    )
    # Written under a temporary name and renamed: a reader never sees half a manifest.
    temporary = site_dir / f"{NAME}.tmp"
    temporary.write_text(manifest.to_json(), encoding="utf-8")
    temporary.replace(site_dir / NAME)
    return manifest


def remove(site_dir: Path) -> None:
    """Forget that ``site_dir`` holds a finished build (called when a new build starts)."""
    (site_dir / NAME).unlink(missing_ok=True)


def read(site_dir: Path) -> Manifest:
    path = site_dir / NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(
            f"{site_dir} has no {NAME}: the build did not finish (it failed or crashed), "
            "or it was made without the bantin-guard plugin; run `mkdocs build` again"
        ) from None
    except (OSError, ValueError) as error:
        raise ManifestError(f"{path} cannot be read ({error}); build again") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError(f"{path} is not a bantin build manifest (format {FORMAT})")
    return Manifest(
        files={str(k): str(v) for k, v in dict(data.get("files", {})).items()},
        sources={str(k): str(v) for k, v in dict(data.get("sources", {})).items()},
        commit=str(data.get("commit", "")),
        source_date_epoch=int(data.get("source_date_epoch", 0)),
    )


def differences(site_dir: Path, manifest: Manifest) -> list[str]:
    """Human-readable differences between a folder and its manifest (empty when equal)."""
    actual = scan(site_dir)
    found = []
    for path in sorted(set(manifest.files) | set(actual)):
        if path not in actual:
            found.append(f"{path}: listed in the manifest but missing")
        elif path not in manifest.files:
            found.append(f"{path}: present but not listed in the manifest")
        elif actual[path] != manifest.files[path]:
            found.append(f"{path}: content differs from the manifest")
    return found
