"""Notifications: in the app (a table the user reads) and by e-mail (an outbox sent by a job)."""
