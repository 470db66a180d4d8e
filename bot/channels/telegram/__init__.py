"""Telegram channel: python-telegram-bot application, handlers, rendering, outbox."""
