"""URL patterns of the register, expanded in one place."""

from __future__ import annotations

FOLDER = "van-ban/"
"""Where documents live inside ``content/`` and where the register is published."""
LIST = FOLDER
LIST_SOURCE = f"{FOLDER}index.md"
"""The generated list page's virtual source; an author's file of that name is an error."""


def document(slug: str) -> str:
    return f"{FOLDER}{slug}/"


def document_dest(slug: str) -> str:
    return f"{document(slug)}index.html"


def attachment(slug: str, extension: str) -> str:
    """Published beside the document's page under an ASCII name derived from its number."""
    return f"{document(slug)}{slug}.{extension}"
