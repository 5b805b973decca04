"""Run AI-safety bounty programs in git: content model, validator, site builder and bot."""

__version__ = "0.1.0"
