"""Tests of the `bounties` subcommands through `site_builder.cli.main`."""
