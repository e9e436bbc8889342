"""Front-matter schema of a register document: one small normaliser per key.

The front matter is read by the news reader (``bantin.core.frontmatter``), so broken YAML,
tabs, duplicate keys and bad encodings get exactly the same messages as in news items; this
module checks the keys and values and speaks in the same voice.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection
from datetime import date
from typing import Any

import yaml

from bantin.core import dates
from bantin.core.checker import NULL, Checker, RejectedValueError, unknown_key
from bantin.core.problems import Problem
from bantin.core.vntext import format_date, slugify
from bantin.register.kinds import canonical_kind, suggest_kind
from bantin.register.model import Document

ATTACHMENT_EXTENSIONS = ("pdf", "docx", "doc", "xlsx", "odt")
# A document number as printed: digits first, then "/"-separated parts, no spaces
# (15/2024/QĐ-UBND, 123/UBND-KT, 05/CT-UBND, 1234a/VP-TH).
_NUMBER = re.compile(r"^\d+[A-Za-z]?(?:/[^\s/]+)+$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Checker(Checker):
    """The shared checker, with the register's own rule for dates: a day, never a time."""

    def day(self, node: yaml.Node, field: str) -> date:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, field, "expected a date, found a list or group of keys")
        if node.tag == NULL:
            raise self.fail(node, field, f"is empty; write a date ({dates.DATE_HINT})")
        raw = str(node.value)
        try:
            moment = dates.parse_datetime(raw)
        except dates.DateFormatError as error:
            raise self.fail(
                node, field, str(error).replace(dates.DATETIME_HINT, dates.DATE_HINT)
            ) from None
        if (moment.hour, moment.minute, moment.second) != (0, 0, 0):
            raise self.fail(
                node,
                field,
                f'"{raw}" has a time of day; a document date is a day only: {format_date(moment)}',
            )
        return moment.date()


# -- one normaliser per key; each returns the value for Document's field of that name ------

_Normaliser = Callable[[_Checker, yaml.Node, str], Any]


def _so_ky_hieu(c: _Checker, node: yaml.Node, field: str) -> str:
    value = c.text(node, field).replace(" / ", "/")
    if not _NUMBER.match(value):
        raise c.fail(
            node,
            field,
            f'"{value}" is not a document number; write it as printed on the document, '
            'for example so_ky_hieu: "15/2024/QĐ-UBND"',
        )
    return value


def _hinh_thuc(c: _Checker, node: yaml.Node, field: str) -> str:
    value = c.text(node, field)
    kind = canonical_kind(value)
    if kind is None:
        raise c.fail(
            node, field, f'"{value}" is not a known kind of document; {suggest_kind(value)}'
        )
    return kind


def _text(c: _Checker, node: yaml.Node, field: str) -> str:
    return c.text(node, field)


def _day(c: _Checker, node: yaml.Node, field: str) -> date:
    return c.day(node, field)


def _tep(c: _Checker, node: yaml.Node, field: str) -> str:
    value = c.text(node, field)
    normal = posixpath.normpath(value.replace("\\", "/"))
    if value.startswith(("/", "\\")) or normal.startswith("..") or "://" in value:
        raise c.fail(
            node,
            field,
            f'"{value}" leaves the document\'s folder; put the file next to the document '
            "and write only its file name",
        )
    extension = posixpath.splitext(normal)[1].lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        shown = f'".{extension}"' if extension else "no extension"
        raise c.fail(
            node,
            field,
            f'"{value}" has {shown}; attach the document as '
            + ", ".join(f".{e}" for e in ATTACHMENT_EXTENSIONS),
        )
    return normal


def _tags(c: _Checker, node: yaml.Node, field: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        found = "a group of keys" if isinstance(node, yaml.MappingNode) else "a single value"
        raise c.fail(
            node, field, f"expected a list, found {found}; write tags: [cải cách hành chính]"
        )
    values: list[str] = []
    for index, child in enumerate(node.value, 1):
        try:
            values.append(c.text(child, f"{field}[{index}]"))
        except RejectedValueError:
            continue
    return tuple(dict.fromkeys(values))


def _slug(c: _Checker, node: yaml.Node, field: str) -> str:
    value = c.text(node, field)
    if not _SLUG.match(value):
        raise c.fail(
            node,
            field,
            f'"{value}" is not a slug; use lowercase ASCII letters, digits and "-" '
            f"(for example {slugify(value) or 'cong-van-123-2024'})",
        )
    return value


NORMALISERS: dict[str, _Normaliser] = {
    "so_ky_hieu": _so_ky_hieu,
    "hinh_thuc": _hinh_thuc,
    "co_quan_ban_hanh": _text,
    "ngay_ban_hanh": _day,
    "ngay_hieu_luc": _day,
    "trich_yeu": _text,
    "tep": _tep,
    "nguoi_ky": _text,
    "tags": _tags,
    "slug": _slug,
}
REQUIRED = ("so_ky_hieu", "hinh_thuc", "co_quan_ban_hanh", "ngay_ban_hanh", "trich_yeu", "tep")
KEYS = tuple(NORMALISERS)
_EXAMPLES = {
    "so_ky_hieu": 'add so_ky_hieu: "15/2024/QĐ-UBND" (the number printed on the document)',
    "hinh_thuc": 'add hinh_thuc: "Quyết định" (Quyết định, Chỉ thị, Kế hoạch, Công văn…)',
    "co_quan_ban_hanh": 'add co_quan_ban_hanh: "UBND tỉnh"',
    "ngay_ban_hanh": "add ngay_ban_hanh: 15/03/2024 (the date printed on the document)",
    "trich_yeu": 'add trich_yeu: "Về việc …" (the summary printed under the number)',
    "tep": "add tep: <file name> and put the PDF or Word file next to this file",
}


def read_document(
    *,
    src_uri: str,
    path: str,
    mapping: yaml.MappingNode,
    offset: int,
    unreadable: Collection[str] = (),
) -> tuple[Document | None, list[Problem]]:
    """Validate one document's front matter; the document is None when any error was found.

    ``unreadable``: keys the front-matter reader left out for a syntax error it reported.
    """
    problems: list[Problem] = []
    checker = _Checker(path, offset, problems)
    values: dict[str, Any] = {}
    lines: dict[str, yaml.Node] = {}
    seen: set[str] = set()
    for key_node, value_node in mapping.value:
        key = str(key_node.value)
        if key in seen:
            continue  # duplicates are reported by the front-matter reader
        seen.add(key)
        normaliser = NORMALISERS.get(key)
        if normaliser is None:
            checker.fail(key_node, key, unknown_key(key, KEYS))
            continue
        lines[key] = value_node
        try:
            values[key] = normaliser(checker, value_node, key)
        except RejectedValueError:
            continue
    for key in REQUIRED:
        if key not in seen and key not in unreadable:
            problems.append(Problem(path, offset, key, f"is missing; {_EXAMPLES[key]}"))
    issued, effective = values.get("ngay_ban_hanh"), values.get("ngay_hieu_luc")
    if issued is not None and effective is not None and effective < issued:
        checker.fail(
            lines["ngay_hieu_luc"],
            "ngay_hieu_luc",
            f"{format_date(effective)} is before ngay_ban_hanh {format_date(issued)}; "
            "a document cannot take effect before it is issued",
        )
    if problems or unreadable:
        return None, problems
    slug = values.pop("slug", "") or slugify(values["so_ky_hieu"]) or "van-ban"
    return Document(src_uri=src_uri, path=path, slug=slug, **values), []
