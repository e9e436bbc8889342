"""The news index: every item read once per build, validated, frozen and shared.

Reading is in ``load``; everything derived (URLs, archives, topics, officials, awards,
related items) is computed once in ``NewsIndex.build`` and never mutated afterwards.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import os
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from bantin.core import frontmatter, halves, schema, urls
from bantin.core.model import Award, NewsItem
from bantin.core.problems import Problem
from bantin.core.vntext import grouping_key, slugify

NEWS_FOLDER = "tin-tuc/"


def is_news_source(src_uri: str) -> bool:
    return src_uri.startswith(NEWS_FOLDER) and src_uri.endswith(".md")


def read_item(
    content_dir: Path, src_uri: str, display_root: str
) -> tuple[NewsItem | None, list[Problem]]:
    """Read and validate one news file. ``display_root`` prefixes paths in messages."""
    path = posixpath.join(display_root, src_uri) if display_root else src_uri
    absolute = content_dir / src_uri
    try:
        raw = absolute.read_bytes()
    except OSError as error:
        return None, [Problem(path, 0, "file", f"cannot be read: {error.strerror}")]
    parsed = frontmatter.read(path, raw)
    if parsed.mapping is None or parsed.source is None:
        return None, list(parsed.problems)
    item, problems = schema.read_item(
        src_uri=src_uri,
        path=path,
        mapping=parsed.mapping,
        offset=parsed.source.front_matter_line - 1,
        body=parsed.source.body,
        body_line=parsed.source.body_line,
        unreadable=parsed.unreadable,
    )
    problems = list(parsed.problems) + problems
    if item is not None and item.image:
        image_path = posixpath.join(str(content_dir), item.folder, item.image)
        if not os.path.isfile(image_path):  # noqa: PTH113 - once per item, pathlib is slow
            problems.append(
                Problem(
                    path,
                    item.image_line,
                    "image",
                    f'"{item.image}" does not exist next to the item; '
                    "check the file name (letter case matters)",
                )
            )
    if problems:
        return None, problems
    return item, []


PARALLEL_FROM = 2000
"""Items from which a second process reads half of them: below, starting it costs more."""


def load(
    content_dir: Path, src_uris: Iterable[str], display_root: str = "content"
) -> tuple[list[NewsItem], list[Problem]]:
    """Read every news file; problems of all files are returned together, in path order.

    A large portal is read by two processes at once (``halves.in_two``); the items come
    back pickled, which costs a tenth of reading them.
    """
    work = functools.partial(_load_all, content_dir, display_root=display_root)
    items: list[NewsItem] = []
    problems: list[Problem] = []
    for half_items, half_problems in halves.in_two(work, sorted(src_uris), PARALLEL_FROM):
        items += half_items
        problems += half_problems
    return items, problems


def _load_all(
    content_dir: Path, src_uris: Sequence[str], display_root: str
) -> tuple[list[NewsItem], list[Problem]]:
    items: list[NewsItem] = []
    problems: list[Problem] = []
    for src_uri in src_uris:
        item, item_problems = read_item(content_dir, src_uri, display_root)
        problems += item_problems
        if item is not None:
            items.append(item)
    return items, problems


def discover(content_dir: Path) -> list[str]:
    """Source paths of every news file under ``content/tin-tuc/``."""
    root = os.path.join(content_dir, NEWS_FOLDER)  # noqa: PTH118
    found = []
    # os.walk, not Path.rglob: the folders also hold the photos, and rglob made a Path and
    # matched the pattern for every one of them. Like rglob, symlinked folders are not
    # entered, and a symlinked file counts when it leads to a file.
    for folder, _, names in os.walk(root):
        relative = folder[len(root) :].strip("/")
        prefix = f"{NEWS_FOLDER}{relative}/" if relative else NEWS_FOLDER
        for name in names:
            if name.endswith(".md") and os.path.isfile(os.path.join(folder, name)):  # noqa: PTH113, PTH118
                found.append(prefix + name)
    return sorted(found)


@dataclass(frozen=True)
class Term:
    """A topic or an official: every spelling grouped under one key, one page, one URL."""

    key: str
    name: str
    slug: str
    url: str
    items: tuple[NewsItem, ...]
    """Newest first."""
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleSpan:
    """One title an official held, as the news items name it, from ``first`` to ``last``."""

    title: str
    first: date
    last: date


@dataclass(frozen=True)
class OfficialTerm(Term):
    titles: tuple[TitleSpan, ...] = ()


@dataclass(frozen=True)
class AwardRow:
    item: NewsItem
    award: Award

    @property
    def year(self) -> int:
        return self.item.date.year


@dataclass(frozen=True)
class Tally:
    label: str
    awards: int
    collectives: int
    individuals: int


RELATED_WINDOW = 12
"""Neighbours in time on each side, within each posting, that "Các tin khác" considers."""


def _around(items: Sequence[NewsItem], item: NewsItem, radius: int) -> Sequence[NewsItem]:
    """The items within ``radius`` places of where ``item`` sorts in ``items`` (date order)."""
    position = bisect.bisect_left(items, item.sort_key, key=lambda e: e.sort_key)
    return items[max(0, position - radius) : position + radius + 1]


def status_of(item: NewsItem, now: datetime) -> str:
    """``published``, ``draft`` or ``scheduled`` (dated after ``now``)."""
    return "draft" if item.draft else "scheduled" if item.date > now else "published"


def selected(items: Sequence[NewsItem], *, now: datetime, preview: bool) -> list[NewsItem]:
    """The items a build shows: published ones, and drafts and scheduled ones in a preview."""
    return [item for item in items if preview or status_of(item, now) == "published"]


@dataclass(frozen=True)
class NewsIndex:
    """All published (or previewed) items and everything derived from them."""

    items: tuple[NewsItem, ...]
    """Sorted by (date, slug), oldest first."""
    topics: tuple[Term, ...]
    officials: tuple[OfficialTerm, ...]
    award_rows: tuple[AwardRow, ...]
    by_src_uri: dict[str, NewsItem] = field(compare=False)
    _postings: dict[str, tuple[NewsItem, ...]] = field(compare=False, repr=False)
    topic_of: dict[str, Term] = field(compare=False, repr=False)
    official_of: dict[str, OfficialTerm] = field(compare=False, repr=False)
    year_counts: tuple[tuple[int, int], ...] = ()
    """(year, number of items), newest year first: the archive box on every page."""

    # -- construction -------------------------------------------------------------------

    @classmethod
    def build(
        cls, items: Sequence[NewsItem], *, now: datetime, preview: bool
    ) -> tuple[NewsIndex, list[Problem]]:
        """Assign URLs and statuses, drop unpublished items unless previewing, derive all."""
        problems: list[Problem] = []
        kept = [
            replace(item, url=urls.item(item), status=status_of(item, now))
            for item in selected(items, now=now, preview=preview)
        ]
        kept.sort(key=lambda entry: entry.sort_key)
        problems += _url_collisions(kept)
        topics = _group_terms(kept, lambda item: item.tags, urls.topic)
        officials = _group_officials(kept)
        postings: dict[str, tuple[NewsItem, ...]] = {}
        for term in topics:
            postings["t:" + term.key] = tuple(reversed(term.items))
        for official in officials:
            postings["o:" + official.key] = tuple(reversed(official.items))
        index = cls(
            items=tuple(kept),
            topics=topics,
            officials=officials,
            award_rows=tuple(AwardRow(item, award) for item in kept for award in item.awards),
            by_src_uri={item.src_uri: item for item in kept},
            _postings=postings,
            topic_of={term.key: term for term in topics},
            official_of={term.key: term for term in officials},
            year_counts=tuple(
                sorted(Counter(item.date.year for item in kept).items(), reverse=True)
            ),
        )
        return index, problems

    # -- queries ------------------------------------------------------------------------

    @property
    def newest_first(self) -> tuple[NewsItem, ...]:
        return tuple(reversed(self.items))

    def years(self) -> list[tuple[int, list[NewsItem]]]:
        """Years, newest first, each with its items newest first."""
        groups: dict[int, list[NewsItem]] = defaultdict(list)
        for item in reversed(self.items):
            groups[item.date.year].append(item)
        return sorted(groups.items(), reverse=True)

    def months(self) -> list[tuple[tuple[int, int], list[NewsItem]]]:
        groups: dict[tuple[int, int], list[NewsItem]] = defaultdict(list)
        for item in reversed(self.items):
            groups[(item.date.year, item.date.month)].append(item)
        return sorted(groups.items(), reverse=True)

    def topic_for(self, tag: str) -> Term:
        return self.topic_of[grouping_key(tag)]

    def official_for(self, name: str) -> OfficialTerm:
        return self.official_of[grouping_key(name)]

    def related(
        self, item: NewsItem, count: int = 5, window: int = RELATED_WINDOW
    ) -> list[NewsItem]:
        """ "Các tin khác": items sharing officials (weight 2) and topics (weight 1), then recency.

        Uses the postings of the item's own terms, and only ``window`` neighbours in time on
        each side within a posting, so the cost per item does not grow with the site.
        """
        scores: Counter[str] = Counter()
        candidates: dict[str, NewsItem] = {}
        for posting, weight in self._postings_of(item):
            for other in _around(posting, item, window):
                if other.src_uri != item.src_uri:
                    scores[other.src_uri] += weight
                    candidates[other.src_uri] = other
        for other in _around(self.items, item, count):
            if other.src_uri != item.src_uri:
                candidates.setdefault(other.src_uri, other)

        def rank(other: NewsItem) -> tuple[int, float, str]:
            distance = abs((other.date - item.date).total_seconds())
            return (-scores[other.src_uri], distance, other.slug)

        return heapq.nsmallest(count, candidates.values(), key=rank)

    def neighbours(self, item: NewsItem, posting_radius: int, time_radius: int) -> set[str]:
        """``src_uri`` of every item near ``item`` in one of its postings or in time."""
        found = {other.src_uri for other in _around(self.items, item, time_radius)}
        for posting, _ in self._postings_of(item):
            found.update(other.src_uri for other in _around(posting, item, posting_radius))
        return found

    def _postings_of(self, item: NewsItem) -> list[tuple[Sequence[NewsItem], int]]:
        """The postings of the item's officials (weight 2) and topics (weight 1)."""
        keys = [("o:" + grouping_key(o.name), 2) for o in item.officials]
        keys += [("t:" + grouping_key(tag), 1) for tag in item.tags]
        return [(self._postings.get(key, ()), weight) for key, weight in keys]

    def award_tallies(self, label_of: str) -> list[Tally]:
        """Tallies by ``year``, ``issuer`` or ``kind``; labels grouped like names."""
        totals: dict[str, list[int]] = {}
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for row in self.award_rows:
            if label_of == "year":
                label = str(row.year)
            elif label_of == "issuer":
                label = row.award.issuer
            else:
                label = row.award.name
            key = grouping_key(label)
            labels[key][label] += 1
            entry = totals.setdefault(key, [0, 0, 0])
            entry[0] += 1
            entry[1] += row.award.collectives
            entry[2] += row.award.individuals
        tallies = [Tally(_preferred(labels[key]), *values) for key, values in totals.items()]
        if label_of == "year":
            return sorted(tallies, key=lambda t: t.label, reverse=True)
        return sorted(tallies, key=lambda t: (-t.awards, t.label))


def _preferred(spellings: Counter[str]) -> str:
    """The most used spelling; ties go to the alphabetically first, so output is stable."""
    return sorted(spellings.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]


def _url_collisions(items: list[NewsItem]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, NewsItem] = {}
    for item in items:
        other = seen.get(item.url)
        if other is None:
            seen[item.url] = item
            continue
        problems.append(
            Problem(
                item.path,
                0,
                "slug",
                f'"{item.slug}" is also the slug of {other.path} in the same month, so both '
                f"would be published at /{item.url}; add a different slug: line to one of them",
            )
        )
    return problems


def _unique_slugs(keys: list[str], names: dict[str, str]) -> dict[str, str]:
    """A slug per key; different keys that slugify alike (Hải/Hài) get -2, -3… in key order."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for key in sorted(keys):
        base = slugify(names[key]) or "muc"
        slug, number = base, 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        result[key] = slug
    return result


def _group_terms(items: list[NewsItem], values_of: object, url_of: object) -> tuple[Term, ...]:
    groups: dict[str, list[NewsItem]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        for value in values_of(item):  # type: ignore[operator]
            key = grouping_key(value)
            if not groups[key] or groups[key][-1] is not item:
                groups[key].append(item)
            spellings[key][value] += 1
    names = {key: _preferred(spellings[key]) for key in groups}
    slugs = _unique_slugs(list(groups), names)
    terms = [
        Term(
            key=key,
            name=names[key],
            slug=slugs[key],
            url=url_of(slugs[key]),  # type: ignore[operator]
            items=tuple(reversed(groups[key])),
            spellings=tuple(sorted(spellings[key])),
        )
        for key in groups
    ]
    return tuple(sorted(terms, key=lambda term: (term.slug, term.key)))


def _group_officials(items: list[NewsItem]) -> tuple[OfficialTerm, ...]:
    terms = _group_terms(items, lambda item: [o.name for o in item.officials], urls.official)
    result = []
    for term in terms:
        spans: list[TitleSpan] = []
        for item in reversed(term.items):  # oldest first
            for official in item.officials:
                if grouping_key(official.name) != term.key or not official.title:
                    continue
                day = item.date.date()
                if spans and grouping_key(spans[-1].title) == grouping_key(official.title):
                    spans[-1] = replace(spans[-1], last=day)
                else:
                    spans.append(TitleSpan(official.title, day, day))
        result.append(OfficialTerm(**{**term.__dict__, "titles": tuple(spans)}))
    return tuple(result)
