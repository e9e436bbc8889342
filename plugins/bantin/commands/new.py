"""``bantin new "Tiêu đề"``: start a news item with valid front matter, never overwriting.

The item's ``slug:`` is always written, so its address no longer depends on the title: a
typo in a published title can be corrected without moving the item. ``--image`` makes a
bundle (a folder with ``index.md``) and copies the photo into it as the lead image.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from bantin.core import dates
from bantin.core.project import content_dir, project_root
from bantin.core.vntext import clean_text, slugify

AUTHOR_PLACEHOLDER = "Họ và tên tác giả"
# What people type between a name and a title instead of "|": "Tên - Chức vụ", "Tên, Chức vụ".
_OTHER_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*[,;:/]\s*")


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
        "--image",
        type=Path,
        metavar="FILE",
        help="lead photo: makes a folder for the item (a bundle) and copies the photo into it",
    )
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
    slug: str,
    image: str | None = None,
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
    if image:
        lines.append(f"image: {_quoted(image)}")
        lines.append('image_caption: ""  # viết chú thích ảnh')
    # Written always: the address stays the same when the title is corrected later.
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
        parsed = _official(value)
        if isinstance(parsed, str):
            return _usage(parsed)
        officials.append(parsed)
    image = args.image
    if image is not None and not image.is_file():
        return _usage(f"--image {image}: no such file; give the path of the photo")
    tags = [clean_text(tag) for tag in args.tag if clean_text(tag)]
    author = clean_text(args.author) if args.author else _git_author()
    content = args.content if args.content else content_dir(project_root(Path.cwd()))
    if not content.is_dir():
        return _usage(
            f"no content folder at {content}; run it inside the project or give --content"
        )
    folder = content / "tin-tuc" / f"{published:%Y}"
    slug, number = base, 2
    while (
        (folder / f"{slug}.md").exists()
        or (folder / slug).exists()
        or (folder / f"{slug}.MD").exists()
    ):
        slug, number = f"{base}-{number}", number + 1
    photo = _photo_name(image) if image is not None else None
    text = render(
        title=title,
        published=published,
        author=author,
        tags=tags,
        officials=officials,
        slug=slug,
        image=photo,
    )
    if image is not None and photo is not None:
        path = folder / slug / "index.md"
        path.parent.mkdir(parents=True)
        shutil.copyfile(image, path.parent / photo)
    else:
        path = folder / f"{slug}.md"
        folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:  # pragma: no cover - created between the check and the write
        return _usage(f"{path} appeared meanwhile; run the command again")
    print(_shown(path))
    return 0


def _official(value: str) -> tuple[str, str] | str:
    """(name, title) from "Họ và tên|Chức vụ", or the usage message that says how to write it."""
    name, bar, official_title = value.partition("|")
    if not bar:
        parts = _OTHER_SEPARATOR.split(value, maxsplit=1)
        if len(parts) == 2 and all(clean_text(part) for part in parts):
            fixed = f"{clean_text(parts[0])}|{clean_text(parts[1])}"
            return (
                f'--official "{value}": separate the name and the title with | '
                f'(write --official "{fixed}")'
            )
    if not clean_text(name):
        return f'--official "{value}": write it as "Họ và tên|Chức vụ"'
    return clean_text(name), clean_text(official_title)


def _photo_name(image: Path) -> str:
    """The photo's name inside the bundle: ASCII, lower case, its own extension kept."""
    stem = slugify(image.stem) or "anh"
    return f"{stem}{image.suffix.lower()}"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
