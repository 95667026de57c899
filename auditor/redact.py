"""The one place secret values become safe text: previews and keyed fingerprints."""

from __future__ import annotations

import hashlib
import hmac

# Used when botaudit.yaml sets no `fingerprint_key`. A per-project key stops anyone holding a report from
# confirming a guessed password against its fingerprint; the default still prevents plain dictionary lookups
# from public rainbow tables of unkeyed SHA-256.
DEFAULT_FINGERPRINT_KEY = "botaudit-v1-default-fingerprint-key"

PREVIEW_CHARS = 4


def redact(value: str, keep: int = PREVIEW_CHARS) -> str:
    """A preview that never shows more than the first `keep` (at most 4) characters of a value."""
    keep = min(keep, PREVIEW_CHARS)
    if len(value) <= keep * 2:
        # Too short to show any of it without revealing a large share.
        return "*" * min(len(value), 8) or "*"
    return value[:keep] + "…" + f"({len(value)} chars)"


def fingerprint(kind: str, value: str, key: str = DEFAULT_FINGERPRINT_KEY) -> str:
    """HMAC-SHA-256 of kind + value under the project key, first 16 hex characters."""
    mac = hmac.new(key.encode("utf-8"), f"{kind}\x00{value}".encode("utf-8", "surrogatepass"), hashlib.sha256)
    return mac.hexdigest()[:16]


def stable_id(*parts: object) -> str:
    """A short unkeyed hash of non-secret parts (rule id, path, key path): finding fingerprints."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def scrub(text: str, secrets: list[str] | tuple[str, ...]) -> str:
    """Replace every occurrence of the given secret values in `text` with their redacted preview."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if secret and len(secret) >= 6:
            text = text.replace(secret, redact(secret))
    return text
