"""``bantin new "Tiêu đề"``: start a news item with valid front matter, never overwriting."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from bantin.core import dates
from bantin.core.project import content_dir, project_root
from bantin.core.vntext import clean_text, slugify

AUTHOR_PLACEHOLDER = "Họ và tên tác giả"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", help='the item\'s title, in quotes: "Văn phòng UBND tỉnh …"')
    parser.add_argument(
        "--date", help="publication time: 03/08/2018 09:12 or 2018-08-03 09:12 (default: now)"
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a topic; repeat for more"
    )
    parser.add_argument(
        "--official",
        action="append",
        default=[],
        metavar="NAME|TITLE",
        help='an official and their title: "Lý Vinh Quang|Phó Chủ tịch UBND tỉnh"; repeatable',
    )
    parser.add_argument("--author", help="author's name (default: git config user.name)")
    parser.add_argument(
        "--content", type=Path, help="content folder (default: docs_dir of mkdocs.yml)"
    )


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _git_author() -> str:
    try:
        result = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, check=False, timeout=5
        )
    except OSError:
        return ""
    return clean_text(result.stdout)


def render(
    *,
    title: str,
    published: datetime,
    author: str,
    tags: list[str],
    officials: list[tuple[str, str]],
    slug: str | None,
) -> str:
    lines = [
        "---",
        f"title: {_quoted(title)}",
        f"date: {published:%Y-%m-%d %H:%M}",
        f"author: {_quoted(author or AUTHOR_PLACEHOLDER)}"
        + ("" if author else "  # sửa thành tên tác giả"),
        'source: ""',
        f"tags: [{', '.join(_quoted(tag) for tag in tags)}]",
    ]
    if officials:
        lines.append("officials:")
        for name, official_title in officials:
            lines.append(f"  - {{name: {_quoted(name)}, title: {_quoted(official_title)}}}")
    if slug:
        lines.append(f"slug: {slug}")
    lines += [
        "draft: true  # xoá dòng này khi bài đã sẵn sàng đăng",
        "---",
        "",
        "Viết đoạn mở đầu ở đây: ai, làm gì, khi nào, ở đâu.",
        "",
    ]
    return "\n".join(lines)


def _usage(message: str) -> int:
    print(f"bantin new: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    title = clean_text(args.title)
    if not title:
        return _usage('the title is empty; write it in quotes: bantin new "Tiêu đề"')
    base = slugify(title)
    if not base:
        return _usage("the title has no letters or digits to make a file name from")
    try:
        published = (
            dates.parse_datetime(args.date)
            if args.date
            else dates.build_now().replace(second=0, microsecond=0)
        )
    except dates.DateFormatError as error:
        return _usage(f"--date: {error}")
    officials: list[tuple[str, str]] = []
    for value in args.official:
        name, _, official_title = value.partition("|")
        if not clean_text(name):
            return _usage(f'--official "{value}": write it as "Họ và tên|Chức vụ"')
        officials.append((clean_text(name), clean_text(official_title)))
    tags = [clean_text(tag) for tag in args.tag if clean_text(tag)]
    author = clean_text(args.author) if args.author else _git_author()
    content = args.content if args.content else content_dir(project_root(Path.cwd()))
    if not content.is_dir():
        return _usage(
            f"no content folder at {content}; run it inside the project or give --content"
        )
    folder = content / "tin-tuc" / f"{published:%Y}"
    slug, number = base, 2
    while (folder / f"{slug}.md").exists() or (folder / slug / "index.md").exists():
        slug, number = f"{base}-{number}", number + 1
    path = folder / f"{slug}.md"
    text = render(
        title=title,
        published=published,
        author=author,
        tags=tags,
        officials=officials,
        slug=slug if slug != base else None,
    )
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:  # pragma: no cover - created between the check and the write
        return _usage(f"{path} appeared meanwhile; run the command again")
    print(_shown(path))
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
