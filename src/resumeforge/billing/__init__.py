"""Tokens: the append-only ledger, token packs, Stripe checkout and webhooks."""
