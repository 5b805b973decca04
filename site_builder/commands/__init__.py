"""One module per `bounties` subcommand: `register` adds its parser, `run` does the work."""
