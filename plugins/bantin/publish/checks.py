"""Is this folder a finished, complete build that may replace the live release?

Rules, in order:
1. The folder exists, is not empty and holds a build manifest (written last by the
   bantin-guard plugin, so a failed or crashed build never has one) that matches its files.
2. It has ``index.html`` and ``sitemap.xml``.
3. It has not lost many pages compared with the live release. A page that disappears is
   *explained* when the content file it was built from was deleted or renamed in git between
   the live release's commit and this build's commit. Up to 5 % of the live pages (at least
   10) may disappear unexplained: pagination pages, a topic whose last item went, an item
   turned back into a draft. More than that means the build is probably incomplete (a
   half-copied checkout, a wrong ``docs_dir``) and is refused; ``--allow-page-loss``
   publishes it anyway when the loss is intended.
"""

from __future__ import annotations

import math
from pathlib import Path

from bantin.core.problems import Problem
from bantin.guard import manifest as manifests
from bantin.guard.manifest import Manifest, ManifestError

REQUIRED = ("index.html", "sitemap.xml")
FREE_SHARE = 0.05
FREE_MINIMUM = 10


def check_build(site: Path) -> tuple[Manifest | None, list[Problem]]:
    """The build's manifest and every problem that forbids publishing it."""
    shown = str(site)
    if not site.is_dir():
        return None, [Problem(shown, 0, "build", "is not a folder; build first: mkdocs build")]
    if not any(site.iterdir()):
        return None, [Problem(shown, 0, "build", "is empty; build first: mkdocs build")]
    try:
        manifest = manifests.read(site)
    except ManifestError as error:
        return None, [Problem(shown, 0, "build", str(error))]
    problems = [
        Problem(shown, 0, "build", f"{name} is missing; a portal build always has it")
        for name in REQUIRED
        if name not in manifest.files
    ]
    problems += [
        Problem(shown, 0, "build", f"{difference}; the folder changed after the build, build again")
        for difference in manifests.differences(site, manifest)
    ]
    return manifest, problems


def allowed_loss(live_pages: int) -> int:
    return max(FREE_MINIMUM, math.ceil(live_pages * FREE_SHARE))


def check_page_loss(
    site: Path, live: Manifest, new: Manifest, deleted: set[str] | None
) -> list[Problem]:
    """Refuse a build that lost more pages than git deletions and the allowance explain."""
    lost = sorted(live.pages - new.pages)
    explained = [page for page in lost if deleted and live.sources.get(page) in deleted]
    unexplained = [page for page in lost if page not in explained]
    allowance = allowed_loss(len(live.pages))
    if len(unexplained) <= allowance:
        return []
    examples = ", ".join(unexplained[:5]) + (" …" if len(unexplained) > 5 else "")
    if deleted is None:
        git_part = (
            "git could not say which content files were deleted (run from the repository or "
            "pass --repo; the live release or this build has no commit recorded)"
        )
    else:
        git_part = (
            f"git shows {len(deleted)} content file(s) deleted or renamed between "
            f"{live.commit[:12] or '?'} and {new.commit[:12] or '?'}, which explain "
            f"{len(explained)} of them"
        )
    message = (
        f"{len(lost)} pages of the live site would disappear ({len(live.pages)} live, "
        f"{len(new.pages)} in this build), e.g. {examples}; {git_part}; at most "
        f"{allowance} unexplained pages may go at once (5% of the live pages, at least "
        f"{FREE_MINIMUM}). Check that the build saw all of content/; if the loss is "
        "intended, publish with --allow-page-loss"
    )
    return [Problem(str(site), 0, "pages", message)]
