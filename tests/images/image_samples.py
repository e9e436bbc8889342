"""Images generated with Pillow for the images tests: photos with metadata, and bad files."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageCms

RED = (220, 20, 20)
GREEN = (20, 200, 20)
BLUE = (20, 20, 220)
YELLOW = (230, 220, 20)

SECRET_SERIAL = "SERIAL-4411-PRIVATE"
SECRET_OWNER = "Nguyen Van Chu May"
SECRET_COMMENT = "comment-private-note"
SECRET_XMP = "xmp-private-creator"

# Pillow transposition that undoes each EXIF orientation (what a viewer applies).
_APPLY = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_270,
    8: Image.Transpose.ROTATE_90,
}
_UNDO = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


def quadrants(size: tuple[int, int] = (600, 400)) -> Image.Image:
    """Upright picture: red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    width, height = size
    image = Image.new("RGB", size, YELLOW)
    image.paste(RED, (0, 0, width // 2, height // 2))
    image.paste(GREEN, (width // 2, 0, width, height // 2))
    image.paste(BLUE, (0, height // 2, width // 2, height))
    return image


def exif(orientation: int = 1, gps: bool = True) -> Image.Exif:
    data = Image.Exif()
    data[0x0112] = orientation
    data[0x010F] = "PhoneMaker"
    data[0x0110] = "Phone X"
    data[0x013B] = SECRET_OWNER  # Artist
    data[0xA431] = SECRET_SERIAL  # BodySerialNumber (Exif IFD in real files; fine here)
    if gps:
        gps_ifd = data.get_ifd(0x8825)
        gps_ifd[1] = "N"
        gps_ifd[2] = (21.0, 51.0, 7.5)
        gps_ifd[3] = "E"
        gps_ifd[4] = (106.0, 45.0, 30.0)
    return data


def jpeg(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, **options)
    return buffer.getvalue()


def png(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **options)
    return buffer.getvalue()


def rotated_jpeg(orientation: int, size: tuple[int, int] = (600, 400)) -> bytes:
    """A JPEG stored sideways with the EXIF orientation that makes it upright again."""
    stored = quadrants(size).transpose(_UNDO[orientation])
    assert stored.transpose(_APPLY[orientation]).size == size
    return jpeg(stored, exif=exif(orientation).tobytes())


def xmp_packet() -> bytes:
    return (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="'
        + SECRET_XMP.encode()
        + b'"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def swapped_profile() -> bytes:
    """An RGB profile whose red and blue primaries are exchanged.

    A pixel stored as pure red in this space is blue once converted to sRGB, so a test can
    tell that the profile was applied (and not just dropped).
    """
    data = bytearray(srgb_profile())
    count = struct.unpack(">I", data[128:132])[0]
    entries = {}
    for number in range(count):
        at = 132 + 12 * number
        signature, offset, size = struct.unpack(">4sII", data[at : at + 12])
        entries[signature] = (at, offset, size)
    red_at, red_offset, red_size = entries[b"rXYZ"]
    blue_at, blue_offset, blue_size = entries[b"bXYZ"]
    data[red_at : red_at + 12] = struct.pack(">4sII", b"rXYZ", blue_offset, blue_size)
    data[blue_at : blue_at + 12] = struct.pack(">4sII", b"bXYZ", red_offset, red_size)
    data[84:100] = bytes(16)  # profile ID (an MD5 of the content) no longer matches: unset
    return bytes(data)


def cmyk_jpeg() -> bytes:
    image = Image.new("CMYK", (300, 200), (0, 255, 255, 0))  # red in CMYK
    return jpeg(image)


def palette_png_with_transparency() -> bytes:
    image = Image.new("P", (300, 200), 0)
    image.putpalette([255, 255, 255, 20, 20, 220] + [0, 0, 0] * 254)
    image.paste(1, (0, 0, 150, 200))
    return png(image, transparency=0)


def alpha_png() -> bytes:
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    image.paste((20, 200, 20, 255), (0, 0, 150, 200))
    return png(image)


def sixteen_bit_png() -> bytes:
    image = Image.new("I;16", (300, 200), 32768)
    image.paste(Image.new("I;16", (150, 200), 65535), (0, 0))
    assert image.getpixel((299, 0)) == 32768
    return png(image)


# -- bad files -----------------------------------------------------------------------------


def truncated_jpeg() -> bytes:
    image = Image.effect_noise((600, 400), 40).convert("RGB")
    data = jpeg(image)
    return data[: len(data) * 2 // 3]


HTML_PAGE = b"<!DOCTYPE html>\n<html><head><title>Anh</title></head><body>404</body></html>\n"
SVG_DRAWING = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>\n"
)


def heic() -> bytes:
    """The start of an iPhone HEIC file: an ISO box 'ftyp' with brand 'heic'."""
    box = b"ftypheic" + b"\0\0\0\0" + b"mif1heic"
    return struct.pack(">I", len(box) + 4) + box + b"\0" * 200


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _png_from_chunks(width: int, height: int, *extra: bytes, pixels: bytes | None = None) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    raw = pixels if pixels is not None else b"".join(b"\0" + b"\0" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + b"".join(extra)
        + _chunk(b"IDAT", zlib.compress(raw))
        + _chunk(b"IEND", b"")
    )


def crafted_huge_png() -> bytes:
    """A 100-byte PNG whose header claims 65535×65535 pixels (4.3 gigapixels)."""
    return _png_from_chunks(65535, 65535, pixels=b"\0\0")


def real_huge_png(side: int = 9000) -> bytes:
    """A genuine side×side greyscale PNG: 1 MB on disk, 81 MB of pixels once decoded."""
    return png(Image.new("L", (side, side), 200), compress_level=1)


def ztxt_bomb(expanded: int = 32 * 1024 * 1024) -> bytes:
    """A 1×1 PNG carrying one zTXt block that expands to ``expanded`` bytes."""
    compressor = zlib.compressobj(9)
    chunk = b"\0" * (1024 * 1024)
    compressed = b"".join(compressor.compress(chunk) for _ in range(expanded // len(chunk)))
    compressed += compressor.flush()
    return _png_from_chunks(1, 1, _chunk(b"zTXt", b"Comment\0\0" + compressed))


def many_text_blocks(blocks: int = 60, each: int = 1000 * 1024) -> bytes:
    """Blocks each under Pillow's 1 MB limit; together 60 MB, under its 64 MB total."""
    body = b"Comment\0\0" + zlib.compress(b"a" * each, 9)
    return _png_from_chunks(1, 1, *[_chunk(b"zTXt", body) for _ in range(blocks)])


def itxt_bomb() -> bytes:
    compressed = zlib.compress(b"\0" * (16 * 1024 * 1024), 9)
    return _png_from_chunks(1, 1, _chunk(b"iTXt", b"XML:com.adobe.xmp\0\1\0\0\0" + compressed))
