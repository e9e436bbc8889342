"""A benchmark project on disk: the corpus plus two MkDocs configurations over the same items.

Layout of one project (one per corpus size)::

    content/        the repository's own non-news pages + the generated items
    bare-content/   index.md + a symlink to content/tin-tuc (MkDocs follows it)
    mkdocs.yml      the repository's mkdocs.yml (INHERIT), docs_dir and theme made absolute,
                    search plugins dropped so both sides render the same work
    full.yml        the same without dropping anything: what `mkdocs serve` users get
    bare.yml        MkDocs + Material only, items not in nav, no plugins

The repository's configuration is inherited rather than copied, so YAML tags such as
``!!python/name:`` keep working; only keys that hold paths are overridden.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bantin.bench import corpus

# Plugins that only build a search index. Off on both sides by default so the comparison is
# rendering against rendering; `--search` keeps them (and turns Material's on for bare).
SEARCH_PLUGINS = frozenset({"search", "material/search"})
SEARCH_OPTIONS = {"bantin-discovery": "search"}
"""Plugins that do more than search, and their option that turns the search index off."""


@dataclass(frozen=True)
class Project:
    root: Path
    repository: Path
    items: int
    newest: corpus.GeneratedItem
    timed_plugins: tuple[Any, ...] = ()
    """The plugin entries of the timed bantin configuration, as written."""
    plugins_bantin: tuple[str, ...] = ()
    plugins_full: tuple[str, ...] = ()
    plugins_bare: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def bantin_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def full_config(self) -> Path:
        return self.root / "full.yml"

    @property
    def bare_config(self) -> Path:
        return self.root / "bare.yml"

    def site(self, side: str) -> Path:
        return self.root / f"site-{side}"


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plugin list only; Python-object tags become None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TagTolerantLoader.add_multi_constructor("!", _ignore_tag)


def plugin_entries(config_path: Path) -> list[Any]:
    """The ``plugins:`` list of a MkDocs configuration, as written (names or one-key maps)."""
    data = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)  # noqa: S506 - SafeLoader subclass
    plugins = data.get("plugins", ["search"]) if isinstance(data, dict) else ["search"]
    if isinstance(plugins, dict):
        return [{name: options} for name, options in plugins.items()]
    return list(plugins or [])


def plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def without_search(entries: list[Any]) -> list[Any]:
    """The plugin list with search plugins dropped and search options turned off."""
    kept: list[Any] = []
    for entry in entries:
        name = plugin_name(entry)
        if name in SEARCH_PLUGINS:
            continue
        option = SEARCH_OPTIONS.get(name)
        if option is None:
            kept.append(entry)
            continue
        options = dict(entry[name] or {}) if isinstance(entry, dict) else {}
        kept.append({name: {**options, option: False}})
    return kept


def create(
    root: Path,
    repository: Path,
    count: int,
    *,
    seed: int = corpus.DEFAULT_SEED,
    images: bool = False,
    search: bool = False,
    photo_writer: corpus.PhotoWriter | None = None,
) -> Project:
    """Write the corpus and the three configurations under ``root`` (emptied first)."""
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    content.mkdir(parents=True)
    _copy_own_pages(repository / "content", content)
    summary = corpus.write(content, count, seed=seed, images=images, photo_writer=photo_writer)
    assert summary.newest is not None

    bare_content = root / "bare-content"
    bare_content.mkdir()
    (bare_content / "tin-tuc").symlink_to(content / "tin-tuc", target_is_directory=True)
    (bare_content / "index.md").write_text(
        "# Trang chủ\n\nBản tin thử nghiệm hiệu năng.\n", encoding="utf-8"
    )

    parent = repository / "mkdocs.yml"
    entries = plugin_entries(parent)
    timed = entries if search else without_search(entries)
    common = {
        "INHERIT": str(parent),
        "docs_dir": str(content),
        "theme": {"custom_dir": str(repository / "theme")},
    }
    _write_yaml(root / "full.yml", {**common, "site_dir": str(root / "site-full")})
    bantin = {**common, "site_dir": str(root / "site-bantin")}
    if timed != entries:
        bantin["plugins"] = timed
    _write_yaml(root / "mkdocs.yml", bantin)

    bare_plugins = ["search"] if search else []
    _write_yaml(
        root / "bare.yml",
        {
            "site_name": "bantin benchmark (bare MkDocs + Material)",
            "docs_dir": str(bare_content),
            "site_dir": str(root / "site-bare"),
            "theme": {"name": "material", "language": "vi"},
            "plugins": bare_plugins,
            "nav": ["index.md"],
            # Items out of the nav, as in bantin: a nav of thousands is quadratic.
            "not_in_nav": "/tin-tuc/\n",
        },
    )
    return Project(
        root=root,
        repository=repository,
        items=count,
        newest=summary.newest,
        timed_plugins=tuple(timed),
        plugins_bantin=tuple(plugin_name(e) for e in timed),
        plugins_full=tuple(plugin_name(e) for e in entries),
        plugins_bare=tuple(bare_plugins),
    )


def variant(bench: Project, name: str, plugins: list[Any]) -> Path:
    """A configuration like the timed one with another plugin list (to cost each plugin)."""
    path = bench.root / f"variant-{name}.yml"
    _write_yaml(
        path,
        {
            "INHERIT": str(bench.repository / "mkdocs.yml"),
            "docs_dir": str(bench.content),
            "theme": {"custom_dir": str(bench.repository / "theme")},
            "site_dir": str(bench.site("variant")),
            "plugins": plugins,
        },
    )
    return path


def _copy_own_pages(source: Path, target: Path) -> None:
    """The repository's pages other than news (contact, documents…): part of a real site."""
    if not source.is_dir():
        return
    for path in sorted(source.iterdir()):
        if path.name == "tin-tuc":
            continue
        if path.is_dir():
            shutil.copytree(path, target / path.name)
        else:
            shutil.copy2(path, target / path.name)


def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    # JSON is YAML; it keeps Vietnamese text and needs no dumper configuration.
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
