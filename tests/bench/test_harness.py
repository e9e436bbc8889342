"""The pieces of scripts/bench that need no build: project layout, runner, goal checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from bantin.bench import child, measure, project, suite

REPOSITORY_CONFIG = """\
site_name: Test
docs_dir: content
theme:
  name: material
  custom_dir: theme
plugins:
  - search
  - bantin-news:
      office_name: Văn phòng
markdown_extensions:
  - toc:
      slugify: !!python/name:bantin.core.vntext.heading_slug
"""


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "content" / "tin-tuc" / "2018").mkdir(parents=True)
    (root / "content" / "tin-tuc" / "2018" / "sample.md").write_text("---\n---\n")
    (root / "content" / "lien-he.md").write_text("# Liên hệ\n", encoding="utf-8")
    (root / "theme").mkdir()
    (root / "mkdocs.yml").write_text(REPOSITORY_CONFIG, encoding="utf-8")
    return root


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_project_inherits_the_repository_config_with_absolute_paths(
    repository: Path, tmp_path: Path
) -> None:
    bench = project.create(tmp_path / "n5", repository, 5)
    config = _json(bench.bantin_config)
    assert config["INHERIT"] == str(repository / "mkdocs.yml")
    assert config["docs_dir"] == str(bench.content)
    assert config["theme"] == {"custom_dir": str(repository / "theme")}
    assert config["plugins"] == [{"bantin-news": {"office_name": "Văn phòng"}}]
    assert "plugins" not in _json(bench.full_config)
    assert bench.plugins_full == ("search", "bantin-news")


def test_project_copies_own_pages_but_not_the_sample_news(repository: Path, tmp_path: Path) -> None:
    bench = project.create(tmp_path / "n5", repository, 5)
    assert (bench.content / "lien-he.md").is_file()
    assert not (bench.content / "tin-tuc" / "2018" / "sample.md").exists()
    assert len(list((bench.content / "tin-tuc").rglob("*.md"))) == 5


def test_bare_side_sees_the_same_items_out_of_the_nav(repository: Path, tmp_path: Path) -> None:
    bench = project.create(tmp_path / "n5", repository, 5)
    bare = _json(bench.bare_config)
    docs = Path(bare["docs_dir"])
    assert (docs / "tin-tuc").resolve() == (bench.content / "tin-tuc").resolve()
    assert (docs / "index.md").is_file()
    assert bare["nav"] == ["index.md"]
    assert bare["not_in_nav"] == "/tin-tuc/\n"
    assert bare["plugins"] == []


def test_variant_config_keeps_everything_but_the_plugin_list(
    repository: Path, tmp_path: Path
) -> None:
    bench = project.create(tmp_path / "n5", repository, 5)
    config = _json(project.variant(bench, "without-x", ["bantin-news"]))
    assert config["plugins"] == ["bantin-news"]
    assert config["docs_dir"] == str(bench.content)
    assert config["site_dir"] == str(bench.site("variant"))


def test_plugin_costs_are_shown_against_bantins_cpu_time() -> None:
    result = _result(1000, 5.0, 6.0)
    result["bantin"]["median_cpu_s"] = 20.0
    result["ablation"] = {
        "without bantin-guard": {"cpu_s": 15.0, "wall_s": 16.0, "peak_rss_mb": 90}
    }
    table = suite.format_table([result])
    assert "without bantin-guard: 15.0 CPU s (saves 25 % of bantin's 20.0)" in table


def test_search_index_of_bantin_discovery_is_turned_off_not_the_plugin() -> None:
    entries = ["bantin-news", "bantin-discovery", {"search": {"lang": "vi"}}]
    entries.append({"bantin-images": {"workers": 2}})
    assert project.without_search(entries) == [
        "bantin-news",
        {"bantin-discovery": {"search": False}},
        {"bantin-images": {"workers": 2}},
    ]
    assert project.without_search([{"bantin-discovery": {"feed_size": 9}}]) == [
        {"bantin-discovery": {"feed_size": 9, "search": False}}
    ]


def test_search_option_keeps_search_on_both_sides(repository: Path, tmp_path: Path) -> None:
    bench = project.create(tmp_path / "n5", repository, 5, search=True)
    assert "plugins" not in _json(bench.bantin_config)
    assert _json(bench.bare_config)["plugins"] == ["search"]


def test_child_reports_time_and_memory_of_a_real_process(tmp_path: Path) -> None:
    result = tmp_path / "result.json"
    hold = "import time; x = b'x' * 30_000_000; time.sleep(0.5)"
    code = child.main([str(result), "--", sys.executable, "-c", hold])
    figures = _json(result)
    assert code == 0
    assert figures["returncode"] == 0
    assert figures["memory_samples"] > 0
    assert figures["peak_rss_mb"] > 30
    assert figures["largest_process_mb"] > 30
    assert figures["wall_s"] > 0.5


def test_child_counts_the_memory_of_forked_helpers_too(tmp_path: Path) -> None:
    """Two processes holding 40 MB each of their own: the build's memory is both."""
    result = tmp_path / "result.json"
    fork = (
        "import os, time\n"
        "pid = os.fork()\n"
        "x = bytes([pid % 251]) * 40_000_000\n"
        "time.sleep(0.8)\n"
        "os._exit(0) if pid == 0 else os.waitpid(pid, 0)\n"
    )
    code = child.main([str(result), "--", sys.executable, "-c", fork])
    figures = _json(result)
    assert code == 0
    # getrusage's figure (the largest process) is not checked: inside pytest it is the
    # largest child pytest ever had.
    assert figures["peak_rss_mb"] > 80


def test_failed_command_raises_with_its_output(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    command = [sys.executable, "-c", "import sys; print('bad item'); sys.exit(1)"]
    with pytest.raises(measure.CommandFailedError, match="bad item"):
        measure.run_once(command, cwd=tmp_path, log=log)


def _result(items: int, bare: float, bantin: float, **extra: Any) -> dict[str, Any]:
    result: dict[str, Any] = {
        "items": items,
        "bare": {"median_s": bare, "peak_rss_mb": 500.0, "output_bytes": 10**8},
        "bantin": {"median_s": bantin, "peak_rss_mb": 550.0, "output_bytes": 2 * 10**8},
        "ratio": bantin / bare,
        "memory_ratio": 1.1,
        "ms_per_item": {"bare": 1000 * bare / items, "bantin": 1000 * bantin / items},
    }
    result.update(extra)
    return result


def test_goals_are_checked_at_the_largest_size() -> None:
    results = [
        _result(1000, 5.0, 6.0, check={"available": True, "median_s": 0.4}),
        _result(10_000, 50.0, 70.0, check={"available": True, "median_s": 4.0}),
    ]
    goals = {goal["goal"]: goal["ok"] for goal in suite.evaluate(results)}
    assert goals["build time ≤ 1.25 × bare"] is False  # 1.4 at 10,000
    assert goals["linear (time per item grows ≤ 10 %)"] is False  # 11.7 × for 10 × items
    assert goals["peak memory ≤ 1.2 × bare"] is True
    assert goals["bantin check ≤ 5 s"] is True
    assert goals["edit loop ≤ 5 s"] is None


def test_edit_loop_that_never_shows_the_change_misses_the_goal() -> None:
    edit = {"seconds": {"item": 1.0}, "worst_s": None, "missing": ["topic"]}
    goals = suite.evaluate([_result(1000, 5.0, 5.5, edit_loop=edit)])
    text = next(goal["text"] for goal in goals if goal["goal"] == "edit loop ≤ 5 s")
    assert text.startswith("[MISS]") and "topic" in text


def test_table_has_one_row_per_size() -> None:
    table = suite.format_table([_result(1000, 5.0, 6.0), _result(5000, 25.0, 30.0)])
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert len(rows) == 3  # header and two sizes
    assert "| 5,000 | 25.0 | 30.0 | 1.20 |" in table


def test_sizes_argument_accepts_thousands_separators() -> None:
    assert suite._sizes("1_000,5000") == (1000, 5000)
    with pytest.raises(Exception, match="write sizes"):
        suite._sizes("many")
