"""Material overrides for the bounty site (the `custom_dir` of this repository)."""
