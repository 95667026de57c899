"""The one place secret values become safe text: previews and keyed, memory-hard fingerprints.

A report reader must not be able to recover a secret from what botaudit prints:

* **Previews** show only a documented public prefix (`ghp_`, `AKIA`, `xoxb-`), never a character of the
  secret part, and never any part of a password or generic secret. No length is shown: the length of a
  password is half of guessing it.
* **Fingerprints** are scrypt (memory-hard: 8 MiB and ~20 ms of a core per guess) over the value, salted
  with an HMAC of the credential kind under the project's key. Without the key nothing can be checked at
  all; with the built-in default key every guess still costs a full scrypt, so a dictionary or a brute force
  over a short password's unknown characters costs years instead of a minute. The same value under the
  same key gives the same fingerprint on every machine, so baselines travel between CI and laptops.

Each distinct value is derived once per process: the cache is keyed by a fast HMAC of the value (never the
value itself), so the memory-hard step is paid once per secret, not once per occurrence.
"""

from __future__ import annotations

import hashlib
import hmac
import threading

__all__ = [
    "DEFAULT_FINGERPRINT_KEY",
    "FINGERPRINT_KEY_ENV",
    "MASK",
    "SCRYPT_N",
    "SCRYPT_R",
    "fingerprint",
    "redact",
    "scrub",
    "stable_id",
]

# Used when neither botaudit.yaml (`fingerprint_key`) nor BOTAUDIT_FINGERPRINT_KEY sets one. It is public
# (it is in this file), so the scan warns when it is in use; scrypt keeps guessing slow even then.
DEFAULT_FINGERPRINT_KEY = "botaudit-v1-default-fingerprint-key"
FINGERPRINT_KEY_ENV = "BOTAUDIT_FINGERPRINT_KEY"

# scrypt cost: N=2^13, r=8 is 8 MiB of memory and ~20 ms of one core per derivation on the 2-core
# development machine. N=2^14 (16 MiB, ~45 ms) cost the 200 MB benchmark, whose 60 planted secrets are all
# distinct, ~2.7 s of CPU (+35% wall); 2^13 halves that while a guess stays ~20,000× dearer than the old HMAC
# (bench/README.md). Changing these changes every fingerprint (and so every baseline).
SCRYPT_N = 1 << 13
SCRYPT_R = 8
SCRYPT_P = 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024
_VERSION = b"botaudit-fingerprint-v2"

MASK = "****"

_cache: dict[bytes, str] = {}
_cache_lock = threading.Lock()
_CACHE_MAX = 100_000


def redact(value: str, public_prefixes: tuple[str, ...] | list[str] = ()) -> str:
    """A preview of a secret: the public prefix its detector declares (when the value has it) and a mask.
    Nothing of the secret part and not its length."""
    for prefix in sorted(public_prefixes, key=len, reverse=True):
        if prefix and value.startswith(prefix) and len(value) > len(prefix):
            return prefix + MASK
    return MASK


def fingerprint(kind: str, value: str, key: str = DEFAULT_FINGERPRINT_KEY) -> str:
    """16 hex characters: scrypt over `value`, salted with HMAC-SHA-256(key, kind). Memory-hard, keyed."""
    data = value.encode("utf-8", "surrogatepass")
    key_bytes = key.encode("utf-8", "surrogatepass")
    kind_bytes = kind.encode("utf-8", "surrogatepass")
    lookup = hmac.new(key_bytes, b"cache\x00" + kind_bytes + b"\x00" + data, hashlib.sha256).digest()
    cached = _cache.get(lookup)
    if cached is not None:
        return cached
    salt = hmac.new(key_bytes, _VERSION + b"\x00" + kind_bytes, hashlib.sha256).digest()
    derived = hashlib.scrypt(
        data, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=_SCRYPT_MAXMEM, dklen=8
    ).hex()
    with _cache_lock:
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()  # a bound, not an eviction policy: scans with this many secrets are rare
        _cache[lookup] = derived
    return derived


def stable_id(*parts: object) -> str:
    """A short unkeyed hash of non-secret parts (rule id, path, key path): finding fingerprints."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def scrub(text: str, secrets: list[str] | tuple[str, ...]) -> str:
    """Replace every occurrence of the given secret values in `text` with a mask."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if secret and len(secret) >= 6:
            text = text.replace(secret, MASK)
    return text
