"""The one place secret values become safe text: previews and keyed fingerprints, memory-hard where needed.

A report reader must not be able to recover a secret from what botaudit prints:

* **Previews** show only a documented public prefix (`ghp_`, `AKIA`, `xoxb-`), never a character of the
  secret part, and never any part of a password or generic secret. No length is shown: the length of a
  password is half of guessing it.
* **Fingerprints** (scheme 4) come in two tiers, chosen from the kind and the value alone, so one value of
  one kind always gets one fingerprint, whichever detector or collector saw it:

  - **scrypt** (memory-hard: 8 MiB and ~18 ms of a core per guess) over the value, salted with an HMAC of
    the credential kind under the project's key. This is every value a person may have chosen or that may
    be short: passwords, generic and key-name secrets, connection strings, private keys, and any token that
    does not pass the checks below. Without the key nothing can be checked at all; with the built-in
    default key every guess still costs a full scrypt, so a dictionary or a brute force over a short
    password's unknown characters costs years instead of a minute.
  - **issued**: HMAC-SHA-256 under the project's key of the kind and the value, for a token whose provider
    generated its body at random with at least 128 bits: the value fully matches a provider format of its
    kind (`auditor/_issued_formats.py`, derived from the detectors by `auditor.extract.issued`), passes
    that format's checksum where it has one, its random run is long enough for 128 bits over its alphabet
    and does not look typed (character entropy, counting runs). 2^128 guesses are out of reach at any speed
    per guess, so scrypt adds nothing there; the HMAC costs microseconds instead of milliseconds. A
    format-shaped value that fails a check (`ghp_` + 36 `a`, a bad checksum) stays on scrypt.

  The same value under the same key gives the same fingerprint on every machine, so baselines travel
  between CI and laptops. Scheme 2 (scrypt for every value) gave the scrypt tier's values the fingerprints
  they still have. Scheme 3 had the same two tiers with issued formats for 43 kinds; scheme 4 has 171 (the
  detectors that declare their documented prefix); an issued token's HMAC fingerprint is the same in both.
  For an issued token, `scrypt_fingerprint` still derives the fingerprint an older scheme gave it (scheme
  2's, and scheme 3's for the kinds scheme 4 added), which a scan computes only as an alias while a
  baseline, a suppression by fingerprint or a saved snapshot that may hold older fingerprints is in use
  (`legacy_aliases`).

Each distinct value is derived once per process: the cache is keyed by a fast HMAC of the value (never the
value itself), so the memory-hard step is paid once per secret, not once per occurrence.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

__all__ = [
    "DEFAULT_FINGERPRINT_KEY",
    "FINGERPRINT_KEY_ENV",
    "FINGERPRINT_SCHEME",
    "ISSUED_MIN_BITS",
    "InRunKey",
    "LEGACY_SECRET_FINGERPRINTS",
    "MASK",
    "SCRYPT_N",
    "SCRYPT_R",
    "fingerprint",
    "fingerprint_soon",
    "fingerprint_tier",
    "legacy_aliases",
    "legacy_aliases_enabled",
    "legacy_fingerprint",
    "legacy_fingerprints",
    "redact",
    "scrub",
    "scrypt_fingerprint",
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
_VERSION = b"botaudit-fingerprint-v2"  # the scrypt tier's salt label (unchanged since scheme 2)
_ISSUED_VERSION = b"botaudit-fingerprint-v3-issued"  # the issued tier's label (unchanged since scheme 3)
# Scheme 4: two tiers (scrypt, issued), issued formats for 171 kinds. Scheme 3: the same for 43 kinds.
# Scheme 2: scrypt for every value.
FINGERPRINT_SCHEME = 4
ISSUED_MIN_BITS = 128
# A random run whose character entropy is below this share of the most its length and alphabet allow was
# typed, not drawn (`abab…`, a word repeated). Random runs fall below it rarely (about 1 in 1,000 for 32
# hex characters, fewer for longer or wider ones): such a token only keeps scrypt.
_ISSUED_MIN_ENTROPY_SHARE = 0.75
_COUNTING_RUNS = tuple(
    alphabet[i : i + 8]
    for alphabet in ("0123456789", "abcdefghijklmnopqrstuvwxyz")
    for i in range(len(alphabet) - 7)
)

MASK = "****"

_cache: dict[bytes, str] = {}
_scrypt_impl: Callable[[bytes, bytes], bytes] | None = None  # set on the first derivation (_scrypt)
_cache_lock = threading.Lock()
_CACHE_MAX = 100_000
_formats: dict[str, tuple[tuple[re.Pattern[str], tuple[int, ...], str | None], ...]] = {}  # by kind
# Whether `fingerprint` also derives the older (scrypt) fingerprint of issued tokens (see `legacy_aliases`),
# and what it derived: current fingerprint -> older one.
_legacy = False
_legacy_seen: dict[str, str] = {}
# Set by the scan around rule evaluation: current secret fingerprint -> its older (scrypt) one, for the
# issued tokens found (empty unless legacy aliases are on). Findings carry the matching finding fingerprint
# as an alias, so baselines and suppressions recorded under schemes 2 and 3 still match.
LEGACY_SECRET_FINGERPRINTS: ContextVar[Mapping[str, str] | None] = ContextVar(
    "botaudit_legacy_fps", default=None
)


def redact(value: str, public_prefixes: tuple[str, ...] | list[str] = ()) -> str:
    """A preview of a secret: the public prefix its detector declares (when the value has it) and a mask.
    Nothing of the secret part and not its length."""
    for prefix in sorted(public_prefixes, key=len, reverse=True):
        if prefix and value.startswith(prefix) and len(value) > len(prefix):
            return prefix + MASK
    return MASK


def _issued_formats_of(kind: str) -> tuple[tuple[re.Pattern[str], tuple[int, ...], str | None], ...]:
    """The issued formats of one kind, compiled the first time that kind is fingerprinted: a scan meets a
    handful of the table's kinds, and each pool worker compiled all of its ~80 regexes on its first
    fingerprint otherwise."""
    formats = _formats.get(kind)
    if formats is None:
        from auditor._issued_formats import FORMATS

        formats = _formats[kind] = tuple(
            (re.compile(regex), alphabets, checksum) for regex, alphabets, checksum in FORMATS.get(kind, ())
        )
    return formats


# Standard alphabets, smallest first: a run drawn only from one of them is counted as drawn from it, whatever
# wider class its format allows (32 hex characters under a base62 class are 128 bits, not 190).
_ALPHABETS = tuple(
    frozenset(chars)
    for chars in (
        "0123456789",
        "0123456789abcdef",
        "0123456789ABCDEF",
        "0123456789abcdefghijklmnopqrstuvwxyz",
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    )
)


def _random_run(run: str, alphabet: int) -> bool:
    """Whether a run of a provider format is long enough for ISSUED_MIN_BITS and does not look typed."""
    n = len(run)
    used = set(run)
    alphabet = min([alphabet, *(len(a) for a in _ALPHABETS if used <= a)])
    if n * math.log2(alphabet) < ISSUED_MIN_BITS:
        return False
    entropy = -sum(c / n * math.log2(c / n) for c in Counter(run).values())
    if entropy < _ISSUED_MIN_ENTROPY_SHARE * math.log2(min(n, alphabet)):
        return False
    low = run.lower()
    return not any(counting in low for counting in _COUNTING_RUNS)


def fingerprint_tier(kind: str, value: str) -> Literal["issued", "scrypt"]:
    """Which fingerprint a value of a kind gets: "issued" (keyed HMAC) or "scrypt" (memory-hard)."""
    formats = _issued_formats_of(kind)
    if not formats or not value.isascii():
        return "scrypt"
    for regex, alphabets, checksum in formats:
        m = regex.fullmatch(value)
        if m is None:
            continue
        # One run must carry the claim alone; the others (ids, dates) count for nothing.
        if not any(_random_run(m.group(f"r{i}") or "", size) for i, size in enumerate(alphabets)):
            continue
        if checksum is not None:
            from auditor.extract.validators import validate  # pure checks, stdlib only

            if not validate(checksum, value):
                continue
        return "issued"
    return "scrypt"


def _lookup(key_bytes: bytes, kind_bytes: bytes, data: bytes, label: bytes) -> bytes:
    return hmac.new(key_bytes, label + b"\x00" + kind_bytes + b"\x00" + data, hashlib.sha256).digest()


def _remember(lookup: bytes, derived: str) -> str:
    with _cache_lock:
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()  # a bound, not an eviction policy: scans with this many secrets are rare
        _cache[lookup] = derived
    return derived


def scrypt_fingerprint(kind: str, value: str, key: str = DEFAULT_FINGERPRINT_KEY) -> str:
    """16 hex characters: scrypt over `value`, salted with HMAC-SHA-256(key, kind). Memory-hard, keyed.
    The scrypt tier's fingerprint, and scheme 2's for every value."""
    data = value.encode("utf-8", "surrogatepass")
    key_bytes = key.encode("utf-8", "surrogatepass")
    kind_bytes = kind.encode("utf-8", "surrogatepass")
    lookup = _lookup(key_bytes, kind_bytes, data, b"cache")
    cached = _cache.get(lookup)
    if cached is not None:
        return cached
    salt = hmac.new(key_bytes, _VERSION + b"\x00" + kind_bytes, hashlib.sha256).digest()
    return _remember(lookup, _scrypt(data, salt).hex())


def _openssl_scrypt(data: bytes, salt: bytes) -> bytes:
    return hashlib.scrypt(data, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=_SCRYPT_MAXMEM, dklen=8)


def _scrypt(data: bytes, salt: bytes) -> bytes:
    """The 8 bytes of scrypt(N, r, p) of `data` under `salt`: libsodium's implementation (PyNaCl) where it is
    installed, else OpenSSL's (`hashlib.scrypt`). Both compute the same function (RFC 7914) and return the
    same bytes, so a fingerprint does not depend on which one a machine has (tests/test_scrypt_backends.py);
    libsodium's vectorised Salsa20/8 costs 25-40% less CPU per derivation than OpenSSL's on x86-64, and the
    memory-hard step is a scan's largest cost where it finds many passwords (bench/README.md). Imported on
    the first derivation only: a scan that finds no such secret never loads it."""
    global _scrypt_impl
    if _scrypt_impl is None:
        _scrypt_impl = _load_scrypt()
    return _scrypt_impl(data, salt)


def _load_scrypt() -> Callable[[bytes, bytes], bytes]:
    try:
        from nacl.bindings import crypto_pwhash_scryptsalsa208sha256_ll as sodium_scrypt
    except ImportError:  # PyNaCl missing, or built without libsodium's scrypt
        return _openssl_scrypt

    def derive(data: bytes, salt: bytes) -> bytes:
        return bytes(sodium_scrypt(data, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, dklen=8, maxmem=_SCRYPT_MAXMEM))

    return derive


class InRunKey(str):
    """The project's key, for a run whose secret fingerprints never leave the process.

    A scan that writes only the terminal table, with no baseline, no suppression by fingerprint, no snapshot
    and no platform connection, shows no fingerprint and stores none: it needs them only to tell values apart
    and to join what it found (one secret in two files is one credential). `fingerprint` then takes a keyed
    HMAC of every value, labelled apart from the issued tier's, so no memory-hard derivation is made and no
    value of this run can meet a fingerprint of another. The scan decides (`auditor.scan`); a key read from
    botaudit.yaml or the environment is a plain str and never this type."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type[InRunKey], tuple[str]]:
        return (InRunKey, (str(self),))


_IN_RUN_VERSION = b"botaudit-fingerprint-in-run"


def _keyed(label: bytes, kind: str, value: str, key: str) -> str:
    """16 hex characters of HMAC-SHA-256 under `key` of the label, the kind and the value."""
    message = b"\x00".join(
        (label, kind.encode("utf-8", "surrogatepass"), value.encode("utf-8", "surrogatepass"))
    )
    return hmac.new(key.encode("utf-8", "surrogatepass"), message, hashlib.sha256).hexdigest()[:16]


def fingerprint(kind: str, value: str, key: str = DEFAULT_FINGERPRINT_KEY) -> str:
    """16 hex characters, keyed: HMAC-SHA-256 for a provider-issued token (`fingerprint_tier`), else
    `scrypt_fingerprint`. One (kind, value, key) always gives one fingerprint. Under an `InRunKey` (a run
    that shows and stores no fingerprint), a keyed HMAC of every value."""
    if type(key) is InRunKey:
        return _keyed(_IN_RUN_VERSION, kind, value, key)
    if fingerprint_tier(kind, value) == "scrypt":
        return scrypt_fingerprint(kind, value, key)
    derived = _keyed(_ISSUED_VERSION, kind, value, key)
    if _legacy and derived not in _legacy_seen:
        with _cache_lock:
            if len(_legacy_seen) >= _CACHE_MAX:
                _legacy_seen.clear()
        _legacy_seen[derived] = scrypt_fingerprint(kind, value, key)
    return derived


# Memory-hard derivations started ahead on helper threads (fingerprint_soon): libsodium's and OpenSSL's
# scrypt release the GIL, so a file's derivations run beside the scan's Python and on a core another
# process leaves idle. Made on first use in each process and forgotten in a forked child (threads do not
# survive a fork).
_MAX_HELPERS = 4
# A process derives its first few fingerprints itself: most scans meet a handful of secrets per worker,
# where helper threads cost more than they save (measured on the default corpus: ~5% of its CPU).
_INLINE_FIRST = 16
_inline_left = _INLINE_FIRST
_helpers: ThreadPoolExecutor | None = None
_inflight: dict[bytes, Future[str]] = {}


def _helper_pool() -> ThreadPoolExecutor | None:
    global _helpers
    if _helpers is None:
        try:
            cores = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cores = os.cpu_count() or 1
        if cores < 2:
            return None
        from concurrent.futures import ThreadPoolExecutor

        _helpers = ThreadPoolExecutor(max_workers=min(cores, _MAX_HELPERS), thread_name_prefix="fingerprint")
    return _helpers


def _forget_helpers() -> None:
    """In a forked child: no helper threads, nothing in flight, and a lock no helper of the parent can be
    holding (one that held it at the fork would never release it here)."""
    global _helpers, _cache_lock, _inline_left
    _helpers = None
    _inflight.clear()
    _cache_lock = threading.Lock()
    _inline_left = _INLINE_FIRST


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_helpers)


def _derive(lookup: bytes, kind: str, value: str, key: str) -> str:
    try:
        return scrypt_fingerprint(kind, value, key)  # remembered under `lookup` by _remember
    finally:
        with _cache_lock:
            _inflight.pop(lookup, None)


def fingerprint_soon(kind: str, value: str, key: str = DEFAULT_FINGERPRINT_KEY) -> Callable[[], str]:
    """`fingerprint(kind, value, key)`, to be had by calling the result: a memory-hard derivation not yet
    known in this process starts now on a helper thread (once per value, however often it is asked), so
    the caller goes on scanning meanwhile (after the process's first _INLINE_FIRST, derived at once). The
    same fingerprint `fingerprint` gives, always."""
    global _inline_left
    if type(key) is InRunKey or fingerprint_tier(kind, value) != "scrypt":
        digest = fingerprint(kind, value, key)
        return lambda: digest
    data = value.encode("utf-8", "surrogatepass")
    lookup = _lookup(
        key.encode("utf-8", "surrogatepass"), kind.encode("utf-8", "surrogatepass"), data, b"cache"
    )
    cached = _cache.get(lookup)
    if cached is not None:
        return lambda: cached
    pool = _helper_pool() if _inline_left <= 0 else None
    if pool is None:
        _inline_left -= 1
        digest = scrypt_fingerprint(kind, value, key)
        return lambda: digest
    with _cache_lock:
        future = _inflight.get(lookup)
        if future is None:
            future = _inflight[lookup] = pool.submit(_derive, lookup, kind, value, key)
    return future.result


def legacy_aliases(enabled: bool) -> None:
    """Whether `fingerprint` also derives the older (scrypt) fingerprint of each issued token in this
    process (and in the pools it starts): on while a baseline, suppression or snapshot of an older scheme
    is in use."""
    global _legacy
    _legacy = enabled


def legacy_aliases_enabled() -> bool:
    return _legacy


def legacy_fingerprint(current: str) -> str | None:
    """The older (scrypt) fingerprint of the issued token whose current fingerprint `current` this process
    derived while legacy aliases were on; None otherwise (scrypt-tier values kept their fingerprint)."""
    return _legacy_seen.get(current) if _legacy else None


def legacy_fingerprints() -> dict[str, str]:
    """Every current -> older pair this process derived (issued tokens, legacy aliases on)."""
    return dict(_legacy_seen) if _legacy else {}


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
