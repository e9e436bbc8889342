"""Rendering a site's pages in several processes at once (``bantin-parallel``).

MkDocs renders one page after the other on one core. After the navigation is known the
build forks; every process reads, renders and writes its own share of the pages, and the
helpers hand what the plugins collected along the way (links to check, warnings, search
text) back to the first process, which finishes the build alone.
"""
