"""Content-Security-Policy that matches the inline scripts a page actually has.

The policy travels inside each page (a ``<meta http-equiv>`` written at build time with the
SHA-256 of every inline script of that page), so a release switch can never pair a page with
a stale policy and no server reload is needed. The web server adds the few directives a meta
element cannot carry (``frame-ancestors``); see ``scripts/nginx/bantin.conf``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bantin.guard.page_checks import inline_script_hashes

META_MARK = 'http-equiv="Content-Security-Policy"'
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)


def policy(script_hashes: Iterable[str], *, preview: bool = False) -> str:
    """The page's policy; ``preview`` for ``mkdocs serve``, which must reload the page.

    ``mkdocs serve`` appends its live-reload call as an inline script after every plugin
    has run, with a new request id each time, so no hash can cover it: with hashes in the
    policy the browser blocks it and the preview never reloads. The preview runs on the
    officer's own machine and the build refuses unsafe input either way (the guard checks
    every page in both modes), so there the policy allows inline scripts instead.
    """
    if preview:
        scripts = "'self' 'unsafe-inline'"
    else:
        scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        # Material sets style attributes from its scripts; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        # Material's icons are data: URIs inside its stylesheet.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def add_policy(html: str, *, preview: bool = False) -> str:
    """The page with its own CSP meta element placed before any script; unchanged if present."""
    if META_MARK in html:
        return html
    content = policy(() if preview else inline_script_hashes(html), preview=preview)
    meta = f'<meta {META_MARK} content="{content}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end() :]


def has_policy(html: str) -> bool:
    return META_MARK in html
