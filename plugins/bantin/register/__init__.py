"""The document register "Văn bản": plain-Python core (no MkDocs imports)."""
