"""Decide whether bytes are an image we accept, before Pillow decodes a single pixel.

Pillow's own guards are not enough for files from the outside: its pixel limit lets an
80 KB PNG claim 300 MB, and it expands PNG text blocks up to 64 MB. Here the file kind is
sniffed from its first bytes, a PNG's chunks are walked with our own budgets, and the
pixel count is checked against our limit; every refusal is a plain reason.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from bantin.images.params import Limits

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ACCEPTED = ("JPEG", "PNG", "WEBP", "GIF")
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1"}
_AVIF_BRANDS = {b"avif", b"avis"}


class ImageRejectedError(Exception):
    """The file cannot be published; ``reason`` completes the sentence ``"x.jpg" …``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Sniffed:
    format: str
    """One of ``ACCEPTED``."""
    size: tuple[int, int] | None = None
    """Known from the header for PNG; other formats are measured by Pillow's header read."""


EMPTY = "is an empty file (0 bytes); copy the photo again"
TRUNCATED = "is cut off (the file is incomplete); copy the photo again from the camera or phone"
HTML = (
    "is a web page (HTML) saved with an image name, not a photo; "
    "open it in a browser and save the picture itself"
)
SVG = "is an SVG drawing, which can carry scripts and is not accepted; export it as PNG or JPEG"
HEIC = (
    "is a HEIC photo, which most browsers cannot show; export it as JPEG "
    "(on an iPhone: Settings > Camera > Formats > Most Compatible)"
)
AVIF = "is an AVIF image, which older browsers cannot show; export it as JPEG"
UNKNOWN = "is not a JPEG, PNG, WebP or GIF image; export it as JPEG"
BROKEN = "cannot be decoded (the file is damaged); export the photo again"


def too_many_pixels(size: tuple[int, int], limits: Limits) -> str:
    width, height = size
    megapixels = width * height / 1_000_000
    limit = limits.max_pixels / 1_000_000
    return (
        f"is {width}×{height} pixels ({megapixels:.1f} megapixels), above the limit of "
        f"{limit:g} megapixels; resize it (4000 pixels wide is plenty) and add it again"
    )


def too_big(size: int, limits: Limits) -> str:
    return (
        f"is {size / 1_048_576:.1f} MB, above the limit of {limits.max_bytes / 1_048_576:g} MB; "
        "export a smaller photo"
    )


def bomb(kind: str, limits: Limits) -> str:
    return (
        f"holds a compressed {kind} block that expands beyond {limits.max_text_bytes // 1024} KB "
        "(a decompression bomb); export the image again without metadata"
    )


def check_pixels(size: tuple[int, int], limits: Limits) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageRejectedError(BROKEN)
    if width * height > limits.max_pixels:
        raise ImageRejectedError(too_many_pixels(size, limits))


def sniff(data: bytes, limits: Limits) -> Sniffed:
    """The accepted format of ``data``, or ImageRejectedError with the reason."""
    if not data:
        raise ImageRejectedError(EMPTY)
    if len(data) > limits.max_bytes:
        raise ImageRejectedError(too_big(len(data), limits))
    if data.startswith(b"\xff\xd8\xff"):
        return Sniffed("JPEG")
    if data.startswith(PNG_SIGNATURE):
        size = scan_png(data, limits)
        return Sniffed("PNG", size)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Sniffed("WEBP")
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("GIF")
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in _AVIF_BRANDS:
            raise ImageRejectedError(AVIF)
        if brand in _HEIF_BRANDS:
            raise ImageRejectedError(HEIC)
    raise ImageRejectedError(_markup_reason(data[:4096]) or UNKNOWN)


def _markup_reason(head: bytes) -> str | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not text.startswith(b"<"):
        return None
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return HTML
    if b"<svg" in text:
        return SVG
    return HTML


def scan_png(data: bytes, limits: Limits) -> tuple[int, int]:
    """Walk a PNG's chunks: size from IHDR, truncation, and bounded text expansion."""
    position = len(PNG_SIGNATURE)
    size: tuple[int, int] | None = None
    expanded_total = 0
    while True:
        if position + 8 > len(data):
            raise ImageRejectedError(TRUNCATED)
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body_start = position + 8
        body_end = body_start + length
        if body_end + 4 > len(data):
            raise ImageRejectedError(TRUNCATED)
        body = data[body_start:body_end]
        if size is None:
            if kind != b"IHDR" or length < 8:
                raise ImageRejectedError(BROKEN)
            size = struct.unpack(">II", body[:8])
            check_pixels(size, limits)
        elif kind in (b"zTXt", b"iTXt", b"iCCP"):
            expanded = _expanded_size(kind, body, limits)
            expanded_total += expanded
            if expanded_total > limits.max_metadata_bytes:
                raise ImageRejectedError(bomb("metadata", limits))
        elif kind == b"IEND":
            return size
        position = body_end + 4  # skip the CRC


def _expanded_size(kind: bytes, body: bytes, limits: Limits) -> int:
    """Bytes a compressed PNG block expands to, never expanding more than the limit."""
    keyword_end = body.find(b"\0")
    if keyword_end < 0:
        return 0
    rest = body[keyword_end + 1 :]
    if kind == b"iTXt":
        # compression flag, method, language\0, translated keyword\0, text
        if len(rest) < 2 or rest[0] == 0:
            return 0
        rest = rest[2:]
        for _ in range(2):
            end = rest.find(b"\0")
            if end < 0:
                return 0
            rest = rest[end + 1 :]
    else:
        rest = rest[1:]  # compression method
    label = "ICC profile" if kind == b"iCCP" else "text"
    inflater = zlib.decompressobj()
    try:
        # max_length bounds the memory used, whatever the compressed data claims.
        out = inflater.decompress(rest, limits.max_text_bytes + 1)
    except zlib.error:
        return 0  # damaged text is ignored here; Pillow skips it too and we drop metadata
    if len(out) > limits.max_text_bytes:
        raise ImageRejectedError(bomb(label, limits))
    return len(out)
