"""HTML for published images: ``<picture>`` with WebP and JPEG sources, inside ``<figure>``.

Every attribute value is escaped here; callers pass captions as HTML they trust (Markdown
output) or as text to be escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from bantin.images.published import PublishedImage

_SPECIAL = re.compile(r"[&<>'\"]")

# Widths the image takes on screen; the browser picks the file from srcset with them.
SIZES_CONTENT = "(min-width: 76.25em) 46rem, 100vw"
SIZES_CARD = "(min-width: 60em) 20rem, (min-width: 45em) 50vw, 100vw"


@dataclass(frozen=True)
class Look:
    """How one use of an image is shown."""

    role: str
    """``full`` or the card role (``3x2``)."""
    sizes: str
    lazy: bool
    priority: bool = False
    css_class: str = ""


LEAD = Look("full", SIZES_CONTENT, lazy=False, priority=True, css_class="bantin-lead-image")
BODY = Look("full", SIZES_CONTENT, lazy=True)


def card_look(role: str) -> Look:
    return Look(role, SIZES_CARD, lazy=True, css_class="bantin-card-image")


def _srcset(image: PublishedImage, role: str, extension: str, prefix: str) -> str:
    return ", ".join(f"{prefix}{image.name(v)} {v.width}w" for v in image.variants(role, extension))


def picture(image: PublishedImage, look: Look, prefix: str, alt: str) -> Markup:
    """``<picture>`` for ``image``; ``prefix`` leads from the page to the image's folder."""
    # Browsers that read WebP take the <source>'s srcset. The others choose among the JPEGs
    # published anyway (the fallback; a lead's sharing picture): no file only for them.
    fallback = image.fallback(look.role, "jpg")
    attributes: list[tuple[str, str]] = [
        ("src", prefix + image.name(fallback)),
        ("srcset", _srcset(image, look.role, "jpg", prefix)),
        ("sizes", look.sizes),
        ("width", str(fallback.width)),
        ("height", str(fallback.height)),
        ("alt", alt),
    ]
    if look.lazy:
        attributes.append(("loading", "lazy"))
    if look.priority:
        attributes.append(("fetchpriority", "high"))
    attributes.append(("decoding", "async"))
    if look.css_class:
        attributes.append(("class", look.css_class))
    source = _tag(
        "source",
        [
            ("type", "image/webp"),
            ("srcset", _srcset(image, look.role, "webp", prefix)),
            ("sizes", look.sizes),
        ],
    )
    return Markup(f"<picture>{source}{_tag('img', attributes)}</picture>")  # noqa: S704 - parts escaped


def figure(content: Markup, caption_html: Markup | str, css_class: str = "bantin-figure") -> Markup:
    caption = f"<figcaption>{escape(caption_html)}</figcaption>" if caption_html else ""
    return Markup(f'<figure class="{escape(css_class)}">{content}{caption}</figure>')  # noqa: S704


def _tag(name: str, attributes: list[tuple[str, str]]) -> str:
    # Plain string building: Markup.format costs ~100 µs a call, and even markupsafe.escape
    # (a Markup object per value) was most of the time of a page's pictures.
    rendered = "".join(f' {key}="{_escape(value)}"' for key, value in attributes)
    return f"<{name}{rendered}>"


def _escape(value: str) -> str:
    """The text markupsafe.escape gives (``&#34;`` and ``&#39;`` included), as a plain str."""
    if not _SPECIAL.search(value):
        return value
    return (
        value.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )
