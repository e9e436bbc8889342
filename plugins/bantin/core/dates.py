"""Publication times: the forms press officers write, as aware Asia/Ho_Chi_Minh datetimes."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_VIETNAMESE = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$"
)

DATE_HINT = "use 03/08/2018 or 2018-08-03"
DATETIME_HINT = "use 03/08/2018 09:12 or 2018-08-03 09:12"


class DateFormatError(ValueError):
    """The text is not a date in an accepted form, or not a real date."""


def parse_datetime(text: str) -> datetime:
    """Parse ``2018-08-03 09:12``, ``2018-08-03``, ``03/08/2018 09:12`` or ``03/08/2018``.

    A date without a time means midnight in Vietnam. The result is always aware.
    """
    value = text.strip()
    iso = _ISO.match(value)
    if iso:
        year, month, day, hour, minute, second = iso.groups()
    else:
        vietnamese = _VIETNAMESE.match(value)
        if not vietnamese:
            raise DateFormatError(f'"{text}" is not a date ({DATETIME_HINT})')
        day, month, year, hour, minute, second = vietnamese.groups()
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=VIETNAM,
        )
    except ValueError:
        raise DateFormatError(f'"{text}" is not a real date ({DATE_HINT})') from None


def parse_date(text: str) -> date:
    """A calendar date in the same forms; a time part is accepted and dropped."""
    return parse_datetime(text).date()


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=VIETNAM)


def build_now() -> datetime:
    """The moment a build happens: ``SOURCE_DATE_EPOCH`` when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=VIETNAM)
    return datetime.now(tz=VIETNAM)
