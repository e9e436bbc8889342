"""Rewrite an item's body HTML: each local ``<img>`` becomes a responsive ``<picture>``.

An image alone in its paragraph becomes a ``<figure>``; its caption is an italic paragraph
right after it (the legacy portals' habit), else the Markdown title, else the alt text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markupsafe import Markup

from bantin.images import markup
from bantin.images.published import PublishedImage

_TAGS = re.compile(r"<[^>]+>")
_ATTRIBUTE = re.compile(
    r"""(?<=['"\s/])(?P<name>[^\s/>][^\s/=>]*)(?:\s*=+\s*(?P<value>'[^']*'|"[^"]*"|(?!['"])[^>\s]*))?"""
)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# What may follow an image that opens its paragraph for the paragraph to be a figure: an
# italic caption in the same paragraph, or in the next one.
_PARA_REST = re.compile(
    r"\s*(?:(?:<br\s*/?>)?\s*<em>(?P<inline>(?:(?!</?p\b).)*?)</em>\s*)?</p>"
    r"(?:\s*<p>\s*<em>(?P<after>(?:(?!</?p\b).)*?)</em>\s*</p>)?",
    re.IGNORECASE | re.DOTALL,
)

Lookup = Callable[[str], tuple[PublishedImage, str] | None]
"""``src`` attribute → (image, URL prefix from the page to its folder), or None to leave it."""


def rewrite(body_html: str, lookup: Lookup) -> str:
    # Found by the literal "<img", not one pattern tried at every character: a page's body
    # is kilobytes of text around one or two images.
    parts: list[str] = []
    done = skip = 0
    for match in _IMG.finditer(body_html):
        start, end = match.span()
        if start < skip:
            continue  # inside the caption of a paragraph just handled
        para_start = _paragraph_start(body_html, start)
        rest = _PARA_REST.match(body_html, end) if para_start is not None else None
        if para_start is not None and rest is not None:
            made = _figure(match.group(0), rest["inline"] or rest["after"] or "", lookup)
            if made is not None:
                parts += (body_html[done:para_start], made)
                done = rest.end()
            skip = rest.end()  # an image left alone leaves its whole paragraph alone
            continue
        made = _picture(match.group(0), lookup)
        if made is not None:
            parts += (body_html[done:start], made)
            done = end
    if not parts:
        return body_html
    parts.append(body_html[done:])
    return "".join(parts)


def _paragraph_start(html_text: str, start: int) -> int | None:
    """Where ``<p>`` opens right before ``start`` (only blanks between), else None."""
    position = start
    while position > 0 and html_text[position - 1].isspace():
        position -= 1
    opening = position - 3
    return opening if opening >= 0 and html_text[opening:position].lower() == "<p>" else None


def _figure(tag: str, caption_html: str, lookup: Lookup) -> str | None:
    attributes = _attributes(tag)
    found = lookup(attributes.get("src", ""))
    if found is None:
        return None
    image, prefix = found
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


def _attributes(tag: str) -> dict[str, str]:
    """The attributes of one ``<img …>`` tag, names lower-cased, values unescaped.

    The same reading as ``html.parser`` (a repeated name keeps its last value), without
    building a parser for every image.
    """
    attributes: dict[str, str] = {}
    position = 4  # after "<img"
    for match in _ATTRIBUTE.finditer(tag, 4, len(tag) - 1):  # up to ">"
        if tag[position : match.start()].strip(" \t\n\r\f/"):
            return {}  # not a whole tag (a quote left open): html.parser reads nothing
        position = match.end()
        value = match["value"] or ""
        if value[:1] in {'"', "'"}:
            value = value[1:-1]
        attributes[match["name"].lower()] = html.unescape(value) if "&" in value else value
    if tag[position:-1].strip(" \t\n\r\f/"):
        return {}
    return attributes
