"""Table tests for the pieces: publication times, meeting dates, officials, awards, chrome."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from bantin.core.dates import VIETNAM
from bantin.importer import awards, chrome, people, when
from bantin.importer.blocks import CAPTION, HEADING, PARAGRAPH, from_html, from_text
from bantin.importer.extract import read_page


def _at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22/01/2020 00:00:00", _at(2020, 1, 22, 0, 0)),
        ("29/12/2017, 9:12 (GMT+7)", _at(2017, 12, 29, 9, 12)),
        ("Ngày 23/02/2017 14:57:36", _at(2017, 2, 23, 14, 57, 36)),
        ("Thứ Sáu, 15/01/2021 16:45", _at(2021, 1, 15, 16, 45)),
        ("Cập nhật: 05/07/2019 - 10:20", _at(2019, 7, 5, 10, 20)),
        ("10:20 05/07/2019", _at(2019, 7, 5, 10, 20)),
        ("Đăng lúc: 08:00 - 02/03/2020", _at(2020, 3, 2, 8, 0)),
        ("Cập nhật lúc 16h30 ngày 28/12/2018", _at(2018, 12, 28, 16, 30)),
        ("Thứ 2, 12/04/2021 09:00 PM", _at(2021, 4, 12, 21, 0)),
        ("Chủ nhật, 05/07/2020 - 07:15 (GMT+7)", _at(2020, 7, 5, 7, 15)),
        ("2019-07-05T10:20", _at(2019, 7, 5, 10, 20)),
        ("Ngày đăng: 20/11/2024", _at(2024, 11, 20)),
        # The view counter and the print/e-mail links share the line with the time.
        (
            "Thứ hai, 12/06/2023 - 08:30 Bản in | Gửi email | Lượt xem: 1.234",
            _at(2023, 6, 12, 8, 30),
        ),
        ("Cập nhật ngày: 28/09/2023 08:30:00 AM | Lượt xem: 1.234", _at(2023, 9, 28, 8, 30)),
        ("14-09-2023 02:20:00 PM", _at(2023, 9, 14, 14, 20)),
        # SA/CH (sáng/chiều): AM/PM as ASP.NET portals print them in Vietnamese.
        ("25/08/2023 02:15 CH", _at(2023, 8, 25, 14, 15)),
        ("20/03/2024 12:05 SA", _at(2024, 3, 20, 0, 5)),
    ],
)
def test_publication_time_forms_printed_by_portals_are_read(text: str, expected: datetime) -> None:
    assert when.published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 03/8/2018, Văn phòng UBND tỉnh tổ chức Hội nghị",  # a lead, not a date line
        "31/02/2019",  # impossible date
        "29/02/2023 10:00",
        "Quyết định số 12/2020/QĐ-UBND",
        "Phiên họp thường kỳ tháng 8 năm 2023 (30/08/2023)",  # a link to another item
        "Lượt xem: 1.234",
        "",
    ],
)
def test_text_that_is_not_only_a_real_date_is_not_a_publication_time(text: str) -> None:
    assert when.published(text) is None


def test_iso_publication_time_with_another_offset_is_converted_to_vietnam() -> None:
    assert when.iso_published("2024-05-22T10:05:00+00:00") == _at(2024, 5, 22, 17, 5)


@pytest.mark.parametrize(
    ("text", "published", "day", "inferred"),
    [
        ("Ngày 03/8/2018, Văn phòng", None, "2018-08-03", False),
        ("Chiều ngày 13/01/2020, Văn phòng", None, "2020-01-13", False),
        ("Sáng 5 tháng 3 năm 2021, tại", None, "2021-03-05", False),
        ("vào chiều ngày 28/12", _at(2017, 12, 29), "2017-12-28", True),
        ("chiều ngày 28/12", _at(2018, 1, 2), "2017-12-28", True),  # across new year
    ],
)
def test_meeting_date_in_the_lead(
    text: str, published: datetime | None, day: str, inferred: bool
) -> None:
    found = when.meeting_date(text, published)
    assert found is not None
    assert (str(found.day), found.year_inferred) == (day, inferred)


def test_meeting_date_without_year_and_without_publication_time_is_not_guessed() -> None:
    assert when.meeting_date("vào chiều ngày 28/12", None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dự có đồng chí Lý Vinh Quang, Phó Chủ tịch UBND tỉnh; đồng chí Nguyễn Long Hải, "
            "Phó Chủ tịch UBND tỉnh.",
            [
                ("Lý Vinh Quang", "Phó Chủ tịch UBND tỉnh"),
                ("Nguyễn Long Hải", "Phó Chủ tịch UBND tỉnh"),
            ],
        ),
        (
            "Đến dự có ông Lê Quang Trung- Phó Chủ tịch Thường trực UBND tỉnh.",
            [("Lê Quang Trung", "Phó Chủ tịch Thường trực UBND tỉnh")],
        ),
        (
            "Đồng chí Bùi văn Cửu, UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị",
            [("Bùi Văn Cửu", "UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh")],
        ),
        (
            "Đó là chỉ đạo Phó Chủ tịch UBND tỉnh Trương Cảnh Tuyên tại Hội nghị",
            [("Trương Cảnh Tuyên", "Phó Chủ tịch UBND tỉnh")],
        ),
        (
            "bà Nguyễn Thị Hoa: Chánh Văn phòng UBND tỉnh chủ trì",
            [("Nguyễn Thị Hoa", "Chánh Văn phòng UBND tỉnh")],
        ),
        # A dash inside an organisation's name does not end the title; one before a verb does.
        (
            "có bà Hà Thị Ngọc Lan, Giám đốc Sở Lao động - Thương binh và Xã hội cùng đại diện",
            [("Hà Thị Ngọc Lan", "Giám đốc Sở Lao động - Thương binh và Xã hội")],
        ),
        (
            "ông Hồ Đức Thắng - Phó Trưởng ban Thường trực Ban Thi đua - Khen thưởng Trung ương; "
            "bà Phan Thị Minh Hà, Giám đốc Sở Nội vụ.",
            [
                (
                    "Hồ Đức Thắng",
                    "Phó Trưởng ban Thường trực Ban Thi đua - Khen thưởng Trung ương",
                ),
                ("Phan Thị Minh Hà", "Giám đốc Sở Nội vụ"),
            ],
        ),
        (
            "Ông Trần Ngọc Tam, Chủ tịch UBND tỉnh - người đứng đầu tỉnh",
            [("Trần Ngọc Tam", "Chủ tịch UBND tỉnh")],
        ),
        # "và" before another title and name: that title is the next person's.
        (
            "cùng dự có bà Y Ngân, Phó Chủ tịch UBND tỉnh và Phó Chủ tịch UBND tỉnh "
            "Nguyễn Hữu Tháp.",
            [("Y Ngân", "Phó Chủ tịch UBND tỉnh"), ("Nguyễn Hữu Tháp", "Phó Chủ tịch UBND tỉnh")],
        ),
        # Staff named in passing and titles without a name are not officials.
        ("gửi đồng chí Hoàng Ngọc Bích (phòng Tổng hợp) trước ngày 8/4", []),
        ("Đồng chí Phó Chủ tịch UBND tỉnh trao Bằng khen", []),
    ],
)
def test_officials_with_titles_as_the_text_names_them(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.name, m.title) for m in people.mentions(text)] == expected


def test_one_person_spelled_two_ways_is_one_official_with_the_text_title() -> None:
    found = people.collect(
        ["Đồng chí Bùi Văn Cửu, Phó Chủ tịch UBND tỉnh dự hội nghị."],
        ["Đồng chí Bùi văn Cửu, Phó Chủ tịch TT UBND tỉnh phát biểu"],
    )
    assert [(o.name, o.title) for o in found] == [("Bùi Văn Cửu", "Phó Chủ tịch UBND tỉnh")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "01 tập thể, 20 cá nhân nhận Bằng khen của Chủ tịch UBND tỉnh.",
            [("Bằng khen", "Chủ tịch UBND tỉnh", 1, 20)],
        ),
        (
            "Giám đốc Sở Nội vụ trao Giấy khen cho 6 tập thể và 12 cá nhân.",
            [("Giấy khen", "Giám đốc Sở Nội vụ", 6, 12)],
        ),
        (
            "tập thể Văn phòng và 2 cá nhân được nhận bằng khen của Bộ trưởng, Chủ nhiệm "
            "Văn phòng Chính phủ; 3 tập thể được nhận Bằng khen của Chủ tịch UBND tỉnh",
            [
                ("Bằng khen", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", 1, 2),
                ("Bằng khen", "Chủ tịch UBND tỉnh", 3, 0),
            ],
        ),
        (
            "2 tập thể, 1 cá nhân được nhận Bằng khen của Chủ tịch UBND tỉnh và 4 tập thể, "
            "7 cá nhân được nhận Giấy khen của Chánh Văn Phòng UBND tỉnh vì đã có thành tích",
            [
                ("Bằng khen", "Chủ tịch UBND tỉnh", 2, 1),
                ("Giấy khen", "Chánh Văn phòng UBND tỉnh", 4, 7),
            ],
        ),
        (
            "Văn phòng cũng tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể và cá nhân.",
            [("Bằng khen", "Chủ tịch UBND tỉnh", None, None)],
        ),
        ("đề nghị tặng Bằng khen của Thủ tướng 01 tập thể", []),
        ("Có 13/13 đơn vị đạt danh hiệu “Tập thể Lao động tiên tiến”.", []),
        (
            "Chủ tịch nước tặng Huân chương lao động hạng ba cho 1 tập thể và hai cá nhân.",
            [("Huân chương Lao động hạng Ba", "Chủ tịch nước", 1, 2)],
        ),
        # The body honoured as the subject of the sentence is one collective.
        (
            "Văn phòng UBND tỉnh vinh dự được Chủ tịch nước tặng thưởng Huân chương Lao động "
            "hạng Nhì.",
            [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", 1, 0)],
        ),
        (
            "Đồng chí Lê Văn A, Giám đốc Sở Nội vụ vinh dự được Chủ tịch nước tặng thưởng "
            "Huân chương Lao động hạng Ba.",
            [("Huân chương Lao động hạng Ba", "Chủ tịch nước", None, None)],
        ),
        # Issuers before the award: ministries whose names hold a dash or a comma.
        (
            "Bộ trưởng Bộ Lao động - Thương binh và Xã hội tặng Bằng khen cho 02 tập thể, "
            "03 cá nhân.",
            [("Bằng khen", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội", 2, 3)],
        ),
        (
            "Nhân dịp này, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ tặng Bằng khen cho 03 tập "
            "thể và 05 cá nhân.",
            [("Bằng khen", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", 3, 5)],
        ),
        (
            "Bộ trưởng Bộ Nội vụ đánh giá cao, Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể.",
            [("Bằng khen", "Chủ tịch UBND tỉnh", 2, 0)],
        ),
    ],
)
def test_awards_with_issuer_and_counts(
    text: str, expected: list[tuple[str, str, int | None, int | None]]
) -> None:
    found = awards.find([text])
    assert [(a.name, a.issuer, a.collectives, a.individuals) for a in found] == expected


def test_award_named_in_the_lead_and_given_later_is_one_award() -> None:
    found = awards.find(
        [
            "Chiều 24/8, Văn phòng UBND tỉnh tổ chức Lễ kỷ niệm và đón nhận Huân chương Lao "
            "động hạng Nhì.",
            "Văn phòng UBND tỉnh vinh dự được Chủ tịch nước tặng thưởng Huân chương Lao động "
            "hạng Nhì.",
        ]
    )
    assert [(a.name, a.issuer, a.collectives, a.individuals) for a in found] == [
        ("Huân chương Lao động hạng Nhì", "Chủ tịch nước", 1, 0)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "emoticon",
        "Đăng nhập",
        "Đường dây nóng: 0218 3909 192",
        "© Copyright 2015 UBND tỉnh",
        "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
        "• Đang online: 19",
        "Trong tuần: 5,924",
        "Trang chủ › Tin tức",
        "Tin tức - Sự kiện / Hoạt động của lãnh đạo tỉnh",
        "Đầu trang",
        # Tool bars, their links run together.
        "Bản in | Gửi email | Lượt xem: 1.234",
        "Lượt xem: 856 | In trang | Gửi email",
        "In trang Gửi email Đầu trang",
        "Chia sẻ: Facebook Zalo",
    ],
)
def test_portal_chrome_lines_are_recognised(line: str) -> None:
    assert chrome.is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ kinh nghiệm trong công tác tham mưu",
        "Tin tức về hội nghị được đăng tải trên Cổng thông tin.",
        "In trang tài liệu hội nghị cho đại biểu",
    ],
)
def test_article_lines_that_start_like_chrome_are_kept(line: str) -> None:
    assert not chrome.is_chrome(line)


def test_keyword_line_with_its_keywords_ends_the_article() -> None:
    assert chrome.is_trailer("Từ khóa: giảm nghèo, thi đua")
    assert chrome.is_trailer("Tags: cải cách hành chính")


def test_everything_after_other_news_heading_is_dropped() -> None:
    kept, removed = chrome.strip(
        from_text("Tiêu đề bài viết thử nghiệm\n" + "Nội dung. " * 40 + "\nCác tin khác\nTin A\n")
    )
    assert [b.text for b in kept][-1].startswith("Nội dung.")
    assert removed == ["Các tin khác"]


def test_html_page_keeps_article_text_captions_and_headings_only() -> None:
    page = from_html(
        "<html><head><title>T - Cổng</title><meta property='og:title' content='T'>"
        "<script>var x = '<p>no</p>';</script></head><body>"
        "<nav>Trang chủ | Giới thiệu</nav><article><h1>Tiêu đề</h1>"
        "<p>Đoạn <b>một</b>.</p><figure><img src=a.jpg><figcaption>Chú thích</figcaption>"
        "</figure><p><em>Ảnh nghiêng</em></p></article><footer>Bản quyền</footer></body></html>"
    )
    kinds = [(b.kind, b.text) for b in page.blocks if b.kind != "boundary"]
    assert kinds == [
        (HEADING, "Tiêu đề"),
        (PARAGRAPH, "Đoạn một."),
        (CAPTION, "Chú thích"),
        (CAPTION, "Ảnh nghiêng"),
    ]
    assert page.meta["og:title"] == "T"


@pytest.mark.parametrize(
    "text",
    [
        "1. Một",
        "2) Hai",
        "# Ba",
        "- bốn",
        "> sáu",
        "---",
        "a *b* _c_ [d](e) <script>alert(1)</script> & `x` \\ y",
        "2019. Năm",
    ],
)
def test_legacy_text_renders_as_the_same_plain_paragraph(text: str) -> None:
    import html

    import markdown
    from bantin.importer.render import escape

    rendered = markdown.markdown(escape(text))
    assert rendered.startswith("<p>")
    assert rendered.endswith("</p>")
    assert "<script" not in rendered
    assert html.unescape(rendered[3:-4]) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dự có các đồng chí: Hồ Tiến Thiệu, Chủ tịch UBND tỉnh; Đoàn Thị Hậu, Phó Chủ tịch "
            "UBND tỉnh.",
            [("Hồ Tiến Thiệu", "Chủ tịch UBND tỉnh"), ("Đoàn Thị Hậu", "Phó Chủ tịch UBND tỉnh")],
        ),
        (
            "Giám đốc Sở Kế hoạch và Đầu tư Trần Văn Bảo chủ trì",
            [("Trần Văn Bảo", "Giám đốc Sở Kế hoạch và Đầu tư")],
        ),
        (
            "Đồng chí Dương Xuân Huyên, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chuyển đổi số "
            "tỉnh chủ trì hội nghị.",
            [
                (
                    "Dương Xuân Huyên",
                    "Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh",
                )
            ],
        ),
    ],
)
def test_officials_in_lists_and_after_long_organisation_names(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.name, m.title) for m in people.mentions(text)] == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sáng nay (21/6), Chủ tịch UBND tỉnh làm việc", "2024-06-21"),
        ("Hôm nay (21/6/2024), tại hội trường", "2024-06-21"),
    ],
)
def test_meeting_date_in_parentheses(text: str, day: str) -> None:
    found = when.meeting_date(text, _at(2024, 6, 21, 13, 45))
    assert found is not None
    assert str(found.day) == day


def test_broken_legacy_html_still_gives_the_article() -> None:
    page = from_html(
        "<HTML><BODY><TABLE><TR><TD CLASS=menu>TRANG CHỦ</TD></TR><TR><TD>"
        "<FONT SIZE=4><B>Tiêu đề bài cũ</B></FONT><BR>"
        "Đoạn một&nbsp;có&nbsp;NBSP &amp; ký tự đặc biệt.</p></div><BR><BR>"
        "Đoạn hai <i>nghiêng một phần</i> còn lại thường.<BR>"
        "<SPAN CLASS=IMAGE_CAPTION>Chú thích cũ</SPAN></TD></TR></TABLE>"
    )
    texts = [(b.kind, b.text) for b in page.blocks if b.kind != "boundary"]
    assert texts == [
        (PARAGRAPH, "Tiêu đề bài cũ"),
        (PARAGRAPH, "Đoạn một có NBSP & ký tự đặc biệt."),
        (PARAGRAPH, "Đoạn hai nghiêng một phần còn lại thường."),
        (CAPTION, "Chú thích cũ"),
    ]


def _windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â, ă, ơ… precomposed but writes tones as combining marks."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        letters = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(letters + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_windows_1258_text_page_is_read(tmp_path: Path) -> None:
    from bantin.importer.migrate import read_source

    page = tmp_path / "cu.txt"
    page.write_bytes(_windows_1258("Văn phòng UBND tỉnh họp giao ban\nNgày 01/4/2016 họp.\n"))
    text, problem = read_source(page)
    assert problem is None
    assert text is not None
    assert from_text(text)[0].text == "Văn phòng UBND tỉnh họp giao ban"


def test_layout_classes_inside_the_article_are_not_chrome() -> None:
    page = from_html(
        '<div class="site-header">Cổng thông tin</div><article>'
        '<div class="article-header"><h1>Tiêu đề</h1><span>03/08/2018 09:12</span></div>'
        '<p>Nội dung.</p><div class="share">Chia sẻ Facebook</div></article>'
    )
    assert [b.text for b in page.blocks if b.kind != "boundary"] == [
        "Tiêu đề",
        "03/08/2018 09:12",
        "Nội dung.",
    ]


def test_asp_net_page_wrapped_in_one_form_keeps_its_article() -> None:
    page = from_html(
        '<html><body><form id="aspnetForm" method="post"><div class="top-menu">Trang chủ</div>'
        '<input type="hidden" name="__VIEWSTATE" value="x"><h2>Tiêu đề</h2><p>Nội dung.</p>'
        '<form class="form-search"><label>Nhập từ khóa</label><input name="q"></form>'
        "</form></body></html>"
    )
    assert [b.text for b in page.blocks if b.kind != "boundary"] == ["Tiêu đề", "Nội dung."]


def test_caption_written_with_the_photo_label_loses_the_label() -> None:
    item = read_page(
        "<html><body><h1>Tiêu đề bài viết thử</h1><p>Ngày 03/8/2018, Văn phòng họp.</p>"
        "<p><em>Ảnh: Quang cảnh hội nghị</em></p></body></html>"
    )
    assert [b.text for b in item.body if b.kind == CAPTION] == ["Quang cảnh hội nghị"]


def test_portal_header_above_the_headline_of_a_text_page_is_dropped() -> None:
    item = read_page(
        "UBND TỈNH KON TUM\nCổng thông tin điện tử\n"
        "UBND tỉnh họp phiên thường kỳ tháng 9 năm 2023\n28/09/2023 08:30\n"
        "Ngày 27/9, UBND tỉnh tổ chức phiên họp thường kỳ tháng 9.\n"
    )
    assert item.title == "UBND tỉnh họp phiên thường kỳ tháng 9 năm 2023"
    assert [b.text for b in item.body] == [
        "Ngày 27/9, UBND tỉnh tổ chức phiên họp thường kỳ tháng 9."
    ]
    assert "UBND TỈNH KON TUM" in item.removed


def test_a_sentence_above_the_headline_of_a_text_page_is_kept() -> None:
    item = read_page(
        "Văn phòng UBND tỉnh thông báo lịch tiếp công dân.\n"
        "UBND tỉnh họp phiên thường kỳ tháng 9 năm 2023\n28/09/2023 08:30\n"
        "Ngày 27/9, UBND tỉnh tổ chức phiên họp thường kỳ tháng 9.\n"
    )
    assert item.body[0].text == "Văn phòng UBND tỉnh thông báo lịch tiếp công dân."
