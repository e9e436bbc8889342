"""HUONG-DAN.md quotes bantin's messages word for word; this keeps the guide true."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin import cli

REPO = Path(__file__).resolve().parents[2]

# The broken items the guide's "ten most common errors" table is made from.
BROKEN = {
    "e01.md": '---\ntitle: Thông báo: lịch họp tháng 8\ndate: 2024-08-03 09:00\nauthor: "A"\n---\n',
    "e02.md": '---\ntitle: "Hai"\ndate: 2024-08-03 09:00\n---\n',
    "e03.md": '---\ntitle: "Ba"\ndate: 31/02/2024\nauthor: "A"\n---\n',
    "e04.md": '---\ntitle: "Bốn"\ndate: 3-8-2024\nauthor: "A"\n---\n',
    "e05.md": '---\ntitle: "Năm"\ndate: 2024-08-03\nauthor: "A"\nmeeting:\n\tdate: 2024-08-03\n---\n',
    "e06.md": '---\ntitle: "Sáu\ndate: 2024-08-03\nauthor: "A"\n---\n',
    "e07.md": '---\ntitle: "Bảy"\ndate: 2024-08-03\nauthor: "A"\ntag: [sơ kết]\n---\n',
    "e10.md": '---\ntitle: "Mười"\ndate: 2024-08-03\nauthor: "A"\nimage: Quang-canh.JPG\n---\n',
    "e16.md": '---\ntitle: "Sơ kết"\ndate: 2024-08-03\nauthor: "A"\n---\n',
    "e17.md": '---\ntitle: "Sơ kết"\ndate: 2024-08-05\nauthor: "A"\n---\n',
    "e20.md": '---\ntitle: "Mười sáu"\ndate: 2024-08-03\nauthor: "A"\ntags: sơ kết\n---\n',
}


def test_every_error_in_the_guides_table_is_what_bantin_check_prints(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project / "content/tin-tuc/2024"
    folder.mkdir(parents=True)
    for name, text in BROKEN.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert cli.main(["check"]) == 1
    printed = capsys.readouterr().out.splitlines()
    guide = (REPO / "HUONG-DAN.md").read_text(encoding="utf-8")
    assert len(printed) == 10
    for line in printed:
        # "path:line: field: message" → the guide quotes "field: message".
        field_and_message = line.split(": ", 1)[1]
        assert f"`{field_and_message}`" in guide, line


def test_guide_describes_every_front_matter_field() -> None:
    from bantin.core.schema import KEYS

    guide = (REPO / "HUONG-DAN.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"| `{key}` |" in guide, key
