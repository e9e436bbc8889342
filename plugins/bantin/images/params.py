"""Settings that decide the derivative bytes; their fingerprint is part of every cache key."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import PIL

# Bump when the processing code changes its output, so old cache entries are not reused.
ALGORITHM_VERSION = 3


@dataclass(frozen=True)
class Limits:
    """What a source file may be; checked before any pixel is decoded."""

    max_bytes: int = 50 * 1024 * 1024
    max_pixels: int = 50_000_000
    """50 megapixels: a 50 MP phone photo fits; a 9000×9000 (81 MP) image does not."""
    max_text_bytes: int = 1024 * 1024
    """Largest expanded PNG text or ICC block; more is a decompression bomb."""
    max_metadata_bytes: int = 4 * 1024 * 1024
    """All expanded PNG text and ICC blocks of one file together."""


@dataclass(frozen=True)
class Params:
    """How derivatives are made. Widths are CSS pixels of the published files."""

    widths: tuple[int, ...] = (480, 960, 1440)
    card_widths: tuple[int, ...] = (360, 720)
    card_ratio: tuple[int, int] = (3, 2)
    webp_quality: int = 80
    jpeg_quality: int = 82
    limits: Limits = Limits()

    def fingerprint(self) -> str:
        """Stable text of everything that changes output bytes, Pillow's version included."""
        data = {
            "algorithm": ALGORITHM_VERSION,
            "pillow": PIL.__version__,
            "params": asdict(self),
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"))
