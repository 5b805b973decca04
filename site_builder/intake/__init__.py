"""Submission intake: how hunters reach the issue form, and (later) how issues are parsed."""
