"""Password hashing with argon2id (OWASP's first choice), re-hashed when parameters change."""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()  # argon2id with the library's current RFC 9106 low-memory profile

# Verified against when the email is unknown, so that a login costs the same either way.
_DECOY_HASH = _hasher.hash("a password nobody has: it only spends the same time")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; takes the same time when there is no hash to check."""
    try:
        return _hasher.verify(password_hash or _DECOY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


# Hashing spends tens of milliseconds of CPU and 64 MiB each: off the event loop, and on a
# pool of a bounded size so that a burst of logins queues instead of exhausting memory.
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


# Niceness of the hashing threads (and of the lane threads argon2 starts from them, which
# inherit it): under a burst of logins the event loop still gets the CPU first.
HASHING_NICENESS = 10
# PASSWORD_HASH_THREADS's default, for callers without settings: the pool is sized once, by
# whichever call comes first, so this only matters when nothing else hashed before.
DEFAULT_HASH_THREADS = 2


def _lower_priority() -> None:
    if hasattr(os, "setpriority"):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASHING_NICENESS)


def _hashing_pool(threads: int) -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(
                max_workers=threads, thread_name_prefix="argon2", initializer=_lower_priority
            )
        return _pool


async def hash_password_off_loop(password: str, *, threads: int = DEFAULT_HASH_THREADS) -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_hashing_pool(threads), hash_password, password)


async def verify_password_off_loop(
    password_hash: str | None, password: str, *, threads: int = DEFAULT_HASH_THREADS
) -> bool:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        _hashing_pool(threads), verify_password, password_hash, password
    )
