"""Offline answer composition: question shape, sentence choice, the five-part answer."""
