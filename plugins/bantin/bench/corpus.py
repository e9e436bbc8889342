"""A deterministic corpus of realistic Vietnamese news items for benchmarks and tests.

``write(content_dir, count)`` writes ``count`` items under ``content_dir/tin-tuc/`` in our
front-matter schema (DESIGN.md): Vietnamese titles, ~700-word bodies made of the seed pages'
sentences, topics with Zipf-like frequency, officials whose titles change over the years
(some names written with two tone placements), meetings and awards with counts.

Item ``i`` is the ``i``-th newest; it depends only on the seed and on items ``0..i-1``, so
a corpus of 1,000 items is exactly the newest 1,000 items of a corpus of 10,000. Dates go
back from ``LATEST`` at ``per_year`` items a year (a provincial office publishes 1,000-2,000).

No MkDocs import: tests and other benchmarks reuse this without a site.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from bantin.bench import vocabulary as vocab
from bantin.core.dates import VIETNAM
from bantin.core.vntext import format_number, slugify

LATEST = datetime(2026, 6, 30, 16, 30, tzinfo=VIETNAM)
"""Publication time of the newest item; builds must run with a later SOURCE_DATE_EPOCH."""
DEFAULT_SEED = 2026
DEFAULT_PER_YEAR = 1200
BODY_WORDS = 700

PhotoWriter = Callable[[Path, int, int, int], None]
"""``writer(path, width, height, seed)`` writes one photo; used when images are asked for."""


@dataclass(frozen=True)
class GeneratedItem:
    """One generated item: where it goes and the exact text of its file."""

    number: int
    """0 is the newest item."""
    src_uri: str
    text: str
    date: datetime
    title: str
    slug: str
    tags: tuple[str, ...]
    officials: tuple[str, ...]
    images: tuple[str, ...] = ()
    """File names next to ``src_uri`` that a photo writer must create."""
    words: int = 0


@dataclass
class Summary:
    """What ``write`` produced, for reports."""

    items: int = 0
    words: int = 0
    bytes: int = 0
    images: int = 0
    newest: GeneratedItem | None = None
    oldest: GeneratedItem | None = None
    src_uris: list[str] = field(default_factory=list)


def generate(
    count: int,
    *,
    seed: int = DEFAULT_SEED,
    per_year: int = DEFAULT_PER_YEAR,
    images: bool = False,
) -> Iterator[GeneratedItem]:
    """Items 0 (newest) to ``count - 1``, each a pure function of the seed and its predecessors."""
    step = timedelta(days=365.2425) / per_year
    taken: set[str] = set()
    tag_weights = _zipf(len(vocab.TAGS), 1.07)
    official_weights = _zipf(len(vocab.OFFICIALS), 0.9)
    for number in range(count):
        # A string seed is hashed with SHA-512 by random.seed: stable across runs and hosts.
        rng = random.Random(f"bantin-bench:{seed}:{number}")  # noqa: S311 - not security
        moment = LATEST - step * (number + rng.random())
        if number:
            moment = moment.replace(hour=rng.randint(7, 17), minute=rng.randrange(60), second=0)
        else:
            moment = LATEST
        moment = moment.replace(microsecond=0)
        yield _item(
            rng,
            number,
            moment,
            taken=taken,
            tag_weights=tag_weights,
            official_weights=official_weights,
            images=images,
        )


def write(
    content_dir: Path,
    count: int,
    *,
    seed: int = DEFAULT_SEED,
    per_year: int = DEFAULT_PER_YEAR,
    images: bool = False,
    photo_writer: PhotoWriter | None = None,
    photo_size: tuple[int, int] = (1600, 1200),
) -> Summary:
    """Write ``count`` items into ``content_dir/tin-tuc/`` (created; existing files kept)."""
    summary = Summary()
    writer = photo_writer or default_photo_writer
    for item in generate(count, seed=seed, per_year=per_year, images=images):
        path = content_dir / item.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        data = item.text.encode("utf-8")
        path.write_bytes(data)
        for offset, name in enumerate(item.images):
            writer(path.parent / name, *photo_size, seed * 1_000_003 + item.number * 7 + offset)
        summary.items += 1
        summary.words += item.words
        summary.bytes += len(data)
        summary.images += len(item.images)
        summary.src_uris.append(item.src_uri)
        summary.newest = summary.newest or item
        summary.oldest = item
    return summary


def default_photo_writer(path: Path, width: int, height: int, seed: int) -> None:
    """A photo-like JPEG: smooth colour fields plus sensor-like noise, so it compresses
    like a camera picture rather than like a flat test card."""
    rng = random.Random(seed)  # noqa: S311 - test pictures, not security
    small = Image.new("RGB", (32, 24))
    small.putdata(
        [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(768)]
    )
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(width // 20, width // 5)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    # Noise from the seeded generator (Pillow's effect_noise is not reproducible).
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    image = Image.blend(image.filter(ImageFilter.GaussianBlur(3)), noise, 0.12)
    image.save(path, "JPEG", quality=85)


# -- one item ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Official:
    name: str
    title: str


def _item(
    rng: random.Random,
    number: int,
    moment: datetime,
    *,
    taken: set[str],
    tag_weights: list[float],
    official_weights: list[float],
    images: bool,
) -> GeneratedItem:
    year = moment.year
    tags = _tags(rng, tag_weights)
    officials = _officials(rng, year, official_weights)
    org = rng.choice(vocab.ORGS)
    slots = _Slots(rng, moment, org, tags, officials)
    title, slug = _unique_title(rng, slots, moment, taken)
    meeting = _meeting(rng, moment) if rng.random() < 0.55 else None
    awards = _awards(rng, year) if rng.random() < 0.3 else []
    author = rng.choice(vocab.AUTHORS)
    bundle = f"tin-tuc/{moment:%Y}/{moment:%m}/{slug}"
    photos = ("anh-dai-dien.jpg", "anh-2.jpg") if images else ()
    body, words = _body(
        rng,
        slots,
        moment,
        meeting=meeting,
        officials=officials,
        awards=awards,
        author=author,
        photos=photos,
    )

    header: list[str] = ["---", f"title: {_q(title)}"]
    # Press officers write both accepted date forms; most use the ISO one of `bantin new`.
    if rng.random() < 0.8:
        header.append(f"date: {moment:%Y-%m-%d %H:%M}")
    else:
        header.append(f"date: {moment:%d/%m/%Y %H:%M}")
    if rng.random() < 0.08:
        updated = moment + timedelta(days=rng.randint(1, 3))
        header.append(f"updated: {min(updated, LATEST):%Y-%m-%d}")
    if rng.random() < 0.25:
        header.append(f"summary: {_q(slots.fill(rng.choice(vocab.SENTENCES)))}")
    header.append(f"author: {_q(author)}")
    source = rng.choice(vocab.SOURCES)
    if source:
        header.append(f"source: {_q(source)}")
    header.append("tags: [" + ", ".join(_q(tag) for tag in tags) + "]")
    if meeting is not None:
        kind, day, location = meeting
        header.append(
            f"meeting: {{date: {day:%Y-%m-%d}, kind: {_q(kind)}, location: {_q(location)}}}"
        )
    if officials:
        header.append("officials:")
        for official in officials:
            header.append(f"  - name: {_q(official.name)}")
            header.append(f"    title: {_q(official.title)}")
            if rng.random() < 0.4:
                header.append(f"    role: {_q(rng.choice(('chỉ đạo', 'chủ trì', 'dự')))}")
    if awards:
        header.append("awards:")
        for award in awards:
            header.append(f"  - name: {_q(award.name)}")
            header.append(f"    issuer: {_q(award.issuer)}")
            if award.collectives:
                header.append(f"    collectives: {award.collectives}")
            if award.individuals:
                header.append(f"    individuals: {award.individuals}")
            if award.recipients:
                header.append("    recipients: [" + ", ".join(map(_q, award.recipients)) + "]")
    if photos:
        header.append(f"image: {photos[0]}")
        header.append(f"image_caption: {_q(rng.choice(vocab.CAPTIONS))}")
    header.append("---")
    text = "\n".join(header) + "\n\n" + body
    src_uri = f"{bundle}/index.md" if photos else f"{bundle}.md"
    return GeneratedItem(
        number=number,
        src_uri=src_uri,
        text=text,
        date=moment,
        title=title,
        slug=slug,
        tags=tags,
        officials=tuple(official.name for official in officials),
        images=photos,
        words=words,
    )


def _q(text: str) -> str:
    """A double-quoted YAML scalar; JSON string syntax is valid YAML for these strings."""
    return json.dumps(text, ensure_ascii=False)


def _zipf(size: int, exponent: float) -> list[float]:
    return [1.0 / math.pow(rank, exponent) for rank in range(1, size + 1)]


def _tags(rng: random.Random, weights: list[float]) -> tuple[str, ...]:
    wanted = rng.choices((1, 2, 3, 4, 5), weights=(10, 30, 35, 18, 7))[0]
    ranks: list[int] = []
    while len(ranks) < wanted:
        rank = rng.choices(range(len(vocab.TAGS)), weights=weights)[0]
        if rank not in ranks:
            ranks.append(rank)
    tags = []
    for rank in ranks:
        spellings = vocab.TAGS[rank]
        # One item in ten uses another spelling of the topic, as real portals do.
        tags.append(spellings[-1] if len(spellings) > 1 and rng.random() < 0.1 else spellings[0])
    return tuple(tags)


def _officials(rng: random.Random, year: int, weights: list[float]) -> list[_Official]:
    wanted = rng.choices((0, 1, 2, 3, 4), weights=(15, 35, 30, 15, 5))[0]
    chosen: list[_Official] = []
    seen: set[int] = set()
    for _ in range(wanted * 6):
        if len(chosen) == wanted:
            break
        rank = rng.choices(range(len(vocab.OFFICIALS)), weights=weights)[0]
        person = vocab.OFFICIALS[rank]
        title = next((t for first, last, t in person.titles if first <= year <= last), None)
        if rank in seen or title is None:
            continue
        seen.add(rank)
        spelling = person.spellings[0]
        if len(person.spellings) > 1 and rng.random() < 0.3:
            spelling = person.spellings[1]
        if rng.random() < 0.03:
            title = title.replace(
                "UBND", "Ủy ban nhân dân" if rng.random() < 0.5 else "Uỷ ban nhân dân"
            )
        chosen.append(_Official(spelling, title))
    return chosen


@dataclass(frozen=True)
class _Award:
    name: str
    issuer: str
    collectives: int
    individuals: int
    recipients: tuple[str, ...]


def _awards(rng: random.Random, year: int) -> list[_Award]:
    awards = []
    for _ in range(rng.choices((1, 2, 3), weights=(60, 30, 10))[0]):
        collectives = rng.choice((0, 0, 1, 1, 2, 3, 5, 8, 13))
        individuals = rng.choice((0, 1, 2, 2, 3, 5, 7, 12, 20, 36))
        if collectives + individuals == 0:
            individuals = 1
        recipients: tuple[str, ...] = ()
        if collectives and rng.random() < 0.3:
            recipients = tuple(rng.sample(vocab.RECIPIENTS, min(collectives, 3)))
        awards.append(
            _Award(
                rng.choice(vocab.AWARD_NAMES),
                rng.choice(vocab.AWARD_ISSUERS),
                collectives,
                individuals,
                recipients,
            )
        )
    return awards


def _meeting(rng: random.Random, moment: datetime) -> tuple[str, datetime, str]:
    day = moment - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
    return rng.choice(vocab.MEETING_KINDS), day, rng.choice(vocab.LOCATIONS)


class _Slots:
    """Values for the ``{slot}`` placeholders of one item; numbers are fresh at every use."""

    def __init__(
        self,
        rng: random.Random,
        moment: datetime,
        org: str,
        tags: tuple[str, ...],
        officials: list[_Official],
    ) -> None:
        self.rng = rng
        self.year = year = moment.year
        # Reports are about the quarter that is ending or has just ended.
        self.quarter = ("I", "II", "III", "IV")[max(0, (moment.month - 1) // 3 - rng.randint(0, 1))]
        self.org = org
        self.tags = tags
        self.officials = officials
        self.month = moment.month
        self.district = rng.choice(vocab.DISTRICTS)
        self.commune = rng.choice(vocab.COMMUNES)
        self.period = rng.choice(
            (f"năm {year}", f"6 tháng đầu năm {year}", f"quý I/{year}", "thời gian qua")
        )

    def value(self, name: str) -> str:
        rng = self.rng
        person = rng.choice(self.officials) if self.officials else None
        values: dict[str, Callable[[], str]] = {
            "org": lambda: self.org,
            "year": lambda: str(self.year),
            "last_year": lambda: str(self.year - 1),
            "period": lambda: self.period,
            "big": lambda: format_number(rng.randint(1_200, 40_000)),
            "small": lambda: str(rng.randint(12, 950)),
            "count": lambda: f"{rng.randint(2, 30):02d}",
            "percent": lambda: f"{rng.randint(60, 99)},{rng.randint(0, 99):02d}%",
            "money": lambda: str(rng.randint(3, 480)),
            "topic": lambda: rng.choice(self.tags),
            "district": lambda: self.district,
            "commune": lambda: self.commune,
            "quarter": lambda: self.quarter,
            "month": lambda: str(self.month),
            "person": lambda: person.name if person else "Bùi Văn Cửu",
            "person_title": lambda: person.title if person else "Chủ tịch UBND tỉnh",
        }
        return values[name]()

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda match: self.value(match.group(1)), template)


_SLOT = re.compile(r"\{(\w+)\}")


def _unique_title(
    rng: random.Random, slots: _Slots, moment: datetime, taken: set[str]
) -> tuple[str, str]:
    """A title whose slug is free in its month (two items there may not share a URL)."""
    title = ""
    for attempt in range(40):
        template = rng.choice(vocab.TITLE_TEMPLATES)
        title = slots.fill(template)
        if attempt >= 20:
            title = f"{title} (đợt {attempt - 18})"
        title = title[0].upper() + title[1:]
        slug = slugify(title)
        key = f"{moment:%Y/%m}/{slug}"
        if key not in taken:
            taken.add(key)
            return title, slug
    raise RuntimeError(f"no free title for item {moment:%Y-%m}")  # pragma: no cover


def _people(officials: list[_Official]) -> str:
    return "; ".join(f"đồng chí {official.name}, {official.title}" for official in officials)


def _body(
    rng: random.Random,
    slots: _Slots,
    moment: datetime,
    *,
    meeting: tuple[str, datetime, str] | None,
    officials: list[_Official],
    awards: list[_Award],
    author: str,
    photos: tuple[str, ...],
) -> tuple[str, int]:
    blocks: list[str] = []
    day = meeting[1] if meeting else moment
    when = rng.choice(("Ngày", "Sáng ngày", "Chiều ngày"))
    event = (meeting[0] if meeting else "hội nghị").lower()
    lead = f"{when} {day.day:02d}/{day.month}/{day.year}, {slots.org} tổ chức {event}"
    lead += f" về {slots.tags[0]}"
    lead += f" tại {meeting[2]}." if meeting else "."
    if officials:
        attendance = rng.choice(vocab.ATTENDANCE)
        lead += " " + attendance.format(
            people=_people(officials), attendees=rng.choice(vocab.ATTENDEES)
        )
    blocks.append(lead)
    if len(photos) > 1:
        blocks.append(f"![{rng.choice(vocab.CAPTIONS)}]({photos[1]})")
    elif rng.random() < 0.5:
        blocks.append(f"*{rng.choice(vocab.CAPTIONS)}*")

    headings = list(vocab.HEADINGS)
    rng.shuffle(headings)
    sentences = list(vocab.SENTENCES)
    rng.shuffle(sentences)
    extras: list[list[str]] = []
    if officials:
        direction = [slots.fill(rng.choice(vocab.DIRECTION)), "Đồng chí đề nghị:"]
        tasks = rng.sample(vocab.TASKS, rng.randint(3, 5))
        extras.append([" ".join(direction), "\n".join(f"- {task}" for task in tasks)])
    for award in awards:
        parts = []
        if award.collectives:
            parts.append(f"{award.collectives:02d} tập thể")
        if award.individuals:
            parts.append(f"{award.individuals:02d} cá nhân")
        line = f"Dịp này, {' và '.join(parts)} được nhận {award.name} của {award.issuer}."
        block = [line]
        if award.recipients:
            block.append("\n".join(f"- {name}" for name in award.recipients))
        extras.append(block)

    words = _count(blocks)
    position = 0
    while words < BODY_WORDS or extras:
        if extras and (words > BODY_WORDS // 2 or rng.random() < 0.2):
            block = extras.pop(0)
        else:
            if position + 3 > len(sentences):
                rng.shuffle(sentences)
                position = 0
            take = rng.randint(2, 3)
            block = [" ".join(slots.fill(s) for s in sentences[position : position + take])]
            position += take
            if headings and rng.random() < 0.12:
                block.insert(0, f"## {headings.pop()}")
        blocks += block
        words = _count(blocks)
    initials = ".".join(word[0] for word in author.split()[-2:])
    blocks.append(f"**{initials}**")
    return "\n\n".join(blocks) + "\n", _count(blocks)


def _count(blocks: list[str]) -> int:
    return sum(len(block.split()) for block in blocks)
