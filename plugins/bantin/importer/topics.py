"""Topics (tags) suggested from a fixed vocabulary, so imported items share topic pages."""

from __future__ import annotations

import re

# (topic, pattern searched in the title and the lead paragraph)
VOCABULARY: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (topic, re.compile(pattern, re.IGNORECASE))
    for topic, pattern in (
        ("sơ kết", r"sơ kết"),
        ("tổng kết", r"tổng kết"),
        ("giao ban", r"giao ban"),
        ("hội nghị cán bộ, công chức", r"hội nghị cán bộ,? công chức"),
        ("cải cách hành chính", r"cải cách hành chính|thủ tục hành chính"),
        ("chuyển đổi số", r"chuyển đổi số|công nghệ thông tin|chính quyền điện tử"),
        ("tiếp công dân", r"tiếp công dân|khiếu nại|tố cáo"),
        ("công tác cán bộ", r"bổ nhiệm|tín nhiệm|công tác cán bộ"),
        ("phòng chống thiên tai", r"thiên tai|bão|lũ lụt|phòng chống lụt"),
        ("phòng chống dịch", r"covid|phòng,? chống dịch"),
        ("đầu tư", r"xúc tiến đầu tư|nhà đầu tư|doanh nghiệp"),
        ("văn phòng", r"văn phòng (?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)"),
    )
)
AWARDS_TOPIC = "thi đua khen thưởng"


def suggest(title: str, lead: str, has_awards: bool) -> tuple[str, ...]:
    text = f"{title}\n{lead}"
    topics = [topic for topic, pattern in VOCABULARY if pattern.search(text)]
    if has_awards:
        topics.append(AWARDS_TOPIC)
    return tuple(topics)
