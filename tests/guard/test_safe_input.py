"""Unsafe input fails the build with one line per problem; nothing leaves site/."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bantin.guard import raw_html
from bantin.guard.content_files import scan_content
from bantin.guard.outputs import escaping_outputs
from guard.conftest import guarded_config
from sitekit import BIN, SiteFactory, item, run_build, write_files

ITEM = "content/tin-tuc/2018/so-ket.md"
GOOD = {ITEM: item("Sơ kết 6 tháng", "03/08/2018 09:12", "Mở đầu.")}


def check_lines(root: Path) -> list[str]:
    """The problem lines of ``bantin check`` run in the project at ``root``."""
    result = subprocess.run(
        [str(BIN / "bantin"), "check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("content/")]


def test_unpublishable_files_and_symlinks_fail_before_the_old_output_is_touched(
    guarded_site: SiteFactory, tmp_path: Path
) -> None:
    files: dict[str, str | bytes] = {
        **GOOD,
        "content/tin-tuc/2018/~$bao-cao.docx": b"lock",
        "content/tin-tuc/2018/Thumbs.db": b"thumbs",
        "content/.DS_Store": b"mac",
        "content/tin-tuc/2018/anh-goc.psd": b"psd",
        "content/tin-tuc/2018/bien-ban.docx": b"docx",
        "content/van-ban/2018/quyet-dinh.docx": b"docx",  # the register may publish these
        "content/tin-tuc/2018/hieu-ung.js": "alert(1)",
        "content/tin-tuc/2018/ve.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
        "site/dang-chay.html": "the live output of the last good build",
    }
    outside = tmp_path / "ngoai.md"
    outside.write_text("secret", encoding="utf-8")
    (tmp_path / "content" / "tin-tuc").mkdir(parents=True)
    (tmp_path / "content" / "tin-tuc" / "lien-ket.md").symlink_to(outside)
    (tmp_path / "content" / "thu-muc-lien-ket").symlink_to(tmp_path)

    build = guarded_site(files, "-q")

    assert build.returncode == 1
    problems = [line for line in build.output.splitlines() if line.startswith("content/")]
    assert problems == [
        "content/.DS_Store: file: is a file the operating system leaves behind; delete it",
        "content/thu-muc-lien-ket: file: is a symbolic link; copy the files into content/ "
        "instead (a link could publish files from outside the repository)",
        "content/tin-tuc/2018/Thumbs.db: file: is a file the operating system leaves behind; "
        "delete it",
        "content/tin-tuc/2018/anh-goc.psd: file: .psd is not a publishable kind of file; "
        "allowed are Markdown, images (.jpg .png .webp .gif .avif .svg), .pdf and media; "
        "delete it or convert it",
        "content/tin-tuc/2018/bien-ban.docx: file: .docx documents are published only from the "
        "document register; move it under content/van-ban/ or attach a PDF instead",
        "content/tin-tuc/2018/hieu-ung.js: file: .js files cannot be part of a news item (they "
        "would run on readers' browsers); site styles and scripts belong in theme/",
        "content/tin-tuc/2018/ve.svg: file: SVG contains scripts, event handlers or embedded "
        "HTML; export it again as a plain drawing or convert it to PNG",
        "content/tin-tuc/2018/~$bao-cao.docx: file: is an editor's temporary or lock file; "
        "close the document and delete this file",
        "content/tin-tuc/lien-ket.md: file: is a symbolic link; copy the file into content/ "
        "instead (a link could publish files from outside the repository)",
    ]
    assert "content/ holds files that cannot be published; 9 problems" in build.output
    assert "Traceback" not in build.output
    # The checks run before MkDocs empties site/.
    assert (build.site / "dang-chay.html").is_file()
    # bantin check, run before a commit, reports them too (with what it reads of the items).
    assert set(problems) <= set(check_lines(build.root))


def test_git_placeholder_files_are_allowed(tmp_path: Path) -> None:
    (tmp_path / "tin-tuc").mkdir()
    (tmp_path / "tin-tuc" / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "tin-tuc" / "anh.jpg").write_bytes(b"\xff\xd8")
    assert scan_content(tmp_path) == []


UNSAFE_BODY = """Mở đầu.

<script>alert("x")</script>

<img src="../../../../assets/images/favicon.png" onerror="alert(1)">

[Bấm vào đây](javascript:alert(1))

<a href="data:text/html;base64,PHNjcmlwdD4=">tài liệu</a>

<iframe src="https://example.com/"></iframe>

<svg onload="alert(1)"><circle r="4"/></svg>
"""


def test_unsafe_raw_html_fails_with_a_line_for_each_construct(guarded_site: SiteFactory) -> None:
    build = guarded_site({ITEM: item("Sơ kết", "03/08/2018", UNSAFE_BODY)})

    assert build.returncode == 1
    problems = [line for line in build.output.splitlines() if line.startswith("content/")]
    assert problems == [
        f"{ITEM}:9: html: <script> is not allowed: scripts written in content never run on the "
        "portal; remove it",
        f"{ITEM}:11: html: <img onerror=…> is an event handler, which is never allowed in news "
        "text; remove the attribute",
        f'{ITEM}:13: html: <a href="javascript:…"> is not allowed: links can only lead to web '
        "pages (https://…), e-mail or phone numbers",
        f'{ITEM}:15: html: <a href="data:…"> is not allowed: save the file next to the item and '
        "link to it by name",
        f"{ITEM}:17: html: <iframe> is not allowed: embedded frames are not allowed; link to the "
        "page instead",
        f"{ITEM}:19: html: <svg onload=…> is an event handler, which is never allowed in news "
        "text; remove the attribute",
        f"{ITEM}:19: html: <svg> is not allowed: inline SVG can carry scripts; save the drawing as "
        "a .png next to the item",
    ]
    # bantin check finds them before any build (it also judges the <img>'s address).
    assert [line for line in check_lines(build.root) if ": html: " in line] == problems


@pytest.mark.parametrize(
    ("written", "kept", "removed"),
    [
        ('<p>a<script>alert("x")</script>b</p>', "<p>ab</p>", "alert"),
        ('<img src="anh.jpg" onerror="alert(1)">', '<img src="anh.jpg">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>", "javascript"),
        ('<a href=" JaVa\tScRiPt:alert(1)">x</a>', "<a>x</a>", "alert"),
        ('<a href="data:text/html,hi">x</a>', "<a>x</a>", "data:"),
        ('<img src="data:image/svg+xml,&lt;svg&gt;">', "<img>", "data:"),
        ('<iframe src="https://example.com/"></iframe>', "", "iframe"),
        ('<svg onload="alert(1)"><circle r="4"/></svg>', "", "onload"),
        ('<p style="position:fixed">x</p>', "<p>x</p>", "position"),
        (
            '<a href="https://vinhlong.gov.vn/" title="t">x</a>',
            'href="https://vinhlong.gov.vn/"',
            "",
        ),
        (
            '<table><tr><th style="text-align: left;">x</th></tr></table>',
            'style="text-align:left"',
            "",
        ),
        ('<h2 id="ket-qua">Kết quả</h2>', '<h2 id="ket-qua">Kết quả</h2>', ""),
    ],
)
def test_sanitiser_keeps_the_allowlist_and_strips_the_rest(
    written: str, kept: str, removed: str
) -> None:
    cleaned = raw_html.sanitise(written)
    assert kept in cleaned
    if removed:
        assert removed not in cleaned.lower()


@pytest.mark.parametrize(
    "dest_uri",
    ["../ngoai/index.html", "tin-tuc/../../ngoai.html", "/etc/passwd", "tin-tuc\\..\\..\\x"],
)
def test_an_output_path_leaving_the_site_folder_is_a_problem(tmp_path: Path, dest_uri: str) -> None:
    problems = escaping_outputs(tmp_path / "site", [("content/tin-tuc/x.md", dest_uri)])
    assert [p.format() for p in problems] == [
        f'content/tin-tuc/x.md: url: would be written to "{dest_uri}", outside the site folder; '
        'slugs and paths may not contain ".." or start with "/"'
    ]


def test_an_output_under_a_link_in_the_site_folder_that_leads_outside_is_a_problem(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (site / "tin-tuc").symlink_to(tmp_path / "elsewhere")

    problems = escaping_outputs(site, [("a", "tin-tuc/x/index.html"), ("b", "index.html")])

    assert [p.path for p in problems] == ["a"]


def test_normal_output_paths_pass(tmp_path: Path) -> None:
    outputs = [("a", "tin-tuc/2018/08/so-ket/index.html"), ("b", "index.html")]
    assert escaping_outputs(tmp_path / "site", outputs) == []


HOOK = """
def on_files(files, config):
    for file in files:
        if file.src_uri.endswith("so-ket.md"):
            file.dest_uri = "../ngoai-site/index.html"
    return files
"""


def test_a_plugin_writing_outside_site_fails_before_anything_is_written(
    guarded_site: SiteFactory, tmp_path: Path
) -> None:
    build = guarded_site({**GOOD, "hooks/escape.py": HOOK}, hooks="hooks/escape.py")

    assert build.returncode == 1
    assert (
        f'{ITEM}: url: would be written to "../ngoai-site/index.html", outside the site folder'
        in build.output
    )
    assert not (tmp_path / "ngoai-site").exists()


def test_image_html_and_link_problems_of_one_item_come_in_one_run(tmp_path: Path) -> None:
    body = (
        "Mở đầu.\n\n"
        "![Thiếu](khong-co.jpg)\n\n"
        "![Hỏng](hong.jpg)\n\n"
        '<iframe src="https://example.com/"></iframe>\n\n'
        "Xem [bài cũ](khong-co.md).\n"
    )
    config = guarded_config().replace("  - bantin-guard\n", "  - bantin-images\n  - bantin-guard\n")
    write_files(
        tmp_path,
        {
            "mkdocs.yml": config,
            ITEM: item("Sơ kết", "03/08/2018", body),
            "content/tin-tuc/2018/hong.jpg": "<html>a web page saved as .jpg</html>",
        },
    )

    build = run_build(tmp_path, "-q")

    assert build.returncode == 1
    problems = [line for line in build.output.splitlines() if line.startswith("content/")]
    # One line per mistake: MkDocs' own warning and the link check do not repeat the images'.
    assert problems == [
        f'{ITEM}:9: image: "khong-co.jpg" does not exist next to the item; check the file name '
        "(letter case matters)",
        f'{ITEM}:11: image: "hong.jpg" is a web page (HTML) saved with an image name, not a '
        "photo; open it in a browser and save the picture itself",
        f"{ITEM}:13: html: <iframe> is not allowed: embedded frames are not allowed; link to the "
        "page instead",
        f'{ITEM}:15: link: "khong-co.md" leads to tin-tuc/2018/08/so-ket/khong-co.md, which the '
        "build does not produce; fix the address or remove the link",
    ]
    assert "the build is not clean; 4 problems (nothing was published)" in build.output
    assert [line for line in check_lines(tmp_path) if ": link: " not in line] == problems[:3]
