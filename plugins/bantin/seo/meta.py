"""Open Graph and Twitter tags for a page; values are plain text, escaped by the template."""

from __future__ import annotations

from dataclasses import dataclass

from bantin.core.model import NewsItem


@dataclass(frozen=True)
class MetaTag:
    attribute: str
    """``property`` (Open Graph) or ``name`` (Twitter)."""
    key: str
    value: str


def sharing_tags(
    *,
    title: str,
    description: str,
    url: str,
    site_name: str,
    item: NewsItem | None,
) -> list[MetaTag]:
    """Tags for every page; item pages are ``article`` with their times, author and topics.

    ``og:image`` and the large-image ``twitter:card`` come from the images plugin, which
    knows the published sizes; the template adds the plain card for pages without image.
    """
    tags = [
        MetaTag("property", "og:type", "article" if item else "website"),
        MetaTag("property", "og:site_name", site_name),
        MetaTag("property", "og:locale", "vi_VN"),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:url", url),
    ]
    if description:
        tags.append(MetaTag("property", "og:description", description))
    if item is not None:
        tags.append(MetaTag("property", "article:published_time", item.date.isoformat()))
        if item.updated:
            tags.append(MetaTag("property", "article:modified_time", item.updated.isoformat()))
        tags.append(MetaTag("property", "article:author", item.author))
        tags += [MetaTag("property", "article:tag", tag) for tag in item.tags]
    tags.append(MetaTag("name", "twitter:title", title))
    if description:
        tags.append(MetaTag("name", "twitter:description", description))
    return tags
