"""Which generated pages the portal has, and what each one shows.

Pure data: a ``PageSpec`` per URL, planned once from the frozen index. The MkDocs adapter
turns each spec into a virtual file and hands the spec to its template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil

from bantin.core import urls
from bantin.core.index import NewsIndex, OfficialTerm, Tally, Term
from bantin.core.model import NewsItem
from bantin.core.vntext import format_number, month_name


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str


@dataclass(frozen=True)
class Pagination:
    number: int
    count: int
    base_url: str

    def url(self, number: int) -> str:
        return urls.paginated(self.base_url, number)

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    def window(self, size: int = 2) -> list[int | None]:
        """Page numbers to show: first, last and ``size`` around the current; None is a gap."""
        wanted = {1, self.count, *range(self.number - size, self.number + size + 1)}
        shown = sorted(n for n in wanted if 1 <= n <= self.count)
        result: list[int | None] = []
        for number in shown:
            if result and number - (result[-1] or 0) > 1:
                result.append(None)
            result.append(number)
        return result


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int = 0
    note: str = ""


@dataclass(frozen=True)
class YearGroup:
    year: int
    items: tuple[NewsItem, ...]


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its URL, template and everything the template shows."""

    url: str
    kind: str
    title: str
    template: str
    description: str = ""
    items: tuple[NewsItem, ...] = ()
    total: int = 0
    pagination: Pagination | None = None
    crumbs: tuple[Crumb, ...] = ()
    links: tuple[Link, ...] = ()
    """Sub-archives (months of a year, years of the news), or the terms of an index page."""
    term: Term | None = None
    groups: tuple[YearGroup, ...] = ()
    tallies: dict[str, tuple[Tally, ...]] = field(default_factory=dict)
    in_nav: bool = False

    @property
    def src_uri(self) -> str:
        return urls.source_uri(self.url)


HOME = Crumb("Trang chủ", urls.HOME)
NEWS = Crumb("Tin tức", urls.NEWS)


def plan(index: NewsIndex, page_size: int = 20, home_count: int = 9) -> list[PageSpec]:
    """Every generated page of the portal, in a stable order."""
    specs: list[PageSpec] = [_home(index, home_count)]
    years = index.years()
    year_links = tuple(Link(str(year), urls.year(year), len(items)) for year, items in years)
    specs += _paginate(
        PageSpec(
            url=urls.NEWS,
            kind="latest",
            title="Tin tức",
            template="bantin/list.html",
            description="Tin tức mới nhất của Văn phòng UBND tỉnh.",
            crumbs=(HOME,),
            links=year_links,
            in_nav=True,
        ),
        index.newest_first,
        page_size,
    )
    months_by_year: dict[int, list[Link]] = {}
    for (year, month), items in index.months():
        months_by_year.setdefault(year, []).append(
            Link(month_name(month), urls.month(year, month), len(items))
        )
        specs += _paginate(
            PageSpec(
                url=urls.month(year, month),
                kind="month",
                title=f"Tin tức {month_name(month).lower()}/{year}",
                template="bantin/list.html",
                description=f"Các tin đăng trong tháng {month}/{year}.",
                crumbs=(HOME, NEWS, Crumb(str(year), urls.year(year))),
            ),
            tuple(items),
            page_size,
        )
    for year, items in years:
        specs += _paginate(
            PageSpec(
                url=urls.year(year),
                kind="year",
                title=f"Tin tức năm {year}",
                template="bantin/list.html",
                description=f"Các tin đăng trong năm {year}, theo tháng.",
                crumbs=(HOME, NEWS),
                links=tuple(months_by_year.get(year, ())),
            ),
            tuple(items),
            page_size,
        )
    specs.append(_terms_index(index.topics, urls.TOPICS, "Chủ đề", "topics"))
    for topic in index.topics:
        specs += _paginate(
            PageSpec(
                url=topic.url,
                kind="topic",
                title=f"Chủ đề: {topic.name}",
                template="bantin/list.html",
                description=f"Các tin về chủ đề {topic.name}.",
                crumbs=(HOME, Crumb("Chủ đề", urls.TOPICS)),
                term=topic,
            ),
            topic.items,
            page_size,
        )
    specs.append(_terms_index(index.officials, urls.OFFICIALS, "Lãnh đạo", "officials"))
    specs += [_official(official) for official in index.officials]
    specs.append(_awards(index))
    return specs


def _home(index: NewsIndex, count: int) -> PageSpec:
    return PageSpec(
        url=urls.HOME,
        kind="home",
        title="Trang chủ",
        template="bantin/home.html",
        description="Cổng thông tin điện tử Văn phòng UBND tỉnh: tin tức, hoạt động, văn bản.",
        items=index.newest_first[:count],
        total=len(index.items),
        links=tuple(Link(str(year), urls.year(year), len(items)) for year, items in index.years()),
        in_nav=True,
    )


def _paginate(spec: PageSpec, items: tuple[NewsItem, ...], size: int) -> list[PageSpec]:
    count = max(1, ceil(len(items) / size))
    pages = []
    for number in range(1, count + 1):
        title = spec.title if number == 1 else f"{spec.title} (trang {number})"
        pages.append(
            PageSpec(
                **{
                    **spec.__dict__,
                    "url": urls.paginated(spec.url, number),
                    "title": title,
                    "items": items[(number - 1) * size : number * size],
                    "total": len(items),
                    "pagination": Pagination(number, count, spec.url) if count > 1 else None,
                    "in_nav": spec.in_nav and number == 1,
                }
            )
        )
    return pages


def _terms_index(terms: tuple[Term, ...], url: str, title: str, kind: str) -> PageSpec:
    ordered = sorted(terms, key=lambda term: (-len(term.items), term.slug))
    links = []
    for term in ordered:
        note = ""
        if isinstance(term, OfficialTerm) and term.titles:
            note = term.titles[-1].title
        links.append(Link(term.name, term.url, len(term.items), note))
    noun = "chủ đề" if kind == "topics" else "lãnh đạo"
    return PageSpec(
        url=url,
        kind=kind,
        title=title,
        template="bantin/terms.html",
        description=f"{format_number(len(terms))} {noun} trong các tin đã đăng.",
        crumbs=(HOME,),
        links=tuple(links),
        in_nav=True,
    )


def _official(official: OfficialTerm) -> PageSpec:
    by_year: dict[int, list[NewsItem]] = {}
    for item in official.items:
        by_year.setdefault(item.date.year, []).append(item)
    latest = official.titles[-1].title if official.titles else ""
    return PageSpec(
        url=official.url,
        kind="official",
        title=official.name,
        template="bantin/official.html",
        description=f"{official.name}, {latest}: các hoạt động được đưa tin."
        if latest
        else f"{official.name}: các hoạt động được đưa tin.",
        crumbs=(HOME, Crumb("Lãnh đạo", urls.OFFICIALS)),
        term=official,
        total=len(official.items),
        groups=tuple(YearGroup(year, tuple(items)) for year, items in by_year.items()),
    )


def _awards(index: NewsIndex) -> PageSpec:
    latest = tuple(dict.fromkeys(row.item for row in reversed(index.award_rows)))[:50]
    return PageSpec(
        url=urls.AWARDS,
        kind="awards",
        title="Khen thưởng",
        template="bantin/awards.html",
        description="Tổng hợp khen thưởng theo năm, cơ quan ban hành và hình thức.",
        crumbs=(HOME,),
        items=latest,
        total=len(index.award_rows),
        tallies={
            "year": tuple(index.award_tallies("year")),
            "issuer": tuple(index.award_tallies("issuer")),
            "kind": tuple(index.award_tallies("kind")),
        },
        in_nav=True,
    )
