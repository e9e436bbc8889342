"""Fixtures for publishing tests: fake finished builds and a real nginx on loopback."""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bantin.guard import manifest
from bantin.publish.nginx import render
from sitekit import REPO, TINY_CONFIG

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = REPO / "scripts" / "nginx" / "bantin.conf"


def make_build(
    root: Path, version: str, pages: int = 6, commit: str = "", stats: bool = True
) -> Path:
    """A finished build whose pages all reference one hashed stylesheet of this version."""
    css = f"/* release {version} */ body {{ color: #123; }}\n"
    digest = hashlib.sha256(css.encode()).hexdigest()[:8]
    css_name = f"assets/main.{digest}.min.css"
    files = {
        css_name: css,
        "sitemap.xml": f"<urlset><!-- {version} --></urlset>\n",
        "404.html": f"<!doctype html><title>Không tìm thấy</title><p>{version}</p>\n",
    }
    if stats:
        files["thong-ke/truy-cap.json"] = '{"total": 0}\n'
    names = ["index.html"] + [f"p{number}/index.html" for number in range(1, pages)]
    for name in names:
        depth = name.count("/")
        prefix = "../" * depth
        files[name] = (
            '<!doctype html><html><head><meta charset="utf-8">'
            f'<link rel="stylesheet" href="{prefix}{css_name}"></head>'
            f'<body data-release="{version}"><h1>{name}</h1>'
            # Long enough for nginx to compress it (gzip_min_length).
            + "<p>Văn phòng Ủy ban nhân dân tỉnh.</p>" * 40
            + "</body></html>\n"
        )
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sources = {name: f"content/{name.replace('/index.html', '.md')}" for name in names}
    manifest.write(root, commit=commit, source_date_epoch=0, sources=sources)
    return root


@pytest.fixture
def build_factory(tmp_path: Path) -> Callable[..., Path]:
    def factory(version: str, **options: object) -> Path:
        return make_build(tmp_path / "builds" / version, version, **options)  # type: ignore[arg-type]

    return factory


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Nginx:
    base: str
    prefix: Path

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """One GET without following redirects, asking for gzip like a browser."""
        host, port = self.base.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Callable[[Path], Nginx]]:
    """Start a real nginx serving the template for a publish folder; stopped afterwards."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(publish_dir: Path) -> Nginx:
        prefix = tmp_path / f"nginx-{len(processes)}"
        prefix.mkdir()
        port = free_port()
        site = render(
            TEMPLATE.read_text(encoding="utf-8"),
            publish_dir=publish_dir.resolve(),
            server_name="localhost",
            listen=f"127.0.0.1:{port}",
        )
        (prefix / "bantin.conf").write_text(site, encoding="utf-8")
        user = "user root;\n" if os.geteuid() == 0 else ""
        temp = " ".join(
            f"{kind}_temp_path {prefix}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (prefix / "nginx.conf").write_text(
            f"{user}worker_processes 1;\ndaemon off;\npid {prefix}/nginx.pid;\n"
            f"error_log {prefix}/error.log;\nevents {{ worker_connections 256; }}\n"
            f"http {{\n include /etc/nginx/mime.types;\n default_type application/octet-stream;\n"
            f" access_log {prefix}/access.log;\n {temp}\n include {prefix}/bantin.conf;\n}}\n",
            encoding="utf-8",
        )
        process = subprocess.Popen(
            [
                NGINX,
                "-p",
                str(prefix),
                "-c",
                str(prefix / "nginx.conf"),
                "-e",
                str(prefix / "error.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        for _ in range(200):
            if process.poll() is not None:
                raise RuntimeError(
                    f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}"
                )
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return Nginx(f"http://127.0.0.1:{port}", prefix)
            time.sleep(0.05)
        raise RuntimeError("nginx did not open its port")

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def guarded_config() -> Callable[[str], str]:
    return _guarded_config


def _guarded_config(hooks: str = "") -> str:
    """The tiny portal configuration with bantin-guard listed last (as in mkdocs.yml)."""
    config = TINY_CONFIG.format(theme=REPO / "theme", page_size=20)
    config = config.replace("markdown_extensions:", "  - bantin-guard\nmarkdown_extensions:")
    return config + (f"hooks:\n  - {hooks}\n" if hooks else "")
