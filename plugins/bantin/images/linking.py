"""Put the derivatives into the site: hard links from the cache, made by a helper process.

Linking thousands of files is system calls, not Python work, and it can start as soon as
MkDocs has emptied ``site_dir``. So the build starts a small helper (this file, run by the
same interpreter with nothing but the standard library) when the files are known, renders
its pages meanwhile on its own core, and waits for the helper before the other plugins
finish the build. A few derivatives are linked in the build's own process: starting the
helper would cost more.

Linking writes no data. Cache files are never changed in place (entries are written to a
new folder and renamed), so the published bytes stay those of the key, whatever happens to
the cache later.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable

HELPER_FROM = 500
"""Derivatives from which a helper process links them; fewer are linked in the build."""


class LinkError(Exception):
    """A derivative could not be put into the site; the message says which and why."""


def link_all(pairs: Iterable[tuple[str, str]]) -> None:
    """``(cache file, site file)`` pairs: each site file becomes a link to its cache file.

    A copy is made where the disk cannot link. Raises LinkError naming the first failure.
    """
    made: set[str] = set()
    for source, output in pairs:
        folder = os.path.dirname(output)  # noqa: PTH120 - os.path on text: thousands of calls
        try:
            if folder not in made:
                os.makedirs(folder, exist_ok=True)  # noqa: PTH103
                made.add(folder)
            try:
                _link(source, output)
            except FileExistsError:  # a dirty build (mkdocs serve --dirty) keeps the old site
                os.unlink(output)  # noqa: PTH108
                _link(source, output)
        except OSError as error:
            raise LinkError(
                f"{output}: could not be written from the image cache: {error}"
            ) from None


def _link(source: str, output: str) -> None:
    try:
        os.link(source, output)
    except FileExistsError:
        raise
    except OSError:  # another disk, or no link support
        shutil.copyfile(source, output)


class Linking:
    """The links of one build: started with ``start``, done when ``finish`` returns."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, str]] = []
        self.process: subprocess.Popen[bytes] | None = None
        self.listing = ""
        self.owner = os.getpid()
        """The process that started the helper: a forked copy of the build leaves it alone."""

    def start(self, pairs: list[tuple[str, str]], work_dir: str) -> None:
        """Begin linking ``pairs``; ``work_dir`` (the image cache) holds the helper's list."""
        self.stop()
        self.owner = os.getpid()
        if len(pairs) < HELPER_FROM:
            self.pending = pairs
            return
        os.makedirs(work_dir, exist_ok=True)  # noqa: PTH103
        handle, self.listing = tempfile.mkstemp(prefix=".links-", dir=work_dir)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as listing:
            # NUL-separated: a path may hold any other character.
            listing.write("".join(f"{source}\0{output}\0" for source, output in pairs))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-S", __file__, self.listing],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError:  # no process to spare: link here instead
            self._remove_listing()
            self.pending = pairs

    def finish(self) -> None:
        """Wait until every link is made; raises LinkError when one could not be."""
        if os.getpid() != self.owner:
            return
        pending, self.pending = self.pending, []
        if pending:
            link_all(pending)
        process, self.process = self.process, None
        if process is None:
            return
        _, errors = process.communicate()
        self._remove_listing()
        if process.returncode != 0:
            message = errors.decode("utf-8", "replace").strip()
            raise LinkError(
                message or f"the helper that links images stopped (exit code {process.returncode})"
            )

    def stop(self) -> None:
        """Give up on a build that failed: end the helper, forget what was left to link."""
        if os.getpid() != self.owner:
            return
        self.pending = []
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.communicate()
        self._remove_listing()

    def _remove_listing(self) -> None:
        if self.listing:
            with contextlib.suppress(OSError):
                os.unlink(self.listing)  # noqa: PTH108
            self.listing = ""


def _main(listing: str) -> int:
    """The helper: link every pair of ``listing``; a failure is told on stderr."""
    with open(listing, encoding="utf-8", newline="\n") as handle:  # noqa: PTH123
        fields = handle.read().split("\0")[:-1]
    try:
        link_all(zip(fields[0::2], fields[1::2], strict=True))
    except LinkError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1]))
