"""Fixtures of tests/a11y (defined in a11y/portal.py, shared with tests/register)."""

from a11y.portal import a11y_artifacts, chromium, portal_site, portal_url

__all__ = ["a11y_artifacts", "chromium", "portal_site", "portal_url"]
