import unicodedata

import pytest
from bantin.core.vntext import (
    clean_text,
    format_date,
    format_datetime,
    format_number,
    format_weekday_date,
    grouping_key,
    heading_slug,
    nfc,
    slugify,
)

NFD = unicodedata.normalize("NFD", "Văn phòng Ủy ban")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hòa Bình", "Hoà Bình"),
        ("Thủy", "Thuỷ"),
        ("Ủy ban nhân dân", "Uỷ ban nhân dân"),
        ("Bùi Văn Cửu", "Bùi văn Cửu"),
        ("Bùi  Văn\u00a0Cửu ", "Bùi Văn Cửu"),
        (NFD, "Văn phòng Uỷ ban"),
        ("SƠ KẾT", "sơ kết"),
    ],
)
def test_spellings_of_one_name_share_a_grouping_key(first: str, second: str) -> None:
    assert grouping_key(first) == grouping_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Hải", "Hài"), ("Hải", "Hai"), ("Đức", "Dức"), ("Lữ", "Lư"), ("Quang", "Quảng")],
)
def test_different_names_never_merge(first: str, second: str) -> None:
    assert grouping_key(first) != grouping_key(second)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đồng chí Bùi Văn Cửu", "dong-chi-bui-van-cuu"),
        ("Văn phòng UBND tỉnh sơ kết 6 tháng", "van-phong-ubnd-tinh-so-ket-6-thang"),
        (unicodedata.normalize("NFD", "Đường dây nóng"), "duong-day-nong"),
        ("Hội nghị: “Tổng kết” năm 2019!", "hoi-nghi-tong-ket-nam-2019"),
        ("Quí I/2016", "qui-i-2016"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
    ],
)
def test_slugs_are_ascii_with_d_for_dj(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert slug.isascii()


def test_heading_ids_use_the_same_slugifier() -> None:
    assert heading_slug("Kết quả đạt được", "-") == "ket-qua-dat-duoc"
    assert heading_slug("Kết quả đạt được", "_") == "ket_qua_dat_duoc"


def test_text_is_stored_nfc_with_plain_spaces() -> None:
    assert nfc(NFD) == unicodedata.normalize("NFC", NFD)
    assert clean_text("  Văn\u00a0 phòng \n tỉnh ") == "Văn phòng tỉnh"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (999, "999"), (8705, "8.705"), (265067, "265.067"), (1234567, "1.234.567")],
)
def test_numbers_use_dots_between_thousands(value: int, shown: str) -> None:
    assert format_number(value) == shown


def test_dates_are_day_month_year() -> None:
    from datetime import date

    assert format_date(date(2018, 8, 3)) == "03/08/2018"


def test_times_show_unless_none_was_given() -> None:
    from datetime import datetime

    assert format_datetime(datetime(2018, 8, 3, 9, 12)) == "03/08/2018 09:12"
    assert format_datetime(datetime(2020, 1, 22)) == "22/01/2020"
    assert format_weekday_date(datetime(2018, 8, 3, 9, 12)) == "Thứ Sáu, 03/08/2018 09:12"


def test_long_titles_make_slugs_cut_after_a_whole_word_in_order() -> None:
    title = (
        "Trung tâm Phục vụ hành chính công tỉnh tổng kết công tác năm 2025, "
        "triển khai nhiệm vụ năm 2026"
    )
    slug = slugify(title)
    assert slug == ("trung-tam-phuc-vu-hanh-chinh-cong-tinh-tong-ket-cong-tac-nam-2025-trien-khai")
    assert len(slug) <= 80
    assert slugify("x" * 100) == "x" * 80


def test_other_scripts_fall_back_to_transliteration() -> None:
    assert slugify("Ελληνικά") == "ellenika"
    assert slugify("Æsir ß") == "aesir-ss"
