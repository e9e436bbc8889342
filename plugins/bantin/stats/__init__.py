"""Visitor statistics from web-server access logs (plain Python, no MkDocs imports).

``logparse`` classifies one combined-format line, ``bots`` tells crawlers from readers,
``sources`` reads plain and gzip logs incrementally, ``state`` keeps the SQLite state,
``ingest`` ties them together for one run, ``figures`` turns the state into the public JSON,
``sitepages`` lists the real pages of a built site, ``content`` and ``charts`` draw the
content statistics page.
"""
