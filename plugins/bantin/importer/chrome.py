"""Portal chrome: the menus, banners, counters and link lists around a legacy article."""

from __future__ import annotations

import re

from bantin.importer.blocks import BOUNDARY, Block

# A paragraph that is exactly one of these is chrome and is dropped.
_LINES = re.compile(
    r"^(?:skip to (?:main )?content|bỏ qua nội dung|emoticon|đăng nhập|đăng ký|đăng xuất|"
    r"trang chủ|in bài viết|in trang|gửi email|chia sẻ|bản in|lượt xem:?\s*[\d.,]*|"
    r"cỡ chữ:?.*|font size.*|facebook|twitter|zalo|print|email|top|(?:lên )?đầu trang|"
    r"quay lại|trở về|xem thêm|tweet|like|share|\d+\s+(?:lượt xem|views?)|"
    r"tìm kiếm|search|menu|giới thiệu|tin tức(?:\s*[-–]\s*sự kiện)?|liên hệ|hỏi đáp|văn bản|"
    r"sơ đồ (?:cổng|trang|site)|chính quyền|công dân|doanh nghiệp|du khách|english|"
    r"[|›»>/\s]+)$",
    re.IGNORECASE,
)
# Chrome that starts the line: hotline, copyright, contact blocks, breadcrumbs.
_PREFIXES = re.compile(
    r"^(?:đường dây nóng|hotline|©|copyright|bản quyền|cơ quan chủ quản|"
    r"chịu trách nhiệm (?:chính|nội dung)|giấy phép|địa chỉ:|điện thoại:|fax:|e-?mail:|"
    r"ghi rõ nguồn|website:|(?:trang chủ|tin tức(?:\s*[-–]\s*sự kiện)?)\s*[›»>/|]|"
    r"thiết kế bởi|phát triển bởi)",
    re.IGNORECASE,
)
# Slogan banners printed above every article.
_SLOGAN = re.compile(
    r"^(?:quyết tâm thực hiện|nhiệt liệt chào mừng|chào mừng|mừng đảng|mừng xuân|"
    r"đảng cộng sản việt nam quang vinh|thi đua yêu nước|"
    r"chủ tịch hồ chí minh vĩ đại sống mãi|toàn đảng,? toàn dân)",
    re.IGNORECASE,
)
# Headings after which the rest of the page is lists of other items, counters and login.
_TRAILERS = re.compile(
    r"^(?:các tin khác|tin khác|các tin đã đưa|tin liên quan|bài liên quan|tin cùng chuyên mục|"
    r"tin mới(?: nhất| hơn)?|tin đã đưa|xem tiếp|thống kê truy cập|lượt truy cập|"
    r"bình luận|ý kiến bạn đọc|gửi ý kiến|(?:tags?|từ khóa|từ khoá)(?:\s*:.*)?|liên kết website|"
    r"đang online:?.*)$",
    re.IGNORECASE,
)
# The article's tool bar, its links run together: "Bản in | Gửi email | Lượt xem: 1.234".
_TOOL = (
    r"(?:bản in|in (?:trang|bài(?: viết)?)|gửi (?:email|e-mail|bài viết)|chia sẻ|"
    r"(?:lên )?đầu trang|quay lại|trở về|lượt (?:xem|đọc):?\s*[\d.,]*|facebook|zalo|twitter)"
)
_TOOLBAR = re.compile(rf"^{_TOOL}(?:\s*[|•·/:]?\s*{_TOOL})+$", re.IGNORECASE)
_COUNTER = re.compile(
    r"^[•·*-]?\s*(?:đang online|đang truy cập|hôm nay|hôm qua|trong tuần|tuần này|tháng này|"
    r"trong tháng|tất cả|tổng (?:số )?(?:lượt )?truy cập|lượt truy cập)\s*:?\s*[\d.,]+$",
    re.IGNORECASE,
)


def is_chrome(text: str) -> bool:
    return bool(
        _LINES.match(text)
        or _PREFIXES.match(text)
        or _COUNTER.match(text)
        or _TOOLBAR.match(text)
        or is_slogan(text)
    )


def is_slogan(text: str) -> bool:
    return bool(_SLOGAN.match(text)) and len(text) < 200 and not text.endswith(".")


def is_trailer(text: str) -> bool:
    return bool(_TRAILERS.match(text.rstrip(" :")))


def strip(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The article's blocks and the chrome removed (for the report)."""
    kept: list[Block] = []
    removed: list[str] = []
    for block in blocks:
        if block.kind == BOUNDARY:
            # A footer or aside after article text ends the article; before it, a header.
            if kept:
                kept.append(block)
            continue
        if is_trailer(block.text) and _has_article(kept):
            removed.append(block.text)
            break
        if is_chrome(block.text):
            removed.append(block.text)
            continue
        kept.append(block)
    return _cut_at_boundary(kept), removed


def _has_article(blocks: list[Block]) -> bool:
    return sum(len(b.text) for b in blocks if b.kind != BOUNDARY) > 200


def _cut_at_boundary(blocks: list[Block]) -> list[Block]:
    """Text after the first chrome boundary that follows the article body is chrome too."""
    result: list[Block] = []
    for block in blocks:
        if block.kind == BOUNDARY:
            if _has_article(result):
                break
            continue
        result.append(block)
    return result
