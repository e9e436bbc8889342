"""Reading YAML nodes into typed values, each problem recorded with the file's own line.

Shared by every front-matter schema (news items, register documents) so all of them speak
with one voice: the same wording for text given as a number, a list given as a mapping, an
unknown key, a missing value.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from difflib import get_close_matches

import yaml

from bantin.core import dates
from bantin.core.problems import Problem
from bantin.core.vntext import clean_text

STR = "tag:yaml.org,2002:str"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
NULL = "tag:yaml.org,2002:null"
TYPE_WORDS = {
    BOOL: "a yes/no value",
    INT: "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    NULL: "empty",
}


_SHARED_TEXT = 120
"""Texts up to this length are interned (a title or a summary seldom repeats)."""


class RejectedValueError(Exception):
    """A value could not be used; the Problem has been recorded already."""


@dataclass
class Checker:
    """Reads one mapping node, recording problems with the file's line numbers."""

    path: str
    offset: int
    problems: list[Problem]

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def fail(self, node: yaml.Node, field: str, message: str) -> RejectedValueError:
        self.problems.append(Problem(self.path, self.line(node), field, message))
        return RejectedValueError()

    # -- scalar kinds -------------------------------------------------------------------

    def text(self, node: yaml.Node, field: str, *, allow_empty: bool = False) -> str:
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a group of keys"
            raise self.fail(node, field, f"expected text, found {kind}")
        if node.tag != STR:
            if node.tag == NULL:
                if allow_empty:
                    return ""
                raise self.fail(node, field, "is empty; write the text after the colon")
            word = TYPE_WORDS.get(node.tag, "not text")
            raise self.fail(
                node,
                field,
                f"{node.value} is read as {word}, not text; put it in double quotes: "
                f'{_key_name(field)}: "{node.value}"',
            )
        value = clean_text(str(node.value))
        if not value and not allow_empty:
            raise self.fail(node, field, "is empty; write the text after the colon")
        # Names, titles, topics and authors repeat across thousands of items: one copy each.
        return sys.intern(value) if len(value) <= _SHARED_TEXT else value

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
        if node.tag == NULL:
            raise self.fail(node, field, "is empty; write a value after the colon")
        return str(node.value)

    def count(self, node: yaml.Node, field: str) -> int:
        if not isinstance(node, yaml.ScalarNode) or node.tag != INT:
            raise self.fail(node, field, f'"{_show(node)}" is not a whole number (write 0, 1, 2…)')
        value = int(str(node.value).replace("_", ""), 10)
        if value < 0:
            raise self.fail(node, field, f"{value} is negative; a count is 0 or more")
        return value

    def flag(self, node: yaml.Node, field: str) -> bool:
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL:
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
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
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
                self.fail(key_node, f"{field}.{key}", unknown_key(key, allowed))
        for key in required:
            if key not in entries:
                self.fail(parent, f"{field}.{key}", "is missing")


def _show(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else "…"


def unknown_key(key: str, allowed: tuple[str, ...]) -> str:
    close = get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f'did you mean "{close[0]}"?' if close else "allowed keys: " + ", ".join(allowed)
    return f"unknown key; {hint}"


def _key_name(field: str) -> str:
    """``awards[1].issuer`` → ``issuer``; ``tags[2]`` → ``tags``: the key as written."""
    return re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1])
