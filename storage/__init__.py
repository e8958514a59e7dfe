"""Storage: SQLite through aiosqlite, behind narrow store classes."""
