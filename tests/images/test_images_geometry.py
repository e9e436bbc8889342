"""Pure functions: widths, heights, crops, draft sizes, names and relative URLs."""

from __future__ import annotations

import re
from html import unescape

import markdown
import pytest
from bantin.core.imagerefs import ImageRef, in_body, resolve
from bantin.images import geometry
from bantin.images.cache import Entry
from bantin.images.derive import fallback_width, plan
from bantin.images.params import Params
from bantin.images.published import needed, relative_prefix, stems


@pytest.mark.parametrize(
    ("source", "widths", "expected"),
    [
        (4000, [480, 960, 1440], [480, 960, 1440]),
        (1000, [480, 960, 1440], [480, 960, 1000]),
        (960, [480, 960, 1440], [480, 960]),
        (300, [480, 960, 1440], [300]),
        (1440, [1440, 480, 960, 960], [480, 960, 1440]),
        (1, [480], [1]),
        (0, [480], []),
    ],
)
def test_target_widths_never_upscale(source: int, widths: list[int], expected: list[int]) -> None:
    assert geometry.target_widths(source, widths) == expected


@pytest.mark.parametrize(
    ("size", "width", "height"),
    [
        ((4000, 3000), 480, 360),
        ((3000, 4000), 480, 640),
        ((1001, 3), 480, 1),
        ((999, 333), 500, 167),
    ],
)
def test_scaled_height_keeps_the_ratio(size: tuple[int, int], width: int, height: int) -> None:
    assert geometry.scaled_height(*size, width) == height


@pytest.mark.parametrize(
    ("size", "box"),
    [
        ((4000, 3000), (0, 167, 4000, 2833)),  # 4:3 → cut top and bottom
        ((3000, 4000), (0, 1000, 3000, 3000)),  # portrait → a centred band
        ((6000, 2000), (1500, 0, 4500, 2000)),  # panorama → cut the sides
        ((300, 200), (0, 0, 300, 200)),  # already 3:2
        ((1, 1), (0, 0, 1, 1)),
    ],
)
def test_crop_box_is_the_largest_centred_3_by_2(
    size: tuple[int, int], box: tuple[int, int, int, int]
) -> None:
    assert geometry.crop_box(*size, (3, 2)) == box


@pytest.mark.parametrize(
    ("stored", "orientation", "needed", "wanted"),
    [
        ((4000, 3000), 1, 1440, (1440, 1080)),
        ((4000, 3000), 6, 1440, (1920, 1440)),  # turned: the stored height becomes the width
        ((4000, 3000), 1, 4000, None),
        ((800, 600), 1, 1440, None),
    ],
)
def test_draft_request_keeps_the_upright_width(
    stored: tuple[int, int], orientation: int, needed: int, wanted: tuple[int, int] | None
) -> None:
    assert geometry.draft_request(stored, orientation, needed) == wanted


@pytest.mark.parametrize(
    ("text", "ratio"),
    [("3:2", (3, 2)), (" 16 : 9 ", (16, 9)), ("3/2", None), ("0:1", None), ("a:b", None)],
)
def test_parse_ratio(text: str, ratio: tuple[int, int] | None) -> None:
    assert geometry.parse_ratio(text) == ratio


def test_stems_are_ascii_and_distinct_within_an_item() -> None:
    assert stems(
        [
            "tin-tuc/2018/Quang Cảnh.JPG",
            "tin-tuc/2018/quang-canh.png",
            "tin-tuc/2018/anh/Đồng chí.jpg",
        ],
        "tin-tuc/2018",
    ) == {
        "tin-tuc/2018/Quang Cảnh.JPG": "quang-canh",
        "tin-tuc/2018/anh/Đồng chí.jpg": "anh-dong-chi",
        "tin-tuc/2018/quang-canh.png": "quang-canh-2",
    }


@pytest.mark.parametrize(
    ("page", "folder", "prefix"),
    [
        ("tin-tuc/2018/08/so-ket/", "tin-tuc/2018/08/so-ket/", ""),
        ("", "tin-tuc/2018/08/so-ket/", "tin-tuc/2018/08/so-ket/"),
        ("tin-tuc/", "tin-tuc/2018/08/so-ket/", "2018/08/so-ket/"),
        ("chu-de/hop/", "tin-tuc/2018/08/so-ket/", "../../tin-tuc/2018/08/so-ket/"),
    ],
)
def test_relative_prefix(page: str, folder: str, prefix: str) -> None:
    assert relative_prefix(page, folder) == prefix


def test_body_references_with_lines_titles_and_code_skipped() -> None:
    body = "\n".join(
        [
            'Mở đầu ![Quang cảnh](quang-canh.jpg "Hội nghị") và ![x](<anh cu.png>).',
            "```",
            "![not an image](trong-code.jpg)",
            "```",
            "Dùng `![code](span.jpg)` và ![ref][hinh] và <img src='raw.gif' alt='r'>.",
            "",
            '[hinh]: anh/hinh%201.webp "Tiêu đề"',
        ]
    )

    refs = in_body(body, 10)

    assert refs == [
        ImageRef("quang-canh.jpg", 10, "Quang cảnh", "Hội nghị"),
        ImageRef("<anh cu.png>", 10, "x", ""),
        ImageRef("anh/hinh%201.webp", 14, "ref", "Tiêu đề"),
        ImageRef("raw.gif", 14),
    ]
    assert [ref.path for ref in refs] == [
        "quang-canh.jpg",
        "anh cu.png",
        "anh/hinh 1.webp",
        "raw.gif",
    ]


def test_a_body_without_code_or_definitions_gives_the_same_lines() -> None:
    # No backtick, tilde or "]:": the quick search over the whole text is used.
    body = "\n".join(
        [
            "Chữ đầu.",
            "",
            "![Một](mot.jpg) và ![Hai](hai.jpg)",
            'Chữ <b>đậm</b> rồi <img src="ba.png"> cuối',
            "",
            "![Bốn](bon.jpg)",
        ]
    )

    assert in_body(body, 7) == [
        ImageRef("mot.jpg", 9, "Một"),
        ImageRef("hai.jpg", 9, "Hai"),
        ImageRef("ba.png", 10),
        ImageRef("bon.jpg", 12, "Bốn"),
    ]
    with_code = body + "\n\n`x`"  # the line-by-line reading finds the same
    assert in_body(with_code, 7) == in_body(body, 7)


@pytest.mark.parametrize(
    ("folder", "src", "resolved"),
    [
        ("tin-tuc/2018", "x.jpg", "tin-tuc/2018/x.jpg"),
        ("tin-tuc/2018/hop", "anh/./x.jpg", "tin-tuc/2018/hop/anh/x.jpg"),
        ("tin-tuc/2018/hop", "../x.jpg", None),
        ("tin-tuc/2018/hop", "anh/../../hop/x.jpg", "tin-tuc/2018/hop/x.jpg"),
        ("tin-tuc/2018", "/x.jpg", None),
    ],
)
def test_resolve_keeps_images_inside_the_item_folder(
    folder: str, src: str, resolved: str | None
) -> None:
    assert resolve(folder, ImageRef(src, 1)) == resolved


def test_a_photo_plans_webp_at_every_width_and_jpeg_only_where_linked() -> None:
    variants = plan((4000, 3000), Params())

    assert [(v.role, v.width, v.extension) for v in variants] == [
        ("full", 480, "webp"),
        ("full", 960, "webp"),
        ("full", 960, "jpg"),  # the fallback src
        ("full", 1440, "webp"),
        ("full", 1440, "jpg"),  # og:image
        ("3x2", 360, "webp"),
        ("3x2", 720, "webp"),
        ("3x2", 720, "jpg"),
    ]


@pytest.mark.parametrize(("widths", "fallback"), [([480, 960, 1440], 960), ([1200, 1440], 1200)])
def test_the_fallback_is_the_widest_up_to_960_else_the_narrowest(
    widths: list[int], fallback: int
) -> None:
    assert fallback_width(widths) == fallback


def test_a_body_image_publishes_no_card_and_no_sharing_jpeg() -> None:
    entry = Entry("k", (4000, 3000), tuple(plan((4000, 3000), Params())))

    body = needed(entry, lead=False)
    lead = needed(entry, lead=True)

    assert sorted(v.suffix for v in body) == ["1440w.webp", "480w.webp", "960w.jpg", "960w.webp"]
    assert set(lead) == set(entry.variants)


@pytest.mark.parametrize(
    "written",
    [
        "![a](Quang Cảnh.JPG)",  # a phone's or a camera's file name, spaces kept
        '![b](IMG 20 (2).jpg "Tiêu đề")',  # Windows' copy names, and a title
        "![c](<anh cu.png>)",
        "![d](a.jpg) và ![e](b.jpg 't')",
        "![f]( g.jpg )",
        "![g](k.jpg (chú thích))",  # Python-Markdown keeps "(…)" in the address
    ],
)
def test_body_images_are_read_as_python_markdown_reads_them(written: str) -> None:
    html = markdown.markdown(written)
    expected = [
        (unescape(tag["src"]), unescape(tag.get("title", "")))
        for tag in (
            dict(re.findall(r'(\w+)="([^"]*)"', found))
            for found in re.findall(r"<img [^>]*>", html)
        )
    ]

    assert [(ref.path, ref.title) for ref in in_body(written, 1)] == expected
