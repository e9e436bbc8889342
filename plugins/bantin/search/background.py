"""The search index written by a child process while MkDocs renders pages.

MkDocs renders on one core; cutting 10,000 items into terms is the discovery plugin's main
cost, so it runs beside the build on another core. The child owns a ``SearchIndexWriter``;
the build only sends documents and, at the end, waits for the statistics.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.queues import Queue
from pathlib import Path

from bantin.search.index import SearchDoc, SearchIndexWriter, SearchStats

_BATCH = 64
"""Documents per message: fewer, larger messages cost less than one per item."""


def _run(
    folders: tuple[Path, Path],
    limits: tuple[int, int],
    inbox: Queue[list[SearchDoc] | None],
    outbox: Queue[SearchStats | str],
) -> None:
    """The child: (out_dir, work_dir) and (cap, shard_bytes) as SearchIndexWriter takes them."""
    writer = SearchIndexWriter(*folders, cap=limits[0], shard_bytes=limits[1])
    try:
        while (batch := inbox.get()) is not None:
            for doc in batch:
                writer.add(doc)
        outbox.put(writer.finish())
    except Exception as error:  # reported by the build, which must not hang waiting
        writer.close()
        outbox.put(f"{type(error).__name__}: {error}")


class BackgroundIndexWriter:
    """``add``/``finish``/``close`` like ``SearchIndexWriter``, done by a child process."""

    def __init__(
        self, out_dir: Path, work_dir: Path, *, cap: int = 1000, shard_bytes: int = 32_000
    ) -> None:
        # spawn, not fork: the build may run threads (mkdocs serve), which fork would copy.
        context = multiprocessing.get_context("spawn")
        self._inbox: Queue[list[SearchDoc] | None] = context.Queue()
        self._outbox: Queue[SearchStats | str] = context.Queue()
        self._batch: list[SearchDoc] = []
        self._process = context.Process(
            target=_run,
            args=((out_dir, work_dir), (cap, shard_bytes), self._inbox, self._outbox),
            name="bantin-search-index",
            daemon=True,
        )
        self._process.start()

    def add(self, doc: SearchDoc) -> None:
        self._batch.append(doc)
        if len(self._batch) >= _BATCH:
            self._inbox.put(self._batch)
            self._batch = []

    def finish(self) -> SearchStats:
        """Wait for the child to write the index; raises if it failed."""
        if self._batch:
            self._inbox.put(self._batch)
            self._batch = []
        self._inbox.put(None)
        result = self._outbox.get()
        self._process.join()
        if isinstance(result, str):
            raise RuntimeError(f"the search index could not be written: {result}")
        return result

    def close(self) -> None:
        """Stop the child (a failed build); the index folder is left incomplete."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
