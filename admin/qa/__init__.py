"""The Q&A editor: current entries, gated saving, spreadsheets, pages (/admin/qa)."""
