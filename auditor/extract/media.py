"""Images, fonts, audio and video: files that hold no configuration, skipped by design, not as blind spots.

A binary file botaudit cannot read is listed in coverage as not examined (it could be a keystore, a pickled
credential, a compiled config). A picture or a font is not such a file, and a repository holds hundreds of
them: listing each as a gap would bury the gaps that matter. A file counts as media only when its name and its
first bytes agree (a `.png` that starts with the PNG signature); a `.png` holding anything else stays a binary
gap, and one holding text is scanned as text. The signatures are the formats' own published magic numbers.
"""

from __future__ import annotations

import posixpath

# Extension -> the signatures a file of that format starts with (at offset 0, or at the offset given).
_SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    "png": ((0, b"\x89PNG\r\n\x1a\n"),),
    "jpg": ((0, b"\xff\xd8\xff"),),
    "jpeg": ((0, b"\xff\xd8\xff"),),
    "gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    "webp": ((8, b"WEBP"),),  # RIFF....WEBP
    "ico": ((0, b"\x00\x00\x01\x00"),),
    "woff": ((0, b"wOFF"),),
    "woff2": ((0, b"wOF2"),),
    "ttf": ((0, b"\x00\x01\x00\x00"), (0, b"true")),
    "otf": ((0, b"OTTO"),),
    "mp3": ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2")),
    "wav": ((8, b"WAVE"),),  # RIFF....WAVE
    "mp4": ((4, b"ftyp"),),
    "mov": ((4, b"ftyp"), (4, b"moov"), (4, b"wide"), (4, b"mdat")),
}
_RIFF = frozenset({"webp", "wav"})


def media_kind(path: str, head: bytes) -> str | None:
    """The media format (`png`) when `path`'s extension and the file's first bytes agree, else None."""
    ext = posixpath.splitext(path)[1][1:].lower()
    signatures = _SIGNATURES.get(ext)
    if not signatures:
        return None
    if ext in _RIFF and not head.startswith(b"RIFF"):
        return None
    for offset, magic in signatures:
        if head[offset : offset + len(magic)] == magic:
            return ext
    return None
