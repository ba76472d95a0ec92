"""Documents a user uploads: checks, parsing into a `Resume` (see `parsing`)."""
