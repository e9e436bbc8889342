"""Building combined-format log lines and running `bantin stats` in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from bantin.cli import main

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Mobile Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
VIETNAM = timezone(timedelta(hours=7))


def stamp(moment: datetime) -> str:
    """nginx's $time_local, written in Vietnam time as a server there would."""
    return moment.astimezone(VIETNAM).strftime("%d/%b/%Y:%H:%M:%S %z")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def line(
    when: datetime | str,
    path: str = "/",
    *,
    ip: str = "203.0.113.5",
    agent: str = CHROME,
    method: str = "GET",
    status: int = 200,
    request: str | None = None,
) -> str:
    when_text = when if isinstance(when, str) else stamp(when)
    request_text = request if request is not None else f"{method} {path} HTTP/1.1"
    return f'{ip} - - [{when_text}] "{request_text}" {status} 5120 "-" "{agent}"\n'


@dataclass
class Run:
    code: int
    output: str
    errors: str
    figures: dict[str, object]


def run_stats(
    capsys: pytest.CaptureFixture[str],
    root: Path,
    logs: list[Path],
    now: str,
    *extra: str,
) -> Run:
    out = root / "public" / "truy-cap.json"
    code = main(
        [
            "stats",
            *(str(log) for log in logs),
            "--state",
            str(root / "state.sqlite"),
            "--out",
            str(out),
            "--now",
            now,
            *extra,
        ]
    )
    captured = capsys.readouterr()
    figures = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return Run(code, captured.out, captured.err, figures)


def counts(figures: dict[str, object]) -> dict[str, object]:
    return {key: figures[key] for key in ("online", "today", "yesterday", "week", "month", "total")}


REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@dataclass
class Build:
    """The outcome of one real `mkdocs build` run in ``root`` (output in ``root/site``)."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def build(root: Path, files: Mapping[str, str], *args: str) -> Build:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return Build(root, result.returncode, result.stdout + result.stderr)


def item(title: str, date: str, **fields: str) -> str:
    """A valid news item; ``fields`` are extra front-matter lines written as given."""
    lines = ["---", f'title: "{title}"', f"date: {date}", 'author: "Phóng viên"']
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join([*lines, "---", "", "Nội dung tin.", ""])
