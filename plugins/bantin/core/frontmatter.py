"""Split a news file into front matter and body, and parse the front matter strictly.

MkDocs silently publishes broken YAML as body text. Here every defect becomes a Problem with
the file's own line number: bad encoding, missing delimiters, YAML syntax, duplicate keys.
The result is a YAML node tree (values keep their line numbers) for the schema to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import yaml

from bantin.core.problems import Problem

try:  # The C parser is several times faster; the pure-Python one gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of the pinned wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_DELIMITER = re.compile(r"^---[ \t]*$")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_KEY_AT_LINE = re.compile(r"^\s*-?\s*([A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True)
class SourceFile:
    """A news file split into its parts; lines are 1-based and refer to the file on disk."""

    path: str
    text: str
    front_matter: str
    front_matter_line: int
    """Line of the first front-matter line (the one after the opening ``---``)."""
    body: str
    body_line: int


@dataclass(frozen=True)
class FrontMatter:
    """The parsed header: a mapping node, or None with problems explaining why."""

    source: SourceFile | None
    mapping: yaml.MappingNode | None
    problems: tuple[Problem, ...]
    unreadable: frozenset[str] = frozenset()
    """Top-level keys left out of ``mapping`` for a YAML syntax error (reported already)."""


def decode(path: str, raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text (BOM dropped, CRLF made LF) or a Problem naming the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        bad = raw[error.start : error.start + 1].hex()
        return None, Problem(
            path,
            line,
            "file",
            f"not valid UTF-8 (byte 0x{bad}); save the file with UTF-8 encoding "
            "(in Notepad: File > Save As > Encoding: UTF-8)",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def split(path: str, text: str) -> tuple[SourceFile | None, Problem | None]:
    lines = text.split("\n")
    if not lines or not _DELIMITER.match(lines[0]):
        return None, Problem(
            path, 1, "file", "no front matter: the file must start with a line containing ---"
        )
    for index in range(1, len(lines)):
        if _CLOSING.match(lines[index]):
            front = "\n".join(lines[1:index]) + "\n"
            body = "\n".join(lines[index + 1 :])
            return SourceFile(path, text, front, 2, body, index + 2), None
    return None, Problem(
        path, 1, "file", "the front matter is not closed: add a line containing --- after it"
    )


def read(path: str, raw: bytes) -> FrontMatter:
    """Decode, split and parse one news file."""
    text, problem = decode(path, raw)
    if text is None:
        return FrontMatter(None, None, (problem,) if problem else ())
    source, problem = split(path, text)
    if source is None:
        return FrontMatter(None, None, (problem,) if problem else ())
    return parse(source)


def parse(source: SourceFile) -> FrontMatter:
    offset = source.front_matter_line - 1
    try:
        node = yaml.compose(source.front_matter, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return FrontMatter(source, *_read_around(source, _yaml_problem(source, error, offset)))
    except yaml.YAMLError as error:  # pragma: no cover - every parser error carries a mark
        problem = Problem(source.path, source.front_matter_line, "yaml", str(error))
        return FrontMatter(source, None, (problem,))
    if node is None:
        return FrontMatter(
            source, None, (Problem(source.path, 1, "file", "the front matter is empty"),)
        )
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 + offset
        message = "the front matter must be lines of the form `key: value`"
        return FrontMatter(source, None, (Problem(source.path, line, "file", message),))
    return FrontMatter(source, node, tuple(duplicate_keys(source.path, node, offset)))


def _read_around(
    source: SourceFile, syntax: Problem
) -> tuple[yaml.MappingNode | None, tuple[Problem, ...], frozenset[str]]:
    """After a syntax error, every other top-level key read on its own.

    The author then sees the file's other problems (a wrong date, an unknown key) in the
    same run, not one per fix. The key with the error is left out and named ``unreadable``,
    so the schema does not also call it missing.
    """
    lines = source.front_matter.split("\n")
    offset = source.front_matter_line - 1
    starts = [index for index, line in enumerate(lines) if _TOP_KEY.match(line)]
    problems = [syntax]
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    unreadable = {syntax.field}  # a tab can put a key on the line of the one above
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        key = lines[start].split(":", 1)[0].strip()
        if start <= syntax.line - 1 - offset < end:
            unreadable.add(key)
            continue
        # Blank lines in front keep every line number that of the file.
        block = "\n" * start + "\n".join(lines[start:end]) + "\n"
        try:
            node = yaml.compose(block, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            problems.append(_yaml_problem(replace(source, front_matter=block), error, offset))
            unreadable.update((key, problems[-1].field))
            continue
        if isinstance(node, yaml.MappingNode):
            pairs += node.value
    if not pairs:
        return None, tuple(problems), frozenset(unreadable)
    mapping = yaml.MappingNode("tag:yaml.org,2002:map", pairs)
    problems += duplicate_keys(source.path, mapping, offset)
    return mapping, tuple(problems), frozenset(unreadable)


def duplicate_keys(path: str, node: yaml.Node, offset: int, prefix: str = "") -> list[Problem]:
    """Every key given twice in any mapping (PyYAML keeps the last one without a word)."""
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            name = f"{prefix}{key}"
            if key in first_line:
                problems.append(
                    Problem(
                        path,
                        line,
                        name,
                        f"given twice (first on line {first_line[key]}); keep one of them",
                    )
                )
            else:
                first_line[key] = line
            problems += duplicate_keys(path, value_node, offset, f"{name}.")
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            problems += duplicate_keys(path, child, offset, f"{prefix.rstrip('.')}[{index + 1}].")
    return problems


def _yaml_problem(source: SourceFile, error: yaml.MarkedYAMLError, offset: int) -> Problem:
    lines = source.front_matter.split("\n")
    unclosed = _unclosed_quote(lines)
    if unclosed is not None:
        # A quote left open swallows the following lines, so PyYAML's position is far below
        # the real mistake; the line that opens the quote is the one to fix.
        return Problem(
            source.path,
            unclosed + 1 + offset,
            _field_near(lines, unclosed),
            'a quote is opened but never closed; end the value with the same quote (")',
        )
    mark = error.problem_mark or error.context_mark
    line_index = mark.line if mark else 0
    line_text = lines[line_index] if line_index < len(lines) else ""
    field = _field_near(lines, line_index)
    return Problem(source.path, line_index + 1 + offset, field, _explain(error, line_text))


_QUOTED_VALUE = re.compile(r"^\s*-?\s*[A-Za-z_][\w-]*\s*:\s*([\"'])(.*)$")


def _unclosed_quote(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        if quote == '"':
            rest = rest.replace("\\\\", "").replace('\\"', "")
        else:
            rest = rest.replace("''", "")
        if quote not in rest:
            return index
    return None


def _field_near(lines: list[str], index: int) -> str:
    """The top-level key the problem line belongs to (the key on a line written at column 0,
    or on the problem line itself when a tab pushed it out of place)."""
    if index < len(lines):
        own = _KEY_AT_LINE.match(lines[index].lstrip("\t"))
        if own and (not lines[index][:1].isspace() or lines[index].startswith("\t")):
            return own.group(1)
    for candidate in range(min(index, len(lines) - 1), -1, -1):
        line = lines[candidate]
        match = _KEY_AT_LINE.match(line)
        if match and not line[:1].isspace():
            return match.group(1)
    return "yaml"


def _explain(error: yaml.MarkedYAMLError, line_text: str) -> str:
    """PyYAML's wording translated into what to do about it."""
    problem = error.problem or ""
    context = error.context or ""
    if "\t" in line_text or "'\\t'" in problem:
        return "a tab character is used; indent with spaces only"
    if "mapping values are not allowed" in problem:
        return (
            'the value contains ": "; put the whole value in double quotes, '
            'for example title: "Thông báo: …"'
        )
    if "found unexpected end of stream" in problem or "end of the stream" in problem:
        return 'a quote is opened but never closed; end the value with the same quote (")'
    if "quoted scalar" in context:
        return 'a quote is opened but never closed; end the value with the same quote (")'
    if (
        "expected <block end>" in problem
        or "did not find expected key" in problem
        or "did not find expected '-' indicator" in problem
    ):
        return (
            "the indentation is wrong; keys at the same level must start in the same column "
            "(use two spaces per level)"
        )
    if "could not find expected ':'" in problem:
        return 'a line is neither `key: value` nor part of the value above; check for a missing ":"'
    if "found character" in problem and "cannot start any token" in problem:
        return f"this line cannot be read ({problem}); put the value in double quotes"
    if "found undefined alias" in problem or "anchor" in problem:
        return 'the value starts with "*" or "&"; put it in double quotes'
    return f"the front matter cannot be read: {problem or context}"
