"""The submission a hunter files through the issue form: one model, from which the JSON Schema,
the generated issue forms and the bot's checks all follow."""

from .model import CONSENTS, HAZARD_CHOICES, Submission

__all__ = ["CONSENTS", "HAZARD_CHOICES", "Submission"]
