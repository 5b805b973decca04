"""The content model: files under programs/ loaded, validated and decided on for publication.

Nothing in this package imports MkDocs, the bot or the CLI; everything else depends on it.
"""
