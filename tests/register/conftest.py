"""Fixtures of tests/register (defined in a11y/portal.py, shared with tests/a11y)."""

from a11y.portal import a11y_artifacts, chromium, portal_site, portal_url

__all__ = ["a11y_artifacts", "chromium", "portal_site", "portal_url"]
