"""storage package: the database (SQLite by default, PostgreSQL via DATABASE_URL), its models,
migrations and the queries each part of the application runs.

Durability: every transaction commits with the database's default (PostgreSQL
`synchronous_commit` on: the COMMIT returns once the WAL is flushed) — financing requests and
their consent, status changes, audit entries, outbox notifications and their claims,
feedback, handoffs. The one exception is a plain chat turn on PostgreSQL (its conversation's
state and transcript rows, nothing else): one statement committed with `synchronous_commit`
off for that statement's transaction only (`storage.turn_write`), so a database crash may lose
the last fraction of a second of such turns, never anything else.
"""
