"""Helpers of the discovery tests: the sample portal plus items that exercise search, feeds
and redirects; a loopback server; the Chromium launch options."""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from PIL import Image
from sitekit import REPO, Build, item, run_build, write_files

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
XSS_TITLE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"

EXTRA_ITEMS: dict[str, str | bytes] = {
    "content/tin-tuc/2021/hoa-binh-1/index.md": item(
        "Đoàn công tác tỉnh Hòa Bình thăm Văn phòng",
        "2021-03-02 08:00",
        "Sáng nay, đoàn công tác tỉnh Hòa Bình đến làm việc. Đồng chí Trưởng đoàn phát biểu.",
        tags='["hợp tác"]',
        image="doan-cong-tac.jpg",
        image_caption='"Đoàn công tác chụp ảnh lưu niệm"',
        aliases='["/tin-tuc/doan-cong-tac-hoa-binh.html", "/tin-cu/hoa-binh/"]',
    ),
    "content/tin-tuc/2021/hoa-binh-2.md": item(
        "Ký kết hợp tác với tỉnh Hoà Bình",
        "2021-04-05 09:30",
        "Hai tỉnh ký kết chương trình hợp tác, tỉnh Hoà Bình cử đại diện.",
        tags='["hợp tác"]',
        updated="2021-04-06 10:00",
    ),
    "content/tin-tuc/2021/hoa-binh-group.md": item(
        "Doanh nghiệp tài trợ học bổng",
        "2021-05-01 07:00",
        "Công ty Hoa Binh Group trao học bổng cho học sinh nghèo vượt khó.",
    ),
    "content/tin-tuc/2021/xss.md": item(
        XSS_TITLE.replace('"', '\\"'),
        "2021-01-10 10:00",
        "Tiêu đề có mã độc vẫn phải hiện ra như chữ bình thường.",
        summary='"<b>tóm tắt</b> & </script>"',
        tags='["an toàn"]',
    ),
}


def jpeg(width: int = 1600, height: int = 900) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (180, 40, 40)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def portal_config(repo: Path = REPO) -> str:
    """The repository's mkdocs.yml, with the theme found from anywhere and discovery on."""
    text = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: theme", f"custom_dir: {repo / 'theme'}")
    if "- bantin-discovery" not in text:
        text = text.replace("\nplugins:\n", "\nplugins:\n  - bantin-discovery\n", 1)
    return text


def build_portal(
    root: Path, extra: dict[str, str | bytes], *args: str, config: str | None = None
) -> Build:
    shutil.copytree(REPO / "content", root / "content")
    write_files(root, {"mkdocs.yml": config or portal_config(), **extra})
    return run_build(root, *args, env={"SOURCE_DATE_EPOCH": "1700000000"})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
