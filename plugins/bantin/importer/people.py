"""Officials named in an article, with their titles as the text gives them.

Two shapes cover what provincial portals write:
``đồng chí Lý Vinh Quang, Phó Chủ tịch UBND tỉnh`` / ``ông Lê Quang Trung- Phó Chủ tịch…``
(name, then title) and ``Phó Chủ tịch UBND tỉnh Trương Cảnh Tuyên`` (title, then name).
A person counts as an official only with a leadership title, so staff named in passing
(``gửi đồng chí Hoàng Ngọc Bích (phòng Tổng hợp)``) are not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.core.vntext import clean_text, grouping_key

_HONORIFIC = re.compile(r"(?<!\w)(?:đồng chí|đ/c|ông|bà)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# Words that start a title, never a name ("đồng chí Phó Chủ tịch UBND tỉnh trao…").
_TITLE_WORDS = {
    "phó", "chủ", "chánh", "bí", "giám", "trưởng", "ủy", "uỷ", "uvtv", "văn", "thường",
    "tỉnh", "hội", "ban", "sở", "bộ", "thủ", "tổng", "đại", "thứ", "các", "cùng", "lãnh",
    "nguyên", "chỉ", "ubnd", "hđnd", "trung", "thành", "huyện", "quyền",
}  # fmt: skip
# Middle syllables of names that some portals write in lower case (Bùi văn Cửu).
_LOWER_NAME_WORDS = {"văn", "thị"}
# A title must contain one of these to make its holder an official.
_LEADERSHIP = re.compile(
    r"chủ tịch|chánh văn phòng|chánh vp|bí thư|giám đốc|chủ nhiệm|trưởng|thủ tướng|"
    r"bộ trưởng|ủy viên|uỷ viên|uvtv|tổng thư ký|chánh thanh tra|chánh án|viện trưởng|"
    r"tư lệnh|chỉ huy trưởng",
    re.IGNORECASE,
)
# Where a title ends: the verb or clause that follows it.
_TITLE_END = re.compile(
    r"\s+(?:dự|đến dự|cùng dự|về dự|chủ trì|đồng chủ trì|phát biểu|đánh giá|trao|tặng|"
    r"chỉ đạo|nhấn mạnh|yêu cầu|đề nghị|biểu dương|ghi nhận|làm việc|cho biết|kết luận|"
    r"khẳng định|đã|và các|cùng các|cùng đại diện|cùng lãnh đạo|tới dự|thăm|trình bày|"
    r"quán triệt|giao|đồng thời|lưu ý|thay mặt|tại|trong|với|là|có|được|vì|đề cập|"
    r"phát động|chúc mừng|gửi|mong|tham dự|tham gia|điều hành|báo cáo|nêu|đọc|ký)\b"
    r"|\s+(?:và|cùng)\s+(?:đồng chí|đ/c|ông|bà)\s|\s+làm\s|[;.!?()\[\]]|\s+[–—-]\s+|$",
    # Case matters: verbs are lower case mid-sentence, while "Ban Chỉ đạo" is part of a title.
)
# Title, then name: "Phó Chủ tịch UBND tỉnh Trương Cảnh Tuyên".
_TITLE_FIRST = re.compile(
    r"(?<!\w)((?:Phó\s+)?(?:Chủ tịch(?:\s+(?:Thường trực|TT))?\s+(?:UBND|HĐND|Ủy ban nhân dân|"
    r"Uỷ ban nhân dân|Hội đồng nhân dân)\s+(?:tỉnh|thành phố|huyện)|Chánh Văn phòng UBND tỉnh|"
    r"Bí thư Tỉnh ủy|Bí thư Tỉnh uỷ|Giám đốc Sở(?:\s+[A-ZĐ]\w*)+|Thủ tướng Chính phủ|"
    r"Bộ trưởng(?:\s+[A-ZĐ]\w*)+))\s+(?=[A-ZĐÂĂÊÔƠƯ\u00c0-\u1ef8])",
)


# Title, then organisation of unknown length, then name: "Giám đốc Sở Nội vụ Nguyễn Văn Thịnh".
_HEAD_FIRST = re.compile(
    r"(?<!\w)(?:Phó\s+)?(?:Giám đốc|Trưởng [Bb]an|Bộ trưởng|Thứ trưởng|Cục trưởng|"
    r"Chánh Thanh tra)\s+(?:Sở|Ban|Bộ|Cục|Thanh tra)\s+(?=[A-ZĐ\u00c0-\u1ef8])"
)
# "các đồng chí: A, Chủ tịch UBND tỉnh; B, Phó Chủ tịch…": one honorific for a list.
_PLURAL = re.compile(r"(?<!\w)các (?:đồng chí|vị|ông|bà)\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    name: str
    title: str
    role: str
    position: int


def _name_words(text: str, start: int) -> tuple[str, int] | None:
    """A person's name starting at ``start``: 2 to 5 capitalised syllables."""
    words: list[str] = []
    position = start
    end = start
    while len(words) < 5:
        match = _WORD.match(text, position)
        if not match:
            break
        word = match.group(0)
        first = not words
        if first and word.casefold() in _TITLE_WORDS:
            return None
        if not word[0].isupper() and not (not first and word.casefold() in _LOWER_NAME_WORDS):
            break
        if word.isupper() and len(word) > 1 and word.casefold() not in {"y"}:
            break  # an acronym such as UBND ends the name
        words.append(word)
        end = match.end()
        following = text[end : end + 1]
        if following != " ":
            break
        position = end + 1
    while words and not words[-1][0].isupper():
        words.pop()
    if len(words) < 2:
        return None
    name = " ".join(_fix_case(w, i) for i, w in enumerate(words))
    return name, start + len(" ".join(words))


def _fix_case(word: str, index: int) -> str:
    # "Bùi văn Cửu" is the same person as "Bùi Văn Cửu": names are written capitalised.
    return word[:1].upper() + word[1:] if index else word


def _title_after(text: str, start: int) -> str:
    """The title following a name and its separator (``, `` ``- `` `` – `` ``: ``)."""
    separator = re.match(r"\s*(?:,|–|—|-|:)\s*", text[start:])
    if not separator:
        return ""
    rest = text[start + separator.end() :]
    title = rest[: _title_end(rest)]
    # "bà Y Ngân, Phó Chủ tịch UBND tỉnh và Phó Chủ tịch UBND tỉnh Nguyễn Hữu Tháp": the
    # second title belongs to the next person.
    for joiner in re.finditer(r"\s+(?:và|cùng)\s+", title):
        other = _TITLE_FIRST.match(title, joiner.end())
        if other and _name_words(title, other.end()):
            title = title[: joiner.start()]
            break
    # A comma ends the title unless the next part is also a title ("UVTV Tỉnh ủy, Phó Chủ tịch…").
    parts = [part.strip() for part in title.split(",")]
    kept = [parts[0]]
    for part in parts[1:]:
        if part and _LEADERSHIP.match(re.sub(r"^(?:phó|nguyên|quyền)\s+", "", part, flags=re.I)):
            kept.append(part)
        else:
            break
    return clean_text(", ".join(kept))


def _title_end(rest: str) -> int:
    for end in _TITLE_END.finditer(rest):
        dash = end.group(0).strip() in {"-", "–", "—"}
        if dash and rest[end.end() : end.end() + 1].isupper():
            continue  # "Sở Lao động - Thương binh và Xã hội": the dash is inside a name
        return end.start()
    return len(rest)


def _role(text: str, start: int) -> str:
    """What the official did, from the clause that follows the mention."""
    clause = re.split(r"[;.]", text[start : start + 200], maxsplit=1)[0].casefold()
    if "chủ trì" in clause:
        return "chủ trì"
    if "chỉ đạo" in clause:
        return "chỉ đạo"
    return ""


def mentions(text: str) -> list[Mention]:
    """Every official mentioned in ``text``, in order, possibly repeated."""
    found: list[Mention] = []
    starts = [m.end() for m in _HONORIFIC.finditer(text)]
    for plural in _PLURAL.finditer(text):
        segment_end = text.find(".", plural.end())
        segment_end = len(text) if segment_end < 0 else segment_end
        position = plural.end()
        for part in text[plural.end() : segment_end].split(";"):
            starts.append(position + len(part) - len(part.lstrip()))
            position += len(part) + 1
    for start in starts:
        named = _name_words(text, start)
        if named is None:
            continue
        name, end = named
        title = _title_after(text, end)
        if title and _LEADERSHIP.search(title):
            found.append(Mention(name, title, _role(text, end), start))
    for titled in _TITLE_FIRST.finditer(text):
        named = _name_words(text, titled.end())
        if named is None:
            continue
        name, end = named
        found.append(Mention(name, clean_text(titled.group(1)), _role(text, end), titled.start()))
    for head in _HEAD_FIRST.finditer(text):
        mention = _organisation_then_name(text, head)
        if mention is not None:
            found.append(mention)
    unique = {(m.position, m.name): m for m in found}
    return sorted(unique.values(), key=lambda mention: mention.position)


def _organisation_then_name(text: str, head: re.Match[str]) -> Mention | None:
    """Try organisation names of 1 to 5 words until a person's name follows."""
    words = list(_WORD.finditer(text, head.end()))[:7]
    for count in range(1, min(6, len(words))):
        start = words[count].start()
        if text[words[count - 1].end() : start] != " ":
            return None  # punctuation: the title ended without a name
        named = _name_words(text, start)
        if named is not None:
            name, end = named
            title = clean_text(text[head.start() : start])
            return Mention(name, title, _role(text, end), head.start())
    return None


@dataclass(frozen=True)
class OfficialFound:
    name: str
    title: str
    role: str
    spellings: tuple[str, ...]
    titles: tuple[str, ...]


def collect(paragraphs: list[str], captions: list[str]) -> list[OfficialFound]:
    """One entry per person, in order of first mention.

    The name is the spelling used most (ties: the first); the title is the first one the
    running text gives (captions only when the text has none); the role is the strongest seen.
    """
    by_key: dict[str, list[Mention]] = {}
    from_text: set[tuple[str, int]] = set()
    order: list[str] = []
    for source_index, text in enumerate(paragraphs + captions):
        in_caption = source_index >= len(paragraphs)
        for mention in mentions(text):
            key = grouping_key(mention.name)
            if key not in by_key:
                by_key[key] = []
                order.append(key)
            by_key[key].append(mention)
            if not in_caption:
                from_text.add((key, len(by_key[key]) - 1))
    result = []
    for key in order:
        seen = by_key[key]
        text_mentions = [m for i, m in enumerate(seen) if (key, i) in from_text] or seen
        counts: dict[str, int] = {}
        for mention in seen:
            counts[mention.name] = counts.get(mention.name, 0) + 1
        name = max(counts, key=lambda spelling: (counts[spelling], -_first(seen, spelling)))
        roles = {m.role for m in seen}
        role = "chủ trì" if "chủ trì" in roles else "chỉ đạo" if "chỉ đạo" in roles else ""
        titles = tuple(dict.fromkeys(m.title for m in seen))
        result.append(
            OfficialFound(name, text_mentions[0].title, role, tuple(sorted(counts)), titles)
        )
    return result


def _first(mentions_seen: list[Mention], spelling: str) -> int:
    return next(i for i, m in enumerate(mentions_seen) if m.name == spelling)
