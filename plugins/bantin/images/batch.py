"""Turn many source images into cached derivatives, using every core, with one result each.

The main process only looks at the manifest; sources it cannot prove unchanged go to a
process pool, whose workers read, hash, check and derive them and store the files in the
cache. The pool is joined before this module returns, so nothing is published half-done.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from bantin.core import halves
from bantin.images import cache
from bantin.images.derive import derive
from bantin.images.params import Params
from bantin.images.probe import BROKEN, ImageRejectedError, too_big

STOPPED = "stopped the image worker (too much memory?); export a smaller photo"


@dataclass(frozen=True)
class Source:
    """One source image to make ready: its file and the name the manifest knows it by."""

    path: Path
    name: str
    """Stable name in the manifest: the path relative to the project."""


@dataclass(frozen=True)
class Outcome:
    name: str
    entry: cache.Entry | None
    reason: str = ""
    """Why the image was refused, completing ``"x.jpg" …``; empty when ``entry`` is set."""
    stat: cache.SourceStat | None = None
    processed: bool = False
    """True when pixels were decoded in this run (the work a warm cache avoids)."""


@dataclass(frozen=True)
class _Job:
    source: Source
    size: int
    mtime_ns: int
    root: Path
    params: Params


def prepare(
    sources: Sequence[Source], root: Path, params: Params, workers: int
) -> tuple[list[Outcome], cache.Manifest]:
    """An outcome per source (in ``sources`` order) and the updated, saved manifest."""
    manifest = cache.Manifest.load(root)
    fingerprint = params.fingerprint()
    outcomes: dict[str, Outcome] = {}
    jobs: list[_Job] = []
    for source in sources:
        try:
            stat = source.path.stat()
        except OSError as error:
            outcomes[source.name] = Outcome(source.name, None, f"cannot be read: {error.strerror}")
            continue
        known = manifest.sources.get(source.name)
        if known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            key = cache.entry_key(known.sha256, fingerprint)
            entry = manifest.entries.get(key)
            if entry is not None and manifest.still_complete(root, entry):
                outcomes[source.name] = Outcome(source.name, entry, stat=known)
                continue
        jobs.append(_Job(source, stat.st_size, stat.st_mtime_ns, root, params))
    for outcome in _run(jobs, workers):
        outcomes[outcome.name] = outcome
    processed = 0
    for outcome in outcomes.values():
        processed += outcome.processed
        if outcome.entry is not None and outcome.stat is not None:
            manifest.entries[outcome.entry.key] = outcome.entry
            manifest.sources[outcome.name] = outcome.stat
    last_build = {
        "images": len(outcomes),
        "processed": processed,
        "reused": sum(1 for o in outcomes.values() if o.entry is not None and not o.processed),
        "refused": sum(1 for o in outcomes.values() if o.entry is None),
    }
    # A build that reused everything leaves the manifest as it was: not written again.
    unchanged = not jobs and not manifest.changed and last_build == manifest.last_build
    manifest.last_build = last_build
    if (sources or (root / cache.MANIFEST).exists()) and not unchanged:
        manifest.save(root)  # a site without photos gets no cache
    return [outcomes[source.name] for source in sources], manifest


def _run(jobs: list[_Job], workers: int) -> list[Outcome]:
    if len(jobs) <= 1 or workers <= 1:
        return [_work(job) for job in jobs]
    context = _start_method()
    outcomes = []
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context) as pool:
        futures = [pool.submit(_work, job) for job in jobs]
        for job, future in zip(jobs, futures, strict=True):
            try:
                outcomes.append(future.result())
            except BrokenProcessPool:
                # The system killed a worker, most likely for memory: say so, per image.
                outcomes.append(Outcome(job.source.name, None, STOPPED, processed=True))
    return outcomes


def _start_method() -> multiprocessing.context.BaseContext:
    """fork when this process has one thread, else spawn.

    fork starts workers at once and never re-imports ``__main__`` (a build started from a
    script without a main guard still works); beside other threads (``mkdocs serve``
    watches files) a forked child could inherit a held lock, so spawn a fresh interpreter.
    """
    if halves.fork_is_safe():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def default_workers() -> int:
    return halves.available_cores()


def _work(job: _Job) -> Outcome:
    """Runs in a worker: read, hash, reuse or derive and store. Never raises."""
    name = job.source.name
    limits = job.params.limits
    if job.size > limits.max_bytes:
        return Outcome(name, None, too_big(job.size, limits))
    try:
        data = job.source.path.read_bytes()
    except OSError as error:
        return Outcome(name, None, f"cannot be read: {error.strerror}")
    digest = hashlib.sha256(data).hexdigest()
    stat = cache.SourceStat(job.size, job.mtime_ns, digest)
    key = cache.entry_key(digest, job.params.fingerprint())
    entry = cache.load_entry(job.root, key)
    if entry is not None:
        return Outcome(name, entry, stat=stat)
    try:
        derived = derive(data, job.params)
    except ImageRejectedError as rejected:
        return Outcome(name, None, rejected.reason, processed=True)
    except MemoryError:
        return Outcome(name, None, STOPPED, processed=True)
    except Exception:  # Pillow's decoders raise many kinds on damaged files
        return Outcome(name, None, BROKEN, processed=True)
    entry = cache.Entry(key, derived.size, tuple(variant for variant, _ in derived.files))
    cache.store(job.root, entry, {variant.suffix: data for variant, data in derived.files})
    return Outcome(name, entry, stat=stat, processed=True)
