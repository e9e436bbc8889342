"""What the content statistics page ``/thong-ke/`` shows, computed from the news index.

Items per year and per month, meetings held per year, items per official, and awards by
year and by issuer (collectives and individuals). Each becomes a ``Chart`` whose rows are
also the rows of the accessible table beside it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bantin.core import urls
from bantin.core.index import NewsIndex
from bantin.core.vntext import grouping_key
from bantin.stats.charts import Chart, Row

MAX_OFFICIALS = 20
MAX_ISSUERS = 15


@dataclass(frozen=True)
class ContentStatistics:
    items: int
    meetings: int
    officials: int
    awards: int
    collectives: int
    individuals: int
    charts: tuple[Chart, ...]


def content_statistics(index: NewsIndex) -> ContentStatistics:
    items = index.items
    per_year = Counter(item.date.year for item in items)
    per_month = Counter((item.date.year, item.date.month) for item in items)
    # Several items can report one meeting; a meeting is its date, kind and place.
    meetings = {
        (item.meeting.date, grouping_key(item.meeting.kind), grouping_key(item.meeting.location))
        for item in items
        if item.meeting is not None
    }
    meetings_per_year = Counter(meeting[0].year for meeting in meetings)
    officials = sorted(index.officials, key=lambda term: (-len(term.items), term.slug))
    by_year = sorted(index.award_tallies("year"), key=lambda tally: tally.label)
    by_issuer = index.award_tallies("issuer")
    charts = [
        Chart(
            "so-tin-theo-nam",
            "Số tin theo năm",
            ("Số tin",),
            tuple(Row(str(year), (per_year[year],), urls.year(year)) for year in sorted(per_year)),
        ),
        Chart(
            "so-tin-theo-thang",
            "Số tin theo tháng",
            ("Số tin",),
            tuple(
                Row(f"{month:02d}/{year}", (per_month[(year, month)],), urls.month(year, month))
                for year, month in sorted(per_month)
            ),
        ),
        Chart(
            "cuoc-hop-theo-nam",
            "Số cuộc họp, hội nghị theo năm",
            ("Cuộc họp",),
            tuple(Row(str(year), (meetings_per_year[year],)) for year in sorted(meetings_per_year)),
        ),
        Chart(
            "lanh-dao",
            "Số tin theo lãnh đạo",
            ("Số tin",),
            tuple(
                Row(term.name, (len(term.items),), term.url) for term in officials[:MAX_OFFICIALS]
            ),
            horizontal=True,
        ),
        Chart(
            "khen-thuong-theo-nam",
            "Khen thưởng theo năm",
            ("Tập thể", "Cá nhân"),
            tuple(Row(t.label, (t.collectives, t.individuals)) for t in by_year),
        ),
        Chart(
            "khen-thuong-theo-co-quan",
            "Khen thưởng theo cơ quan, người ký",
            ("Tập thể", "Cá nhân"),
            tuple(Row(t.label, (t.collectives, t.individuals)) for t in by_issuer[:MAX_ISSUERS]),
            horizontal=True,
        ),
    ]
    rows = index.award_rows
    return ContentStatistics(
        items=len(items),
        meetings=len(meetings),
        officials=len(index.officials),
        awards=len(rows),
        collectives=sum(row.award.collectives for row in rows),
        individuals=sum(row.award.individuals for row in rows),
        charts=tuple(chart for chart in charts if chart.rows),
    )
