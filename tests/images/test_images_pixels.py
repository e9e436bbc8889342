"""Derivatives of generated photos: upright, sRGB, sized, and free of every metadata."""

from __future__ import annotations

import io
import struct

import pytest
from bantin.images.derive import Derived, derive
from bantin.images.params import Params
from images import image_samples as samples
from PIL import Image

PARAMS = Params(widths=(200, 400, 800), card_widths=(150, 300))


def close(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def files_of(derived: Derived, role: str = "full") -> list[Image.Image]:
    return [opened(data) for variant, data in derived.files if variant.role == role]


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_orientation_makes_the_photo_upright(orientation: int) -> None:
    derived = derive(samples.rotated_jpeg(orientation), PARAMS)

    assert derived.size == (600, 400)
    for image in files_of(derived):
        width, height = image.size
        assert width > height
        assert close(image.getpixel((2, 2)), samples.RED)
        assert close(image.getpixel((width - 3, 2)), samples.GREEN)
        assert close(image.getpixel((2, height - 3)), samples.BLUE)


def test_widths_are_never_upscaled_and_webp_comes_at_every_width() -> None:
    derived = derive(samples.jpeg(samples.quadrants((500, 300))), PARAMS)

    made = sorted((v.role, v.width, v.height, v.extension) for v, _ in derived.files)
    assert made == [
        ("3x2", 150, 100, "webp"),
        ("3x2", 300, 200, "jpg"),  # the card's fallback: widest up to 960 px
        ("3x2", 300, 200, "webp"),
        ("full", 200, 120, "webp"),
        ("full", 400, 240, "webp"),
        ("full", 500, 300, "jpg"),  # the fallback and the sharing picture at once
        ("full", 500, 300, "webp"),
    ]
    for variant, data in derived.files:
        image = opened(data)
        assert image.format == ("WEBP" if variant.extension == "webp" else "JPEG")
        assert image.size == (variant.width, variant.height)
        assert image.mode == "RGB"


def test_card_thumbnails_are_cropped_to_the_ratio_from_the_centre() -> None:
    tall = Image.new("RGB", (400, 800), samples.RED)
    tall.paste(samples.BLUE, (0, 300, 400, 500))  # a band across the middle
    derived = derive(samples.jpeg(tall), PARAMS)

    cards = files_of(derived, "3x2")
    assert {card.size for card in cards} == {(150, 100), (300, 200)}
    for card in cards:
        assert close(card.getpixel((card.width // 2, card.height // 2)), samples.BLUE)


@pytest.mark.parametrize(
    ("name", "data", "left", "right"),
    [
        ("cmyk", samples.cmyk_jpeg(), (255, 0, 0), (255, 0, 0)),
        ("palette", samples.palette_png_with_transparency(), (20, 20, 220), (255, 255, 255)),
        ("alpha", samples.alpha_png(), (20, 200, 20), (255, 255, 255)),
        ("16-bit", samples.sixteen_bit_png(), (255, 255, 255), (128, 128, 128)),
    ],
)
def test_every_colour_mode_becomes_srgb_rgb(
    name: str, data: bytes, left: tuple[int, int, int], right: tuple[int, int, int]
) -> None:
    for image in files_of(derive(data, PARAMS)):
        assert image.mode == "RGB", name
        assert close(image.getpixel((5, image.height // 2)), left), name
        assert close(image.getpixel((image.width - 6, image.height // 2)), right), name


def test_an_embedded_icc_profile_is_applied_then_removed() -> None:
    red = Image.new("RGB", (300, 200), (255, 0, 0))
    derived = derive(samples.jpeg(red, icc_profile=samples.swapped_profile()), PARAMS)

    for image in files_of(derived):
        # Stored red in a space whose red primary is sRGB's blue: blue once converted.
        red_value, _, blue_value = image.getpixel((100, 100))[:3]
        assert blue_value > 200
        assert red_value < 60
        assert "icc_profile" not in image.info


def metadata_sources() -> list[tuple[str, bytes]]:
    photo = samples.quadrants()
    exif = samples.exif(6).tobytes()
    text = {"Comment": samples.SECRET_COMMENT, "Author": samples.SECRET_OWNER}
    from PIL import PngImagePlugin

    png_info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        png_info.add_text(key, value, zip=True)
    png_info.add_itxt("XML:com.adobe.xmp", samples.xmp_packet().decode(), zip=False)
    return [
        (
            "jpeg",
            samples.jpeg(
                photo,
                exif=exif,
                icc_profile=samples.srgb_profile(),
                comment=samples.SECRET_COMMENT.encode(),
                xmp=samples.xmp_packet(),
            ),
        ),
        (
            "png",
            samples.png(photo, exif=exif, icc_profile=samples.srgb_profile(), pnginfo=png_info),
        ),
        ("webp", _webp(photo, exif, samples.xmp_packet(), samples.srgb_profile())),
    ]


def _webp(image: Image.Image, exif: bytes, xmp: bytes, icc: bytes) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", exif=exif, xmp=xmp, icc_profile=icc)
    return buffer.getvalue()


SECRETS = [
    samples.SECRET_SERIAL.encode(),
    samples.SECRET_OWNER.encode(),
    samples.SECRET_COMMENT.encode(),
    samples.SECRET_XMP.encode(),
    b"PhoneMaker",
    b"Exif\0\0",
    b"ICC_PROFILE",
    b"xmpmeta",
    b"http://ns.adobe.com/xap",
]


@pytest.mark.parametrize(("name", "data"), metadata_sources())
def test_no_metadata_reaches_a_published_file(name: str, data: bytes) -> None:
    assert samples.SECRET_SERIAL.encode() in data or name == "png"  # the source does carry it
    for variant, output in derive(data, PARAMS).files:
        for secret in SECRETS:
            assert secret not in output, (name, variant, secret)
        image = opened(output)
        assert not set(image.info) & {"exif", "icc_profile", "xmp", "comment", "XML:com.adobe.xmp"}
        assert dict(image.getexif()) == {}
        if variant.extension == "webp":
            assert set(_riff_chunks(output)) <= {b"VP8 ", b"VP8L"}
        else:
            assert _jpeg_markers(output) <= {0xE0, 0xDB, 0xC2, 0xC4, 0xDA, 0xDD}


def _riff_chunks(data: bytes) -> list[bytes]:
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind, size = struct.unpack("<4sI", data[position : position + 8])
        chunks.append(kind)
        position += 8 + size + (size & 1)
    return chunks


def _jpeg_markers(data: bytes) -> set[int]:
    """Markers before the first scan: APPn, COM, tables, frame."""
    markers, position = set(), 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        markers.add(marker)
        if marker == 0xDA:
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
    return markers
