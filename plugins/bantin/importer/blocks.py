"""A legacy page as a list of paragraphs, whatever format it was saved in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from bantin.core.vntext import clean_text

PARAGRAPH = "paragraph"
CAPTION = "caption"
HEADING = "heading"
BOUNDARY = "boundary"
"""A structural cut in an HTML page (``<nav>``, ``<footer>``…): never part of the article."""


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


def from_text(text: str) -> list[Block]:
    """Plain text as scraped: one paragraph per line; blank and NBSP-only lines dropped."""
    blocks = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cleaned = clean_text(line)
        if cleaned:
            blocks.append(Block(PARAGRAPH, cleaned))
    return blocks


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(?:!doctype html|html|body|div|p)[\s>]", head))


# Elements whose content is never article text. Not <form>: ASP.NET portals (SharePoint,
# DotNetNuke) wrap the whole page, article included, in one; search and login forms are
# dropped by their class like other chrome.
_SKIPPED = {
    "script", "style", "noscript", "template", "svg", "iframe", "select", "button", "textarea",
}  # fmt: skip
# Elements that hold portal chrome: their text is dropped and they end any paragraph.
_CHROME = {"nav", "header", "footer", "aside", "menu"}
_BLOCK = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th",
    "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
    "dd", "dt", "dl", "center", "address", "time", "tbody", "thead",
}  # fmt: skip
# Containers whose class or id can mark them as chrome ("menu", "sidebar", "tin-khac"…).
_CLASSED = {"div", "ul", "ol", "section", "table", "tr", "td", "span", "p", "li", "dl", "form"}
_CAPTION_CLASS = re.compile(r"caption|chu-?thich|image_?desc|img_?desc|photo_?desc", re.I)
_LAYOUT_WORDS = {"menu", "navbar", "sidebar", "footer", "header", "banner"}
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(menu|navbar|breadcrumb|sidebar|footer|header|banner|hotline|share|social|"
    r"comment|related|other-?news|tin-?khac|tin-?lien-?quan|counter|thong-?ke|login|dang-?nhap|"
    r"search|tim-?kiem)"
    r"(?:$|[\s_-])",
    re.I,
)


class _PageParser(HTMLParser):
    """Collects paragraphs; remembers which come from captions, headings and chrome."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self._text: list[str] = []
        self._kind = PARAGRAPH
        self._stack: list[tuple[str, str]] = []  # (tag, role) of open elements
        self._in_title = False
        self._italic = 0
        self._plain_chars = 0
        self._italic_chars = 0

    # Roles: "skip" (text dropped), "chrome" (text dropped, a boundary), "caption", "heading".
    def _role(self, tag: str, attrs: dict[str, str]) -> str:
        classes = f"{attrs.get('class', '')} {attrs.get('id', '')}"
        if tag in _SKIPPED:
            return "skip"
        if tag in {"header", "footer"} and any(t in {"article", "main"} for t, _ in self._stack):
            return ""  # an article's own header holds its title and date
        in_article = any(t in {"article", "main"} for t, _ in self._stack)
        chrome_class = _CHROME_CLASS.search(classes)
        if chrome_class and in_article and chrome_class.group(1).lower() in _LAYOUT_WORDS:
            chrome_class = None  # "article-header" inside <article> holds the title and date
        if tag in _CHROME or (tag in _CLASSED and chrome_class):
            return "chrome"
        if tag == "figcaption" or _CAPTION_CLASS.search(classes):
            return "caption"
        if tag in {"h1", "h2", "h3"}:
            return "heading"
        return ""

    def _hidden(self) -> bool:
        return any(role in {"skip", "chrome"} for _, role in self._stack)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {key: value or "" for key, value in attrs_list}
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            if key and "content" in attrs:
                self.meta.setdefault(key.lower(), attrs["content"])
            return
        if tag == "link" and attrs.get("rel", "").lower() == "canonical" and attrs.get("href"):
            self.meta.setdefault("canonical", attrs["href"])
            return
        if tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("time", attrs["datetime"])
        if tag == "title":
            self._in_title = True
            return
        if tag in {"em", "i"}:
            self._italic += 1
            return
        if tag in {"img", "input", "link", "hr", "br", "wbr"}:
            if tag in {"br", "hr"}:
                self._flush()
            return
        role = self._role(tag, attrs)
        if tag in _BLOCK or role:
            self._flush()
        if role == "chrome" and not self._hidden():
            self.blocks.append(Block(BOUNDARY, tag))
        self._stack.append((tag, role))
        if role in {"caption", "heading"} and not self._hidden():
            self._kind = CAPTION if role == "caption" else HEADING

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if tag in {"em", "i"}:
            self._italic = max(0, self._italic - 1)
            return
        if not any(open_tag == tag for open_tag, _ in self._stack):
            return  # stray end tag, common in legacy portals
        if tag in _BLOCK or any(r for t, r in self._stack if t == tag):
            self._flush()
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if not any(role in {"caption", "heading"} for _, role in self._stack):
            self._kind = PARAGRAPH
        else:
            roles = [role for _, role in self._stack if role in {"caption", "heading"}]
            self._kind = CAPTION if roles[-1] == "caption" else HEADING

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden():
            self._text.append(data)
            if self._italic:
                self._italic_chars += len(data.strip())
            else:
                self._plain_chars += len(data.strip())

    def _flush(self) -> None:
        text = clean_text("".join(self._text))
        # A paragraph written wholly in italics is how many editors mark a photo caption.
        italic_only = self._italic_chars and not self._plain_chars
        kind = CAPTION if self._kind == PARAGRAPH and italic_only else self._kind
        self._text = []
        self._plain_chars = self._italic_chars = 0
        if text:
            self.blocks.append(Block(kind, text))

    def close(self) -> None:
        super().close()
        self._flush()


@dataclass(frozen=True)
class HtmlPage:
    blocks: list[Block]
    title: str
    meta: dict[str, str]


def from_html(text: str) -> HtmlPage:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return HtmlPage(parser.blocks, clean_text(parser.title), parser.meta)
