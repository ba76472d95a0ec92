"""Users, passwords, JWT access tokens and rotating refresh tokens."""
