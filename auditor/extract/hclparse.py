"""python-hcl2's parse of a text, once per content within a run.

The extractor (`lineformats.load_hcl`) and the Terraform and Vault code collectors each parse the `.tf` and
`.hcl` files they read; within one run each distinct content is parsed once and every caller gets its own
copy (kept in marshal's format). A text python-hcl2 refuses is never kept: its error is raised again, as the
callers expect, on every parse.

Parsed values are deliberately never written to botaudit's on-disk cache: they hold the scanned files' own
values, secrets included, and a secret scanner must not copy the secrets it reads into another folder that
outlives the scan (an earlier version did, for ~0.15 s of a repeated scan's start-up).
"""

from __future__ import annotations

import hashlib
import marshal
from typing import Any

__all__ = ["parse_hcl"]

# Parsed contents this process keeps (marshalled), for a file both the extractor and a collector parse.
_MEMO_LIMIT = 256
_memo: dict[str, bytes] = {}


def parse_hcl(text: str) -> Any:
    """`hcl2.loads(text)`, parsed once per content in this run. Raises what hcl2 raises."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    body = _memo.get(digest)
    if body is not None:
        return marshal.loads(body)
    import hcl2  # imported lazily: lark builds its grammar on first use and most scans have no HCL

    value = hcl2.loads(text)
    try:
        body = marshal.dumps(value)
    except ValueError:  # a value marshal cannot hold (python-hcl2 only builds plain data): no memo
        return value
    if len(_memo) >= _MEMO_LIMIT:
        _memo.pop(next(iter(_memo)))
    _memo[digest] = body
    return marshal.loads(body)  # the caller's own copy, as on every later call
