"""The last-known visitor figures, read back from the JSON ``bantin stats`` wrote.

The build shows them in the widget, so this file is untrusted input for the page: a value
that is not a non-negative integer becomes None (shown as "—"), a most-read entry whose path
is not a plain site path is dropped, and a missing or broken file means "no figures yet".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bantin.core.dates import VIETNAM

COUNT_KEYS = ("online", "today", "yesterday", "week", "month", "total")
_SAFE_PATH = re.compile(r"/(?:[A-Za-z0-9._~-]+/)*(?:[A-Za-z0-9._~-]+\.html)?")


@dataclass(frozen=True)
class MostRead:
    path: str
    title: str
    views: int


@dataclass(frozen=True)
class VisitorFigures:
    as_of: datetime | None
    counts: dict[str, int | None]
    most_read: tuple[MostRead, ...]

    def __getitem__(self, key: str) -> int | None:
        """``figures["today"]`` in templates."""
        return self.counts.get(key)

    def to_json(self) -> bytes:
        """The validated document again, so nothing unchecked is republished."""
        document: dict[str, object] = {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            **self.counts,
            "most_read": [
                {"path": entry.path, "title": entry.title, "views": entry.views}
                for entry in self.most_read
            ],
        }
        return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def from_document(document: object) -> VisitorFigures | None:
    if not isinstance(document, dict):
        return None
    as_of: datetime | None = None
    raw_time = document.get("as_of")
    if isinstance(raw_time, str):
        try:
            as_of = datetime.fromisoformat(raw_time)
        except ValueError:
            as_of = None
        if as_of is not None:
            as_of = as_of.astimezone(VIETNAM) if as_of.tzinfo else as_of.replace(tzinfo=VIETNAM)
    entries = []
    raw_list = document.get("most_read")
    for entry in raw_list if isinstance(raw_list, list) else []:
        if not isinstance(entry, dict):
            continue
        path, title, views = entry.get("path"), entry.get("title"), count(entry.get("views"))
        if (
            isinstance(path, str)
            and _SAFE_PATH.fullmatch(path)
            and isinstance(title, str)
            and views is not None
        ):
            entries.append(MostRead(path, title.strip(), views))
    return VisitorFigures(
        as_of=as_of,
        counts={key: count(document.get(key)) for key in COUNT_KEYS},
        most_read=tuple(entries),
    )


def load(path: Path) -> tuple[VisitorFigures | None, str]:
    """The figures and, when they cannot be used, why (empty when the file is just absent)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, ""
    except OSError as error:
        return None, f"{path}: cannot be read ({error.strerror})"
    try:
        document = json.loads(raw)
    except ValueError:
        return None, f"{path}: is not valid JSON; run bantin stats again to rewrite it"
    figures = from_document(document)
    if figures is None:
        return None, f"{path}: is not a bantin stats file (expected a JSON object)"
    return figures, ""
