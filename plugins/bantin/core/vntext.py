"""Vietnamese text: NFC storage, grouping keys, ASCII slugs and Vietnamese display formats."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime

from slugify import slugify as _library_slugify

# Combining marks that carry the five written tones. Quality marks (circumflex U+0302,
# breve U+0306, horn U+031B) are part of the letter and stay: "Hải" and "Hài" must not merge.
_TONE_MARKS = {
    "\u0300": "2",  # huyền
    "\u0301": "1",  # sắc
    "\u0303": "4",  # ngã
    "\u0309": "3",  # hỏi
    "\u0323": "5",  # nặng
}
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Text as stored everywhere in bantin: Unicode NFC with non-breaking spaces made plain."""
    return unicodedata.normalize("NFC", text.replace("\u00a0", " "))


def clean_text(text: str) -> str:
    """NFC text with runs of whitespace collapsed; used for titles, names and tags."""
    return _SPACES.sub(" ", nfc(text)).strip()


def _syllable_key(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = ""
    letters = []
    for char in decomposed:
        if char in _TONE_MARKS:
            tone = tone or _TONE_MARKS[char]
        else:
            letters.append(char)
    return unicodedata.normalize("NFC", "".join(letters)) + tone


@functools.lru_cache(maxsize=65536)  # names and tags repeat across thousands of items
def grouping_key(text: str) -> str:
    """Key under which spellings of one name or topic are grouped.

    Tone placement (``Hòa``/``Hoà``, ``Thủy``/``Thuỷ``, ``Ủy``/``Uỷ``), letter case and spacing
    are folded; the tone itself and the letters are kept, so ``Hải`` and ``Hài`` stay apart.
    """
    words = clean_text(text).casefold().split(" ")
    return " ".join(_syllable_key(word) for word in words if word)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_LENGTH = 80


def _ascii_fold_table() -> dict[int, str]:
    """Latin letters with marks → their ASCII letter; combining marks → nothing; đ → d."""
    table: dict[int, str] = {0x0110: "D", 0x0111: "d"}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            base = "".join(
                c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c)
            )
            if base.isascii() and base.isalpha():
                table[code] = base
    for code in range(0x0300, 0x0370):  # combining marks of NFD input
        table[code] = ""
    return table


_ASCII_FOLD = _ascii_fold_table()


def slugify(text: str) -> str:
    """ASCII slug: tones stripped, ``đ`` → ``d``, words joined by ``-``, at most 80 characters.

    Vietnamese (NFC or NFD) is folded by one translation table; text that is still not ASCII
    after that (other scripts) goes through python-slugify's transliteration. ``đ`` needs
    the table either way: it has no Unicode decomposition.
    """
    folded = text.translate(_ASCII_FOLD)
    if folded.isascii():
        return _truncate(_NOT_SLUG.sub("-", folded.lower()).strip("-"))
    return str(
        _library_slugify(
            folded, lowercase=True, max_length=_SLUG_LENGTH, word_boundary=True, save_order=True
        )
    )


def _truncate(slug: str) -> str:
    """At most 80 characters, cut after a whole word (a prefix of the title, in order)."""
    if len(slug) <= _SLUG_LENGTH:
        return slug
    cut = slug[: _SLUG_LENGTH + 1]
    if cut.endswith("-"):
        return cut[:-1]
    if "-" not in cut:
        return slug[:_SLUG_LENGTH]
    return cut.rsplit("-", 1)[0]


def heading_slug(value: str, separator: str) -> str:
    """Heading ids for Python-Markdown's ``toc`` extension, made by the same slugifier."""
    slug = slugify(value)
    return slug.replace("-", separator) if separator != "-" else slug


def format_number(value: int) -> str:
    """Integers the Vietnamese way: ``8705`` → ``8.705``."""
    return f"{value:,}".replace(",", ".")


def format_date(value: date | datetime) -> str:
    """``03/08/2018``."""
    return value.strftime("%d/%m/%Y")


def format_datetime(value: datetime) -> str:
    """``03/08/2018 09:12``; a time of exactly 00:00 means none was given: ``03/08/2018``."""
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        return format_date(value)
    return value.strftime("%d/%m/%Y %H:%M")


_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def format_weekday_date(value: datetime) -> str:
    """``Thứ Sáu, 03/08/2018 09:12`` as Vietnamese portals print publication times."""
    return f"{_WEEKDAYS[value.weekday()]}, {format_datetime(value)}"


def month_name(month: int) -> str:
    return f"Tháng {month}"
