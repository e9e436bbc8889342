"""Rewrite an item's body HTML: each local ``<img>`` becomes a responsive ``<picture>``.

An image alone in its paragraph becomes a ``<figure>``; its caption is an italic paragraph
right after it (the legacy portals' habit), else the Markdown title, else the alt text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from markupsafe import Markup

from bantin.images import markup
from bantin.images.published import PublishedImage

_TAGS = re.compile(r"<[^>]+>")
_BODY = re.compile(
    r"(?P<para><p>\s*(?P<pimg><img\b[^>]*>)\s*"
    r"(?:(?:<br\s*/?>)?\s*<em>(?P<inline>(?:(?!</?p\b).)*?)</em>\s*)?</p>"
    r"(?:\s*<p>\s*<em>(?P<after>(?:(?!</?p\b).)*?)</em>\s*</p>)?)"
    r"|(?P<img><img\b[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)

Lookup = Callable[[str], tuple[PublishedImage, str] | None]
"""``src`` attribute → (image, URL prefix from the page to its folder), or None to leave it."""


def rewrite(body_html: str, lookup: Lookup) -> str:
    def replace(match: re.Match[str]) -> str:
        if match["para"] is not None:
            return _figure(match, lookup) or match.group(0)
        return _picture(match["img"], lookup) or match.group(0)

    return _BODY.sub(replace, body_html)


def _figure(match: re.Match[str], lookup: Lookup) -> str | None:
    attributes = _attributes(match["pimg"])
    found = lookup(attributes.get("src", ""))
    if found is None:
        return None
    image, prefix = found
    caption_html = match["inline"] or match["after"] or ""
    # The caption is the page's own Markdown output, already as safe as the rest of the body.
    caption: Markup | str = Markup(caption_html.strip()) if caption_html.strip() else ""  # noqa: S704
    if not caption:
        caption = attributes.get("title", "") or attributes.get("alt", "")
    alt = attributes.get("alt", "") or text_of(str(caption))
    look = markup.BODY
    if attributes.get("class"):
        look = markup.Look(look.role, look.sizes, look.lazy, look.priority, attributes["class"])
    return str(markup.figure(markup.picture(image, look, prefix, alt), caption))


def _picture(tag: str, lookup: Lookup) -> str | None:
    attributes = _attributes(tag)
    found = lookup(attributes.get("src", ""))
    if found is None:
        return None
    image, prefix = found
    alt = attributes.get("alt", "") or attributes.get("title", "")
    return str(markup.picture(image, markup.BODY, prefix, alt))


def text_of(fragment: str) -> str:
    """Plain text of an HTML fragment, for alt attributes."""
    return " ".join(html.unescape(_TAGS.sub("", fragment)).split())


class _FirstTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.attributes is None:
            self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> dict[str, str]:
    parser = _FirstTag()
    parser.feed(tag)
    parser.close()
    return parser.attributes or {}
