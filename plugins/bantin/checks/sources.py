"""Item files read once per check run: their text, body and front-matter line numbers."""

from __future__ import annotations

from pathlib import Path

import yaml

from bantin.core import frontmatter
from bantin.core.model import NewsItem


class ItemSources:
    """Each item's text read once per run and split without parsing YAML again."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self._cache: dict[str, tuple[str, str, int]] = {}

    def get(self, item: NewsItem) -> tuple[str, str, int]:
        """(whole text, body, first body line); empty when unreadable (reported already)."""
        if item.src_uri not in self._cache:
            text, body, line = "", "", 1
            try:
                decoded, _ = frontmatter.decode(
                    item.path, (self.content / item.src_uri).read_bytes()
                )
            except OSError:
                decoded = None
            if decoded is not None:
                source, _ = frontmatter.split(item.path, decoded)
                text = decoded
                if source is not None:
                    body, line = source.body, source.body_line
            self._cache[item.src_uri] = (text, body, line)
        return self._cache[item.src_uri]


def _field_lines(item: NewsItem, content: Path) -> dict[str, int]:
    """Line of every front-matter value (``officials[1].name`` → 7), read again on demand."""
    try:
        raw = (content / item.src_uri).read_bytes()
    except OSError:
        return {}
    parsed = frontmatter.read(item.path, raw)
    if parsed.mapping is None or parsed.source is None:
        return {}
    offset = parsed.source.front_matter_line - 1
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{prefix}.{key.value}" if prefix else str(key.value)
                lines[name] = value.start_mark.line + 1 + offset
                walk(value, name)
        elif isinstance(node, yaml.SequenceNode):
            for number, child in enumerate(node.value, 1):
                name = f"{prefix}[{number}]"
                lines[name] = child.start_mark.line + 1 + offset
                walk(child, name)

    walk(parsed.mapping, "")
    return lines


class FieldLines:
    """Front-matter line numbers of many items, each file read at most once."""

    def __init__(self, content: Path) -> None:
        self._cache: dict[str, dict[str, int]] = {}
        self._content = content

    def of(self, item: NewsItem, field: str) -> int:
        if item.path not in self._cache:
            self._cache[item.path] = _field_lines(item, self._content)
        return self._cache[item.path].get(field, 0)
