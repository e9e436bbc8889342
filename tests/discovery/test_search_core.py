"""The plain-Python search core: folding Vietnamese, and the index files it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bantin.search.index import SearchDoc, SearchIndexWriter, term_hash
from bantin.search.text import PHRASE_END, fold, form_key, html_to_text, phrases, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Văn phòng", "van phong"),
        ("Đồng chí", "dong chi"),
        ("ĐỒNG CHÍ", "dong chi"),
        ("Hòa Bình", "hoa binh"),
        ("Hoà Bình", "hoa binh"),
        ("Thuỷ Thủy Ủy Uỷ", "thuy thuy uy uy"),
        ("Nghĩa Ấp Ưu Ơn", "nghia ap uu on"),
        ("Ho\u0300a", "hoa"),  # NFD input
        ("8.705 văn bản", "8.705 van ban"),
    ],
)
def test_fold_drops_tones_marks_and_stroke(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Hòa", "hoà"),
        ("hoà", "hoà"),
        ("hóa", "hoá"),
        ("Thuỷ", "thuỷ"),
        ("Thủy", "thuỷ"),
        ("Ủy", "uỷ"),
        ("khỏe", "khoẻ"),
        ("văn", "văn"),
        ("Đồng", "đồng"),
        ("hải", "hải"),
        ("hài", "hài"),
        ("Ho\u0300a Bình", "hoà bình"),
        ("úa", "úa"),
    ],
)
def test_form_key_keeps_the_tone_but_not_its_place(word: str, key: str) -> None:
    assert form_key(word) == key


def test_phrases_break_at_punctuation() -> None:
    assert phrases("Ngày 03/8/2018, Văn phòng UBND tỉnh (Lạng Sơn) họp.") == [
        ["ngày", "03"],
        ["8"],
        ["2018"],
        ["văn", "phòng", "ubnd", "tỉnh"],
        ["lạng", "sơn"],
        ["họp"],
    ]


def test_tokens_mark_phrase_ends_for_the_index() -> None:
    assert tokens("Văn phòng, UBND tỉnh.") == [
        "văn",
        "phòng",
        PHRASE_END,
        "ubnd",
        "tỉnh",
        PHRASE_END,
    ]
    assert tokens("a\x00b") == ["a", "b"]


def test_html_to_text_keeps_visible_text_only() -> None:
    html = "<p>Xin <b>chào</b> &amp; bạn</p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>"
    assert html_to_text(html) == "Xin chào & bạn\na\nb"


def _doc(number: int, title: str, body: str) -> SearchDoc:
    return SearchDoc(number, f"tin-tuc/{number}/", title, "03/08/2018", "2018-08-03", title, body)


def _write(tmp_path: Path, docs: list[SearchDoc], **options: int) -> Path:
    out = tmp_path / "out"
    writer = SearchIndexWriter(out, tmp_path / "work", **options)
    for doc in docs:
        writer.add(doc)
    writer.finish()
    assert not (tmp_path / "work").exists(), "temporary files are removed"
    return out


def _entry(out: Path, term: str) -> dict[str, object]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shard = json.loads((out / "t" / f"{term_hash(term) % manifest['shards']}.json").read_text())
    entry = shard[term]
    assert isinstance(entry, dict)
    return entry


def test_index_keeps_bigrams_spellings_and_title_weight(tmp_path: Path) -> None:
    out = _write(
        tmp_path,
        [
            _doc(0, "Tỉnh Hòa Bình", "Đoàn của tỉnh Hòa Bình."),
            _doc(1, "Tin khác", "Hợp tác với Hoà Bình. Tỉnh Hoà Bình cử đại diện."),
            _doc(2, "Tin cũ", "Công ty Hoa Binh Group."),
            _doc(3, "Tin không liên quan", "Không nhắc tới."),
        ],
    )
    entry = _entry(out, "hoa binh")
    assert entry["f"] == ["hoà bình", "hoa binh"]  # Hòa and Hoà are one spelling
    assert entry["n"] == 3
    # (document delta, weight, spelling): a title hit weighs 16, each body hit 1.
    assert entry["p"] == [0, 17, 0, 1, 2, 0, 1, 1, 1]
    assert _entry(out, "lien quan")["p"] == [3, 17]
    record = json.loads((out / "d" / "1.json").read_text(encoding="utf-8"))
    assert record == {
        "d": "03/08/2018",
        "i": "2018-08-03",
        "t": "Tin khác",
        "u": "tin-tuc/1/",
        "x": "Hợp tác với Hoà Bình. Tỉnh Hoà Bình cử đại diện.",
    }


def test_common_terms_are_capped_to_the_best_documents(tmp_path: Path) -> None:
    docs = [_doc(n, "Tin", "văn phòng " * (1 + n % 3)) for n in range(30)]
    docs[29] = _doc(29, "Văn phòng", "văn phòng")
    out = _write(tmp_path, docs, cap=5)
    entry = _entry(out, "van phong")
    assert entry["n"] == 30
    postings = entry["p"]
    assert isinstance(postings, list)
    numbers, total = [], 0
    for delta in postings[::2]:
        total += delta
        numbers.append(total)
    # The title hit first, then the most frequent (n % 3 == 2), newest among equals.
    assert numbers == [2, 5, 8, 11, 29]


def test_index_is_deterministic_and_shards_grow_with_the_site(tmp_path: Path) -> None:
    docs = [_doc(n, f"Tin số {n}", f"Nội dung riêng {n} từ khóa{n} lặp lại") for n in range(200)]
    first = _write(tmp_path / "a", docs, shard_bytes=2_000)
    second = _write(tmp_path / "b", list(reversed(docs)), shard_bytes=2_000)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()
    )
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    manifest = json.loads((first / "manifest.json").read_text())
    assert manifest["shards"] > 1
    assert manifest["docs"] == 200


def test_background_writer_writes_the_same_index(tmp_path: Path) -> None:
    from bantin.search.background import BackgroundIndexWriter

    docs = [_doc(n, f"Tin số {n}", f"Văn phòng UBND tỉnh, tin {n}.") for n in range(40)]
    direct = _write(tmp_path / "a", docs)
    out = tmp_path / "b" / "out"
    writer = BackgroundIndexWriter(out, tmp_path / "b" / "work")
    for doc in docs:
        writer.add(doc)
    stats = writer.finish()
    assert stats.docs == 40
    assert not (tmp_path / "b" / "work").exists()
    files = sorted(p.relative_to(direct).as_posix() for p in direct.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    for name in files:
        assert (out / name).read_bytes() == (direct / name).read_bytes(), name
