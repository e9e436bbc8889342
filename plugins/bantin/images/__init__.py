"""Images of news items: safe opening, upright sRGB pixels, no metadata, responsive sizes.

Plain Python over Pillow; the MkDocs adapter is ``bantin.mkdocs.images_plugin``.
"""
