"""Raw HTML written in news text: rejected with a clear message, and sanitised anyway.

Decision: content HTML that could run code or pull in another site (``<script>``,
``<iframe>``, inline ``<svg>``, ``on…=`` handlers, ``javascript:``/``data:`` addresses) is an
*error* naming the file and line, so the author learns the portal will not show it; the page
HTML is also passed through nh3 with the allowlist below, so whatever slips past detection
(or is previewed with ``mkdocs serve``) reaches readers stripped. Harmless extras (an unknown
``data-x`` attribute, inline colours) are silently dropped by the sanitiser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import nh3

from bantin.core.problems import Problem

TAGS = frozenset(nh3.ALLOWED_TAGS | {"picture", "source", "tfoot"})
_GLOBAL = {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "th": {"style", "colspan", "rowspan", "scope", "align"},
    "td": {"style", "colspan", "rowspan", "align"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# nh3's arguments, built once: sanitise runs on every page.
_TAG_SET = set(TAGS)
_ATTRIBUTE_SETS = {tag: set(names) for tag, names in ATTRIBUTES.items()}
_SCHEME_SET = set(URL_SCHEMES)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background"}
)
_TAG_ADVICE = {
    "script": "scripts written in content never run on the portal; remove it",
    "iframe": "embedded frames are not allowed; link to the page instead",
    "frame": "embedded frames are not allowed; link to the page instead",
    "object": "embedded objects are not allowed; link to the file instead",
    "embed": "embedded objects are not allowed; link to the file instead",
    "svg": "inline SVG can carry scripts; save the drawing as a .png next to the item",
    "math": "inline MathML is not allowed; use an image",
    "style": "styles belong in theme/, not in news text; remove it",
    "form": "forms are not allowed in news text; link to the service instead",
    "input": "form fields are not allowed in news text; remove it",
    "link": "stylesheets and links to other resources are not allowed in news text",
    "meta": "meta elements are not allowed in news text; remove it",
    "base": "base elements are not allowed in news text; remove it",
}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    """One unsafe construct: what it is and a snippet to look for in the source."""

    message: str
    markers: tuple[str, ...]


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.rejected: list[str] = []
        """Open rejected containers: their children (an SVG's <circle>) need no own line."""

    def handle_endtag(self, tag: str) -> None:
        if self.rejected and self.rejected[-1] == tag:
            self.rejected.pop()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS and not self.rejected:
            self.rejected.append(tag)
            advice = _TAG_ADVICE.get(tag, "this element is not on the allowed list; remove it")
            self.findings.append(Finding(f"<{tag}> is not allowed: {advice}", (f"<{tag}",)))
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(
                    Finding(
                        f"<{tag} {name}=…> is an event handler, which is never allowed in "
                        "news text; remove the attribute",
                        (f"{name}=", name),
                    )
                )
            elif name in URL_ATTRIBUTES and value:
                scheme = unsafe_scheme(value)
                if scheme:
                    self.findings.append(_scheme_finding(tag, name, scheme))


def _scheme_finding(tag: str, name: str, scheme: str) -> Finding:
    if scheme == "data":
        advice = "save the file next to the item and link to it by name"
    elif scheme in ("javascript", "vbscript"):
        advice = "links can only lead to web pages (https://…), e-mail or phone numbers"
    else:
        advice = "use an https:// address, mailto: or tel:"
    return Finding(
        f'<{tag} {name}="{scheme}:…"> is not allowed: {advice}',
        (f"{scheme}:",),
    )


def unsafe_scheme(url: str) -> str:
    """The scheme of ``url`` when it is not an allowed one ("" for relative or allowed)."""
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = _INVISIBLE.sub("", url)
    match = _SCHEME.match(compact)
    if not match:
        return ""
    scheme = match.group(1).lower()
    return "" if scheme in URL_SCHEMES else scheme


def find_unsafe(html: str, source_text: str | Callable[[], str], path: str) -> list[Problem]:
    """Problems for every unsafe construct in a page's rendered content HTML.

    ``source_text`` (the author's file, for line numbers) may be a function: it is then
    read only when there is something to report.
    """
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    if not scanner.findings:
        return []
    lines = (source_text if isinstance(source_text, str) else source_text()).split("\n")
    problems = {
        Problem(path, _line_of(lines, finding.markers), "html", finding.message)
        for finding in scanner.findings
    }
    return sorted(problems)


def _line_of(lines: list[str], markers: tuple[str, ...]) -> int:
    for marker in markers:
        needle = marker.lower()
        for number, line in enumerate(lines, 1):
            if needle in line.lower():
                return number
        # Written with character references ("jav&#97;script:"), as the browser reads them.
        for number, line in enumerate(lines, 1):
            if "&" in line and needle in _INVISIBLE.sub("", unescape(line)).lower():
                return number
    return 0


def sanitise(html: str) -> str:
    """The page content with everything outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=_TAG_SET,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTE_SETS,
        url_schemes=_SCHEME_SET,
        link_rel=None,
        filter_style_properties={"text-align"},
        strip_comments=True,
    )
