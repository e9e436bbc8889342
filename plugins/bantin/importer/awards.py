"""Awards handed out at the event: kind, issuer and counts of collectives and individuals.

Vietnamese reports put the counts before the award (``01 tập thể, 20 cá nhân nhận Bằng khen
của Chủ tịch UBND tỉnh``) or after it (``Giấy khen cho 6 tập thể và 12 cá nhân``). Each
sentence is cut into clauses at ``;`` and each award mention takes the counts on its side.
Proposed awards (``đề nghị tặng…``) were not handed out and are skipped. A count the text
does not give (``cho các tập thể và cá nhân``) is left unknown, never set to zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.core.vntext import clean_text

_KIND = re.compile(
    r"(?<!\w)(?P<kind>bằng khen|giấy khen|cờ thi đua|huân chương lao động(?: hạng (?:nhất|nhì|ba))?"
    r"|huy chương [^\W\d]+(?: [^\W\d]+)?|danh hiệu\s*[“\"](?P<title>[^”\"]{3,60})[”\"])",
    re.IGNORECASE,
)
_ISSUER_AFTER = re.compile(r"\s*(?:của|do)\s+", re.IGNORECASE)
_ISSUER_END = re.compile(
    r"\s+(?:cho|vì|về|trao|tặng|nhận|đã|có|đạt|tại|trong|năm \d|gồm)\b|\s+và\s+(?:\d|các|nhiều)"
    r"|\s*[;.(:]|\s+\d|$",
    re.IGNORECASE,
)
# A word of a ministry's or department's name ("Lao động - Thương binh và Xã hội"); "được"
# and "vinh dự" mean the clause moved on to the recipient.
_ORG_WORD = r"(?: (?!được\b|vinh\b)[^\W\d]+| -)"
_ISSUER_BEFORE = re.compile(
    r"(?<!phó )(?<!Phó )(?P<issuer>Thủ tướng Chính phủ|Thủ tướng|Chủ tịch nước|"
    r"Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND) (?:tỉnh|thành phố|huyện)|"
    rf"Bộ trưởng(?:, Chủ nhiệm)?{_ORG_WORD}{{1,10}}?|"
    rf"Chánh Văn phòng (?:UBND|Ủy ban nhân dân) tỉnh|Giám đốc Sở{_ORG_WORD}{{1,8}}?)\s+(?:đã\s+)?"
    r"(?:khen tặng|trao tặng|tặng thưởng|tặng|trao)\s+$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10,
}  # fmt: skip
_COLLECTIVE = r"tập thể|đơn vị|tổ chức|cơ quan|phòng"
_INDIVIDUAL = r"cá nhân|đồng chí|người|cán bộ|công chức"
_COUNT = re.compile(
    rf"(?<![\w/])(?P<n>\d+|{'|'.join(_NUMBER_WORDS)})\s+(?P<noun>{_COLLECTIVE}|{_INDIVIDUAL})(?!\w)",
    re.IGNORECASE,
)
# "tập thể Văn phòng" is one collective; "các tập thể" is an unknown number.
_ONE_COLLECTIVE = re.compile(r"(?<!\w)tập thể\s+(?=[A-ZĐ])")
# "Văn phòng UBND tỉnh vinh dự được Chủ tịch nước tặng thưởng Huân chương…": the body named
# as the subject is the one collective honoured (unless a person is named in the clause).
_HONOURED_BODY = re.compile(
    r"(?<!\w)(?:Văn phòng|Sở|Ban|UBND|Ủy ban|Uỷ ban|Tỉnh|Huyện|Thành phố|Trung tâm|Cục|"
    r"Chi cục|Trường|Đảng bộ|Công đoàn)\s[^,;:]{0,60}?\svinh dự\s+(?:được|đón nhận)\s"
)
_PERSON = re.compile(r"(?<!\w)(?:đồng chí|đ/c|ông|bà|cá nhân)\s", re.IGNORECASE)
_VAGUE = re.compile(
    r"(?<!\w)(?:các|nhiều|những|một số)\s+(?P<noun>tập thể|cá nhân|đơn vị|đồng chí)",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"(?<![\w/])(?P<n>\d+)\s+(?:được\s+)?(?:tặng|nhận)\s*$", re.IGNORECASE)
_CONTEXT = re.compile(r"về\s+(?P<noun>cá nhân|tập thể)\s*:", re.IGNORECASE)
_PROPOSED = re.compile(r"đề nghị(?:\s+\S+){0,6}\s*$", re.IGNORECASE)

_CANONICAL = (
    "Thủ tướng Chính phủ", "Văn phòng Chính phủ", "Văn phòng UBND tỉnh", "Chủ tịch UBND tỉnh",
    "Chủ tịch nước", "UBND tỉnh", "Bộ trưởng", "Chủ nhiệm", "Chánh", "Giám đốc",
)  # fmt: skip


@dataclass(frozen=True)
class AwardFound:
    name: str
    issuer: str
    """Empty when the text does not say who gave it."""
    collectives: int | None
    """None when the text gives no number (``các tập thể``)."""
    individuals: int | None
    text: str
    """The clause it was read from, for the report."""


@dataclass(frozen=True)
class _Mention:
    name: str
    issuer: str
    start: int
    end: int
    counts_after: bool
    proposed: bool


def _kind_name(match: re.Match[str]) -> str:
    if match["title"]:
        return "Danh hiệu " + clean_text(match["title"])
    text = clean_text(match["kind"]).lower()
    if text.startswith("huân chương"):  # "Huân chương Lao động hạng Ba" is a proper name
        text = re.sub(r"huân chương (\w)", lambda m: "Huân chương " + m.group(1).upper(), text)
        return re.sub(r"hạng (\w)", lambda m: "hạng " + m.group(1).upper(), text)
    return text[:1].upper() + text[1:]


def _canonical_issuer(issuer: str) -> str:
    issuer = clean_text(issuer).strip(" ,")
    for phrase in _CANONICAL:
        issuer = re.sub(re.escape(phrase), phrase, issuer, flags=re.IGNORECASE)
    return issuer


def _issuer_after(clause: str, position: int) -> tuple[str, int]:
    lead = _ISSUER_AFTER.match(clause, position)
    if not lead:
        return "", position
    rest = clause[lead.end() :]
    end = _ISSUER_END.search(rest)
    text = rest[: end.start()] if end else rest
    parts = [part.strip() for part in text.split(",")]
    kept = [parts[0]]
    for part in parts[1:]:  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ" keeps its comma
        if part[:1].isupper():
            kept.append(part)
        else:
            break
    issuer = ", ".join(kept)
    return _canonical_issuer(issuer), lead.end() + len(issuer)


def _mentions(clause: str) -> list[_Mention]:
    found: list[_Mention] = []
    for match in _KIND.finditer(clause):
        issuer, end = _issuer_after(clause, match.end())
        if not issuer:
            before = _ISSUER_BEFORE.search(clause[: match.start()])
            if before:
                issuer = _canonical_issuer(before["issuer"])
        after = clause[end : end + 12].casefold()
        counts_after = bool(re.match(r"\s*(?:cho|gồm|:)", after))
        proposed = bool(_PROPOSED.search(clause[max(0, match.start() - 40) : match.start()]))
        found.append(
            _Mention(_kind_name(match), issuer, match.start(), end, counts_after, proposed)
        )
    return found


def _is_collective(noun: str) -> bool:
    return bool(re.fullmatch(_COLLECTIVE, noun.casefold()))


def _counts(region: str, context: str) -> tuple[int | None, int | None]:
    collectives: int | None = None
    individuals: int | None = None
    for match in _COUNT.finditer(region):
        raw = match["n"].casefold()
        number = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        if _is_collective(match["noun"]):
            collectives = (collectives or 0) + number
        else:
            individuals = (individuals or 0) + number
    if collectives is None and _ONE_COLLECTIVE.search(region):
        collectives = 1
    honoured = _HONOURED_BODY.search(region) and not _PERSON.search(region)
    if collectives is None and individuals is None and honoured:
        collectives = 1
    bare = _BARE_NUMBER.search(region)
    if bare and collectives is None and individuals is None and context:
        if context == "tập thể":
            collectives = int(bare["n"])
        else:
            individuals = int(bare["n"])
    vague = {m["noun"].casefold() for m in _VAGUE.finditer(region)}
    if collectives is None and individuals is None and not vague:
        return None, None
    # Named without a number ("các tập thể và cá nhân"): unknown, the other one too if named.
    if collectives is None and not vague and individuals is not None:
        collectives = 0
    if individuals is None and not vague and collectives is not None:
        individuals = 0
    return collectives, individuals


def find(paragraphs: list[str]) -> list[AwardFound]:
    """Every award the running text (not captions) says was handed out, in order."""
    result: list[AwardFound] = []
    for paragraph in paragraphs:
        context = ""
        for clause in re.split(r";|(?<=[^\d])\.\s+(?=[A-ZĐ])", paragraph):
            mentions = _mentions(clause)
            boundary = 0
            for index, mention in enumerate(mentions):
                following = mentions[index + 1].start if index + 1 < len(mentions) else len(clause)
                if mention.counts_after:
                    region = clause[mention.end : following]
                    next_boundary = following
                else:
                    region = clause[boundary : mention.start]
                    next_boundary = mention.end
                context_match = list(_CONTEXT.finditer(clause[: mention.start]))
                if context_match:
                    context = context_match[-1]["noun"].casefold()
                # A title ("danh hiệu") counts as an award only when someone conferred it;
                # "13/13 đơn vị đạt danh hiệu …" reports a status, not a ceremony.
                titled_only = mention.name.startswith("Danh hiệu") and not mention.issuer
                if not mention.proposed and not titled_only:
                    collectives, individuals = _counts(region, context)
                    result.append(
                        AwardFound(
                            mention.name,
                            mention.issuer,
                            collectives,
                            individuals,
                            clean_text(clause),
                        )
                    )
                boundary = next_boundary
            for match in _CONTEXT.finditer(clause):
                context = match["noun"].casefold()
    return _without_repeats(result)


def _without_repeats(found: list[AwardFound]) -> list[AwardFound]:
    """Drop a bare mention (``Lễ đón nhận Huân chương…``) of an award told more fully elsewhere:
    with counts, or at least with the issuer it lacks (``được Chủ tịch nước tặng thưởng…``).
    """

    def detailed(award: AwardFound) -> bool:
        return award.collectives is not None or award.individuals is not None

    def tells_more(other: AwardFound, award: AwardFound) -> bool:
        if other is award or other.name != award.name:
            return False
        if detailed(other):
            return not award.issuer or award.issuer in other.issuer or other.issuer in award.issuer
        return not award.issuer and bool(other.issuer)

    return [a for a in found if detailed(a) or not any(tells_more(o, a) for o in found)]
