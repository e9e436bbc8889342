"""Feeds, sharing tags, JSON-LD, sitemap, robots.txt, 404 and redirects of the built portal."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import feedparser
from discovery.discoverykit import EXTRA_ITEMS, XSS_TITLE, build_portal, portal_config
from sitekit import Build, item

SITE = "https://vanphong.example.gov.vn/"
HOA_BINH_URL = "tin-tuc/2021/03/doan-cong-tac-tinh-hoa-binh-tham-van-phong/"
XSS_URL = "tin-tuc/2021/01/img-src-x-onerror-alert-1-script-script-alert-2-script/"


def _head(build: Build, url: str) -> str:
    page = build.page(url)
    return page[: page.index("</head>")]


def _meta(head: str, key: str) -> list[str]:
    pattern = rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">'
    return [html.unescape(value) for value in re.findall(pattern, head)]


def _jsonld(build: Build, url: str) -> dict[str, object]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', build.page(url), re.S)
    assert len(found) == 1
    data = json.loads(found[0])
    assert isinstance(data, dict)
    return data


# -- feeds ------------------------------------------------------------------------------


def test_site_rss_is_valid_newest_first_with_enclosure_and_aware_dates(portal: Build) -> None:
    feed = feedparser.parse((portal.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == "Văn phòng UBND tỉnh"
    assert feed.feed.link == SITE
    assert feed.feed.language == "vi"
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len(feed.entries) == 9
    hoa_binh = next(e for e in feed.entries if e.link == SITE + HOA_BINH_URL)
    assert hoa_binh.published == "Tue, 02 Mar 2021 08:00:00 +0700"
    assert hoa_binh.author == "Phóng viên"
    assert [tag.term for tag in hoa_binh.tags] == ["hợp tác"]
    (enclosure,) = hoa_binh.enclosures
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 1000
    assert enclosure.href.startswith(SITE + "tin-tuc/")


def test_channel_date_is_the_newest_change_not_the_build_time(portal: Build) -> None:
    feed = feedparser.parse((portal.site / "feed.xml").read_bytes())
    # Newest item: 01/05/2021 07:00; SOURCE_DATE_EPOCH would be November 2023.
    assert feed.feed.updated == "Sat, 01 May 2021 07:00:00 +0700"


def test_json_feed_is_json_feed_1_1(portal: Build) -> None:
    raw = (portal.site / "feed.json").read_text(encoding="utf-8")
    feed = json.loads(raw)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE + "feed.json"
    assert feed["home_page_url"] == SITE
    assert raw == json.dumps(feed, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    first = feed["items"][0]
    assert first["title"] == "Doanh nghiệp tài trợ học bổng"
    assert first["date_published"] == "2021-05-01T07:00:00+07:00"
    assert datetime.fromisoformat(first["date_published"]).tzinfo is not None
    assert first["authors"] == [{"name": "Phóng viên"}]
    updated = next(i for i in feed["items"] if i["title"] == "Ký kết hợp tác với tỉnh Hoà Bình")
    assert updated["date_modified"] == "2021-04-06T10:00:00+07:00"
    with_image = next(i for i in feed["items"] if i["url"] == SITE + HOA_BINH_URL)
    assert with_image["attachments"][0]["mime_type"] == "image/jpeg"
    assert with_image["image"] == with_image["attachments"][0]["url"]


def test_every_topic_and_official_has_feeds(portal: Build) -> None:
    topics = [p.name for p in (portal.site / "chu-de").iterdir() if p.is_dir()]
    officials = [p.name for p in (portal.site / "lanh-dao").iterdir() if p.is_dir()]
    assert "hop-tac" in topics and officials
    for folder in [f"chu-de/{t}" for t in topics] + [f"lanh-dao/{o}" for o in officials]:
        feed = feedparser.parse((portal.site / folder / "feed.xml").read_bytes())
        assert not feed.bozo, folder
        assert feed.entries, folder
        assert feed.feed.link == f"{SITE}{folder}/"
        assert json.loads((portal.site / folder / "feed.json").read_text("utf-8"))["items"]
    hop_tac = feedparser.parse((portal.site / "chu-de/hop-tac/feed.xml").read_bytes())
    assert [e.title for e in hop_tac.entries] == [
        "Ký kết hợp tác với tỉnh Hoà Bình",
        "Đoàn công tác tỉnh Hòa Bình thăm Văn phòng",
    ]


def test_pages_link_their_feeds(portal: Build) -> None:
    home = _head(portal, "")
    assert '<link rel="alternate feed" type="application/rss+xml"' in home
    assert 'href="./feed.xml"' in home and 'href="./feed.json"' in home
    topic = _head(portal, "chu-de/hop-tac/")
    assert 'href="../../chu-de/hop-tac/feed.xml"' in topic
    assert 'type="application/feed+json" title="hợp tác (JSON Feed)"' in topic


def test_hostile_title_stays_text_in_feeds(portal: Build) -> None:
    rss = (portal.site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in rss and "<img" not in rss
    feed = feedparser.parse(rss.encode())
    entry = next(e for e in feed.entries if e.link == SITE + XSS_URL)
    # A title of markup only reads as written, every "<" that could open a tag made "‹"
    # (tests/discovery/test_feed_safety.py holds feeds to that for every field).
    inert_title = XSS_TITLE.replace("<", "\u2039")
    assert entry.title == inert_title
    items = json.loads((portal.site / "feed.json").read_text("utf-8"))["items"]
    assert any(i["title"] == inert_title for i in items)


def test_feeds_are_byte_identical_between_builds(portal: Build, tmp_path: Path) -> None:
    extra = {
        **EXTRA_ITEMS,
        "content/tin-tuc/2021/hoa-binh-1/doan-cong-tac.jpg": (
            portal.root / "content/tin-tuc/2021/hoa-binh-1/doan-cong-tac.jpg"
        ).read_bytes(),
    }
    again = build_portal(tmp_path, extra)
    assert again.returncode == 0, again.output
    for name in ("feed.xml", "feed.json", "sitemap.xml", "robots.txt", "chu-de/hop-tac/feed.xml"):
        assert (again.site / name).read_bytes() == (portal.site / name).read_bytes(), name
    first = sorted(p.relative_to(portal.site) for p in (portal.site / "tim-kiem").rglob("*"))
    second = sorted(p.relative_to(again.site) for p in (again.site / "tim-kiem").rglob("*"))
    assert first == second
    for relative in first:
        if (portal.site / relative).is_file() and relative.suffix == ".json":
            assert (again.site / relative).read_bytes() == (portal.site / relative).read_bytes()


# -- sharing tags and JSON-LD -------------------------------------------------------------


def test_item_page_has_sharing_tags_and_canonical(portal: Build) -> None:
    head = _head(portal, HOA_BINH_URL)
    assert f'<link rel="canonical" href="{SITE}{HOA_BINH_URL}">' in head
    assert _meta(head, "og:type") == ["article"]
    assert _meta(head, "og:url") == [SITE + HOA_BINH_URL]
    assert _meta(head, "og:title") == ["Đoàn công tác tỉnh Hòa Bình thăm Văn phòng"]
    assert _meta(head, "og:locale") == ["vi_VN"]
    assert _meta(head, "article:published_time") == ["2021-03-02T08:00:00+07:00"]
    assert _meta(head, "twitter:title") == ["Đoàn công tác tỉnh Hòa Bình thăm Văn phòng"]
    assert len(_meta(head, "twitter:card")) == 1
    home = _head(portal, "")
    assert _meta(home, "og:type") == ["website"]
    assert _meta(home, "twitter:card") == ["summary"]


def test_item_page_has_news_article_json_ld(portal: Build) -> None:
    data = _jsonld(portal, HOA_BINH_URL)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Đoàn công tác tỉnh Hòa Bình thăm Văn phòng"
    assert data["datePublished"] == "2021-03-02T08:00:00+07:00"
    assert data["author"] == [{"@type": "Person", "name": "Phóng viên"}]
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": SITE + HOA_BINH_URL}
    assert isinstance(data["image"], list) and str(data["image"][0]).startswith(SITE)
    assert "application/ld+json" not in portal.page("tin-tuc/")


def test_hostile_title_stays_text_in_meta_and_json_ld(portal: Build) -> None:
    page = portal.page(XSS_URL)
    head = page[: page.index("</head>")]
    assert "<img src=x" not in page
    assert "<script>alert" not in page
    assert _meta(head, "og:title") == [XSS_TITLE]
    assert _meta(head, "og:description") == ["<b>tóm tắt</b> & </script>"]
    data = _jsonld(portal, XSS_URL)
    assert data["headline"] == XSS_TITLE
    assert data["description"] == "<b>tóm tắt</b> & </script>"


# -- sitemap, robots, 404 ---------------------------------------------------------------


def test_sitemap_dates_items_by_their_own_dates(portal: Build) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring((portal.site / "sitemap.xml").read_bytes())
    entries = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in root.findall("s:url", ns)
    }
    assert entries[SITE + HOA_BINH_URL] == "2021-03-02T08:00:00+07:00"
    updated = SITE + "tin-tuc/2021/04/ky-ket-hop-tac-voi-tinh-hoa-binh/"
    assert entries[updated] == "2021-04-06T10:00:00+07:00"
    assert entries[SITE] == "2021-05-01T07:00:00+07:00"
    assert entries[SITE + "chu-de/hop-tac/"] == "2021-04-06T10:00:00+07:00"
    assert SITE + "tim-kiem/" in entries


def test_robots_txt_points_to_the_sitemap(portal: Build) -> None:
    robots = (portal.site / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"


def test_404_page_is_vietnamese_and_links_from_the_root(portal: Build) -> None:
    page = (portal.site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Không tìm thấy trang</h1>" in page
    assert 'action="/tim-kiem/"' in page
    # base_url is "/" on this page: discovery's own links must not become "//host" links.
    assert 'href="/assets/stylesheets/bantin-search.css"' in page
    assert 'action="//' not in page
    assert 'lang="vi"' in page


# -- aliases ------------------------------------------------------------------------------


def test_aliases_redirect_to_the_item(portal: Build) -> None:
    for alias, target in (
        (
            "tin-tuc/doan-cong-tac-hoa-binh.html",
            "2021/03/doan-cong-tac-tinh-hoa-binh-tham-van-phong/",
        ),
        ("tin-cu/hoa-binh/index.html", "../../tin-tuc/" + HOA_BINH_URL.removeprefix("tin-tuc/")),
    ):
        page = (portal.site / alias).read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={target}">' in page
        assert f'<link rel="canonical" href="{SITE}{HOA_BINH_URL}">' in page
        assert f'<a href="{target}">' in page
        resolved = (portal.site / alias).parent / target / "index.html"
        assert resolved.resolve() == (portal.site / HOA_BINH_URL / "index.html").resolve()


def test_alias_on_a_real_page_fails_the_build_naming_the_line(tmp_path: Path) -> None:
    extra: dict[str, str | bytes] = {
        "content/tin-tuc/2021/a.md": item(
            "Tin A", "2021-03-02 08:00", aliases='["/chu-de/", "/tin-cu/chung/"]'
        ),
        "content/tin-tuc/2021/b.md": item("Tin B", "2021-03-03 08:00", aliases="[/tin-cu/chung/]"),
    }
    build = build_portal(tmp_path, extra)
    assert build.returncode == 1
    assert (
        'content/tin-tuc/2021/a.md:5: aliases: "/chu-de/" is the address of the page /chu-de/; '
        "an old address must not replace a real page; remove it from aliases:"
    ) in build.output
    assert (
        'content/tin-tuc/2021/b.md:5: aliases: "/tin-cu/chung/" is also an alias of '
        "content/tin-tuc/2021/a.md; keep it in one item only; remove it from aliases:"
    ) in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site" / "tin-cu").exists()


def test_without_an_index_the_search_page_says_so(tmp_path: Path) -> None:
    """`search: false` (and `mkdocs serve`, unless search_in_preview): no index is built."""
    config = portal_config().replace(
        "  - bantin-discovery\n", "  - bantin-discovery:\n      search: false\n", 1
    )
    build = build_portal(tmp_path, {}, config=config)
    assert build.returncode == 0, build.output
    assert not (build.site / "tim-kiem" / "chi-muc").exists()
    assert "data-unavailable" in build.page("tim-kiem/")
    assert (build.site / "feed.xml").exists()
