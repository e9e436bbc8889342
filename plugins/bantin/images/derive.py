"""Make every published file of one source image: a few widths and a card crop, WebP + JPEG."""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from bantin.images import geometry
from bantin.images.params import Params
from bantin.images.pixels import decode

FALLBACK_WIDTH = 960
"""The JPEG ``src`` for browsers without WebP: good on a desktop, not huge on a phone."""


@dataclass(frozen=True)
class Variant:
    """One published file, described without its bytes (this is what the cache remembers)."""

    role: str
    """``full`` (the picture as taken) or ``card`` (cropped to the card ratio)."""
    width: int
    height: int
    extension: str
    """``webp`` or ``jpg``."""

    @functools.cached_property  # variants are shared by every photo of one size
    def suffix(self) -> str:
        """The part of the published name after ``@``: ``480w.webp``, ``3x2-360w.jpg``."""
        return (
            f"{self.width}w.{self.extension}"
            if self.role == "full"
            else (f"{self.role}-{self.width}w.{self.extension}")
        )


def card_role(params: Params) -> str:
    ratio_w, ratio_h = params.card_ratio
    return f"{ratio_w}x{ratio_h}"


def plan(size: tuple[int, int], params: Params) -> list[Variant]:
    """Every file to make for an upright source of ``size``; pure, smallest first per role.

    WebP at every width, which is what browsers take. JPEG only where a page or a share
    needs it: the fallback ``src`` for browsers without WebP (one size, ``FALLBACK_WIDTH``),
    and the widest full picture for sharing sites (``og:image``), which may not read WebP.
    """
    width, height = size
    full = geometry.target_widths(width, params.widths)
    variants = _role_variants("full", full, (width, height), {fallback_width(full), full[-1]})
    left, top, right, bottom = geometry.crop_box(width, height, params.card_ratio)
    cards = geometry.target_widths(right - left, params.card_widths)
    variants += _role_variants(
        card_role(params), cards, (right - left, bottom - top), {fallback_width(cards)}
    )
    return variants


def fallback_width(widths: Sequence[int]) -> int:
    """The JPEG ``src`` width: the widest not above ``FALLBACK_WIDTH``, else the narrowest."""
    fitting = [width for width in widths if width <= FALLBACK_WIDTH]
    return max(fitting) if fitting else min(widths)


def _role_variants(
    role: str, widths: Sequence[int], box: tuple[int, int], jpeg_widths: set[int]
) -> list[Variant]:
    variants = []
    for target in widths:
        target_height = geometry.scaled_height(box[0], box[1], target)
        variants.append(Variant(role, target, target_height, "webp"))
        if target in jpeg_widths:
            variants.append(Variant(role, target, target_height, "jpg"))
    return variants


def needed_width(size: tuple[int, int], params: Params) -> int:
    """Upright width to decode at so every variant is a reduction, never an enlargement."""
    width, height = size
    full = max(geometry.target_widths(width, params.widths), default=width)
    left, _, right, _ = geometry.crop_box(width, height, params.card_ratio)
    card = max(geometry.target_widths(right - left, params.card_widths), default=0)
    return max(full, math.ceil(card * width / (right - left)))


@dataclass(frozen=True)
class Derived:
    size: tuple[int, int]
    """Upright size of the source."""
    files: tuple[tuple[Variant, bytes], ...]


def derive(data: bytes, params: Params) -> Derived:
    """Decode ``data`` once and encode every variant. Raises ImageRejectedError for bad input."""
    image, upright = decode(data, params.limits, lambda size: needed_width(size, params))
    variants = plan(upright, params)
    # The widest full variant is made first; narrower ones and the cards are made from it
    # when it is wide enough: resizing a 1440 px image costs a third of a 2000 px one.
    widest = max((v for v in variants if v.role == "full"), key=lambda v: v.width)
    bases = [image]
    if (widest.width, widest.height) != image.size:
        bases.insert(0, _resize(image, (widest.width, widest.height)))
    resized: dict[tuple[str, int], Image.Image] = {}  # one resize serves both formats
    files = []
    for variant in variants:
        key = (variant.role, variant.width)
        if key not in resized:
            resized[key] = _make(bases, variant, params)
        files.append((variant, encode(resized[key], variant.extension, params)))
    return Derived(upright, tuple(files))


def _make(bases: list[Image.Image], variant: Variant, params: Params) -> Image.Image:
    """``variant`` from the smallest base that still is a reduction (bases: smallest first)."""
    for base in bases:
        source = base if variant.role == "full" else base.crop(_scaled_box(base.size, params))
        if source.width >= variant.width or base is bases[-1]:
            return _resize(source, (variant.width, variant.height))
    raise AssertionError("unreachable: the last base is always used")


def _scaled_box(size: tuple[int, int], params: Params) -> tuple[int, int, int, int]:
    return geometry.crop_box(size[0], size[1], params.card_ratio)


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS)


def encode(image: Image.Image, extension: str, params: Params) -> bytes:
    """Encoded bytes with no metadata: ``image`` carries an empty ``info`` (see pixels.fresh)."""
    buffer = io.BytesIO()
    if extension == "webp":
        image.save(buffer, "WEBP", quality=params.webp_quality, method=4)
    else:
        image.save(buffer, "JPEG", quality=params.jpeg_quality, optimize=True, progressive=True)
    return buffer.getvalue()
