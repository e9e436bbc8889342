"""The news model: frozen records built once per build and shared by every part of bantin."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bantin.core.imagerefs import ImageRef


@dataclass(frozen=True, slots=True)
class Meeting:
    date: date
    kind: str = ""
    location: str = ""


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    title: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class Award:
    name: str
    """Kind of award: ``Bằng khen``, ``Giấy khen``, ``Cờ thi đua``…"""
    issuer: str
    collectives: int = 0
    individuals: int = 0
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One news item as written by a press officer, validated and normalised (NFC)."""

    src_uri: str
    """Path inside ``content/`` with forward slashes (``tin-tuc/2018/so-ket.md``)."""
    path: str
    """Path shown in messages, relative to the project (``content/tin-tuc/2018/so-ket.md``)."""
    title: str
    date: datetime
    author: str
    slug: str
    summary: str = ""
    """The front matter's summary, or else the lead paragraph (see ``summary_is_lead``)."""
    summary_is_lead: bool = False
    """True when ``summary`` repeats the body's lead, so item pages do not print it twice."""
    updated: datetime | None = None
    source: str = ""
    tags: tuple[str, ...] = ()
    meeting: Meeting | None = None
    officials: tuple[Official, ...] = ()
    awards: tuple[Award, ...] = ()
    image: str = ""
    """Lead image, relative to ``src_uri``'s folder, as written."""
    image_caption: str = ""
    draft: bool = False
    aliases: tuple[str, ...] = ()
    body_line: int = 1
    image_line: int = 0
    """Line of ``image:`` in the file (0 without a lead image)."""
    body_images: tuple[ImageRef, ...] = ()
    """Every image the body uses (``![…](…)``, reference images, ``<img>``), with its line."""
    url: str = ""
    """Site-relative URL (``tin-tuc/2018/08/so-ket/``), set when the index is built."""
    status: str = "published"
    """``published``, ``draft`` or ``scheduled`` (dated in the future)."""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def folder(self) -> str:
        """The item's folder inside ``content/`` (its bundle, or the folder of a flat file)."""
        return self.src_uri.rsplit("/", 1)[0] if "/" in self.src_uri else ""

    @property
    def sort_key(self) -> tuple[datetime, str]:
        return (self.date, self.slug)
