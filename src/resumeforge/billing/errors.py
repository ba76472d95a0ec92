"""Billing errors a client may see."""

from __future__ import annotations

from resumeforge.errors import PaymentRequired


class InsufficientTokens(PaymentRequired):
    slug, title = "insufficient-tokens", "Not enough tokens"

    def __init__(self, *, balance: int, cost: int) -> None:
        super().__init__(
            f"This costs {cost} token(s) and the balance is {balance}. Buy more tokens to go on.",
            balance=balance,
            cost=cost,
        )
