"""Subscriptions: owners opt in to notices on topics (订阅 / 退订); publications and ends of
validity reach them through the outbox (see docs/subscriptions.md)."""
