"""Front-matter schema of a news item: one small normaliser per key, every problem collected."""

from __future__ import annotations

import contextlib
import html
import posixpath
import re
from collections.abc import Callable, Collection
from datetime import datetime
from typing import Any

import yaml

from bantin.core.checker import Checker, RejectedValueError, unknown_key
from bantin.core.imagerefs import in_body
from bantin.core.model import Award, Meeting, NewsItem, Official
from bantin.core.problems import Problem
from bantin.core.vntext import clean_text, nfc, slugify

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ALIAS = re.compile(r"^/[A-Za-z0-9._~/%-]*$")


# ---------------------------------------------------------------------------------------
# One normaliser per top-level key. Each returns the value for NewsItem's field of that name.

_Normaliser = Callable[[Checker, yaml.Node, str], Any]


def _title(c: Checker, node: yaml.Node, field: str) -> str:
    return c.text(node, field)


def _optional_text(c: Checker, node: yaml.Node, field: str) -> str:
    return c.text(node, field, allow_empty=True)


def _date(c: Checker, node: yaml.Node, field: str) -> datetime:
    return c.moment(node, field)


def _tags(c: Checker, node: yaml.Node, field: str) -> tuple[str, ...]:
    nodes = c.sequence(node, field, "write tags: [sơ kết, văn phòng]")
    values: list[str] = []
    for index, child in enumerate(nodes, 1):
        try:
            values.append(c.text(child, f"{field}[{index}]"))
        except RejectedValueError:
            continue
    return tuple(dict.fromkeys(values))


def _meeting(c: Checker, node: yaml.Node, field: str) -> Meeting:
    example = 'write meeting: {date: 2018-08-03, kind: "Hội nghị sơ kết"}'
    entries = c.mapping(node, field, example)
    c.keys(entries, field, ("date", "kind", "location"), ("date",), node)
    values: dict[str, Any] = {}
    for key, reader in (("date", c.day), ("kind", _opt(c)), ("location", _opt(c))):
        if key in entries:
            with contextlib.suppress(RejectedValueError):
                values[key] = reader(entries[key][1], f"{field}.{key}")
    if "date" not in values:
        raise RejectedValueError()
    return Meeting(**values)


def _opt(c: Checker) -> Callable[[yaml.Node, str], str]:
    return lambda node, field: c.text(node, field, allow_empty=True)


def _officials(c: Checker, node: yaml.Node, field: str) -> tuple[Official, ...]:
    example = 'write officials: [{name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}]'
    result: list[Official] = []
    for index, child in enumerate(c.sequence(node, field, example), 1):
        where = f"{field}[{index}]"
        try:
            entries = c.mapping(child, where, example)
        except RejectedValueError:
            continue
        c.keys(entries, where, ("name", "title", "role"), ("name",), child)
        try:
            name = c.text(entries["name"][1], f"{where}.name") if "name" in entries else None
            title = (
                c.text(entries["title"][1], f"{where}.title", allow_empty=True)
                if ("title" in entries)
                else ""
            )
            role = (
                c.text(entries["role"][1], f"{where}.role", allow_empty=True)
                if ("role" in entries)
                else ""
            )
        except RejectedValueError:
            continue
        if name:
            result.append(Official(name, title, role))
    return tuple(result)


def _awards(c: Checker, node: yaml.Node, field: str) -> tuple[Award, ...]:
    example = 'write awards: [{name: "Bằng khen", issuer: "Chủ tịch UBND tỉnh", collectives: 1}]'
    allowed = ("name", "issuer", "collectives", "individuals", "recipients")
    result: list[Award] = []
    for index, child in enumerate(c.sequence(node, field, example), 1):
        where = f"{field}[{index}]"
        try:
            entries = c.mapping(child, where, example)
        except RejectedValueError:
            continue
        c.keys(entries, where, allowed, ("name", "issuer"), child)
        values: dict[str, Any] = {}
        ok = True
        for key in allowed:
            if key not in entries:
                continue
            value_node = entries[key][1]
            try:
                if key in ("collectives", "individuals"):
                    values[key] = c.count(value_node, f"{where}.{key}")
                elif key == "recipients":
                    values[key] = _tags(c, value_node, f"{where}.{key}")
                else:
                    values[key] = c.text(value_node, f"{where}.{key}")
            except RejectedValueError:
                ok = False
        if ok and "name" in values and "issuer" in values:
            result.append(Award(**values))
    return tuple(result)


def _draft(c: Checker, node: yaml.Node, field: str) -> bool:
    return c.flag(node, field)


def _slug(c: Checker, node: yaml.Node, field: str) -> str:
    value = c.text(node, field)
    if not _SLUG.match(value):
        suggestion = slugify(value) or "ten-bai-viet"
        raise c.fail(
            node,
            field,
            f'"{value}" is not a slug; use lowercase ASCII letters, digits and "-" '
            f"(for example {suggestion})",
        )
    return value


def _image(c: Checker, node: yaml.Node, field: str) -> str:
    value = c.text(node, field)
    normal = posixpath.normpath(value.replace("\\", "/"))
    if value.startswith(("/", "\\")) or normal.startswith("..") or "://" in value:
        raise c.fail(
            node,
            field,
            f'"{value}" leaves the item\'s folder; put the image next to the item '
            "and write only its file name",
        )
    return normal


def _aliases(c: Checker, node: yaml.Node, field: str) -> tuple[str, ...]:
    values: list[str] = []
    for index, child in enumerate(c.sequence(node, field, "write aliases: [/tin-tuc/cu/]"), 1):
        where = f"{field}[{index}]"
        try:
            value = c.text(child, where)
        except RejectedValueError:
            continue
        if not _ALIAS.match(value) or ".." in value.split("/"):
            c.fail(
                child, where, f'"{value}" is not a site path; write it like /tin-tuc/2018/08/cu/'
            )
            continue
        values.append(
            value if value.endswith("/") or "." in value.rsplit("/", 1)[-1] else value + "/"
        )
    return tuple(values)


NORMALISERS: dict[str, _Normaliser] = {
    "title": _title,
    "date": _date,
    "updated": _date,
    "summary": _optional_text,
    "author": _title,
    "source": _optional_text,
    "tags": _tags,
    "meeting": _meeting,
    "officials": _officials,
    "awards": _awards,
    "image": _image,
    "image_caption": _optional_text,
    "draft": _draft,
    "slug": _slug,
    "aliases": _aliases,
}
REQUIRED = ("title", "date", "author")
KEYS = tuple(NORMALISERS)


def read_item(
    *,
    src_uri: str,
    path: str,
    mapping: yaml.MappingNode,
    offset: int,
    body: str,
    body_line: int,
    unreadable: Collection[str] = (),
) -> tuple[NewsItem | None, list[Problem]]:
    """Validate one front matter; the item is None when any error was found.

    ``unreadable``: keys the front-matter reader left out for a syntax error it reported.
    """
    problems: list[Problem] = []
    checker = Checker(path, offset, problems)
    values: dict[str, Any] = {}
    seen: set[str] = set()
    image_line = 0
    for key_node, value_node in mapping.value:
        key = str(key_node.value)
        if key in seen:
            continue  # duplicates are reported by the front-matter reader
        seen.add(key)
        if key == "image":
            image_line = checker.line(key_node)
        normaliser = NORMALISERS.get(key)
        if normaliser is None:
            checker.fail(key_node, key, unknown_key(key, KEYS))
            continue
        try:
            values[key] = normaliser(checker, value_node, key)
        except RejectedValueError:
            continue
    seen.update(unreadable)  # not missing: written, with a syntax error reported already
    for key in REQUIRED:
        if key not in seen:
            problems.append(Problem(path, offset, key, _missing(key)))
    if "image_caption" in values and "image" not in seen:
        problems.append(
            Problem(path, offset, "image_caption", "is given without image; add image: <file>")
        )
    if problems or unreadable:
        return None, problems
    values.setdefault("summary", "")
    if not values["summary"]:
        values["summary"] = lead_paragraph(body)
        values["summary_is_lead"] = True
    slug = values.pop("slug", "") or slugify(values["title"]) or "bai-viet"
    # Most bodies have no image: the cheap search spares them the line-by-line reading.
    body_images = tuple(in_body(body, body_line)) if _IMAGE_SYNTAX.search(body) else ()
    item = NewsItem(
        src_uri=src_uri,
        path=path,
        slug=slug,
        body_line=body_line,
        image_line=image_line if "image" in values else 0,
        body_images=body_images,
        **values,
    )
    return item, []


def _missing(key: str) -> str:
    examples = {
        "title": 'add title: "Tiêu đề bài viết"',
        "date": "add date: 2018-08-03 09:12",
        "author": 'add author: "Họ và tên" (author and source are required on every article)',
    }
    return f"is missing; {examples[key]}"


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|[*_`#>]|\[([^\]]*)\]\([^)]*\)")
# Markdown backslash escapes (\* \[ \#…) stand for the character itself, not for markup.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_HIDDEN = 0xE000  # escaped characters wait in the private-use area while markup is removed


_IMAGE_SYNTAX = re.compile(r"!\[|<img", re.I)


def lead_paragraph(body: str, limit: int = 300) -> str:
    """First real paragraph of the body as plain text, cut at a word near ``limit``."""
    for block in re.split(r"\n\s*\n", body):
        stripped = block.strip()
        if not stripped or stripped.startswith(("#", "!", "<", "|", "---", "```")):
            continue
        hidden = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), stripped)
        plain = _MARKUP.sub(lambda m: m.group(1) or "", hidden)
        plain = re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - _HIDDEN), plain)
        text = clean_text(html.unescape(plain))
        if len(text) < 20:
            continue
        if len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0] + " …"
        return nfc(text)
    return ""
