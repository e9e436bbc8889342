"""From accepted bytes to upright sRGB RGB pixels with no metadata attached."""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Callable

from PIL import Image, ImageCms

from bantin.images import geometry
from bantin.images.params import Limits
from bantin.images.probe import BROKEN, TRUNCATED, ImageRejectedError, Sniffed, check_pixels, sniff

_SIXTEEN_BIT = ("I;16", "I;16B", "I;16L", "I;16N", "I")
_WITH_ALPHA = ("RGBA", "LA", "PA", "RGBa", "La")
_BACKGROUND = (255, 255, 255)
_ORIENTATION_TAG = 0x0112


def open_checked(data: bytes, limits: Limits) -> tuple[Image.Image, Sniffed]:
    """Open (header only) after our checks; Pillow's warnings and errors become reasons."""
    sniffed = sniff(data, limits)
    with warnings.catch_warnings():
        # Pillow warns, then fails, above its own far higher limit; our limit comes first.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[sniffed.format])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRejectedError(BROKEN) from None
        except (OSError, SyntaxError, ValueError, struct.error) as error:
            raise ImageRejectedError(_decode_reason(error)) from None
    check_pixels(image.size, limits)
    return image, sniffed


def orientation_of(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except (OSError, SyntaxError, ValueError, TypeError):
        return 1  # unreadable EXIF: show the pixels as stored
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def decode(
    data: bytes, limits: Limits, needed_width: Callable[[tuple[int, int]], int | None]
) -> tuple[Image.Image, tuple[int, int]]:
    """Upright sRGB RGB pixels and the upright size of the source.

    ``needed_width`` gets the upright size and says how wide the result must at least be;
    JPEGs are then decoded at a reduced scale: phone photos are 4000 px wide and the largest
    published width is far smaller, so this saves most of the decoding time and memory.
    """
    image, sniffed = open_checked(data, limits)
    orientation = orientation_of(image)
    upright = geometry.oriented_size(*image.size, orientation)
    icc = image.info.get("icc_profile")
    wanted = needed_width(upright)
    if sniffed.format == "JPEG" and wanted:
        request = geometry.draft_request(image.size, orientation, wanted)
        if request is not None:
            image.draft(image.mode, request)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ImageRejectedError(_decode_reason(error)) from None
    image = _upright(image, orientation)
    return _to_srgb(image, icc if isinstance(icc, bytes) else None), upright


def verify(data: bytes, limits: Limits) -> None:
    """Raise ImageRejectedError unless ``data`` decodes completely; cheap for JPEG (1/8 scale)."""
    decode(data, limits, lambda _size: 1)


def _decode_reason(error: BaseException) -> str:
    text = str(error).lower()
    if "truncated" in text or "unexpected end" in text or isinstance(error, EOFError):
        return TRUNCATED
    return BROKEN


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    method = {
        2: [Image.Transpose.FLIP_LEFT_RIGHT],
        3: [Image.Transpose.ROTATE_180],
        4: [Image.Transpose.FLIP_TOP_BOTTOM],
        5: [Image.Transpose.TRANSPOSE],
        6: [Image.Transpose.ROTATE_270],
        7: [Image.Transpose.TRANSVERSE],
        8: [Image.Transpose.ROTATE_90],
    }.get(orientation, [])
    for step in method:
        image = image.transpose(step)
    return image


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert any mode to 8-bit sRGB RGB; transparency is laid on white."""
    if image.mode in _SIXTEEN_BIT:
        # Pillow's convert() clips 16-bit values at 255; scale them down instead.
        image = image.point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif image.mode in ("1", "L") and "transparency" in image.info:
        image = image.convert("LA")
    if icc:
        image = _apply_profile(image, icc)
    alpha: Image.Image | None = None
    if image.mode in _WITH_ALPHA:
        rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        image = rgba.convert("RGB")
    elif image.mode != "RGB":
        image = image.convert("RGB")
    if alpha is not None:
        background = Image.new("RGB", image.size, _BACKGROUND)
        background.paste(image, mask=alpha)
        image = background
    return fresh(image)


def _apply_profile(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded profile to sRGB; a broken profile is ignored."""
    output_mode = "RGBA" if image.mode in _WITH_ALPHA else "RGB"
    source_mode = image.mode
    if source_mode in ("LA", "La", "PA", "RGBa"):
        image = image.convert("RGBA")
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            image,
            profile,
            ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")),
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode=output_mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


def fresh(image: Image.Image) -> Image.Image:
    """A copy with an empty ``info``: Pillow's savers copy comments and profiles from it."""
    return Image.frombytes(image.mode, image.size, image.tobytes())
