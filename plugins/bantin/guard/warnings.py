"""Strict mode that verbosity flags cannot switch off.

MkDocs counts warnings for ``--strict`` with a handler on the ``mkdocs`` logger, but ``-q``
raises that logger's level to ERROR, so warnings are dropped before any handler sees them
and ``mkdocs build -q --strict`` passes. This recorder lowers the level back to WARNING for
the duration of a build and keeps every warning so it can be reported and fail the build.

Also here: which of the build's problems say again what another one says already.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence

from bantin.core.problems import Problem

WATCHED = ("mkdocs", "bantin")


class WarningRecorder(logging.Handler):
    """Collects WARNING-and-above records from the watched loggers during one build."""

    def __init__(self, names: Sequence[str] = WATCHED) -> None:
        super().__init__(level=logging.WARNING)
        self.names = tuple(names)
        self.records: list[tuple[str, str]] = []
        self._saved_levels: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.getMessage()))

    def start(self) -> None:
        for name in self.names:
            logger = logging.getLogger(name)
            self._saved_levels[name] = logger.level
            if logger.getEffectiveLevel() > logging.WARNING:
                logger.setLevel(logging.WARNING)
            logger.addHandler(self)

    def stop(self) -> None:
        for name in self.names:
            logger = logging.getLogger(name)
            logger.removeHandler(self)
            if name in self._saved_levels:
                logger.setLevel(self._saved_levels.pop(name))


_QUOTED = re.compile(r'"([^"]+)"')
_MKDOCS_LINK = re.compile(r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<link>[^']+)'")
MKDOCS = "mkdocs build"
"""The path of problems made from MkDocs' own warnings."""


def named_addresses(problems: Iterable[Problem]) -> set[tuple[str, str]]:
    """(file, quoted address) of every problem: ``"anh.jpg" does not exist`` names anh.jpg."""
    return {(p.path, address) for p in problems for address in _QUOTED.findall(p.message)}


def repeats(problem: Problem, named: set[tuple[str, str]], shown: Callable[[str], str]) -> bool:
    """``problem`` is about an address of a file that a problem in ``named`` already names.

    One mistake, one line: a missing image is the images plugin's problem, not also the link
    check's and MkDocs' warning. ``shown`` turns MkDocs' page path into the shown path.
    """
    if problem.path == MKDOCS:
        match = _MKDOCS_LINK.match(problem.message)
        return match is not None and (shown(match["doc"]), match["link"]) in named
    return any((problem.path, address) in named for address in _QUOTED.findall(problem.message))
