"""Find the images a news item uses: its lead ``image:`` and every image in its body.

Read once, when the item is loaded (its body is in memory then), and kept on the item.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).*?\1")
# The address may hold spaces and balanced brackets, as Python-Markdown reads it: phones and
# Windows name photos "IMG 2031.JPG" and "anh (1).jpg".
_INLINE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*"
    r"(?P<src><[^>\n]*>|(?:[^\s()]|\([^()\n]*\))(?:[^()\n]|\([^()\n]*\))*?)"
    r"(?:\s+(?P<title>\"[^\"]*\"|'[^']*'))?\s*\)"  # no "(title)": Markdown keeps it in the address
)
_REFERENCE_USE = re.compile(r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\[(?P<ref>[^\]]*)\]")
_REFERENCE_DEF = re.compile(
    r"^\s{0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<src><[^>]*>|\S+)"
    r"(?:\s+(?P<title>\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$"
)
_HTML_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class ImageRef:
    """One use of an image in one item, with the line where the press officer wrote it."""

    src: str
    """As written (``quang-canh.jpg``, ``anh/hoi-nghi.png``)."""
    line: int
    alt: str = ""
    title: str = ""
    lead: bool = False

    @property
    def path(self) -> str:
        """``src`` without angle brackets, query or fragment, percent-escapes decoded."""
        value = self.src.strip("<>")
        value = value.split("#", 1)[0].split("?", 1)[0]
        return unquote(value)

    @property
    def external(self) -> bool:
        return bool(_SCHEME.match(self.src)) or self.src.startswith("//")


def in_body(body: str, first_line: int) -> list[ImageRef]:
    """Every image in a Markdown body; ``first_line`` is the body's first line in the file."""
    visible, definitions = _visible_lines(body, first_line)
    refs: list[ImageRef] = []
    for number, line in visible:
        for match in _INLINE.finditer(line):
            refs.append(
                ImageRef(match["src"], number, _alt(match["alt"]), _unquote_title(match["title"]))
            )
        for match in _REFERENCE_USE.finditer(line):
            name = (match["ref"] or match["alt"]).strip().lower()
            if name in definitions:
                src, title = definitions[name]
                refs.append(ImageRef(src, number, _alt(match["alt"]), title))
        for match in _HTML_IMG.finditer(line):
            src = next(group for group in match.groups() if group is not None)
            refs.append(ImageRef(src, number))
    return refs


def _visible_lines(
    body: str, first_line: int
) -> tuple[list[tuple[int, str]], dict[str, tuple[str, str]]]:
    """Lines outside code that may show an image (numbered), and the reference definitions."""
    if "`" not in body and "~" not in body and "]:" not in body:
        # No fence, code span or reference definition: no line's meaning depends on the
        # others, so only the lines that may hold an image are looked at.
        starts = sorted(
            {
                body.rfind("\n", 0, mark) + 1
                for mark in (*_find_all(body, "!["), *_find_all(body, "<"))
            }
        )
        visible = []
        number, counted = first_line, 0
        for line_start in starts:
            number += body.count("\n", counted, line_start)
            counted = line_start
            line_end = body.find("\n", line_start)
            visible.append((number, body[line_start : len(body) if line_end < 0 else line_end]))
        return visible, {}
    definitions: dict[str, tuple[str, str]] = {}
    visible = []
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), first_line):
        marker = _FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        definition = _REFERENCE_DEF.match(line)
        if definition:
            definitions[definition["ref"].strip().lower()] = (
                definition["src"],
                _unquote_title(definition["title"]),
            )
            continue
        if "![" in line or "<" in line:  # most lines are plain text: no image to look for
            visible.append((number, _CODE_SPAN.sub("", line) if "`" in line else line))
    return visible, definitions


def _find_all(text: str, mark: str) -> list[int]:
    """Every position of ``mark`` (str.find: far faster than a pattern over the text)."""
    found = []
    position = text.find(mark)
    while position >= 0:
        found.append(position)
        position = text.find(mark, position + 1)
    return found


def resolve(folder: str, ref: ImageRef) -> str | None:
    """Path inside ``content/`` of a local image, or None when it leaves ``folder``."""
    path = ref.path
    if not path or path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(folder, path))
    if folder and not joined.startswith(folder.rstrip("/") + "/"):
        return None
    if joined.startswith("../") or joined == "..":
        return None
    return joined


def _alt(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def _unquote_title(title: str | None) -> str:
    return title[1:-1] if title else ""
