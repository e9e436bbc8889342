"""Every output path stays inside the output folder (a slug with ``..`` must not escape)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path

from bantin.core.problems import Problem


def escaping_outputs(site_dir: Path, outputs: Iterable[tuple[str, str]]) -> list[Problem]:
    """Problems for ``(shown source, dest_uri)`` pairs that would be written outside site_dir."""
    root = site_dir.resolve()
    linked: dict[str, bool] = {}
    problems = []
    for shown, dest_uri in outputs:
        parts = dest_uri.replace("\\", "/").split("/")
        escapes = ".." in parts or posixpath.isabs(dest_uri) or dest_uri.startswith("\\")
        if not escapes:
            # Lexically inside; only a symbolic link already in the site folder could lead
            # elsewhere. Resolving every one of thousands of paths is slow, so only paths
            # under a linked top-level entry are resolved.
            first = parts[0]
            if first not in linked:
                linked[first] = (root / first).is_symlink()
            if linked[first]:
                target = (root / dest_uri).resolve()
                escapes = target != root and root not in target.parents
        if escapes:
            problems.append(
                Problem(
                    shown,
                    0,
                    "url",
                    f'would be written to "{dest_uri}", outside the site folder; '
                    'slugs and paths may not contain ".." or start with "/"',
                )
            )
    return sorted(problems)
