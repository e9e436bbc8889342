"""One error voice for the build and for ``bantin check``: ``path:line: field: message``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, precise enough for a press officer to fix it."""

    path: str
    """Path shown to the user, relative to the project (``content/tin-tuc/2018/x.md``)."""
    line: int
    """1-based line in the file; 0 when the problem concerns the whole file."""
    field: str
    """Front-matter key (``date``, ``officials[1].title``) or a short topic (``file``, ``yaml``)."""
    message: str
    severity: str = "error"
    """``error`` fails the build; ``warning`` is reported by ``bantin check`` only."""

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "" if self.severity == "error" else "warning: "
        return f"{where}: {prefix}{self.field}: {self.message}"

    def format_github(self) -> str:
        """GitHub Actions workflow command so the problem shows on the pull request's line."""
        level = "error" if self.severity == "error" else "warning"
        message = f"{self.field}: {self.message}"
        # Workflow commands end at a newline and use %-escapes for the data part.
        data = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        location = f"file={_escape_property(self.path)}"
        if self.line:
            location += f",line={self.line}"
        return f"::{level} {location}::{data}"


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


@dataclass
class ProblemList:
    """Collects every problem of a run so all of them are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self, path: str, line: int, field_name: str, message: str, severity: str = "error"
    ) -> None:
        self.items.append(Problem(path, line, field_name, message, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items))

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> str:
        return "\n".join(p.format() for p in self)


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, already sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the content; nothing was published:"]
        lines += [p.format() for p in self.problems]
        super().__init__("\n".join(lines))
