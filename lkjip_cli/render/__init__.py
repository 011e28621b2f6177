"""Presentation: the number formatter, table models, rich tables, exports and Markdown."""
