"""Which feeds the portal publishes: the site's, and one per topic and per official."""

from __future__ import annotations

from bantin.core.index import NewsIndex
from bantin.feeds.build import FeedSpec
from bantin.feeds.text import label


def plan(index: NewsIndex, site_name: str, site_size: int, term_size: int) -> list[FeedSpec]:
    """Feeds newest first; sizes keep every feed small however large the archive grows.

    Channel titles and descriptions are made of plain-text names (``feeds.text.label``).
    """
    site_name = label(site_name)
    specs = [
        FeedSpec(
            path="feed",
            title=site_name,
            description=f"Tin mới nhất của {site_name}",
            page_url="",
            items=index.newest_first[:site_size],
        )
    ]
    for topic in index.topics:
        name = label(topic.name)
        specs.append(
            FeedSpec(
                path=f"{topic.url}feed",
                title=f"{name} - {site_name}",
                description=f"Tin về chủ đề {name}",
                page_url=topic.url,
                items=topic.items[:term_size],
            )
        )
    for official in index.officials:
        name = label(official.name)
        specs.append(
            FeedSpec(
                path=f"{official.url}feed",
                title=f"{name} - {site_name}",
                description=f"Tin có đồng chí {name}",
                page_url=official.url,
                items=official.items[:term_size],
            )
        )
    return specs
