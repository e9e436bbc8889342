"""The SQLite state of ``bantin stats``: what was read, and the counts, never a raw address.

Tables:
- ``logs``: one row per log stream (fingerprint, offset, last file seen) so a second run
  reads only new bytes;
- ``salts``: the secret salt of each open day; deleted when the day is closed, after which
  that day's visitor hashes can no longer be recomputed from an address;
- ``visitors``: salted hashes seen on open days (for distinct counts and "online"); deleted
  with the salt;
- ``days``: distinct visitors and page views per day; ``closed`` days accept no more lines;
- ``page_views``: views per page path per day, kept five weeks for "Tin đọc nhiều".

Days are numbered in days since 1970-01-01 of the Vietnamese calendar date.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from bantin.stats.sources import FileRecord

SCHEMA_VERSION = "1"
PAGE_VIEW_DAYS = 35
LOG_RECORD_DAYS = 31
"""A log stream not presented to any run for this long is forgotten; its lines, if they
ever come back, belong to closed days and are not counted again."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS logs (
    id INTEGER PRIMARY KEY,
    fingerprint BLOB NOT NULL,
    fingerprint_length INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    device INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    name TEXT NOT NULL,
    seen_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS salts (day INTEGER PRIMARY KEY, salt BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS visitors (
    day INTEGER NOT NULL,
    visitor BLOB NOT NULL,
    last_seen INTEGER NOT NULL,
    views INTEGER NOT NULL,
    PRIMARY KEY (day, visitor)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS days (
    day INTEGER PRIMARY KEY,
    visitors INTEGER NOT NULL,
    views INTEGER NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS page_views (
    day INTEGER NOT NULL,
    path TEXT NOT NULL,
    views INTEGER NOT NULL,
    PRIMARY KEY (day, path)
) WITHOUT ROWID;
"""


class StateError(Exception):
    """The state file cannot be used; the message says why and what to do."""


class State:
    """One run's connection; everything happens in one transaction, committed by ``commit``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # The state holds today's salt: only its owner may read it (SQLite gives the
            # journal files the same mode).
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            self.db = sqlite3.connect(path, timeout=10, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(_SCHEMA)
            # One writer at a time: a second cron run waits here instead of double counting.
            self.db.execute("BEGIN IMMEDIATE")
            version = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except OSError as error:
            raise StateError(
                f"{path}: state: cannot be opened ({error.strerror}); "
                "give --state a path in a folder this user can write"
            ) from None
        except sqlite3.DatabaseError as error:
            raise StateError(
                f"{path}: state: is not a usable bantin state file ({error}); move it away "
                "to start counting again"
            ) from None
        if version is None:
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif version[0] != SCHEMA_VERSION:
            raise StateError(
                f"{path}: state: schema {version[0]} is not {SCHEMA_VERSION}; "
                "use the bantin version that wrote it, or move it away"
            )

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()

    def commit(self) -> None:
        self.db.execute("COMMIT")

    # -- log streams ----------------------------------------------------------------------

    def log_records(self) -> list[FileRecord]:
        rows = self.db.execute(
            "SELECT id, fingerprint, fingerprint_length, offset, device, inode, size, mtime_ns,"
            " name, seen_at FROM logs ORDER BY id"
        )
        return [
            FileRecord(
                fingerprint=row[1],
                fingerprint_length=row[2],
                offset=row[3],
                device=row[4],
                inode=row[5],
                size=row[6],
                mtime_ns=row[7],
                name=row[8],
                seen_at=row[9],
                record_id=row[0],
            )
            for row in rows
        ]

    def save_log_records(self, records: Iterable[FileRecord], now: int) -> None:
        for record in records:
            values = (
                record.fingerprint,
                record.fingerprint_length,
                record.offset,
                record.device,
                record.inode,
                record.size,
                record.mtime_ns,
                record.name,
                record.seen_at,
            )
            if record.record_id is None:
                cursor = self.db.execute(
                    "INSERT INTO logs (fingerprint, fingerprint_length, offset, device, inode,"
                    " size, mtime_ns, name, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
                record.record_id = cursor.lastrowid
            else:
                self.db.execute(
                    "UPDATE logs SET fingerprint = ?, fingerprint_length = ?, offset = ?,"
                    " device = ?, inode = ?, size = ?, mtime_ns = ?, name = ?, seen_at = ?"
                    " WHERE id = ?",
                    (*values, record.record_id),
                )
        self.db.execute("DELETE FROM logs WHERE seen_at < ?", (now - LOG_RECORD_DAYS * 86400,))

    # -- days and salts -------------------------------------------------------------------

    def closed_days(self) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT day FROM days WHERE closed = 1")}

    def salts(self) -> dict[int, bytes]:
        return dict(self.db.execute("SELECT day, salt FROM salts"))

    def new_salt(self, day: int) -> bytes:
        salt = secrets.token_bytes(32)
        self.db.execute("INSERT INTO salts VALUES (?, ?)", (day, salt))
        return salt

    def add_visits(self, rows: Iterable[tuple[int, bytes, int, int]]) -> None:
        """Rows of (day, visitor hash, last seen, views), merged into what is there."""
        self.db.executemany(
            "INSERT INTO visitors VALUES (?, ?, ?, ?) ON CONFLICT (day, visitor) DO UPDATE SET"
            " last_seen = max(last_seen, excluded.last_seen), views = views + excluded.views",
            rows,
        )

    def add_page_views(self, rows: Iterable[tuple[int, str, int]]) -> None:
        self.db.executemany(
            "INSERT INTO page_views VALUES (?, ?, ?) ON CONFLICT (day, path) DO UPDATE SET"
            " views = views + excluded.views",
            rows,
        )

    def refresh_days(self, days: Iterable[int]) -> None:
        """Recount the open days that got new visits from their visitor hashes."""
        self.db.executemany(
            "INSERT INTO days (day, visitors, views) SELECT day, count(*), sum(views)"
            " FROM visitors WHERE day = ?1 GROUP BY day"
            " ON CONFLICT (day) DO UPDATE SET visitors = excluded.visitors,"
            " views = excluded.views",
            [(day,) for day in sorted(days)],
        )

    def close_days_before(self, today: int) -> list[int]:
        """Freeze every day before ``today``: destroy its salt and its visitor hashes."""
        open_days = [
            row[0]
            for row in self.db.execute("SELECT day FROM salts WHERE day < ? ORDER BY day", (today,))
        ]
        self.refresh_days(open_days)
        self.db.execute("UPDATE days SET closed = 1 WHERE day < ?", (today,))
        self.db.execute("DELETE FROM visitors WHERE day < ?", (today,))
        self.db.execute("DELETE FROM salts WHERE day < ?", (today,))
        self.db.execute("DELETE FROM page_views WHERE day < ?", (today - PAGE_VIEW_DAYS,))
        return open_days

    # -- figures --------------------------------------------------------------------------

    def online(self, since: int, until: int) -> int:
        row = self.db.execute(
            "SELECT count(DISTINCT visitor) FROM visitors WHERE last_seen > ? AND last_seen <= ?",
            (since, until),
        ).fetchone()
        return int(row[0])

    def visitors_between(self, first: int, last: int) -> int:
        row = self.db.execute(
            "SELECT coalesce(sum(visitors), 0) FROM days WHERE day >= ? AND day <= ?",
            (first, last),
        ).fetchone()
        return int(row[0])

    def first_day(self) -> int | None:
        row = self.db.execute("SELECT min(day) FROM days").fetchone()
        return None if row[0] is None else int(row[0])

    def page_views_between(self, first: int, last: int) -> list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT path, sum(views) AS total FROM page_views WHERE day >= ? AND day <= ?"
            " GROUP BY path ORDER BY total DESC, path",
            (first, last),
        )
        return [(str(path), int(total)) for path, total in rows]
