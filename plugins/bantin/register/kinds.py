"""Kinds of documents (hình thức văn bản) a provincial office issues or publishes.

Nghị định 30/2020/NĐ-CP lists the administrative kinds; Luật Ban hành văn bản quy phạm pháp
luật lists the legal ones. A fixed list keeps the register's "kind" filter from splitting one
kind into several spellings ("Quyết định" / "Quyết Định" / "Quyet dinh").
"""

from __future__ import annotations

from difflib import get_close_matches

from bantin.core.vntext import grouping_key, slugify

KINDS: tuple[str, ...] = (
    "Báo cáo",
    "Biên bản",
    "Chỉ thị",
    "Chương trình",
    "Công điện",
    "Công văn",
    "Đề án",
    "Giấy mời",
    "Hướng dẫn",
    "Kế hoạch",
    "Luật",
    "Nghị định",
    "Nghị quyết",
    "Phương án",
    "Quy chế",
    "Quy định",
    "Quyết định",
    "Thông báo",
    "Thông cáo",
    "Thông tư",
    "Tờ trình",
)
_BY_KEY = {grouping_key(kind): kind for kind in KINDS}
_BY_ASCII = {slugify(kind): kind for kind in KINDS}


def canonical_kind(text: str) -> str | None:
    """The list's spelling of ``text`` (case, spacing and tone placement folded), or None."""
    return _BY_KEY.get(grouping_key(text))


def suggest_kind(text: str) -> str:
    """A hint for an unknown kind: the closest listed kind, or the whole list."""
    # Compared without diacritics: "Quyet dinh" is "Quyết định" typed on a keyboard without
    # Vietnamese input, not "Quy định".
    close = get_close_matches(slugify(text), list(_BY_ASCII), n=1, cutoff=0.6)
    if close:
        return f'did you mean "{_BY_ASCII[close[0]]}"?'
    return "use one of: " + ", ".join(KINDS)
