from datetime import datetime

import pytest
from bantin.core.dates import VIETNAM, DateFormatError, build_now, parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-08-03 09:12", datetime(2018, 8, 3, 9, 12, tzinfo=VIETNAM)),
        ("2018-08-03", datetime(2018, 8, 3, tzinfo=VIETNAM)),
        ("03/08/2018 09:12", datetime(2018, 8, 3, 9, 12, tzinfo=VIETNAM)),
        ("03/08/2018", datetime(2018, 8, 3, tzinfo=VIETNAM)),
        ("3/8/2018", datetime(2018, 8, 3, tzinfo=VIETNAM)),
        ("2018-08-03T09:12:30", datetime(2018, 8, 3, 9, 12, 30, tzinfo=VIETNAM)),
        ("29/02/2024", datetime(2024, 2, 29, tzinfo=VIETNAM)),
    ],
)
def test_accepted_forms_become_aware_vietnam_times(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert parsed.utcoffset() is not None
    assert parsed.utcoffset().total_seconds() == 7 * 3600  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("32/13/2020", '"32/13/2020" is not a real date (use 03/08/2018 or 2018-08-03)'),
        ("29/02/2023", '"29/02/2023" is not a real date (use 03/08/2018 or 2018-08-03)'),
        ("2020-02-30", '"2020-02-30" is not a real date (use 03/08/2018 or 2018-08-03)'),
        (
            "03/08/2018 25:00",
            '"03/08/2018 25:00" is not a real date (use 03/08/2018 or 2018-08-03)',
        ),
        ("hôm qua", '"hôm qua" is not a date (use 03/08/2018 09:12 or 2018-08-03 09:12)'),
        ("08/03/18", '"08/03/18" is not a date (use 03/08/2018 09:12 or 2018-08-03 09:12)'),
    ],
)
def test_impossible_or_unknown_dates_say_how_to_write_them(text: str, message: str) -> None:
    with pytest.raises(DateFormatError) as error:
        parse_datetime(text)
    assert str(error.value) == message


def test_build_time_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1533262320")  # 2018-08-03 02:12:00 UTC
    assert build_now() == datetime(2018, 8, 3, 9, 12, tzinfo=VIETNAM)
