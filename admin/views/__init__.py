"""The back office's page modules, one per screen family; each exposes a `router`.

`admin.routes` includes them under /admin. Shared request helpers stay in `admin/` beside
(`deps`, `forms`, `workflow`, `templating`).
"""
