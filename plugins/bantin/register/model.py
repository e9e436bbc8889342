"""Records of the document register, built once per build and shared with the templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Attachment:
    """The file attached to a document, as published beside the document's page."""

    src_uri: str
    """Path inside ``content/`` (``van-ban/15-2024-qd-ubnd.pdf``)."""
    url: str
    """Site path it is published at (``van-ban/15-2024-qd-ubnd/15-2024-qd-ubnd.pdf``)."""
    name: str
    """File name offered to the reader when downloading."""
    extension: str
    """Lower-case extension without the dot: ``pdf``, ``docx``…"""
    size: int
    """Bytes."""


@dataclass(frozen=True)
class Document:
    """One official document as written in its front matter, validated and normalised (NFC)."""

    src_uri: str
    """Path inside ``content/`` (``van-ban/15-2024-qd-ubnd.md``)."""
    path: str
    """Path shown in messages (``content/van-ban/15-2024-qd-ubnd.md``)."""
    so_ky_hieu: str
    """Number and code exactly as printed on the document: ``15/2024/QĐ-UBND``."""
    hinh_thuc: str
    """Kind of document in its canonical spelling: ``Quyết định``, ``Công văn``…"""
    co_quan_ban_hanh: str
    ngay_ban_hanh: date
    trich_yeu: str
    tep: str
    """Attached file, relative to the document's folder, as written."""
    slug: str
    ngay_hieu_luc: date | None = None
    nguoi_ky: str = ""
    tags: tuple[str, ...] = ()
    url: str = ""
    """Site path of the document's page (``van-ban/15-2024-qd-ubnd/``); set by the register."""
    attachment: Attachment | None = None
    """Set by the register once the attached file has been checked."""

    @property
    def title(self) -> str:
        """How the document is named in headings and in the browser's title bar."""
        return f"{self.hinh_thuc} số {self.so_ky_hieu}"

    @property
    def sort_key(self) -> tuple[date, str]:
        return (self.ngay_ban_hanh, self.slug)
