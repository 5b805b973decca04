"""`python -m site_builder`: the `bounties` command."""

from .cli import main

raise SystemExit(main())
