"""Search text: folding Vietnamese for diacritic-free matching, words, phrases and forms.

The same rules are implemented in ``theme/assets/javascripts/bantin-search.js``; the tests
run both on the same words, so keep them in step.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_WORD = re.compile(r"[^\W_]+")
# Punctuation that ends a phrase: two words on each side of it are not a bigram.
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”‘’«»…\u2013\u2014|/\\\n]+")


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"  # đ has no Unicode decomposition; readers type d for it
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base.lower()


# Built once at import and never changed: Latin letters with marks → plain lowercase letters.
_FOLD_TABLE: dict[int, str | None] = {
    code: _fold_char(chr(code))
    for block in (range(0x41, 0x5B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
    for code in block
    if _fold_char(chr(code)) != chr(code)
}
_FOLD_TABLE.update(dict.fromkeys(range(0x300, 0x370)))  # stray combining marks


def fold(text: str) -> str:
    """``Đồng chí Hoà Bình`` → ``dong chi hoa binh``: no tones, no marks, ``đ`` → ``d``."""
    return text.translate(_FOLD_TABLE).lower()


_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def _marked(vowel: str) -> str:
    return "".join(unicodedata.normalize("NFC", vowel + tone) for tone in _TONES)


# Old and new tone placement in "oa", "oe", "uy" (hòa/hoà, khỏe/khoẻ, thủy/thuỷ): the
# mark moves to the second vowel. Built once at import, never changed.
_PLACEMENT = re.compile(f"([{_marked('o')}])([ae])|([{_marked('u')}])(y)")


def _move_tone(match: re.Match[str]) -> str:
    marked, plain = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    decomposed = unicodedata.normalize("NFD", marked)
    return decomposed[0] + unicodedata.normalize("NFC", plain + decomposed[1:])


def form_key(text: str) -> str:
    """Lowercase NFC text with one tone placement: ``Hòa`` and ``hoà`` → ``hoà``.

    Exact-diacritic ranking compares these keys, so tone placement never counts as a
    different spelling while a different tone (``hóa``) or a missing one (``hoa``) does.
    Works on whole phrases: it never changes the number of words.
    """
    return _PLACEMENT.sub(_move_tone, unicodedata.normalize("NFC", text).lower())


PHRASE_END = "\x00"
"""Token that ``tokens`` puts where a phrase ends; never part of a word."""
_TOKEN = re.compile(r"[^\W_]+|\x00")


def tokens(text: str) -> list[str]:
    """Lowercase NFC words of ``text`` with ``PHRASE_END`` between phrases, in one pass."""
    lowered = unicodedata.normalize("NFC", text.replace(PHRASE_END, " ")).lower()
    return _TOKEN.findall(_PHRASE_BREAK.sub(f" {PHRASE_END} ", lowered))


def phrases(text: str) -> list[list[str]]:
    """Lowercase NFC words of ``text``, grouped by phrase (punctuation breaks a phrase)."""
    result = []
    for part in _PHRASE_BREAK.split(unicodedata.normalize("NFC", text).lower()):
        words = _WORD.findall(part)
        if words:
            result.append(words)
    return result


class _TextExtractor(HTMLParser):
    """Visible text of rendered Markdown: block elements become line breaks."""

    _SKIP = frozenset({"script", "style", "template", "noscript"})
    _BLOCKS = frozenset(
        {
            *("p", "div", "li", "br", "tr", "td", "th", "dt", "dd", "table", "ul", "ol", "pre"),
            *("h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "blockquote"),
            *("section", "article", "header", "footer"),
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment; paragraphs separated by one newline."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).split("\n"))
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))
