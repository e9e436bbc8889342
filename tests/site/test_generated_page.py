"""Generated list pages skip Markdown conversion with the result MkDocs would give."""

from __future__ import annotations

from pathlib import Path

from bantin.mkdocs.generated_page import GeneratedPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page


def _config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    (tmp_path / "docs").mkdir()
    config.load_dict(
        {
            "site_name": "Thử",
            "docs_dir": str(tmp_path / "docs"),
            "site_dir": str(tmp_path / "site"),
            "markdown_extensions": ["toc", "attr_list", "footnotes"],
        }
    )
    errors, _ = config.validate()
    assert errors == []
    config.plugins._current_plugin = "bantin-news"  # set by MkDocs while a plugin runs
    return config


def _rendered(page: Page, config: MkDocsConfig, files: Files) -> tuple[object, ...]:
    page.read_source(config)
    page.render(config, files)
    return (
        page.content,
        [str(entry) for entry in page.toc],
        page.title,
        page.present_anchor_ids,
        page.links_to_anchors,
    )


def test_an_empty_generated_page_renders_as_mkdocs_renders_it(tmp_path: Path) -> None:
    config = _config(tmp_path)
    plain = File.generated(config, "chu-de/a.md", content="")
    quick = File.generated(config, "chu-de/a.md", content="")
    expected = _rendered(Page(None, plain, config), config, Files([plain]))
    assert _rendered(GeneratedPage(None, quick, config), config, Files([quick])) == expected


def test_a_generated_page_with_text_is_still_converted(tmp_path: Path) -> None:
    config = _config(tmp_path)
    file = File.generated(config, "chu-de/c.md", content="# Tiêu đề\n\nMột đoạn.\n")
    page = GeneratedPage(None, file, config)
    content, toc, title, anchors, _ = _rendered(page, config, Files([file]))
    assert content == '<h1 id="tieu-e">Tiêu đề</h1>\n<p>Một đoạn.</p>'
    assert title == "Tiêu đề"
    assert anchors == {"tieu-e"}
    assert toc
