"""Pure geometry: which widths to make, their heights, crop boxes and JPEG draft sizes."""

from __future__ import annotations

import math
from collections.abc import Sequence


def target_widths(source_width: int, widths: Sequence[int]) -> list[int]:
    """Widths to publish for a source ``source_width`` pixels wide, smallest first.

    Never upscaled: wanted widths above the source are dropped and the source width itself
    takes their place, so a 1000 px photo with wanted widths 480/960/1440 gives 480/960/1000
    and a 300 px one gives just 300.
    """
    if source_width <= 0 or not widths:
        return []
    wanted = sorted(set(widths))
    result = [width for width in wanted if width < source_width]
    if source_width <= wanted[-1]:
        result.append(source_width)
    else:
        result.append(wanted[-1])
    return sorted(set(result))


def scaled_height(width: int, height: int, new_width: int) -> int:
    """Height keeping the aspect ratio, rounded half up, at least one pixel."""
    return max(1, math.floor(height * new_width / width + 0.5))


def crop_box(width: int, height: int, ratio: tuple[int, int]) -> tuple[int, int, int, int]:
    """The largest centred box of ``ratio`` (width, height) inside the image.

    Returns ``(left, top, right, bottom)`` as Pillow's ``crop`` expects.
    """
    ratio_w, ratio_h = ratio
    if width * ratio_h > height * ratio_w:  # too wide: cut the sides
        new_width = max(1, height * ratio_w // ratio_h)
        left = (width - new_width) // 2
        return (left, 0, left + new_width, height)
    new_height = max(1, width * ratio_h // ratio_w)
    top = (height - new_height) // 2
    return (0, top, width, top + new_height)


def oriented_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """Size after EXIF orientation: values 5 to 8 turn the picture a quarter."""
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def draft_request(
    stored: tuple[int, int], orientation: int, needed_width: int
) -> tuple[int, int] | None:
    """Size to ask a JPEG decoder for so the upright result is still ``needed_width`` wide.

    ``stored`` is the size in the file, before orientation. None means: decode at full size.
    The decoder picks the smallest 1/2, 1/4 or 1/8 scale at least this big in both sides,
    which saves most of the decoding time and memory for phone photos.
    """
    upright_width, _ = oriented_size(*stored, orientation)
    if needed_width >= upright_width:
        return None
    scale = needed_width / upright_width
    return (math.ceil(stored[0] * scale), math.ceil(stored[1] * scale))


def parse_ratio(text: str) -> tuple[int, int] | None:
    """``"3:2"`` → ``(3, 2)``; None when the text is not two positive whole numbers."""
    parts = text.split(":")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        return None
    ratio_w, ratio_h = (int(part) for part in parts)
    if ratio_w <= 0 or ratio_h <= 0:
        return None
    return (ratio_w, ratio_h)
