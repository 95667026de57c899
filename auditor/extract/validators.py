"""Structural checks a token format carries inside itself: checksums and self-describing payloads.

A detector names one of these with `checksum: NAME`. A value that verifies is a token the provider could
have issued (confidence high); one that does not was typed by hand or cut short (confidence low: no live
token fails its own checksum). Every check is pure, linear in the value's length and never raises.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Callable

__all__ = ["VALIDATORS", "base62_crc32", "is_cut", "validate"]

# GitHub and npm encode the CRC-32 with the "lexicographic" base62 alphabet: digits, upper, lower.
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_B62_INDEX = {c: i for i, c in enumerate(_B62)}
_MAX_DECODE = 8192  # payload checks decode at most this many characters
_B64URL_INDEX = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}


def base62_crc32(entropy: str, width: int = 6) -> str:
    """The base62 CRC-32 suffix GitHub and npm append to the random part of a token."""
    n = zlib.crc32(entropy.encode("ascii", "replace")) & 0xFFFFFFFF
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = _B62[d] + out
    return out.rjust(width, "0")


def _b62_suffix(value: str) -> bool:
    """`<prefix>_<30 random><6 checksum>`: GitHub classic/OAuth/app tokens, npm access tokens."""
    body = value.rsplit("_", 1)[-1]
    if len(body) < 12 or any(c not in _B62_INDEX for c in body):
        return False
    return base62_crc32(body[:-6]) == body[-6:]


def _b64decode(text: str) -> bytes | None:
    text = text[:_MAX_DECODE].strip()
    text = text.replace("-", "+").replace("_", "/")
    text += "=" * (-len(text) % 4)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def _pypi_macaroon(value: str) -> bool:
    """PyPI API tokens are `pypi-` + a base64url macaroon whose location is pypi.org or test.pypi.org."""
    raw = _b64decode(value.split("-", 1)[-1][:64])
    return raw is not None and (b"pypi.org" in raw[:40])


def _base64_json(value: str) -> bool:
    """A prefix followed by base64 of a JSON object (1Password service accounts, Grafana Cloud tokens)."""
    body = value
    for sep in ("_", "-"):
        head, found, tail = value.partition(sep)
        if found and head.isalnum() and len(head) <= 12 and tail.startswith("eyJ"):
            body = tail
            break
    body = body.split("_", 1)[0] if not body.startswith("eyJ") else body.split("_")[0]
    raw = _b64decode(body)
    if raw is None:
        return False
    try:
        return isinstance(json.loads(raw.decode("utf-8")), dict)
    except (UnicodeDecodeError, ValueError):
        return False


# Signature sizes the JWA algorithms fix (RSA and RSA-PSS depend on the key, so they are not checked).
_JWS_SIGNATURE_BYTES = {
    "HS256": 32,
    "HS384": 48,
    "HS512": 64,
    "ES256": 64,
    "ES384": 96,
    "ES512": 132,
    "EdDSA": 64,
    "Ed25519": 64,
}
_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _canonical_b64url(segment: str) -> bool:
    """Whether a segment is unpadded base64url as every JWT library writes it: a length that encodes whole
    bytes, and the unused low bits of the last character zero (a hand-edited end sets them)."""
    if not segment or len(segment) % 4 == 1 or any(c not in _B64URL for c in segment):
        return False
    unused = {0: 0, 2: 4, 3: 2}[len(segment) % 4]
    last = _B64URL_INDEX[segment[-1]]
    return last & ((1 << unused) - 1) == 0


def _jwt(value: str) -> bool:
    """A JWS in compact form: header and payload are canonical base64url JSON objects, the header names
    an algorithm, and the signature is canonical base64url of the length that algorithm produces."""
    parts = value.split(".")
    if len(parts) != 3 or not all(_canonical_b64url(p) for p in parts):
        return False
    try:
        header = _b64decode(parts[0])
        payload = _b64decode(parts[1])
        if header is None or payload is None:
            return False
        head = json.loads(header.decode("utf-8"))
        body = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    if not (isinstance(head, dict) and isinstance(head.get("alg"), str) and isinstance(body, dict)):
        return False
    size = _JWS_SIGNATURE_BYTES.get(head["alg"])
    return size is None or len(parts[2]) * 3 // 4 == size


def _supabase_anon(value: str) -> bool:
    """A JWT that Supabase signed for its `anon` role: the key every browser of the project holds, public
    by design (row-level security decides what it reads). The `service_role` key fails: it is the secret."""
    if not _jwt(value):
        return False
    payload = _b64decode(value.split(".")[1])
    body = json.loads(payload.decode("utf-8")) if payload is not None else None
    return isinstance(body, dict) and body.get("iss") == "supabase" and body.get("role") == "anon"


def _prefixed_jwt(value: str) -> bool:
    """A JWS behind a provider's dash-ended prefix (Workato's `wrka-`/`wrkaeu-` API tokens): the part after
    the first dash passes the `jwt` check."""
    _prefix, found, token = value.partition("-")
    return bool(found) and _jwt(token)


def _luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if not 0 <= d <= 9:
            return False
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _discord_bot(value: str) -> bool:
    """The first segment of a Discord bot token is the bot's numeric user id in base64."""
    raw = _b64decode(value.split(".", 1)[0])
    return raw is not None and raw.isdigit() and 15 <= len(raw) <= 21


def _b64_private_key(value: str) -> bool:
    """Base64 of a PEM private key block (kubeconfig `client-key-data`, a k8s TLS Secret's `tls.key`)."""
    raw = _b64decode(value.rstrip("="))
    return raw is not None and b"PRIVATE KEY" in raw[:80]


# Printable ASCII, what `user:password` pairs in a header are made of.
_PRINTABLE_ASCII = frozenset(range(0x20, 0x7F))


def _one_byte_off(raw: bytes) -> str | None:
    """`user:password` with one byte that is no text (`…ejf\\x95fbP…`): one base64 character of the header
    changed in a copy or a paste, which touches one byte of the pair or two. The rest of the pair still reads
    as typed, and still gives away all but a character of the password: judge it without that byte. Only
    for pairs of 16 bytes or more, with exactly one such byte: a random byte is printable ASCII 37% of the
    time, so sixteen random bytes with exactly one miss happen a few times in 10^6, and the pair must still
    hold its colon and a password that is no stand-in."""
    if len(raw) < 16:
        return None
    odd = [i for i, b in enumerate(raw) if b not in _PRINTABLE_ASCII]
    if len(odd) != 1:
        return None
    i = odd[0]
    return (raw[:i] + raw[i + 1 :]).decode("ascii")


def _basic_auth(value: str) -> bool:
    """Base64 of `user:password` with a password that is not a stand-in (`admin:admin`, `user:${PASS}`)."""
    from auditor.extract.values import ValueClass, classify_value  # values imports nothing from here

    raw = _b64decode(value.rstrip("=").replace("-", "+"))
    if raw is None:
        return False
    try:
        text: str | None = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or not text.isprintable():
        text = _one_byte_off(raw)
        if text is None:
            return False
    user, sep, password = text.partition(":")
    if not sep or not password or not text.isprintable() or len(user) > 256:
        return False
    if password == user:
        return False
    return classify_value(password, "password") in (ValueClass.SECRET_CANDIDATE, ValueClass.EXAMPLE)


# base64 of "OpenAI": every OpenAI key as issued carries it between two random halves.
_OPENAI_MARKER = "T3BlbkFJ"


def _openai_marker(value: str) -> bool:
    """OpenAI keys either carry the marker as issued or none (a typed `sk-proj-` key without it); a value
    with the marker's tail but not its head (`T4BlbkFJ`) is an edited copy. A random key holds `BlbkFJ` by
    chance about once in 10^10 values."""
    tail = _OPENAI_MARKER[2:]
    at = value.find(tail)
    while at >= 0:
        if value[max(0, at - 2) : at] != _OPENAI_MARKER[:2]:
            return False
        at = value.find(tail, at + 1)
    return True


def _varint(raw: bytes, at: int) -> tuple[int, int] | None:
    """A little-endian base-128 integer at `at`: (value, next offset), or None when the bytes run out."""
    n = shift = 0
    while at < len(raw) and shift < 35:
        byte = raw[at]
        n |= (byte & 0x7F) << shift
        at += 1
        if not byte & 0x80:
            return n, at
        shift += 7
    return None


# Macaroon v2 binary fields (libmacaroons' format, which PyPI's tokens use): location, identifier,
# verification id; the signature closes the token.
_MACAROON_FIELDS = frozenset({1, 2, 4})
_MACAROON_SIGNATURE = 6


def _macaroon_cut(raw: bytes) -> bool:
    """Whether `raw` is a well-formed v2 macaroon that stops before its signature ends: version 2, the
    header's fields (type, length, data) closed by a zero, each caveat's fields closed by a zero, one more
    zero after the last caveat, then the 32-byte signature. Everything up to the end reads as a macaroon, and
    the end comes first: a cut copy. A random body after a real header fails on its first field instead (not
    cut)."""
    if not raw or raw[0] != 2:
        return False
    at, fields, caveats_done = 1, 0, False
    while at < len(raw):
        head = _varint(raw, at)
        if head is None:
            return True
        kind, at = head
        if caveats_done:
            size = _varint(raw, at) if kind == _MACAROON_SIGNATURE else None
            if kind != _MACAROON_SIGNATURE or (size is not None and size[0] != 32):
                return False
            return size is None or size[1] + 32 > len(raw)
        if kind == 0:  # a section ends; an empty one (after the header) ends the caveats
            if fields == 0:
                if at == 2:
                    return False  # no header
                caveats_done = True
            fields = 0
            continue
        if kind not in _MACAROON_FIELDS:
            return False
        size = _varint(raw, at)
        if size is None:
            return True
        length, at = size
        if length > 4096:
            return False
        if at + length > len(raw):
            return True  # the field's data runs past the end
        at += length
        fields += 1
    return True


def _pypi_cut(value: str) -> bool:
    body = value.split("-", 1)[-1][:_MAX_DECODE]
    if len(body) % 4 == 1:
        body = body[:-1]  # half a byte: the cut fell inside a base64 quantum
    raw = _b64decode(body)
    return raw is not None and _macaroon_cut(raw)


# Checks that can also tell a cut copy of a real token: every part present reads as the format's, and the
# value stops before the format's end. Shorter than any token the provider issues: nothing to report.
_CUT: dict[str, Callable[[str], bool]] = {"pypi-macaroon": _pypi_cut}


def is_cut(name: str, value: str) -> bool:
    """Whether `value` is a cut copy of a token of the named check's format (False when the check cannot
    tell)."""
    check = _CUT.get(name)
    if check is None:
        return False
    try:
        return check(value)
    except Exception:  # same guarantee as validate(): never a crash of the scan
        return False


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "base62-crc32": _b62_suffix,
    "pypi-macaroon": _pypi_macaroon,
    "base64-json": _base64_json,
    "jwt": _jwt,
    "prefixed-jwt": _prefixed_jwt,
    "supabase-anon": _supabase_anon,
    "luhn": _luhn,
    "discord-bot-id": _discord_bot,
    "b64-private-key": _b64_private_key,
    "basic-auth": _basic_auth,
    "openai-marker": _openai_marker,
}


def validate(name: str, value: str) -> bool:
    """Whether `value` passes the named structural check (False for an unknown name or any error)."""
    check = VALIDATORS.get(name)
    if check is None:
        return False
    try:
        return check(value)
    except Exception:  # a malformed value is a failed check, never a crash of the scan
        return False
