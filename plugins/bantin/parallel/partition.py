"""Which process renders which page: MkDocs' own loops, each seeing one share of the pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from mkdocs.structure.files import File, Files, InclusionLevel


class Partition:
    """Worker ``worker`` of ``workers`` owns every ``workers``-th page, counted once.

    Ownership is fixed when the build forks, by source path, so a page is rendered by the
    process that read it even if a plugin adds or removes files afterwards; pages added
    after the fork belong to worker 0.
    """

    def __init__(self) -> None:
        self.workers = 1
        self.worker = 0
        self.active = False
        self.reading = False
        """True while MkDocs reads pages (before ``on_env``), False while it writes them."""
        self.owners: dict[str, int] = {}
        self.read_by_all: frozenset[str] = frozenset()

    def split(self, files: Sequence[File], workers: int, read_by_all: Iterable[str]) -> None:
        """Deal ``files`` out in turn. ``read_by_all``: pages every process reads but only
        the owner writes: the navigation's pages, whose titles may come from their text."""
        self.workers = workers
        self.owners = {file.src_uri: number % workers for number, file in enumerate(files)}
        self.read_by_all = frozenset(read_by_all)

    def owns(self, file: File) -> bool:
        return self.owners.get(file.src_uri, 0) == self.worker

    def mine(self, files: Iterable[File]) -> list[File]:
        if self.reading:
            return [f for f in files if self.owns(f) or f.src_uri in self.read_by_all]
        return [file for file in files if self.owns(file)]


class PartitionedFiles(Files):
    """MkDocs' file list, whose pages and static files are one worker's share while the
    partition is active.

    MkDocs reads and renders ``documentation_pages()`` and copies ``copy_static_files()``;
    everything else (links between pages, the navigation, ``get_file_from_path``) still sees
    every file, so links to pages another process renders resolve as usual.
    """

    def __init__(self, files: Iterable[File], partition: Partition) -> None:
        super().__init__(files)
        self.partition = partition

    def documentation_pages(
        self, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> Sequence[File]:
        pages = super().documentation_pages(inclusion=inclusion)
        return self.partition.mine(pages) if self.partition.active else pages

    def copy_static_files(
        self,
        dirty: bool = False,
        *,
        inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included,
    ) -> None:
        for file in self:
            if file.is_documentation_page() or not inclusion(file.inclusion):
                continue
            if not self.partition.active or self.partition.owns(file):
                file.copy_file(dirty)
