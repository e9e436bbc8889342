"""Bar charts as static SVG, drawn at build time: readable without JavaScript, printable.

Each chart is an ``<svg role="img">`` with a title; the numbers themselves are in the
accessible table the template puts beside it, so the SVG may stay simple. Every label is
XML-escaped here because it comes from front matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from bantin.core.vntext import format_number

COLOURS = ("#b71c1c", "#1565c0", "#2e7d32")
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    url: str = ""
    """Site-relative URL of the page behind the label (an archive, an official), or empty."""


@dataclass(frozen=True)
class Chart:
    key: str
    """Used for ids: ``so-tin-theo-nam``."""
    title: str
    series: tuple[str, ...]
    rows: tuple[Row, ...]
    horizontal: bool = False

    @property
    def total(self) -> tuple[int, ...]:
        return tuple(sum(row.values[i] for row in self.rows) for i in range(len(self.series)))

    def svg(self) -> str:
        return horizontal_svg(self) if self.horizontal else vertical_svg(self)


def _scale(chart: Chart) -> int:
    return max([value for row in chart.rows for value in row.values] + [1])


def _legend(chart: Chart, y: int) -> list[str]:
    if len(chart.series) < 2:
        return []
    parts = []
    for number, name in enumerate(chart.series):
        x = 10 + number * 140
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[number % 3]}"/>')
        parts.append(f'<text x="{x + 18}" y="{y + 11}" {_FONT}>{escape(name)}</text>')
    return parts


def _open(chart: Chart, width: int, height: int) -> list[str]:
    kind = "rows" if chart.horizontal else "columns"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bantin-chart bantin-chart--{kind}"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-labelledby="{chart.key}-svg-title">',
        f'<title id="{chart.key}-svg-title">{escape(chart.title)}</title>',
    ]


def vertical_svg(chart: Chart) -> str:
    """Columns left to right (years, months), values above, labels below."""
    band = 24 * len(chart.series) + 16
    plot_height = 180
    top = 44 if len(chart.series) > 1 else 18  # room for the legend and the top value
    width = max(320, 60 + band * len(chart.rows))
    height = top + plot_height + 56
    scale = _scale(chart)
    parts = _open(chart, width, height) + _legend(chart, 6)
    base = top + plot_height
    parts.append(f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#757575"/>')
    for index, row in enumerate(chart.rows):
        x0 = 48 + index * band
        for number, value in enumerate(row.values):
            bar = round(plot_height * value / scale)
            x = x0 + number * 24
            label = escape(f"{row.label}, {chart.series[number]}: {format_number(value)}")
            parts.append(
                f'<rect x="{x}" y="{base - bar}" width="20" height="{bar}" '
                f'fill="{COLOURS[number % 3]}"><title>{label}</title></rect>'
            )
            parts.append(
                f'<text x="{x + 10}" y="{base - bar - 4}" text-anchor="middle" {_FONT}>'
                f"{format_number(value)}</text>"
            )
        centre = x0 + (band - 16) / 2
        parts.append(
            f'<text x="{centre:g}" y="{base + 16}" text-anchor="end" {_FONT} '
            f'transform="rotate(-40 {centre:g} {base + 16})">{escape(row.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def horizontal_svg(chart: Chart) -> str:
    """One line per label (names, issuers): long Vietnamese labels stay readable."""
    line = 16 * len(chart.series) + 10
    top = 30 if len(chart.series) > 1 else 8
    label_width = 300
    plot_width = 360
    width = label_width + plot_width + 70
    height = top + line * len(chart.rows) + 8
    scale = _scale(chart)
    parts = _open(chart, width, height) + _legend(chart, 6)
    for index, row in enumerate(chart.rows):
        y0 = top + index * line
        shown = row.label if len(row.label) <= 44 else row.label[:43] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y0 + line / 2 + 2:g}" text-anchor="end" {_FONT}>'
            f"{escape(shown)}</text>"
        )
        for number, value in enumerate(row.values):
            bar = round(plot_width * value / scale)
            y = y0 + number * 16
            label = escape(f"{row.label}, {chart.series[number]}: {format_number(value)}")
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{bar}" height="14" '
                f'fill="{COLOURS[number % 3]}"><title>{label}</title></rect>'
            )
            parts.append(
                f'<text x="{label_width + bar + 4}" y="{y + 11}" {_FONT}>'
                f"{format_number(value)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
