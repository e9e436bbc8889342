"""Content-addressed store of derivatives, keyed by the source's sha256 and the parameters.

Layout under the cache folder::

    manifest.json                      sorted keys; entries, source stats, last build counts
    objects/ab/<key>/480w.webp …       derivative bytes exactly as published
    objects/ab/<key>/entry.json        the entry, so a lost manifest loses no work

Deleting the folder changes no output byte: entries are pure functions of their key.
The manifest also remembers each source's size and mtime with its sha256, so an unchanged
build does not even re-read the photos (git does the same with its index).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.images.derive import Variant

MANIFEST = "manifest.json"
ENTRY = "entry.json"
FORMAT = 1


def entry_key(source_sha256: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{source_sha256}\n{fingerprint}".encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    """What the cache knows about one (source bytes, parameters) pair."""

    key: str
    size: tuple[int, int]
    """Upright size of the source."""
    variants: tuple[Variant, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "size": list(self.size),
            "variants": [[v.role, v.width, v.height, v.extension] for v in self.variants],
        }

    @classmethod
    def from_json(cls, key: str, data: dict[str, Any], shared: VariantsSeen | None = None) -> Entry:
        """``shared`` lets the entries of one manifest share equal variant lists: photos from
        one camera all have the same size, so the same variants."""
        width, height = data["size"]
        described = tuple(tuple(variant) for variant in data["variants"])
        variants = shared.get(described) if shared is not None else None
        if variants is None:
            variants = tuple(
                Variant(str(role), int(w), int(h), str(ext)) for role, w, h, ext in described
            )
            if shared is not None:
                shared[described] = variants
        return cls(key, (int(width), int(height)), variants)


VariantsSeen = dict[tuple[tuple[Any, ...], ...], tuple[Variant, ...]]
"""Variant lists already read, by their JSON form."""


@dataclass(frozen=True)
class SourceStat:
    size: int
    mtime_ns: int
    sha256: str


def object_folder(root: Path, key: str) -> Path:
    return root / "objects" / key[:2] / key


def object_path(root: Path, key: str, variant: Variant) -> str:
    """The file's path as text: a build asks for thousands, and pathlib is slow at it."""
    return f"{root}/objects/{key[:2]}/{key}/{variant.suffix}"


def load_entry(root: Path, key: str) -> Entry | None:
    """The stored entry if it and all its files are present; None otherwise."""
    folder = object_folder(root, key)
    try:
        entry = Entry.from_json(key, json.loads((folder / ENTRY).read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return entry if complete(root, entry) else None


def complete(root: Path, entry: Entry) -> bool:
    """All of the entry's files are present (one directory listing, not a stat per file)."""
    try:
        # One listing per entry; pathlib would wrap every name in an object.
        names = set(os.listdir(f"{root}/objects/{entry.key[:2]}/{entry.key}"))  # noqa: PTH208
    except OSError:
        return False
    return all(variant.suffix in names for variant in entry.variants)


def store(root: Path, entry: Entry, files: dict[str, bytes]) -> None:
    """Write an entry atomically: a complete folder appears, or nothing does."""
    final = object_folder(root, entry.key)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{entry.key[:12]}-", dir=final.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        (staging / ENTRY).write_text(_dumps(entry.to_json()), "utf-8")
        try:
            staging.rename(final)
        except OSError:
            # Another worker stored the same bytes first (two names, one photo), or an
            # incomplete folder is in the way: keep a complete one.
            if load_entry(root, entry.key) is None:
                shutil.rmtree(final, ignore_errors=True)
                staging.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@dataclass
class Manifest:
    """The cache's index; only the build's main process reads and writes it."""

    entries: dict[str, Entry]
    sources: dict[str, SourceStat]
    last_build: dict[str, int]
    folders: dict[str, int] = field(default_factory=dict)
    """Entry key → its folder's mtime when it was last listed complete."""
    changed: bool = field(default=False, compare=False)
    """Something not saved yet was learnt (a folder listed again)."""

    def still_complete(self, root: Path, entry: Entry) -> bool:
        """``complete``, answered by one stat while the folder is as it was last listed.

        Removing or adding a file changes a folder's mtime, so a damaged entry is listed
        again; an untouched cache costs one system call per photo.
        """
        try:
            # os.stat on text: one call per photo, pathlib would build a Path each time.
            mtime = os.stat(f"{root}/objects/{entry.key[:2]}/{entry.key}").st_mtime_ns  # noqa: PTH116
        except OSError:
            return False
        if self.folders.get(entry.key) == mtime:
            return True
        if not complete(root, entry):
            return False
        self.folders[entry.key] = mtime
        self.changed = True
        return True

    @classmethod
    def load(cls, root: Path) -> Manifest:
        try:
            data = json.loads((root / MANIFEST).read_text("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("other format")
            shared: VariantsSeen = {}
            entries = {k: Entry.from_json(k, v, shared) for k, v in data["entries"].items()}
            sources = {k: SourceStat(**v) for k, v in data["sources"].items()}
            folders = {str(k): int(v) for k, v in data.get("folders", {}).items()}
            return cls(entries, sources, dict(data.get("last_build", {})), folders)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls({}, {}, {})  # a missing or damaged manifest only costs time

    def save(self, root: Path) -> None:
        data = {
            "format": FORMAT,
            "entries": {key: entry.to_json() for key, entry in self.entries.items()},
            "sources": {
                key: {"size": s.size, "mtime_ns": s.mtime_ns, "sha256": s.sha256}
                for key, s in self.sources.items()
            },
            "last_build": self.last_build,
            "folders": self.folders,
        }
        root.mkdir(parents=True, exist_ok=True)
        temporary = root / f".{MANIFEST}.{os.getpid()}.tmp"
        # One line: with thousands of photos an indented manifest is mostly whitespace.
        temporary.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), "utf-8")
        temporary.replace(root / MANIFEST)


def _dumps(data: object) -> str:
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
