"""Bad images are refused with a plain reason naming file, line and field, in bounded memory."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bantin.core.index import load
from bantin.core.model import NewsItem
from bantin.images.validate import problems_for
from images import image_samples as samples

REPO = Path(__file__).resolve().parents[2]

CUT_OFF = "is cut off (the file is incomplete); copy the photo again from the camera or phone"
TOO_BIG_65535 = (
    "is 65535×65535 pixels (4294.8 megapixels), above the limit of 50 megapixels; "
    "resize it (4000 pixels wide is plenty) and add it again"
)
TOO_BIG_9000 = (
    "is 9000×9000 pixels (81.0 megapixels), above the limit of 50 megapixels; "
    "resize it (4000 pixels wide is plenty) and add it again"
)
TEXT_BOMB = (
    "holds a compressed text block that expands beyond 1024 KB (a decompression bomb); "
    "export the image again without metadata"
)
METADATA_BOMB = (
    "holds a compressed metadata block that expands beyond 1024 KB (a decompression bomb); "
    "export the image again without metadata"
)

BAD = {
    "rong.jpg": (b"", "is an empty file (0 bytes); copy the photo again"),
    "cat-do.jpg": (samples.truncated_jpeg(), CUT_OFF),
    "trang-web.jpg": (
        samples.HTML_PAGE,
        "is a web page (HTML) saved with an image name, not a photo; "
        "open it in a browser and save the picture itself",
    ),
    "ban-ve.jpg": (
        samples.SVG_DRAWING,
        "is an SVG drawing, which can carry scripts and is not accepted; export it as PNG or JPEG",
    ),
    "iphone.heic": (
        samples.heic(),
        "is a HEIC photo, which most browsers cannot show; export it as JPEG "
        "(on an iPhone: Settings > Camera > Formats > Most Compatible)",
    ),
    "gia-mao.png": (samples.crafted_huge_png(), TOO_BIG_65535),
    "bom-chu.png": (samples.ztxt_bomb(), TEXT_BOMB),
    "bom-itxt.png": (samples.itxt_bomb(), TEXT_BOMB),
    "nhieu-chu.png": (samples.many_text_blocks(), METADATA_BOMB),
}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One item per bad image (as its lead) plus one item using them all in its body."""
    root = tmp_path_factory.mktemp("bad-images") / "content"
    folder = root / "tin-tuc" / "2018"
    folder.mkdir(parents=True)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "lon-that.png").write_bytes(samples.real_huge_png())
    for number, name in enumerate(sorted(BAD)):
        (folder / f"tin-{number}.md").write_text(
            f'---\ntitle: "Tin {number}"\ndate: 2018-08-03 09:12\nauthor: "Phóng viên"\n'
            f"image: {name}\n---\n\nNội dung.\n",
            encoding="utf-8",
        )
    body = "\n\n".join(f"![Ảnh]({name})" for name in ["lon-that.png", *sorted(BAD)])
    (folder / "tong-hop.md").write_text(
        '---\ntitle: "Tổng hợp"\ndate: 2018-08-04 09:12\nauthor: "Phóng viên"\n---\n\n'
        f"{body}\n\n![](https://example.com/a.jpg)\n\n![](../ngoai.jpg)\n\n![](khong-co.jpg)\n",
        encoding="utf-8",
    )
    return root


def items_of(content: Path) -> dict[str, NewsItem]:
    sources = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    items, problems = load(content, sources)
    assert problems == []
    return {item.src_uri: item for item in items}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_lead_image_is_reported_with_its_reason(content: Path, name: str) -> None:
    number = sorted(BAD).index(name)
    item = items_of(content)[f"tin-tuc/2018/tin-{number}.md"]

    messages = [p.format() for p in problems_for(content, item)]

    assert messages == [f'content/tin-tuc/2018/tin-{number}.md:5: image: "{name}" {BAD[name][1]}']


def test_body_images_are_reported_on_their_own_lines(content: Path) -> None:
    item = items_of(content)["tin-tuc/2018/tong-hop.md"]

    messages = [p.format() for p in problems_for(content, item)]

    where = "content/tin-tuc/2018/tong-hop.md"
    expected = [f'{where}:7: image: "lon-that.png" {TOO_BIG_9000}']
    for line, name in enumerate(sorted(BAD), 9):
        expected.append(f'{where}:{line + (line - 9)}: image: "{name}" {BAD[name][1]}')
    expected += [
        f'{where}:27: image: "https://example.com/a.jpg" is on another website; save the image '
        "next to the item and write its file name, so readers' phones never contact other sites",
        f'{where}:29: image: "../ngoai.jpg" leaves the item\'s folder; '
        "put the image next to the item",
        f'{where}:31: image: "khong-co.jpg" does not exist next to the item; '
        "check the file name (letter case matters)",
    ]
    assert messages == sorted(expected, key=lambda m: int(m.split(":")[1]))


PROBE = """
import json, resource, sys
from pathlib import Path
from bantin.images import pixels
from bantin.images.params import Limits
from bantin.images.probe import ImageRejectedError

folder = Path(sys.argv[1])
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
reasons = {}
for path in sorted(folder.glob("*.*")):
    if path.suffix == ".md":
        continue
    try:
        pixels.verify(path.read_bytes(), Limits())
        reasons[path.name] = ""
    except ImageRejectedError as error:
        reasons[path.name] = error.reason
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"reasons": reasons, "baseline_kb": baseline, "peak_kb": peak}))
"""


def test_bad_images_are_refused_before_their_pixels_take_memory(content: Path) -> None:
    # A fresh process, so its peak resident memory covers only these checks. Decoding the
    # 9000×9000 PNG would take 81 MB, the crafted header 4 GB, Pillow's text limits 64 MB.
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE), str(content / "tin-tuc" / "2018")],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    report = json.loads(result.stdout)

    assert report["reasons"] == {
        **{name: reason for name, (_, reason) in BAD.items()},
        "lon-that.png": TOO_BIG_9000,
    }
    growth_mb = (report["peak_kb"] - report["baseline_kb"]) / 1024
    print(f"memory growth while checking {len(report['reasons'])} bad images: {growth_mb:.1f} MB")
    assert growth_mb < 40, f"checking bad images grew memory by {growth_mb:.0f} MB"
