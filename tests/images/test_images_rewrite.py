"""Body HTML rewriting: figures, captions, escaping, and images left alone."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from bantin.images import markup, rewrite
from bantin.images.cache import Entry
from bantin.images.derive import Variant
from bantin.images.published import PublishedImage

ENTRY = Entry(
    "k",
    (800, 600),
    tuple(
        Variant(role, width, height, extension)
        for role, width, height in (("full", 400, 300), ("full", 800, 600), ("3x2", 300, 200))
        for extension in ("webp", "jpg")
    ),
)
IMAGE = PublishedImage("tin-tuc/2018/anh.jpg", "tin-tuc/2018/08/tin/", "anh", ENTRY, ENTRY.variants)


def lookup(src: str) -> tuple[PublishedImage, str] | None:
    return (IMAGE, "") if src == "../anh.jpg" else None


def test_an_image_alone_with_an_italic_line_after_it_becomes_a_figure() -> None:
    html = '<p><img alt="Ảnh" src="../anh.jpg" /></p>\n<p><em>Quang cảnh <b>hội nghị</b></em></p>'

    result = rewrite.rewrite(html, lookup)

    assert result == (
        '<figure class="bantin-figure"><picture><source type="image/webp" '
        'srcset="anh@400w.webp 400w, anh@800w.webp 800w" sizes="(min-width: 76.25em) 46rem, '
        '100vw"><img src="anh@800w.jpg" srcset="anh@400w.jpg 400w, anh@800w.jpg 800w" '
        'sizes="(min-width: 76.25em) 46rem, 100vw" width="800" height="600" alt="Ảnh" '
        'loading="lazy" decoding="async"></picture>'
        "<figcaption>Quang cảnh <b>hội nghị</b></figcaption></figure>"
    )


def test_the_title_is_the_caption_and_alt_falls_back_to_the_caption() -> None:
    html = '<p><img alt="" src="../anh.jpg" title="Tiêu đề &quot;ảnh&quot;" /></p>'

    result = rewrite.rewrite(html, lookup)

    assert 'alt="Tiêu đề &#34;ảnh&#34;"' in result
    assert "<figcaption>Tiêu đề &#34;ảnh&#34;</figcaption>" in result


def test_a_caption_in_the_same_paragraph_is_used() -> None:
    html = '<p><img alt="x" src="../anh.jpg" />\n<em>Chú thích</em></p>'

    assert "<figcaption>Chú thích</figcaption></figure>" in rewrite.rewrite(html, lookup)


def test_inline_and_raw_html_images_become_pictures_without_figure() -> None:
    html = "<p>Chữ <img src='../anh.jpg' alt='a\"b'> chữ.</p>"

    result = rewrite.rewrite(html, lookup)

    assert result.startswith('<p>Chữ <picture><source type="image/webp"')
    assert 'alt="a&#34;b"' in result
    assert "<figure" not in result


def test_unknown_images_are_left_alone() -> None:
    html = '<p><img alt="x" src="khac.png" /></p>\n<p><em>Chú thích</em></p>'

    assert rewrite.rewrite(html, lookup) == html


def test_card_pictures_use_the_cropped_variants() -> None:
    result = str(markup.picture(IMAGE, markup.card_look("3x2"), "../", 'a<"b'))

    assert 'srcset="../anh@3x2-300w.webp 300w"' in result
    assert 'src="../anh@3x2-300w.jpg"' in result
    assert 'alt="a&lt;&#34;b"' in result
    assert 'loading="lazy"' in result


class _FirstTag(HTMLParser):
    """The standard library's reading of a tag: what ``rewrite._attributes`` must match."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


@pytest.mark.parametrize(
    "tag",
    [
        '<img alt="Ảnh" src="../anh.jpg" />',
        "<img src='b c.jpg' SRC=x.png>",
        '<img alt="a &amp; b &quot;q&quot;" title="T" class="x y" loading=lazy data-x/>',
        '<img alt = "sp"\n src="a.jpg" src="b.jpg">',
        '<img alt="é&#233;" alt=&lt;>',
        '<img alt="1>',  # a quote left open: cut at the first ">", nothing to read
        "<img>",
    ],
)
def test_attributes_are_read_as_html_parser_reads_them(tag: str) -> None:
    parser = _FirstTag()
    parser.feed(tag)
    parser.close()

    assert rewrite._attributes(tag) == parser.attributes
