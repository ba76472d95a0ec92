"""Logging, request ids, metrics and health checks."""
