"""Derivatives reach the site as hard links, made by a helper process for large sites."""

from __future__ import annotations

from pathlib import Path

import pytest
from bantin.images import linking
from bantin.images.linking import LinkError, Linking


def cache_files(root: Path, count: int) -> list[str]:
    root.mkdir(parents=True)
    paths = []
    for number in range(count):
        path = root / f"{number}.webp"
        path.write_bytes(f"anh {number}".encode())
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("count", [3, linking.HELPER_FROM + 20])
def test_every_site_file_becomes_a_link_to_its_cache_file(tmp_path: Path, count: int) -> None:
    sources = cache_files(tmp_path / "cache", count)
    site = tmp_path / "site"
    pairs = [
        (source, f"{site}/tin-tuc/{n % 7}/anh dep@{n}.webp") for n, source in enumerate(sources)
    ]
    run = Linking()

    run.start(pairs, str(tmp_path / "cache"))
    assert (run.process is not None) == (count >= linking.HELPER_FROM)
    run.finish()

    for source, output in pairs:
        assert Path(source).samefile(output)
    assert not list((tmp_path / "cache").glob(".links-*"))  # the helper's list is gone


def test_a_file_left_by_a_dirty_build_is_replaced(tmp_path: Path) -> None:
    (source,) = cache_files(tmp_path / "cache", 1)
    output = tmp_path / "site" / "anh@480w.webp"
    output.parent.mkdir()
    output.write_bytes(b"old")

    linking.link_all([(source, str(output))])

    assert output.read_bytes() == b"anh 0"


@pytest.mark.parametrize("count", [3, linking.HELPER_FROM + 20])
def test_a_derivative_that_cannot_be_written_fails_with_its_path(
    tmp_path: Path, count: int
) -> None:
    sources = cache_files(tmp_path / "cache", count)
    site = tmp_path / "site"
    site.mkdir()
    (site / "tin-tuc").write_text("a file where a folder must go", encoding="utf-8")
    pairs = [(source, f"{site}/anh-{n}@480w.webp") for n, source in enumerate(sources)]
    pairs[-1] = (sources[-1], f"{site}/tin-tuc/so-ket/anh@480w.webp")
    run = Linking()
    run.start(pairs, str(tmp_path / "cache"))

    with pytest.raises(LinkError) as failure:
        run.finish()

    assert str(failure.value).startswith(
        f"{site}/tin-tuc/so-ket/anh@480w.webp: could not be written from the image cache: "
    )
    assert "Not a directory" in str(failure.value)


def test_a_failed_build_stops_the_helper_and_leaves_no_list(tmp_path: Path) -> None:
    sources = cache_files(tmp_path / "cache", linking.HELPER_FROM)
    run = Linking()
    run.start([(s, f"{tmp_path}/site/{n}.webp") for n, s in enumerate(sources)], str(tmp_path))
    process = run.process
    assert process is not None

    run.stop()

    assert process.returncode is not None
    assert not list(tmp_path.glob(".links-*"))
    run.finish()  # nothing left to do, nothing raised
