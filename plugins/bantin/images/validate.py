"""Every image problem of a news item, in the shared error voice (``path:line: image: …``).

Used by the build (paths here, pixels in the worker pool) and by ``bantin check``
(``problems_for``, which also decodes each image once, cheaply).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bantin.core import frontmatter
from bantin.core.model import NewsItem
from bantin.core.problems import Problem
from bantin.images import pixels, references
from bantin.images.params import Limits
from bantin.images.probe import ImageRejectedError, too_big
from bantin.images.references import ImageRef

FIELD = "image"


@dataclass(frozen=True)
class LocalImage:
    """An image reference that points at an existing file inside the item's folder."""

    ref: ImageRef
    src_uri: str
    """Path inside ``content/``."""


def problem(item: NewsItem, ref: ImageRef, reason: str) -> Problem:
    return Problem(item.path, ref.line, FIELD, f'"{ref.src}" {reason}')


def item_images(content_dir: Path, item: NewsItem) -> tuple[list[LocalImage], list[Problem]]:
    """The item's lead and body images that exist locally, and problems for the others."""
    refs = _refs(content_dir, item)
    images: list[LocalImage] = []
    problems: list[Problem] = []
    for ref in refs:
        reason = _path_reason(ref)
        src_uri = None if reason else references.resolve(item.folder, ref)
        if src_uri is None:
            problems.append(
                problem(
                    item, ref, reason or "leaves the item's folder; put the image next to the item"
                )
            )
        elif not (content_dir / src_uri).is_file():
            problems.append(
                problem(
                    item,
                    ref,
                    "does not exist next to the item; check the file name (letter case matters)",
                )
            )
        else:
            images.append(LocalImage(ref, src_uri))
    return images, problems


def problems_for(content_dir: Path, item: NewsItem, limits: Limits | None = None) -> list[Problem]:
    """Every problem with the item's images: paths, and each file decoded once to be sure."""
    limits = limits or Limits()
    images, problems = item_images(content_dir, item)
    reasons: dict[str, str] = {}
    for image in images:
        if image.src_uri not in reasons:
            reasons[image.src_uri] = _file_reason(content_dir / image.src_uri, limits)
        if reasons[image.src_uri]:
            problems.append(problem(item, image.ref, reasons[image.src_uri]))
    return sorted(problems)


def _file_reason(path: Path, limits: Limits) -> str:
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return too_big(size, limits)
        pixels.verify(path.read_bytes(), limits)
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    except ImageRejectedError as rejected:
        return rejected.reason
    return ""


def _path_reason(ref: ImageRef) -> str:
    if ref.external:
        return (
            "is on another website; save the image next to the item and write its file name, "
            "so readers' phones never contact other sites"
        )
    if ref.path.startswith("/"):
        return (
            'starts with "/"; write the path relative to the item '
            "(just the file name when the image is next to it)"
        )
    if not ref.path:
        return "is empty; write the image's file name"
    return ""


def _refs(content_dir: Path, item: NewsItem) -> list[ImageRef]:
    refs: list[ImageRef] = []
    if not item.image and not item.body_images:
        return refs  # most items have no photo: their file is not read again
    try:
        raw = (content_dir / item.src_uri).read_bytes()
    except OSError:
        raw = b""
    source = _source(item, raw)
    if item.image:
        line = _front_matter_line(source, "image") if source else 0
        refs.append(ImageRef(item.image, line, alt=item.image_caption, lead=True))
    if source is not None:
        refs += references.in_body(source.body, source.body_line)
    return refs


def _source(item: NewsItem, raw: bytes) -> frontmatter.SourceFile | None:
    if not raw:
        return None
    text, _ = frontmatter.decode(item.path, raw)
    if text is None:
        return None
    source, _ = frontmatter.split(item.path, text)
    return source


def _front_matter_line(source: frontmatter.SourceFile, key: str) -> int:
    lines = source.text.split("\n")
    for number in range(source.front_matter_line, source.body_line):
        if lines[number - 1].startswith(f"{key}:"):
            return number
    return 0
