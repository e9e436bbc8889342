"""Pages bantin generates from the news index (archives, topics, officials, lists).

Their templates draw everything from the index, and their Markdown is empty. MkDocs would
still build a Markdown converter with every extension for each of them, about a quarter of
a millisecond, on thousands of list pages; for empty Markdown the result is known.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class GeneratedPage(Page):
    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():
            # Not the empty page this class is for (a plugin added text): convert it.
            super().render(config, files)
            return
        # What Page.render yields for empty Markdown, without building a converter.
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
