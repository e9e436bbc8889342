"""The menus rendered once per shape of page are exactly those Material renders per page."""

from __future__ import annotations

from pathlib import Path

from guard.conftest import guarded_config
from guard.test_parallel_build import differences
from sitekit import item, run_build, write_files

# Replaces the cache by one that renders every time, for the reference build.
NO_CACHE_HOOK = """\
class RenderEveryTime:
    def __call__(self, name, render):
        return render()

    def lookup(self, name):
        return None

    def store(self, name, html):
        return html


def on_env(env, config, files):
    env.globals["bantin_chrome"] = RenderEveryTime()
    return env
"""

FILES = {
    # With and without a table of contents, at several depths, in several months.
    "content/tin-tuc/2019/mot.md": item("Tin một", "2019-03-01 08:00", "## Phần một\n\nA.\n"),
    "content/tin-tuc/2019/hai.md": item("Tin hai", "2019-03-02 08:00", "Không có mục.\n"),
    "content/tin-tuc/2020/ba.md": item("Tin ba", "2020-01-05 08:00", "Chỉ có đoạn.\n"),
    "content/gioi-thieu.md": "# Giới thiệu\n\n## Lịch sử\n\nVăn phòng.\n",
    "content/lien-he/index.md": "# Liên hệ\n\nĐịa chỉ.\n",
    "cache_off.py": NO_CACHE_HOOK,
}


def test_cached_menus_equal_material_rendering_on_every_page(tmp_path: Path) -> None:
    builds = []
    for name, hooks in (("cached", ""), ("plain", "cache_off.py")):
        root = tmp_path / name
        write_files(root, {"mkdocs.yml": guarded_config(hooks), **FILES})
        build = run_build(root, "--strict")
        assert build.returncode == 0, build.output
        builds.append(build)
    cached, plain = builds
    assert len(list(cached.site.rglob("*.html"))) > 8
    item = cached.page("tin-tuc/2019/03/tin-hai")
    assert 'class="md-tabs"' in item
    assert 'class="md-nav md-nav--primary' in item
    assert '<script id="__config"' in item
    assert differences(cached.site, plain.site) == []
