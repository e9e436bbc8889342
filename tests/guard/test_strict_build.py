"""The guard makes every warning, broken link, broken anchor and duplicate id fail the build."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from sitekit import SiteFactory, item, run_build

ITEM = "content/tin-tuc/2018/so-ket.md"
GOOD = {
    ITEM: item("Sơ kết 6 tháng", "03/08/2018 09:12", "Mở đầu.\n\n## Kết quả\n\nNội dung."),
    "content/tin-tuc/2018/giao-ban.md": item("Giao ban tháng 8", "2018-08-20 14:00"),
}
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_a_clean_site_builds_with_a_manifest_and_a_policy_in_every_page(
    guarded_site: SiteFactory,
) -> None:
    build = guarded_site(GOOD, "-q")

    assert build.returncode == 0, build.output
    assert (build.site / ".bantin-build.json").is_file()
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = META.search(html)
        assert policy, page
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        assert "script-src 'self' 'sha256-" in policy.group(1)


def test_a_warning_fails_the_build_even_when_quiet_and_not_strict(
    guarded_site: SiteFactory,
) -> None:
    files = {
        **GOOD,
        "content/gioi-thieu/index.md": "# Giới thiệu\n",
        "content/gioi-thieu/README.md": "# Bản cũ\n",  # MkDocs warns and leaves it out
    }

    build = guarded_site(files, "-q")

    assert build.returncode == 1
    assert (
        "mkdocs build: warning from mkdocs.structure.files: Excluding 'gioi-thieu/README.md' "
        "from the site because it conflicts with 'gioi-thieu/index.md'." in build.output
    )
    assert "nothing was published" in build.output
    assert not (build.site / ".bantin-build.json").exists()


def test_broken_links_anchors_and_duplicate_ids_are_reported_together(
    guarded_site: SiteFactory,
) -> None:
    body = (
        "Mở đầu.\n\n"
        "Xem [chủ đề](../../../../chu-de/khong-co/).\n\n"
        "Xem [mục](#khong-co-muc).\n\n"
        '<p id="trung">Một</p>\n\n'
        '<p id="trung">Hai</p>\n'
    )
    files = {**GOOD, ITEM: item("Sơ kết", "03/08/2018", body)}

    build = guarded_site(files)

    assert build.returncode == 1
    lines = [line for line in build.output.splitlines() if line.startswith("content/")]
    assert lines == [
        f'{ITEM}:9: link: "../../../../chu-de/khong-co/" leads to chu-de/khong-co/index.html, '
        "which the build does not produce; fix the address or remove the link",
        f'{ITEM}:11: anchor: "#khong-co-muc": tin-tuc/2018/08/so-ket/index.html has no element '
        'with id "khong-co-muc"; use an existing heading id',
        f'{ITEM}:13: id: id "trung" is used 2 times in this page; ids must be unique (rename a '
        "heading or an {#id} attribute)",
    ]
    assert "no such anchor on this page" in build.output  # MkDocs' own check, now fatal


def test_the_build_takes_its_date_from_the_last_commit_and_leaves_the_tree_clean(
    guarded_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(tmp_path), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    git("init", "-q")
    (tmp_path / ".gitignore").write_text("site/\n", encoding="utf-8")
    guarded_site(GOOD)  # writes the files; this first build is not looked at
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "tin")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    build = run_build(tmp_path, "-q")

    assert build.returncode == 0, build.output
    manifest = (build.site / ".bantin-build.json").read_text(encoding="utf-8")
    assert f'"source_date_epoch": {git("log", "-1", "--format=%ct")}' in manifest
    assert f'"commit": "{git("rev-parse", "HEAD")}"' in manifest
    assert git("status", "--porcelain") == ""


BANTIN_WARNING = """
import logging

def on_page_markdown(markdown, page, config, files):
    logging.getLogger("bantin.images").warning("anh.jpg is smaller than 640 pixels")
    return markdown
"""


def test_a_warning_from_a_bantin_logger_fails_the_build_too(guarded_site: SiteFactory) -> None:
    build = guarded_site({**GOOD, "hooks/warn.py": BANTIN_WARNING}, "-q", hooks="hooks/warn.py")

    assert build.returncode == 1
    assert (
        "mkdocs build: warning from bantin.images: anh.jpg is smaller than 640 pixels"
        in build.output
    )


def test_a_slug_that_climbs_out_of_the_site_folder_fails_and_writes_nothing_outside(
    guarded_site: SiteFactory, tmp_path: Path
) -> None:
    files = {ITEM: item("Sơ kết", "03/08/2018", slug='"../../../../ngoai"')}

    build = guarded_site(files)

    assert build.returncode == 1
    assert f"{ITEM}:" in build.output and "slug" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "ngoai").exists()
    assert not (tmp_path.parent / "ngoai").exists()
