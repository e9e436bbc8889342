"""Reading access logs incrementally: plain or gzip, renamed, rotated or truncated.

A log is recognised by its content, not its name: the fingerprint is a hash of its first
4 KiB (decompressed). ``access.log`` renamed to ``access.log.1`` and later compressed to
``access.log.2.gz`` keeps its fingerprint, so reading resumes where the last run stopped;
after ``copytruncate`` the live file starts with new lines, so it is a new log from offset 0
while the copy continues the old one. Offsets count content (decompressed) bytes.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEAD = 4096
CHUNK = 4 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class FileRecord:
    """What the state remembers about one log stream."""

    fingerprint: bytes
    fingerprint_length: int
    offset: int
    """Content bytes already counted; always at a line boundary."""
    device: int = 0
    inode: int = 0
    size: int = 0
    mtime_ns: int = 0
    """The file as it was when last read: identical again means nothing new to read."""
    name: str = ""
    seen_at: int = 0
    record_id: int | None = None

    def unchanged(self, status: os.stat_result) -> bool:
        return (self.device, self.inode, self.size, self.mtime_ns) == (
            status.st_dev,
            status.st_ino,
            status.st_size,
            status.st_mtime_ns,
        )

    def remember_file(self, status: os.stat_result, name: str) -> None:
        self.device, self.inode = status.st_dev, status.st_ino
        self.size, self.mtime_ns = status.st_size, status.st_mtime_ns
        self.name = name


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == _GZIP_MAGIC


def fingerprint(head: bytes) -> bytes:
    return hashlib.sha256(head).digest()


def find_record(head: bytes, records: list[FileRecord]) -> FileRecord | None:
    """The remembered stream whose first bytes this file starts with (longest match wins)."""
    best: FileRecord | None = None
    for record in records:
        length = record.fingerprint_length
        if length > len(head) or (best is not None and length <= best.fingerprint_length):
            continue
        if fingerprint(head[:length]) == record.fingerprint:
            best = record
    return best


class LogReader:
    """Complete lines of one file from ``start`` on, in large chunks.

    After iterating, ``end`` is the content offset just past the last line handed out and
    ``problem`` says why reading stopped early (a cut or corrupt gzip), if it did. A plain
    file's unterminated last line is left for the next run: the server may be writing it.
    """

    def __init__(self, path: Path, start: int, compressed: bool) -> None:
        self.path = path
        self.start = start
        self.compressed = compressed
        self.end = start
        self.problem = ""

    def head(self) -> bytes:
        data = b""
        for block in self._content(0):
            data += block
            if len(data) >= HEAD:
                break
        self.problem = ""
        return data[:HEAD]

    def chunks(self) -> Iterator[bytes]:
        position = 0
        pending = b""
        for block in self._content(self.start):
            data = pending + block
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                pending = data
                continue
            pending = data[cut:]
            position += cut
            self.end = self.start + position
            yield data[:cut]
        # A finished (compressed) log's last line is complete even without a newline, unless
        # the file was cut: then the last line is a fragment and is dropped.
        if pending and self.compressed and not self.problem:
            self.end = self.start + position + len(pending)
            yield pending

    def _content(self, start: int) -> Iterator[bytes]:
        if self.compressed:
            yield from self._gzip_content(start)
            return
        with self.path.open("rb") as handle:
            handle.seek(start)
            while block := handle.read(CHUNK):
                yield block

    def _gzip_content(self, start: int) -> Iterator[bytes]:
        skip = start
        decoder = zlib.decompressobj(wbits=31)
        fed = False
        with self.path.open("rb") as handle:
            while True:
                raw = handle.read(CHUNK)
                if not raw:
                    if fed and not decoder.eof:
                        self.problem = "gzip file is cut short; counted up to the cut"
                    return
                while raw:
                    fed = True
                    try:
                        block = decoder.decompress(raw)
                    except zlib.error:
                        self.problem = "gzip data is corrupt; counted up to the damage"
                        return
                    raw = b""
                    if decoder.eof:
                        # Concatenated gzip members (``cat a.gz b.gz``) are one log;
                        # anything else after the last member is padding and ignored.
                        raw = decoder.unused_data
                        decoder = zlib.decompressobj(wbits=31)
                        fed = False
                        if not raw.startswith(_GZIP_MAGIC):
                            raw = b""
                    if skip:
                        dropped = min(skip, len(block))
                        block = block[dropped:]
                        skip -= dropped
                    if block:
                        yield block
