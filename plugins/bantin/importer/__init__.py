"""Migration of legacy portal pages (plain text or saved HTML) into bantin news items.

The pipeline: ``blocks`` turns a page into paragraphs, ``chrome`` drops the portal around
the article, ``extract`` finds the fields, ``render`` writes the Markdown file. What cannot be
extracted is never guessed silently: it becomes a ``Gap`` that is reported and marked in the
written item with a ``# CẦN BỔ SUNG`` comment for a person to finish.
"""
