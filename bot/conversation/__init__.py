"""Conversation logic behind the engine: commands, the chat form, and reply builders."""
