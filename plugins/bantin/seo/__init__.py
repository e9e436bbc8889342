"""Sharing and search engines: meta tags, JSON-LD, sitemap dates, robots.txt, redirects."""
