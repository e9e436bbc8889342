"""Per-field accuracy of the importer against pages with known answers.

Each page ``NAME.html``/``NAME.txt`` sits next to ``NAME.expected.yaml`` giving what a careful
person would extract (``null`` where the page does not say, which the importer must leave
marked rather than guess). Used by ``scripts/import-accuracy`` and the tests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bantin.importer.blocks import CAPTION
from bantin.importer.extract import Extraction, read_page

FIELDS = (
    "title", "date", "author", "source", "meeting", "officials", "awards", "captions",
    "chrome", "body",
)  # fmt: skip


@dataclass
class PageResult:
    page: str
    wrong: dict[str, tuple[object, object]] = field(default_factory=dict)
    """field → (expected, got) for every field that is not right."""
    counts: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """officials/awards → (right, extracted, expected) for precision and recall."""


def pages(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.suffix in {".txt", ".html"} and _expected_path(p).is_file()
    )


def _expected_path(page: Path) -> Path:
    return page.with_name(page.stem + ".expected.yaml")


def _moment(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text[:-3] if text.endswith(":00") and text.count(":") == 2 else text


def got_values(item: Extraction) -> dict[str, Any]:
    published = None
    if item.published is not None:
        fmt = "%Y-%m-%d %H:%M:%S" if item.published.second else "%Y-%m-%d %H:%M"
        published = item.published.strftime(fmt)
    meeting = None
    if item.meeting is not None:
        meeting = (str(item.meeting.day), item.meeting.kind.casefold())
    return {
        "title": item.title,
        "date": published,
        "author": item.author,
        "source": item.source,
        "meeting": meeting,
        "officials": Counter((o.name, o.title) for o in item.officials),
        "awards": Counter(
            (a.name, a.issuer or None, a.collectives, a.individuals) for a in item.awards
        ),
        "captions": [b.text for b in item.body if b.kind == CAPTION],
    }


def expected_values(data: dict[str, Any]) -> dict[str, Any]:
    meeting = data.get("meeting")
    return {
        "title": data.get("title"),
        "date": _moment(data.get("date")),
        "author": data.get("author"),
        "source": data.get("source"),
        "meeting": (str(meeting["date"]), str(meeting["kind"]).casefold()) if meeting else None,
        "officials": Counter((o["name"], o["title"]) for o in data.get("officials") or []),
        "awards": Counter(
            (a["name"], a.get("issuer"), a.get("collectives"), a.get("individuals"))
            for a in data.get("awards") or []
        ),
        "captions": list(data.get("captions") or []),
    }


def evaluate(page: Path) -> PageResult:
    data = yaml.safe_load(_expected_path(page).read_text(encoding="utf-8"))
    item = read_page(page.read_text(encoding="utf-8"))
    got, want = got_values(item), expected_values(data)
    result = PageResult(page.name)
    for key, expected in want.items():
        if got[key] != expected:
            result.wrong[key] = (expected, got[key])
    text = "\n".join(b.text for b in item.body)
    leaked = [s for s in data.get("chrome") or [] if s in text]
    if leaked:
        result.wrong["chrome"] = ([], leaked)
    lost = [s for s in data.get("body") or [] if s not in text]
    if lost:
        result.wrong["body"] = ([], lost)
    for key in ("officials", "awards"):
        right = sum((got[key] & want[key]).values())
        result.counts[key] = (right, sum(got[key].values()), sum(want[key].values()))
    return result


def report(results: list[PageResult]) -> str:
    lines = [f"{'field':<10} {'pages right':>12} {'accuracy':>9}"]
    total = len(results)
    for name in FIELDS:
        right = sum(1 for r in results if name not in r.wrong)
        lines.append(f"{name:<10} {right:>6}/{total:<5} {100 * right / max(total, 1):>8.1f}%")
    for key in ("officials", "awards"):
        right = sum(r.counts[key][0] for r in results)
        extracted = sum(r.counts[key][1] for r in results)
        expected = sum(r.counts[key][2] for r in results)
        precision = 100 * right / extracted if extracted else 100.0
        recall = 100 * right / expected if expected else 100.0
        lines.append(
            f"{key} (each entry): precision {precision:.1f}% ({right}/{extracted}), "
            f"recall {recall:.1f}% ({right}/{expected})"
        )
    for result in results:
        for name, (wanted, got) in sorted(result.wrong.items()):
            lines.append(f"  {result.page}: {name}: expected {wanted!r}, got {got!r}")
    return "\n".join(lines)
