"""bantin: static news portals for Vietnamese provincial People's Committee Offices."""

__version__ = "0.1.0"
