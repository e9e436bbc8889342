"""MkDocs adapter for bantin's build guards (entry point ``bantin-guard``; list it last).

Strict whatever the flags: warnings from MkDocs or bantin, broken internal links and anchors,
duplicate ids, unsafe files in ``content/``, outputs escaping ``site/`` and unsafe raw HTML
all fail the build, reported together as ``path:line: field: message``. Every page gets a
Content-Security-Policy matching its inline scripts. A manifest written last marks the build
as finished; ``bantin publish`` refuses a folder without one. The checks live in
``bantin.guard``.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import Literal

import jinja2
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bantin.core.problems import Problem
from bantin.guard import (
    content_files,
    csp,
    git,
    links,
    manifest,
    outputs,
    page_checks,
    raw_html,
    warnings,
)
from bantin.guard.warnings import WarningRecorder

log = logging.getLogger("mkdocs.plugins.bantin.guard")


class GuardConfig(base.Config):
    """No options: strictness is not negotiable per site."""


class GuardPlugin(BasePlugin[GuardConfig]):
    """Thin hooks; each check is a plain function in ``bantin.guard``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.known: dict[str, tuple[tuple[int, int], links.PageRecord]] = {}
        """Facts of every page of the last build with its file's (mtime, size): under
        ``mkdocs serve --dirty`` most pages are not rendered again and need not be re-read."""
        self._reset()

    def _reset(self) -> None:
        self.recorder: WarningRecorder | None = None
        self.problems: list[Problem] = []
        self.deferred: list[Problem] = []
        """Problems handed over by other plugins (``add_problems``), among ``problems``."""
        self.pages: dict[str, links.PageRecord] = {}
        self.resolver = page_checks.LinkResolver()
        self.ledger = links.LinkLedger(set())
        self.sources: dict[str, str] = {}
        self.shared_from = (0, 0)
        self.epoch_set_here = False
        self.display_root = "content"
        self.project_dir = Path()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    @event_priority(100)  # first, so warnings of every later hook are recorded
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._finish()  # the instance lives across `mkdocs serve` rebuilds
        self._reset()
        self.recorder = WarningRecorder()
        self.recorder.start()
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        # MkDocs' cleaning keeps dotfiles, so the last build's manifest would survive a failed
        # build; it goes first, before anything can fail.
        manifest.remove(Path(config.site_dir))
        docs = Path(config.docs_dir).resolve()
        relative = os.path.relpath(docs, self.project_dir).replace(os.sep, "/")
        self.display_root = "" if relative == "." else relative
        links_config = config.validation.links
        links_config.not_found = max(links_config.not_found, logging.WARNING)
        links_config.anchors = max(links_config.anchors, logging.WARNING)
        if self.command != "serve" and not os.environ.get("SOURCE_DATE_EPOCH"):
            self._date_from_commit()
        return config

    @event_priority(100)  # before the news plugin reads any file
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        problems = content_files.scan_content(Path(config.docs_dir), self.display_root)
        if problems:
            self._fail(problems, "content/ holds files that cannot be published")

    @event_priority(-100)  # last: every plugin has added its files
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        problems = outputs.escaping_outputs(
            Path(config.site_dir), ((self._shown(f.src_uri), f.dest_uri) for f in files)
        )
        if problems:
            # Never only reported, not even in the preview: the files would really be written.
            self._fail(problems, "some pages would be written outside the site folder", always=True)
        return nav

    @event_priority(-100)  # last: the images plugin has taken the originals out
    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        serve = self.command == "serve"
        self.ledger = links.LinkLedger(
            {
                file.dest_uri
                for file in files
                if (file.inclusion.is_in_serve() if serve else file.inclusion.is_included())
            }
        )
        return env

    @event_priority(100)  # before other plugins add their own trusted HTML
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        file = page.file
        if file.generated_by is not None or file.abs_src_path is None:
            return html  # generated pages are built by our code, escaped there
        source = Path(file.abs_src_path)
        self.problems += raw_html.find_unsafe(
            html,
            lambda: source.read_text(encoding="utf-8-sig", errors="replace"),
            self._shown(file.src_uri),
        )
        return raw_html.sanitise(html)

    @event_priority(-100)  # last: the policy must cover scripts added by every plugin
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = csp.add_policy(output, preview=self.command == "serve")
        file = page.file
        authored = file.generated_by is None and file.abs_src_path is not None
        shown = self._shown(file.src_uri) if authored else f"site/{file.dest_uri}"
        source = file.abs_src_path if authored else None
        # The author's file is read again only when the page has a duplicate id.
        locate = links.locator(source) if source else None
        facts = page_checks.read_page(output, file.dest_uri, shown, self.resolver, locate)
        self._note(file.dest_uri, shown, facts, source)
        if authored:
            self.sources[file.dest_uri] = posixpath.join(self.display_root, file.src_uri)
        return output

    @event_priority(-100)  # last: everything is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        try:
            found = links.SiteFiles.scan(site_dir)
            self._cover_other_html(site_dir, sorted(f for f in found.files if f.endswith(".html")))
            problems = list(self.problems)
            # Other plugins' problems are the specific ones: the link check and MkDocs'
            # warnings do not repeat an address they name, nor MkDocs the link check.
            named = warnings.named_addresses(self.deferred)
            problems += [
                problem
                for problem in self.ledger.problems(site_dir, self.pages, found)
                if not warnings.repeats(problem, named, self._shown)
            ]
            named = warnings.named_addresses(problems)
            problems += [
                warning
                for warning in self._warnings()
                if not warnings.repeats(warning, named, self._shown)
            ]
            if problems:
                self._fail(problems, "the build is not clean")
            if self.command != "serve":
                manifest.write(
                    site_dir,
                    commit=git.head_commit(self.project_dir),
                    source_date_epoch=int(os.environ.get("SOURCE_DATE_EPOCH") or 0),
                    sources=self.sources,
                )
        finally:
            self._finish()

    def on_build_error(self, *, error: Exception) -> None:
        self._finish()

    def add_problems(self, problems: list[Problem]) -> None:
        """Problems another plugin found: the build goes on, and they fail it at the end
        with everything else (one run shows every problem)."""
        self.deferred += problems
        self.problems += problems

    # -- bantin-parallel: what a helper process found on its share of the pages --------

    def enter_worker(self) -> None:
        # Problems and warnings from before the fork are in the parent's lists already.
        self.shared_from = (len(self.problems), len(self.recorder.records) if self.recorder else 0)

    def worker_state(self) -> links.WorkerShare:
        problems_from, warnings_from = self.shared_from
        return links.WorkerShare(
            problems=self.problems[problems_from:],
            warnings=self.recorder.records[warnings_from:] if self.recorder else [],
            pages=self.pages,
            sources=self.sources,
            pending=self.ledger.pending,
            suspects=self.ledger.suspects,
        )

    def merge_worker_state(self, state: links.WorkerShare) -> None:
        self.problems += state.problems
        if self.recorder is not None:
            self.recorder.records += state.warnings
        self.pages.update(state.pages)
        self.sources.update(state.sources)
        self.ledger.merge(state.pending, state.suspects)

    def on_shutdown(self) -> None:
        self._finish()

    # -- helpers ------------------------------------------------------------------------

    def _date_from_commit(self) -> None:
        """Reproducible by default: "now" is the last commit's time.

        Only for a clean work tree: an uncommitted item dated today must not be hidden as
        "scheduled" because the last commit is older. Set for this build only (see _finish).
        """
        commit_time = git.head_time(self.project_dir)
        if commit_time is not None and git.is_clean(self.project_dir):
            os.environ["SOURCE_DATE_EPOCH"] = str(commit_time)
            self.epoch_set_here = True

    def _cover_other_html(self, site_dir: Path, html_files: list[str]) -> None:
        """HTML written outside the page pipeline (404.html, plugin pages) gets a policy too.

        A dirty rebuild leaves most pages of the last build in place: those whose file did
        not change keep the facts read last time.
        """
        reuse = self.command == "serve" and self.dirty
        known: dict[str, tuple[tuple[int, int], links.PageRecord]] = {}
        for dest in html_files:
            path = site_dir / dest
            if dest not in self.pages:
                previous = self.known.get(dest) if reuse else None
                if previous is not None and previous[0] == _signature(path):
                    record = previous[1]
                    assert record.facts is not None  # kept whenever pages are reused
                    self._note(dest, record.shown, record.facts, record.source)
                else:
                    html = path.read_text(encoding="utf-8")
                    covered = csp.add_policy(html, preview=self.command == "serve")
                    if covered != html:
                        path.write_text(covered, encoding="utf-8")
                    facts = page_checks.read_page(covered, dest, f"site/{dest}", self.resolver)
                    self._note(dest, f"site/{dest}", facts, None)
            if reuse:
                known[dest] = (_signature(path), self.pages[dest])
        self.known = known

    def _note(
        self, dest: str, shown: str, facts: page_checks.PageFacts, source: str | None
    ) -> None:
        """One written page: its own problems now, its links into the ledger."""
        self.problems += facts.problems
        self.ledger.note(dest, facts)
        keep = self.command == "serve" and self.dirty  # the next rebuild reuses them
        self.pages[dest] = links.PageRecord(shown, facts if keep else None, source)

    def _warnings(self) -> list[Problem]:
        if self.recorder is None:
            return []
        self.recorder.stop()
        return [
            Problem(warnings.MKDOCS, 0, f"warning from {name}", message)
            for name, message in self.recorder.records
            # `mkdocs serve --dirty` is asked for; MkDocs warns about it on every rebuild.
            if not (self.command == "serve" and self.dirty and message.startswith(_DIRTY_WARNING))
        ]

    def _fail(self, problems: list[Problem], headline: str, *, always: bool = False) -> None:
        unique = sorted(set(problems))
        noun = "problem" if len(unique) == 1 else "problems"
        text = "\n".join(
            [f"{headline}; {len(unique)} {noun} (nothing was published):"]
            + [problem.format() for problem in unique]
        )
        if self.command == "serve" and not always:
            # The preview keeps running so the author sees the page; a real build stops.
            self._finish()
            for line in text.split("\n"):
                log.error(line)
            return
        raise PluginError(text)

    def _finish(self) -> None:
        if self.recorder is not None:
            self.recorder.stop()
            self.recorder = None
        if self.epoch_set_here:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self.epoch_set_here = False

    def _shown(self, src_uri: str) -> str:
        return posixpath.join(self.display_root, src_uri) if self.display_root else src_uri


_DIRTY_WARNING = "A 'dirty' build is being performed"


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size)
