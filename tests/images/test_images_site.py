"""A tiny portal built for real with `mkdocs build`, bantin's theme and the images plugin."""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from bantin.images import linking
from images import image_samples as samples
from PIL import Image
from sitekit import REPO, Build, item, run_build, write_files

CONFIG = """\
site_name: Văn phòng UBND tỉnh thử nghiệm
site_url: https://thu-nghiem.example.gov.vn/
docs_dir: content
theme:
  name: material
  custom_dir: {theme}
  language: vi
  font: false
nav:
  - Trang chủ: index.md
  - Tin tức: tin-tuc/index.md
plugins:
  - bantin-news
  - bantin-images:
      widths: [200, 400]
      card_widths: [150]
{extra}markdown_extensions:
  - attr_list
"""

BODY = """Mở đầu bản tin.

![Đồng chí phát biểu](phat-bieu.png)

*Đồng chí Lý Vinh Quang phát biểu*

Ảnh trong dòng ![nhỏ](phat-bieu.png "Tiêu đề") chữ.
"""


def site_files(extra: str = "") -> dict[str, str | bytes]:
    rotated = samples.rotated_jpeg(6, (600, 400))
    return {
        "mkdocs.yml": CONFIG.format(theme=REPO / "theme", extra=extra),
        "content/tin-tuc/2018/so-ket.md": item(
            "Sơ kết 6 tháng",
            "2018-08-03 09:12",
            BODY,
            slug="so-ket",
            image="quang-canh.jpg",
            image_caption="'Quang cảnh \"hội nghị\" <b>'",
        ),
        "content/tin-tuc/2018/quang-canh.jpg": rotated,
        "content/tin-tuc/2018/phat-bieu.png": samples.png(
            samples.quadrants((500, 300)), pnginfo=_png_text()
        ),
        "content/tin-tuc/2018/khong-dung.jpg": rotated,  # not used by any item
        "content/tin-tuc/2019/giao-ban/index.md": item(
            "Giao ban quý I", "2019-03-01 08:00", "Nội dung.", slug="giao-ban", image="anh.jpg"
        ),
        "content/tin-tuc/2019/giao-ban/anh.jpg": samples.jpeg(
            samples.quadrants((900, 300)), exif=samples.exif().tobytes()
        ),
    }


def _png_text() -> object:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", samples.SECRET_OWNER, zip=True)
    return info


def manifest(root: Path) -> dict[str, object]:
    data = json.loads((root / ".cache/bantin-images/manifest.json").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """First build, unchanged second build, and a build after deleting the cache."""
    root = tmp_path_factory.mktemp("images-site")
    write_files(root, site_files())
    first = run_build(root, "--strict")
    assert first.returncode == 0, first.output
    result: dict[str, object] = {"first": first, "first_manifest": manifest(root)}
    result["first_files"] = snapshot(first.site)
    second = run_build(root, "--strict")
    assert second.returncode == 0, second.output
    result["second_manifest"] = manifest(root)
    result["second_files"] = snapshot(second.site)
    shutil.rmtree(root / ".cache")
    third = run_build(root, "--strict")
    assert third.returncode == 0, third.output
    result["third_manifest"] = manifest(root)
    result["third_files"] = snapshot(third.site)
    return result


def first_build(builds: dict[str, object]) -> Build:
    build = builds["first"]
    assert isinstance(build, Build)
    return build


def test_the_second_build_does_no_image_work(builds: dict[str, object]) -> None:
    assert builds["first_manifest"]["last_build"] == {  # type: ignore[index]
        "images": 3,
        "processed": 3,
        "refused": 0,
        "reused": 0,
    }
    assert builds["second_manifest"]["last_build"] == {  # type: ignore[index]
        "images": 3,
        "processed": 0,
        "refused": 0,
        "reused": 3,
    }
    assert "bantin-images: 3 images, 3 processed, 0 from the cache" in first_build(builds).output


def test_deleting_the_cache_changes_no_output_byte(builds: dict[str, object]) -> None:
    assert builds["third_manifest"]["last_build"]["processed"] == 3  # type: ignore[index]
    assert builds["first_files"] == builds["second_files"] == builds["third_files"]


def test_derivatives_sit_in_the_item_folder_and_originals_are_not_published(
    builds: dict[str, object],
) -> None:
    site = first_build(builds).site
    images = sorted(
        p.relative_to(site).as_posix()
        for p in (site / "tin-tuc").rglob("*")
        if p.suffix in {".jpg", ".png", ".webp"}
    )

    # WebP at every width; JPEG as the fallback src (widest up to 960 px) and, for a lead,
    # as the widest picture for sharing sites (here the same file); cards only for leads.
    assert images == [
        "tin-tuc/2018/08/so-ket/phat-bieu@200w.webp",
        "tin-tuc/2018/08/so-ket/phat-bieu@400w.jpg",
        "tin-tuc/2018/08/so-ket/phat-bieu@400w.webp",
        "tin-tuc/2018/08/so-ket/quang-canh@200w.webp",
        "tin-tuc/2018/08/so-ket/quang-canh@3x2-150w.jpg",
        "tin-tuc/2018/08/so-ket/quang-canh@3x2-150w.webp",
        "tin-tuc/2018/08/so-ket/quang-canh@400w.jpg",
        "tin-tuc/2018/08/so-ket/quang-canh@400w.webp",
        "tin-tuc/2019/03/giao-ban/anh@200w.webp",
        "tin-tuc/2019/03/giao-ban/anh@3x2-150w.jpg",
        "tin-tuc/2019/03/giao-ban/anh@3x2-150w.webp",
        "tin-tuc/2019/03/giao-ban/anh@400w.jpg",
        "tin-tuc/2019/03/giao-ban/anh@400w.webp",
    ]


def test_published_images_are_upright_and_carry_no_metadata(builds: dict[str, object]) -> None:
    site = first_build(builds).site
    lead = Image.open(site / "tin-tuc/2018/08/so-ket/quang-canh@400w.jpg")
    assert lead.size == (400, 267)
    assert max(abs(a - b) for a, b in zip(lead.getpixel((2, 2)), samples.RED, strict=True)) < 40
    for path in (site / "tin-tuc").rglob("*@*"):
        data = path.read_bytes()
        for secret in (samples.SECRET_OWNER, samples.SECRET_SERIAL, "PhoneMaker"):
            assert secret.encode() not in data, path
        with Image.open(path) as image:
            assert dict(image.getexif()) == {}, path
            assert not set(image.info) & {"exif", "icc_profile", "xmp", "comment", "Author"}


def test_the_item_page_has_a_lead_figure_and_responsive_body_figures(
    builds: dict[str, object],
) -> None:
    page = first_build(builds).page("tin-tuc/2018/08/so-ket")

    lead = re.search(r'<figure class="bantin-figure bantin-lead">.*?</figure>', page, re.S)
    assert lead is not None
    assert 'fetchpriority="high"' in lead.group(0)
    assert 'loading="lazy"' not in lead.group(0)
    assert 'alt="Quang cảnh &#34;hội nghị&#34; &lt;b&gt;"' in lead.group(0)
    assert "<figcaption>Quang cảnh &#34;hội nghị&#34; &lt;b&gt;</figcaption>" in lead.group(0)
    assert (
        '<source type="image/webp" srcset="quang-canh@200w.webp 200w, quang-canh@400w.webp 400w"'
        in lead.group(0)
    )
    # Browsers without WebP choose among the JPEGs published anyway: here just one.
    assert (
        '<img src="quang-canh@400w.jpg" srcset="quang-canh@400w.jpg 400w" '
        'sizes="(min-width: 76.25em) 46rem, 100vw" width="400" height="267"'
    ) in lead.group(0)
    assert 'width="400" height="267"' in lead.group(0)

    body = page.split('class="bantin-item__body"', 1)[1]
    assert (
        '<figure class="bantin-figure"><picture><source type="image/webp" '
        'srcset="phat-bieu@200w.webp 200w, phat-bieu@400w.webp 400w"'
    ) in body
    assert 'alt="Đồng chí phát biểu" loading="lazy"' in body
    assert "<figcaption>Đồng chí Lý Vinh Quang phát biểu</figcaption></figure>" in body
    assert "<em>Đồng chí Lý Vinh Quang phát biểu</em>" not in body  # moved into the figure
    assert 'Ảnh trong dòng <picture><source type="image/webp"' in body
    assert 'alt="nhỏ" loading="lazy"' in body
    assert "phat-bieu.png" not in page


def test_the_home_page_shows_cropped_card_thumbnails(builds: dict[str, object]) -> None:
    home = first_build(builds).page("")

    assert (
        '<source type="image/webp" srcset="./tin-tuc/2018/08/so-ket/quang-canh@3x2-150w.webp 150w"'
    ) in home
    assert (
        '<img src="./tin-tuc/2018/08/so-ket/quang-canh@3x2-150w.jpg" '
        'srcset="./tin-tuc/2018/08/so-ket/quang-canh@3x2-150w.jpg 150w"'
    ) in home
    assert 'width="150" height="100"' in home
    assert 'class="bantin-card-image"' in home


def test_og_image_is_an_absolute_url_of_a_published_jpeg(builds: dict[str, object]) -> None:
    build = first_build(builds)
    page = build.page("tin-tuc/2019/03/giao-ban")

    found = re.search(r'<meta property="og:image" content="([^"]+)">', page)
    assert found is not None
    url = found.group(1)
    assert url == "https://thu-nghiem.example.gov.vn/tin-tuc/2019/03/giao-ban/anh@400w.jpg"
    assert (build.site / url.removeprefix("https://thu-nghiem.example.gov.vn/")).is_file()


def test_every_image_url_in_every_page_exists(builds: dict[str, object]) -> None:
    site = first_build(builds).site
    for page in site.rglob("index.html"):
        text = page.read_text("utf-8")
        folder = page.parent.relative_to(site).as_posix()
        for attribute in re.findall(r'(?:src|srcset)="([^"]*@[^"]*)"', text):
            for candidate in html.unescape(attribute).split(","):
                url = candidate.strip().split(" ")[0]
                target = posixpath.normpath(posixpath.join(folder, url))
                assert (site / target).is_file(), (page, url)


def test_bad_images_fail_the_build_with_every_problem_and_publish_nothing(
    tmp_path: Path,
) -> None:
    files = site_files()
    files["content/tin-tuc/2018/quang-canh.jpg"] = b""
    files["content/tin-tuc/2018/phat-bieu.png"] = samples.HTML_PAGE
    write_files(tmp_path, files)

    build = run_build(tmp_path, "--strict")

    assert build.returncode != 0
    assert "Traceback" not in build.output
    where = "content/tin-tuc/2018/so-ket.md"
    assert f'{where}:6: image: "quang-canh.jpg" is an empty file (0 bytes)' in build.output
    for line in (12, 16):
        assert f'{where}:{line}: image: "phat-bieu.png" is a web page (HTML)' in build.output
    assert not (tmp_path / "site").exists()


def test_originals_are_published_only_when_configured(tmp_path: Path) -> None:
    write_files(tmp_path, site_files("      publish_originals: true\n"))

    build = run_build(tmp_path, "--strict")

    assert build.returncode == 0, build.output
    assert (build.site / "tin-tuc/2018/quang-canh.jpg").is_file()
    assert (build.site / "tin-tuc/2018/08/so-ket/quang-canh@400w.webp").is_file()


def test_a_site_with_many_derivatives_gets_them_linked_by_the_helper(tmp_path: Path) -> None:
    # 130 lead images of 300×200 px give 5 files each (WebP at 200 and 300 px, one JPEG, the
    # card in WebP and JPEG): more than linking.HELPER_FROM, so a helper process links them
    # while the pages render.
    files: dict[str, str | bytes] = {"mkdocs.yml": CONFIG.format(theme=REPO / "theme", extra="")}
    for number in range(130):
        folder = f"content/tin-tuc/2020/tin-{number}"
        files[f"{folder}/index.md"] = item(
            f"Tin số {number}", "2020-05-01 08:00", slug=f"tin-{number}", image="anh.jpg"
        )
        files[f"{folder}/anh.jpg"] = samples.jpeg(Image.new("RGB", (300, 200), (number, 90, 40)))
    write_files(tmp_path, files)

    build = run_build(tmp_path, "--strict")

    assert build.returncode == 0, build.output
    derivatives = sorted(build.site.rglob("*@*"))
    assert len(derivatives) == 130 * 5 >= linking.HELPER_FROM
    assert all(path.stat().st_nlink >= 2 for path in derivatives)  # links to the cache
    page = build.page("tin-tuc/2020/05/tin-7")
    for name in re.findall(r'(?:src|srcset)="([^"]+)"', page):
        for candidate in name.split(", "):
            target = candidate.split(" ")[0]
            if "@" in target:
                assert (build.site / "tin-tuc/2020/05/tin-7" / target).is_file(), target
    assert not list((tmp_path / ".cache/bantin-images").glob(".links-*"))
