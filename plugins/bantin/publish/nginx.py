"""Fill in the placeholders of ``scripts/nginx/bantin.conf``."""

from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def render(template: str, *, publish_dir: Path, server_name: str, listen: str) -> str:
    values = {
        "PUBLISH_DIR": str(publish_dir).rstrip("/"),
        "SERVER_NAME": server_name,
        "LISTEN": listen,
    }
    rendered = PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)
    left = sorted(set(PLACEHOLDER.findall(rendered)))
    if left:
        raise ValueError(f"unknown placeholders in the nginx template: {', '.join(left)}")
    return rendered
