"""Submission intake: the issue forms and links hunters file through, and reading a filed
issue back into a validated submission."""
