"""The register: every document under ``content/van-ban/`` read once per build, checked, frozen.

Reading (``load``) collects every problem of every file; ``Register.build`` assigns URLs,
rejects collisions and derives the filter choices (years, kinds, issuers) the list page shows.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from bantin.core import frontmatter
from bantin.core.problems import Problem
from bantin.core.vntext import grouping_key, slugify
from bantin.register import schema, urls
from bantin.register.model import Attachment, Document

# What each attachment kind starts with; a Word file renamed .pdf is caught before a reader
# downloads something their viewer cannot open.
_SIGNATURES = {
    "pdf": (b"%PDF-", "a PDF"),
    "docx": (b"PK\x03\x04", "a Word .docx"),
    "xlsx": (b"PK\x03\x04", "an Excel .xlsx"),
    "odt": (b"PK\x03\x04", "an OpenDocument .odt"),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word .doc"),
}


def is_document_source(src_uri: str) -> bool:
    """Markdown files under ``van-ban/``, except the generated list page's own path."""
    return (
        src_uri.startswith(urls.FOLDER) and src_uri.endswith(".md") and src_uri != urls.LIST_SOURCE
    )


def discover(content_dir: Path) -> list[str]:
    folder = content_dir / urls.FOLDER
    if not folder.is_dir():
        return []
    found = (p.relative_to(content_dir).as_posix() for p in folder.rglob("*.md") if p.is_file())
    return sorted(found)


def read_document(
    content_dir: Path, src_uri: str, display_root: str = "content"
) -> tuple[Document | None, list[Problem]]:
    """Read, validate and attach one document; problems name the file the author edits."""
    path = posixpath.join(display_root, src_uri) if display_root else src_uri
    if src_uri == urls.LIST_SOURCE:
        return None, [
            Problem(
                path,
                0,
                "file",
                f"{urls.LIST_SOURCE} is the register's list page, which bantin generates; "
                "rename this file (for example to the document's number, 15-2024-qd-ubnd.md)",
            )
        ]
    try:
        raw = (content_dir / src_uri).read_bytes()
    except OSError as error:
        return None, [Problem(path, 0, "file", f"cannot be read: {error.strerror}")]
    parsed = frontmatter.read(path, raw)
    if parsed.mapping is None or parsed.source is None:
        return None, list(parsed.problems)
    document, problems = schema.read_document(
        src_uri=src_uri,
        path=path,
        mapping=parsed.mapping,
        offset=parsed.source.front_matter_line - 1,
        unreadable=parsed.unreadable,
    )
    problems = list(parsed.problems) + problems
    if document is None or problems:
        return None, problems
    attachment, problem = _attachment(content_dir, document, _line_of(parsed.source.text, "tep"))
    if problem is not None:
        return None, [problem]
    return replace(document, attachment=attachment), []


def _attachment(
    content_dir: Path, document: Document, line: int
) -> tuple[Attachment | None, Problem | None]:
    src_uri = posixpath.join(posixpath.dirname(document.src_uri), document.tep)
    extension = posixpath.splitext(src_uri)[1].lower().lstrip(".")
    absolute = content_dir / src_uri

    def problem(message: str) -> tuple[None, Problem]:
        return None, Problem(document.path, line, "tep", message)

    if not absolute.is_file():
        return problem(
            f'"{document.tep}" does not exist next to the document; '
            "check the file name (letter case matters)"
        )
    size = absolute.stat().st_size
    if size == 0:
        return problem(f'"{document.tep}" is empty (0 bytes); attach the real file')
    signature, kind = _SIGNATURES[extension]
    with absolute.open("rb") as handle:
        start = handle.read(len(signature))
    if start != signature:
        return problem(
            f'"{document.tep}" is not {kind} file (its content does not match its extension); '
            "export the document again or fix the extension"
        )
    return (
        Attachment(
            src_uri=src_uri,
            url=urls.attachment(document.slug, extension),
            name=f"{document.slug}.{extension}",
            extension=extension,
            size=size,
        ),
        None,
    )


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return 0


def load(
    content_dir: Path, src_uris: Iterable[str], display_root: str = "content"
) -> tuple[list[Document], list[Problem]]:
    """Read every document; problems of all files are returned together."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for src_uri in sorted(src_uris):
        document, found = read_document(content_dir, src_uri, display_root)
        problems += found
        if document is not None:
            documents.append(document)
    return documents, problems


@dataclass(frozen=True)
class Choice:
    """One option of a filter on the list page: a kind or an issuer, with its document count."""

    key: str
    """Value used by the filter (ASCII, stable)."""
    label: str
    count: int


@dataclass(frozen=True)
class Register:
    documents: tuple[Document, ...]
    """Newest first: by date of issue, then slug."""
    years: tuple[Choice, ...]
    kinds: tuple[Choice, ...]
    issuers: tuple[Choice, ...]
    by_src_uri: dict[str, Document] = field(compare=False)
    by_attachment: dict[str, Document] = field(compare=False)
    """Documents by their attachment's ``src_uri``."""
    _kind_key: dict[str, str] = field(compare=False, repr=False)
    _issuer_key: dict[str, str] = field(compare=False, repr=False)

    @classmethod
    def build(cls, documents: Sequence[Document]) -> tuple[Register, list[Problem]]:
        problems: list[Problem] = []
        kept: list[Document] = []
        by_slug: dict[str, Document] = {}
        by_file: dict[str, Document] = {}
        for document in sorted(documents, key=lambda d: d.src_uri):
            other = by_slug.get(document.slug)
            if other is not None:
                problems.append(_slug_collision(document, other))
                continue
            attachment = document.attachment
            if attachment is not None and attachment.src_uri in by_file:
                first = by_file[attachment.src_uri]
                problems.append(
                    Problem(
                        document.path,
                        0,
                        "tep",
                        f'"{document.tep}" is already the file of {first.path}; '
                        "each document needs its own file",
                    )
                )
                continue
            by_slug[document.slug] = document
            if attachment is not None:
                by_file[attachment.src_uri] = document
            kept.append(replace(document, url=urls.document(document.slug)))
        kept.sort(key=lambda d: d.sort_key, reverse=True)
        kinds, kind_key = _choices(d.hinh_thuc for d in kept)
        issuers, issuer_key = _choices(d.co_quan_ban_hanh for d in kept)
        year_counts = Counter(d.ngay_ban_hanh.year for d in kept)
        years = tuple(
            Choice(str(year), str(year), count)
            for year, count in sorted(year_counts.items(), reverse=True)
        )
        register = cls(
            documents=tuple(kept),
            years=years,
            kinds=kinds,
            issuers=issuers,
            by_src_uri={d.src_uri: d for d in kept},
            by_attachment={d.attachment.src_uri: d for d in kept if d.attachment is not None},
            _kind_key=kind_key,
            _issuer_key=issuer_key,
        )
        return register, problems

    def kind_key(self, document: Document) -> str:
        return self._kind_key[grouping_key(document.hinh_thuc)]

    def issuer_key(self, document: Document) -> str:
        return self._issuer_key[grouping_key(document.co_quan_ban_hanh)]

    def issuer_label(self, document: Document) -> str:
        """The issuer's most used spelling, so one issuer reads the same in every row."""
        key = self.issuer_key(document)
        return next(choice.label for choice in self.issuers if choice.key == key)


def _slug_collision(document: Document, other: Document) -> Problem:
    suggestion = f"{document.slug}-{document.ngay_ban_hanh.year}"
    return Problem(
        document.path,
        0,
        "slug",
        f'"{document.so_ky_hieu}" gives the same address /{urls.document(document.slug)} as '
        f"{other.path}; if they are different documents add slug: {suggestion} to this one",
    )


def _choices(labels: Iterable[str]) -> tuple[tuple[Choice, ...], dict[str, str]]:
    """Group spellings like names (Ủy/Uỷ, case, spaces); one choice per group, A→Z."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for label in labels:
        spellings[grouping_key(label)][label] += 1
    keys: dict[str, str] = {}
    used: set[str] = set()
    choices: list[Choice] = []
    for group in sorted(spellings):
        preferred = sorted(spellings[group].items(), key=lambda pair: (-pair[1], pair[0]))[0][0]
        base = slugify(preferred) or "muc"
        key, number = base, 2
        while key in used:
            key, number = f"{base}-{number}", number + 1
        used.add(key)
        keys[group] = key
        choices.append(Choice(key, preferred, sum(spellings[group].values())))
    choices.sort(key=lambda choice: (grouping_key(choice.label), choice.key))
    return tuple(choices), keys


def check(content_dir: Path, display_root: str = "content") -> tuple[Register, list[Problem]]:
    """Everything ``bantin check`` and the build need: the register and every problem."""
    documents, problems = load(content_dir, discover(content_dir), display_root)
    register, build_problems = Register.build(documents)
    return register, sorted(problems + build_problems)
