"""Word's own machinery for `render/docx.py`: fields (captions, lists, page numbers), pages
and sections, and column widths measured in the typeface. One module per concern, so the
document writer reads as the order of a report and these as Word's rules."""
