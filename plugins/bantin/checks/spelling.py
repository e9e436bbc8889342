"""Names a build accepts but a reader would see split: one person or topic spelled two ways,
one person with two titles in one month. Reported as warnings with the canonical form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bantin.checks.sources import FieldLines
from bantin.core import index
from bantin.core.model import NewsItem
from bantin.core.problems import Problem
from bantin.core.vntext import grouping_key, slugify

_WARNING = "warning"


def _canonical(counts: dict[str, int]) -> str:
    """Most used spelling; ties go to the one with more diacritics, then to the first seen.

    ``counts`` keeps the order of first use, so an established spelling wins a tie against
    the one in a new draft.
    """
    order = {spelling: position for position, spelling in enumerate(counts)}
    return sorted(counts, key=lambda s: (-counts[s], -sum(ord(c) > 127 for c in s), order[s]))[0]


def _official_names(item: NewsItem) -> list[str]:
    return [official.name for official in item.officials]


def _tags(item: NewsItem) -> list[str]:
    return list(item.tags)


def spelling(news: index.NewsIndex, content: Path) -> list[Problem]:
    """One person or topic written two ways: case/tone placement, or only diacritics apart."""
    lines = FieldLines(content)
    problems: list[Problem] = []
    kinds: tuple[tuple[str, Callable[[NewsItem], list[str]], str], ...] = (
        ("officials[{}].name", _official_names, "person"),
        ("tags[{}]", _tags, "topic"),
    )
    for field, values_of, noun in kinds:
        # Loose key: ASCII letters only, so "Bùi Văn Cửu", "Bùi văn Cửu", "Hải"/"Hài" meet.
        spellings: dict[str, dict[str, int]] = {}
        loose: dict[str, str] = {}  # slugify is slow; each distinct spelling once
        for item in news.items:
            for value in values_of(item):
                if value not in loose:
                    loose[value] = slugify(value)
                counts = spellings.setdefault(loose[value], {})
                counts[value] = counts.get(value, 0) + 1
        for item in news.items:
            for number, value in enumerate(values_of(item), 1):
                counts = spellings[loose[value]]
                best = _canonical(counts)
                if value == best:
                    continue
                where = field.format(number)
                if grouping_key(value) == grouping_key(best):
                    advice = (
                        f'write "{best}" (used {counts[best]} time(s)) so every item spells '
                        f"this {noun} the same way"
                    )
                else:
                    advice = (
                        f'looks like "{best}" (used {counts[best]} time(s)); if it is the same '
                        f'{noun}, write "{best}", otherwise ignore this warning'
                    )
                problems.append(
                    Problem(
                        item.path, lines.of(item, where), where, f'"{value}": {advice}', _WARNING
                    )
                )
    return problems


def titles_in_month(news: index.NewsIndex, content: Path) -> list[Problem]:
    """One official given different titles within one calendar month."""
    lines = FieldLines(content)
    problems: list[Problem] = []
    keys: dict[str, str] = {}

    def key_of(text: str) -> str:
        if text not in keys:
            keys[text] = grouping_key(text)
        return keys[text]

    for term in news.officials:
        months: dict[tuple[int, int], list[tuple[NewsItem, int, str]]] = {}
        for item in term.items:
            for number, official in enumerate(item.officials, 1):
                if official.title and key_of(official.name) == term.key:
                    key = (item.date.year, item.date.month)
                    months.setdefault(key, []).append((item, number, official.title))
        for (year, month), uses in sorted(months.items()):
            counts: dict[str, int] = {}
            for _, _, title in uses:
                counts[title] = counts.get(title, 0) + 1
            if len({key_of(title) for title in counts}) < 2:
                continue
            best = _canonical(counts)
            for item, number, title in uses:
                if key_of(title) == key_of(best):
                    continue
                where = f"officials[{number}].title"
                problems.append(
                    Problem(
                        item.path,
                        lines.of(item, where),
                        where,
                        f'{term.name} is "{title}" here but "{best}" in other items of '
                        f"{month:02d}/{year}; use one title for the same month",
                        _WARNING,
                    )
                )
    return problems
