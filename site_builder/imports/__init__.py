"""Findings received elsewhere (HackerOne, a portal, a spreadsheet) read into finding files:
each input format maps to one typed record, which is written as a file only after the whole
tree, with the new files in it, validates."""
