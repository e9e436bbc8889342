"""Sample attachments are valid PDFs the script reproduces byte for byte; sizes read well."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bantin.register import catalog
from bantin.register.display import format_size
from sitekit import REPO


def test_make_sample_documents_reproduces_the_committed_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make-sample-documents"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    made = sorted(p.name for p in (tmp_path / "van-ban").iterdir())
    committed = sorted(p.name for p in (REPO / "content" / "van-ban").glob("*.pdf"))
    assert made == committed
    for name in made:
        assert (tmp_path / "van-ban" / name).read_bytes() == (
            REPO / "content" / "van-ban" / name
        ).read_bytes(), name


@pytest.mark.parametrize("path", sorted((REPO / "content" / "van-ban").glob("*.pdf")), ids=str)
def test_sample_pdfs_have_a_correct_cross_reference_table(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-1.4\n")
    assert data.endswith(b"%%EOF\n")
    startxref = int(re.findall(rb"startxref\n(\d+)\n", data)[-1])
    assert data[startxref:].startswith(b"xref\n")
    count = int(re.match(rb"xref\n0 (\d+)\n", data[startxref:]).group(1))  # type: ignore[union-attr]
    entries = re.findall(rb"(\d{10}) 00000 n \n", data[startxref:])
    assert len(entries) == count - 1
    for number, offset in enumerate(entries, 1):
        assert data[int(offset) :].startswith(b"%d 0 obj\n" % number)
    stream = re.search(rb"<< /Length (\d+) >>\nstream\n", data)
    assert stream is not None
    end = stream.end() + int(stream.group(1))
    assert data[end:].startswith(b"\nendstream")


def test_the_sample_register_is_valid() -> None:
    register, problems = catalog.check(REPO / "content")
    assert problems == []
    assert len(register.documents) == 6
    assert {d.hinh_thuc for d in register.documents} == {
        "Quyết định",
        "Chỉ thị",
        "Kế hoạch",
        "Công văn",
        "Thông báo",
    }


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 byte"),
        (850, "850 byte"),
        (1023, "1.023 byte"),
        (1024, "1 KB"),
        (12_800, "12,5 KB"),
        (1_048_575, "1 MB"),
        (3_670_016, "3,5 MB"),
        (5 * 1024**3, "5 GB"),
        (2000 * 1024**3, "2.000 GB"),
    ],
)
def test_file_sizes_read_the_vietnamese_way(size: int, shown: str) -> None:
    assert format_size(size) == shown
