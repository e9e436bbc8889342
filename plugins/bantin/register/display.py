"""How register values are shown to readers: file sizes and kinds the Vietnamese way."""

from __future__ import annotations

from bantin.core.vntext import format_number

_KIND_NAMES = {
    "pdf": "PDF",
    "docx": "Word",
    "doc": "Word",
    "xlsx": "Excel",
    "odt": "OpenDocument",
}


def format_size(size: int) -> str:
    """``850`` → ``850 byte``; ``12800`` → ``12,5 KB``; ``3670016`` → ``3,5 MB`` (decimal comma).

    Binary units (1 KB = 1024 bytes), as file managers on readers' computers show them.
    """
    if size < 1024:
        return f"{format_number(size)} byte"
    tenths, unit = round(size * 10 / 1024), "KB"
    for bigger in ("MB", "GB"):
        if tenths < 10240:
            break
        # Round once per step from the exact size, so 1048575 bytes read "1 MB", not "1.024 KB".
        tenths, unit = round(size * 10 / 1024 ** (2 if bigger == "MB" else 3)), bigger
    whole, tenth = divmod(tenths, 10)
    return format_number(whole) + (f",{tenth}" if tenth else "") + f" {unit}"


def kind_name(extension: str) -> str:
    return _KIND_NAMES.get(extension, extension.upper())
