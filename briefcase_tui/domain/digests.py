"""SHA-256 and BLAKE2b digests without loading OpenSSL where it does not pay.

`import hashlib` loads OpenSSL's libcrypto: 3.7 MiB of the app's memory, more than a tenth
of a one-line Textual app's, for the few digests Briefcase takes before its first screen
(the corpus cache's stamp, the stamp of a settings or pack file). Python's own BLAKE2b is
what `hashlib.blake2b` gives anyway; its own SHA-256 gives the same digest, slower than
OpenSSL's on large data, so data past `OPENSSL_FROM` goes to hashlib.
"""

from __future__ import annotations

from typing import Any

__all__ = ["OPENSSL_FROM", "blake2b", "sha256_hex"]

OPENSSL_FROM = 1 << 20
"""Bytes from which a SHA-256 is taken by OpenSSL (several times faster on large data)."""


def _builtin_sha256() -> Any:
    """Python's own SHA-256 constructor (its module's name changed in 3.12), or None."""
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, unused-ignore]  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found, unused-ignore]
        except ImportError:  # a build without it: OpenSSL always
            return None
    return sha256


try:  # `hashlib.blake2b` is this very class
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import blake2b

_SHA256 = _builtin_sha256()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as 64 hexadecimal digits."""
    if _SHA256 is None or len(data) >= OPENSSL_FROM:
        import hashlib

        return hashlib.sha256(data).hexdigest()
    digest: str = _SHA256(data).hexdigest()
    return digest
