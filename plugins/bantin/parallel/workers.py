"""Forked helper processes and the one message each sends back when its share is done.

A helper inherits the whole build (configuration, news index, navigation) from the fork,
so nothing is loaded twice. Its report travels as one pickle over a pipe; the parent reads
it only after its own share, and a helper that ends without a report (killed, crashed)
is reported as such, never taken for an empty share.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Report:
    """What one helper sends back: the plugins' collected state, or why it stopped."""

    worker: int
    states: dict[str, Any] = field(default_factory=dict)
    """Plugin name → what ``worker_state()`` returned in the helper."""
    error: str | None = None


class WorkerError(RuntimeError):
    """A helper failed; the message says how, for the build's error report."""


@dataclass
class Helper:
    worker: int
    pid: int
    reader: int


class Pool:
    """The helpers of one build, seen from the process that started them."""

    def __init__(self) -> None:
        self.helpers: list[Helper] = []
        self.worker = 0
        self._writer: int | None = None

    @property
    def in_helper(self) -> bool:
        return self.worker != 0

    def fork(self, workers: int) -> int:
        """Start ``workers - 1`` helpers; returns this process's worker number (0: parent)."""
        # What exists now is shared, page by page, until a process writes to it; the cyclic
        # garbage collector would write to every object it visits. Frozen objects are
        # never visited (see gc.freeze), so the shared pages stay shared.
        gc.freeze()
        for worker in range(1, workers):
            reader, writer = os.pipe()
            # Flushed first, or each helper would print the parent's buffered output again.
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                os.close(reader)
                for helper in self.helpers:
                    os.close(helper.reader)
                self.helpers = []
                self.worker = worker
                self._writer = writer
                return worker
            os.close(writer)
            self.helpers.append(Helper(worker, pid, reader))
        return 0

    def finish_helper(self, report: Report) -> None:
        """In a helper: send the report and end the process at once.

        ``os._exit``: the helper must not run the rest of MkDocs' build (the parent does),
        nor the parent's exit handlers, which would close files and processes it shares.
        """
        assert self._writer is not None
        code = 0 if report.error is None else 1
        try:
            data = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # any unpicklable state is a bantin bug
            data = pickle.dumps(Report(report.worker, error=f"could not send its report: {error}"))
            code = 1
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._writer, view)
                view = view[written:]
            os.close(self._writer)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def collect(self) -> list[Report]:
        """In the parent: every helper's report, waiting for those still at work."""
        gc.unfreeze()
        reports: list[Report] = []
        failures: list[str] = []
        for helper in self.helpers:
            chunks = []
            while chunk := os.read(helper.reader, 1 << 20):
                chunks.append(chunk)
            os.close(helper.reader)
            _, status = os.waitpid(helper.pid, 0)
            report = _decode(b"".join(chunks), helper.worker)
            if report is None:
                failures.append(
                    f"build helper {helper.worker} stopped without finishing its pages "
                    f"({_describe(status)})"
                )
            elif report.error is not None:
                failures.append(report.error)
            else:
                reports.append(report)
        self.helpers = []
        if failures:
            raise WorkerError("\n".join(failures))
        return reports

    def stop(self) -> None:
        """In the parent, when its own build failed: end the helpers, wait for them."""
        gc.unfreeze()
        for helper in self.helpers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(helper.pid, signal.SIGTERM)
            os.close(helper.reader)
            os.waitpid(helper.pid, 0)
        self.helpers = []


def _decode(data: bytes, worker: int) -> Report | None:
    if not data:
        return None
    try:
        report = pickle.loads(data)  # noqa: S301 - written by our own forked process
    except Exception:  # a cut-off report: the helper died while writing
        return None
    return report if isinstance(report, Report) and report.worker == worker else None


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return f"ended by {name}" + (", probably out of memory" if name == "SIGKILL" else "")
    return f"exit code {os.waitstatus_to_exitcode(status)}"
