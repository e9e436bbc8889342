"""Thin MkDocs adapters over bantin.core; the only place MkDocs types are imported."""
