"""MkDocs adapter that renders the pages in several processes: ``bantin-parallel``.

Put it in ``plugins:`` (anywhere; its hooks run first or last as needed). With
``workers: 0`` (the default) it uses every core the build may run on, at most four;
``workers: 1`` or ``BANTIN_WORKERS=1`` builds in one process. ``mkdocs serve`` and
``--dirty`` builds always use one process: they rebuild a few pages at a time.

The build forks once the navigation is known (``on_nav``). Every process reads, renders
and writes its own pages; the helpers then send what bantin's plugins collected to the
first process (``worker_state`` / ``merge_worker_state``), which waits for them in
``on_post_build`` before any other plugin finishes the build. The site is byte for byte
the one a single process writes (tested).
"""

from __future__ import annotations

import logging
import os
import signal
import traceback
from typing import Any, Literal, Protocol, runtime_checkable

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from bantin.core import halves
from bantin.parallel.partition import Partition, PartitionedFiles
from bantin.parallel.workers import Pool, Report, WorkerError

log = logging.getLogger("mkdocs.plugins.bantin.parallel")

MAX_AUTO_WORKERS = 4
"""More processes than this mostly add memory: the build's serial parts stay."""


@runtime_checkable
class SharesWork(Protocol):
    """A plugin that collects something while pages are rendered, for after the build."""

    def enter_worker(self) -> None:
        """Called in a helper right after the fork."""

    def worker_state(self) -> Any:
        """In a helper, once its pages are written: what it collected (picklable)."""

    def merge_worker_state(self, state: Any) -> None:
        """In the first process: take in a helper's ``worker_state()``."""


class ParallelConfig(base.Config):
    workers = c.Type(int, default=0)
    """Processes that render pages; 0: one per available core, at most four."""


class ParallelPlugin(BasePlugin[ParallelConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.workers = 1
        self.partition = Partition()
        self.pool = Pool()
        self.plugins: dict[str, SharesWork] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.partition = Partition()
        self.pool = Pool()
        self.workers = 1 if self.command == "serve" or self.dirty else self._wanted_workers()
        self.plugins = {
            name: plugin
            for name, plugin in config.plugins.items()
            if isinstance(plugin, SharesWork)
        }
        if self.workers > 1 and "bantin-guard" not in config.plugins:
            # A helper's warnings reach the first process only through the guard's record;
            # without it, strict mode would miss them.
            log.info("bantin-parallel: one process, because bantin-guard is not configured")
            self.workers = 1
        return config

    @event_priority(-1000)  # last: every plugin has added its files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.workers < 2 or not halves.fork_is_safe():
            self.workers = 1
            return files
        return PartitionedFiles(files, self.partition)

    @event_priority(-1000)  # last: the guard has checked every output path
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.workers < 2 or not isinstance(files, PartitionedFiles):
            return nav
        if not halves.fork_is_safe():  # a plugin started a thread after on_files
            self.partition.active = False
            return nav
        shared = [*files.documentation_pages(), *files.static_pages(), *files.media_files()]
        self.partition.split(shared, self.workers, (page.file.src_uri for page in nav.pages))
        worker = self.pool.fork(self.workers)
        # MkDocs says so when a template renders empty, as 404.html and sitemap.xml do on
        # purpose in every process but the one that writes them.
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_skipped_templates)
        self.partition.worker = worker
        self.partition.active = self.partition.reading = True
        if worker:
            # Ctrl-C reaches every process; a helper leaves without the parent's clean-up.
            signal.signal(signal.SIGINT, lambda *_: os._exit(130))
            for plugin in self.plugins.values():
                plugin.enter_worker()
        return nav

    @event_priority(1000)  # first: every plugin's on_env sees the pages as MkDocs will write them
    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        self.partition.reading = False
        return env

    @event_priority(1000)
    def on_pre_template(
        self, template: jinja2.Template, /, *, template_name: str, config: MkDocsConfig
    ) -> jinja2.Template:
        if not self.partition.active:
            return template
        # sitemap.xml and 404.html list or link every page; the last helper writes them,
        # as the first process has the end of the build to do alone.
        self.partition.active = False
        writer = self.pool.worker == self.workers - 1
        return template if writer else jinja2.Template("")

    @event_priority(-1000)
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if self.partition.owners:
            self.partition.active = True
        return output_content

    @event_priority(1000)  # first: the other plugins finish the build with every share
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.partition.owners:
            return
        logging.getLogger("mkdocs.commands.build").removeFilter(_quiet_skipped_templates)
        self.partition.active = False
        if self.pool.in_helper:
            states = {name: plugin.worker_state() for name, plugin in self.plugins.items()}
            self.pool.finish_helper(Report(self.pool.worker, states))
        try:
            reports = self.pool.collect()
        except WorkerError as error:
            raise PluginError(str(error)) from None
        for report in reports:
            for name, state in report.states.items():
                self.plugins[name].merge_worker_state(state)

    @event_priority(1000)
    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(_quiet_skipped_templates)
        if self.pool.in_helper:
            self.pool.finish_helper(Report(self.pool.worker, error=_message(error)))
        self.pool.stop()

    def on_shutdown(self) -> None:
        self.pool.stop()

    def _wanted_workers(self) -> int:
        setting = os.environ.get("BANTIN_WORKERS", "").strip()
        if setting:
            try:
                wanted = int(setting)
            except ValueError:
                raise PluginError(
                    f'BANTIN_WORKERS: "{setting}" is not a number; use 1 for one process, '
                    "0 for one per core"
                ) from None
        else:
            wanted = self.config.workers
        if wanted < 0:
            raise PluginError("bantin-parallel: workers: use 0 (one per core) or a number above 0")
        if wanted == 0:
            wanted = min(halves.available_cores(), MAX_AUTO_WORKERS)
        return wanted


def _quiet_skipped_templates(record: logging.LogRecord) -> bool:
    skipped = record.getMessage().startswith("Template skipped")
    return not (record.levelno == logging.INFO and skipped)


def _message(error: Exception) -> str:
    if isinstance(error, BuildError):
        return str(error)
    # Not an author's mistake but a bug: the details help whoever fixes it.
    return "".join(traceback.format_exception(error)).rstrip()
