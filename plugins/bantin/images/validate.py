"""Every image problem of a news item, in the shared error voice (``path:line: image: …``).

Used by the build (paths here, pixels in the worker pool) and by ``bantin check``
(``problems_for``, which also decodes each image once, cheaply).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bantin.core import imagerefs
from bantin.core.imagerefs import ImageRef
from bantin.core.model import NewsItem
from bantin.core.problems import Problem
from bantin.images import pixels
from bantin.images.params import Limits
from bantin.images.probe import ImageRejectedError, too_big

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
    images: list[LocalImage] = []
    problems: list[Problem] = []
    for ref in _refs(item):
        reason = _path_reason(ref)
        src_uri = None if reason else imagerefs.resolve(item.folder, ref)
        if src_uri is None:
            problems.append(
                problem(
                    item, ref, reason or "leaves the item's folder; put the image next to the item"
                )
            )
        elif not os.path.isfile(f"{content_dir}/{src_uri}"):  # noqa: PTH113 - once per image
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


def _refs(item: NewsItem) -> list[ImageRef]:
    refs = list(item.body_images)  # found when the item was read: the file is not read again
    if item.image:
        refs.insert(0, ImageRef(item.image, item.image_line, alt=item.image_caption, lead=True))
    return refs
