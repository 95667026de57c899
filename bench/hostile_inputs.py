#!/usr/bin/env python3
"""Pathological but real shapes of input, each scanned at two sizes in one process: CPU seconds per file and
how the cost grows when the input doubles (2.0 is linear). Not a test: figures go to bench/README.md.

    python bench/hostile_inputs.py                          # this checkout
    python bench/hostile_inputs.py --checkout ../base       # another checkout, for a before / after
    python bench/hostile_inputs.py --mb 4 --only zeros-base64-json

Each input is one file as real repositories hold them: a notebook cell output or an inlined image whose
base64 is mostly zero bytes (`AAAA…`), a minified bundle of one line with many secret-named assignments, a
one-line wordlist, random base64, a long run of one character. The scan is the pool worker's
(`filescan.scan_bytes` with the gate and its partitions, as `bench/inprocess_static.py` sets it up).
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _zeros_json(size: int) -> tuple[str, bytes]:
    blob = base64.b64encode(bytes(size * 3 // 4)).decode()
    return "images.json", json.dumps({"image": blob}).encode()


def _notebook(size: int) -> tuple[str, bytes]:
    # An image output of mostly zero bytes (a blank canvas) with a few others, as plots with margins give.
    raw = bytearray(size * 3 // 4)
    rnd = random.Random(1)
    for _ in range(len(raw) // 5000):
        raw[rnd.randrange(len(raw))] = rnd.randrange(256)
    cell = {
        "outputs": [
            {"data": {"image/png": base64.b64encode(bytes(raw)).decode()}, "output_type": "display_data"}
        ]
    }
    return "analysis.ipynb", json.dumps({"cells": [cell], "nbformat": 4}).encode()


def _filled(size: int, part: Callable[[int, int], str], head: str = "") -> bytes:
    """`head`, then `part(index, length so far)` for index 0, 1, ... until the parts reach `size`."""
    parts = [head] if head else []
    length = 0
    index = 0
    while length < size:
        piece = part(index, length)
        parts.append(piece)
        length += len(piece)
        index += 1
    return "".join(parts).encode()


def _minified_assignments(size: int) -> tuple[str, bytes]:
    rnd = random.Random(2)
    return "dist/app.min.js", _filled(
        size, lambda _i, length: f'o{length}.password="{rnd.randrange(10**8):08d}";n.token=t;'
    )


def _one_line_wordlist(size: int) -> tuple[str, bytes]:
    return "wordlist.txt", (b"password=" * (size // 9))


def _random_base64(size: int) -> tuple[str, bytes]:
    rnd = random.Random(3)
    return "blob.json", json.dumps({"data": base64.b64encode(rnd.randbytes(size * 3 // 4)).decode()}).encode()


def _run_of_a(size: int) -> tuple[str, bytes]:
    return "padding.txt", b"A" * size


def _token(rnd: random.Random, size: int = 32) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rnd.choice(alphabet) for _ in range(size))


def _json_line_of_secrets(size: int) -> tuple[str, bytes]:
    # One line of JSON: many objects, each with a distinct random value under a secret-named key.
    rnd = random.Random(4)
    items = [{"id": i, "api_key": _token(rnd)} for i in range(size // 40)]
    return "fixtures/keys.json", json.dumps(items, separators=(",", ":")).encode()


def _minified_tokens(size: int) -> tuple[str, bytes]:
    # A bundle of one line with distinct provider-shaped tokens in it (a leaked build).
    rnd = random.Random(5)
    return "dist/vendor.min.js", _filled(size, lambda _i, length: f'k{length}="ghp_{_token(rnd, 36)}";')


def _dotenv(size: int) -> tuple[str, bytes]:
    rnd = random.Random(6)
    return ".env", _filled(size, lambda i, _length: f"SERVICE_{i}_SECRET={_token(rnd)}\n")


def _yaml_keys(size: int) -> tuple[str, bytes]:
    rnd = random.Random(7)

    def service(i: int, _length: int) -> str:
        n = i + 1  # numbered after the `services:` line, as each service's place in the file
        return f"  svc{n}:\n    url: https://svc{n}.internal\n    token: {_token(rnd)}\n"

    return "config/services.yaml", _filled(size, service, head="services:\n")


INPUTS: dict[str, Callable[[int], tuple[str, bytes]]] = {
    "zeros-base64-json": _zeros_json,
    "notebook-blank-image": _notebook,
    "minified-assignments": _minified_assignments,
    "one-line-wordlist": _one_line_wordlist,
    "random-base64-json": _random_base64,
    "run-of-A": _run_of_a,
    "json-line-of-secrets": _json_line_of_secrets,
    "minified-tokens": _minified_tokens,
    "dotenv-many-secrets": _dotenv,
    "yaml-many-tokens": _yaml_keys,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--mb", type=float, default=2.0, help="the larger size; the smaller is half (default 2)")
    ap.add_argument("--only", action="append", choices=sorted(INPUTS), help="these inputs only")
    args = ap.parse_args()
    sys.path.insert(0, str(args.checkout.resolve()))
    import auditor
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.filescan import probe_partitions, scan_bytes

    print(f"checkout {Path(auditor.__file__).parent.parent}", file=sys.stderr)
    detectors = DetectorSet.load()
    detectors.use_gate(partitions=probe_partitions())
    detectors.prepare()
    big = int(args.mb * 1_000_000)
    print(f"| input | {big // 2 / 1e6:g} MB | {big / 1e6:g} MB | growth when doubled | secrets |")
    print("|---|---|---|---|---|")
    for name in args.only or list(INPUTS):
        times: list[float] = []
        found = 0
        for size in (big // 2, big):
            rel, data = INPUTS[name](size)
            start = time.process_time()
            scan = scan_bytes(rel, data, detectors, fingerprint_key="bench")
            times.append(time.process_time() - start)
            found = len(scan.secrets)
        growth = times[1] / times[0] if times[0] > 0 else float("nan")
        print(f"| {name} | {times[0]:.2f} s | {times[1]:.2f} s | x{growth:.1f} | {found} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
