"""Build guards: safe input, strict output, a manifest that proves the build finished.

Plain Python with no MkDocs imports; ``bantin.mkdocs.guard_plugin`` is the thin adapter.
"""
