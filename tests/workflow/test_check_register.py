"""`bantin check` reports the document register's problems with the news items'."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitekit import BIN, item, write_files


def test_check_reports_register_and_news_problems_in_one_run(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\ndocs_dir: content\n",
            "content/tin-tuc/2020/ngay.md": item("Ngày sai", "32/13/2020"),
            "content/van-ban/bad.md": '---\nso_ky_hieu: "x"\n---\n',
        },
    )
    result = subprocess.run(
        [str(BIN / "bantin"), "check"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert 'content/tin-tuc/2020/ngay.md:3: date: "32/13/2020" is not a real date' in result.stdout
    assert "content/van-ban/bad.md:1: tep: is missing" in result.stdout
