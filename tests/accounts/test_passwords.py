"""Password hashing alone."""

from __future__ import annotations

from argon2 import PasswordHasher

from resumeforge.accounts import passwords


def test_hash_verifies_and_wrong_password_does_not() -> None:
    stored = passwords.hash_password("a long password")
    assert passwords.verify_password(stored, "a long password")
    assert not passwords.verify_password(stored, "another password")


def test_missing_hash_never_verifies() -> None:
    assert not passwords.verify_password(None, "a long password")


def test_hash_made_with_weaker_parameters_needs_rehash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("pw pw pw pw")
    assert passwords.needs_rehash(weak)
    assert not passwords.needs_rehash(passwords.hash_password("pw pw pw pw"))
