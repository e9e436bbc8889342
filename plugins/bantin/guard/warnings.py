"""Strict mode that verbosity flags cannot switch off.

MkDocs counts warnings for ``--strict`` with a handler on the ``mkdocs`` logger, but ``-q``
raises that logger's level to ERROR, so warnings are dropped before any handler sees them
and ``mkdocs build -q --strict`` passes. This recorder lowers the level back to WARNING for
the duration of a build and keeps every warning so it can be reported and fail the build.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

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
