"""PostgreSQL: the engine and sessions, the embedded server for local runs, migrations."""
