"""The triage bot: reads a GitHub event, answers submissions and applies maintainers' rulings.
It only reads the content model; all GitHub access goes through `gateway.py`."""
