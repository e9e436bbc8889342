"""Text for feeds: titles, summaries, names and categories as inert plain text.

Feed readers render an RSS ``<description>`` as HTML, and many do the same with titles and
JSON Feed's ``summary``. So every string a feed carries is plain text here, and plain text
that no reader can take for markup:

1. markup is removed (tags, comments, declarations, the content of ``<script>`` and
   ``<style>``) and character references are decoded, once, by the standard HTML parser;
2. control characters (which XML cannot carry at all) and runs of whitespace go;
3. a ``<`` left that could still open a tag, a comment or a declaration (one that came from
   ``&lt;img …&gt;``, or a tag cut short) becomes ``‹`` (U+2039), which reads the same
   and opens nothing.

The feed library then escapes the result once for XML (or JSON). Step 3 is the guarantee:
whatever the first two steps make of a string, what reaches a reader opens no tag.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from bantin.core.vntext import nfc

INERT_LESS_THAN = "\u2039"
"""Stands for a ``<`` that would open a tag in a reader: ``‹img …>`` reads as written."""

# What follows "<" when an HTML tokenizer starts a tag (letter), an end tag or bogus
# comment ("/"), a comment or declaration ("!") or a processing instruction ("?").
_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
# C0 and C1 controls, DEL, lone surrogates and the two non-characters XML 1.0 forbids;
# tabs and line ends are whitespace and collapse to one space with the rest.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_MARKUP_SIGNS = re.compile("[<&]")

_SKIPPED = frozenset({"script", "style", "template", "noscript"})
"""Elements whose content is not text a reader sees."""
_BREAKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr",
        "ul",
    }
)  # fmt: skip
"""Elements that end a run of words: ``<p>a</p><p>b</p>`` is ``a b``, not ``ab``."""


class _TextOnly(HTMLParser):
    """Collects the text of a fragment; tags, comments and declarations are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            while self._skipping.pop() != tag:
                pass
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def inert(text: str) -> str:
    """``text`` as it is, minus control characters, with whitespace collapsed and every
    ``<`` that could open markup made ``‹``. Nothing is decoded: safe to apply twice."""
    text = _SPACES.sub(" ", _UNWANTED.sub("", nfc(text))).strip()
    return _TAG_OPENER.sub(INERT_LESS_THAN, text)


@functools.lru_cache(maxsize=65536)  # an item's fields repeat in its topics' and officials' feeds
def plain_text(markup: str) -> str:
    """The text a reader would see in ``markup``, entities decoded once, made ``inert``."""
    if not _MARKUP_SIGNS.search(markup):
        return inert(markup)
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return inert("".join(parser.parts))


@functools.lru_cache(maxsize=65536)
def label(markup: str) -> str:
    """``plain_text`` for a field that must not come out empty (a title, a name, a topic).

    A title written only of markup (``<script>…</script>``) would leave nothing; it then
    reads as written, made ``inert``, which is what its own page shows.
    """
    return plain_text(markup) or inert(markup)
