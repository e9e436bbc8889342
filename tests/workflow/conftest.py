"""A tiny bantin project in tmp_path: mkdocs.yml, content/tin-tuc/ and items written by tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

GOOD = """\
---
title: "{title}"
date: {date}
author: "Nguyễn Thanh Tùng"
tags: [{tags}]
officials:
  - {{name: "{official}", title: "{official_title}"}}
---

Nội dung bài viết đủ dài để làm đoạn mở đầu của bài.
{body}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: Thử\ndocs_dir: content\n", encoding="utf-8")
    (tmp_path / "content/tin-tuc").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15: every test date is past
    return tmp_path


WriteItem = Callable[..., Path]


@pytest.fixture
def write_item(project: Path) -> WriteItem:
    def write(
        relative: str,
        *,
        title: str = "Văn phòng UBND tỉnh sơ kết công tác",
        date: str = "2018-08-03 09:12",
        tags: str = "sơ kết",
        official: str = "Lý Vinh Quang",
        official_title: str = "Phó Chủ tịch UBND tỉnh",
        body: str = "",
        text: str | None = None,
    ) -> Path:
        path = project / "content/tin-tuc" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        content = (
            text
            if text is not None
            else GOOD.format(
                title=title,
                date=date,
                tags=tags,
                official=official,
                official_title=official_title,
                body=body,
            )
        )
        path.write_text(content, encoding="utf-8")
        return path

    return write
