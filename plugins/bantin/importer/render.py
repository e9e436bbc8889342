"""Write an extraction as a news item: strict front matter, Markdown body, marked gaps."""

from __future__ import annotations

import json
import re
from datetime import datetime

from bantin.core.vntext import slugify
from bantin.importer.blocks import CAPTION, HEADING
from bantin.importer.extract import Extraction, Gap

MARKER = "CẦN BỔ SUNG"
"""Written next to every value a person must finish; ``bantin check`` warns about it."""


def quoted(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: no ": " or "#" surprises.
    return json.dumps(text, ensure_ascii=False)


def moment(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")


def _comment(gaps: list[Gap], field: str) -> str:
    markers = [gap.marker for gap in gaps if gap.field == field]
    return f"  # {MARKER}: {'; '.join(markers)}" if markers else ""


def front_matter(item: Extraction, published: datetime, slug_line: str = "") -> list[str]:
    gaps = item.gaps
    lines = [
        f"title: {quoted(item.title or MARKER)}{_comment(gaps, 'title')}",
        f"date: {moment(published)}{_comment(gaps, 'date')}",
        f"author: {quoted(item.author or MARKER)}{_comment(gaps, 'author')}",
    ]
    if item.source:
        lines.append(f"source: {quoted(item.source)}")
    if item.tags:
        lines.append(f"tags: [{', '.join(quoted(tag) for tag in item.tags)}]")
    if item.meeting is not None:
        parts = [f"date: {item.meeting.day:%Y-%m-%d}"]
        if item.meeting.kind:
            parts.append(f"kind: {quoted(item.meeting.kind)}")
        lines.append(f"meeting: {{{', '.join(parts)}}}")
    if item.officials:
        lines.append("officials:")
        for official in item.officials:
            parts = [f"name: {quoted(official.name)}", f"title: {quoted(official.title)}"]
            if official.role:
                parts.append(f"role: {quoted(official.role)}")
            lines.append(f"  - {{{', '.join(parts)}}}")
    if item.awards:
        lines.append("awards:")
        for index, award in enumerate(item.awards, 1):
            where = f"awards[{index}]"
            parts = [f"name: {quoted(award.name)}", f"issuer: {quoted(award.issuer or MARKER)}"]
            if award.collectives is not None:
                parts.append(f"collectives: {award.collectives}")
            if award.individuals is not None:
                parts.append(f"individuals: {award.individuals}")
            markers = [g.marker for g in gaps if g.field.startswith(where + ".")]
            comment = f"  # {MARKER}: {'; '.join(markers)}" if markers else ""
            lines.append(f"  - {{{', '.join(parts)}}}{comment}")
    if slug_line:
        lines.append(f"slug: {slug_line}")
    if item.old_path:
        lines.append(f"aliases: [{quoted(item.old_path)}]")
    if gaps:
        lines.append(f"draft: true  # {MARKER}: hoàn thiện các mục đánh dấu rồi xoá dòng này")
    return lines


_INLINE = re.compile(r"([\\`*_\[\]>])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+*](?=\s)|=+\s*$|-{3,}\s*$)")
_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s)")


def escape(text: str) -> str:
    """Legacy text as literal Markdown: nothing in it becomes markup or raw HTML."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _ORDERED.sub(r"\1\\\2", text)  # "1. " would start a numbered list
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def body(item: Extraction) -> str:
    parts = []
    for block in item.body:
        if block.kind == CAPTION:
            parts.append(f"*{escape(block.text)}*")
        elif block.kind == HEADING:
            parts.append(f"## {escape(block.text)}")
        else:
            parts.append(escape(block.text))
    return "\n\n".join(parts) + "\n"


def document(item: Extraction, published: datetime, slug_line: str = "") -> str:
    """The whole item file; ``slug_line`` is written when the file name is not the title's."""
    lines = front_matter(item, published, slug_line)
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body(item)


def slug(item: Extraction, fallback: str) -> str:
    return slugify(item.title or "") or slugify(fallback) or "bai-viet"
