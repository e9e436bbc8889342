"""From a legacy page to the fields of a news item, with a list of what is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from bantin.core.vntext import clean_text
from bantin.importer import awards, blocks, chrome, people, topics, when
from bantin.importer.blocks import CAPTION, HEADING, PARAGRAPH, Block


@dataclass(frozen=True)
class Gap:
    """A field the importer could not fill from the page; a person must finish it."""

    field: str
    message: str
    """English, for the report."""
    marker: str
    """Vietnamese, written next to the field in the item (after ``# CẦN BỔ SUNG:``)."""


@dataclass(frozen=True)
class MeetingFound:
    day: date
    kind: str
    year_inferred: bool


@dataclass
class Extraction:
    """Everything read from one page. ``None`` means not found (see ``gaps``)."""

    title: str | None = None
    published: datetime | None = None
    author: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    meeting: MeetingFound | None = None
    officials: list[people.OfficialFound] = field(default_factory=list)
    awards: list[awards.AwardFound] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things read with an assumption a person may want to check (English)."""
    old_path: str | None = None
    """The page's address on the legacy portal (canonical link), kept as an alias."""
    date_position: int | None = None
    """Index in the article's blocks where the publication time line stood."""


_SOURCE_LEAD = re.compile(r"^\(\s*(?P<source>[^()]{3,60}?)\s*\)\s*[–—-]+\s*")
_SOURCE_LINE = re.compile(r"^\(?\s*(?:nguồn|theo)\s*:?\s+(?P<source>[^()]{3,80}?)\s*\)?\.?$", re.I)
_SIGNATURE_PREFIX = re.compile(
    r"^(?:tin(?:,| và)? ảnh|bài(?:,| và)? ảnh|tin|bài|ảnh|tác giả|người viết|biên tập|"
    r"thực hiện)\s*[:-]\s*",
    re.IGNORECASE,
)
_OFFICE_SIGNATURE = re.compile(r"^(?:Văn phòng|Phòng|Ban|Trung tâm|Cổng)\s+\S+", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-ZĐ]{1,4}$|^(?:[A-ZĐ][a-zđ]?\.\s?){1,4}[A-ZĐ]?[a-zđ]?\.?$")
_CAPTION_PREFIX = re.compile(r"^\(?\s*ảnh(?: minh họa| minh hoạ)?\s*:\s*", re.IGNORECASE)
_MEETING_WORD = re.compile(
    r"hội nghị|cuộc họp|họp|hội thảo|buổi làm việc|phiên họp|kỳ họp|tọa đàm|toạ đàm|"
    r"đại hội|gặp mặt|lễ (?:trao|kỷ niệm|khai mạc|ra mắt|công bố|phát động|đón nhận|khánh thành|"
    r"khởi công|tổng kết|sơ kết|ký kết|tuyên dương)",
    re.IGNORECASE,
)
_MEETING_KINDS = (
    (r"hội nghị\s+(sơ kết|tổng kết)", "Hội nghị {0}"),
    (r"hội nghị\s+(cán bộ,? công chức(?:,? viên chức)?)", "Hội nghị {0}"),
    (r"hội nghị\s+(giao ban|trực tuyến|triển khai)", "Hội nghị {0}"),
    (r"(?:cuộc\s+|buổi\s+)?họp\s+(giao ban)", "Họp {0}"),
    (r"(phiên họp|kỳ họp|hội thảo|tọa đàm|toạ đàm|buổi làm việc|đại hội|cuộc họp)", "{0}"),
    (
        r"(lễ (?:trao|kỷ niệm|khai mạc|ra mắt|công bố|phát động|đón nhận|khánh thành|khởi công|"
        r"tổng kết|sơ kết|ký kết|tuyên dương))",
        "{0}",
    ),
    (r"(buổi gặp mặt|gặp mặt)", "Buổi gặp mặt"),
    (r"(hội nghị)", "{0}"),
)


def read_page(text: str) -> Extraction:
    """Extract the fields of one legacy page (plain text or HTML)."""
    result = Extraction()
    meta_title = ""
    meta: dict[str, str] = {}
    if blocks.looks_like_html(text):
        page = blocks.from_html(text)
        raw_blocks, meta_title, meta = page.blocks, page.title, page.meta
    else:
        raw_blocks = blocks.from_text(text)
    result.old_path = _old_path(meta)
    kept, result.removed = chrome.strip(raw_blocks)
    kept = _take_published(kept, meta, result)
    kept = _take_title(kept, meta_title, meta, result)
    kept = _take_author_and_source(kept, meta, result)
    result.body = _mark_captions(kept)
    paragraphs = [b.text for b in result.body if b.kind == PARAGRAPH]
    captions = [b.text for b in result.body if b.kind == CAPTION]
    _take_meeting(paragraphs, result)
    result.officials = people.collect(paragraphs, captions)
    result.awards = awards.find(paragraphs)
    lead = paragraphs[0] if paragraphs else ""
    result.tags = topics.suggest(result.title or "", lead, bool(result.awards))
    _report_gaps(result)
    return result


_SITE_PATH = re.compile(r"^/[A-Za-z0-9._~/%-]*$")


def _old_path(meta: dict[str, str]) -> str | None:
    """Path of the legacy address, so links to the old page keep working after migration."""
    url = meta.get("canonical") or meta.get("og:url") or ""
    if "://" in url:
        host_and_path = url.split("://", 1)[1]
        path = "/" + host_and_path.split("/", 1)[1] if "/" in host_and_path else ""
    else:
        path = url
    path = path.split("#", 1)[0]
    if "?" in path or not _SITE_PATH.match(path) or ".." in path.split("/") or path == "/":
        return None  # query strings (?id=123) cannot be served by a static site
    return path


def _take_published(items: list[Block], meta: dict[str, str], result: Extraction) -> list[Block]:
    for key in ("article:published_time", "datepublished", "pubdate", "date", "dc.date"):
        if key in meta:
            moment = when.iso_published(meta[key])
            if moment is not None:
                result.published = moment
                break
    kept: list[Block] = []
    for block in items:
        moment = when.published(block.text)
        if moment is not None and block.kind != CAPTION:
            if result.published is None:
                result.published = moment
                result.date_position = len(kept)
            continue  # a date line is never body text
        kept.append(block)
    if result.published is None and "time" in meta:
        # A <time datetime> only as a last resort: headers often show today's date in one.
        result.published = when.iso_published(meta["time"])
    return kept


def _take_title(
    items: list[Block], meta_title: str, meta: dict[str, str], result: Extraction
) -> list[Block]:
    headings = [b for b in items if b.kind == HEADING]
    title = ""
    if headings:
        title = headings[0].text
    elif meta.get("og:title"):
        title = clean_text(meta["og:title"])
    else:
        title, index = _title_near_date(items, result.date_position)
        above = items[:index]
        # A page copied as text starts with the portal's header (its name, a breadcrumb):
        # short lines above the headline, never article text.
        if title and all(len(b.text) <= 100 and not b.text.endswith(".") for b in above):
            result.removed += [b.text for b in above]
            items = items[index:]
            if result.date_position is not None:
                result.date_position = max(0, result.date_position - index)
    if not title and meta_title:
        title = re.split(r"\s+[|–—-]\s+", meta_title)[0]
    if title:
        result.title = title
    # The title is often printed twice (page heading and article heading).
    return [b for b in items if clean_text(b.text).casefold() != title.casefold()]


def _title_like(text: str) -> bool:
    return len(text) <= 250 and len(text.split()) >= 4 and not text.endswith((".", ";", ","))


def _title_near_date(items: list[Block], position: int | None) -> tuple[str, int]:
    """Portals print the title right above or below the date; else the first title-like line.

    Returns the title and its index in ``items`` (``""`` and 0 when there is none).
    """
    candidates = []
    if position is not None:
        candidates += [position - 1, position]
    candidates += range(min(3, len(items)))
    for index in candidates:
        if 0 <= index < len(items) and _title_like(items[index].text):
            return items[index].text, index
    return "", 0


def _take_author_and_source(
    items: list[Block], meta: dict[str, str], result: Extraction
) -> list[Block]:
    kept = list(items)
    if kept and kept[0].kind == PARAGRAPH:
        match = _SOURCE_LEAD.match(kept[0].text)
        # "(Vinhlong.gov.vn) –" or "(TTXVN) –": a site name or a short agency name.
        if match and ("." in match["source"] or len(match["source"].split()) <= 4):
            result.source = _normal_source(match["source"])
            kept[0] = Block(PARAGRAPH, kept[0].text[match.end() :])
    # Signature and "Nguồn:" lines sit at the end, in either order.
    for _ in range(2):
        if not kept:
            break
        last = kept[-1].text
        source = _SOURCE_LINE.match(last)
        if source and result.source is None:
            result.source = _normal_source(source["source"])
            kept.pop()
            continue
        author = _signature(last)
        if author and result.author is None:
            result.author = author
            kept.pop()
            continue
        break
    if result.author is None and meta.get("author"):
        result.author = clean_text(meta["author"])
    return kept


def _normal_source(text: str) -> str:
    text = clean_text(text).strip(" .")
    # Domain names are case-insensitive; write them as browsers show them.
    return text.lower() if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", text, re.I) else text


def _signature(text: str) -> str | None:
    stripped = text.strip().strip("*_ ").strip()
    stripped = _SIGNATURE_PREFIX.sub("", stripped)
    # "Hoàng Lan (Văn phòng UBND tỉnh)": the name, without the writer's office.
    stripped = re.sub(r"\s*\([^()]{2,60}\)$", "", stripped)
    if not stripped or len(stripped) > 40 or re.search(r"\d|[;:!?]", stripped):
        return None
    if _INITIALS.match(stripped):
        return stripped
    if _OFFICE_SIGNATURE.match(stripped) and not stripped.endswith("."):
        return stripped  # "Văn phòng UBND tỉnh" signs for the office
    # One or more names: "Minh Anh", "Thu Hằng - Minh Thuận", "Lan, Hoa".
    names = [part.split() for part in re.split(r"\s*[-–,&]\s*", stripped.rstrip("."))]
    if all(1 <= len(n) <= 5 and all(w[:1].isupper() for w in n) for n in names) and (
        len(names) > 1 or len(names[0]) >= 2
    ):
        return stripped.rstrip(".")
    return None


def _mark_captions(items: list[Block]) -> list[Block]:
    result = []
    for index, block in enumerate(items):
        prefixed = _CAPTION_PREFIX.match(block.text)
        if block.kind == CAPTION and prefixed:  # <em>Ảnh: Quang cảnh hội nghị</em>
            result.append(Block(CAPTION, block.text[prefixed.end() :].rstrip(") ")))
            continue
        if block.kind != PARAGRAPH:
            result.append(block)
            continue
        if prefixed:
            caption = block.text[prefixed.end() :].rstrip(") ")
            result.append(Block(CAPTION, caption))
        elif index > 0 and _looks_like_caption(block.text):
            result.append(Block(CAPTION, block.text))
        else:
            result.append(block)
    return result


def _looks_like_caption(text: str) -> bool:
    # Portals print captions as short lines without a closing full stop.
    return len(text) <= 180 and not text.endswith((".", "!", "?", "…", ":", ";", ",", "/."))


def _take_meeting(paragraphs: list[str], result: Extraction) -> None:
    for paragraph in paragraphs[:3]:
        found = when.meeting_date(paragraph, result.published)
        if found is None:
            continue
        meeting_text = f"{paragraph} {result.title or ''}"
        if not _MEETING_WORD.search(meeting_text):
            return
        result.meeting = MeetingFound(found.day, _meeting_kind(meeting_text), found.year_inferred)
        return


def _meeting_kind(text: str) -> str:
    for pattern, template in _MEETING_KINDS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            words = clean_text(match.group(1)).lower()
            kind = template.format(words)
            return kind[:1].upper() + kind[1:]
    return ""


def _report_gaps(result: Extraction) -> None:
    gaps = result.gaps
    if not result.title:
        gaps.append(Gap("title", "no title found", "không tìm thấy tiêu đề"))
    if result.published is None:
        if result.meeting is not None:
            gaps.append(
                Gap(
                    "date",
                    "no publication time on the page; the meeting date is used for now",
                    "trang gốc không có ngày đăng; đang tạm dùng ngày họp",
                )
            )
        else:
            gaps.append(
                Gap(
                    "date",
                    "no publication time on the page; the import date is used for now",
                    "trang gốc không có ngày đăng; đang tạm dùng ngày nhập",
                )
            )
    if not result.author:
        gaps.append(Gap("author", "no author signature found", "trang gốc không có tên tác giả"))
    if result.meeting is not None and result.meeting.year_inferred:
        result.notes.append(
            f"meeting.date: the text gives no year; {result.meeting.day:%Y} was taken from "
            "the publication date"
        )
    for index, award in enumerate(result.awards, 1):
        where = f"awards[{index}]"
        if not award.issuer:
            gaps.append(
                Gap(
                    f"{where}.issuer",
                    f'who gave the {award.name} is not said ("{award.text}")',
                    "không rõ ai tặng",
                )
            )
        if award.collectives is None or award.individuals is None:
            gaps.append(
                Gap(
                    f"{where}.counts",
                    f'the number of collectives or individuals is not given ("{award.text}")',
                    "trang gốc không nêu số tập thể/cá nhân",
                )
            )
    if not result.body:
        gaps.append(Gap("body", "no article text found", "không tìm thấy nội dung bài"))
