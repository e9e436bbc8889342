"""The build manifest: written last by a successful build, checked by ``bantin publish``.

MkDocs empties ``site/`` first and writes pages one by one, so a crash or a failed strict
check leaves a folder that looks like a site. The manifest is written only after every
check passed; a folder without one (or whose files differ from it) is not a finished build.
It lists every file with its SHA-256, so a copy can be verified byte for byte, and records
which authored file each page came from, so a release that lost pages can be compared with
the deletions git shows.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bantin.core import halves

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


def _paths(site_dir: Path) -> list[str]:
    """Site path of every regular file under ``site_dir`` (sorted), except the manifest."""
    found = []
    for folder, _, filenames in os.walk(site_dir):
        for name in filenames:
            path = Path(folder) / name
            relative = path.relative_to(site_dir).as_posix()
            if relative in (NAME, f"{NAME}.tmp"):  # a crashed build may leave its .tmp
                continue
            if path.is_symlink():
                raise ManifestError(f"{relative} is a symbolic link; a build contains files only")
            found.append(relative)
    return sorted(found)


def scan(site_dir: Path) -> dict[str, str]:
    """Every regular file under ``site_dir`` (sorted) with its SHA-256, except the manifest."""
    return {relative: hash_file(site_dir / relative) for relative in _paths(site_dir)}


def write(
    site_dir: Path, *, commit: str, source_date_epoch: int, sources: Mapping[str, str]
) -> None:
    """The manifest of ``site_dir``, byte for byte ``Manifest.to_json``.

    Written while hashing, one file at a time: the whole manifest of a large portal held in
    memory at once was the build's largest moment.
    """
    paths = _paths(site_dir)  # before the temporary file exists
    temporary = site_dir / f"{NAME}.tmp"
    with temporary.open("w", encoding="utf-8") as out:
        out.write("{\n" + _member("commit", commit) + ",\n" + '"files": ')
        _write_object(out, zip(paths, _hashes(site_dir, paths), strict=True))
        out.write(",\n" + _member("format", FORMAT) + ",\n")
        out.write(_member("source_date_epoch", source_date_epoch) + ",\n" + '"sources": ')
        _write_object(out, sorted(sources.items()))
        out.write("\n}\n")
    # Written under a temporary name and renamed: a reader never sees half a manifest.
    temporary.replace(site_dir / NAME)


HASH_IN_TWO_FROM = 4000
"""Files from which a second process hashes half of them."""


def _hashes(site_dir: Path, paths: list[str]) -> Iterator[str]:
    """The SHA-256 of each file, in order; a large site's second half in a helper."""
    work = functools.partial(_hash_all, site_dir)
    for half in halves.in_two(work, paths, HASH_IN_TWO_FROM):
        yield from half


def _hash_all(site_dir: Path, paths: Sequence[str]) -> list[str]:
    return [hash_file(site_dir / relative) for relative in paths]


def _member(key: str, value: object) -> str:
    return json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)


def _write_object(out: TextIO, members: Iterable[tuple[str, str]]) -> None:
    """A JSON object as ``json.dumps(..., indent=0)`` writes it, member by member."""
    first = True
    for key, value in members:
        out.write(("{\n" if first else ",\n") + _member(key, value))
        first = False
    out.write("{}" if first else "\n}")


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
