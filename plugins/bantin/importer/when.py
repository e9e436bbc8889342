"""Dates as legacy portals print them: publication times and the meeting date in the lead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bantin.core.dates import VIETNAM

_WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)\b", re.IGNORECASE)
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# SA/CH (sáng/chiều) are AM/PM as .NET prints them for vi-VN.
_TIME = re.compile(
    r"(?<![\d/])(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})?(?:\s*(?::|phút)\s*(\d{2}))?"
    r"\s*([AaPp][Mm]|SA|CH)?(?![\d/])",
)
# Words that may surround a publication time; anything else means the line is not a date.
# Portals print the view counter and the print/e-mail links on the same line as the time.
_NOISE = re.compile(
    r"lượt (?:xem|đọc)\s*:?\s*[\d.,]+|bản in|in (?:trang|bài)|gửi (?:email|e-mail)|"
    r"ngày đăng|ngày cập nhật|cập nhật|đăng ngày|đăng lúc|đăng|xuất bản|thời gian|posted|"
    r"published|updated|ngày|lúc|gmt\s*\+\s*7(?::00)?|\+07:?00|ict|[tT](?=\d)|[\s,:|()\-–/.]",
    re.IGNORECASE,
)


def published(text: str) -> datetime | None:
    """The publication time when the paragraph is only a date; None otherwise.

    Accepts the forms portals print: ``22/01/2020 00:00:00``, ``29/12/2017, 9:12 (GMT+7)``,
    ``Ngày 23/02/2017 14:57:36``, ``Thứ Sáu, 15/01/2021 16:45``, ``Cập nhật: 05/07/2019 - 10:20``,
    ``10:20 05/07/2019``, ``2019-07-05T10:20``.
    """
    if len(text) > 80:
        return None
    rest = _WEEKDAY.sub(" ", re.sub(r"(?<=\d)T(?=\d)", " ", text))
    found = _DMY.search(rest)
    if found:
        day, month, year = found.groups()
    else:
        found = _YMD.search(rest)
        if not found:
            return None
        year, month, day = found.groups()
    rest = rest[: found.start()] + " " + rest[found.end() :]
    hour = minute = second = 0
    clock = _TIME.search(rest)
    if clock:
        hour, minute, second = (int(part or 0) for part in clock.groups()[:3])
        ampm = (clock.group(4) or "").lower()
        if ampm in {"pm", "ch"} and hour < 12:
            hour += 12
        elif ampm in {"am", "sa"} and hour == 12:
            hour = 0
        rest = rest[: clock.start()] + " " + rest[clock.end() :]
    if _NOISE.sub("", rest):
        return None
    try:
        return datetime(int(year), int(month), int(day), hour, minute, second, tzinfo=VIETNAM)
    except ValueError:
        return None


def iso_published(value: str) -> datetime | None:
    """``article:published_time`` style values (``2019-07-05T10:20:00+07:00``)."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return published(value)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM)


@dataclass(frozen=True)
class MeetingDate:
    day: date
    year_inferred: bool
    text: str


# "Ngày 03/8/2018", "Chiều ngày 13/01/2020", "chiều 28/12", "Sáng nay (21/6)".
_PART_OF_DAY = r"(?:(?:sáng|chiều|trưa|tối|đêm|hôm)\s+(?:nay\s+)?(?:ngày\s+)?\(?\s*|ngày\s+)"
_MEETING_DATE = re.compile(
    rf"(?<![\w/]){_PART_OF_DAY}(?P<d>\d{{1,2}})\s*(?:/|-|\.|\s+tháng\s+)\s*(?P<m>\d{{1,2}})"
    rf"(?:\s*(?:/|-|\.|\s+năm\s+)\s*(?P<y>\d{{4}}))?(?![\d/])",
    re.IGNORECASE,
)


def meeting_date(text: str, published_at: datetime | None) -> MeetingDate | None:
    """The first ``Ngày 03/8/2018`` / ``Chiều ngày 13/01/2020`` / ``chiều ngày 28/12`` in text.

    A date without a year takes the publication year, or the year before when that would put
    the meeting after the publication (an article of 02/01 about ``ngày 28/12``).
    """
    for match in _MEETING_DATE.finditer(text):
        day, month, year = int(match["d"]), int(match["m"]), match["y"]
        inferred = year is None
        if year is None:
            if published_at is None:
                continue
            guess_year = published_at.year
            try:
                if date(guess_year, month, day) > published_at.date():
                    guess_year -= 1
            except ValueError:
                continue
            year_value = guess_year
        else:
            year_value = int(year)
        try:
            return MeetingDate(date(year_value, month, day), inferred, match.group(0))
        except ValueError:
            continue
    return None
