"""Handoff to a person (转人工): engine hook, office hours, delivery of staff replies."""
