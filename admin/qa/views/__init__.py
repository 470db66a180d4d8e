"""The Q&A editor's pages at /admin/qa: entries (list, edit, preview), spreadsheets,
publishing and versions; each module exposes a `router`."""
