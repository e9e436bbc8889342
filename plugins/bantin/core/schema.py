"""Front-matter schema of a news item: one small normaliser per key, every problem collected."""

from __future__ import annotations

import contextlib
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from difflib import get_close_matches
from typing import Any

import yaml

from bantin.core import dates
from bantin.core.model import Award, Meeting, NewsItem, Official
from bantin.core.problems import Problem
from bantin.core.vntext import clean_text, nfc, slugify

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_TYPE_WORDS = {
    _BOOL: "a yes/no value",
    _INT: "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    _NULL: "empty",
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ALIAS = re.compile(r"^/[A-Za-z0-9._~/%-]*$")


class _InvalidValueError(Exception):
    """A value could not be used; the Problem has been recorded already."""


@dataclass
class _Checker:
    """Reads one mapping node, recording problems with the file's line numbers."""

    path: str
    offset: int
    problems: list[Problem]

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def fail(self, node: yaml.Node, field: str, message: str) -> _InvalidValueError:
        self.problems.append(Problem(self.path, self.line(node), field, message))
        return _InvalidValueError()

    # -- scalar kinds -------------------------------------------------------------------

    def text(self, node: yaml.Node, field: str, *, allow_empty: bool = False) -> str:
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a group of keys"
            raise self.fail(node, field, f"expected text, found {kind}")
        if node.tag != _STR:
            if node.tag == _NULL:
                if allow_empty:
                    return ""
                raise self.fail(node, field, "is empty; write the text after the colon")
            word = _TYPE_WORDS.get(node.tag, "not text")
            raise self.fail(
                node,
                field,
                f"{node.value} is read as {word}, not text; put it in double quotes: "
                f'{field.rsplit(".", 1)[-1]}: "{node.value}"',
            )
        value = clean_text(str(node.value))
        if not value and not allow_empty:
            raise self.fail(node, field, "is empty; write the text after the colon")
        return value

    def moment(self, node: yaml.Node, field: str) -> datetime:
        raw = self.scalar_text(node, field)
        try:
            return dates.parse_datetime(raw)
        except dates.DateFormatError as error:
            raise self.fail(node, field, str(error)) from None

    def day(self, node: yaml.Node, field: str) -> date:
        return self.moment(node, field).date()

    def scalar_text(self, node: yaml.Node, field: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, field, "expected a single value, found a list or group of keys")
        if node.tag == _NULL:
            raise self.fail(node, field, "is empty; write a value after the colon")
        return str(node.value)

    def count(self, node: yaml.Node, field: str) -> int:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _INT:
            raise self.fail(node, field, f'"{_show(node)}" is not a whole number (write 0, 1, 2…)')
        value = int(str(node.value).replace("_", ""), 10)
        if value < 0:
            raise self.fail(node, field, f"{value} is negative; a count is 0 or more")
        return value

    def flag(self, node: yaml.Node, field: str) -> bool:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            raise self.fail(node, field, f'"{_show(node)}" is not true or false')
        return str(node.value).lower() in {"true", "yes", "on", "y"}

    # -- containers ---------------------------------------------------------------------

    def mapping(
        self, node: yaml.Node, field: str, example: str
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            found = "a list" if isinstance(node, yaml.SequenceNode) else f'"{_show(node)}"'
            raise self.fail(node, field, f"expected a group of keys, found {found}; {example}")
        return {str(key.value): (key, value) for key, value in node.value}

    def sequence(self, node: yaml.Node, field: str, example: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return []
        if not isinstance(node, yaml.SequenceNode):
            found = "a group of keys" if isinstance(node, yaml.MappingNode) else "a single value"
            raise self.fail(node, field, f"expected a list, found {found}; {example}")
        return list(node.value)

    def keys(
        self,
        entries: dict[str, tuple[yaml.Node, yaml.Node]],
        field: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        parent: yaml.Node,
    ) -> None:
        for key, (key_node, _) in entries.items():
            if key not in allowed:
                self.fail(key_node, f"{field}.{key}", _unknown_key(key, allowed))
        for key in required:
            if key not in entries:
                self.fail(parent, f"{field}.{key}", "is missing")


def _show(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else "…"


def _unknown_key(key: str, allowed: tuple[str, ...]) -> str:
    close = get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f'did you mean "{close[0]}"?' if close else "allowed keys: " + ", ".join(allowed)
    return f"unknown key; {hint}"


# ---------------------------------------------------------------------------------------
# One normaliser per top-level key. Each returns the value for NewsItem's field of that name.

_Normaliser = Callable[[_Checker, yaml.Node, str], Any]


def _title(c: _Checker, node: yaml.Node, field: str) -> str:
    return c.text(node, field)


def _optional_text(c: _Checker, node: yaml.Node, field: str) -> str:
    return c.text(node, field, allow_empty=True)


def _date(c: _Checker, node: yaml.Node, field: str) -> datetime:
    return c.moment(node, field)


def _tags(c: _Checker, node: yaml.Node, field: str) -> tuple[str, ...]:
    nodes = c.sequence(node, field, "write tags: [sơ kết, văn phòng]")
    values: list[str] = []
    for index, child in enumerate(nodes, 1):
        try:
            values.append(c.text(child, f"{field}[{index}]"))
        except _InvalidValueError:
            continue
    return tuple(dict.fromkeys(values))


def _meeting(c: _Checker, node: yaml.Node, field: str) -> Meeting:
    example = 'write meeting: {date: 2018-08-03, kind: "Hội nghị sơ kết"}'
    entries = c.mapping(node, field, example)
    c.keys(entries, field, ("date", "kind", "location"), ("date",), node)
    values: dict[str, Any] = {}
    for key, reader in (("date", c.day), ("kind", _opt(c)), ("location", _opt(c))):
        if key in entries:
            with contextlib.suppress(_InvalidValueError):
                values[key] = reader(entries[key][1], f"{field}.{key}")
    if "date" not in values:
        raise _InvalidValueError()
    return Meeting(**values)


def _opt(c: _Checker) -> Callable[[yaml.Node, str], str]:
    return lambda node, field: c.text(node, field, allow_empty=True)


def _officials(c: _Checker, node: yaml.Node, field: str) -> tuple[Official, ...]:
    example = 'write officials: [{name: "Lý Vinh Quang", title: "Phó Chủ tịch UBND tỉnh"}]'
    result: list[Official] = []
    for index, child in enumerate(c.sequence(node, field, example), 1):
        where = f"{field}[{index}]"
        try:
            entries = c.mapping(child, where, example)
        except _InvalidValueError:
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
        except _InvalidValueError:
            continue
        if name:
            result.append(Official(name, title, role))
    return tuple(result)


def _awards(c: _Checker, node: yaml.Node, field: str) -> tuple[Award, ...]:
    example = 'write awards: [{name: "Bằng khen", issuer: "Chủ tịch UBND tỉnh", collectives: 1}]'
    allowed = ("name", "issuer", "collectives", "individuals", "recipients")
    result: list[Award] = []
    for index, child in enumerate(c.sequence(node, field, example), 1):
        where = f"{field}[{index}]"
        try:
            entries = c.mapping(child, where, example)
        except _InvalidValueError:
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
            except _InvalidValueError:
                ok = False
        if ok and "name" in values and "issuer" in values:
            result.append(Award(**values))
    return tuple(result)


def _draft(c: _Checker, node: yaml.Node, field: str) -> bool:
    return c.flag(node, field)


def _slug(c: _Checker, node: yaml.Node, field: str) -> str:
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


def _image(c: _Checker, node: yaml.Node, field: str) -> str:
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


def _aliases(c: _Checker, node: yaml.Node, field: str) -> tuple[str, ...]:
    values: list[str] = []
    for index, child in enumerate(c.sequence(node, field, "write aliases: [/tin-tuc/cu/]"), 1):
        where = f"{field}[{index}]"
        try:
            value = c.text(child, where)
        except _InvalidValueError:
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
) -> tuple[NewsItem | None, list[Problem]]:
    """Validate one front matter; the item is None when any error was found."""
    problems: list[Problem] = []
    checker = _Checker(path, offset, problems)
    values: dict[str, Any] = {}
    seen: set[str] = set()
    for key_node, value_node in mapping.value:
        key = str(key_node.value)
        if key in seen:
            continue  # duplicates are reported by the front-matter reader
        seen.add(key)
        normaliser = NORMALISERS.get(key)
        if normaliser is None:
            checker.fail(key_node, key, _unknown_key(key, KEYS))
            continue
        try:
            values[key] = normaliser(checker, value_node, key)
        except _InvalidValueError:
            continue
    for key in REQUIRED:
        if key not in seen:
            problems.append(Problem(path, offset, key, _missing(key)))
    if "image_caption" in values and "image" not in seen:
        problems.append(
            Problem(path, offset, "image_caption", "is given without image; add image: <file>")
        )
    if problems:
        return None, problems
    values.setdefault("summary", "")
    if not values["summary"]:
        values["summary"] = lead_paragraph(body)
        values["summary_is_lead"] = True
    slug = values.pop("slug", "") or slugify(values["title"]) or "bai-viet"
    item = NewsItem(src_uri=src_uri, path=path, slug=slug, body_line=body_line, **values)
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
