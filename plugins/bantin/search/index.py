"""The static search index: per-term postings in hashed shards, one small file per document.

Layout under the output folder (``tim-kiem/chi-muc/`` in the portal)::

    manifest.json     {"cap", "docs", "shards", "version"}: read first by the script
    t/<shard>.json    {"<folded term>": {"f": [forms], "n": docs, "p": [postings]}}
    d/<doc>.json      {"d": "03/08/2018", "i": ISO date, "t": title, "u": URL, "x": text}

A term is a folded word (``van``) or two adjacent folded words of one phrase
(``van phong``): Vietnamese words are syllables, so a two-word query is looked up as one
bigram and finds the phrase without downloading the postings of two very common
syllables. ``f`` lists the diacritic spellings met (as ``form_key``), most documents
first; postings are ``doc-delta, weight`` (one spelling) or ``doc-delta, weight, form``,
ascending by document number; documents are numbered newest first. Each term keeps its
``cap`` best documents (title hits, then frequency, then recency), so the postings of a
word found in every item stay small; ``n`` still tells how many matched.

Work happens in two streaming passes over temporary bucket files, so memory stays flat at
10,000 items: ``add`` appends ``term, doc, weight, form`` records; ``finish`` groups each
bucket into encoded entries, then routes entries to shards once their number is known.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from bantin.search.text import PHRASE_END, fold, form_key, tokens

BUCKETS = 256
"""Temporary buckets; the shard count is a power of two up to this, so shards nest in them."""
_HEAD_WEIGHT = 16
_MAX_FREQUENCY = 15
_PAIR = "{} {}".format
TEXT_LIMIT = 20_000
"""Characters of an item's text kept for snippets."""


def term_hash(term: str) -> int:
    """CRC-32 of the term's UTF-8 bytes (fast in C here; a few lines in the script)."""
    return zlib.crc32(term.encode("utf-8"))


@dataclass(frozen=True)
class SearchDoc:
    """One searchable item, as plain text."""

    number: int
    """0 for the newest item; results are shown newest first among equals."""
    url: str
    """Site-relative URL (``tin-tuc/2018/08/so-ket/``)."""
    title: str
    date: str
    """Display date (``03/08/2018``)."""
    iso_date: str
    head: str
    """Title, topics and officials: matches here rank first."""
    body: str
    """Summary and body text: searched, and shown as the snippet."""


@dataclass(frozen=True)
class SearchStats:
    docs: int
    terms: int
    shards: int
    shard_bytes: int
    doc_bytes: int
    largest_shard: int


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class SearchIndexWriter:
    """Collects documents into ``work_dir`` and writes the finished index with ``finish``."""

    def __init__(
        self, out_dir: Path, work_dir: Path, *, cap: int = 1000, shard_bytes: int = 32_000
    ) -> None:
        """``out_dir`` is emptied now and filled by ``add`` and ``finish``."""
        self.out_dir = out_dir
        self.work_dir = work_dir
        self.cap = cap
        self.shard_bytes = shard_bytes
        if out_dir.exists():
            shutil.rmtree(out_dir)
        self.docs_dir = out_dir / "d"
        self.docs_dir.mkdir(parents=True)
        work_dir.mkdir(parents=True, exist_ok=True)
        # Buckets stay open for the whole build: reopening them costs more than the writes.
        self._buckets = [
            (work_dir / f"b{bucket}.tsv").open("w", encoding="utf-8") for bucket in range(BUCKETS)
        ]
        self._doc_digests: dict[int, str] = {}
        self._doc_bytes = 0

    def close(self) -> None:
        """Release the temporary files (``finish`` does it too); safe to call twice."""
        for handle in self._buckets:
            handle.close()
        shutil.rmtree(self.work_dir, ignore_errors=True)

    # -- pass 0: documents --------------------------------------------------------------

    def add(self, doc: SearchDoc) -> None:
        text = doc.body[:TEXT_LIMIT]
        record = {"d": doc.date, "i": doc.iso_date, "t": doc.title, "u": doc.url, "x": text}
        data = _dumps(record).encode("utf-8")
        (self.docs_dir / f"{doc.number}.json").write_bytes(data)
        self._doc_digests[doc.number] = hashlib.sha256(data).hexdigest()
        self._doc_bytes += len(data)

        head = self._terms(doc.head)
        body = self._terms(doc.body)
        frequency: Counter[str] = Counter()
        spelling: dict[str, tuple[int, str]] = {}
        for (term, form), count in body.items():
            frequency[term] += count
            best = spelling.get(term)
            if best is None or (-count, form) < (-best[0], best[1]):
                spelling[term] = (count, form)
        in_head = set()
        for term, form in head:
            in_head.add(term)
            spelling.setdefault(term, (0, form))
        buckets = self._buckets
        number = doc.number
        for term, (_, form) in spelling.items():
            weight = (_HEAD_WEIGHT if term in in_head else 0) + max(
                1, min(frequency[term], _MAX_FREQUENCY)
            )
            buckets[term_hash(term) % BUCKETS].write(f"{term}\t{number}\t{weight}\t{form}\n")

    @staticmethod
    def _terms(text: str) -> Counter[tuple[str, str]]:
        """(term, spelling) pairs of words and adjacent word pairs, counted.

        Folding and spelling keys run once over the whole text and the pairs are made by
        ``map`` and ``zip``: per-word Python code would dominate the build at 10,000 items.
        """
        line = " ".join(tokens(text))
        folded = fold(line).split(" ")
        forms = form_key(line).split(" ")
        counts = Counter(zip(folded, forms, strict=True))
        counts.update(
            zip(map(_PAIR, folded, folded[1:]), map(_PAIR, forms, forms[1:]), strict=True)
        )
        for key in [key for key in counts if PHRASE_END in key[0]]:
            del counts[key]
        return counts

    # -- pass 1 and 2: entries, shards ----------------------------------------------------

    def finish(self) -> SearchStats:
        """Write the shards and the manifest, then remove the temporary files."""
        for handle in self._buckets:
            handle.close()
        entries_total = 0
        terms = 0
        for bucket in range(BUCKETS):
            source = self.work_dir / f"b{bucket}.tsv"
            encoded = self._encode_bucket(source)
            terms += len(encoded)
            with (self.work_dir / f"e{bucket}.tsv").open("w", encoding="utf-8") as out:
                for hash_value, entry in encoded:
                    out.write(f"{hash_value}\t{entry}\n")
                    entries_total += len(entry.encode("utf-8")) + 1
        shards = 1
        while entries_total / shards > self.shard_bytes:
            shards *= 2

        (self.out_dir / "t").mkdir()
        digest = hashlib.sha256()
        shard_sizes = []
        for first in range(min(shards, BUCKETS)):
            # Shards and buckets are both powers of two, so a shard's terms live in the
            # buckets congruent to it (fewer shards) or in one bucket (more shards).
            found: dict[int, list[str]] = defaultdict(list)
            for bucket in range(first, BUCKETS, shards):
                with (self.work_dir / f"e{bucket}.tsv").open(encoding="utf-8") as lines:
                    for line in lines:
                        key, entry = line.rstrip("\n").split("\t", 1)
                        found[int(key) % shards].append(entry)
            for shard in range(first, shards, BUCKETS):
                data = ("{" + ",".join(sorted(found[shard])) + "}").encode("utf-8")
                (self.out_dir / "t" / f"{shard}.json").write_bytes(data)
                shard_sizes.append((shard, len(data), hashlib.sha256(data).hexdigest()))
        for _, _, shard_digest in sorted(shard_sizes):
            digest.update(shard_digest.encode("ascii"))
        for number in sorted(self._doc_digests):
            digest.update(self._doc_digests[number].encode("ascii"))
        shutil.rmtree(self.work_dir, ignore_errors=True)
        manifest = {
            "cap": self.cap,
            "docs": len(self._doc_digests),
            "shards": shards,
            "version": digest.hexdigest()[:16],
        }
        (self.out_dir / "manifest.json").write_text(_dumps(manifest) + "\n", encoding="utf-8")
        return SearchStats(
            docs=len(self._doc_digests),
            terms=terms,
            shards=shards,
            shard_bytes=sum(size for _, size, _ in shard_sizes),
            doc_bytes=self._doc_bytes,
            largest_shard=max(size for _, size, _ in shard_sizes),
        )

    def _encode_bucket(self, source: Path) -> list[tuple[int, str]]:
        postings: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for line in source.read_text(encoding="utf-8").splitlines():
            term, number, weight, form = line.split("\t")
            postings[term].append((int(number), int(weight), form))
        encoded = []
        for term in sorted(postings):
            encoded.append((term_hash(term), self._encode_term(term, postings[term])))
        return encoded

    def _encode_term(self, term: str, rows: list[tuple[int, int, str]]) -> str:
        spelling_docs = Counter(form for _, _, form in rows)
        spellings = sorted(spelling_docs, key=lambda form: (-spelling_docs[form], form))
        position = {form: index for index, form in enumerate(spellings)}
        kept = sorted(rows, key=lambda row: (-row[1], row[0]))[: self.cap]
        kept.sort()
        flat: list[int] = []
        previous = 0
        for number, weight, form in kept:
            flat += [number - previous, weight]
            if len(spellings) > 1:
                flat.append(position[form])
            previous = number
        return f"{_dumps(term)}:{_dumps({'f': spellings, 'n': len(rows), 'p': flat})}"
