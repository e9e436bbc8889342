"""Feeds carry inert plain text: no markup written in an item reaches a feed reader.

A tiny portal (news and discovery plugins, no guard: the feeds must be safe on their own)
is built with hostile titles, summaries, lead paragraphs, authors, topics and officials in
many forms. Every feed is read three ways: as XML/JSON, by feedparser (RSS: the pinned
feedparser does not read JSON Feed) and by Chromium putting each text into a page as HTML,
the way a careless reader would.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from bantin.core.model import NewsItem
from bantin.feeds import build as feeds
from bantin.feeds.text import INERT_LESS_THAN, label, plain_text
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser
from sitekit import REPO, TINY_CONFIG, Build, run_build, write_files

SITE = "https://thu-nghiem.example.gov.vn/"
HOSTILE = {
    "raw tag": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(1)</script>",
    "closing title": "</title><script>alert(1)</script>",
    "entity-escaped": "&lt;img src=x onerror=alert(1)&gt;",
    "numeric references": "&#60;img src=x onerror=alert(1)&#x3E;",
    "double-escaped": "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
    "CDATA end": "]]><img src=x onerror=alert(1)>",
    "CDATA section": "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "comment": "<!--<img src=x onerror=alert(1)>-->",
    "control characters": "a\x00b\x01c\x08d\x0be\x1bf\x7fg\x85h\ufffei",
    "javascript link": '<a href="javascript:alert(1)">bấm vào đây</a>',
    "markdown javascript link": "[bấm vào đây](javascript:alert(1))",
    "svg": "<svg/onload=alert(1)>",
    "nested": "<<img>img src=x onerror=alert(1)>",
    "unclosed": "<img src=x onerror=alert(1)",
    "spaced scheme": '<a href="java\tscript:alert(1)">bấm</a>',
}
"""Hostile text, by kind; each item carries one kind in every field."""
HTML_OPENER = re.compile(r"<[A-Za-z/!?]")
"""A ``<`` an HTML tokenizer would start a tag, comment or declaration with."""
UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes (\\u0001) are YAML's too."""
    return json.dumps(text, ensure_ascii=True)


def _items() -> dict[str, str]:
    files: dict[str, str] = {}
    for number, (kind, text) in enumerate(sorted(HOSTILE.items()), 1):
        day = f"2021-03-{number:02d}"
        fields = [
            f"title: {_quoted(f'{text} tin {number}')}",
            f"date: {day} 08:00",
            f"author: {_quoted(f'{text} Phóng viên')}",
            f"summary: {_quoted(f'{text} tóm tắt {number}')}",
            f"tags: [{_quoted(f'{text} chủ đề {number}')}, {_quoted(text)}]",
            f"officials: [{{name: {_quoted(f'{text} Nguyễn Văn {number}')}}}]",
        ]
        files[f"content/tin-tuc/2021/tin-{number}.md"] = "\n".join(
            ["---", *fields, "---", "", f"Nội dung tin về {kind}.", ""]
        )
        # No summary: the feed takes the lead paragraph of the body.
        lead = [
            "---",
            f'title: "Tin mở đầu {number}"',
            f"date: {day} 09:00",
            'author: "Phóng viên"',
            "---",
            "",
            f"Đoạn mở đầu {number}: {text} và phần còn lại của đoạn.",
            "",
        ]
        files[f"content/tin-tuc/2021/mo-dau-{number}.md"] = "\n".join(lead)
    return files


def _config() -> str:
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20)
    config = config.replace("site_name: Văn phòng UBND tỉnh thử nghiệm", (
        'site_name: "Văn phòng <b>UBND</b> tỉnh &lt;img src=x onerror=alert(1)&gt;"'
    ))  # fmt: skip
    return config.replace(
        "  - bantin-news:\n", "  - bantin-discovery:\n      search: false\n  - bantin-news:\n"
    )


def _build(root: Path) -> Build:
    write_files(root, {"mkdocs.yml": _config(), **_items()})
    build = run_build(root, "--strict", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _build(tmp_path_factory.mktemp("feed-safety"))


def _feeds(build: Build, suffix: str) -> list[Path]:
    return sorted(build.site.rglob(f"feed.{suffix}"))


def _rss_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(element or attribute, text) of every RSS element, after one XML decoding."""
    for element in ET.parse(path).iter():
        yield element.tag, element.text or ""
        for name, value in element.attrib.items():
            yield f"{element.tag}@{name}", value


def _json_strings(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    """(key path, string) of every string in a JSON document, after one JSON decoding."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, child in value.items():
            assert key != "content_html", f"{where}: HTML in a feed must be sanitised"
            yield from _json_strings(child, f"{where}.{key}")
    elif isinstance(value, list):
        for child in value:
            yield from _json_strings(child, f"{where}[]")


class _MarkupFinder(HTMLParser):
    """Reads a text as HTML, as a feed reader does; records anything that is not text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.found.append(f"</{tag}>")

    def handle_comment(self, data: str) -> None:
        self.found.append("comment")

    def handle_decl(self, decl: str) -> None:
        self.found.append("declaration")

    def unknown_decl(self, data: str) -> None:
        self.found.append("declaration")

    def handle_pi(self, data: str) -> None:
        self.found.append("processing instruction")


def _assert_inert(where: str, text: str) -> None:
    assert not HTML_OPENER.search(text), f"{where}: {text!r}"
    assert not UNWANTED.search(text), f"{where}: {text!r}"
    finder = _MarkupFinder()
    finder.feed(text)
    finder.close()
    assert not finder.found, f"{where}: {text!r} reads as {finder.found}"


def _all_texts(build: Build) -> list[tuple[str, str]]:
    texts = []
    for path in _feeds(build, "xml"):
        name = path.relative_to(build.site).as_posix()
        texts += [(f"{name} {tag}", text) for tag, text in _rss_texts(path)]
    for path in _feeds(build, "json"):
        name = path.relative_to(build.site).as_posix()
        document = json.loads(path.read_text(encoding="utf-8"))
        texts += [(f"{name} {key}", text) for key, text in _json_strings(document)]
    return texts


def test_every_topic_and_official_has_its_feeds(site: Build) -> None:
    xml, json_feeds = _feeds(site, "xml"), _feeds(site, "json")
    assert [path.with_suffix("") for path in xml] == [path.with_suffix("") for path in json_feeds]
    topics = [path for path in xml if path.parent.parent.name == "chu-de"]
    officials = [path for path in xml if path.parent.parent.name == "lanh-dao"]
    # Each kind: a topic "… chủ đề N", a topic of the text alone, an official. Two hostile
    # texts with the same slug share a page, so count at least one of each per kind.
    assert len(topics) >= len(HOSTILE) + 1
    assert len(officials) >= len(HOSTILE)


def test_rss_feeds_are_valid_xml_and_feedparser_reads_every_item(site: Build) -> None:
    for path in _feeds(site, "xml"):
        ET.parse(path)  # raises on anything but well-formed XML
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "rss20"
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.title.strip() and entry.author.strip(), (path, entry)
    site_feed = feedparser.parse((site.site / "feed.xml").read_bytes())
    assert len(site_feed.entries) == 2 * len(HOSTILE)


def test_json_feeds_are_valid_json_feeds(site: Build) -> None:
    for path in _feeds(site, "json"):
        raw = path.read_text(encoding="utf-8")
        document = json.loads(raw)
        assert document["version"] == "https://jsonfeed.org/version/1.1"
        assert raw == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for item in document["items"]:
            assert item["title"].strip() and item["authors"][0]["name"].strip(), (path, item)
            assert item["content_text"].strip()


def test_after_one_decoding_no_feed_text_opens_a_tag(site: Build) -> None:
    texts = _all_texts(site)
    assert len(texts) > 40 * len(HOSTILE)
    for where, text in texts:
        _assert_inert(where, text)


def test_rss_carries_no_html_field(site: Build) -> None:
    for path in _feeds(site, "xml"):
        tags = {tag for tag, _text in _rss_texts(path)}
        assert "{http://purl.org/rss/1.0/modules/content/}encoded" not in tags, path


def test_markup_is_removed_and_entities_are_decoded_once(site: Build) -> None:
    items = json.loads((site.site / "feed.json").read_text(encoding="utf-8"))["items"]
    by_url = {item["url"].removeprefix(SITE): item for item in items}
    number = {kind: n for n, kind in enumerate(sorted(HOSTILE), 1)}

    def summary(kind: str) -> str:
        url = next(u for u, i in by_url.items() if i["summary"].endswith(f"tóm tắt {number[kind]}"))
        return str(by_url[url]["summary"])

    assert summary("raw tag") == f"tóm tắt {number['raw tag']}"
    assert summary("script") == f"tóm tắt {number['script']}"
    assert summary("javascript link") == f"bấm vào đây tóm tắt {number['javascript link']}"
    # Written as text ("&lt;img …&gt;"): decoded once it is text that opens nothing.
    assert summary("entity-escaped") == (
        f"{INERT_LESS_THAN}img src=x onerror=alert(1)> tóm tắt {number['entity-escaped']}"
    )
    # Escaped twice: one decoding leaves it escaped once, as its page shows it.
    assert summary("double-escaped") == (
        f"&lt;img src=x onerror=alert(1)&gt; tóm tắt {number['double-escaped']}"
    )
    # Controls go; the ones the front-matter reader already took for spaces stay spaces.
    assert summary("control characters") == f"abcd efg hi tóm tắt {number['control characters']}"
    lead = next(item for item in items if item["title"] == f"Tin mở đầu {number['entity-escaped']}")
    assert f"{INERT_LESS_THAN}img src=x onerror=alert(1)>" in lead["summary"]
    titles = {item["title"] for item in items}
    for kind in ("raw tag", "script", "closing title", "svg", "comment"):
        assert f"tin {number[kind]}" in titles, kind


def test_channel_titles_are_plain_text(site: Build) -> None:
    feed = feedparser.parse((site.site / "feed.xml").read_bytes())
    assert feed.feed.title == f"Văn phòng UBND tỉnh {INERT_LESS_THAN}img src=x onerror=alert(1)>"


@pytest.mark.browser
def test_chromium_renders_every_feed_text_as_text(site: Build, browser: Browser) -> None:
    """What a reader that puts a feed's text into its page as HTML would do."""
    texts = sorted({text for _where, text in _all_texts(site)})
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset=utf-8><title>đọc tin</title><div id=d></div>")
    result = page.evaluate(
        """texts => {
            const box = document.getElementById("d");
            const bad = [];
            for (const text of texts) {
                box.innerHTML = text;
                const ok = box.childNodes.length === 0 ||
                    (box.childNodes.length === 1 && box.firstChild.nodeType === Node.TEXT_NODE);
                if (!ok) bad.push(text);
            }
            return bad;
        }""",
        texts,
    )
    page.close()
    # Not one element was made: no handler, no link, no image can exist to act.
    assert result == []


def test_feeds_are_byte_identical_between_two_builds(site: Build, tmp_path: Path) -> None:
    again = _build(tmp_path)
    first = [p.relative_to(site.site) for p in (*_feeds(site, "xml"), *_feeds(site, "json"))]
    second = [p.relative_to(again.site) for p in (*_feeds(again, "xml"), *_feeds(again, "json"))]
    assert first == second
    for relative in first:
        assert (again.site / relative).read_bytes() == (site.site / relative).read_bytes()


# -- any text, not only the forms above ---------------------------------------------------

_HOSTILE_ALPHABET = st.sampled_from(
    [
        *"<>&;#/!?=\"' \t\n]x",
        *("lt", "gt", "amp", "img", "script", "\x00", "\x1b", "\x85", "ơ", "đ", "\ufffe"),
        *("&#60;", "&lt;", "&#x3c;", "<!--", "-->", "<![CDATA[", "]]>"),
    ]
)
_TEXT = st.lists(_HOSTILE_ALPHABET, max_size=40).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_any_text_comes_out_inert(text: str) -> None:
    for result in (plain_text(text), label(text)):
        _assert_inert("text", result)
    if UNWANTED.sub("", text).strip():  # more than control characters and spaces
        assert label(text), text


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, summary=_TEXT, author=_TEXT, tag=_TEXT, lead=st.booleans())
def test_any_item_makes_valid_inert_feeds(
    title: str, summary: str, author: str, tag: str, lead: bool
) -> None:
    when = datetime(2021, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=7)))
    item = NewsItem(
        src_uri="tin-tuc/2021/tin.md",
        path="content/tin-tuc/2021/tin.md",
        title=title or "x",
        date=when,
        author=author or "x",
        slug="tin",
        summary=summary,
        summary_is_lead=lead,
        tags=(tag,) if tag else (),
        url="tin-tuc/2021/03/tin/",
    )
    spec = feeds.FeedSpec("feed", title or "x", summary, "", (item,))
    rss = feeds.rss(spec, SITE, {}, when)
    root = ET.fromstring(rss)
    for element in root.iter():
        _assert_inert(element.tag, element.text or "")
    document = json.loads(feeds.json_feed(spec, SITE, {}))
    for where, text in _json_strings(document):
        _assert_inert(where, text)
    assert not feedparser.parse(rss).bozo
