"""Thin channel adapters over the conversation engine."""
