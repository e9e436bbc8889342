"""JSON-LD ``NewsArticle`` for an item page, safe to print inside a ``<script>`` element."""

from __future__ import annotations

import json

from bantin.core.model import NewsItem

# A title may contain "</script>"; JSON's \\u escapes keep such text data, never markup.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(value: object) -> str:
    """JSON that cannot end the script element it is printed in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_SCRIPT_SAFE)


def news_article(
    item: NewsItem,
    *,
    url: str,
    site_name: str,
    site_url: str,
    image_url: str | None,
) -> dict[str, object]:
    """schema.org NewsArticle with the fields Google's article guidelines ask for."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.date.isoformat(),
        "dateModified": (item.updated or item.date).isoformat(),
        "author": [{"@type": "Person", "name": item.author}],
        "publisher": {"@type": "GovernmentOrganization", "name": site_name, "url": site_url},
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": "vi",
    }
    if item.summary:
        data["description"] = item.summary
    if item.tags:
        data["keywords"] = list(item.tags)
    if item.source:
        data["sourceOrganization"] = {"@type": "Organization", "name": item.source}
    if image_url:
        data["image"] = [image_url]
    return data
