"""Fingerprints started ahead (`redact.fingerprint_soon`): the memory-hard derivation runs on a helper thread
while the scan goes on, and a file's secrets get their fingerprints when its evidence is built.

The fingerprint is the one `redact.fingerprint` gives; a value asked many times is derived once; a forked
process (a pool worker) starts helpers of its own; a scan's secrets carry the same fingerprints either way.
"""

from __future__ import annotations

import multiprocessing
import threading
from typing import Any

import pytest

from auditor import redact
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes

ISSUED = "ghp_" + "Zq3Vw8Rt1Yu5Io7Pa2Sd4Fg6Hj9Kl0Xc3Vb"  # a GitHub PAT shape (its checksum is not valid)
VALUES = [("password", "hunter2-but-longer"), ("generic_token", "q8Zr2LwX0pVd7KcNm4TgYb1HsJ6fRe3U")]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(redact, "_cache", {})
    monkeypatch.setattr(redact, "_inflight", {})
    monkeypatch.setattr(redact, "_inline_left", 0)  # helpers from the first value on


def test_the_fingerprint_is_fingerprints_own(fresh: None) -> None:
    for kind, value in [*VALUES, ("github_pat", ISSUED)]:
        soon = redact.fingerprint_soon(kind, value, "project-key")
        assert soon() == redact.fingerprint(kind, value, "project-key")


def test_a_value_asked_many_times_is_derived_once(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bytes] = []
    gate = threading.Event()
    real = redact._scrypt

    def slow(data: bytes, salt: bytes) -> bytes:
        calls.append(data)
        gate.wait(5)  # hold the first derivation so the later questions find it in flight
        return real(data, salt)

    monkeypatch.setattr(redact, "_scrypt", slow)
    if redact._helper_pool() is None:
        pytest.skip("one core: fingerprints are derived inline")
    answers = [redact.fingerprint_soon("password", "same-value-again") for _ in range(20)]
    gate.set()
    assert len({answer() for answer in answers}) == 1
    assert calls == [b"same-value-again"]
    assert not redact._inflight  # done: nothing left in flight


def _in_child(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    queue.put(redact.fingerprint_soon(*VALUES[1], "k")())


def test_a_forked_worker_derives_with_helpers_of_its_own(fresh: None) -> None:
    redact.fingerprint_soon(*VALUES[0], "k")()  # the parent's helpers exist now
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_in_child, args=(queue,), daemon=True)
    child.start()
    got = queue.get(timeout=60)
    child.join(60)
    assert child.exitcode == 0
    assert got == redact.fingerprint(*VALUES[1], "k")


def test_a_fork_while_a_helper_holds_the_cache_lock_does_not_hang_the_child(fresh: None) -> None:
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with redact._cache_lock:  # as a helper remembering a derivation at the moment of the fork
            held.set()
            release.wait(60)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(10)
    try:
        ctx = multiprocessing.get_context("fork")
        queue = ctx.Queue()
        child = ctx.Process(target=_in_child, args=(queue,), daemon=True)
        child.start()
        got = queue.get(timeout=20)  # a child stuck on the inherited lock would never answer
        child.join(60)
    finally:
        release.set()
        thread.join()
    assert got == redact.fingerprint(*VALUES[1], "k")


def test_a_process_derives_its_first_fingerprints_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import Future

    monkeypatch.setattr(redact, "_cache", {})
    monkeypatch.setattr(redact, "_inflight", {})
    monkeypatch.setattr(redact, "_inline_left", 2)
    submitted: list[tuple[str, Future[str]]] = []

    def submit(_fn: Any, _lookup: bytes, _kind: str, value: str, _key: str) -> Future[str]:
        future: Future[str] = Future()  # answered below, once the caller has let go of the cache lock
        submitted.append((value, future))
        return future

    pool = redact._helper_pool()
    if pool is not None:
        monkeypatch.setattr(pool, "submit", submit)
    for i in range(4):
        soon = redact.fingerprint_soon("password", f"value-{i}", "k")
        for _value, future in submitted:
            if not future.done():
                future.set_result(redact.scrypt_fingerprint("password", f"value-{i}", "k"))
        assert soon() == redact.fingerprint("password", f"value-{i}", "k")
    assert [value for value, _ in submitted] == ([] if pool is None else ["value-2", "value-3"])


def test_a_file_s_secrets_carry_their_fingerprints(fresh: None) -> None:
    detectors = DetectorSet.load()
    tokens = [f"q8Zr2LwX0pVd7Kc{i:02d}Nm4TgYb1HsJ6fRe3U" for i in range(12)]
    text = "".join(f'SERVICE_{i}_SECRET="{token}"\n' for i, token in enumerate(tokens))
    scan = scan_bytes("deploy/.env", text.encode(), detectors, fingerprint_key="k")
    assert len(scan.secrets) == 12
    for match, token in zip(sorted(scan.secrets, key=lambda m: m.location.line), tokens, strict=True):
        assert match.fingerprint == redact.fingerprint(match.kind, token, "k")
