"""The derivative cache: keyed by content and settings, reused without decoding, disposable."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bantin.images import batch, cache
from bantin.images.params import Params
from images import image_samples as samples

PARAMS = Params(widths=(100, 200), card_widths=(90,))


def sources(folder: Path, count: int = 3) -> list[batch.Source]:
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for number in range(count):
        path = folder / f"anh-{number}.jpg"
        path.write_bytes(samples.jpeg(samples.quadrants((300 + number, 200))))
        result.append(batch.Source(path, f"content/{path.name}"))
    return result


def test_a_warm_cache_decodes_nothing_and_a_pool_of_two_fills_it(tmp_path: Path) -> None:
    photos = sources(tmp_path / "content")
    root = tmp_path / "cache"

    first, manifest = batch.prepare(photos, root, PARAMS, workers=2)
    assert manifest.last_build == {"images": 3, "processed": 3, "reused": 0, "refused": 0}
    assert all(outcome.entry is not None for outcome in first)

    second, manifest = batch.prepare(photos, root, PARAMS, workers=2)
    assert manifest.last_build == {"images": 3, "processed": 0, "reused": 3, "refused": 0}
    assert [o.entry for o in second] == [o.entry for o in first]


def test_a_touched_or_lost_manifest_only_costs_a_hash(tmp_path: Path) -> None:
    photos = sources(tmp_path / "content")
    root = tmp_path / "cache"
    batch.prepare(photos, root, PARAMS, workers=1)

    os.utime(photos[0].path, ns=(1, 1))  # git checkout: same bytes, new time
    (root / cache.MANIFEST).unlink()
    outcomes, manifest = batch.prepare(photos, root, PARAMS, workers=1)

    assert manifest.last_build["processed"] == 0
    assert all(outcome.entry is not None for outcome in outcomes)


def test_changed_bytes_or_settings_make_a_new_entry(tmp_path: Path) -> None:
    photos = sources(tmp_path / "content", 1)
    root = tmp_path / "cache"
    (first,), _ = batch.prepare(photos, root, PARAMS, workers=1)

    photos[0].path.write_bytes(samples.jpeg(samples.quadrants((320, 200))))
    (changed,), manifest = batch.prepare(photos, root, PARAMS, workers=1)
    assert manifest.last_build["processed"] == 1
    (other,), manifest = batch.prepare(photos, root, Params(widths=(150,)), workers=1)
    assert manifest.last_build["processed"] == 1

    assert first.entry is not None and changed.entry is not None and other.entry is not None
    assert len({first.entry.key, changed.entry.key, other.entry.key}) == 3


def test_the_manifest_is_saved_with_sorted_keys(tmp_path: Path) -> None:
    batch.prepare(sources(tmp_path / "content"), tmp_path / "cache", PARAMS, workers=1)

    text = (tmp_path / "cache" / cache.MANIFEST).read_text("utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, separators=(",", ":"))
    assert list(data) == ["entries", "folders", "format", "last_build", "sources"]


def test_a_refused_image_is_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "content" / "rong.jpg"
    path.parent.mkdir()
    path.write_bytes(b"")
    source = [batch.Source(path, "content/rong.jpg")]

    for _ in range(2):
        (outcome,), manifest = batch.prepare(source, tmp_path / "cache", PARAMS, workers=1)
        assert outcome.entry is None
        assert outcome.reason == "is an empty file (0 bytes); copy the photo again"
        assert manifest.last_build["refused"] == 1


def test_a_file_removed_from_a_cached_entry_is_noticed_and_made_again(tmp_path: Path) -> None:
    photos = sources(tmp_path / "content", 2)
    root = tmp_path / "cache"
    (first, _), _ = batch.prepare(photos, root, PARAMS, workers=1)
    batch.prepare(photos, root, PARAMS, workers=1)  # lists each entry once, then trusts a stat
    assert first.entry is not None
    folder = cache.object_folder(root, first.entry.key)
    saved = (root / cache.MANIFEST).stat().st_mtime_ns

    _, manifest = batch.prepare(photos, root, PARAMS, workers=1)
    assert manifest.last_build["processed"] == 0
    assert (root / cache.MANIFEST).stat().st_mtime_ns == saved  # nothing new: not rewritten

    (folder / first.entry.variants[0].suffix).unlink()
    (repaired, _), manifest = batch.prepare(photos, root, PARAMS, workers=1)

    assert manifest.last_build == {"images": 2, "processed": 1, "reused": 1, "refused": 0}
    assert repaired.entry == first.entry
    assert cache.complete(root, first.entry)
