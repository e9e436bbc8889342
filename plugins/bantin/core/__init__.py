"""The plain-Python core of bantin. Nothing in this package imports MkDocs."""
