"""The news items of a built site, by path, with their titles as the site prints them.

"Tin đọc nhiều" may only name real items, with real titles: both come from the built site,
never from a log line. Every item page carries ``<meta name="bantin:item-title">`` (written
by ``theme/bantin/hooks/stats-head.html``); pages without it (home, archives, topics) are
not items and never appear in the list.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_META = re.compile(rb'<meta name="bantin:item-title" content="([^"]*)"')
_HEAD_BYTES = 64 * 1024


def item_titles(site: Path) -> dict[str, str]:
    """``{"/tin-tuc/2018/08/so-ket/": "Văn phòng UBND tỉnh sơ kết…"}`` for every item page."""
    titles: dict[str, str] = {}
    for page in sorted(site.rglob("index.html")):
        with page.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
        match = _META.search(head)
        if match is None:
            continue
        folder = page.parent.relative_to(site).as_posix()
        path = "/" if folder == "." else f"/{folder}/"
        titles[path] = html.unescape(match.group(1).decode("utf-8", "replace"))
    return titles
