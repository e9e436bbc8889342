"""Dates search engines read: ``<lastmod>`` of an item and ``robots.txt``."""

from __future__ import annotations

from urllib.parse import urljoin

from bantin.core.model import NewsItem


def lastmod(item: NewsItem) -> str:
    """W3C datetime of the item's last change (``updated``, else ``date``)."""
    changed = item.updated if item.updated and item.updated > item.date else item.date
    return changed.isoformat(timespec="seconds")


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap says where the pages are."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"
