"""Back-office storage: request queries for the lists (`queries`), staff sessions kept on the
server (`sessions`) and the dashboard's figures (`stats`)."""
