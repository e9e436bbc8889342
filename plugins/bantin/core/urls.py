"""Every URL pattern of the portal, expanded in one place (DESIGN.md, "URLs")."""

from __future__ import annotations

from bantin.core.model import NewsItem

NEWS = "tin-tuc/"
TOPICS = "chu-de/"
OFFICIALS = "lanh-dao/"
AWARDS = "khen-thuong/"
STATISTICS = "thong-ke/"
SEARCH = "tim-kiem/"
HOME = ""
PAGE_SEGMENT = "trang"


def item(entry: NewsItem) -> str:
    return f"{NEWS}{entry.date:%Y}/{entry.date:%m}/{entry.slug}/"


def year(value: int) -> str:
    return f"{NEWS}{value:04d}/"


def month(year_value: int, month_value: int) -> str:
    return f"{NEWS}{year_value:04d}/{month_value:02d}/"


def topic(slug: str) -> str:
    return f"{TOPICS}{slug}/"


def official(slug: str) -> str:
    return f"{OFFICIALS}{slug}/"


def paginated(base: str, number: int) -> str:
    """``tin-tuc/`` page 1 → ``tin-tuc/``; page 2 → ``tin-tuc/trang/2/``."""
    return base if number == 1 else f"{base}{PAGE_SEGMENT}/{number}/"


def source_uri(url: str) -> str:
    """The virtual source path MkDocs knows a generated page by (``tin-tuc/2018/index.md``)."""
    return f"{url}index.md"


def dest_uri(url: str) -> str:
    return f"{url}index.html"
